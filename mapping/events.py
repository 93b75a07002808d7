"""Events: visits, meetings, talks, calls, signings, summits, ceremonies and statements, found
by a trigger lexicon (mapping/data/events.json) and read off the sentence's dependency parse:
who took part, who hosted whom, where, when, whether it is still to come."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from communique.mapping.dates import DateValue, find_dates
from communique.mapping.entities import ArticleEntities, Entity
from communique.mapping.mentions import COUNTRY, ORG, PERSON, PLACE
from communique.mapping.nlp import sentence_of, tokens_of

REPORTING = {"say", "tell", "report", "quote", "disclose", "announce", "add", "note", "state"}
FUTURE_MODS = {
    "upcoming",
    "forthcoming",
    "future",
    "planned",
    "next",
    "expected",
    "early",
    "proposed",
    "scheduled",
    "coming",
}
FUTURE_GOVERNORS = {
    "invite",
    "plan",
    "hope",
    "expect",
    "propose",
    "prepare",
    "intend",
    "agree",
    "schedule",
    "want",
    "wish",
    "aim",
    "host",
    "proceed",
    "decide",
    "look",
    "recommend",
    "suggest",
    "urge",
    "seek",
    "preparation",
}
GROUPS = {
    "visit": "visit",
    "meeting": "meet",
    "talks": "meet",
    "phone-call": "call",
    "summit": "summit",
    "agreement-signing": "sign",
    "ceremony": "ceremony",
    "statement": "statement",
}
VISIT_KINDS = ("official", "state", "working")
DISTINCT_MODS = {
    "trilateral",
    "multilateral",
    "quadrilateral",
    "first",
    "second",
    "third",
    "next",
    "another",
    "new",
    "annual",
    "regular",
}


@dataclass
class Event:
    """One event as the article reports it."""

    kind: str  # event-type key
    trigger: Token
    sentence: Span
    participants: list[Entity] = field(default_factory=list)
    guest: Entity | None = None
    host: Entity | None = None  # a country
    guest_country: Entity | None = None
    place: Entity | None = None
    date: DateValue | None = None
    explicit_date: bool = False
    scheduled: bool = False
    visit_kind: str | None = None
    part_of: Event | None = None
    anaphoric: bool = False
    sentences: set[int] = field(default_factory=set)  # starts of the sentences it is told in

    @property
    def group(self) -> str:
        return GROUPS[self.kind]


@cache
def lexicon() -> dict:
    with resources.files("communique.mapping").joinpath("data/events.json").open() as f:
        return json.load(f)


_PHRASES: dict[int, PhraseMatcher] = {}


def _phrase_matcher(doc: Doc) -> PhraseMatcher:
    key = id(doc.vocab)
    if key not in _PHRASES:
        m = PhraseMatcher(doc.vocab, attr="LOWER")
        for kind, phrases in lexicon()["phrases"].items():
            m.add(
                kind,
                [
                    doc.vocab.make_doc(p)
                    if hasattr(doc.vocab, "make_doc")
                    else Doc(doc.vocab, words=p.split())
                    for p in phrases
                ],
            )
        _PHRASES[key] = m
    return _PHRASES[key]


def triggers(doc: Doc) -> list[tuple[Token, str]]:
    """(trigger token, event-type key) in text order; a phrase beats its words."""
    found: dict[int, str] = {}
    covered: set[int] = set()
    for mid, start, end in _phrase_matcher(doc)(doc):
        kind = doc.vocab.strings[mid]
        found[doc[start:end].root.i] = kind
        covered.update(range(start, end))
    nouns, verbs = lexicon()["nouns"], lexicon()["verbs"]
    for tok in tokens_of(doc):
        if tok.i in covered:
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("NOUN", "PROPN") and (lemma in nouns or tok.lower_ in nouns):
            kind = nouns.get(tok.lower_) or nouns[lemma]
            if kind == "statement" and _signed_object(tok):
                continue  # "the signing of a joint statement": an agreement
            found[tok.i] = kind
        elif tok.pos_ == "VERB" and lemma in verbs and tok.dep_ not in ("amod", "compound"):
            # ("visiting Prime Minister X" describes the guest of a visit told elsewhere)
            found[tok.i] = verbs[lemma]
    out = []
    for i, kind in sorted(found.items()):
        tok = doc[i]
        # "political consultation meeting": the modifier is the same event as its head
        if tok.dep_ in ("compound", "amod") and tok.head.i in found:
            continue
        out.append((tok, kind))
    return out


def _signed_object(tok: Token) -> bool:
    head = tok.head
    if head.dep_ == "prep":
        head = head.head
    return head.lemma_.lower() in ("signing", "sign", "adopt", "adoption")


def governing_verb(tok: Token) -> Token:
    """The verb a noun trigger hangs from ("paid an official visit" -> paid)."""
    t = tok
    for _ in range(8):
        if (
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("pcomp", "acl", "amod")
        ) or t.dep_ == "ROOT":
            return t
        t = t.head
    return t


def _is_scheduled(tok: Token) -> bool:
    if any(c.lower_ in FUTURE_MODS for c in tok.children):
        return True
    verb = governing_verb(tok)
    for t in (tok, verb):
        if any(c.lower_ in ("will", "shall", "would") for c in t.children):
            return True
        if t.pos_ == "VERB" and t.tag_ == "VB" and any(c.lower_ == "to" for c in t.children):
            return True
    for anc in tok.ancestors:
        if anc.lemma_.lower() in FUTURE_GOVERNORS:
            return True
    return False


def _is_anaphoric(tok: Token) -> bool:
    """`the visit`, `his visit`, `In the meeting`: a noun that refers back."""
    if tok.pos_ == "VERB":
        return False
    if any(c.ent_type_ == "ORDINAL" or c.lower_ in DISTINCT_MODS for c in tok.children):
        return False  # "the ninth trilateral meeting" is an event of its own
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    return any(d.lower_ in ("the", "this", "that", "his", "her", "their", "its") for d in dets)


class _Reader:
    def __init__(
        self, doc: Doc, ents: ArticleEntities, ref: dt.date, person_country: dict[int, str]
    ) -> None:
        self.doc, self.ents, self.ref = doc, ents, ref
        self.person_country = person_country
        self.trigger_tokens: set[int] = set()
        self.by_token: dict[int, Entity] = {}
        for e in ents.entities:
            for m in e.mentions:
                for i in range(m.start, m.end):
                    self.by_token.setdefault(i, e)
        # "the Minister of Foreign Affairs of Tajikistan, Sirojiddin Muhriddin": the title's
        # words refer to the person too (the parser often makes the title the head)
        for e in ents.by_kind(PERSON):
            for m in e.mentions:
                if m.title_start is not None:
                    for i in range(m.title_start, m.start):
                        self.by_token.setdefault(i, e)
        # "he", "his": the person last named as a subject in an earlier sentence
        self.last_subject: dict[int, Entity] = {}
        last = None
        toks = tokens_of(doc)
        for sent in doc.sents:
            self.last_subject[sent.start] = last
            for t in toks[sent.start : sent.end]:
                e = self.by_token.get(t.i)
                if (
                    e is not None
                    and e.kind == PERSON
                    and (t.dep_ in ("nsubj", "nsubjpass") or t.head.dep_ in ("nsubj", "nsubjpass"))
                ):
                    last = e

    def entity(self, tok: Token) -> Entity | None:
        return self.by_token.get(tok.i)

    def country_of(self, e: Entity | None) -> Entity | None:
        if e is None:
            return None
        iso3 = (
            e.key
            if e.kind == COUNTRY
            else (self.person_country.get(id(e)) if e.kind == PERSON else e.iso3)
        )
        return self.ents.country(iso3) if iso3 else None

    def participants(self, tok: Token, sent: Span) -> list[Entity]:
        """Who takes part: the trigger's own `with`/`between` objects and possessor, the
        governing verb's subject and objects; else the persons and organizations of its clause."""
        slots: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "nmod"):
                slots.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("with", "between", "by", "among"):
                slots.extend(c.children)
        verb = governing_verb(tok)
        if verb is not tok or tok.pos_ == "VERB":
            for c in verb.children:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent"):
                    slots.append(c)
                elif c.dep_ == "prep" and c.lower_ in ("with", "between", "by"):
                    slots.extend(c.children)
            if verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
                # "paid a visit ... and met X": the first verb's subject met X too
                slots.extend(c for c in verb.head.children if c.dep_.startswith("nsubj"))
        out = self._entities_at(slots, (PERSON, ORG, COUNTRY), expand=True)
        if sum(e.kind == PERSON for e in out) >= 2 or (
            any(e.kind == ORG for e in out) and not any(e.kind == PERSON for e in out)
        ):
            return out
        verb_tokens = (
            {t.i for t in verb.subtree}
            if verb.pos_ in ("VERB", "AUX")
            else set(range(sent.start, sent.end))
        )
        clause = []
        toks = tokens_of(self.doc)
        elsewhere = {
            id(self.by_token[i])
            for i in verb_tokens
            if i in self.by_token
            and toks[i].dep_ in ("poss", "compound")
            and toks[i].head.i in self.trigger_tokens
            and toks[i].head.i != tok.i
        }  # "Mirziyoyev's state visit": a party to that other event
        for i in sorted(verb_tokens):
            e = self.by_token.get(i)
            if e is None or e.kind not in (PERSON,) or e in clause:
                continue
            t = toks[i]
            if t.head.lemma_.lower() in REPORTING and t.dep_ in ("nsubj", "nsubjpass"):
                continue
            if id(e) in elsewhere:
                continue
            clause.append(e)
        return out + [e for e in clause if e not in out]

    def _entities_at(self, slots: list[Token], kinds, *, expand: bool) -> list[Entity]:
        """Entities at these tokens, following conjunctions ("X and Y") and pronouns."""
        out: list[Entity] = []
        todo = list(slots)
        seen: set[int] = set()
        while todo:
            t = todo.pop(0)
            if t.i in seen:
                continue
            seen.add(t.i)
            e = self.by_token.get(t.i) or self._pronoun(t)
            if e is None and expand:
                # the head of a name may not be the entity token: look at its compounds
                e = next(
                    (
                        self.by_token[c.i]
                        for c in t.children
                        if c.dep_ in ("compound", "poss") and c.i in self.by_token
                    ),
                    None,
                )
            if e is not None and e.kind in kinds and e not in out:
                if not (e.kind == ORG and e.subkind in ("news agency",)):
                    out.append(e)
            todo.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
        return out

    def _pronoun(self, t: Token) -> Entity | None:
        if t.lower_ in ("he", "she", "his", "her"):
            return self.last_subject.get(sentence_of(self.doc, t.i).start)
        return None

    def destination(self, tok: Token) -> Entity | None:
        """`visit to Bishkek`, `visited Germany`, `paying a visit to Baku`."""
        heads = [tok, governing_verb(tok)]
        for h in heads:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "in"):
                    for p in c.children:
                        if p.dep_ == "pobj" and (e := self._place_like(p)):
                            return e
                if h.pos_ == "VERB" and h.lemma_.lower() == "visit" and c.dep_ == "dobj":
                    if e := self._place_like(c) or self.entity(c):
                        return e
        return None

    def _place_like(self, tok: Token) -> Entity | None:
        for t in [tok, *(c for c in tok.lefts if c.dep_ in ("compound", "poss", "amod"))]:
            e = self.entity(t)
            if e is not None and e.kind in (COUNTRY, PLACE, PERSON):
                return e
        return None

    def guest_of(self, tok: Token) -> Entity | None:
        for c in tok.children:
            if c.dep_ == "poss" and (e := self.entity(c)) and e.kind == PERSON:
                return e
        verb = governing_verb(tok)
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                e = self.entity(c) or self._pronoun(c)
                if e is None and c.lower_ in ("who", "that") and verb.dep_ == "relcl":
                    e = self.entity(verb.head)  # "Lavrov, who arrived ... for a visit"
                if e is not None and e.kind == PERSON:
                    return e
        if verb.dep_ == "xcomp":  # "invited Bakari to visit"
            for c in verb.head.children:
                if c.dep_ == "dobj" and (e := self.entity(c)) and e.kind == PERSON:
                    return e
        return None

    def place_in(self, tok: Token, sent: Span) -> Entity | None:
        verb = governing_verb(tok)
        for c in tok.children:
            e = self.entity(c)
            if c.dep_ in ("compound", "nmod") and e is not None and e.kind == PLACE:
                return e
        for h in (tok, verb):
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "inside"):
                    for t in c.subtree:
                        e = self.entity(t)
                        if e is not None and e.kind == PLACE:
                            return e
        return None

    def visit_kind(self, tok: Token) -> str | None:
        words = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
        return next((k for k in VISIT_KINDS if k in words), None)


