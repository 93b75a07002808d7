"""When an event happened: the date expressions of its own clause, resolved in that clause's
tense, and the span of an "N-day visit" that ended on the given day."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from communique.mapping.events import tense
from communique.mapping.events.base import governing_verb, infinitive
from communique.mapping.events.called_off import called_off, day_of_calling_off
from communique.mapping.events.clauses import ClauseTriggers, clause_head, relcls
from communique.mapping.events.date_owners import (
    a_day_of,
    by_then,
    not_decided,
    of_a_thing,
    of_agreeing,
    of_an_object,
    of_going_before_or_after,
    of_what_it_followed,
    opens_since,
    reported_above,
    said_before_the_subject,
    since,
)
from communique.mapping.events.date_reach import (
    begun_then,
    below_the_verb,
    beyond_own_clause,
    days_away,
    days_of_the_visit,
    described_before,
    done_during,
    not_prepared,
    of_governed_plans,
    told_as_what,
    took_place_then,
    visits_for_a_dated_purpose,
    when_clause,
)
from communique.mapping.events.later_dates import date_of_what_was_told
from communique.mapping.events.sayings import saying_after
from communique.mapping.events.sentence_dates import sentence_dates
from communique.mapping.events.spoken_of import looked_forward_to, talked_at
from communique.mapping.events.tense import words
from communique.mapping.events.visit_days import span_of_visit, under_way_since
from communique.mapping.values.dates import resolve_date
from communique.mapping.values.dates.value import DateValue


def dates_for(sent: Span, trig: list[tuple[Token, str]], ref: dt.date) -> dict[int, DateValue]:
    """Each date of the sentence goes to the triggers of its own clause; then conjoined
    clauses without a date of their own share their neighbour's ("held talks and, on
    Tuesday, signed ...")."""
    out: dict[int, DateValue] = {}
    of_clause: dict[int, DateValue] = {}  # clause verb -> the date said of the clause itself
    found = [(span, value, span.root) for span, value in sentence_dates(sent, ref)]
    index = ClauseTriggers(sent, trig, [root.i for _, _, root in found])
    # dates hung on an event's own phrase go first: "recalled X's visit in July 2018 and his
    # own visit in February 2020" (the parser hangs the first date on "recalled")
    # (and a plan's own date before the day it was agreed on)
    found.sort(key=lambda svr: (index.nearest_above(svr[2]) is None, of_agreeing(svr[2])))
    for span, value, root in found:
        # "his first visit since taking office in October": no event's; but "the first call
        # since they met in May": the date of the meeting the "since" clause tells
        if not since(root) or opens_since(index.nearest_above(root)):
            _assign(span, value, root, index, ref, out, of_clause)
    for t, _ in trig:
        if t.i not in out and (shared := index.conjunct_date(t, of_clause)) is not None:
            out[t.i] = shared
        elif t.i not in out and (told := _of_what_was_told(t, sent, ref)) is not None:
            out[t.i] = told  # "This was agreed during a meeting ...": the day it was told of
    for t, _ in trig:
        # "said on Friday after talks with Y that ...": the talks take the saying's day;
        # "the last time they met was in February": the time's
        told_by = saying_after(t) or _the_time_it_was(t)
        if t.i not in out and told_by is not None and told_by.i in of_clause:
            out[t.i] = of_clause[told_by.i]
    positions = {t.i for t, _ in trig}
    for t, _ in trig:
        # "the subjects taken up at the meeting today": the day of the meeting they were
        # discussed at (the talking verb tells no event of its own)
        frame = talked_at(t, positions) if t.i in out else None
        if frame is not None:
            out.setdefault(frame.i, out[t.i])
    _date_of_arrival(sent, index, out)
    days_of_the_visit(index, out)
    visits_for_a_dated_purpose(index, out)
    for t, kind in trig:
        if kind == "visit" and t.i in out:
            out[t.i] = span_of_visit(t, index.heads[t.i], out[t.i])
    return out


def _settle(out: dict[int, DateValue], i: int, value: DateValue) -> None:
    """A trigger's date: the first that reaches it, unless a later one tells a day inside it
    ("this year's forum, due on Friday")."""
    told = out.get(i)
    # (only inside a year: a month may stand for "next week", inside which the day of
    # another clause, such as the day it was announced, falls too)
    inside = told is not None and told.precision == "year" and told.end is None
    if told is None or inside and value.value.startswith(told.value + "-"):
        out[i] = value


