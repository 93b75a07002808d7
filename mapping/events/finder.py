"""Events: visits, meetings, talks, calls, signings, summits, ceremonies and statements. Each
trigger (events/triggers.py) that tells an event of its own is read off its sentence's
dependency parse: who took part, who hosted whom, where, when, whether it is still to come."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter

from spacy.tokens import Doc, Token

from communique.mapping.entities.entity import ArticleEntities, Entity
from communique.mapping.events import (
    gatherings,
    implied,
    messages,
    parties,
    statements,
    told_again,
    triggers,
    visits,
)
from communique.mapping.events.base import (
    GROUPS,
    RECEIVING_VERBS,
    Event,
    framing_gathering,
    governing_verb,
    is_anaphoric,
    only_a_time_frame,
    plural_subject,
    talk_inside,
)
from communique.mapping.events.called_off import called_off
from communique.mapping.events.date_owners import dated_participle, some_time_ago
from communique.mapping.events.date_reach import attended_on
from communique.mapping.events.dates import dates_for
from communique.mapping.events.lede import Opening
from communique.mapping.events.not_diplomatic import not_diplomatic
from communique.mapping.events.reader import EventReader
from communique.mapping.events.scheduled import is_scheduled
from communique.mapping.events.spoken_of import (
    a_standing_mechanism,
    about_in_a_document,
    talked_about,
)
from communique.mapping.events.told_again import ROUNDS
from communique.mapping.mentions.finder import COUNTRY, PERSON
from communique.mapping.nlp.language import last_token, sentence_of
from communique.mapping.nlp.language import sentences as sentences_of
from communique.mapping.values.dates.value import DateValue

__all__ = ["Event", "find_event_mentions", "governing_verb"]


def find_event_mentions(
    doc: Doc,
    ents: ArticleEntities,
    *,
    ref: dt.date,
    person_country: dict[int, str],
    dateline_date: DateValue | None = None,
    titles: dict[str, list[Entity]] | None = None,
    dateline_place: Entity | None = None,
    dateline_iso3: str | None = None,
) -> tuple[EventReader, list[Event]]:
    """Each telling of an event, in text order, with its parties, place and date, and the
    reader of the doc they were read with (link_events reads on with it)."""
    r = EventReader(doc, ents, ref, person_country, titles)
    r.here, r.home = dateline_place, dateline_iso3
    told = _Told()
    sentences = list(sentences_of(doc))
    all_triggers = triggers.all_triggers(doc, r)
    rounds = told_again.first_round(all_triggers)
    # (the first trigger at a position stands for it)
    r.trigger_groups = {t.i: GROUPS[k] for t, k in reversed(all_triggers)}
    at = [t.i for t, _ in all_triggers]  # in text order: a sentence's are found by bisection
    opening = Opening.of(sentences, ref, dateline_date)
    for sent in sentences:
        sent_triggers = all_triggers[bisect_left(at, sent.start) : bisect_left(at, sent.end)]
        if not sent_triggers:
            continue
        dates = dates_for(sent, sent_triggers, ref)
        here = _SentenceTriggers(sent_triggers)
        for tok, kind in sent_triggers:
            if _passed_over(r, tok, kind, here, told):
                continue
            ev = Event(
                kind,
                tok,
                sent,
                scheduled=is_scheduled(tok),
                called_off=called_off(tok),
                anaphoric=is_anaphoric(tok),
                sentences={sent.start},
            )
            ev.scheduled = ev.scheduled or ev.called_off is not None  # a plan, not held
            if tok.i in dates:
                ev.date, ev.explicit_date = dates[tok.i], True
                if ev.date.value < ref.isoformat()[: len(ev.date.value)]:
                    ev.scheduled = False  # a dated past event is no plan
            elif not ev.scheduled:
                opening.date(ev, bool(told.events), dateline_date, ref)
            _read_parties(r, ev, told)
            _parties_of_the_round(ev, rounds, told)
            implied.reread(r, ev, ref)
            told.add(ev)
            r.met(ev.participants)
            r.hosted(ev)
    return r, told.events


def _parties_of_the_round(ev: Event, rounds: tuple[Token, str] | None, told: _Told) -> None:
    """ "The last round, held in Muscat, ...": a round told again is between the parties of
    the round of talks told first, not the country it was held in."""
    tok = ev.trigger
    if rounds is None or tok.i <= rounds[0].i or tok.lemma_.lower() not in ROUNDS:
        return
    first = rounds[0]
    if not any(p.kind == PERSON for p in ev.participants):
        earlier = next((e for e in told.events if e.trigger.i == first.i), None)
        if earlier is not None and earlier.participants:
            ev.participants = list(earlier.participants)


class _Told:
    """The events told so far, with what later triggers ask of them kept at hand."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.kinds: set[str] = set()
        self.with_two: list[Event] = []  # those with two persons or more

    def add(self, ev: Event) -> None:
        self.events.append(ev)
        self.kinds.add(ev.kind)
        if sum(p.kind == PERSON for p in ev.participants) >= 2:
            self.with_two.append(ev)


