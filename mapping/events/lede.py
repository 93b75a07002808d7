"""The lede's day: the one day its news is told of, given to its undated events, and the
one day it says the news was made known on ("announced on Friday"); and the article's
opening, the headline and the lede, whose undated events take those days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Span

from communique.mapping.events import tense
from communique.mapping.events.base import Event, framing_gathering, governing_verb
from communique.mapping.events.clauses import clause_head
from communique.mapping.events.date_owners import MAKING_KNOWN, a_day_of, decided
from communique.mapping.events.sentence_dates import dates_in, sentence_dates
from communique.mapping.nlp.language import in_a_headline
from communique.mapping.values.dates.value import DateValue


def lede_date(sent: Span, ref: dt.date, filed: DateValue | None = None) -> DateValue | None:
    """The one day of the lede, given to its undated events (besides `filed`, its dateline's
    day, when it tells another: "SEOUL, Aug. 21 -- ... agreed Tuesday")."""
    days = set()
    for span, value in sentence_dates(sent, ref):
        if value.precision != "day" or value.end:
            continue
        # "arrives on Sunday for a state visit": the lede's day lies the way its clause points
        if tense.points_ahead(clause_head(span.root)):
            value = tense.ahead(span.text, value, ref)
        days.add(value)
    if filed in days and len(days) == 2:
        days.discard(filed)
    return days.pop() if len(days) == 1 else None


def said_day(sent: Span, ref: dt.date) -> DateValue | None:
    """The one day the lede says its news was made known on ("announced on Friday")."""
    days = set()
    for start, end, value in dates_in(sent, ref):
        if value.precision != "day" or value.end:
            continue
        span = sent.doc.char_span(
            sent.start_char + start, sent.start_char + end, alignment_mode="expand"
        )
        if span is not None and clause_head(span.root).lemma_.lower() in MAKING_KNOWN:
            days.add(value)
    return days.pop() if len(days) == 1 else None


@dataclass(frozen=True)
class Opening:
    """The headline's and the lede's sentences, the lede's day, the day its news was made
    known, and where the sentence after the lede starts."""

    starts: frozenset[int]
    lede: DateValue | None
    announced: DateValue | None
    after: int
    reaches_after: bool  # the lede's day is its news's, which the next sentence goes on with

    @classmethod
    def of(cls, sentences: list[Span], ref: dt.date, filed: DateValue | None) -> Opening:
        k = lede_at(sentences)
        first = sentences[k] if sentences else None
        lede = lede_date(first, ref, filed) if first is not None else None
        if lede is not None and lede.value > ref.isoformat():
            lede = None  # the day of a plan ("will address ... on Monday"): nothing done yet
        announced = said_day(first, ref) if first is not None else None
        nxt = sentences[k + 1] if k + 1 < len(sentences) else None
        # (not "it said on Friday": the day of the saying; not a sentence with a day of its
        # own, or set apart: "Later, ...", "Earlier, ...")
        reaches = (
            nxt is not None
            and lede not in (None, announced)
            and not sentence_dates(nxt, ref)
            and not _set_apart(nxt)
        )
        after = nxt.start if nxt is not None else 0
        return cls(frozenset(s.start for s in sentences[: k + 1]), lede, announced, after, reaches)

    def date(
        self, ev: Event, told_before: bool, dateline_date: DateValue | None, ref: dt.date
    ) -> None:
        """An undated event not still ahead told at the opening takes the opening's day."""
        start = ev.sentence.start
        tok = ev.trigger
        if tense.apart_in_time(tok) or decided(tok):
            # "met on Monday, months after signing a deal", "announced on Monday the visit
            # of X": not the day told
            return
        if start in self.starts and (self.lede or dateline_date):
            date_of_the_lede(ev, self.lede, dateline_date)
        elif start in self.starts and _just_done(ev.trigger) and not framing_gathering(ev.trigger):
            # "X has held talks with Y in the Kremlin", with no day told and a dateline of
            # none: the news of the day the story is filed, as a dateline's day would be,
            # unless a later telling gives its day ("held a meeting in Oslo on Monday")
            ev.filed_day = DateValue(ref.isoformat(), "day")
        elif start == self.after and self.reaches_after and not told_before:
            # "A and B agreed Friday to ...", then "X held talks with Y in Tokyo": the talks
            # the lede reports on, told in the sentence after it
            date_of_the_lede(ev, self.lede, None)
        elif start == self.after and not told_before and self.lede is None and dateline_date:
            # "CITY, March 30: X has offered ...", then "Y paid a call on X": the first event
            # told, right after a lede that tells none, is the news of the dateline's day
            date_of_the_lede(ev, None, dateline_date)
        elif ev.kind == "statement" and start <= self.after:
            # "X announced on Friday that ...", then "Y told a press briefing": the briefing
            # is where the lede's news was made known, on the day it gives
            ev.date = self.announced


def _just_done(tok) -> bool:
    """ "has held", "have signed": the present perfect of the news just made."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else governing_verb(tok)
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children
    )


def lede_at(sentences: list[Span]) -> int:
    """Where the lede is: the first sentence, or the first after a headline and the bits of
    a dateline the parser may cut off as sentences of their own ("SEOUL", ", Nov. 28 ...")."""
    k = 1 if sentences and in_a_headline(sentences[0][0]) else 0
    while k + 1 < len(sentences) and len(sentences[k]) <= 8 and not _has_a_verb(sentences[k]):
        k += 1
    return min(k, len(sentences) - 1) if sentences else 0


def _set_apart(sent: Span) -> bool:
    """A sentence opening on an adverb of its own ("Later, ...", "Meanwhile, ...")."""
    words = [t for t in sent if not (t.is_space or t.is_punct)][:2]
    return bool(words) and words[0].pos_ == "ADV" and words[0].dep_ == "advmod"


def _has_a_verb(sent: Span) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in sent)


def date_of_the_lede(ev: Event, lede: DateValue | None, dateline_date: DateValue | None) -> None:
    """The lede tells one day's news: its one date, else the dateline's (not for what it
    tells as done before that day: "had met")."""
    # (nor for what it tells one day of: "on the second day of a state visit")
    if not tense.told_before(ev.trigger) and a_day_of(ev.trigger) is None:
        ev.date, ev.explicit_date = lede or dateline_date, True
        ev.dateline_day = lede is None  # the day of the filing, not one told