def _the_time_it_was(tok: Token) -> Token | None:
    """ "The last time the two met was in February": the "be" whose subject is the time the
    event's relative clause tells, and whose phrase says when."""
    time = tok.head
    if tok.dep_ != "relcl" or time.lemma_.lower() != "time" or time.dep_ != "nsubj":
        return None
    return time.head if time.head.lemma_ == "be" else None


def _of_what_was_told(tok: Token, sent: Span, ref: dt.date) -> DateValue | None:
    return date_of_what_was_told(tok, sent, lambda s: sentence_dates(s, ref))


def _assign(
    span: Span,
    value: DateValue,
    root: Token,
    index: ClauseTriggers,
    ref: dt.date,
    out: dict[int, DateValue],
    of_clause: dict[int, DateValue],
) -> None:
    """One date to the triggers it belongs to (those without a date yet)."""
    head = clause_head(root)
    if said_before_the_subject(span, head) or of_going_before_or_after(root) or by_then(root):
        return
    if of_an_object(head, index) or of_a_thing(root, index) or of_what_it_followed(span, index):
        return  # ("trade, which reached $4 billion last year"; "the soldiers of 1920")
    nearest, named, targets = _hung_from(span, root, head, index)
    if day_of_calling_off(root, targets, index.tree):
        return
    if nearest is not None and reported_above(head, nearest, index):
        return  # the day of the saying, however the parser hung the saying on the event
    if (framing := done_during(root, index)) is not None:
        # "agreements reached during X's visit to Ankara in March": the visit's month, in
        # the tense of the verb that tells what was done during it
        out.setdefault(framing.i, _framed(span.text, value, ref, head))
        return
    # (a day up to the article's on a verb of deciding is the deciding's, not the event's
    # decided: "agreed on the visit on Wednesday"; not "agreed to hold talks next month")
    decider = head if value.precision == "day" and value.value <= ref.isoformat() else None
    planned = not_decided([t for t in index.planned(head) if index.planned_here(t, head)], decider)
    # "visited Arden in March to attend X's inauguration": the purpose shares the visit's time
    # (not an arrival's: "arrived on Thursday to take part in ..." the days after)
    purposes = [t for t in index.planned(head) if t not in planned]
    if head.lemma_.lower() in words("starting_verbs"):
        purposes = []
    planned_at = {t.i for t in planned}
    if planned and tense.not_past(value, ref) and any(t.i not in planned_at for t in targets):
        # "discussed preparations for a visit later this year": the plan's date
        for t in planned:
            out.setdefault(t.i, value)
        return
    targets, purposes = not_prepared(span, head, targets, purposes)
    targets += begun_then(targets, clause := index.of_clause_or_head(head))
    targets += told_as_what(targets, clause)
    plain = value  # a name the date follows takes the date as written, in no tense
    value = _directed(span.text, value, ref, (head, root), targets, index, hung=nearest is not None)
    for t in not_decided(purposes, decider):
        out.setdefault(t.i, value)
    if (nearest is None or _near(targets[0], head)) and not of_governed_plans(
        head, targets, planned_at
    ):
        of_clause.setdefault(head.i, value)
    if not targets and value.precision == "day":
        targets = below_the_verb(head, root, index)
    targets = not_decided(targets, decider, clause)
    days_away(value, clause, out)
    for t in targets + when_clause(root, index):
        if a_day_of(t) is None:  # ("on Tuesday, on the second day of a visit": one day of it)
            named_only = t in named and not index.tree.is_ancestor(t, root)
            _settle(out, t.i, plain if named_only else value)


def _hung_from(
    span: Span, root: Token, head: Token, index: ClauseTriggers
) -> tuple[Token | None, list[Token], list[Token]]:
    """The trigger of its own clause a date hangs from, the event named right before it,
    and the triggers it dates: that one (with the one named), else the one named, else
    every trigger of its clause."""
    nearest = index.nearest_above(root)
    if nearest is not None and beyond_own_clause(nearest, head, index):
        nearest = None
    named = index.named_before(span)
    if nearest is not None:
        return nearest, named, [nearest] + [t for t in named if t != nearest]
    described = described_before(head, index) or took_place_then(head, index)
    return None, named, named or described or index.of_clause_or_head(head)


