"""Organizations told by the words around them rather than by their own last word: a name
the model cut before its "of Country" or "for Purpose", the parties "between" which a document
is signed, a company and its parent in "X, a subsidiary of Y", a forum named by a "Region plus
Country" formula, a state's body named by its country ("the Lebanese army", "Ghana's
government")."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.titles import label_of, lexicon
from communique.mapping.mentions.gazetteers import country_named, organizations
from communique.mapping.mentions.mention import (
    ORG,
    ORG_HEADS,
    PLACE,
    Mention,
    trim,
    words,
)
from communique.mapping.nlp.language import doc_text, ents_of

# words of the classes below: data/mentions.json (what each holds: data/README.md)
MEDIA_HEADS = words("media_heads")
_MEDIA_NOUNS = words("media_nouns")
_PARTY_SLOT_HEADS = words("party_slot_heads")
_KIN_NOUNS = words("company_kin_nouns")
_FORUM_HEADS = words("forum_heads")
_LEGAL_FORMS = words("legal_forms")
_JOINERS = ("of", "for", "on")
# the longest run of capitalized words taken after "of"/"for"/"on"
_MAX_TAIL = 6


def body_taken_for_a_person(span: Span) -> bool:
    """ "Marlo Info Service", "Velta Press" (a body by its last word), "the Velta newspaper"
    (a paper's or a broadcaster's by the noun after it): a name the model took for a person's."""
    if len(span) > 1 and span[-1].text in MEDIA_HEADS | ORG_HEADS:
        return True
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _MEDIA_NOUNS and doc[span.end].is_lower


def continued_name(span: Span) -> Span:
    """`the Federal Customs Service of` + `Russia`, `Korvan Agency` + `for International
    Development`: the model cut a body's name before what it is "of" or "for"; the name goes
    on through the capitalized words after the joiner (a trailing joiner alone is dropped),
    but a company's name ends at its legal form ("... of Velta Holdings SE" + a person)."""
    span = _joined_tail(span)
    form = next((t for t in span if t.text in _LEGAL_FORMS), None)
    return span if form is None else span.doc[span.start : form.i + 1]


def title_completed(span: Span) -> Span:
    """ "the Office of the Prime" + "Minister": a body's name the model cut inside the title
    it ends with."""
    doc = span.doc
    if span.end < len(doc) and f"{span[-1].text} {doc[span.end].text}".lower() in label_of():
        return doc[span.start : span.end + 1]
    return span


def _joined_tail(span: Span) -> Span:
    doc = span.doc
    if span[-1].lower_ in _JOINERS:
        start = span.end
    elif span[-1].text in ORG_HEADS and span.end < len(doc) and doc[span.end].lower_ in _JOINERS:
        start = span.end + 1
    else:
        return span
    i = start + (start < len(doc) and doc[start].lower_ == "the")
    end = i
    while end < len(doc) and end - i < _MAX_TAIL and _name_word(doc, end, i):
        end += 1
    if end > i and not _tail_of_name(doc[i:end], doc[start - 1].lower_):
        end = i
    if end == i:
        return doc[span.start : span.end - 1] if span[-1].lower_ in _JOINERS else span
    return doc[span.start : end]


def _tail_of_name(tail: Span, joiner: str) -> bool:
    """Whether the words after the joiner go on the name: not a body the model named on its
    own ("of the Communist Party of China", "of the SCO"), nor a place a fund is "for" ("Fund
    for Sudan")."""
    # ("the Communist Party of" + "Vietnam Central Committee": a body is "of the" another,
    # and a country right after "of" ends the first name, whatever the model cut)
    own_body = tail[0].ent_type_ == "ORG" and not (
        tail.doc[tail.start - 1].lower_ == "of" and country_named(tail[0].text)
    )
    if own_body:
        ent = trim(next(e for e in ents_of(tail.doc) if e.start <= tail[0].i < e.end))
        cut = next((t.i for t in ent if t.text == "("), ent.end)  # "Organization (SCO"
        ent = trim(tail.doc[ent.start : cut]) if cut > ent.start else ent
        if ent[-1].text in ORG_HEADS or ent.text.isupper() or ent.text in organizations():
            return False
    if joiner == "of":
        return True
    return not any(t.ent_type_ in ("GPE", "NORP", "LOC") or country_named(t.text) for t in tail)


def _name_word(doc: Doc, j: int, first: int) -> bool:
    """Whether token j goes on a name's tail: a capitalized word that is no date, person or
    title, or "and" between two such words (not before a second country)."""
    t = doc[j]
    if t.lower_ in ("and", "&"):
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        return j > first and nxt is not None and nxt.is_title and not country_named(nxt.text)
    if not (t.is_title or (t.is_upper and len(t) > 1)) or t.ent_type_ in ("DATE", "PERSON"):
        return False
    return t.text not in lexicon()["titles"]


