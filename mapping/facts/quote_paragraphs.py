"""A quotation over two paragraphs whose second one does not open the mark again: the
first paragraph opens it and leaves it open, the next closes it and is attributed ("“An
ministers walked by the river ... ¶ Then they sat down to lunch ...,” Tal said"). Copy taken from
the web often loses the second paragraph's opening mark; the quotation is still one."""

from __future__ import annotations

import re

from communique.mapping.facts.attribution import told_after
from communique.mapping.facts.speakers import SpeakerResolver

_ACROSS = re.compile(
    r"(?m)^[ \t]*[“\"](?P<a>[^”“\"\n]{20,})\n[ \t]*\n[ \t]*(?![“\"])"
    r"(?P<b>[^“”\"\n]{20,}?[,.!?])[”\"]"
)


def across_paragraphs(r: SpeakerResolver, text: str) -> list[tuple[str, object, int]]:
    """(words, speaker, offset) of each such quotation whose attribution names its speaker."""
    found = []
    for m in _ACROSS.finditer(text):
        said = told_after(r, text, m, m.end("b"))
        if said.speaker is not None:
            words = f"{m.group('a').strip()} {m.group('b').strip()}".rstrip(",.")
            found.append((words, said.speaker, m.start("a") - 1))
    return found
