"""Event triggers: the words that tell an event, from the lexicon's phrases, nouns and verbs
(mapping/data/events.json) and from a verb's object ("received Foreign Minister X"), in
text order; the readers in finder.py decide which of them tell an event of their own."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from communique.mapping.events import base, conversations, gatherings, implied, parties, told_again
from communique.mapping.events.base import GROUPS, framing_gathering, lexicon, signed_object, words
from communique.mapping.events.lexicon_words import lexicon_words_at, phrase_matcher
from communique.mapping.events.reader import EventReader
from communique.mapping.events.slots import invited
from communique.mapping.events.spoken_of import looked_forward_to
from communique.mapping.mentions.mention import on_a_platform
from communique.mapping.nlp.arrays import where
from communique.mapping.nlp.language import tokens_of
from communique.mapping.nlp.tree import tree_of

_TELLING_POS = frozenset({"NOUN", "PROPN", "AUX", "VERB"})  # what all_triggers reads
_VISITING = frozenset({"visiting"})
_NOUN_LEMMAS = frozenset({"call", "reception", "welcome", "post"})  # what _noun_kind reads
_ANY_GATHERING = words("any_gathering_nouns")


def _held(tok: Token) -> bool:
    """ "held a strategic dialogue": a lower-case gathering noun tells one held, not a way."""
    return tok.dep_ in ("dobj", "nsubjpass") and gatherings.holding(tok.head)


def _no_event_noun(tok: Token, lemma: str) -> bool:
    """A trigger noun that tells no event of its own here."""
    if lemma == "audience" and not _audience_granted(tok):
        return True  # "told the audience", "an audience of students": listeners
    if lemma in _ANY_GATHERING and base.is_anaphoric(tok) and not base.told_as_before(tok):
        return True  # "the gathering": the meeting or summit told before, of either kind
    # "the negotiation clusters", "summit logistics": a thing of one
    return tok.is_lower and tok.dep_ == "compound" and _a_things_name(tok.head)


def triggers(doc: Doc) -> list[tuple[Token, str]]:
    """(trigger token, event-type key) in text order; a phrase beats its words."""
    found: dict[int, str] = {}
    covered: set[int] = set()
    for mid, start, end in phrase_matcher(doc)(doc):
        kind = doc.vocab.strings[mid]
        found[doc[start:end].root.i] = kind
        covered.update(range(start, end))
    nouns, verbs = lexicon()["nouns"], lexicon()["verbs"]
    name_nouns, held_nouns = lexicon()["name_nouns"], lexicon()["held_nouns"]
    tokens = tokens_of(doc)
    signed_names: set[str] = set()
    for i in lexicon_words_at(doc):
        if i in covered:
            continue
        tok = tokens[i]
        lemma = tok.lemma_.lower()
        if tok.pos_ == "PROPN" and lemma not in nouns and lemma.endswith("s"):
            # a name's plural is left as it is: "Political Consultations"; but "the 9th
            # Congress" is one numbered sitting (a "Congress" of its own is a legislature)
            numbered = any(c.ent_type_ == "ORDINAL" for c in tok.children)
            lemma = lemma if numbered and lemma in name_nouns else lemma[:-1]
        if tok.pos_ in ("NOUN", "PROPN") and (lemma in nouns or tok.lower_ in nouns):
            kind = nouns.get(tok.lower_) or nouns[lemma]
            if kind == "statement" and (signed_object(tok) or tok.text in signed_names):
                # "the signing of a joint statement": an agreement; "signed a Statement of
                # Intent. The Statement lists ...": that document told again
                signed_names.update([tok.text] if tok.is_title else [])
                continue
            if not _no_event_noun(tok, lemma):
                found[tok.i] = kind
        elif (
            tok.pos_ in ("NOUN", "PROPN")
            and lemma in name_nouns
            and (tok.is_title or _held(tok) or _a_bodys_frame(tok))
        ):
            if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
                continue  # "Velmora Events Ltd", "the Forum Secretariat": a name of another
            found[tok.i] = name_nouns[lemma]
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in held_nouns and _held(tok):
            found[tok.i] = held_nouns[lemma]  # "agreed to hold the next Cooperation Council"
        elif tok.pos_ == "VERB" and lemma in verbs and not _describes(tok):
            # ("visiting Prime Minister X" describes the guest of a visit told elsewhere)
            if _a_delivered_invitation(tok) and not invited(tok):
                continue  # "handed over an invitation from X to visit Y": no guest, no visit
            found[tok.i] = verbs[lemma]
    out = []
    for i, kind in sorted(found.items()):
        tok = doc[i]
        # "political consultation meeting": the modifier is the same event as its head
        if tok.dep_ in ("compound", "amod") and tok.head.i in found:
            continue
        if kind == "meeting" and tok.pos_ == "VERB" and _convenes_one(tok, found):
            continue  # "agreed to convene a special summit": the summit is the event
        out.append((tok, kind))
    return out


def _convenes_one(verb: Token, found: dict[int, str]) -> bool:
    """Whether a verb of meeting has an event of its own for its object."""
    return any(c.dep_ == "dobj" and c.i in found for c in verb.children)


def _a_bodys_frame(tok: Token) -> bool:
    """ "on the fringes of the APEC forum": a body's forum framing another event is held."""
    return framing_gathering(tok) and any(
        c.dep_ == "compound" and c.ent_type_ == "ORG" for c in tok.children
    )


