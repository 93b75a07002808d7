"""Organizations told by the words around them rather than by their own last word: a name
the model cut before its "of Country" or "for Purpose", the parties "between" which a document
is signed, a company and its parent in "X, a subsidiary of Y", a forum named by a "Region plus
Country" formula, a state's body named by its country ("the Lebanese army", "Ghana's
government")."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.countries import country_name
from communique.mapping.entities.titles import label_of, lexicon, title_first_words
from communique.mapping.mentions import gazetteers as gz
from communique.mapping.mentions.gazetteers import country_named, organizations
from communique.mapping.mentions.mention import (
    ORG,
    ORG_HEADS,
    PLACE,
    Mention,
    trim,
    words,
)
from communique.mapping.nlp.language import doc_text

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
        ent = trim(next(e for e in tail.doc.ents if e.start <= tail[0].i < e.end))
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


# lower-case bodies of a state named by its demonym: "the Lebanese army"
_STATE_BODIES = {"army", "navy", "police", "military", "government", "senate"}
_STATE_BODIES |= {"cabinet", "presidency", "judiciary", "legislature", "embassy"}
_NAMED_BY_COUNTRY = {
    "government": "Government",
    "cabinet": "Cabinet",
    "presidency": "Presidency",
    "embassy": "Embassy",
}
_POSSESSIVES = {"’s", "'s"}


def state_body(doc: Doc, span: Span, country: Mention) -> Mention | None:
    """ "the Lebanese army", "Ghana's government", "the Ghana government": that country's
    own body. A government, cabinet or presidency is named "Government of Ghana" however
    the text puts it, so every form of it is one body."""
    if (of := _body_of_country(doc, span, country)) is not None:
        return of
    i = span.end
    owner = span.label_ == gz.COUNTRY and i + 1 < len(doc) and doc[i].text in _POSSESSIVES
    if owner:
        i += 1
    elif span.label_ == gz.COUNTRY and i < len(doc) and doc[i].lower_ in _NAMED_BY_COUNTRY:
        pass  # "officials of Bhutan government": the country's name said of its body
    elif span.label_ != gz.DEMONYM:
        return None
    if i >= len(doc) or doc[i].lower_ not in _STATE_BODIES or not _body_not_term(doc, i):
        return None
    body = doc[span.start : i + 1]
    # ("Angola's army" is named "Army of Angola": no name keeps the possessive)
    head = _NAMED_BY_COUNTRY.get(doc[i].lower_) or (doc[i].lower_.capitalize() if owner else None)
    key = f"{head} of {country_name(country.iso3)}" if head and country.iso3 else body.text
    return Mention(ORG, body.start, body.end, body.text, key, country.iso3, "demonym", "org")


def _body_of_country(doc: Doc, span: Span, country: Mention) -> Mention | None:
    """ "the government of Sri Lanka" in lower case (in capitals the model tags it a name);
    "the governments of A and B": each one's."""
    k = span.start
    if span.label_ != gz.COUNTRY or k < 2 or not country.iso3:
        return None
    if doc[k - 1].lower_ == "of":
        noun, start = doc[k - 2], k - 2
    elif (noun := _plural_body_of_a_list(span)) is not None:
        start = k  # "... of A and B": B's own words
    else:
        return None
    head = _NAMED_BY_COUNTRY.get(_PLURAL_BODIES.get(noun.lower_, noun.lower_))
    if not noun.is_lower or head is None:
        return None
    key = f"{head} of {country_name(country.iso3)}"
    # (each of several is named as one, not as the words told of all: "governments of A")
    text = key if noun.lower_ in _PLURAL_BODIES else doc[start : span.end].text
    return Mention(ORG, start, span.end, text, key, country.iso3, "demonym", "org")


_PLURAL_BODIES = {"governments": "government", "cabinets": "cabinet", "embassies": "embassy"}


def _plural_body_of_a_list(span: Span) -> Token | None:
    """ "the governments of A and B": the plural noun whose "of" list a later country is in."""
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first is span.root or first.dep_ != "pobj" or first.head.lower_ != "of":
        return None
    noun = first.head.head
    return noun if noun.lower_ in _PLURAL_BODIES and noun.i == first.head.i - 1 else None


def _body_not_term(doc: Doc, i: int) -> bool:
    """`the Brazilian Presidency said`, but not `the French presidency of the EU` (a term of
    office, not a body), a possessor of the body named, nor the first word of a title
    ("Kenyan Cabinet Secretary Rose X")."""
    word = doc[i]
    if not (word.is_lower or word.is_title):
        return False
    if word.is_title and i + 1 < len(doc) and doc[i + 1].text in title_first_words():
        return False
    # "the Turkish Presidency's Directorate": the body named is the one it owns
    return not (i + 1 < len(doc) and doc[i + 1].lower_ in ("of", "'s", "’s"))