def _slot_root(span: Span) -> Token:
    """The token whose place in the sentence is the span's: its root, up a coordination."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root


def is_party_slot(doc: Doc, m: Mention) -> bool:
    """`a memorandum between the X Academy and the Y Institute`, `signed between A and B`:
    a name "between" which a document is signed is one of its parties."""
    root = _slot_root(doc[m.start : m.end])
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "between":
        return False
    head = prep.head
    for _ in range(3):
        if head.lower_ in _PARTY_SLOT_HEADS or head.text in _PARTY_SLOT_HEADS:
            return True
        # "an agreement on cooperation between A and B": the document the topic belongs to
        if head.dep_ != "pobj" or head.head.lower_ not in _JOINERS:
            return False
        head = head.head.head
    return False


def parties_of_documents(doc: Doc, kept: list[Mention]) -> list[Mention]:
    """A venue or an unsure name (of two words or more) in a document's party slot is an
    organization: `between Trelvik Energy and the Belmora Medical Centre`."""
    if "between" not in doc_text(doc):
        return kept
    out = []
    for m in kept:
        unsure = (m.kind == ORG and m.subkind == "candidate" and m.end - m.start > 1) or (
            m.kind == PLACE and m.subkind == "venue"
        )
        if unsure and is_party_slot(doc, m):
            m = Mention(ORG, m.start, m.end, m.text, m.text, m.iso3, m.via, "org", m.extra_names)
        out.append(m)
    return out


_CAP = r"[A-Z][\w&.-]*"
_NAME = rf"{_CAP}(?:\s+{_CAP}){{0,3}}"


_HEADS_OF = frozenset({"state", "government", "and"})


def heads_of_state(span: Span) -> bool:
    """ "Heads of State and Government": the words of a title after "head(s) of", no body."""
    doc = span.doc
    start = span.start + 2 if span[0].lower_ in ("heads", "head") else span.start
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    rest = doc[start : span.end]
    return before in (["heads", "of"], ["head", "of"]) and all(t.lower_ in _HEADS_OF for t in rest)


@cache
def _kin_re() -> re.Pattern[str]:
    kin = "|".join(sorted(_KIN_NOUNS, key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<child>{_NAME}),\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{kin})\s+of\s+"
        rf"(?:the\s+)?(?:(?:state|government)[- ](?:owned|run|controlled)\s+)?(?P<parent>{_NAME})"
    )


def kin_companies(doc: Doc) -> list[Mention]:
    """`Vostrel Logistics, a subsidiary of Karnov Holding`, `a unit of state-owned Polmar
    Holding`: a company named beside a noun of a company's part, and its parent."""
    text = doc_text(doc)
    if not any(k in text for k in _KIN_NOUNS):
        return []
    out = []
    for m in _kin_re().finditer(text):
        for group in ("child", "parent"):
            if m.group(group) is None:
                continue
            span = doc.char_span(m.start(group), m.end(group), alignment_mode="contract")
            span = _company_words(span) if span is not None else None
            if span is not None and len(span):
                out.append(
                    Mention(ORG, span.start, span.end, span.text, span.text, None, "pattern", "org")
                )
    return out


def _company_words(span: Span) -> Span | None:
    """The span without a country, date or place before the name; None when nothing of a
    company's name is left (a country "of" which something is a unit)."""
    span = trim(span)
    doc = span.doc
    start = span.start
    for t in span:
        if t.ent_type_ in ("GPE", "NORP", "DATE", "LOC") or country_named(t.text):
            start = t.i + 1
    span = doc[start : span.end]
    return span if len(span) and span[0].pos_ == "PROPN" else None


@cache
def _formula_re() -> re.Pattern[str]:
    heads = "|".join(sorted(_FORUM_HEADS, key=len, reverse=True))
    return re.compile(rf"\b(?:{_CAP}\s+){{0,2}}{_CAP}\s+plus\s+(?:{_CAP}\s+){{1,2}}?(?:{heads})\b")


def formula_forums(doc: Doc) -> list[Mention]:
    """`the Central Asia plus Japan Dialogue`: a forum of a region and a partner, named by
    that formula and a word of forums."""
    text = doc_text(doc)
    if " plus " not in text:
        return []
    out = []
    for m in _formula_re().finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is None or not len(span := trim(span)):
            continue
        if span[-1].is_lower:  # "the C5 plus Japan format": the forum is the formula
            span = span[:-1]
        out.append(Mention(ORG, span.start, span.end, span.text, span.text, None, "pattern", "org"))
    return out
