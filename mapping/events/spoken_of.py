"""Events told as what something is about, not taken part in by those who tell them:
talked about ("discussed the upcoming summit"), congratulated on ("congratulated Y on the
success of the summit"), asked or said about ("asked about the visit", "a statement on the
signing"), heard of ("reports of a meeting"), helped along ("facilitated the talks"),
referred to ("referring to talks on ..."), what a document is about ("a plan of
consultations"), a mechanism of talks set up ("a mechanism of consultations"); the verb
by which the one who receives a visit speaks of it ("thanked Y for the visit"); and what
was said at an event ("discussed X during the meeting")."""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

from communique.mapping.events.base import governing_verb, words
from communique.mapping.lexicon import quote_words

_CONGRATULATING = words("congratulating_verbs")
_OUTCOMES = words("outcome_nouns")
_VISIT_NOUNS = frozenset({"visit", "trip", "tour"})  # what a gathering may be the purpose of
_REFERRING = frozenset({"refer", "allude"})  # what a saying refers to


def congratulated_on(tok: Token) -> bool:
    """ "congratulated Y on (the success of) the summit": an event Y is congratulated on,
    held before and by others than the one who congratulates."""
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of" and prep.head.lemma_.lower() in _OUTCOMES:
        prep = prep.head.head if prep.head.dep_ == "pobj" else None  # "on the success"
    return (
        prep is not None
        and prep.lower_ in ("on", "for")
        and prep.head.lemma_.lower() in _CONGRATULATING
    )


# (one addresses a gathering by speaking at it: "addressed the summit" is taking part)
_TALKED_ABOUT = words("talked_about_verbs") - {"address"}


def talked_about(tok: Token) -> bool:
    """ "the sides discussed the upcoming summit", "... the preparations for the summit": an
    event talked about, not by its talkers."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    while tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.pos_ == "NOUN":
        # (the preparations talked about are the summit's; "preparations for X's visit for
        # the summit": the summit is the visit's purpose, talked about with it)
        if tok.head.head.lemma_ == "preparation":
            tok = tok.head.head
            break
        if tok.head.head.lemma_.lower() not in _VISIT_NOUNS:
            break
        tok = tok.head.head
    for _ in range(4):  # "the activities of the forum and preparations for the summit"
        if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            tok = tok.head.head
        else:
            break
    if tok.lemma_.lower() in words("frame_nouns"):
        return False  # ("exchanged views on the sidelines of the summit": held there)
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "about") and _views(tok.head.head):
        return True  # "exchanged views on ...": what the views are on
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _TALKED_ABOUT


def _views(noun: Token) -> bool:
    """ "views" exchanged: the talk itself, whose subject is what it is "on"."""
    return noun.lemma_.lower() == "view" and noun.dep_ == "dobj" and noun.head.lemma_ == "exchange"


def supported(tok: Token) -> bool:
    """ "reiterated support for the opening of accession negotiations", "a call for talks":
    an event supported or called for, not one the supporter takes part in."""
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head  # (the opening of the first cluster of negotiations)
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.lemma_.lower() in words("support_nouns")
    )


def facilitated(tok: Token) -> bool:
    """ "Oman's role in facilitating the negotiations", "mediated the talks": talks a third
    side helps along, whose parties are not the helper's."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in words("facilitating_verbs")


# what a statement or a comment is "on": an event spoken of, not taken part in
_COMMENTS = frozenset(
    w for name in ("document_heads", "speech_nouns") for w in quote_words(name) if " " not in w
)


def spoken_of(tok: Token, trigger_groups: dict[int, str]) -> bool:
    """An event that is what something is said or asked about: no event of the one who
    speaks (`trigger_groups`: the group of each trigger, by token)."""
    if talked_about(tok) or facilitated(tok):
        return True
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in words("hearsay_nouns"):
        return True  # "asked about reports of a planned meeting": hearsay
    if prep.lower_ == "about":
        return trigger_groups.get(tok.i) == "visit"
    if prep.lower_ == "to" and prep.head.lemma_.lower() in _REFERRING:
        return True  # "..., the president added, referring to talks on a trade deal"
    if congratulated_on(tok):
        return True  # "congratulated Y on the success of the summit": Y's, not the sayer's
    if supported(tok):
        return True
    return prep.lower_ in ("on", "regarding") and prep.head.lemma_.lower() in _COMMENTS