def find_events(
    doc: Doc,
    ents: ArticleEntities,
    *,
    ref: dt.date,
    person_country: dict[int, str],
    dateline_date: DateValue | None = None,
) -> list[Event]:
    """The events of one article, merged where they corefer, nested in the main visit."""
    r = _Reader(doc, ents, ref, person_country)
    events: list[Event] = []
    sentences = list(doc.sents)
    first_sent = sentences[0] if sentences else None
    all_triggers = triggers(doc)
    # "received Foreign Minister X", "hosted Prime Minister Y": a meeting with that person
    person_verbs = lexicon()["person_object_verbs"]
    for tok in tokens_of(doc):
        kind = person_verbs.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if kind and any(
            c.dep_ == "dobj" and (e := r.by_token.get(c.i)) is not None and e.kind == PERSON
            for c in tok.children
        ):
            all_triggers.append((tok, kind))
    all_triggers.sort(key=lambda tk: tk[0].i)
    r.trigger_tokens = {t.i for t, _ in all_triggers}
    for sent in sentences:
        sent_triggers = [(t, k) for t, k in all_triggers if sent.start <= t.i < sent.end]
        if not sent_triggers:
            continue
        dates = _dates_for(sent, sent_triggers, ref)
        for tok, kind in sent_triggers:
            if tok.lower_ == "visiting" and any(
                (e := r.by_token.get(i)) is not None and e.kind == PERSON
                for i in range(tok.i + 1, min(tok.i + 3, len(doc)))
            ):
                continue  # "visiting Prime Minister X": the guest of a visit told elsewhere
            if (
                tok.pos_ == "VERB"
                and tok.dep_ in ("xcomp", "advcl")
                and any(
                    t.i in (tok.head.i, governing_verb(tok.head).i) or t.head.i == tok.head.i
                    for t, _ in sent_triggers
                    if t is not tok
                )
            ):
                continue  # "held a meeting ... to discuss": the purpose, not another event
            ev = Event(
                kind,
                tok,
                sent,
                scheduled=_is_scheduled(tok),
                anaphoric=_is_anaphoric(tok),
                sentences={sent.start},
            )
            if tok.i in dates:
                ev.date, ev.explicit_date = dates[tok.i], True
                if ev.date.value < ref.isoformat()[: len(ev.date.value)]:
                    ev.scheduled = False  # a dated past event is no plan
            elif dateline_date is not None and sent == first_sent and not ev.scheduled:
                ev.date, ev.explicit_date = dateline_date, True
            ev.participants = r.participants(tok, sent)
            ev.place = r.place_in(tok, sent)
            if kind == "visit":
                _read_visit(r, ev)
            elif (
                GROUPS[kind] != "meet"  # a participantless discussion joins the last one anyway
                and not any(p.kind == PERSON for p in ev.participants)
                and _plural_subject(tok)
            ):
                # "the ministers signed ...", "they discussed ...": those of the last encounter
                before = [e for e in events if sum(p.kind == PERSON for p in e.participants) >= 2]
                if before:
                    ev.participants = [p for p in before[-1].participants if p.kind == PERSON]
            events.append(ev)
    events = _merge(events)
    _nest(events, ref)
    main = [ents.country(iso3) for iso3 in main_countries(ents)]
    for ev in events:
        if (
            ev.kind in ("summit", "meeting")
            and ev.host is None
            and any(p.kind == ORG for p in ev.participants)
        ):
            # a multilateral gathering is hosted where it takes place
            ev.host = r.country_of(ev.place) or _country_in(r, ev.trigger)
        if not ev.participants:
            countries = [e for e in _sentence_entities(r, ev.sentence) if e.kind == COUNTRY]
            ev.participants = countries[:2] or [c for c in main if c is not None]
    # an intended signing is no event yet (its agreement is still recorded)
    return [e for e in events if e.participants and not (e.scheduled and e.group == "sign")]


