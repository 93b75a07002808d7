"""Who a pronoun, a possessive or a bare surname stands for when an event is read: "his
visit", "they met", "the Foreign Secretary", "..., Osei told". A part of the event reader
(events/reader.py), which inherits it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from communique.mapping.entities.entity import Entity, fold
from communique.mapping.entities.genders import person_genders, pronoun_gender
from communique.mapping.events.base import RECEIVING_VERBS, Event, governing_verb, witnesses
from communique.mapping.events.delegations import delegation_leader
from communique.mapping.events.holders import OFFICE_NOUNS, leads, of_state
from communique.mapping.events.pair_nouns import PAIR_NOUNS, names_office, pair_noun
from communique.mapping.events.referents import one_of_a_pair, the_visitor
from communique.mapping.events.sayings import reporting_subject
from communique.mapping.events.styled import style_alone, styled_before
from communique.mapping.mentions.finder import COUNTRY, PERSON
from communique.mapping.nlp.language import sentence_of

_LIST_MARKERS = frozenset({"-", "–", "•", "*", "·"})
# pair nouns that name no office: any two persons named last ("the two men")
_ANYONE = frozenset({"counterpart", "man", "woman"})


class EventAnaphora:
    """Mixed into EventReader: what its pronouns and short names stand for."""

    pairs: list[tuple[Entity, Entity]]

    def _sentence_subjects(self, t: Token) -> list[Token]:
        """The subjects of the sentence's main verb, if they name two persons or more."""
        sent = sentence_of(self.doc, t.i)
        if sent.start not in self._subjects:  # (finding a long sentence's root takes long)
            root = sent.root
            subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
            subjects += [c for s in subjects for c in s.children if c.dep_ == "conj"]
            if len(self._persons_at(subjects)) < 2:  # ("Prime Minister X and Y": the names)
                subjects = [t for s in subjects for t in s.subtree if t.i in self.by_token]
            if len(self._persons_at(subjects)) < 2:
                # "signed in the presence of X and Y following their talks": the witnesses
                subjects = [p for w in witnesses(root) for p in (w, *w.conjuncts)]
            self._subjects[sent.start] = subjects if len(self._persons_at(subjects)) >= 2 else []
        return list(self._subjects[sent.start])

    def _persons_at(self, tokens: list[Token]) -> set[int]:
        return {id(e) for t in tokens if (e := self.by_token.get(t.i)) and e.kind == PERSON}

    def met(self, participants: list[Entity]) -> None:
        """An encounter read: its two persons, if two, are whom a later "the two ministers"
        may stand for."""
        persons = [p for p in participants if p.kind == PERSON]
        if len(persons) == 2:
            self.pairs.append((persons[0], persons[1]))

    def hosted(self, ev: Event) -> None:
        """A visit read: its guest, if a person, is whom a later "the visitor" stands for."""
        if ev.kind == "visit" and ev.guest is not None and ev.guest.kind == PERSON:
            self.guests.append(ev.guest)

    def the_two(self, t: Token) -> list[Entity]:
        """ "the two leaders held talks", "both ministers": the two persons named last in
        the three sentences before who hold such an office, leaving out one who only
        reports what others did ("X met Y, spokesman Z said"); else the two of the last
        encounter read, if they hold it."""
        noun = pair_noun(t.lemma_.lower())
        if noun == "head" and of_state(t):
            noun = "leader"  # "the two heads of state"
        if noun not in PAIR_NOUNS or t.tag_ not in ("NNS", "NNPS"):  # ("the two Foreign Ministers")
            return []
        if not any(c.lower_ in ("two", "both") for c in t.children):
            return []
        if noun == "minister" and any(c.lower_ == "prime" for c in t.children):
            noun = "prime minister"
        sent = sentence_of(self.doc, t.i)
        start, told = sent.start, 0
        while told < 3 and start > 0:
            start = sentence_of(self.doc, start - 1).start
            # (the items of a list, "- Treaty on ...", are no sentences of the story)
            told += self.doc[start].text not in _LIST_MARKERS
        # (not the one who meets them: "X will hold talks with the two prime ministers")
        meets = self._subject_of(t)
        named = [
            e
            for e in self._persons_between(start, sent.start)
            if self._holds(e, noun) and e is not meets
        ]
        if len(named) < 2:
            # (the pair of the last encounter of two such holders, told further back: a
            # readout's leaders after paragraphs of what they discussed; "the two foreign
            # ministers" after one of them met a president)
            held = (p for p in reversed(self.pairs) if all(self._holds(e, noun) for e in p))
            return [*next(held, ())]
        last_two = {id(named[0]), id(named[1])}
        if not any({id(a), id(b)} == last_two for a, b in self.pairs):
            # "X met Y. The talks were hosted by Z. The two ministers ...": the last pair
            # told meeting, one of the two named last, rather than Y and Z
            for a, b in reversed(self.pairs):
                if {id(a), id(b)} & last_two and self._holds(a, noun) and self._holds(b, noun):
                    return [a, b]
        return named[1::-1]

    def _subject_of(self, t: Token) -> Entity | None:
        """The person who is the subject of the verb t hangs from, if t is not it."""
        verb = governing_verb(t)
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i != t.i]
        held = self.entities_at(subjects, (PERSON,), expand=True)
        return held[0] if len(held) == 1 else None

    def _persons_between(self, start: int, end: int) -> list[Entity]:
        """The persons named from token `start` to `end`, latest first, each once."""
        out: list[Entity] = []
        for i in range(end - 1, start - 1, -1):
            tok = self.doc[i]
            # (a bare surname the mention finder left out: "Arkan said ...")
            e = self.by_token.get(i) or (self._bare_surname(tok) if tok.is_title else None)
            if e is None or e.kind != PERSON or any(e is f for f in out):
                continue
            if not (reporting_subject(tok) and self._others_named(e, i)):
                out.append(e)
        return out

    def _others_named(self, e: Entity, i: int) -> bool:
        """Whether the sentence of token i names a person other than e."""
        sent = sentence_of(self.doc, i)
        return any(
            (f := self.by_token.get(j)) is not None and f.kind == PERSON and f is not e
            for j in range(sent.start, sent.end)
        )

    def _holds(self, e: Entity, noun: str) -> bool:
        """Whether e holds an office the noun names: "leaders" head a state or government
        (offices.leads), "counterparts" hold any office, and "the two men" are any two,
        "ministers" a minister's (a prime minister is no one's "two ministers")."""
        if noun in _ANYONE:
            return True
        return any(
            (leads(label) if noun == "leader" else names_office(noun, label))
            and any(p is e for p in people)
            for label, people in self.titles.items()
        )

    def named_or_meant(self, t: Token) -> Entity | None:
        """The entity the token names, else the one its pronoun (or "the delegation")
        stands for."""
        return (
            self.by_token.get(t.i)
            or self._pronoun(t)
            or delegation_leader(t, self.by_token)
            or self.office_by_nationality(t)
        )

    def _pronoun(self, t: Token) -> Entity | None:
        if t.lower_ == "him" or (t.lower_ == "her" and t.dep_ in ("dobj", "pobj")):
            return self._object_pronoun(t)
        if t.lower_ in ("he", "she", "his", "her"):
            sent = sentence_of(self.doc, t.i)
            return self.subject_before(t, sent) or self.last_subject.get(sent.start)
        if (guest := the_visitor(t, self.guests)) is not None:
            return guest
        if t.lower_ in ("former", "latter"):
            sent = sentence_of(self.doc, t.i)
            before = self._persons_between(sent.start, t.i)
            if len(before) < 2 and sent.start:  # (the two named in the sentence before)
                before += self._persons_between(
                    sentence_of(self.doc, sent.start - 1).start, sent.start
                )
            return one_of_a_pair(t, before)
        if style_alone(t):  # "His Highness welcomed the Italian President"
            return styled_before(t, self.ents.by_kind(PERSON))
        if t.pos_ == "PROPN" and any(c.lower_ == "the" for c in t.children):
            # "the Foreign Secretary": the one person the article gives that title
            words = [c.text for c in t.lefts if c.dep_ == "compound"] + [t.text]
            people = self._of_its_country(t, self.titles.get(fold(" ".join(words)), []))
            if len(people) == 1:
                return people[0]
        if t.pos_ == "PROPN" and t.dep_.startswith("nsubj"):
            return self._bare_surname(t)
        return None

    def _of_its_country(self, t: Token, people: list[Entity]) -> list[Entity]:
        """ "the President of Bulgaria": the title's holders of the country its "of" names."""
        of = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        isos = {e.key for p in of if (e := self.by_token.get(p.i)) and e.kind == COUNTRY}
        return [p for p in people if self.person_country.get(id(p)) in isos] if isos else people

    def _object_pronoun(self, t: Token) -> Entity | None:
        """ "X will meet with him": the subject of a sentence before, never the one of the
        pronoun's own clause (who would meet himself); when that is the one, the other
        person named last before the pronoun, in its sentence or the one before ("X
        congratulated Y and invited him to visit")."""
        sent = sentence_of(self.doc, t.i)
        e = self.last_subject.get(sent.start)
        verb = governing_verb(t)
        if verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
            verb = verb.head  # (the subject the conjoined verbs share)
        # (a subject told by title: "The Prime Minister thanked X and invited him")
        own = {id(x) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
               if (x := self.by_token.get(c.i) or self.named_or_meant(c)) is not None}  # fmt: skip
        if e is not None and any(
            c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children
        ):
            own.add(id(e))  # ("She said: I invited him": "I" is the one who says)
        if e is not None and id(e) not in own:
            return e
        before = sentence_of(self.doc, sent.start - 1).start if sent.start else 0
        for i in range(t.i - 1, before - 1, -1):
            other = self.by_token.get(i)
            if other is None and self.doc[i].pos_ == "PROPN":
                other = self._pronoun(self.doc[i])  # "thanked the Crown Prince and invited him"
            if other is not None and other.kind == PERSON and id(other) not in own:
                return other if self._may_be(other, t) else None
        return None

    def _bare_surname(self, t: Token) -> Entity | None:
        """A bare surname the mention finder left out ("..., Osei told"): its one bearer."""
        if t.i in self.labels:
            return None  # ("Lin Hao: ..." of a transcript: who speaks)
        people = self._by_surname().get(t.lower_, [])
        return people[0] if len(people) == 1 else None

    def _possessor(self, t: Token) -> Entity | None:
        """ "During his visit to X, Y signed ...", "Y said his visit ...": a possessive
        pronoun is the person subject of a clause it is part of (the object, where the
        article gives the subject the other gender: "she met Y during his visit"); else the
        person last named as a subject before its sentence."""
        if t.lower_ not in ("his", "her"):
            return self._pronoun(t)
        for n, anc in enumerate(t.ancestors):
            if n > 6:
                break
            if (guest := self._received(anc, t)) is not None:
                return guest
            for role in ("nsubj", "dobj"):
                # (a passive's doer: "handed over by X during his", after "X is accompanied")
                slots = [
                    p
                    for dep in (("nsubj", "nsubjpass", "agent") if role == "nsubj" else (role,))
                    for c in anc.children
                    if c.dep_ == dep and not c.left_edge.i <= t.i <= c.right_edge.i
                    for p in (c.children if c.dep_ == "agent" else (c,))
                ]
                named = self.entities_at(slots, (PERSON,), expand=True)
                if named and self._may_be(named[0], t):
                    return named[0]
                if named and role == "nsubj":
                    continue  # the subject is of the other gender: the object, if any
                break
        verb = governing_verb(t.head)
        if t.i < verb.i and not any(c.dep_.startswith("nsubj") for c in verb.children):
            # a subject the parser hung elsewhere: the first person named before the verb
            for i in range(t.i + 1, verb.i):
                e = self.by_token.get(i)
                if e is not None and e.kind == PERSON:
                    return e
        return self._pronoun(t)

    def _may_be(self, e: Entity, pronoun: Token) -> bool:
        """Whether the article calls the person by the pronoun's gender, or tells none."""
        told = person_genders(self.doc, self.ents).get(id(e))
        return told is None or pronoun_gender(pronoun.text) in (None, told)

    def _received(self, verb: Token, t: Token) -> Entity | None:
        """ "X received Y on the occasion of his visit": after a receiving verb a visit's
        possessive is the one received, the person named between the verb and it."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in RECEIVING_VERBS or verb.i > t.i:
            return None
        if self.trigger_groups.get(t.head.i) != "visit":
            return None  # ("received X, who presented her letters": whose they are)
        if any(c.dep_ == "auxpass" for c in verb.children):  # ("X was greeted by Y upon his")
            received = [c for c in verb.children if c.dep_ == "nsubjpass"]
            return next(iter(self.entities_at(received, (PERSON,), expand=True)), None)
        for i in range(t.i - 1, verb.i, -1):
            e = self.by_token.get(i)
            if e is not None and e.kind == PERSON:
                return e
        return None

    def subject_before(self, t: Token, sent: Span) -> Entity | None:
        """ "after X travelled to Cairo, his first trip", "X is on a tour ...; he is due
        to ...": the person named as a subject before the pronoun in its sentence."""
        for i in range(t.i - 1, sent.start - 1, -1):
            if self.doc[i].dep_ != "nsubj":
                continue
            e = self.by_token.get(i)
            if e is None and self.doc[i].lemma_.lower() in OFFICE_NOUNS:
                # "the Australian foreign minister is on a visit, during which she ..."
                held = self.entities_at([self.doc[i]], (PERSON,), expand=True)
                e = held[0] if len(held) == 1 else None
            if e is not None and e.kind == PERSON:
                return e
        return None

    def _by_surname(self) -> dict[str, list[Entity]]:
        """The persons by the last word of their names, lower-case (listed once)."""
        if self._surnames is None:
            self._surnames = {}
            for e in self.ents.by_kind(PERSON):
                self._surnames.setdefault(e.name.split()[-1].lower(), []).append(e)
        return self._surnames
