"""Whether an event is told as still ahead: a plan's words on the event or on its round
("the next round of talks"), a modal or an infinitive over it, a relative clause that plans
it ("which are due to take place in X"), a verb that governs a plan ("agreed to host");
and the frames that tell it held, not planned ("in talks held on the fringes of X", "during
a visit" of what is done, "was pleased to meet")."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.events.base import (
    FUTURE_GOVERNORS,
    FUTURE_MODS,
    governing_verb,
    infinitive,
    with_its_round,
)
from communique.mapping.events.base import words as event_words
from communique.mapping.events.tense import for_a_purpose, is_future, plans, words

_STARTING = words("starting_verbs")


def relative_plan(tok: Token) -> Token | None:
    """ "the talks ..., which are set to take place in X": the verb of a relative
    clause that plans the event. The parser may hang the clause on the last side of the
    talks' "between" phrase; a side is never scheduled to be held."""
    # (asked of a trigger both for its tense and for its place: read once per doc)
    known = tok.doc.user_data.setdefault("communique_relative_plan", {})
    if tok.i not in known:
        known[tok.i] = _relative_plan(tok)
    return known[tok.i]


def _relative_plan(tok: Token) -> Token | None:
    for c in (c for h in with_its_round(tok) for c in h.children):
        if c.dep_ == "relcl" and is_future(c) and _of_itself(c):
            return c
    sides = [
        s
        for b in tok.children
        if b.dep_ == "prep" and b.lower_ == "between"
        for p in b.children
        if p.dep_ == "pobj"
        for s in (p, *p.conjuncts)
    ]
    return next((c for s in sides for c in s.children if c.dep_ == "relcl" and plan_held(c)), None)


def _of_itself(clause: Token) -> bool:
    """Whether a relative clause tells of its noun as its subject ("talks, which will be
    held in X"), not of what is done within it ("a visit, during which she will meet Y")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that") for c in clause.children
    )


def plan_held(verb: Token) -> list[Token]:
    """ "is set to be held in X", "are due to take place in X": the verb a plan holds
    its event with, where the event's place hangs."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    return [x for p in heads if plans(p) for x in p.children if x.dep_ == "xcomp"]


_MODALS = {"will", "shall", "would", "could", "may", "might", "should", "can", "must"}


def is_scheduled(tok: Token) -> bool:
    """Whether the event `tok` tells is still ahead (asked of a trigger by the event finder
    and by each of its sentence's dates: read once per doc)."""
    known = tok.doc.user_data.setdefault("communique_scheduled", {})
    if tok.i not in known:
        known[tok.i] = _is_scheduled(tok)
    return known[tok.i]


def _is_scheduled(tok: Token) -> bool:
    # (not a clause of its own: "discussed ..., scheduled for the autumn" tells of another,
    # as "arrived on Monday and is scheduled to ..." does)
    if any(
        c.lower_ in FUTURE_MODS and c.dep_ not in ("advcl", "conj")
        for h in with_its_round(tok)
        for c in h.children
    ):
        return True
    if relative_plan(tok) is not None or _in_times_ahead(tok):
        return True
    if any(
        c.lower_ in ("today", "tonight") and c.dep_ in ("poss", "compound") for c in tok.children
    ):
        return False  # ("I hope today's meeting will ...": the meeting of the day)
    if _pleased(tok):
        return False  # "was pleased to meet X again": the encounter of the day, no plan
    if _the_first_to(tok):
        return False  # "was the first leader to visit X": a visit made, ranked among others
    if _a_frame_set_apart(tok) or _the_frame_of_a_purpose_done(tok):
        return False
    verb = governing_verb(tok)
    if for_a_purpose(tok, verb.head, verb) and verb.head.lemma_.lower() not in _STARTING:
        # "came together in X to sign a deal": the purpose of what was done (not of an
        # arrival: "landed on Sunday to attend the opening", the days after)
        return False
    # "will hold talks ... and give a speech": the second verb shares the first's "will"
    shared = [verb.head] if verb.dep_ == "conj" and verb.tag_ == "VB" else []
    # "will co-chair": the parser may hang "will" on the word before the hyphen
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].is_alpha:
        shared.append(doc[tok.i - 2])
    for t in (tok, verb, *shared):
        # ("a memorandum could be signed during the visit": a possibility, not held yet)
        if any(c.lower_ in _MODALS and c.dep_ in ("aux", "auxpass") for c in t.children):
            return True
        if t.pos_ == "VERB" and t.tag_ == "VB" and any(c.lower_ == "to" for c in t.children):
            return True
    prev = tok
    for anc in tok.ancestors:
        if prev.dep_ == "advcl" and prev.tag_ in ("VBD", "VBZ", "VBP"):
            return False  # "agreed ..., as X hosted Y": a clause of its own, told as done
        if prev.dep_ == "advcl" and prev.tag_ == "VBN" and not _auxiliaries(prev):
            return False  # "agreed to pursue ties in talks, held on the fringes of X": held
        if (
            anc.lemma_.lower() in FUTURE_GOVERNORS
            and not (prev.dep_ == "prep" and (prev.lower_ in _FRAMING or _set_off(prev)))
            and not _hosted(anc)
            and not (anc.pos_ == "NOUN" and anc.lemma_.lower() == "host")  # (a person)
        ):
            return True
        prev = anc
        if anc.tag_ in ("VBD", "VBZ"):  # (the governing verb too)
            return False  # a finite verb closes the clause: "agreed ..., as X held talks"
    return False


