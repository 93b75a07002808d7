"""Events told with a saying: one said after it ("X said after talks with Y that ...",
"Speaking after talks with Y, X said") is the sayer's and takes the saying's day; a body
that closes its sentence as the source of what came before ("..., the Foreign Ministry
said.") is no party to it; nor is one who only reports, or a transcript's speaker label."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from communique.mapping.events.base import REPORTING
from communique.mapping.nlp.arrays import where
from communique.mapping.nlp.language import sentence_of, tokens_of

_COLON = frozenset({":"})


def sayer_after(tok: Token) -> list[Token]:
    """ "X said that ..., after meeting Y": an event set off by a comma at the end of what
    was said, or told before it ("said after talks with Y that ..."), and told as before the
    saying, is the sayer's (the parser hangs it on the verb of what was said, whose subject,
    "his country", is no one who met)."""
    saying = saying_after(tok)
    return [] if saying is None else [c for c in saying.children if c.dep_ == "nsubj"]


def saying_after(tok: Token) -> Token | None:
    """The reporting verb of `sayer_after`, or None."""
    prep = tok.head
    if tok.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("after", "following"):
        return None
    said = prep.head
    if said.dep_ not in ("ccomp", "advcl") or said.head.lemma_.lower() not in REPORTING:
        return None
    if said.tag_ == "VBG" and said.lemma_.lower() in _SPEAKING and said.i < said.head.i:
        return said.head  # "Speaking after talks with Y on Monday, X said ..."
    opening = [c.i for c in said.children if c.dep_ in _OPENING and c.i != prep.i]
    if opening and prep.i < min(opening):
        return said.head
    return said.head if prep.i > 0 and tok.doc[prep.i - 1].text == "," else None


_OPENING = ("mark", "nsubj", "nsubjpass")  # the words that open what was said
# the participles that open a saying: "Speaking after ...", "Addressing reporters after ..."
_SPEAKING = frozenset({"speak", "address", "talk"})


_SOURCE_TAIL = 6  # words a closing "X said" may have after it: "on Tuesday", "in a statement"


def closing_source(t: Token) -> bool:
    """Whether t ends a name set off by a comma that closes its sentence as the source of
    what came before it: "..., the Foreign Ministry reported (on Monday)." """
    doc = t.doc
    after = t.i + 1
    if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
        after += 3  # "the Presidential Press Office (PPO) said"
    if after >= len(doc):
        return False
    verb = doc[after]
    if verb.lemma_.lower() not in REPORTING or verb.tag_ not in ("VBD", "VBZ"):
        return False
    end = sentence_of(doc, verb.i).end
    tail = doc[verb.i + 1 : end]
    if len(tail) > _SOURCE_TAIL or any(w.pos_ in ("VERB", "AUX") or w.is_quote for w in tail):
        return False
    start = t.i
    while start > 0 and start > t.i - _SOURCE_TAIL and doc[start - 1].text != ",":
        start -= 1
    return start > 0 and doc[start - 1].text == ","


def reporting_subject(tok: Token) -> bool:
    """Whether a name is the subject of a reporting verb ("spokesman X said"), its title or
    the rest of the name in between."""
    for _ in range(4):
        if tok.dep_ == "nsubj":
            return tok.head.lemma_.lower() in REPORTING
        if tok.dep_ not in ("compound", "flat", "appos") or tok.head == tok:
            return False
        tok = tok.head
    return False


def speaker_labels(doc: Doc) -> frozenset[int]:
    """The tokens of the speakers' labels of a transcript ("Lin Hao: ...", "Question: ..."):
    up to four capitalized words opening a paragraph, then a colon."""
    labels: set[int] = set()
    tokens = tokens_of(doc)
    for t in (tokens[i] for i in where(doc, orth=_COLON)):
        if t.i == 0:
            continue
        start = t.i
        while start > 0 and t.i - start < 4 and doc[start - 1].is_title:
            start -= 1
        if start < t.i and (start == 0 or "\n" in doc[start - 1].text_with_ws):
            labels.update(range(start, t.i))
    return frozenset(labels)
