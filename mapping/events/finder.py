"""Events: visits, meetings, talks, calls, signings, summits, ceremonies and statements, found
by a trigger lexicon (mapping/data/events.json) and read off the sentence's dependency parse:
who took part, who hosted whom, where, when, whether it is still to come."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.cluster import ArticleEntities, Entity
from communique.mapping.events.base import (
    GROUPS,
    REPORTING,
    Event,
    governing_verb,
    is_anaphoric,
    is_scheduled,
    lexicon,
    only_a_time_frame,
    plural_subject,
    signed_object,
    talk_inside,
)
from communique.mapping.events.context import fold_signing_ceremonies, inherit_dates
from communique.mapping.events.dates import dates_for, sentence_dates
from communique.mapping.events.links import merge, nest
from communique.mapping.events.reader import EventReader
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON, PLACE
from communique.mapping.nlp.language import sentences as sentences_of
from communique.mapping.nlp.language import tokens_of
from communique.mapping.nlp.tree import Marks, tree_of
from communique.mapping.values.dates import DateValue

__all__ = ["Event", "find_events", "governing_verb", "main_countries", "triggers"]


_PHRASES: dict[int, PhraseMatcher] = {}


def _phrase_matcher(doc: Doc) -> PhraseMatcher:
    key = id(doc.vocab)
    if key not in _PHRASES:
        m = PhraseMatcher(doc.vocab, attr="LOWER")
        for kind, phrases in lexicon()["phrases"].items():
            m.add(
                kind,
                [
                    # split as the tokenizer splits infix hyphens: "co-chaired" is 3 tokens
                    Doc(doc.vocab, words=re.findall(r"[^\s-]+|-", p))
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
    name_nouns = lexicon()["name_nouns"]
    for tok in tokens_of(doc):
        if tok.i in covered:
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("NOUN", "PROPN") and (lemma in nouns or tok.lower_ in nouns):
            kind = nouns.get(tok.lower_) or nouns[lemma]
            if kind == "statement" and signed_object(tok):
                continue  # "the signing of a joint statement": an agreement
            found[tok.i] = kind
        elif tok.is_title and tok.pos_ in ("NOUN", "PROPN") and lemma in name_nouns:
            found[tok.i] = name_nouns[lemma]
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


def find_events(
    doc: Doc,
    ents: ArticleEntities,
    *,
    ref: dt.date,
    person_country: dict[int, str],
    dateline_date: DateValue | None = None,
    titles: dict[str, list[Entity]] | None = None,
    dateline_place: Entity | None = None,
) -> list[Event]:
    """The events of one article, merged where they corefer, nested in the main visit;
    `titles` maps a folded role label to the persons holding it ("the Foreign Secretary")."""
    r = EventReader(doc, ents, ref, person_country, titles)
    r.here = dateline_place
    told = _Told()
    sentences = list(sentences_of(doc))
    first_sent = sentences[0] if sentences else None
    all_triggers = _all_triggers(doc, r)
    r.trigger_tokens = {t.i for t, _ in all_triggers}
    at = [t.i for t, _ in all_triggers]  # in text order: a sentence's are found by bisection
    lede = _lede_date(first_sent, ref) if first_sent is not None else None
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
                anaphoric=is_anaphoric(tok),
                sentences={sent.start},
            )
            if tok.i in dates:
                ev.date, ev.explicit_date = dates[tok.i], True
                if ev.date.value < ref.isoformat()[: len(ev.date.value)]:
                    ev.scheduled = False  # a dated past event is no plan
            elif sent == first_sent and not ev.scheduled and (lede or dateline_date):
                # the lede tells one day's news: its one date, else the dateline's
                ev.date, ev.explicit_date = lede or dateline_date, True
            _read_parties(r, ev, told)
            told.add(ev)
    return _linked(r, ents, told.events, ref, dateline_date)


def _all_triggers(doc: Doc, r: EventReader) -> list[tuple[Token, str]]:
    """The lexicon's triggers and those read off a verb's object, in text order."""
    found = triggers(doc)
    # "received Foreign Minister X", "hosted Prime Minister Y": a meeting with that person
    person_verbs = lexicon()["person_object_verbs"]
    presses: list[tuple[Token, int]] = []  # (audience, how many triggers were found before)
    for tok in tokens_of(doc):
        pos = tok.pos_
        if pos == "NOUN":
            if tok.lower_ == "exchange" and _of_documents(tok):
                found.append((tok, "agreement-signing"))
            continue
        if pos != "VERB":
            continue
        lemma = tok.lemma_.lower()
        kind = person_verbs.get(lemma)
        if kind and (any(_person_object(r, c) for c in tok.children) or _person_follows(r, tok)):
            found.append((tok, kind))
        elif lemma == "call" and _calls_on(r, tok):
            found.append((tok, "meeting"))
        elif lemma in ("conclude", "ink") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _DOCUMENTS for c in tok.children
        ):
            found.append((tok, "agreement-signing"))  # "concluded an agreement"
        elif press := _press_audience(tok):
            # "X told a press conference": X's statement, not the venue's
            presses.append((press, len(found)))
            found.append((tok, "statement"))
    if presses:
        found = _without_audiences(doc, found, presses)
    found.sort(key=lambda tk: tk[0].i)
    return found


def _without_audiences(
    doc: Doc, found: list[tuple[Token, str]], presses: list[tuple[Token, int]]
) -> list[tuple[Token, str]]:
    """Leave out the triggers inside a press audience's phrase ("a press conference" is no
    event of its own) that were found before that audience: one pass down the tree, not
    one pass over all triggers per audience."""
    tree = tree_of(doc)
    latest = [-1] * len(tree.parent)  # the last audience above each token, by when it came
    own = {press.i: when for press, when in presses}
    for i in tree.order:
        above = latest[tree.parent[i]] if tree.parent[i] != i else -1
        latest[i] = max(own.get(i, -1), above)
    return [(t, k) for n, (t, k) in enumerate(found) if latest[t.i] <= n]


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


def _passed_over(
    r: EventReader, tok: Token, kind: str, here: _SentenceTriggers, told: _Told
) -> bool:
    """Whether a trigger tells no event of its own."""
    if only_a_time_frame(tok) or talk_inside(tok, r.trigger_tokens):
        return True
    if _said_of_it(tok) and kind in told.kinds:
        return True  # "It was his first state visit to X": the visit told before
    if tok.pos_ == "VERB" and _object_is_no_party(r, tok):
        return True  # "meeting the demand", "visited the website"
    if tok.lower_ == "visiting" and any(
        (e := r.by_token.get(i)) is not None and e.kind == PERSON
        for i in range(tok.i + 1, min(tok.i + 3, len(tok.doc)))
    ):
        return True  # "visiting Prime Minister X": the guest of a visit told elsewhere
    verb = tok.pos_ == "VERB"
    if (
        verb
        and tok.dep_ in ("xcomp", "advcl")
        and tok.tag_ == "VB"  # an infinitive of purpose, not "Visiting X, she met"
        and here.purpose_of_another(tok)
    ):
        return True  # "held a meeting ... to discuss": the purpose, not another event
    meet = GROUPS[kind] == "meet"
    if verb and tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl") and meet and here.meetings > 1:
        return True  # "to convene next month, co-chaired by ...": told of that meeting
    return (
        meet
        and verb
        and plural_subject(tok)
        and bool(told.events)
        and told.events[-1].kind == "phone-call"
        and not any(r.entity(c) for c in tok.children if c.dep_ == "prep")
    )  # "They discussed trade": what the call told before was about


def _read_parties(r: EventReader, ev: Event, told: _Told) -> None:
    """Who took part in an event, and where."""
    tok, kind, sent = ev.trigger, ev.kind, ev.sentence
    ev.participants = _speaker(r, tok) if kind == "statement" else []
    ev.participants = ev.participants or r.participants(tok, sent)
    ev.place = r.place_in(tok, sent)
    if kind == "visit":
        _read_visit(r, ev)
    elif (
        GROUPS[kind] != "meet"  # a participantless discussion joins the last one anyway
        and not any(p.kind == PERSON for p in ev.participants)
        and (plural_subject(tok) or (not ev.participants and tok.pos_ == "NOUN"))
    ):
        # "the ministers signed ...", "they discussed ...": those of the last encounter;
        # "talks, followed by the exchange of memoranda": those of the sentence's
        last = told.with_two[-1] if told.with_two else None
        if last is not None and not plural_subject(tok) and not last.sentence == sent:
            last = None  # (the sentence's own come last of all)
        if last is not None:
            ev.participants = [p for p in last.participants if p.kind == PERSON]


def _linked(
    r: EventReader,
    ents: ArticleEntities,
    events: list[Event],
    ref: dt.date,
    dateline_date: DateValue | None,
) -> list[Event]:
    """The events merged, nested and split by partner and destination, each with a host
    and parties."""
    inherit_dates(events)
    events = fold_signing_ceremonies(merge(events, ref))
    nest(events, ref, dateline_date)
    events = [part for ev in events for part in _one_per_partner(r, ev)]
    events = [part for ev in events for part in _one_per_destination(r, ev)]
    main = [ents.country(iso3) for iso3 in main_countries(ents)]
    for ev in events:
        if (
            ev.kind in ("summit", "meeting")
            and ev.host is None
            and (
                any(p.kind == ORG for p in ev.participants)
                or not any(p.kind == PERSON for p in ev.participants)
            )
        ):
            # a multilateral gathering, or one told without its people ("the next session
            # of the commission, to be held in Lusaka"), is hosted where it takes place
            ev.host = (
                _hosted_by(r, ev.trigger) or r.country_of(ev.place) or _country_in(r, ev.trigger)
            )
        if not ev.participants:
            countries = [e for e in r.sentence_entities(ev.sentence) if e.kind == COUNTRY]
            ev.participants = countries[:2] or [c for c in main if c is not None]
    # an intended signing is no event yet (its agreement is still recorded)
    return [e for e in events if e.participants and not (e.scheduled and e.group == "sign")]


# nouns for people an event can be held with, though no name is given
PARTY_NOUNS = {
    "counterpart",
    "leader",
    "minister",
    "president",
    "delegation",
    "official",
    "ambassador",
    "envoy",
    "head",
    "premier",
    "chancellor",
    "king",
    "queen",
    "secretary",
    "representative",
    "prime",
    "emir",
    "sultan",
    "prince",
    "chairman",
    "speaker",
    "diplomat",
    "commissioner",
    "governor",
    "mayor",
    "side",
    "team",
    "group",
    "country",
    "nation",
    "partner",
    "people",
    "community",
    "region",
    "city",
    "capital",
    "site",
    "plant",
    "memorial",
    "monument",
    "complex",
    "museum",
    "factory",
    "port",
    "residence",
}


def _person_object(r: EventReader, c: Token) -> bool:
    """`received Foreign Minister X`; `received on Tuesday Chairman of ... X` (the parser
    hangs a long title after a weekday on "on")."""
    if c.dep_ == "dobj":
        if (e := r.by_token.get(c.i)) is not None and e.kind == PERSON:
            return True
        # "hosted a delegation led by Prime Minister X"
        return c.lemma_.lower() in _PARTIES_LED and _names_a_person(r, c)
    if c.dep_ == "agent":  # "X was received by Pope Y"
        verb = c.head
        subjects = [s for s in verb.children if s.dep_ == "nsubjpass"]
        if not subjects and verb.dep_ == "conj":  # "X made a visit ... and was received by Y"
            subjects = [s for s in verb.head.children if s.dep_ == "nsubj"]
        return _names_a_person(r, c) and any(_names_a_person(r, s) for s in subjects)
    if c.dep_ != "prep" or c.lower_ != "on":
        return False
    return r.named_below(c, "person-appos")


_PARTIES_LED = {"delegation", "team", "mission", "group"}


def _names_a_person(r: EventReader, tok: Token) -> bool:
    return r.named_below(tok, "person")


def _speaker(r: EventReader, tok: Token) -> list[Entity]:
    """ "X said at a briefing that Y ...": X alone makes the statement."""
    verb = governing_verb(tok)
    if verb.lemma_.lower() not in REPORTING:
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return r._entities_at(subjects, (PERSON, ORG), expand=True)


def _person_follows(r: EventReader, tok: Token) -> bool:
    """ "X hosted President Y on Wednesday" parsed with no object (the model hangs the
    verb on the name): a finite verb whose next words are a person's title and name."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ == "dobj" for c in tok.children):
        return False
    doc = tok.doc
    for i in range(tok.i + 1, min(tok.i + 8, len(doc))):
        e = r.by_token.get(i)
        if e is not None:
            return e.kind == PERSON
        if doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX", "ADP"):
            return False
    return False


