"""Direct speech written without quotation marks: a paragraph of the speaker's own words,
closed by its saying clause ("We are opening a new chapter, said X." or "..., X said."), or
opened by a paragraph that is nothing but one ("Foreign Secretary X said:", the layout of
government press releases), or by the speaker's label of a transcript or an interview ("Lin
Hao: ...", "A: ..."). Quotation marks are the rule, so a paragraph without them is read as
speech only when its words open in the first person ("I", "We", "Our") and the clause
after its last comma is a saying verb and the one who says, or when a saying paragraph
ending in a colon or a label sets it off; who says, speakers.py resolves as for a
quotation (an interview's "A:" is the one its opening paragraph names first)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc

from communique.mapping.entities.entity import Entity
from communique.mapping.facts.reporting import report_verbs_pattern, saying_re
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


@cache
def _opening() -> re.Pattern:
    verb = report_verbs_pattern()
    return re.compile(rf"\s*(?P<who>[^,.;:!?\"“”]{{2,80}}?)\s+{verb}:\s*$")


Resolver = Callable[[str, int, int], Entity | None]
FirstNamed = Callable[[int, int], Entity | None]


def unquoted_speech(
    doc: Doc, resolve: Resolver, first_named: FirstNamed, min_words: int
) -> list[tuple[str, Entity, int]]:
    """(words, speaker, offset) of each paragraph of unmarked direct speech of `min_words`
    words or more whose speaker `resolve` (a quotation's speaker resolver) finds to be a
    person (`first_named`: the first entity named between two offsets)."""
    paragraphs = list(_PARAGRAPH.finditer(doc_text(doc)))
    found = _set_off(paragraphs, resolve, min_words) + _closed(paragraphs, resolve, min_words)
    found += _labelled(paragraphs, resolve, first_named, min_words)
    return [(words, who, at) for words, who, at in found if who is not None and who.kind == PERSON]


# "Lin Hao: ...", "A: ...": a speaker's label opening a paragraph of a transcript
_LABEL = re.compile(r"\s*(?P<who>[A-Z][^.:;“”\"\n]{0,50}?):\s+(?P<words>\S.*?)\s*$")
_ANSWER_LABELS = frozenset({"A", "Answer"})


def _labelled(
    paragraphs: list[re.Match], resolve: Resolver, first_named: FirstNamed, min_words: int
) -> list[tuple]:
    """The words after a person's label, or after "A:" the interviewee's (the one the
    opening paragraph names first)."""
    out = []
    for p in paragraphs[1:]:
        m = _LABEL.match(p.group(0))
        if m is None or _MARKS.search(m.group("words")) or m.group("words")[0] in "‘'":
            continue
        if saying_re().search(m.group("who")):
            continue  # ("Kovac said: ‘…’": a saying clause, no label)
        words = m.group("words").rstrip(".")  # (as a quotation's words are kept)
        if len(words.split()) < min_words:
            continue
        if m.group("who") in _ANSWER_LABELS:
            speaker = first_named(paragraphs[0].start(), paragraphs[0].end())
        else:
            a, b = p.start() + m.start("who"), p.start() + m.end("who")
            speaker = resolve(m.group("who"), a, b)
        out.append((words, speaker, p.start() + m.start("words")))
    return out


def _set_off(paragraphs: list[re.Match], resolve: Resolver, min_words: int) -> list[tuple]:
    """ "X said:" alone, then the words: a press release's layout."""
    out = []
    for p, nxt in pairwise(paragraphs):
        m = _opening().match(p.group(0))
        words = nxt.group(0).strip().rstrip(".")  # (as a quotation's words are kept)
        if m is None or _MARKS.search(words) or len(words.split()) < min_words:
            continue
        speaker = resolve(m.group("who"), p.start() + m.start("who"), p.start() + m.end("who"))
        out.append((words, speaker, nxt.start() + nxt.group(0).index(words[0])))
    return out


def _closed(paragraphs: list[re.Match], resolve: Resolver, min_words: int) -> list[tuple]:
    """ "We ..., said X.": first-person words closed by their saying clause."""
    out = []
    for p in paragraphs:
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
        out.append((words, speaker, p.start() + first.start(1)))
    return out
