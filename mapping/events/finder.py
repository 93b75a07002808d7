"""Events: visits, meetings, talks, calls, signings, summits, ceremonies and statements. Each
trigger (events/triggers.py) that tells an event of its own is read off its sentence's
dependency parse: who took part, who hosted whom, where, when, whether it is still to come."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

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
    Event,
    framing_gathering,
    governing_verb,
    is_anaphoric,
    plural_subject,
)
from communique.mapping.events.called_off import called_off
from communique.mapping.events.date_owners import dated_participle, opens_since
from communique.mapping.events.date_reach import attended_on
from communique.mapping.events.dates import dates_for
from communique.mapping.events.lede import Opening
from communique.mapping.events.passed_over import SentenceTriggers, Told, passed_over
from communique.mapping.events.reader import EventReader
from communique.mapping.events.scheduled import is_scheduled
from communique.mapping.events.spoken_of import (
    talked_about,
)
from communique.mapping.events.told_again import ROUNDS
from communique.mapping.mentions.finder import COUNTRY, PERSON
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
    told = Told()
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
        here = SentenceTriggers(sent_triggers, dates)
        for tok, kind in sent_triggers:
            if passed_over(r, tok, kind, here, told):
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


def _parties_of_the_round(ev: Event, rounds: tuple[Token, str] | None, told: Told) -> None:
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


def _read_parties(r: EventReader, ev: Event, told: Told) -> None:
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
        # a participantless discussion joins the last one anyway (not "since they met"); a
        # meeting too when "they" meet ("They first met in 2019")
        (GROUPS[kind] != "meet" or opens_since(tok) or _they_meet(tok))
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


def _they_meet(tok: Token) -> bool:
    return tok.lemma_.lower() == "meet" and any(
        c.dep_ == "nsubj" and c.lower_ == "they" for c in tok.children
    )


def _welcomed_visit(r: EventReader, ev: Event, welcomer: Entity, told: Told) -> None:
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