def _calls_on(r: EventReader, tok: Token) -> bool:
    """`called on the visiting leader`, not `called on both sides to ...`: a courtesy call."""
    if any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            for p in c.children:
                e = r.by_token.get(p.i)
                if (e is not None and e.kind == PERSON) or p.lemma_.lower() in PARTY_NOUNS:
                    return True
    return False


# "the exchange of several memoranda": documents handed over at a signing
_DOCUMENTS = {"agreement", "memorandum", "memoranda", "mou", "document", "instrument", "accord"}


def _of_documents(tok: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(p.lemma_.lower() in _DOCUMENTS for p in c.children)
        for c in tok.children
    )


# "told a press conference": the statement the press-conference trigger names is the
# speaker's ("told reporters" alone is mere attribution of a quote, no event)
_PRESS = {"conference", "briefing"}


def _press_audience(tok: Token) -> Token | None:
    """The `conference` of "X told a press conference", else None."""
    if tok.lemma_.lower() != "tell" or tok.pos_ != "VERB":
        return None
    for c in tok.children:
        if c.dep_ in ("dobj", "dative") and c.lemma_.lower() in _PRESS:
            return c
    return None


def _one_per_partner(r: EventReader, ev: Event) -> list[Event]:
    """ "bilateral meetings with President X, President Y and Prime Minister Z": one meeting
    with each of them."""
    tok = ev.trigger
    if ev.kind != "meeting":
        return [ev]
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "meet" and _on_the_sidelines(tok):
        # "met Premier X and President Y on the margins of the summit": two bilaterals
        slots = [c for c in tok.children if c.dep_ == "dobj"]
    elif tok.tag_ == "NNS":
        slots = [
            p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
        ]
    else:
        return [ev]
    listed = r._entities_at(slots, (PERSON,), expand=True)
    if len(listed) < 2:
        return [ev]
    base = [p for p in ev.participants if p not in listed]
    verb = governing_verb(tok)
    while verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "X is expected to hold meetings": X holds them
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    base += [p for p in r._entities_at(subjects, (PERSON,), expand=True) if p not in base]
    return [
        replace(ev, participants=[*base, person], sentences=set(ev.sentences)) for person in listed
    ]


