"""Reading an event off its sentence's parse: who takes part, who visits whom, where."""

from __future__ import annotations

import datetime as dt
from collections import deque

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.entity import ArticleEntities, Entity
from communique.mapping.events.anaphora import EventAnaphora
from communique.mapping.events.base import (
    folded_conjuncts,
    governing_verb,
    the_round_of,
    witnesses,
    words,
)
from communique.mapping.events.clause_persons import ClausePersons
from communique.mapping.events.counterparts import EventCounterparts
from communique.mapping.events.date_owners import dated_participle
from communique.mapping.events.delegations import delegation_leader
from communique.mapping.events.holders import titled_holder
from communique.mapping.events.name_lists import persons_listed_after
from communique.mapping.events.offices import (
    EventOffices,
    of_an_office,
    of_an_unnamed_office,
    plural_office,
)
from communique.mapping.events.sayings import closing_source, sayer_after, speaker_labels
from communique.mapping.events.slots import (
    between,
    companions,
    controller_subjects,
    invited,
    of_objects,
    own_slots,
    paired_subjects,
    verb_slots,
)
from communique.mapping.events.spoken_of import spoken_of
from communique.mapping.events.whereabouts import EventPlaces
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON, PLACE
from communique.mapping.mentions.gazetteers import capital_of
from communique.mapping.nlp.arrays import PROPER, SUBJECT, where
from communique.mapping.nlp.language import sentence_of, sentences, tokens_of
from communique.mapping.nlp.tree import Marks, tree_of

_SEQUENCE_VERBS = words("sequence_verbs")


def _in_sequence(tok: Token, verb: Token) -> bool:
    """ "The visit follows X's meeting with Y": the subject of an active verb of sequence,
    whose clause's persons are the other event's (not "a welcome, followed by a meeting
    with Y", where the meeting is the welcomed one's)."""
    return (
        verb.lemma_.lower() in _SEQUENCE_VERBS
        and verb.tag_ != "VBN"
        and tok.dep_ == "nsubj"
        and tok.head.i == verb.i
    )


