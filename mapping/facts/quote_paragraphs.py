"""Quotations whose opening mark the copy lost: over two paragraphs, the first opens it and
leaves it open, the next closes it and is attributed ("“An ministers walked by the river ...
¶ Then they sat down to lunch ...,” Tal said"); or a paragraph of its own that closes a
typographic mark it never opened ("I have asked X to ...,” Tal added."). Copy taken from
the web often loses an opening mark; the quotation is still one."""

from __future__ import annotations

import re

from communique.mapping.facts.attribution import told_after
from communique.mapping.facts.speakers import SpeakerResolver

_ACROSS = re.compile(
    r"(?m)^[ \t]*[“\"](?P<a>[^”“\"\n]{20,})\n[ \t]*\n[ \t]*(?![“\"])"
    r"(?P<b>[^“”\"\n]{20,}?[,.!?])[”\"]"
)


# a paragraph with no mark before a closing typographic one (a straight mark may open)
_UNOPENED = re.compile(r"(?m)^[ \t]*(?![“\"‘«])(?P<b>[^“”\"«»\n]{20,}?[,.!?])”")


def across_paragraphs(r: SpeakerResolver, text: str) -> list[tuple[str, object, int]]:
    """(words, speaker, offset) of each such quotation whose attribution names its speaker."""
    found, seconds = [], set()
    for m in _ACROSS.finditer(text):
        seconds.add(m.start("b"))
        said = told_after(r, text, m, m.end("b"))
        if said.speaker is not None:
            words = f"{m.group('a').strip()} {m.group('b').strip()}".rstrip(",.")
            found.append((words, said.speaker, m.start("a") - 1))
    for m in _UNOPENED.finditer(text):
        if m.start("b") in seconds:
            continue  # (the second paragraph of one read above)
        said = told_after(r, text, m, m.end("b"))
        if said.speaker is not None:
            found.append((m.group("b").strip().rstrip(",."), said.speaker, m.start("b")))
    return found
