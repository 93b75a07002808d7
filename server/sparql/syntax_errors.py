"""A SPARQL syntax error as a person can act on it: where, what is there, what was expected.

Oxigraph's parser reports the position of its furthest attempt and every token that could
have continued there (keywords, character classes): the message keeps the position, the
token found and the punctuation or phrase that helps, with the line and a caret under it.
"""

from __future__ import annotations

import re

_PARSER_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_TOKEN = re.compile(r"[\w:?$<>\"'@^.-]+|\S")
MAX_EXPECTED = 6  # tokens named after "expected"; the parser lists dozens at times


def syntax_message(text: str, raw: str) -> str:
    """Oxigraph's syntax error as line, column, what is there and a hint, then the line with
    a caret under the place; the parser's lists of keywords and character classes are left
    out (it names what could have continued its furthest attempt, which misleads)."""
    match = _PARSER_ERROR.match(raw)
    if not match:
        return f"syntax error in the query: {raw[:300]}"
    line_no, column = int(match[1]), int(match[2])
    lines = text.split("\n")
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    message = f"syntax error at line {line_no}, column {column}"
    token = _TOKEN.match(line, column - 1) if 0 < column <= len(line) else None
    if token:
        message += f", near '{token[0][:40]}'"
    elif column > len(line):
        message += ", at the end of the " + ("query" if line_no >= len(lines) else "line")
    hint = _hint(match[3])
    if hint:
        message += f": {hint}"
    return f"{message}\n{line}\n{' ' * max(column - 1, 0)}^"


def _hint(text: str) -> str:
    """What the parser's own message says usefully: its phrases ("Prefix not found") and
    the punctuation it expected; keyword lists and character classes are dropped."""
    text = re.sub(r"\[[^\]]*\]", "", text.removeprefix("expected ").removeprefix("one of "))
    items = [item.strip() for item in text.split(", ")]
    phrases = [item for item in items if " " in item and '"' not in item]
    quoted = [item for item in items if re.fullmatch(r'"[^"]+"', item)]
    if phrases:
        return "; ".join(p if p.split()[0].isupper() else p[0].lower() + p[1:] for p in phrases)
    if not quoted:
        return ""
    shown = [q.replace('"', "'") for q in quoted[:MAX_EXPECTED]]
    more = " …" if len(quoted) > MAX_EXPECTED else ""
    return "expected " + (" or ".join(shown) if len(shown) < 3 else ", ".join(shown)) + more
