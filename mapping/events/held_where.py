"""Where an event is held, read off the parse: "in Astana", "the summit here", "at State
House, where they held talks", the town of the body's sitting or of the gathering that frames
it. A part of the event reader (events/reader.py), which inherits it."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from communique.mapping.entities.entity import Entity, fold, name_words
from communique.mapping.events.base import governing_verb, lexicon, words
from communique.mapping.events.place_phrases import clause_free_end, of_affairs
from communique.mapping.events.scheduled import plan_held, relative_plan
from communique.mapping.events.slots import of_objects
from communique.mapping.mentions.finder import PLACE

# bodies whose sittings are gatherings ("the next Cooperation Council": events.json)
MEETING_BODIES = frozenset(lexicon()["held_nouns"])
SIDELINES = words("sidelines")  # "on the margins of" a gathering
_EVENT_NOUNS = frozenset(lexicon()["nouns"])


class EventSettings:
    """Mixed into EventReader: where its events are held."""

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
                    e = self._first_place(p.left_edge.i, clause_free_end(p))
                    if (e := e or self._venue_told_again(p)) is not None:
                        out.append(e)
        return out

    def _venue_told_again(self, noun: Token) -> Entity | None:
        """ "at the airport" after "at Arden International Airport": the one venue named
        before whose name ends in that noun."""
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        if noun.pos_ != "NOUN" or not definite:
            return None
        word = fold(noun.lower_)
        named = {
            id(e): e
            for e in self.ents.by_kind(PLACE)
            if e.subkind == "venue" and e.told_before(noun.i) and name_words(e.name)[-1:] == [word]
        }
        return next(iter(named.values())) if len(named) == 1 else None

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