def about_in_a_document(tok: Token) -> bool:
    """ "a plan of consultations", "a memorandum on holding summits": what a document is
    about (the talks it plans), no event held."""
    if tok.pos_ == "VERB":
        return False
    prep = tok.head
    if tok.dep_ == "dobj" and prep.dep_ == "pcomp":  # "on holding consultations"
        prep = prep.head
    # (not "for": "plans for a visit" tell a visit to come)
    if tok.dep_ not in ("pobj", "dobj") or prep.lower_ not in ("of", "on"):
        return False
    document = prep.head
    if document.dep_ == "pobj" and document.head.lower_ == "of":
        document = document.head.head  # "a memorandum of understanding on consultations"
    return prep.dep_ == "prep" and (
        prep.head.lemma_.lower() in words("content_documents")
        or document.lemma_.lower() in words("content_documents")
    )


def a_standing_mechanism(tok: Token) -> bool:
    """ "a mechanism of political consultations", "a framework for dialogue": talks as an
    institution set up, no event held; "agreed to maintain regular consultations": a
    practice to keep (but "held regular talks on Monday" tells one held)."""
    if any(c.dep_ == "amod" and c.lower_ in ("regular", "periodic") for c in tok.children):
        return governing_verb(tok).tag_ != "VBD"
    noun = tok.head.head
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("of", "for")
        and noun.lemma_.lower() in words("mechanism_nouns")
        # ("within the framework of the summit": as a part of it, which is held)
        and not (noun.dep_ == "pobj" and noun.head.lower_ in ("within", "in", "under"))
    )


def welcoming_verb(tok: Token) -> Token | None:
    """The verb of the one who receives the visit `tok` names: "X thanked (Y for) the visit",
    "welcomed the visit" (data/events.json "welcoming_verbs"), "looked forward to the
    visit"; None when the visit is no such verb's object."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in _WELCOMING:
        return head
    if tok.dep_ == "pobj" and head.lower_ == "for":
        # "thanked Y for the visit" ("for" on the verb, or on the one thanked)
        verb = head.head if head.head.pos_ in ("VERB", "AUX") else head.head.head
        return verb if verb.lemma_.lower() in _WELCOMING else None
    if tok.dep_ == "pobj":
        return looked_forward_to(head)
    return None


def looked_forward_to(to: Token) -> Token | None:
    """The verb "look" of "looked forward to" whose "to" this is, else None (the parser
    hangs "to" on "look" or on "forward")."""
    if to.lower_ != "to":
        return None
    look = to.head.head if to.head.lower_ == "forward" else to.head
    forward = any(c.lower_ == "forward" for c in (*look.children, to.head))
    return look if look.lemma_.lower() == "look" and forward else None


_WELCOMING = words("welcoming_verbs")


_TALK_VERBS = words("talk_verbs")


def talk_inside(tok: Token, trigger_tokens: Container[int]) -> bool:
    """ "discussed X during the meeting": what was said at an event told here, not another
    ("During the call, they reviewed X and discussed Y": the frame of the verb it is joined to)."""
    return talked_at(tok, trigger_tokens) is not None


def talked_at(tok: Token, trigger_tokens: Container[int]) -> Token | None:
    """The trigger of the event a talking verb tells what was said at, if any."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _TALK_VERBS:
        return None
    verbs = [tok, tok.head] if tok.dep_ == "conj" and tok.head.pos_ == "VERB" else [tok]
    # (and under its object, where the parser hangs it: "discussed the situation in a call")
    heads = [*verbs, *(o for v in verbs for o in v.children if o.dep_ == "dobj")]
    frames = (
        p
        for v in heads
        for c in v.children
        if c.dep_ == "prep" and c.lower_ in ("during", "at", "in")
        for p in c.children
        if p.i in trigger_tokens
    )
    return next(frames, None)
