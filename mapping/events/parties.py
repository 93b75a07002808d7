"""Who an event is held with: the syntactic tests on a trigger and its sentence that decide
whether an object or a following name is a party, who speaks, who hosts, and how one phrase
tells several events (a meeting with each of several leaders, a visit to each of several
countries: events/several.py). The nouns they test live in mapping/data/events.json
("words")."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events.base import (
    REPORTING,
    governing_verb,
    words,
)
from communique.mapping.events.holders import OFFICE_NOUNS
from communique.mapping.events.offices import office_of_a_side
from communique.mapping.events.reader import EventReader
from communique.mapping.events.slots import antecedent, misread_visiting
from communique.mapping.events.spoken_of import welcoming_verb
from communique.mapping.mentions.finder import COUNTRY, PERSON, PLACE
from communique.mapping.mentions.mention import on_a_platform, online
from communique.mapping.nlp.arrays import where
from communique.mapping.nlp.language import sentence_of, tokens_of
from communique.mapping.nlp.tree import Marks, tree_of


def _words(name: str) -> frozenset[str]:
    return words(name)


def party_nouns() -> frozenset[str]:
    """Nouns for people (or places) an event can be held with, though no name is given."""
    return _words("party_nouns")


def document_nouns() -> frozenset[str]:
    """Documents handed over at a signing ("the exchange of several memoranda")."""
    return _words("documents")


def _a_person_meant(r: EventReader, t: Token) -> bool:
    """ "The Brazilian president was received by ...": a person an office stands for."""
    e = r.named_or_meant(t)
    return e is not None and e.kind == PERSON


def person_object(r: EventReader, c: Token) -> bool:
    """`received Foreign Minister X`; `received on Tuesday Chairman of ... X` (the parser
    hangs a long title after a weekday on "on")."""
    if c.dep_ == "dobj":
        if a_person(r, c):
            return True
        if (c.pos_ == "PROPN" or c.lemma_.lower() in OFFICE_NOUNS) and any(
            a_person(r, a) for a in c.children if a.dep_ == "appos"
        ):
            return True  # "received the Special Envoy of ..., X" (not "a phone call, X")
        # "hosted a delegation led by Prime Minister X"
        if c.lemma_.lower() in _words("parties_led") and names_a_person(r, c):
            return True
        return office_of_a_side(c, r.by_token)
    if misread_visiting(c):
        return any(person_object(r, o) for o in c.children if o.dep_ == "dobj")
    if c.dep_ == "agent":  # "X was received by Pope Y"
        verb = c.head
        subjects = [s for s in verb.children if s.dep_ == "nsubjpass"]
        if not subjects and verb.dep_ == "conj":  # "X made a visit ... and was received by Y"
            subjects = [s for s in verb.head.children if s.dep_ == "nsubj"]
        # ("He was received by X": a person told before; "Y, who was greeted by X": Y)
        subjects = [
            antecedent(verb) if s.lower_ == "who" and verb.dep_ == "relcl" else s for s in subjects
        ]
        return names_a_person(r, c) and any(
            names_a_person(r, s) or s.lower_ in ("he", "she") or _a_person_meant(r, s)
            for s in subjects
        )
    if c.dep_ == "npadvmod" and not any(k.dep_ == "dobj" for k in c.head.children):
        # "received ... on Tuesday Prime Minister X": the name read as an adverb of time
        return a_person(r, c)
    if c.dep_ == "npadvmod" and c.i > 0 and c.doc[c.left_edge.i - 1].text == ",":
        # "received the Special Envoy of ... for X, Lars Berg,": the holder of the office
        # the verb takes, set off by commas, read as an adverb
        offices = [k for k in c.head.children if k.dep_ == "dobj" and k.i < c.i]
        return any(k.lemma_.lower() in OFFICE_NOUNS for k in offices) and a_person(r, c)
    if c.dep_ != "prep" or c.lower_ not in ("on", "at"):
        return False
    if c.lower_ == "on" and r.named_below(c, "person-appos"):
        return True
    return _object_hung_below(r, c)


def a_person(r: EventReader, t: Token) -> bool:
    """Whether the token names a person."""
    return (e := r.by_token.get(t.i)) is not None and e.kind == PERSON


def _object_hung_below(r: EventReader, prep: Token) -> bool:
    """A verb with no object whose date or place phrase, coming first, took it in: "received
    on Tuesday Prime Minister X" (the weekday made the name's compound), "received this
    Friday at the ministry the Vice Minister of ..., X" (the name in apposition)."""
    if any(k.dep_ == "dobj" for k in prep.head.children):
        return False
    if prep.lower_ == "at":
        return (
            r.named_below(prep, "person-appos")
            or _title_hung_below(r, prep)
            or _title_after_venue(r, prep)
        )
    # ("on Monday Jordan's King X": the weekday may hang on the name's possessor)
    return any(
        p.dep_ == "pobj"
        and (a_person(r, p) or names_a_person(r, p))
        and any(t.ent_type_ == "DATE" for t in p.subtree if t.i < p.i)
        for p in prep.children
    )


