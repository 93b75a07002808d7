"""When an event happened: the date expressions of its own clause, resolved in that clause's
tense, and the span of an "N-day visit" that ended on the given day."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from communique.mapping.dates import DateValue, find_dates, resolve_date
from communique.mapping.events_base import is_scheduled
from communique.mapping.nlp import text_of

# a participle or infinitive belongs to the clause of the verb it hangs from when the
# question is *when*: "signed agreements in areas ranging ... on Tuesday", "is scheduled
# to travel to Busan on Wednesday to meet ..."
_NON_CLAUSE_DEPS = {"amod", "compound", "xcomp", "pcomp", "auxpass", "aux"}
_SAY = {"say", "tell", "add", "note", "state"}
_ENDING = {"conclude", "end", "wrap", "complete", "finish", "close", "round"}
_STARTING = {"arrive", "begin", "start", "kick", "land", "embark"}
_N_DAY = re.compile(r"(?i)\b(two|three|four|five|2|3|4|5)\s*-?\s*day\b")
_WILL = {"will", "shall", "would", "'ll", "wo"}
# "is scheduled to travel ...", "is expected to visit ...", "is due to ..."
_PLAN_HEADS = {"schedule", "expect", "plan", "set", "due", "slate", "intend", "prepare"}
_AHEAD = {"upcoming", "forthcoming", "next", "coming", "planned", "scheduled"}
_BEFORE = {"previous", "last", "earlier", "past", "former"}
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}


def clause_head(tok: Token) -> Token:
    """The verb whose clause holds tok (participles and infinitives do not count)."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and not _dependent_verb(t):
            return t
        if t.head is t:
            return t
        t = t.head
    return t


def is_future(head: Token) -> bool:
    """Whether a clause tells of something still to come (its weekdays lie ahead)."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _WILL for c in head.children):
        return True
    if head.lemma_.lower() in _PLAN_HEADS and any(c.dep_ == "xcomp" for c in head.children):
        return True
    # "Lula is to travel ...": be + infinitive
    return (
        head.tag_ == "VB"
        and any(c.lower_ == "to" for c in head.children)
        and (head.head.lemma_ == "be" and head.dep_ == "xcomp")
    )


def _dependent_verb(t: Token) -> bool:
    if t.dep_ in _NON_CLAUSE_DEPS and t.head is not t:
        return True
    if t.dep_ == "acl" and t.tag_ == "VBG":
        return True  # "areas ranging from ...", but "the MoU signed in December" is an event
    # "travelled to Cairo to meet ...": an infinitive of purpose shares its verb's time
    return t.dep_ == "advcl" and t.tag_ == "VB" and any(c.lower_ == "to" for c in t.children)


def sentence_dates(sent: Span, ref: dt.date) -> list[tuple[Span, DateValue]]:
    """The dates a sentence gives its events (not when something was said, nor validity)."""
    cache = sent.doc.user_data.setdefault("communique_sentence_dates", {})
    key = (sent.start, sent.end, ref)
    if key not in cache:
        cache[key] = _sentence_dates(sent, ref)
    return list(cache[key])


def _sentence_dates(sent: Span, ref: dt.date) -> list[tuple[Span, DateValue]]:
    out = []
    base = sent.start_char
    for start, end, value in find_dates(text_of(sent), ref):
        if value.precision == "year" and value.end:
            continue  # "for 2024-2026": an agreement's validity, not an event's date
        span = sent.doc.char_span(base + start, base + end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ == "npadvmod" and clause_head(root).lemma_.lower() in _SAY:
            continue  # "the ministry said Friday": when it was said, not when it happened
        out.append((span, value))
    return out


def dates_for(sent: Span, trig: list[tuple[Token, str]], ref: dt.date) -> dict[int, DateValue]:
    """Each date of the sentence goes to the triggers of its own clause; then conjoined
    clauses without a date of their own share their neighbour's ("held talks and, on
    Tuesday, signed ...")."""
    out: dict[int, DateValue] = {}
    heads = {t.i: clause_head(t) for t, _ in trig}
    of_clause: dict[int, DateValue] = {}  # clause verb -> the date said of the clause itself
    found = sentence_dates(sent, ref)
    # dates hung on an event's own phrase go first: "recalled X's visit in July 2018 and his
    # own visit in February 2020" (the parser hangs the first date on "recalled")
    found.sort(key=lambda sv: not any(t.is_ancestor(sv[0].root) for t, _ in trig))
    for span, value in found:
        root = span.root
        if _since(root):
            continue  # "his first visit since taking office in October": a period's start
        head = clause_head(root)
        direct = [t for t, _ in trig if t.is_ancestor(root)]
        named = _just_after_a_noun(trig, span)
        if direct:  # the nearest trigger the date hangs from, alone
            targets = [max(direct, key=lambda t: t.i if t.i < root.i else -t.i)]
            targets += [t for t in named if t not in targets]
        elif named:
            targets = named
        else:  # else every trigger of its clause
            targets = [t for t, _ in trig if heads[t.i] == head or t == head]
        clause = [t for t, _ in trig if heads[t.i] == head]
        planned = [t for t in clause if is_scheduled(t)]
        if planned and _not_past(value, ref) and any(t not in planned for t in targets):
            # "discussed preparations for a visit later this year": the plan's date
            for t in planned:
                out.setdefault(t.i, value)
            continue
        plain = value  # a name the date follows takes the date as written, in no tense
        recalled = bool(targets) and _told_of_someone(targets[0])
        if (is_future(head) and not recalled) or any(
            c.lower_ in _AHEAD for t in targets[:1] for c in t.children
        ):
            value = _future(span.text, value, ref)
        elif (
            (head.tag_ == "VBD" and not (targets and all(is_scheduled(t) for t in targets)))
            or recalled
            or any(c.lower_ in _BEFORE for t in targets[:1] for c in t.children)
        ) and value.value > ref.isoformat()[: len(value.value)]:
            # ("invited her to attend the summit in November": a plan, however it is told)
            # "travelled to Cairo on Feb. 14" in a September story: the February before
            value = resolve_date(span.text, ref, tense="past") or value
        if not direct or _near(targets[0], head):
            of_clause.setdefault(head.i, value)
        if not targets and value.precision == "day":
            # a misattached "on Sunday" frames the one event told below its verb
            targets = [t for t, _ in trig if head.is_ancestor(t) and t.i < root.i][-1:]
        for t in targets:
            out.setdefault(t.i, plain if t in named and not t.is_ancestor(root) else value)
    for t, _ in trig:
        if t.i in out:
            continue
        h = heads[t.i]
        linked = [h.head] if h.dep_ == "conj" else []
        linked += [c for c in h.children if c.dep_ == "conj"]
        for other in linked:
            if other.i in of_clause:
                out[t.i] = of_clause[other.i]
                break
    # "X, who arrived on Tuesday, was welcomed ... before holding talks": the day of arrival
    arrival = next(
        (
            out[t.i]
            for t, _ in trig
            if t.i in out and t.dep_ == "relcl" and t.lemma_.lower() in _STARTING
        ),
        None,
    )
    if arrival is not None and arrival.precision == "day":
        root = sent.root
        for t, _ in trig:
            if t.i not in out and (heads[t.i] == root or root.is_ancestor(heads[t.i])):
                if not is_scheduled(t) and not any(p.is_ancestor(t) for p in _relcls(sent)):
                    out[t.i] = arrival
    for t, kind in trig:
        if kind == "visit" and t.i in out:
            out[t.i] = _span_of_visit(t, heads[t.i], out[t.i])
    return out