def _directed(
    text: str,
    value: DateValue,
    ref: dt.date,
    heads: tuple[Token, Token],
    targets: list,
    index: ClauseTriggers,
    *,
    hung: bool,
) -> DateValue:
    """The date read the way its clause points: ahead for a plan, back for what is told as
    done; else the occurrence nearest the article's day (`heads`: the clause's verb and the
    date's own root; `hung`: the date hangs from the trigger it dates)."""
    head, root = heads
    if tense.to_be_done(root):  # ("welcomed the forum to be hosted on 2 May")
        return tense.ahead(text, value, ref)
    first = targets[0] if targets else None
    # (an event called off was a plan: "postponed a trip that had been planned for Friday";
    # one looked forward to lies ahead: "looks forward to X's visit in May")
    is_ahead = any(tense.prepared(t, head) or called_off(t) or _awaited(t) for t in targets)
    # (not a day written into the event's own name: "X's Wednesday visit" will be)
    own_day = first is not None and root.head == first and root.dep_ in ("compound", "nmod")
    recalled = first is not None and tense.told_of_someone(first) and not is_ahead and not own_day
    # ("are to be signed during X's visit in May": the frame of a plan lies ahead with it)
    recalled = recalled and not _frame_of_a_plan(first)
    # (a verb conjoined is a clause of its own: "arrived on Monday and is scheduled to ...")
    mods = {c.lower_ for c in first.children if c.dep_ != "conj"} if first else set()
    # ("the trip follows a meeting in September": told in the present, done before it)
    behind = first is not None and tense.followed(first, head) and not tense.is_future(head)
    ahead = tense.points_ahead(head) and not recalled and not behind
    if ahead and not is_ahead and first is not None and under_way_since(first, value, ref):
        return value  # "is on a three-day visit that began Monday": begun, not ahead
    if ahead or is_ahead or mods & words("ahead_modifiers"):
        return tense.ahead(text, value, ref)
    planned = bool(targets) and all(index.planned_here(t, head) for t in targets)
    if hung and planned and infinitive(first) and not recalled and not behind:
        # "agreed to meet in June": the plan's own date, after the agreeing (not "agreed on
        # Tuesday to deepen ties during the visit": the day of the agreeing)
        return tense.ahead(text, value, ref)
    done = behind or (tense.told_as_done(head) and not planned)
    if first is not None and tense.announced(first):
        done = False  # "announced a visit starting April 20": made known, not done
    later = value.value > ref.isoformat()[: len(value.value)]
    if later and (done or recalled or mods & words("before_modifiers")):
        # ("invited her to attend the summit in November": a plan, however it is told)
        # "travelled to Cairo on Feb. 14" in a September story: the February before
        return resolve_date(text, ref, tense="past") or value
    return value


def _framed(text: str, value: DateValue, ref: dt.date, head: Token) -> DateValue:
    """The date of an event something was done during: back for what is told as done
    ("had been reached during the visit in May" in a December story), ahead for a plan."""
    if tense.points_ahead(head):
        return tense.ahead(text, value, ref)
    if tense.told_as_done(head) and value.value > ref.isoformat()[: len(value.value)]:
        return resolve_date(text, ref, tense="past") or value
    return value


def _frame_of_a_plan(tok: Token) -> bool:
    """ "will be signed during X's visit": an event that frames what its clause plans."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "during":
        return False
    return tense.is_future(governing_verb(tok.head))


def _awaited(tok: Token) -> bool:
    return tok.dep_ == "pobj" and looked_forward_to(tok.head) is not None


def _date_of_arrival(sent: Span, index: ClauseTriggers, out: dict[int, DateValue]) -> None:
    """ "X, who arrived on Tuesday, was welcomed ... before holding talks": the day of
    arrival is the day of what the main clause tells."""
    arrival = next(
        (
            out[t.i]
            for t, _ in index.trig
            if t.i in out and t.dep_ == "relcl" and t.lemma_.lower() in words("starting_verbs")
        ),
        None,
    )
    if arrival is None or arrival.precision != "day":
        return
    root, tree = sent.root, index.tree
    waiting = [t for t, _ in index.trig if t.i not in out]
    in_relcl = tree.marked_above([p.i for p in relcls(sent)], [t.i for t in waiting])
    for t in waiting:
        h = index.heads[t.i]
        if t.i not in out and (h == root or tree.is_ancestor(root, h)):
            if not index.scheduled(t) and in_relcl[t.i] == (None, None):
                out[t.i] = arrival


def _near(tok: Token, head: Token) -> bool:
    """The clause's verb, or its object or prepositional object ("welcomed X with a
    ceremony on Monday"): a date on it is the clause's; not one buried deeper ("preparations
    for a visit later this year")."""
    return tok == head or tok.head == head or tok.head.head == head