def _a_things_name(head: Token) -> bool:
    """A noun in lower case a trigger's noun modifies (not the root: a verb the parser took
    for a noun, "the summit runs until Sunday")."""
    return head.is_lower and head.pos_ == "NOUN" and head.dep_ != "ROOT"


def _audience_granted(tok: Token) -> bool:
    """ "granted an audience to X", "received X in audience", "an audience with the King":
    an audience one holds, not the listeners of a speech."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in lexicon()["audience_verbs"]:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() == "receive":
        return True
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)


def _a_delivered_invitation(verb: Token) -> bool:
    """ "handed over an invitation from X to visit Y": the visit an invitation names, the
    invitation delivered by a bearer (not "accepted an invitation to visit": the guest's)."""
    invitation = verb.head
    return (
        verb.dep_ == "acl"
        and invitation.lemma_.lower() == "invitation"
        and invitation.dep_ == "dobj"
        and invitation.head.lemma_.lower() in words("delivering_verbs")
    )


def _describes(tok: Token) -> bool:
    """ "visiting Prime Minister X", "met with visiting X" (the parser may make the
    participle a verb after "with"): a word that describes a person, no event."""
    if tok.dep_ in ("amod", "compound"):
        return True
    pcomp = tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "with"
    return pcomp and tok.lemma_.lower() == "visit"  # (not "tasked with convening a dialogue")


def _a_welcome_looked_forward_to(tok: Token) -> bool:
    """ "looked forward to welcoming X in/to Washington": the visit X is to make there."""
    return (
        tok.dep_ == "pcomp"
        and looked_forward_to(tok.head) is not None
        and any(
            c.dep_ == "prep" and c.lower_ in ("in", "to")
            for h in (tok, *(c for c in tok.children if c.dep_ == "dobj"))
            for c in h.children
        )
    )


def all_triggers(doc: Doc, r: EventReader) -> list[tuple[Token, str]]:
    """The lexicon's triggers and those read off a verb's object, in text order."""
    found = triggers(doc)
    # "received Foreign Minister X", "hosted Prime Minister Y": a meeting with that person
    person_verbs = lexicon()["person_object_verbs"]
    presses: list[tuple[Token, int]] = []  # (audience, how many triggers were found before)
    ceremonies = {t.i for t, k in found if k == "ceremony"}
    at = {t.i for t, _ in found}
    tokens = tokens_of(doc)
    for tok in (tokens[i] for i in where(doc, pos=_TELLING_POS)):
        pos = tok.pos_
        if pos in ("NOUN", "PROPN"):
            if (kind := _noun_kind(r, tok, at)) is not None:
                found.append((tok, kind))
            continue
        if pos == "AUX" and implied.staying_in(r, tok):
            found.append((tok, "visit"))  # "X will be in Oslo next week"
        if pos != "VERB":
            continue
        lemma = tok.lemma_.lower()
        kind = person_verbs.get(lemma)
        if kind and _welcomed_with(tok, ceremonies):
            pass  # "received X with a ceremonial reception": the ceremony is the event
        elif kind and (
            any(parties.person_object(r, c) for c in tok.children) or parties.person_follows(r, tok)
        ):
            # ("was welcomed at the airport by X": the welcome on arrival is a ceremony)
            if _on_arrival(tok):
                kind = "ceremony"
            elif _a_welcome_looked_forward_to(tok):
                kind = "visit"  # "looked forward to welcoming her in Washington": her visit
            found.append((tok, kind))
        elif not _object_told(tok, at) and (told := implied.verb_kind(r, tok)):
            found.append((tok, told))  # "a tour that took him to A", "a pact struck with"
        elif lemma == "call" and conversations.calls_on(r, tok):
            found.append((tok, "meeting"))
        elif tok.i not in at and conversations.rang(r, tok):
            found.append((tok, "phone-call"))  # "rang President X on Tuesday"
        elif (
            lemma in words("speaking_verbs")
            and tok.i not in at
            and (spoken := conversations.spoke_with(r, tok, found))
        ):
            found.append((tok, spoken))  # "also spoke with Prime Minister X by phone"
        elif lemma in words("concluding_verbs") and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in parties.document_nouns()
            for c in tok.children
        ):
            # "concluded an agreement", "exchanged memoranda", "documents were exchanged"
            found.append((tok, "agreement-signing"))
        elif press := parties.press_audience(tok):
            # "X told a press conference": X's statement, not the venue's
            presses.append((press, len(found)))
            found.append((tok, "statement"))
    if presses:
        found = _without_audiences(doc, found, presses)
    return _completed(doc, r, found)


