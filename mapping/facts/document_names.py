"""The name of a document as the article writes it: the head noun with its modifiers and
its "of/on/for/between ..." phrases, cut where a clause, a place, a value or another document
begins ("17 agreements in areas ranging from ..."), a proper name it is apposed to ("the Zelora
initiative, an energy cooperation agreement"); and the names told so far, short or long, as
one document (what a document is to do, when its name tells only its kind: document_purposes.py)."""

from __future__ import annotations

import re
from collections.abc import Container

from spacy.tokens import Span, Token

from communique.mapping.entities.entity import Entity
from communique.mapping.facts.document_heads import heads_a_document
from communique.mapping.lexicon import event_lexicon
from communique.mapping.nlp.arrays import where
from communique.mapping.nlp.language import doc_text
from communique.mapping.nlp.tree import Marks, tree_of

_TIMES = frozenset({"DATE", "TIME"})  # entity types

_VALIDITY = re.compile(r"\s+for\s+\d{4}\s*[-–/]\s*\d{4}")
CUT_NAME = re.compile(
    # a comma ends the name, but not one inside a list of its subjects ("on trade, energy
    # and health", "on trade, investment, energy, and youth")
    r"\s+(?:as well as|which|that|to)\s+"
    r"|,\s+(?![\w-]+(?:\s+[\w-]+)?(?:,|\s+and\s+[\w-]+(?:\s+[\w-]+)?$))"
    # a count of agreements "in areas from X to Y": the areas are no part of the name (but
    # the one field of a document stays: "an MoU on cooperation in the field of X")
    r"|\s+in\s+(?:the\s+)?(?:areas|fields|sectors|spheres)\b(?!\s+of\s+(?:the\s+)?[A-Z])"
    r"|\s+in\s+(?:the\s+)?(?:area|field|sector|sphere)\b(?!\s+of\s)"
    r"|\s+worth\s+"  # "agreements worth $2 billion": a value, not a name
    r"|\s+on\s+behalf\s+of\s+"  # "signed a memorandum on behalf of X": who signed
    # "the minutes of the meeting and several cooperation documents": two documents
    r"|\s+and\s+(?=(?:several|various|other|some|a|an|\d+|two|three|four|five)\s)"
    # "an agreement on X with Argentine Foreign Minister Y": the one it is signed with, a
    # person told by title, is no part of its name (a country it is with is: "deals with X")
    r"|\s+with\s+(?=(?:his|her|their|the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}"
    r"(?:Minister|President|Premier|Secretary|Chancellor|Ambassador|counterparts?)\b)"
)
# "... documents in Beijing": where, not what (unless a formal title goes on: see cut_name)
IN_A_NAMED = re.compile(r"\s+(?:in|at)\s+(?=[A-Z])")


def cut_name(span: Span, places: Container[int]) -> str:
    """A document's name as the span gives it, cut where what follows is no part of it
    (CUT_NAME), or at "in/at" and a capitalised word: a place ("signed the MoU in Beijing"),
    unless the name is a formal title going on with words that name no place ("the
    Treaty on Cooperation in Customs Matters"); `places`: the positions of
    the article's places and countries."""
    text = span.text.strip()
    cut = CUT_NAME.split(text)[0]
    formal = span.root.is_title
    for m in IN_A_NAMED.finditer(cut):
        after = span.doc.char_span(span.start_char + m.end(), span.start_char + m.end() + 1,
                                   alignment_mode="expand")  # fmt: skip
        if not formal or after is None or after.start in places:
            return cut[: m.start()]
    return cut


# "some twenty agreements": an approximate count names no document, the documents remain
ABOUT_COUNT = re.compile(
    r"^(?:(?:some|about|around|nearly|approximately|roughly|over|more\s+than|up\s+to)"
    r"\s+(?:\d+|[a-z]+)|several|various|numerous|dozens\s+of)\s+(?=\w)",
    re.IGNORECASE,
)
_CUT_DEPS = {"acl", "relcl", "advcl", "punct", "cc", "conj", "appos"}


def name_span(tok: Token) -> Span:
    """The head with its modifiers: left ones, and `of/on/for/between ...` phrases."""
    doc = tok.doc
    left = tok.i
    for c in tok.lefts:
        if c.dep_ in ("det", "poss", "predet") or c.lower_ in ("new", "landmark", "the", "a"):
            continue
        left = min(left, c.left_edge.i)
        break
    right = tok.i
    for c in tok.rights:
        if _noun_gerund(c):
            right = max(right, c.i)  # "on the prevention of money laundering"
            continue
        if (
            c.dep_ in _CUT_DEPS
            or _a_day(c)
            or _a_frame(c)
            or (c.dep_ == "amod" and _dates_below(c))
        ):
            break  # ("on Sunday", "valid for five years", "on the sidelines of": when, not what)
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "for", "between", "in", "with"):
            right = max(right, c.right_edge.i)
        elif c.dep_ in ("compound", "amod", "nummod") or (c.dep_ == "punct" and c.text == "("):
            right = max(right, c.right_edge.i)
        else:
            break
    nxt = doc[right + 1] if right + 1 < len(doc) else None
    if (
        nxt is not None
        and nxt.lower_ in ("on", "for")
        and nxt.head.i == tok.head.i != tok.i
        and tok.dep_ == "dobj"
        and not _a_day(nxt)
        and not _a_frame(nxt)
    ):
        # "signed a memorandum on X" with "on X" hung on the verb: still what it is about,
        # up to a day told inside it ("... on X on Monday")
        right = _before_a_day(nxt)
    span = _without_markers(_before_a_verb(doc[left : right + 1], tok))
    # "the two ministries’ memorandum": the possessor is a party, not part of the name
    for t in span:
        if t.i < tok.i and t.text in ("’s", "'s", "’", "'"):
            span = doc[t.i + 1 : span.end]
    # "... valid for five years" the parser hung apart: its adjective is no part of the name
    nxt = doc[span.end] if span.end < len(doc) else None
    if len(span) > 1 and span[-1].tag_ == "JJ" and nxt is not None and _dates_below(nxt):
        span = span[:-1]
    # "... for 2024-2026" hung elsewhere by the parser still dates the document
    m = _VALIDITY.match(doc_text(doc), span.end_char)
    if m:
        longer = doc.char_span(span.start_char, m.end(), alignment_mode="expand")
        span = longer if longer is not None else span
    return span