def _one_per_destination(r: EventReader, ev: Event) -> list[Event]:
    """ "will visit Japan and the Republic of Korea": a visit to each country."""
    if ev.kind != "visit" or ev.host is None:
        return [ev]
    slots = []
    for h in (ev.trigger, governing_verb(ev.trigger)):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                slots += [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ == "dobj" and h.lemma_.lower() == "visit":
                slots.append(c)
    others: list[Entity] = []
    for p in slots:
        if r.entity(p) is not ev.host:
            continue
        for conj in p.conjuncts:
            e = r.entity(conj)
            if e is not None and e.kind == COUNTRY and e is not ev.host and e not in others:
                others.append(e)
    if not others:
        return [ev]
    return [ev] + [
        replace(
            ev,
            host=c,
            place=None,
            participants=[c if p is ev.host else p for p in ev.participants],
            sentences=set(ev.sentences),
            distinct=c.key,
        )
        for c in others
    ]


def _hosted_by(r: EventReader, tok: Token) -> Entity | None:
    """ "the Arab League summit to be hosted by Baghdad": the host's country."""
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() == "host":
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        e = r.entity(p)
                        if e is not None and e.kind in (COUNTRY, PLACE):
                            return r.country_of(e)
    return None


_SIDELINES = {"sidelines", "margins", "sideline", "margin"}


def _on_the_sidelines(tok: Token) -> bool:
    doc = tok.doc
    marks = doc.user_data.get("communique_sidelines")
    if marks is None:  # (a long sentence's verbs each have most of it below them)
        sidelines = [t.i for t in tokens_of(doc) if t.lower_ in _SIDELINES]
        marks = doc.user_data["communique_sidelines"] = Marks(tree_of(doc), sidelines)
    return marks.in_subtree(tok)


def _said_of_it(tok: Token) -> bool:
    """`It was/marked his first visit`: the noun describes an event already told."""
    if tok.dep_ not in ("attr", "dobj") or tok.head.lemma_.lower() not in ("be", "mark"):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in tok.head.children)


def _object_is_no_party(r: EventReader, tok: Token) -> bool:
    """A meeting or visit verb whose object is a thing, not someone or somewhere."""
    if tok.lemma_.lower() not in ("meet", "visit"):
        return False
    for c in tok.children:
        if c.dep_ == "dobj":
            if r.entity(c) is not None or r.named_below(c):
                return False
            return c.lemma_.lower() not in PARTY_NOUNS
    return False


def _lede_date(sent: Span, ref: dt.date) -> DateValue | None:
    days = {v for _, v in sentence_dates(sent, ref) if v.precision == "day" and not v.end}
    return days.pop() if len(days) == 1 else None


def main_countries(ents: ArticleEntities) -> list[str]:
    counts = sorted(
        ((len(e.mentions), i, e.key) for i, e in enumerate(ents.by_kind(COUNTRY))),
        key=lambda c: (-c[0], c[1]),
    )
    return [key for _, _, key in counts[:2]]


def _country_in(r: EventReader, tok: Token) -> Entity | None:
    for h in (tok, governing_verb(tok)):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                for p in c.children:
                    e = r.entity(p)
                    if e is not None and e.kind == COUNTRY:
                        return e
    return None


def _read_visit(r: EventReader, ev: Event) -> None:
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