def _completed(doc: Doc, r: EventReader, found: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """The triggers found, with the tellings told again or by "visiting" alone added, in
    text order; talks held over the phone ("Leaders Talk By Phone") are a phone call."""
    found += told_again.calls_retold(doc, found) + told_again.rounds_retold(doc, found)
    found += _visiting_alone(r, found)
    found = [
        (t, "phone-call" if k == "talks" and conversations.by_phone(t) else k) for t, k in found
    ]
    return sorted(found, key=lambda tk: tk[0].i)


def _visiting_alone(r: EventReader, found: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """ "Visiting President X met ...": where no visit is told otherwise, the first person
    called "visiting" is a visit's guest, told by that word alone."""
    if any(GROUPS[kind] == "visit" for _, kind in found):
        return []
    at = {t.i for t, _ in found}
    tokens = tokens_of(r.doc)
    for tok in (tokens[i] for i in where(r.doc, lower=_VISITING)):
        if tok.i not in at and r.called_visiting(tok):
            return [(tok, "visit")]
    return []


def _noun_kind(r: EventReader, tok: Token, at: set[int]) -> str | None:
    """The event a noun the lexicon did not find tells by the words around it."""
    if tok.pos_ == "NOUN" and tok.lower_ == "exchange" and parties.of_documents(tok):
        return "agreement-signing"  # "the exchange of the memoranda"
    if tok.i in at or (tok.pos_ == "NOUN" and tok.lemma_.lower() not in _NOUN_LEMMAS):
        return None  # (each test below first asks a common noun for one of these words)
    if conversations.call_with(r, tok) or conversations.in_a_call(tok):
        return "phone-call"  # "had a call with X", "In a call on Tuesday, X and Y ..."
    if tok.pos_ == "NOUN" and conversations.reception_by(r, tok):
        return "meeting"  # "during his reception by X"
    if conversations.welcome_given(r, tok):
        return "meeting"  # "gave a warm welcome to X"
    if tok.pos_ == "PROPN" and gatherings.named_gathering(r, tok):
        return "meeting"  # "on the sidelines of the General Assembly"
    if tok.pos_ == "NOUN" and tok.lemma_ == "post" and on_a_platform(tok):
        return "statement"  # "in a Facebook post, the ministry said"
    return None


def _object_told(tok: Token, at: set[int]) -> bool:
    """ "presented his letters of credence to X": the object is an event told of its own
    (the credentials ceremony), not a message whose bearer met X."""
    return any(c.dep_ == "dobj" and c.i in at for c in tok.children)


def _on_arrival(tok: Token) -> bool:
    """ "received at the airport", "welcomed on the tarmac": where a guest arrives."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("at", "on")
        and any(t.lower_ in words("arrival_sites") for t in c.subtree)
        for c in tok.children
    )


def _welcomed_with(tok: Token, ceremonies: set[int]) -> bool:
    """ "received X with a ceremonial reception", "welcomed with a guard of honour"."""
    return any(
        c.dep_ == "prep" and c.lower_ == "with" and any(p.i in ceremonies for p in c.subtree)
        for c in tok.children
    )


def _without_audiences(
    doc: Doc, found: list[tuple[Token, str]], presses: list[tuple[Token, int]]
) -> list[tuple[Token, str]]:
    """Leave out the triggers inside a press audience's phrase ("a press conference" is no
    event of its own) that were found before that audience: one pass down the tree, not
    one pass over all triggers per audience."""
    tree = tree_of(doc)
    latest = [-1] * len(tree.parent)  # the last audience above each token, by when it came
    own = {press.i: when for press, when in presses}
    for i in tree.order:
        above = latest[tree.parent[i]] if tree.parent[i] != i else -1
        latest[i] = max(own.get(i, -1), above)
    return [(t, k) for n, (t, k) in enumerate(found) if latest[t.i] <= n]