def _just_after_a_noun(trig: list[tuple[Token, str]], span: Span) -> list[Token]:
    """ "the NATO Summit in Washington in July", the date hung elsewhere by the parser:
    still the date of the event named right before it."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ in ("in", "on"):
        i -= 1
    for t, _ in trig:
        if t.pos_ not in ("NOUN", "PROPN") or not t.is_title:
            continue
        end = t.i
        # "the Summit in Washington": a place phrase may stand between
        if end + 2 < len(doc) and doc[end + 1].lower_ in ("in", "at") and doc[end + 2].is_title:
            end += 2
            while end + 1 < len(doc) and doc[end + 1].is_title:
                end += 1
        if end == i:
            return [t]
    return []


def _told_of_someone(tok: Token) -> bool:
    """`will build on President X's visit to Japan in March`: an event told as someone's,
    not planned in the clause that tells it, keeps its date's plain reading."""
    return (
        tok.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)
        and not any(c.lower_ in _AHEAD for c in tok.children)
    )


def _since(root: Token) -> bool:
    """The date is the start of a period ("since taking office in October"), no event's."""
    for t in (root, *root.ancestors):
        if t.lower_ == "since" or any(c.lower_ == "since" and c.dep_ == "mark" for c in t.children):
            return True
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "dobj", "attr", "ROOT"):
            return False  # reached the event's own phrase
    return False


def _relcls(sent: Span) -> list[Token]:
    return [t for t in sent if t.dep_ == "relcl"]


# "at the end of", "at the close of", "at the conclusion of" a visit: its last day
_END_NOUNS = {"end", "close", "conclusion"}


def _near(tok: Token, head: Token) -> bool:
    """The clause's verb, or its object or prepositional object ("welcomed X with a
    ceremony on Monday"): a date on it is the clause's; not one buried deeper ("preparations
    for a visit later this year")."""
    return tok == head or tok.head == head or tok.head.head == head


def _not_past(value: DateValue, ref: dt.date) -> bool:
    return value.value >= ref.isoformat()[: len(value.value)]


def _future(text: str, value: DateValue, ref: dt.date) -> DateValue:
    """A planned event's weekday or month lies ahead: re-read the expression so."""
    if value.value >= ref.isoformat()[: len(value.value)]:
        return value
    return resolve_date(text, ref, tense="future") or value


def _span_of_visit(tok: Token, head: Token, value: DateValue) -> DateValue:
    """`concluded a two-day visit ... on Wednesday`: it began the day before; `arrived on
    Tuesday for a two-day visit`: it ends the day after."""
    lemma = head.lemma_.lower()
    if tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _END_NOUNS:
        lemma = "end"  # "issued a communiqué on Wednesday at the end of a two-day visit"
    if value.precision != "day" or value.end or lemma not in _ENDING | _STARTING:
        return value
    # the verb's own phrase ("arrived ... for a two-day visit"), or the noun's modifiers
    end = tok.right_edge.i + 1 if tok is head else tok.i
    m = _N_DAY.search(" ".join(t.text for t in tok.doc[tok.left_edge.i : end]))
    if m is None:
        return value
    n = _NUMBERS.get(m.group(1).lower()) or int(m.group(1))
    if lemma in _STARTING:  # "arrived on Tuesday for a two-day visit": it ends days later
        first = dt.date.fromisoformat(value.value)
        return DateValue(first.isoformat(), "day", (first + dt.timedelta(days=n - 1)).isoformat())
    last = dt.date.fromisoformat(value.value)
    first = last - dt.timedelta(days=n - 1)
    return DateValue(first.isoformat(), "day", last.isoformat())