def main_countries(ents: ArticleEntities) -> list[str]:
    counts = sorted(
        ((len(e.mentions), i, e.key) for i, e in enumerate(ents.by_kind(COUNTRY))),
        key=lambda c: (-c[0], c[1]),
    )
    return [key for _, _, key in counts[:2]]


def _country_in(r: _Reader, tok: Token) -> Entity | None:
    for h in (tok, governing_verb(tok)):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                for p in c.children:
                    e = r.entity(p)
                    if e is not None and e.kind == COUNTRY:
                        return e
    return None


PLURAL_ANAPHORS = {
    "they",
    "ministers",
    "leaders",
    "sides",
    "parties",
    "presidents",
    "diplomats",
    "delegations",
    "both",
    "two",
    "counterparts",
    "officials",
}


def _plural_subject(tok: Token) -> bool:
    verb = governing_verb(tok)
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PLURAL_ANAPHORS:
            return True
    return False


def _sentence_entities(r: _Reader, sent: Span) -> list[Entity]:
    out: list[Entity] = []
    for i in range(sent.start, sent.end):
        e = r.by_token.get(i)
        if e is not None and e not in out:
            out.append(e)
    return out


def _read_visit(r: _Reader, ev: Event) -> None:
    ev.visit_kind = r.visit_kind(ev.trigger)
    guest = r.guest_of(ev.trigger)
    dest = r.destination(ev.trigger)
    if guest is not None:
        ev.guest = guest
        ev.participants = [guest] + [p for p in ev.participants if p is not guest and p is dest]
    if dest is not None:
        if dest.kind == PLACE and ev.place is None:
            ev.place = dest
        ev.host = r.country_of(dest)
        if dest.kind == PERSON and dest not in ev.participants:
            ev.participants.append(dest)
    if ev.host is None and ev.place is not None:
        ev.host = r.country_of(ev.place)
    ev.guest_country = r.country_of(ev.guest)
    if ev.guest_country is not None and ev.guest_country is ev.host:
        ev.guest_country = None


