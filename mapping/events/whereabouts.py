"""Where an event is and who travels to it, read off the parse: a visit's destination and
its guest, the place of an event ("in Astana", "the summit here") and the kind of a visit
("state", "official"). A part of the event reader (events/reader.py), which inherits it."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events.base import (
    RECEIVING_VERBS,
    VISIT_KINDS,
    governing_verb,
    lexicon,
    words,
)
from communique.mapping.events.offices import of_an_unnamed_office
from communique.mapping.events.place_phrases import clause_free_end, of_affairs
from communique.mapping.events.scheduled import plan_held, relative_plan
from communique.mapping.events.slots import (
    antecedent,
    controller_objects,
    controller_subjects,
    invited,
    of_objects,
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
# bodies whose sittings are gatherings ("the next Cooperation Council": events.json)
MEETING_BODIES = frozenset(lexicon()["held_nouns"])
SIDELINES = words("sidelines")  # "on the margins of" a gathering
_EVENT_NOUNS = frozenset(lexicon()["nouns"])


class EventPlaces:
    """Mixed into EventReader: its places and travellers."""

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
        return None

    def _place_like(self, tok: Token) -> Entity | None:
        for t in [tok, *(c for c in tok.lefts if c.dep_ in ("compound", "poss", "amod"))]:
            e = self.entity(t)
            if e is not None and e.kind in (COUNTRY, PLACE, PERSON):
                return e
        return None

    def _visiting(self, tok: Token) -> Entity | None:
        """The one person of tok's sentence called "visiting" ("visiting Prime Minister X")."""
        # (the parser reads "visiting" as a modifier, or as a verb whose object is the name)
        sent = sentence_of(self.doc, tok.i)
        found = {
            id(e): e
            for t in self._visiting_words()
            if sent.start <= t.i < sent.end
            for n in ([t.head] if t.dep_ == "amod" else [c for c in t.children if c.dep_ == "dobj"])
            if (e := self.entity(n)) is not None and e.kind == PERSON
        }  # fmt: skip
        return next(iter(found.values())) if len(found) == 1 else None

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
        if tok.pos_ == "VERB" and tok.lemma_.lower() in RECEIVING_VERBS:
            # "looked forward to welcoming X in Washington": X's visit, not the host's
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            received = self.entities_at(objects, (PERSON,), expand=True)
            return received[0] if received else None
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ == "PRON" and (e := self._visiting(tok)):
                return e  # "X held talks with visiting Y, as part of her visit": Y's
            # ("his New Zealand counterpart's visit": that counterpart's)
            if c.dep_ == "poss" and (
                e := self.entity(c) or self._possessor(c) or self.counterpart(c)
            ):
                if e.kind == PERSON:
                    return e
            if c.dep_ == "prep" and c.lower_ in ("of", "by"):  # "the visit of/by President X"
                for p in c.children:
                    if p.dep_ == "pobj" and (e := self.entity(p)) and e.kind == PERSON:
                        return e
                if of_an_unnamed_office(tok, self.by_token):
                    # "the visit of the Swedish King", "of the Kenyan leader": the holder of
                    # the title told before, or no one named
                    return self._holder_meant(c)
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
        subjects = subjects or shared_subjects(verb)
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
        if (where := self._where_clause_of(verb)) is not None:
            return where  # "at State House, where they held talks on ... in Cabo Delgado"
        # ("talks with his counterpart X in Muscat": the parser may hang it on the one met)
        # ("held talks with X in Hanoi": on the verb's object, when it names the event, not
        # what is talked about: "discussed cooperation in the Arctic")
        objects = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
        objects = [o for o in objects if o is tok or o.lemma_.lower() in _EVENT_NOUNS]
        met = [p for o in objects for p in of_objects(o, ("with",))]
        # ("received X at the Palace in Jeddah": the venue may hang on the one received)
        met += [c for c in verb.children if c.dep_ == "dobj" and self.entity(c) is not None]
        met += [a for p in met for a in p.children if a.dep_ == "appos"]  # (or on the name)
        # ("are set to be held in X", "..., which will take place in X")
        planned = [verb, *filter(None, [relative_plan(tok)])]
        planned += [x for v in planned for x in plan_held(v)]
        found = [e for h in (*objects, *planned, *met) for e in self._places_below(h)]
        # the most specific place told: a venue before the town it is in
        return (
            next((e for e in found if e.subkind == "venue"), None)
            or next(iter(found), None)
            or self._where_the_body_meets(tok, verb)
        )

    def _places_below(self, h: Token) -> list[Entity]:
        """The first place of each "in"/"at" phrase on h (its object's words: not "in
        facilitating talks between A and B")."""
        out = []
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "inside") and not of_affairs(c):
                for p in (p for p in c.children if p.dep_ == "pobj"):
                    if (e := self._first_place(p.left_edge.i, clause_free_end(p))) is not None:
                        out.append(e)
        return out

    def _where_the_body_meets(self, tok: Token, verb: Token) -> Entity | None:
        """ "the meeting of the Joint Commission in Lima", "talked on the margins of
        the Forum in Suva": the parser hangs the place on the body that meets (a commission,
        committee or council) or on the gathering that frames the event."""
        # (or on the sitting the verb holds: "convene the next round of the Commission")
        sittings = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
        gatherings = [
            g for s in sittings for g in of_objects(s) if g.lemma_.lower() in MEETING_BODIES
        ]
        frames = [f for h in (tok, verb) for f in of_objects(h, ("on",)) if f.lower_ in SIDELINES]
        framing = [g for f in frames for g in of_objects(f)]
        # ("on the margins of the high-level week of the General Assembly in New York")
        gatherings += framing + [o for g in framing for o in of_objects(g)]
        for g in (g for g in gatherings if g.dep_ == "pobj"):
            for c in g.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                    e = self._first_place(c.left_edge.i, c.right_edge.i + 1)
                    if e is not None:
                        return e
        return None

    def _where_clause_of(self, verb: Token) -> Entity | None:
        """ "the talks took place in Athens, where X arrived on Tuesday": the place a
        "where" clause is told of."""
        if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
            return None
        e = self.entity(verb.head)
        return e if e is not None and e.kind == PLACE else None

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


def wished(tok: Token) -> bool:
    """A visit wished to someone ("wishing her a fruitful visit"): the object of a verb
    with an indirect object."""
    return tok.dep_ == "dobj" and any(c.dep_ == "dative" for c in tok.head.children)
