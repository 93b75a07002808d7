"""Which triggers a date reaches besides the one it hangs from: what a host's "for" names, a
conjoined clause's own, what a saying's "while" clause tells, what a "when" clause on the
date tells, the event something was done during, one "a day after" it, the event named
before a participle set off by a comma or a relative clause of taking place, the gathering
a visit is made to attend and the visit made to hold a dated event; and which it does not:
what talks prepare, a trigger beyond a conjoined clause with triggers of its own."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from communique.mapping.events import tense
from communique.mapping.events.base import ATTENDING, FUTURE_GOVERNORS, infinitive
from communique.mapping.events.clauses import ClauseTriggers, in_a_relcl
from communique.mapping.events.date_owners import days_apart
from communique.mapping.events.tense import words
from communique.mapping.values.dates.value import DateValue


def begun_then(targets: list[Token], clause: list[Token]) -> list[Token]:
    """ "hosted X on Thursday for a state visit": the event that a receiving or arriving
    verb's "for" names begins on the verb's day."""
    verbs = words("receiving_verbs") | words("starting_verbs")
    return [
        t
        for t in clause
        if t not in targets
        and t.head.lower_ == "for"
        and t.head.head in targets
        and t.head.head.lemma_.lower() in verbs
    ]


def beyond_own_clause(nearest: Token, head: Token, index: ClauseTriggers) -> bool:
    """ "arrived on Monday and is scheduled to pay a call on X on Wednesday": the trigger
    above a date lies past a conjoined clause that has triggers of its own, which it dates;
    or past a relative clause of no event that describes someone ("the president, who took
    office in May, will visit ...": May is his, not the visit's)."""
    if nearest.i == head.i or not index.tree.is_ancestor(nearest, head):
        return False
    if head.dep_ == "relcl" and any(c.lower_ in ("who", "whose") for c in head.children):
        return head.head.i != nearest.i and not index.of_clause_or_head(head)
    if head.dep_ == "advcl" and _of_its_own(head):
        # ("will discuss X with Y, as Z plans to move its capital in 2024": Z's plan's year)
        return not index.of_clause_or_head(head)
    return head.dep_ == "conj" and bool(index.of_clause_or_head(head))


_GIVING_REASONS = {"as", "because", "since", "while", "although", "though", "whereas"}


def _of_its_own(clause: Token) -> bool:
    """An adverbial clause of reason or contrast with a subject of its own."""
    children = list(clause.children)
    return any(c.dep_ == "mark" and c.lower_ in _GIVING_REASONS for c in children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in children
    )


def told_as_what(targets: list[Token], clause: list[Token]) -> list[Token]:
    """ "will see X on 3 May in what is to be her first trip": the event a free relative
    calls the one its verb tells, on that one's day."""
    at = {t.i for t in targets}
    return [
        t
        for t in clause
        if t.dep_ == "attr"
        and t.head.lemma_ == "be"
        and any(c.lower_ == "what" and c.dep_ == "nsubj" for c in t.head.children)
        and t.head.head.dep_ == "prep"
        and t.head.head.head.i in at
    ]


def not_prepared(
    span: Span, head: Token, targets: list[Token], purposes: list[Token]
) -> tuple[list[Token], list[Token]]:
    """ "held talks on Monday to prepare the upcoming visit": the day of the talks only, not
    of what they prepare (but "ahead of X's trip to A and B from May 9 to 16" dates the
    trip: the date after it)."""
    ahead_of = {t.i for t in targets + purposes if t.i >= span.end and tense.prepared(t, head)}
    purposes = [t for t in purposes if t.i not in ahead_of]
    if any(t.i not in ahead_of for t in targets):
        targets = [t for t in targets if t.i not in ahead_of]
    return targets, purposes


def below_the_verb(head: Token, root: Token, index: ClauseTriggers) -> list[Token]:
    """A day on a verb no trigger takes: a misattached "on Sunday" frames the one event
    told below the verb, not one of a relative clause of its own tense ("X, who is on a
    visit, will speak on Tuesday"); a saying's day is not what was said, but what went on
    while saying."""
    if head.lemma_.lower() in words("say_verbs"):
        return while_saying(head, index)
    return [t for t in index.last_below(head, root.i) if not in_a_relcl(t, head)]


def days_away(value: DateValue, clause: list[Token], out: dict[int, DateValue]) -> None:
    """ "on Thursday, a day after his talks": the talks' day, a day before Thursday."""
    if value.precision != "day" or value.end:
        return
    for t in clause:
        if apart := days_apart(t):
            day = dt.date.fromisoformat(value.value) + dt.timedelta(days=apart)
            out.setdefault(t.i, DateValue(day.isoformat(), "day"))


def while_saying(head: Token, index: ClauseTriggers) -> list[Token]:
    """ "X said on Thursday while opening a meeting": the day of the saying is that of what
    its "while" or "as" clause tells as going on then."""
    return [
        t
        for c in head.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("while", "as") for m in c.children)
        for t in index.of_clause_or_head(c)
    ]


