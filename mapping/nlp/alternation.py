"""A regular expression that matches any of many literal forms, written as a trie.

Python's `re` tries the branches of an alternation one after the other at every position,
so "form1|form2|…" over hundreds of forms costs hundreds of comparisons per word of text.
A trie ("minist(?:er(?:s)?|ry)") shares the prefixes and decides by one character at each
step: over the topic forms it scans a corpus about fifteen times faster.

The match is the one the alternation sorted longest first would give: of forms that are
prefixes of one another the longest that lets the rest of the pattern match is tried
first (a form's end is an optional group, greedy), and forms that part ways cannot both
match at one place. That holds for a case-sensitive match only: under IGNORECASE "M" and
"m" would be two branches that both match, so such patterns pass `fold_case=True`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the key that marks a form's end in a trie node


def trie_alternation(forms: Iterable[str], *, fold_case: bool = False) -> str:
    """A non-capturing pattern matching any of `forms` (empty forms are ignored)."""
    root: dict[str, dict] = {}
    for form in forms:
        node = root
        for ch in _folded(form) if fold_case else form:
            node = node.setdefault(ch, {})
        if node is not root:
            node[_END] = {}
    return _pattern(root) if root else "(?!)"


def _folded(form: str) -> str:
    # a character whose lower case is longer ("İ") stays as written: under IGNORECASE the
    # pattern's "i̇" would not match it
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in form)


def _pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        # a form ends here and longer ones go on: the longer are tried first
        return f"(?:{body})?"
    return body