class _SentenceTriggers:
    """Counts over a sentence's triggers, so that each trigger's questions about the
    others take constant time however many there are."""

    def __init__(self, sent_triggers: list[tuple[Token, str]]) -> None:
        self.at: Counter[int] = Counter()  # position -> triggers there, "co-chaired by" aside
        self.under: Counter[int] = Counter()  # head -> triggers below it, the same aside
        self.meetings = 0
        for t, k in sent_triggers:
            if t.tag_ != "VBN":  # not "..., co-chaired by"
                self.at[t.i] += 1
                self.under[t.head.i] += 1
            self.meetings += GROUPS[k] == "meet"

    def purpose_of_another(self, tok: Token) -> bool:
        """Whether another trigger is tok's head or its verb, or hangs from tok's head."""
        head = tok.head
        own = 1 if tok.tag_ != "VBN" else 0
        return (
            self.at[head.i] > 0
            or self.at[governing_verb(head).i] > 0
            or self.under[head.i] - own > 0
        )


def _asked(tok: Token) -> bool:
    """Whether the trigger's sentence is a question (a briefing's "Q: ...")."""
    return last_token(sentence_of(tok.doc, tok.i)).text == "?"


def _for_another(r: EventReader, verb: Token) -> bool:
    """Whether a verb's "for" names an event told on its own ("host X for talks")."""
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and any(p.i in r.trigger_groups for p in c.children)
        for c in verb.children
    )


def _passed_over(
    r: EventReader, tok: Token, kind: str, here: _SentenceTriggers, told: _Told
) -> bool:
    """Whether a trigger tells no event of its own."""
    if only_a_time_frame(tok) or talk_inside(tok, r.trigger_groups) or about_in_a_document(tok):
        return True
    if a_standing_mechanism(tok):
        return True  # "an MoU to establish a mechanism of consultations": none held
    if _asked(tok):
        return True  # "Is there any update on the talks?": a question reports nothing
    if tok.dep_ in ("compound", "nmod") and tok.head.i in r.trigger_groups:
        return True  # "the X Summit follow-up conference": a word of another event's name
    if some_time_ago(tok):
        return True  # "the agreements signed in the past": no day's news
    if tok.pos_ == "VERB" and tok.lemma_.lower() in RECEIVING_VERBS and _for_another(r, tok):
        return True  # "will host X for a summit": the summit is the meeting
    if not_diplomatic(r, tok, kind):
        return True
    if told_again.said_of_it(tok) and (
        kind in told.kinds
        or (GROUPS[kind] == "meet" and "phone-call" in told.kinds)
        or (kind == "summit" and ("talks" in told.kinds or "meeting" in told.kinds))
    ):
        # "It was his first state visit to X": the visit told before; "It was their first
        # talks since ...": the phone talks told before; "... the fourth summit between the
        # two": the summit talks told before
        return True
    if tok.pos_ == "VERB" and parties.object_is_no_party(r, tok):
        return True  # "meeting the demand", "visited the website"
    if (
        tok.lower_ == "visiting"
        and r.called_visiting(tok) is not None
        and any(g == "visit" for i, g in r.trigger_groups.items() if i != tok.i)
    ):
        return True  # "visiting Prime Minister X": the guest of a visit told elsewhere
    verb = tok.pos_ == "VERB"
    if (
        verb
        and tok.dep_ in ("xcomp", "advcl")
        and tok.tag_ == "VB"  # an infinitive of purpose, not "Visiting X, she met"
        and here.purpose_of_another(tok)
        and r.trigger_groups.get(tok.head.i) != "visit"
    ):
        # "held a meeting ... to discuss": the purpose, not another event (but "travels to
        # Toronto to meet business leaders" meets them there: a meeting of the trip)
        return True
    meet = GROUPS[kind] == "meet"
    if verb and tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl") and meet and here.meetings > 1:
        return True  # "to convene next month, co-chaired by ...": told of that meeting
    # (a statement that tells of the call in between: "..., the ministry said in a statement")
    last = next((e for e in reversed(told.events) if e.kind != "statement"), None)
    return (
        meet
        and verb
        and plural_subject(tok)
        and last is not None
        and last.kind == "phone-call"
        and not any(r.entity(c) for c in tok.children if c.dep_ == "prep")
    )  # "They discussed trade": what the call told before was about