def _before_a_verb(span: Span, tok: Token) -> Span:
    """A verb inside the phrase after its head ends it (not a gerund a preposition takes: "on
    the recognition of driving licences"; nor one with its noun: "money laundering")."""
    for t in span:
        if (
            t.i > tok.i
            and t.pos_ == "VERB"
            and t.dep_ not in ("amod", "compound", "pcomp")
            and not _noun_gerund(t)
        ):
            return span.doc[span.start : t.i]
    return span


def _noun_gerund(t: Token) -> bool:
    """ "money laundering", "capacity building": a gerund with a noun before it is a noun
    (the parser may hang it on the document as a clause)."""
    return t.tag_ == "VBG" and any(k.dep_ == "compound" and k.i == t.i - 1 for k in t.children)


def _without_markers(span: Span) -> Span:
    """The name without the punctuation around it and a list's marker before it."""
    while len(span) > 1 and (span[-1].is_punct and span[-1].text not in (")",)):
        span = span[:-1]
    while len(span) > 1 and span[0].is_punct and span[0].text != "(":
        span = span[1:]  # a list's marker: "- Treaty on ...", "• Agreement on ..."
    if len(span) > 2 and _ENUMERATOR.fullmatch(span[0].text) and span[1].text in (".", ")"):
        span = span[2:]  # a numbered list's: "1. MoU on ...", "b) Agreement on ..."
    elif len(span) > 1 and _MARKED_ENUMERATOR.fullmatch(span[0].text):
        span = span[1:]  # ... written as one word: "i. MoU on ..."
    return span


_ENUMERATOR = re.compile(r"\d{1,2}|[a-h]|[ivx]{1,4}")
_MARKED_ENUMERATOR = re.compile(rf"(?:{_ENUMERATOR.pattern})[.)]")


def _a_day(prep: Token) -> bool:
    """ "signed an agreement on Sunday": a preposition of a day or time, no subject."""
    return prep.dep_ == "prep" and any(
        p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children
    )


def _a_frame(prep: Token) -> bool:
    """ "on the sidelines of", "on the occasion of": the frame of a signing, not a subject."""
    return prep.dep_ == "prep" and any(
        p.dep_ == "pobj" and p.lemma_.lower() in _FRAME_NOUNS for p in prep.children
    )


_FRAME_NOUNS = frozenset(event_lexicon()["words"]["frame_nouns"])


def _before_a_day(prep: Token) -> int:
    """Where a preposition's phrase ends, before a date phrase inside it."""
    days = [t.i for t in prep.subtree if t.dep_ == "prep" and t.i > prep.i and _a_day(t)]
    return min(days) - 1 if days else prep.right_edge.i


def _dates_below(tok: Token) -> bool:
    """Whether tok's phrase holds a date or time (the doc's marked once, not walked)."""
    doc = tok.doc
    marks = doc.user_data.get("communique_date_marks")
    if marks is None:
        times = where(doc, ent_type=_TIMES)
        marks = doc.user_data["communique_date_marks"] = Marks(tree_of(doc), times)
    return marks.in_subtree(tok)


def apposed_name(tok: Token, by_token: dict[int, Entity]) -> Span | None:
    """`the Zelora initiative, an energy cooperation agreement`: a document described in
    apposition to a proper name is named by that name."""
    head = tok.head if tok.dep_ == "appos" else _before_comma(tok)
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.i in by_token:
        return None
    if any(heads_a_document(a) for a in head.ancestors):
        return None  # "an agreement on the X Route, a memorandum on ...": a list, no name
    left = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if head.pos_ == "NOUN" and not left:
        return None
    start = min([head.i, *(c.left_edge.i for c in left)])
    if any(t.i in by_token for t in tok.doc[start : head.i + 1]):
        return None  # "Canada, an agreement partner": a country, not a document
    return tok.doc[start : head.i + 1]


def _before_comma(tok: Token) -> Token | None:
    """The noun right before ", a/an ... <tok>", when the parser did not read an apposition."""
    det = next((c for c in tok.lefts if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("a", "an") or det.i < 2:
        return None
    doc = tok.doc
    return doc[det.i - 2] if doc[det.i - 1].text == "," else None


class Names:
    """The agreement names told so far, and every start of one that ends before a space.
    `Declaration of Principles` and `Declaration of Principles between X and Y` are one
    document, named short and long (the short name of two words or more): whether a new
    name is one told before, short or long, is then a few look-ups, not a comparison with
    each name told."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.heads: set[str] = set()

    def __contains__(self, name: str) -> bool:
        return name in self.names

    def add(self, name: str) -> None:
        self.names.add(name)
        self.heads.update(name[:p] for p, c in enumerate(name) if c == " ")

    def same_as_one(self, name: str) -> bool:
        if name in self.heads and len(name.split()) >= 2:
            return True  # told long before
        return any(
            c == " " and name[:p] in self.names and len(name[:p].split()) >= 2
            for p, c in enumerate(name)
        )  # told short before
