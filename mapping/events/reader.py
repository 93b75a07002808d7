"""Reading an event off its sentence's parse: who takes part, who visits whom, where."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import deque

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.entity import ArticleEntities, Entity, fold
from communique.mapping.events.base import REPORTING, VISIT_KINDS, governing_verb, words
from communique.mapping.events.offices import of_an_office, office_holder
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON, PLACE
from communique.mapping.nlp.language import sentence_of, sentences, tokens_of
from communique.mapping.nlp.tree import Marks, tree_of

_TALKED_ABOUT = words("talked_about_verbs")
# The longest sentence of the corpora is about 70 tokens. A clause longer than this is a run
# of clauses the parser nested under one another ("..., and ..., and ..."): only the words
# this near the trigger are read as its clause, so that each event of a long run does not
# read (and list the persons of) all the rest of it.
CLAUSE_TOKENS = 200


def _honoured(t: Token) -> bool:
    """ "paid tribute to X": X is honoured, no party to the event."""
    while t.dep_ == "compound" and t.head is not t:  # "Jomo" of "Jomo Wanjala"
        t = t.head
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ != "to":
        return False
    # the parser hangs "to X" on the noun or on the verb it is the object of ("pay tribute")
    return any(w.lemma_.lower() in words("honour_nouns") for w in (prep.head, *prep.head.children))


class EventReader:
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
        self.trigger_tokens: set[int] = set()
        self.by_token: dict[int, Entity] = {}
        self._marks: dict[str, Marks] = {}
        self._in_sentence: dict[int, list[Entity]] = {}
        self._surnames: dict[str, list[Entity]] | None = None
        self._subjects: dict[int, list[Token]] = {}
        self._places: list[int] | None = None  # where places are named, in order
        for e in ents.entities:
            for m in e.mentions:
                for i in range(m.start, m.end):
                    self.by_token.setdefault(i, e)
        # "the Minister of Foreign Affairs of Tajikistan, Rustam Nazarzoda": the title's
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
        for sent in sentences(doc):
            self.last_subject[sent.start] = last
            for t in toks[sent.start : sent.end]:
                e = self.by_token.get(t.i)
                if e is None and t.pos_ == "PROPN" and t.dep_ == "nsubj":
                    e = self._bare_surname(t)  # "Odhiambo is on a tour"
                if (
                    e is not None
                    and e.kind == PERSON
                    and (t.dep_ in ("nsubj", "nsubjpass") or t.head.dep_ in ("nsubj", "nsubjpass"))
                ):
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
        slots: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "nmod"):
                slots.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("with", "between", "by", "among"):
                slots.extend(c.children)
            elif c.dep_ == "acl":  # "a statement issued by the Foreign Office"
                slots.extend(a for g in c.children if g.dep_ == "agent" for a in g.children)
        verb = governing_verb(tok)
        if verb is not tok or tok.pos_ == "VERB":
            # "discussed the Ethiopian dam": what is talked about takes no part
            topic_verb = verb.lemma_.lower() in _TALKED_ABOUT
            for c in verb.children:
                if c.dep_ == "dobj" and topic_verb:
                    continue
                if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent"):
                    slots.append(c)
                if c.dep_ == "dobj":  # "held talks with the US Secretary of State"
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ in ("with", "between"):
                            slots.extend(p.children)
                elif c.dep_ == "prep" and c.lower_ in ("with", "between", "by"):
                    slots.extend(c.children)
            if verb.dep_ in ("conj", "advcl") and not any(
                c.dep_.startswith("nsubj") for c in verb.children
            ):
                # "paid a visit ... and met X": the first verb's subject met X too;
                # "Speaking at a briefing, X said": X spoke
                slots.extend(c for c in verb.head.children if c.dep_.startswith("nsubj"))
        out = self.entities_at(slots, (PERSON, ORG, COUNTRY), expand=True)
        if sum(e.kind == PERSON for e in out) >= 2 or (
            any(e.kind == ORG for e in out) and not any(e.kind == PERSON for e in out)
        ):
            return out
        verb_tokens = self._clause_tokens(tok, verb, sent)
        clause = []
        toks = tokens_of(self.doc)
        elsewhere = {
            id(self.by_token[i])
            for i in verb_tokens
            if i in self.by_token
            and toks[i].dep_ in ("poss", "compound")
            and toks[i].head.i in self.trigger_tokens
            and toks[i].head.i != tok.i
        }  # "Karimova's state visit": a party to that other event
        for i in verb_tokens:
            e = self.by_token.get(i)
            if e is None or e.kind not in (PERSON,) or e in clause:
                continue
            t = toks[i]
            if t.head.lemma_.lower() in REPORTING and t.dep_ in ("nsubj", "nsubjpass"):
                continue
            if id(e) in elsewhere or _honoured(t):
                continue
            clause.append(e)
        return out + [e for e in clause if e not in out]

    def _clause_tokens(self, tok: Token, verb: Token, sent: Span) -> range:
        """The verb's phrase (the parse is projective: a subtree is the span between its
        edges), else the sentence; no more than CLAUSE_TOKENS around the trigger."""
        if verb.pos_ in ("VERB", "AUX"):
            lo, hi = verb.left_edge.i, verb.right_edge.i + 1
        else:
            lo, hi = sent.start, sent.end
        if hi - lo > CLAUSE_TOKENS:
            half = CLAUSE_TOKENS // 2
            lo, hi = max(lo, tok.i - half), min(hi, tok.i + half)
        return range(lo, hi)

    def entities_at(self, slots: list[Token], kinds, *, expand: bool) -> list[Entity]:
        """Entities at these tokens, following conjunctions ("X and Y") and pronouns."""
        out: list[Entity] = []
        listed: set[int] = set()  # ids of those in out (a list of names may be long)
        todo = deque(slots)
        seen: set[int] = set()
        seen_plural: set[int] = set()
        while todo:
            t = todo.popleft()
            if t.i in seen:
                continue
            seen.add(t.i)
            if t.lower_ in ("their", "they", "them") and t.i not in seen_plural:
                seen_plural.add(t.i)
                # "following their meeting": the persons the sentence is about
                todo.extend(self._sentence_subjects(t))
                continue
            e = self.by_token.get(t.i) or (
                self._possessor(t) if t.dep_ == "poss" else self._pronoun(t)
            )
            if e is None and expand:
                e = self._named_in_modifiers(t)
            elif e is not None and of_an_office(t):  # "the Kenyan minister", read by word
                e = self._holder(t.head, e) or e
            if e is not None and e.kind in kinds and id(e) not in listed:
                if not (e.kind == ORG and e.subkind in ("news agency",)):
                    out.append(e)
                    listed.add(id(e))
            todo.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
        return out

    def _named_in_modifiers(self, t: Token) -> Entity | None:
        """The entity the compound or possessive words of a name's head give it (the head
        need not be the entity token); for an office with a nationality ("the Chinese
        Foreign Minister"), the person of that country who holds it, else the country."""
        for c in t.children:
            e = self.by_token.get(c.i)
            if e is None:
                continue
            if of_an_office(c):
                return self._holder(t, e) or e
            if c.dep_ in ("compound", "poss"):
                return e
        return None

    def _holder(self, office: Token, country: Entity) -> Entity | None:
        return office_holder(office, country, self.titles, self.person_country, self.by_token)

    def _sentence_subjects(self, t: Token) -> list[Token]:
        """The subjects of the sentence's main verb, if they name two persons or more."""
        sent = sentence_of(self.doc, t.i)
        if sent.start not in self._subjects:  # (finding a long sentence's root takes long)
            root = sent.root
            subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
            for s in list(subjects):
                subjects.extend(c for c in s.children if c.dep_ == "conj")
            persons = {
                id(e) for s in subjects if (e := self.by_token.get(s.i)) and e.kind == PERSON
            }
            self._subjects[sent.start] = subjects if len(persons) >= 2 else []
        return list(self._subjects[sent.start])

    def _pronoun(self, t: Token) -> Entity | None:
        if t.lower_ in ("he", "she", "his", "her"):
            sent = sentence_of(self.doc, t.i)
            return self.subject_before(t, sent) or self.last_subject.get(sent.start)
        if t.pos_ == "PROPN" and any(c.lower_ == "the" for c in t.children):
            # "the Foreign Secretary": the one person the article gives that title
            words = [c.text for c in t.lefts if c.dep_ == "compound"] + [t.text]
            people = self.titles.get(fold(" ".join(words)), [])
            if len(people) == 1:
                return people[0]
        if t.pos_ == "PROPN" and t.dep_.startswith("nsubj"):
            return self._bare_surname(t)
        return None

    def _bare_surname(self, t: Token) -> Entity | None:
        """A bare surname the mention finder left out ("..., Osei told"): its one bearer."""
        people = self._by_surname().get(t.lower_, [])
        return people[0] if len(people) == 1 else None

    def _possessor(self, t: Token) -> Entity | None:
        """ "During his visit to X, Y signed ...", "Y said his visit ...": a possessive
        pronoun is the person subject of a clause it is part of; else the person last named
        as a subject before its sentence."""
        if t.lower_ not in ("his", "her"):
            return self._pronoun(t)
        for n, anc in enumerate(t.ancestors):
            if n > 6:
                break
            for c in anc.children:
                if c.dep_ != "nsubj" or c.left_edge.i <= t.i <= c.right_edge.i:
                    continue
                named = self.entities_at([c], (PERSON,), expand=True)
                if named:
                    return named[0]
        verb = governing_verb(t.head)
        if t.i < verb.i and not any(c.dep_.startswith("nsubj") for c in verb.children):
            # a subject the parser hung elsewhere: the first person named before the verb
            for i in range(t.i + 1, verb.i):
                e = self.by_token.get(i)
                if e is not None and e.kind == PERSON:
                    return e
        return self._pronoun(t)

    def subject_before(self, t: Token, sent: Span) -> Entity | None:
        """ "after X travelled to Cairo, his first trip", "X is on a tour ...; he is due
        to ...": the person named as a subject before the pronoun in its sentence."""
        for i in range(t.i - 1, sent.start - 1, -1):
            e = self.by_token.get(i)
            if e is not None and e.kind == PERSON and self.doc[i].dep_ == "nsubj":
                return e
        return None

    def _by_surname(self) -> dict[str, list[Entity]]:
        """The persons by the last word of their names, lower-case (listed once)."""
        if self._surnames is None:
            self._surnames = {}
            for e in self.ents.by_kind(PERSON):
                self._surnames.setdefault(e.name.split()[-1].lower(), []).append(e)
        return self._surnames

    def destination(self, tok: Token) -> Entity | None:
        """`visit to Bishkek`, `visited Germany`, `paying a visit to Baku`."""
        heads = [tok, governing_verb(tok)]
        # "a tour of A, B and C"
        preps = ("to", "in", "of") if tok.lemma_.lower() in words("tour_nouns") else ("to", "in")
        for h in heads:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in preps:
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
            if c.dep_ == "poss" and (e := self.entity(c) or self._possessor(c)):
                if e.kind == PERSON:
                    return e
        verb = governing_verb(tok)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and verb.dep_ == "advcl":  # "Visiting X on Monday, she met ..."
            subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        for c in subjects:
            e = self.entity(c) or self._pronoun(c)
            if e is None and c.lower_ in ("who", "that") and verb.dep_ == "relcl":
                e = self.entity(verb.head)  # "Valtrov, who arrived ... for a visit"
            if e is not None and e.kind == PERSON:
                return e
        if verb.dep_ == "xcomp":  # "invited Dossou to visit"; "He is due to visit"
            for c in verb.head.children:
                if c.dep_ == "dobj" and (e := self.entity(c)) and e.kind == PERSON:
                    return e
            head = verb.head
            if head.dep_ in ("acomp", "xcomp"):  # "is due to visit", "is expected to visit"
                head = head.head
            for c in head.children:  # ("is scheduled to travel": a passive's subject)
                if c.dep_ in ("nsubj", "nsubjpass") and (e := self.entity(c) or self._pronoun(c)):
                    return e if e.kind == PERSON else None
        return None

    def place_in(self, tok: Token, sent: Span) -> Entity | None:
        verb = governing_verb(tok)
        if self.here is not None and any(
            c.lower_ == "here" for h in (tok, verb) for c in h.children
        ):
            return self.here  # "the summit here": the city of the dateline
        for c in tok.children:
            e = self.entity(c)
            if c.dep_ in ("compound", "nmod") and e is not None and e.kind == PLACE:
                return e
        for h in (tok, verb):
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "inside"):
                    e = self._first_place(c.left_edge.i, c.right_edge.i + 1)
                    if e is not None:
                        return e
        return None

    def _first_place(self, start: int, end: int) -> Entity | None:
        """The place named first between two positions (by bisection: a phrase of a long
        sentence may run far)."""
        if self._places is None:
            self._places = sorted(i for i, e in self.by_token.items() if e.kind == PLACE)
        k = bisect_left(self._places, start)
        return (
            self.by_token[self._places[k]]
            if k < len(self._places) and self._places[k] < end
            else None
        )

    def visit_kind(self, tok: Token) -> str | None:
        words = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
        return next((k for k in VISIT_KINDS if k in words), None)
