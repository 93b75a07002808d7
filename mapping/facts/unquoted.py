"""Direct speech written without quotation marks: a paragraph of the speaker's own words,
closed by its saying clause ("We are opening a new chapter, said X." or "..., X said.").
Quotation marks are the rule, so a paragraph without them is read as speech only when its
words open in the first person ("I", "We", "Our") and the clause after its last comma is
a saying verb and the one who says; who that is, speakers.py resolves as for a quotation."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc

from communique.mapping.entities.entity import Entity
from communique.mapping.facts.reporting import report_verbs_pattern
from communique.mapping.mentions.finder import PERSON
from communique.mapping.nlp.language import doc_text

# the words of a first person who speaks
_FIRST_PERSON = frozenset({"i", "we", "our", "my", "us"})
_MARKS = re.compile(r"[\"“”«»]")
_PARAGRAPH = re.compile(r"[^\n]+")


@cache
def _closing() -> re.Pattern:
    verb = report_verbs_pattern()
    who = r"[^,.;:!?\"“”]{2,60}?"
    return re.compile(rf",\s+(?:{verb}\s+(?P<after>{who})|(?P<before>{who})\s+{verb})\.\s*$")


def unquoted_speech(
    doc: Doc, resolve: Callable[[str, int, int], Entity | None], min_words: int
) -> list[tuple[str, Entity, int]]:
    """(words, speaker, offset) of each paragraph of unmarked direct speech of `min_words`
    words or more whose speaker `resolve` (a quotation's speaker resolver) finds to be a
    person."""
    text = doc_text(doc)
    out = []
    for p in _PARAGRAPH.finditer(text):
        para = p.group(0)
        first = re.match(r"\s*([A-Za-z]+)", para)
        if first is None or first.group(1).lower() not in _FIRST_PERSON or _MARKS.search(para):
            continue
        m = _closing().search(para)
        if m is None:
            continue
        group = "after" if m.group("after") else "before"
        words = para[: m.start()].strip()
        if len(words.split()) < min_words:
            continue
        start = p.start() + m.start(group)
        speaker = resolve(m.group(group), start, p.start() + m.end(group))
        if speaker is not None and speaker.kind == PERSON:
            out.append((words, speaker, p.start() + first.start(1)))
    return out
