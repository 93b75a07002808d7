"""The verb an event's trigger hangs from ("paid an official visit" -> paid), asked of
the same trigger by many of the event stages: climbed once per token and doc."""

from __future__ import annotations

from spacy.tokens import Token

_KEY = "communique_governing_verbs"


def governing_verb(tok: Token) -> Token:
    """The verb a noun trigger hangs from ("paid an official visit" -> paid): `tok`
    itself, or a Token object of its own (callers tell the two apart by identity)."""
    found = tok.doc.user_data.setdefault(_KEY, {})
    i = found.get(tok.i)
    if i is None:
        verb = _climb(tok)
        i = found[tok.i] = -1 if verb is tok else verb.i
    return tok if i < 0 else tok.doc[i]


def _climb(tok: Token) -> Token:
    t, below = tok, tok
    for _ in range(8):
        if (
            t.dep_ == "ROOT"
            or finite_under_its_subject(t)
            or _content_clause(t)
            or (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("pcomp", "acl", "amod"))
            or (below.dep_ != "agent" and _with_its_agent(t))
        ):
            return t
        t, below = t.head, t
    return t


def _with_its_agent(verb: Token) -> bool:
    """ "the deals struck by the presidents at the council's session": a participle naming
    its own doer governs the events below it (not the verb of the clause above)."""
    return (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
    )


def _content_clause(verb: Token) -> bool:
    """ "expressed the hope that the talks would succeed": a clause opened by "that" that
    the parser hangs on a noun as a modifier tells what the hope is, with a subject of its own
    (not a relative clause, whose "that" is its subject)."""
    return (
        verb.dep_ == "acl"
        and verb.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def finite_under_its_subject(verb: Token) -> bool:
    """ "The Kenyan minister called on X": a finite verb the parser hung on the sentence's
    noun as a participle; that noun is its subject."""
    return verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.dep_ == "ROOT"
