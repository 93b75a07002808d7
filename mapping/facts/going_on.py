"""Who goes on speaking a quotation no words attribute: the speaker of the quotation just
before (in the same sentence run, or the paragraph before a quote paragraph of its own),
the person a sentence just before reports ("X said that …. “…”"), or the sayer of a
paragraph that closes with a saying verb ("X told reporters.")."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from communique.mapping.entities.entity import Entity
from communique.mapping.facts.attribution import Found
from communique.mapping.facts.marks import OPEN_PARAGRAPH, TextMarks, open_words, opens_paragraph
from communique.mapping.facts.reporting import is_saying, report_verbs_pattern
from communique.mapping.facts.sayers import clause_sayer, quoted_in, sayers
from communique.mapping.facts.speakers import SpeakerResolver
from communique.mapping.facts.subjects import subject_extent
from communique.mapping.mentions.finder import PERSON
from communique.mapping.nlp.language import sentence_of

_REPORT = report_verbs_pattern()


class QuoteState:
    """What the finder keeps across quotations of one article."""

    def __init__(self, r: SpeakerResolver, text: str) -> None:
        self.r, self.text = r, text
        self.marks = TextMarks(text)
        self.last: tuple[int, Entity] | None = None  # (end offset, speaker) of the last quote
        # sentence start -> its first saying verb with a subject, and the subject
        self.report_verbs: dict[int, list[tuple[Token, Token]]] = {}


def speaker_going_on(state: QuoteState, start: int) -> Entity | None:
    """The speaker of the quotation told before, still speaking at `start`; else one told
    in the paragraph before a quote paragraph of its own."""
    marks, last = state.marks, state.last
    if (
        last is not None
        and not marks.paragraph_break(last[0], start)
        and marks.sentence_ends(last[0], start) <= 1
        and marks.report_verb(last[0], start)
    ):
        return last[1]  # '“…,” Albanese told reporters. “We want …”': the same speaker goes on
    if not opens_paragraph(marks.text, start):
        return _reported_before(state, start)
    # a quote paragraph of its own goes on with the speaker of the paragraph before (or of
    # the one before the quotation's paragraphs left open: the same speech goes on)
    if last is not None and not marks.paragraph_break(
        _past_open_paragraphs(marks.text, last[0], start), start, strip=True
    ):
        return last[1]
    return _report_before(state, start)


def _reported_before(state: QuoteState, start: int) -> Entity | None:
    """ "X said that the talks had gone well. “We agreed on …”": a quotation that opens a
    sentence of its own goes on with the person whose words the sentence before reports
    (its main verb a saying one), in the same paragraph."""
    end = end_before(state.text, start, line_blank)
    if not end or state.text[end - 1] not in ".!?":
        return None
    before = _sentence_ending_at(state, end)
    if before is None or before.root.pos_ != "VERB" or not is_saying(before.root):
        return None
    found = subject_of_report(state, before, end)
    return found.speaker if found.speaker is not None and found.speaker.kind == PERSON else None


def line_blank(c: str) -> bool:
    """A blank within a line (a space or a tab), not a line break."""
    return c in " \t"


def end_before(text: str, pos: int, blank: Callable[[str], bool]) -> int:
    """Where the text before `pos` ends, past the blank characters before pos (not copied
    out)."""
    while pos and blank(text[pos - 1]):
        pos -= 1
    return pos


def _sentence_ending_at(state: QuoteState, end: int) -> Span | None:
    """The sentence the character before `end` closes."""
    tok = state.r.doc.char_span(end - 1, end, alignment_mode="expand")
    return sentence_of(state.r.doc, tok.start) if tok is not None else None


def _past_open_paragraphs(text: str, a: int, b: int) -> int:
    """Where the quotation paragraphs left open right after offset `a` end (before `b`)."""
    for m in OPEN_PARAGRAPH.finditer(text, a, b + 1):  # (its lookahead reads b's mark)
        if "\n\n" in text[a : m.start()].strip():
            break  # (a paragraph of other words between)
        a = m.end(open_words(m))
    return a


def subject_of_report(state: QuoteState, sent: Span, quote_start: int) -> Found:
    """`The Ghanaian leader said his visit was ... to “take stock ...”`: the sayer."""
    # the first saying verb with a subject decides for every quote after it (found once per
    # sentence, not once per quote), unless the quote is told by a clause of its own
    if sent.start not in state.report_verbs:
        state.report_verbs[sent.start] = sayers(sent)
    all_found = state.report_verbs[sent.start]
    found = clause_sayer(all_found, quote_start) or (all_found[0] if all_found else None)
    if found is None or found[0].idx >= quote_start and not quoted_in(found[0], quote_start):
        return Found()
    extents = [subject_extent(c) for c in found[0].children if c.dep_ == "nsubj"] or [
        subject_extent(found[1])
    ]
    # (a subject the parser split in two: "Solomon Islands' Prime Minister X said")
    s, e = min(x[0] for x in extents), max(x[1] for x in extents)
    return Found(state.r.resolve(state.text[s:e], s, e), True)


# a saying verb closing a paragraph, then at most 40 characters (a match is short: it is
# looked for in the paragraph's last 80 characters only)
_CLOSING_REPORT = re.compile(rf"{_REPORT}\b[^.!?]{{0,40}}[.:]$")


def _report_before(state: QuoteState, pos: int) -> Entity | None:
    """`Albanese told reporters.` closing the paragraph just before: the sayer."""
    end = end_before(state.text, pos, str.isspace)
    if not end or not _CLOSING_REPORT.search(state.text, max(0, end - 80), end):
        return None
    sent = _sentence_ending_at(state, end)
    return subject_of_report(state, sent, end).speaker if sent is not None else None
