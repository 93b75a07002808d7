"""Who makes a statement: the speaker named in the statement's own phrase or as the subject
of its reporting verb, a body the text only names by its common noun ("the ministry said"),
or no one the text names, in which case the statement is not published."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from communique.mapping.entities.bodies import body_head, body_named
from communique.mapping.entities.entity import Entity
from communique.mapping.events.base import REPORTING, governing_verb
from communique.mapping.events.reader import EventReader
from communique.mapping.events.slots import cited
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON

# a statement by a body, not by the person the statement is about
UNNAMED = None


def speaker(r: EventReader, tok: Token) -> list[Entity] | None:
    """The statement's speakers; [] when the text does not say who speaks, UNNAMED when a
    body it does not name speaks ("the embassy said in a statement that Y ...")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        # "a communique of the Ministry said", "a statement from the presidency", "...,
        # as a statement by the embassy put it": the issuer named in the noun's own phrase
        issuers = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "by")
            for p in c.children
        ]
        # "a statement issued by the Foreign Office"
        issuers += [p for c in tok.children if c.dep_ == "acl" for p in _agents(c)]
        if named := r.entities_at(issuers, (PERSON, ORG), expand=True):
            return named
        bodies = _bodies_by_noun(r, issuers)
        if bodies != []:  # "a statement from the presidency": it, or one not named
            return bodies
        if cited(tok) and not any(c.lower_ == "joint" for c in tok.children):
            # "according to a MAE press release": the body whose it is, if the article
            # names it; never the persons the release tells of (a joint statement is the
            # parties')
            issuers = [c for c in tok.children if c.dep_ in ("compound", "poss", "nmod")]
            return r.entities_at(issuers, (ORG,), expand=True) or UNNAMED
    verb = governing_verb(tok)
    if (
        verb.dep_ == "advcl"
        and verb.head.lemma_.lower() in REPORTING
        and not any(c.dep_ == "nsubj" for c in verb.children)
    ):
        verb = verb.head  # "Addressing the weekly briefing, the spokesperson said": who said
    if verb.lemma_.lower() not in REPORTING:
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    named = r.entities_at(subjects, (PERSON, ORG), expand=True)
    if (closing := _named_before_the_verb(r, verb)) and (not subjects or closing in named):
        return [closing]
    if named:
        return named
    if any(s.lower_ == "it" for s in subjects):
        return UNNAMED  # "it said in a statement": a body, never a person
    return _bodies_by_noun(r, subjects)


def held_jointly_with(r: EventReader, tok: Token) -> list[Entity]:
    """ "a joint press briefing with Prime Minister X", "told a joint news conference with
    X": the persons the statement was made with."""
    nouns = (
        [tok]
        if tok.pos_ == "NOUN"
        else [c for c in tok.children if c.dep_ in ("dobj", "dative", "prep") and c.pos_ == "NOUN"]
    )
    withs = [
        p
        for n in nouns
        if any(c.lower_ == "joint" for c in n.children)
        for c in n.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for p in c.children
    ]
    return r.entities_at(withs, (PERSON,), expand=True) if withs else []


def _named_before_the_verb(r: EventReader, verb: Token) -> Entity | None:
    """ "..., the Ruritanian Foreign Ministry said in a statement.": the name
    between a comma and the verb says. The parser may join such a closing attribution to the
    sentence's first verb, or its name to an apposition before it, as a conjunct."""
    if verb.i == 0:
        return None
    named = r.entity(verb.doc[verb.i - 1])
    if named is None or named.kind not in (PERSON, ORG):
        return None
    doc, i = verb.doc, verb.i - 1
    while i > 0 and r.entity(doc[i - 1]) is named:
        i -= 1
    if i > 1 and doc[i - 1].tag_ == "POS" and (owner := r.entity(doc[i - 2])) is not None:
        i -= 2  # "Ruritania's Ministry of ...": its owner's name opens the phrase
        while i > 0 and r.entity(doc[i - 1]) is owner:
            i -= 1
    return named if i > 0 and doc[i - 1].text == "," else None


def _agents(verb: Token) -> list[Token]:
    return [p for a in verb.children if a.dep_ == "agent" for p in a.children]


def _bodies_by_noun(r: EventReader, nouns: list[Token]) -> list[Entity] | None:
    """The body the first of `nouns` names by its common noun ("the ministry", "the Russian
    ministry": a ministry of that country only), UNNAMED when the article names none such;
    [] when no noun is a body's."""
    for noun in nouns:
        if noun.pos_ != "NOUN" or (head := body_head(noun.lemma_)) is None:
            continue
        countries = [r.entity(c) for c in noun.children if c.dep_ in ("amod", "compound")]
        iso3 = next((c.key for c in countries if c is not None and c.kind == COUNTRY), None)
        body = body_named(r.ents.by_kind(ORG), head, iso3, _told_before(noun.i))
        return [body] if body is not None else UNNAMED
    return []


def _told_before(i: int) -> Callable[[Entity], bool]:
    """Of several bodies, the one told before token i ("the ministry said")."""
    return lambda e: e.told_before(i)