def _title_hung_below(r: EventReader, prep: Token) -> bool:
    """ "received at the Headquarters the Special Envoy of ... for the Region, Ms. X": the
    parser hangs the title on the place, and the name in apposition on a later phrase."""
    title = next(
        (t for t in prep.subtree if t.dep_ == "appos" and t.lemma_.lower() in OFFICE_NOUNS), None
    )
    if title is None:
        return False
    toks = tokens_of(r.doc)
    return any(
        (e := r.by_token.get(i)) is not None and e.kind == PERSON and toks[i].dep_ == "appos"
        for i in range(title.i + 1, sentence_of(title.doc, title.i).end)
    )


def _title_after_venue(r: EventReader, prep: Token) -> bool:
    """ "received at the Al Qasr Palace Prime Minister of ... X": the parser makes the venue
    the compound of the title that follows it, and the person the title's."""
    return any(
        p.dep_ == "pobj"
        and p.lemma_.lower() in OFFICE_NOUNS
        and any(
            (e := r.entity(k)) is not None and e.kind == PLACE
            for k in p.lefts
            if k.dep_ == "compound"
        )
        and names_a_person(r, p)
        for p in prep.children
    )


def names_a_person(r: EventReader, tok: Token) -> bool:
    return r.named_below(tok, "person")


def person_follows(r: EventReader, tok: Token) -> bool:
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


def of_documents(tok: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(p.lemma_.lower() in _words("documents") for p in c.children)
        for c in tok.children
    )


def press_audience(tok: Token) -> Token | None:
    """The `conference` of "X told a press conference", the platform of "X said on Twitter"
    (a statement posted), else None."""
    if tok.pos_ == "VERB" and tok.lemma_.lower() in REPORTING and (on := posted_on(tok)):
        return on
    if tok.lemma_.lower() != "tell" or tok.pos_ != "VERB":
        return None
    for c in tok.children:
        if c.dep_ in ("dobj", "dative") and c.lemma_.lower() in _words("press"):
            return c
    return None


def posted_on(verb: Token) -> Token | None:
    """ "said on Twitter", "stated on X", "said on his Facebook page": the platform (or its
    page) the saying was posted on."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ != "on":
            continue
        for p in c.children:
            # ("on X": the platform's one-letter name, never a word of the sentence)
            if p.dep_ == "pobj" and (
                p.text.rstrip(".") == "X" or on_a_platform(p) or online(p.doc[p.i : p.i + 1])
            ):
                return p
    return None


def hosted_by(r: EventReader, tok: Token) -> Entity | None:
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


def on_the_sidelines(tok: Token) -> bool:
    doc = tok.doc
    marks = doc.user_data.get("communique_sidelines")
    if marks is None:  # (a long sentence's verbs each have most of it below them)
        sidelines = where(doc, lower=_words("sidelines"))
        marks = doc.user_data["communique_sidelines"] = Marks(tree_of(doc), sidelines)
    return marks.in_subtree(tok)


def object_is_no_party(r: EventReader, tok: Token) -> bool:
    """A meeting or visit verb whose object is a thing, not someone or somewhere."""
    if tok.lemma_.lower() not in ("meet", "visit"):
        return False
    for c in tok.children:
        # (only a noun is a thing: a stray "’s" the parser made the object is none)
        if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN"):
            if r.entity(c) is not None or r.named_below(c):
                return False
            return c.lemma_.lower() not in _words("party_nouns")
    return False


def country_in(r: EventReader, tok: Token) -> Entity | None:
    for h in (tok, governing_verb(tok)):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                for p in c.children:
                    e = r.entity(p)
                    if e is not None and e.kind == COUNTRY:
                        return e
    return None


def welcomer(r: EventReader, tok: Token) -> Entity | None:
    """The person who thanks for or welcomes the visit tok names ("X thanked the visit")."""
    verb = welcoming_verb(tok)
    if verb is None:
        return None
    for c in verb.children:
        if c.dep_ == "nsubj" and (e := r.named_or_meant(c)) is not None and e.kind == PERSON:
            return e
    return None