class EventReader(EventAnaphora, EventCounterparts, EventPlaces, EventOffices, ClausePersons):
    def __init__(
        self,
        doc: Doc,
        ents: ArticleEntities,
        ref: dt.date,
        person_country: dict[int, str],
        titles: dict[str, list[Entity]] | None = None,
    ) -> None:
        self.doc, self.ents, self.ref = doc, ents, ref
        self.person_country = person_country
        self.titles = titles or {}
        self.here: Entity | None = None  # the dateline's place, what "here" means
        self.home: str | None = None  # the dateline's country (ISO3)
        self.trigger_groups: dict[int, str] = {}  # a trigger's position -> its kind's group
        self.by_token: dict[int, Entity] = {}
        self._marks: dict[str, Marks] = {}
        self._in_sentence: dict[int, list[Entity]] = {}
        self._surnames: dict[str, list[Entity]] | None = None
        self._subjects: dict[int, list[Token]] = {}
        self._places: list[int] | None = None  # where places are named, in order
        self.labels = speaker_labels(doc)  # ("Lin Hao: ..." of a transcript: who speaks)
        for e in ents.entities:
            for m in e.mentions:
                for i in range(m.start, m.end):
                    if i not in self.labels:
                        self.by_token.setdefault(i, e)
        # "the Minister of Foreign Affairs of Tajikistan, Rustam Nazarzoda": the title's
        # words refer to the person too (the parser often makes the title the head)
        for e in ents.by_kind(PERSON):
            for m in e.mentions:
                if m.title_start is not None:
                    for i in range(m.title_start, m.start):
                        self.by_token.setdefault(i, e)
        # the two persons of each encounter read so far (events.finder adds them): whom
        # "the two ministers" stand for when a third was named since
        self.pairs: list[tuple[Entity, Entity]] = []
        # the guests of the visits read so far: whom "the visitor" stands for
        self.guests: list[Entity] = []
        # "he", "his": the person last named as a subject in an earlier sentence
        self.last_subject: dict[int, Entity] = {}
        last = None
        toks = tokens_of(doc)
        # (by index: most tokens name no one, and need no Token object nor tag asked)
        proper_subjects = set(where(doc, pos=PROPER, dep=SUBJECT))
        for sent in sentences(doc):
            self.last_subject[sent.start] = last
            for i in range(sent.start, sent.end):
                e = self.by_token.get(i)
                if e is None and i in proper_subjects:
                    e = self._bare_surname(toks[i])  # "Odhiambo is on a tour"
                if e is None or e.kind != PERSON:
                    continue
                t = toks[i]
                if t.dep_ in ("nsubj", "nsubjpass") or t.head.dep_ in ("nsubj", "nsubjpass"):
                    last = e

    def entity(self, tok: Token) -> Entity | None:
        return self.by_token.get(tok.i)

    def named_below(self, tok: Token, kind: str = "any") -> bool:
        """Whether tok's subtree holds an entity ("any"), a person ("person"), or a person
        in apposition ("person-appos"), without walking the subtree."""
        if kind not in self._marks:
            toks = tokens_of(self.doc)
            marked = [
                i
                for i, e in self.by_token.items()
                if kind == "any"
                or (e.kind == PERSON and (kind == "person" or toks[i].dep_ == "appos"))
            ]
            self._marks[kind] = Marks(tree_of(self.doc), marked)
        return self._marks[kind].in_subtree(tok)

    def sentence_entities(self, sent: Span) -> list[Entity]:
        """The entities a sentence names, in order (listed once per sentence)."""
        if sent.start not in self._in_sentence:
            out: dict[int, Entity] = {}
            for i in range(sent.start, sent.end):
                e = self.by_token.get(i)
                if e is not None:
                    out.setdefault(id(e), e)
            self._in_sentence[sent.start] = list(out.values())
        return list(self._in_sentence[sent.start])

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
        if spoken_of(tok, self.trigger_groups):
            # "asked about the visit of a US delegation": its own words say whose it is
            slots = own_slots(tok) + of_objects(tok)
            return self.entities_at(slots, (PERSON, ORG, COUNTRY), expand=True)
        if dated_participle(tok, self.ref.year):
            # "the declaration signed in 2021": a deed of its own day, by whom it says
            slots = [a for g in tok.children if g.dep_ == "agent" for a in g.children]
            return self.entities_at(slots, (PERSON, ORG, COUNTRY), expand=True)
        if of_an_unnamed_office(tok, self.by_token):
            # "the visit of the Swedish King": his visit, not one of the clause's persons
            whose = of_objects(tok, ("of", "by"))
            return self.entities_at(whose, (PERSON, ORG, COUNTRY), expand=True)
        if guests := invited(tok):
            # "renewed the invitation to X to visit Y": X's visit, not the inviter's
            return self.entities_at(own_slots(tok) + guests, (PERSON, ORG, COUNTRY), expand=True)
        slots = own_slots(tok)
        verb = governing_verb(tok)
        # ("the visit follows the meeting with X": a verb of sequence joins two events, and
        # neither takes part in the other)
        in_sequence = _in_sequence(tok, verb)
        if (
            (verb is not tok or tok.pos_ == "VERB")
            and not self._reported_with_own(tok, verb, slots)
            and not in_sequence
        ):
            slots.extend(verb_slots(verb))
        if tok.pos_ == "VERB" and tok.dep_ == "pcomp":  # "said after meeting X": X too
            slots.extend(verb_slots(tok))
        slots.extend(sayer_after(tok))
        slots.extend(companions(slots))
        slots.extend(witnesses(verb))
        out = self.entities_at(slots, (PERSON, ORG, COUNTRY), expand=True)
        if any(e.kind == ORG for e in out):  # "..., the Foreign Ministry said.": a source
            toks = tokens_of(self.doc)  # (by index: a Token only for an organization's word)
            sources = {
                id(e)
                for i in range(sent.start, sent.end)
                if (e := self.by_token.get(i)) is not None
                and e.kind == ORG
                and closing_source(toks[i])
            }
            out = [e for e in out if e.kind != ORG or id(e) not in sources]
        # ("During the visit, the two leaders ...": a frame's own; but "agreed to hold a
        # round of consultations": the round's)
        # (nor the pair who talk of talks "between Iran and the United States")
        if (tok.dep_ != "pobj" or the_round_of(tok) is not tok) and not self._apart(slots):
            out += self._pairs_named_before(tok, verb, out)
        persons = sum(e.kind == PERSON for e in out)
        if persons >= 2 or not persons and any(e.kind == ORG for e in out):
            return out
        if not persons and sum(e.kind == COUNTRY for e in out) >= 2 and any(map(between, slots)):
            return out  # "talks between Tehran and Washington": theirs, no one else's
        if in_sequence:
            return out  # (the clause's other persons are the other event's)
        clause = self._persons_of_clause(tok, verb, sent)
        return out + [e for e in clause if e not in out]

    def _pair_subject(self, t: Token) -> list[Entity]:
        """ "During their talks, the two leaders ...": the pair the main verb's subject names."""
        root = sentence_of(self.doc, t.i).root
        return [p for s in root.children if s.dep_.startswith("nsubj") for p in self.the_two(s)]

    def _pairs_named_before(self, tok: Token, verb: Token, out: list[Entity]) -> list[Entity]:
        """ "the two leaders" as the subject of the event's verb, or of the verb it
        completes ("are expected to attend"), when the event's slots name fewer than two
        persons; not for a sitting of a body ("agreed to hold the next meeting of the
        commission": the commission's, not theirs)."""
        if sum(e.kind == PERSON for e in out) >= 2:
            return []
        subjects = [s for s in verb.children if s.dep_.startswith("nsubj")]
        pairs = [e for s in subjects + controller_subjects(verb) for e in self.the_two(s)]
        if not pairs:  # (the usual case, asked first: the body test below costs more)
            return []
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        if self.entities_at(of, (ORG,), expand=False):
            return []
        listed = {id(e) for e in out}
        return [e for e in pairs if id(e) not in listed]

    def entities_at(self, slots: list[Token], kinds, *, expand: bool) -> list[Entity]:
        """Entities at these tokens, following conjunctions ("X and Y") and pronouns."""
        out: list[Entity] = []
        listed: set[int] = set()  # ids of those in out (a list of names may be long)
        todo = deque(slots)
        seen: set[int] = set()
        seen_plural: set[int] = set()
        meant: dict[int, Entity] = {}  # tokens that stand for another than their entity
        while todo:
            t = todo.popleft()
            if t.i in seen:
                continue
            seen.add(t.i)
            if t.lower_ in ("their", "they", "them") and t.i not in seen_plural:
                seen_plural.add(t.i)
                # "following their meeting": the persons the sentence is about
                if not (subjects := self._sentence_subjects(t)):
                    pair = [p for p in self._pair_subject(t) if id(p) not in listed]
                    out += pair
                    listed.update(map(id, pair))
                todo.extend(subjects)
                continue
            e = (
                meant.get(t.i)
                or self.by_token.get(t.i)
                or (self._possessor(t) if t.dep_ == "poss" else self._pronoun(t))
            )
            if e is None and expand and plural_office(t):
                if t.dep_ == "pobj" and t.head.lower_ == "with":  # "with the two premiers"
                    pair = [p for p in self.the_two(t) if p.kind in kinds and id(p) not in listed]
                    out += pair
                    listed.update(map(id, pair))
                todo.extend(self.sitting_for(t, meant))  # "EU leaders", "ministers of A and B"
            if e is None and t.dep_ == "poss":
                todo.extend(c for c in t.children if c.dep_ == "poss")  # "their leaders' retreat"
            if e is None and expand and (e := self.counterpart(t)) is not None:
                # "talks with her Serbian counterpart": hers, so she takes part too
                todo.extend(c for c in t.children if c.dep_ == "poss")
            if e is None and expand:
                e = (
                    self._named_in_modifiers(t)
                    or titled_holder(t, self.titles, self.by_token, self._at_home)
                    or delegation_leader(t, self.by_token)
                )
            elif e is not None and of_an_office(t):  # "the Kenyan minister", read by word
                e = self._holder(t.head, e) or e
            elif e is not None and e.kind == PLACE and (between(t) or paired_subjects(t)):
                # "talks between Tehran and Washington", "Tehran and Washington held talks":
                # the governments seated there
                e = self.ents.country(capital_of(e.name) or "") or e
            if e is not None and e.kind in kinds and id(e) not in listed:
                if not (e.kind == ORG and e.subkind in ("news agency",)):
                    out.append(e)
                    listed.add(id(e))
            todo.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
            todo.extend(folded_conjuncts(t))
            if expand and t.dep_ == "pobj" and e is not None and e.kind == PERSON:
                todo.extend(persons_listed_after(t, self.by_token.get))
        return out