def done_during(root: Token, index: ClauseTriggers) -> Token | None:
    """The event a date's verb says it was done during, when that verb is no event itself
    ("agreements reached during the visit in March")."""
    verb = root.head.head if root.head.dep_ == "prep" else None
    if verb is None or verb.pos_ != "VERB" or index.at(verb.i):
        return None
    if any(c.dep_ == "dobj" and index.at(c.i) for c in verb.children):
        return None  # ("during the visit, they will hold a meeting on the 9th": the meeting's)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "during":
            for p in c.children:
                if p.dep_ == "pobj" and (found := index.at(p.i)):
                    return found[0]
    return None


def when_clause(root: Token, index: ClauseTriggers) -> list[Token]:
    """ "met in Quito in August 2024, when X paid an official visit": the triggers of a
    "when" clause that hangs on the date, which is its date too; so of a "where" clause the
    parser hung on the date ("will travel to Hamburg on Thursday, where he is due to meet
    ...") or on a place of the date's clause ("tours on Friday in Lima, where he will meet")."""
    hung = [*root.children, *(c for p in _places_beside(root) for c in p.children)]
    return [
        t
        for c in hung
        # (the parser may hang "where" on a verb below: "where he is expected to meet")
        if c.dep_ == "relcl" and c.left_edge.lower_ in ("when", "where")
        for t in index.of_clause_or_head(c)
    ]


def _places_beside(root: Token) -> list[Token]:
    """The objects of "in", "to", "at" beside the date's "on" on the same verb."""
    if root.head.dep_ != "prep":
        return []
    return [
        p
        for prep in root.head.head.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "to", "at")
        for p in prep.children
        if p.dep_ == "pobj"
    ]


def of_governed_plans(head: Token, targets: list[Token], planned: set[int]) -> bool:
    """ "agreed to hold talks before the end of the year": a date that goes to plans a verb
    governs (agree, decide, plan) is theirs, not a date of that verb's clause, nor of a
    clause conjoined with it."""
    return (
        bool(targets)
        and all(t.i in planned for t in targets)
        and head.lemma_.lower() in FUTURE_GOVERNORS
    )


def described_before(head: Token, index: ClauseTriggers) -> list[Token]:
    """ "referred to the next session of the commission, scheduled to take place in
    December": a participle set off by a comma tells of the event named before the comma,
    though the parser hangs it on the clause's verb."""
    verb = head
    while verb.dep_ == "xcomp" and verb.head != verb:
        verb = verb.head
    doc = verb.doc
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl") or verb.i < 2:
        return []
    if doc[verb.i - 1].text != ",":
        return []
    noun = doc[verb.i - 2]
    while noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head  # "the session of the commission": the session
    return index.at(noun.i)[:1]


def took_place_then(head: Token, index: ClauseTriggers) -> list[Token]:
    """ "the visit of X to Kenya, which took place in May": a relative clause of taking place
    that the parser hangs on the place the event went to tells of the event named before."""
    taking_place = head.lemma_ == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in head.children
    )
    place, prep = head.head, head.head.head
    if head.dep_ != "relcl" or not taking_place or place.dep_ != "pobj":
        return []
    if prep.lower_ not in ("to", "in") or index.at(place.i):
        return []
    words = [t for t in head.doc[max(0, prep.i - 2) : prep.i] if not t.is_punct]
    if not words:
        return []
    noun = words[-1]
    while noun.dep_ in ("appos", "pobj", "prep", "compound") and noun.head.i < noun.i:
        noun = noun.head  # back up the event's own phrase ("of the President, X")
    return index.at(noun.i)[:1]


def attended_on(tok: Token) -> Token | None:
    """ "a visit to Brazil next month to attend the BRICS summit": the trigger the gathering
    is attended on (when it is a visit, the gathering shares its time and guest); else None."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "in":  # "to take part in", "to participate in"
        verb = verb.head
    elif tok.dep_ != "dobj":
        return None
    if verb.lemma_.lower() in ATTENDING and verb.dep_ in _PURPOSES:
        return verb.head
    return None


_PURPOSES = ("acl", "advcl", "xcomp")


def days_of_the_visit(index: ClauseTriggers, out: dict[int, DateValue]) -> None:
    """An undated gathering a dated visit is made to attend takes the visit's time."""
    visits = {t.i for t, kind in index.trig if kind == "visit"}
    for t, _ in index.trig:
        on = attended_on(t) if t.i not in out else None
        if on is None or on.i not in visits or on.i not in out:
            continue
        if out[on.i].precision != "day" or on.lemma_.lower() not in words("starting_verbs"):
            out[t.i] = out[on.i]  # (not "arrived on Monday to attend": the days after)


def visits_for_a_dated_purpose(index: ClauseTriggers, out: dict[int, DateValue]) -> None:
    """ "is to fly to Lima to meet X on 3 June": an undated visit made to hold a
    dated event takes its day."""
    for t, kind in index.trig:
        if kind != "visit" or t.i in out:
            continue
        purpose = next(
            (
                p
                for p, _ in index.trig
                if p.i in out and p.head.i == t.i and p.dep_ in ("advcl", "xcomp") and infinitive(p)
            ),
            None,
        )
        if purpose is not None:
            out[t.i] = out[purpose.i]
