"""Triggers that tell no diplomatic event: a private visit, a posting, a visit to a fair, an
ambassador recalled for consultations, a celebration only talked of, an offer to talk, a
visitors' book signed, a mechanism set up, a plan unveiled, and the going of those of no
office or party (immigrants, troops)."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.events.base import ATTENDING, PLURAL_ANAPHORS, governing_verb, words
from communique.mapping.events.holders import OFFICE_NOUNS
from communique.mapping.events.reader import EventReader
from communique.mapping.lexicon import document_heads


def not_diplomatic(r: EventReader, tok: Token, kind: str) -> bool:
    """A trigger that tells no diplomatic event: a private visit, signing a visitors' book,
    a visit to a fair, a meeting that is being set up as an institution."""
    if kind == "visit" and any(c.lower_ in words("private_modifiers") for c in tok.children):
        return True  # "a private visit to the shrine"
    if kind == "visit" and any(
        c.lower_ == "of" and any(p.lower_ in words("posting_nouns") for p in c.children)
        for c in tok.children
    ):
        return True  # "during her tour of duty": a posting, no trip
    if kind == "visit" and _visits_a_venue(r, tok):
        return True  # "visit the international book fair"
    if kind == "ceremony" and tok.lemma_.lower() == "unveil" and _a_document_unveiled(tok):
        return True  # "unveiled a new action plan": a document made public, no ceremony
    if kind == "visit" and tok.pos_ == "VERB" and _no_party_goes(r, tok):
        return True  # "since the first immigrants arrived in Brazil", "troops arrived"
    if _recalled_for(tok):
        return True  # "recalled its ambassador for consultations": a protest, no talks
    if tok.lemma_.lower() in words("attended_nouns") and not _attended(tok):
        return True  # "discussed the celebration of fifty years of ties": no ceremony told
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in words("readiness_adjectives"):
        return True  # "is ready to discuss closer ties": an offer, no event held or set
    if kind == "agreement-signing" and tok.pos_ == "VERB":
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in words(
                "signed_not_documents"
            ):
                return True  # "signed the visitors' book"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass"):
        # "establishing an annual leaders meeting": a mechanism set up, no meeting held
        return tok.head.lemma_.lower() in words("founding_verbs")
    return False


# who may go on a visit, though told by a common noun ("the head of state", "the guests")
_GOERS = OFFICE_NOUNS | PLURAL_ANAPHORS | words("parties_led") | {"head", "guest", "member"}


def _no_party_goes(r: EventReader, tok: Token) -> bool:
    """Whether the ones who go are told by a common noun of no office or party (immigrants,
    troops, tourists), which makes no visit."""
    goers = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(goers) and all(
        c.pos_ == "NOUN" and r.entity(c) is None and c.lemma_.lower() not in _GOERS for c in goers
    )


def _attended(tok: Token) -> bool:
    """ "will attend the celebrations", "took part in the celebrations"."""
    verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
    if verb is None:
        return False
    return verb.lemma_.lower() in _ATTENDED


_ATTENDED = ATTENDING | {"witness"}  # (a celebration is also witnessed)


def _recalled_for(tok: Token) -> bool:
    prep, verbs = tok.head, words("recalling_verbs")  # ("recalled his trip for X": no)
    if tok.dep_ != "pobj" or tok.lemma_.lower() != "consultation" or prep.lower_ != "for":
        return False
    return prep.head.lemma_.lower() in verbs


def _visits_a_venue(r: EventReader, tok: Token) -> bool:
    heads = [tok, governing_verb(tok)] if tok.pos_ != "VERB" else [tok]
    for h in heads:
        for c in h.children:
            objs = [c] if c.dep_ == "dobj" and h.lemma_.lower() == "visit" else []
            if c.dep_ == "prep" and c.lower_ == "to":
                objs = [p for p in c.children if p.dep_ == "pobj"]
            if any(o.lemma_.lower() in words("venues_not_visits") for o in objs):
                return True
    return False


_DOCUMENT_HEADS = document_heads() | {"strategy", "initiative", "policy"}


def _a_document_unveiled(tok: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _DOCUMENT_HEADS for c in tok.children)