def _dates_for(sent: Span, trig: list[tuple[Token, str]], ref: dt.date) -> dict[int, DateValue]:
    """Each date of the sentence goes to the trigger it hangs from, else the nearest one."""
    out: dict[int, DateValue] = {}
    trigger_at = {t.i: t for t, _ in trig}
    verb_of = {governing_verb(t).i: t for t, _ in trig}
    base = sent.start_char
    for start, end, value in find_dates(sent.text, ref):
        if value.precision == "year" and value.end:
            continue  # "for 2024-2026": an agreement's validity, not an event's date
        span = sent.doc.char_span(base + start, base + end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.head.lemma_.lower() in ("say", "tell") and root.dep_ == "npadvmod":
            continue  # "the ministry said Friday": when it was said, not when it happened
        target = None
        for anc in [root, *root.ancestors]:
            if anc.i in trigger_at:
                target = trigger_at[anc.i]
                break
            if anc.i in verb_of:
                target = verb_of[anc.i]
                break
            if anc.pos_ == "VERB" and anc is not root:
                # another verb's date; it may still frame the one event below it
                inside = [t for t, _ in trig if anc.is_ancestor(t)]
                if len(inside) == 1 and len(trig) == 1 and value.precision == "day":
                    target = inside[0]
                break
        if target is None and value.precision in ("day", "month"):
            before = [t for t, _ in trig if 0 < root.i - t.i <= 8]
            target = before[-1] if before else None
        if target is not None:
            out.setdefault(target.i, value)
    return out


def _compatible_dates(a: Event, b: Event) -> bool:
    return a.date is None or b.date is None or a.date.value == b.date.value


def _merge(events: list[Event]) -> list[Event]:
    """Mentions of one event become one: `the visit`, `the delegation talks`, ..."""
    kept: list[Event] = []
    for ev in events:
        target = _antecedent(ev, kept)
        if target is None:
            kept.append(ev)
            continue
        target.sentences |= ev.sentences
        for p in ev.participants:
            if p not in target.participants:
                target.participants.append(p)
        if target.date is None and ev.date is not None:
            target.date, target.explicit_date = ev.date, ev.explicit_date
        for attr in ("place", "host", "guest", "guest_country", "visit_kind"):
            if getattr(target, attr) is None:
                setattr(target, attr, getattr(ev, attr))
    # an anaphoric visit before the visit it refers to ("As part of the visit, ...")
    visits = [e for e in kept if e.kind == "visit" and not e.anaphoric]
    return [
        e for e in kept if not (e.kind == "visit" and e.anaphoric and not e.participants and visits)
    ]


def _antecedent(ev: Event, kept: list[Event]) -> Event | None:
    same = [k for k in reversed(kept) if k.group == ev.group and _compatible_dates(k, ev)]
    if ev.kind == "visit":
        same = [k for k in same if k.host is None or ev.host is None or k.host is ev.host]
    if not same:
        return None
    persons = {id(p) for p in ev.participants if p.kind == PERSON}
    actors = {id(p) for p in ev.participants if p.kind in (PERSON, ORG)}
    sig = _signature(ev.trigger)
    for k in same:
        if sig and sig == _signature(k.trigger):
            return k  # "the ninth trilateral meeting", told twice
    for k in same:
        k_actors = {id(p) for p in k.participants if p.kind in (PERSON, ORG)}
        if ev.sentence.start in k.sentences and not (actors and k_actors and not actors & k_actors):
            return k  # "took part in a wreath-laying ceremony ... and honored the grave"
    if ev.anaphoric and ev.group != "sign":
        for k in same:
            if actors <= {id(p) for p in k.participants} or not (actors - persons) and not persons:
                return k
    same = [k for k in same if k.scheduled == ev.scheduled]
    if not same:
        return None
    if not actors and ev.group in ("meet", "call"):
        return same[0]
    for k in same:
        kp = {id(p) for p in k.participants if p.kind == PERSON}
        if persons and persons == kp and (len(persons) >= 2 or ev.group in ("visit", "call")):
            return k
    return None


def _signature(tok: Token) -> tuple:
    mods = sorted(
        c.lower_ for c in tok.children if c.lower_ in DISTINCT_MODS or c.ent_type_ == "ORDINAL"
    )
    return (tok.lemma_.lower(), *mods) if mods else ()


def _nest(events: list[Event], ref: dt.date) -> None:
    """Events during the article's current visit are part of it and share its setting."""
    for v in events:
        if v.kind == "visit" and v.date is None and not v.scheduled:
            same_sentence = [
                e
                for e in events
                if e is not v
                and e.sentence == v.sentence
                and e.date is not None
                and e.date.precision == "day"
            ]
            if same_sentence:
                v.date = same_sentence[0].date
    candidates = [
        e
        for e in events
        if e.kind == "visit"
        and not e.scheduled
        and (e.host is not None or e.guest is not None)
        and (e.date is None or _recent(e.date, ref))
    ]
    candidates.sort(key=lambda e: (e.date is None or e.date.precision != "day", e.guest is None))
    main = candidates[0] if candidates else None
    if main is not None and main.date is None:
        lead = next(
            (
                e
                for e in events
                if e.date is not None
                and e.date.precision == "day"
                and not e.scheduled
                and e.kind != "visit"
                and main.guest in e.participants
            ),
            None,
        )
        if lead is not None:
            main.date = lead.date
    if main is not None:
        for e in events:
            if e is main or e.kind == "visit" or e.scheduled:
                continue
            if e.explicit_date and main.date is not None and not _within(e.date, main.date):
                continue
            if e.explicit_date and main.date is None:
                continue
            e.part_of = main
            if e.date is None and main.date is not None and main.date.precision == "day":
                e.date = main.date
            e.host = e.host or main.host
            e.guest_country = e.guest_country or main.guest_country
            if (
                main.guest is not None
                and main.guest not in e.participants
                and (
                    e.kind in ("meeting", "talks", "ceremony")
                    or not any(p.kind == PERSON for p in e.participants)
                )
            ):
                # the visitor takes part in what happens during the visit
                e.participants.insert(0, main.guest)
            e.place = e.place or main.place
        return
    lead = next(
        (e for e in events if e.explicit_date and e.date.precision == "day" and not e.scheduled),
        None,
    )
    if lead is None:
        return
    for e in events:
        if e.date is None and not e.scheduled and e.trigger.i > lead.trigger.i:
            e.date = lead.date


def _within(date: DateValue, span: DateValue) -> bool:
    """Whether date falls on the day, or inside the range, of span (same precision)."""
    if date.value == span.value:
        return True
    end = span.end or span.value
    return date.precision == span.precision and span.value <= date.value <= end


def _recent(date: DateValue, ref: dt.date) -> bool:
    """Within the fortnight before the article (or after it): the visit being reported."""
    try:
        if date.precision == "day":
            d = dt.date.fromisoformat(date.value)
            return -14 <= (d - ref).days <= 14
        if date.precision == "month":
            return date.value == ref.strftime("%Y-%m")
    except ValueError:
        return False
    return False