_RANKS = frozenset({"first", "second", "third", "last", "only", "latest"})


def _the_first_to(tok: Token) -> bool:
    """ "the first foreign leader to visit X since ...": an infinitive of a noun an ordinal
    ranks tells what was done (not "the first step to deepen ties": no person's noun)."""
    if tok.tag_ != "VB" or tok.dep_ not in ("relcl", "acl") or tok.head.pos_ != "NOUN":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return any(c.dep_ == "amod" and c.lower_ in _RANKS for c in tok.head.children)


def _in_times_ahead(tok: Token) -> bool:
    """ "a visit in the near future", "talks in the coming weeks", "at an early date"."""
    return any(
        p.lower_ in FUTURE_MODS or any(m.lower_ in FUTURE_MODS for m in p.children)
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "within")
        for p in c.children
        if p.dep_ == "pobj"
    )


def _the_frame_of_a_purpose_done(tok: Token) -> bool:
    """ "have signed agreements to boost trade during a visit by X": the frame of what is
    done, though the parser hangs it on the purpose (an infinitive of an object or of the
    verb told as done)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("during", "at"):
        return False
    purpose = prep.head
    if not infinitive(purpose):
        return False
    done = purpose.head.head if purpose.dep_ == "relcl" else purpose.head
    return done.tag_ == "VBD" or (
        done.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in done.children)
    )


def _pleased(tok: Token) -> bool:
    """ "was pleased to meet X", not "would be pleased to meet X"."""
    if tok.dep_ != "xcomp" or tok.head.lower_ not in event_words("pleasure_adjectives"):
        return False
    be = tok.head.head
    return not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in be.children)


def _set_off(prep: Token) -> bool:
    """ "X, on a state visit, urged ...": a phrase between commas frames its clause, it is
    not what the clause plans."""
    doc = prep.doc
    return (
        prep.i > 0
        and doc[prep.i - 1].text == ","
        and prep.right_edge.i + 1 < len(doc)
        and (doc[prep.right_edge.i + 1].text == ",")
    )


def _auxiliaries(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)


# "was agreed during the meeting", "agreed to ..., following talks": the frame of what is
# agreed, held, not what is planned
_FRAMING = ("during", "at", "in", "following", "after")


def _a_frame_set_apart(tok: Token) -> bool:
    """ "agreed on Tuesday to keep talking ..., in their first meeting in years": an event
    set off by a comma as the frame of a sentence told in the past, though the parser hangs
    it on the plan agreed."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in _FRAMING or prep.i == 0:
        return False
    if tok.doc[prep.i - 1].text != ",":
        return False
    finite = next((a for a in prep.ancestors if a.tag_ in ("VBD", "VBZ", "VBP", "MD")), None)
    return finite is not None and finite.tag_ == "VBD"


_THANKED_FOR = event_words("welcoming_verbs")  # "thanked X for hosting", "praised"


def _hosted(verb: Token) -> bool:
    """ "X hosted the talks", "the talks were hosted by X": held, not planned (as "X will
    host", "agreed to host" are)."""
    if verb.lemma_.lower() != "host":
        return False
    # ("thanked Y for its role in hosting talks": a gerund after a preposition, thanked
    # for, is done; "supports Y in hosting the summit" is not)
    gerund = (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and any(a.lemma_.lower() in _THANKED_FOR for a in verb.ancestors)
    )
    return (
        verb.tag_ == "VBD"
        or gerund
        or any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)
    )
