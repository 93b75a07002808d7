"""Who travels where, read off the parse: a visit's destination and its guest, and the kind
of a visit ("state", "official"); the place of an event is events/held_where.py's. A part of
the event reader (events/reader.py), which inherits it."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events.base import (
    RECEIVING_VERBS,
    VISIT_KINDS,
    governing_verb,
    words,
)
from communique.mapping.events.held_where import EventSettings
from communique.mapping.events.offices import of_an_unnamed_office
from communique.mapping.events.slots import (
    antecedent,
    controller_objects,
    controller_subjects,
    invited,
    shared_subjects,
)
from communique.mapping.events.spoken_of import welcoming_verb
from communique.mapping.mentions.finder import COUNTRY, PERSON, PLACE
from communique.mapping.mentions.gazetteers import realm_countries
from communique.mapping.mentions.mention import REALM_NOUNS
from communique.mapping.nlp.language import sentence_of, tokens_of

# realm nouns a country's own name holds ("the Sultanate of Oman"), not any country's
_STYLED_REALMS = frozenset({"kingdom", "sultanate", "emirate"})

_LED = words("parties_led")


class EventPlaces(EventSettings):
    """Mixed into EventReader: its travellers and, with EventSettings, its places."""

    def destination(self, tok: Token) -> Entity | None:
        """`visit to Bishkek`, `visited Germany`, `paying a visit to Baku`."""
        heads = [tok, governing_verb(tok)]
        # "led a trade mission to Ghana": the party led goes there
        heads += [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _LED]
        if tok.lemma_.lower() in RECEIVING_VERBS:  # "hosting X in Nairobi": hung on X
            heads += [c for c in tok.children if c.dep_ == "dobj"]
        # "a tour of A, B and C", "leaves for Guyana"
        lemma = tok.lemma_.lower()
        preps = ("to", "in", "of") if lemma in words("tour_nouns") else ("to", "in")
        departing = words("departure_verbs")
        if lemma in departing:
            preps = ("to", "for")
        if tok.pos_ == "NOUN":  # "his Peru tour", "the minister's Lima visit"
            for c in tok.children:
                if c.dep_ == "compound" and (e := self.entity(c)) and e.kind in (COUNTRY, PLACE):
                    return e
        for h in heads:
            # ("is leaving for China on a five-day visit": the visit's verb departs)
            here = (*preps, "for") if h.lemma_.lower() in departing else preps
            for c in h.children:
                # ("paid a visit to India": the parser may read "to" as the dative)
                if c.dep_ in ("prep", "dative") and c.lower_ in here:
                    for p in c.children:
                        if p.dep_ == "pobj" and (e := self._place_like(p) or self._realm(p)):
                            return e
                if h.pos_ == "VERB" and h.lemma_.lower() == "visit" and c.dep_ == "dobj":
                    if e := self._place_like(c) or self.entity(c):
                        return e
                # ("reached Nepal on a working visit": the place reached)
                if h.pos_ == "VERB" and h.lemma_.lower() == "reach" and c.dep_ == "dobj":
                    if (e := self._place_like(c)) is not None and e.kind != PERSON:
                        return e
        return None

    def _place_like(self, tok: Token) -> Entity | None:
        for t in [tok, *(c for c in tok.lefts if c.dep_ in ("compound", "poss", "amod"))]:
            e = self.entity(t)
            if e is not None and e.kind in (COUNTRY, PLACE, PERSON):
                return e
        return None

    def _visiting(self, tok: Token) -> Entity | None:
        """The one person of tok's sentence called "visiting" ("visiting Prime Minister X")."""
        sent = sentence_of(self.doc, tok.i)
        found = {
            id(e): e
            for t in self._visiting_words()
            if sent.start <= t.i < sent.end and (e := self.called_visiting(t)) is not None
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def called_visiting(self, word: Token) -> Entity | None:
        """The person named right after the word "visiting", past a title and a people
        ("visiting Kenyan Foreign Minister X"): read off the words, not the parse, which
        hangs the word anywhere (a modifier of the title, a verb with the name its object)."""
        for t in word.doc[word.i + 1 : word.i + 8]:
            if t.is_punct or t.pos_ in ("VERB", "AUX"):
                break
            if (e := self.by_token.get(t.i)) is not None and e.kind == PERSON:
                return e
        return None

    def _visiting_words(self) -> list[Token]:
        """The doc's tokens "visiting", found once."""
        found = self.doc.user_data.get("communique_visiting")
        if found is None:
            found = [t for t in tokens_of(self.doc) if t.lower_ == "visiting"]
            self.doc.user_data["communique_visiting"] = found
        return found

    def _realm(self, tok: Token) -> Entity | None:
        """ "his visit to the country", "to the kingdom": the dateline's country; but "the
        Sultanate" (a kingdom, an emirate) is the one such country the article told of, if
        the dateline's is none."""
        noun = tok.lemma_.lower()
        if noun not in REALM_NOUNS or [c.lower_ for c in tok.children] != ["the"]:
            return None  # ("a country of ...", "the neighbouring country": another one)
        if noun not in _STYLED_REALMS or self.home in (such := realm_countries(noun)):
            return self.ents.country(self.home) if self.home is not None else None
        told = {e.key for e in self.ents.by_kind(COUNTRY) if e.key in such and e.told_before(tok.i)}
        return self.ents.country(told.pop()) if len(told) == 1 else None

    def guest_of(self, tok: Token) -> Entity | None:
        if tok.lower_ == "visiting" and (called := self._visiting(tok)) is not None:
            return called  # a visit told by "visiting X" alone: X's
        if tok.pos_ == "VERB" and tok.lemma_.lower() in RECEIVING_VERBS:
            # "looked forward to welcoming X in Washington": X's visit, not the host's
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            received = self.entities_at(objects, (PERSON,), expand=True)
            return received[0] if received else None
        told, guest = self._guest_in_its_words(tok)
        if told:
            return guest
        if tok.dep_ == "pobj" and tok.head.lower_ == "about":
            return None  # "asked about the visit of ...": what is spoken of, not one's own
        if welcoming_verb(tok) is not None:
            return None  # "X thanked (Y for) the visit": X received it, Y made it
        verb = governing_verb(tok)
        if wished(tok):
            return self._wished_to(tok.head)  # "wishing her a fruitful visit": not the wisher's
        if verb.lemma_.lower() in RECEIVING_VERBS and verb.pos_ == "VERB" and verb.i < tok.i:
            # "X hosted Y ..., on the second day of a state visit": Y's visit, never X's
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            received = [e for c in objects if (e := self.entity(c)) and e.kind == PERSON]
            if received:
                return received[0]
        # "renewed the invitation to X to visit", "extended an invitation to X to visit": X's
        if guests := invited(verb) or (invited(tok) if tok.pos_ == "VERB" else []):
            named = self.entities_at(guests[:1], (PERSON,), expand=True)
            return named[0] if named else None
        # "Visiting X on Monday, she met ...", "is to travel to K to meet X and visit Y"
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects = subjects or shared_subjects(verb) or _of_the_first_to(verb)
        for c in subjects:
            e = self.named_or_meant(c)
            if e is None and c.lower_ in ("who", "that") and verb.dep_ == "relcl":
                # "Valtrov, who arrived ... for a visit", "the Brazilian president, who ..."
                e = self.named_or_meant(antecedent(verb))
            if e is not None and e.kind == PERSON:
                return e
        if verb.dep_ == "xcomp":  # "invited Dossou to visit"; "He is due to visit"
            objects = controller_objects(verb)
            if objects:  # "invited him (his Turkmen counterpart) to visit": theirs, if known
                named = self.entities_at(objects[:1], (PERSON,), expand=True)
                return named[0] if named else None
            # "is due to visit", "is expected to visit", "is scheduled to travel" (a
            # passive's subject), "X, who is due to visit": its subject
            for c in controller_subjects(verb):
                if e := self.named_or_meant(c):
                    return e if e.kind == PERSON else None
        if not subjects and verb.pos_ == "VERB" and verb.dep_ in ("ROOT", "ccomp"):
            return self._named_right_before(verb)
        return None

    def _guest_in_its_words(self, tok: Token) -> tuple[bool, Entity | None]:
        """Whether the visit's own possessor or "of"/"by" tells its guest, and whom."""
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ == "PRON" and (e := self._visiting(tok)):
                return True, e  # "X held talks with visiting Y, as part of her visit": Y's
            # ("his New Zealand counterpart's visit": that counterpart's)
            if c.dep_ == "poss" and (
                e := self.entity(c) or self._possessor(c) or self.counterpart(c)
            ):
                if e.kind == PERSON:
                    return True, e
            if c.dep_ == "prep" and c.lower_ in ("of", "by"):  # "the visit of/by President X"
                for p in c.children:
                    if p.dep_ == "pobj" and (e := self.entity(p)) and e.kind == PERSON:
                        return True, e
                if of_an_unnamed_office(tok, self.by_token):
                    # "the visit of the Swedish King", "of the Kenyan leader": the holder of
                    # the title told before, or no one named
                    return True, self._holder_meant(c)
        return False, None

    def _holder_meant(self, of: Token) -> Entity | None:
        meant = [self.named_or_meant(p) or self._named_in_modifiers(p) for p in of.children]
        return next((e for e in meant if e is not None and e.kind == PERSON), None)

    def _named_right_before(self, verb: Token) -> Entity | None:
        """ "..., President of Y Omar Haddad will pay a state visit", "President X of Y will
        pay": a name that ends right before the verb (or its auxiliary, or an "of" and its
        country after the name) the parser left without a subject."""
        doc = verb.doc
        i = min([c.i for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb.i])
        e = self.entity(doc[i - 1]) if i > 0 else None
        if e is not None and e.kind == COUNTRY and i >= 3 and doc[i - 2].lower_ == "of":
            e = self.entity(doc[i - 3])  # ("President X of Chile will ...")
        return e if e is not None and e.kind == PERSON else None

    def _wished_to(self, verb: Token) -> Entity | None:
        """The one a visit is wished to ("wished the minister a pleasant visit"); a pronoun
        there is the object of the verb its clause hangs from ("welcomed the visiting
        minister, wishing her a fruitful visit")."""
        dative = next(c for c in verb.children if c.dep_ == "dative")
        named = [dative]
        if dative.pos_ == "PRON":
            head = verb.head if verb.dep_ in ("advcl", "conj", "xcomp") else None
            named = [c for c in head.children if c.dep_ == "dobj"] if head is not None else []
        people = self.entities_at(named, (PERSON,), expand=True)
        return people[0] if len(people) == 1 else None

    def visit_kind(self, tok: Token) -> str | None:
        words = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
        return next((k for k in VISIT_KINDS if k in words), None)


def wished(tok: Token) -> bool:
    """A visit wished to someone ("wishing her a fruitful visit"): the object of a verb
    with an indirect object."""
    return tok.dep_ == "dobj" and any(c.dep_ == "dative" for c in tok.head.children)


def _of_the_first_to(verb: Token) -> list[Token]:
    """ "X is the first prime minister to visit the country": the subject the one who
    visits is said of."""
    attr = verb.head
    if verb.dep_ not in ("relcl", "acl") or attr.dep_ != "attr":
        return []
    return [c for c in attr.head.children if c.dep_ == "nsubj"]