def _read_parties(r: EventReader, ev: Event, told: _Told) -> None:
    """Who took part in an event, and where."""
    tok, kind, sent = ev.trigger, ev.kind, ev.sentence
    if ev.group in ("meet", "summit") and framing_gathering(tok):
        gatherings.read_gathering(r, ev)
        return
    said_by = statements.speaker(r, tok) if kind == "statement" else []
    if said_by is statements.UNNAMED:
        ev.unnamed_speaker = True
        return
    met = messages.bearer_and_recipient(r, tok) if tok.pos_ == "VERB" else []
    framed = kind == "visit" and ev.anaphoric and visits.a_bare_frame(tok)
    ev.participants = [] if framed else said_by or met or r.participants(tok, sent)
    if kind == "statement" and any(p.kind == PERSON for p in ev.participants):
        # "During his speech, X highlighted trade with Kenya": who spoke, not what of
        ev.participants = [p for p in ev.participants if p.kind != COUNTRY]
        jointly = statements.held_jointly_with(r, tok)
        ev.participants += [p for p in jointly if p not in ev.participants]
    bodies = []
    if GROUPS[kind] in ("meet", "summit"):
        bodies = gatherings.sitting_of(r, tok)
        ev.participants += [b for b in bodies if b not in ev.participants]
    ev.place = r.place_in(tok, sent)
    if GROUPS[kind] == "meet" and ev.place is None and bodies:
        gatherings.place_below(r, ev)  # "the next session of the Commission in Lusaka"
    if kind == "visit":
        visits.read_visit(r, ev)
        if ev.guest is None and (welcomer := parties.welcomer(r, tok)) is not None:
            _welcomed_visit(r, ev, welcomer, told)
    elif (
        GROUPS[kind] != "meet"  # a participantless discussion joins the last one anyway
        and not any(p.kind == PERSON for p in ev.participants)
        and (plural_subject(tok) or (not ev.participants and tok.pos_ == "NOUN"))
        and not talked_about(tok)  # ("they discussed the upcoming summit": not theirs)
        and attended_on(tok) is None  # ("... X's visit to attend the summit": X's)
        and not dated_participle(tok, r.ref.year)  # ("the declaration signed in 2021": not theirs)
    ):
        # "the ministers signed ...", "they discussed ...": those of the last encounter;
        # "talks, followed by the exchange of memoranda": those of the sentence's
        # (one still ahead is no encounter of what is told as done)
        last = next((e for e in reversed(told.with_two) if ev.scheduled or not e.scheduled), None)
        if last is not None and not plural_subject(tok) and not last.sentence == sent:
            last = None  # (the sentence's own come last of all)
        if last is not None:
            ev.participants = [p for p in last.participants if p.kind == PERSON]


def _welcomed_visit(r: EventReader, ev: Event, welcomer: Entity, told: _Told) -> None:
    """ "X thanked (Y for) the visit": the visit of the one X last met, to X's country; else
    a visit told before (coreference), which X welcomes but does not make."""
    met = next((e for e in reversed(told.with_two) if welcomer in e.participants), None)
    guests = [p for p in met.participants if p.kind == PERSON and p is not welcomer] if met else []
    if len(guests) != 1:
        ev.participants = [p for p in ev.participants if p is not welcomer]
        return
    ev.guest = guests[0]
    ev.participants = [ev.guest]
    ev.host = ev.host or r.country_of(welcomer)
    visits.set_guest_country(r, ev)
