"""Agreements: the documents an article names ("the Action plan for cooperation between the
foreign ministries of Kazakhstan and Russia for 2023-2024"), their parties, validity and the
signing event that produced them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from communique.mapping.dates import DateValue, find_dates
from communique.mapping.entities import ArticleEntities, Entity
from communique.mapping.events import Event, governing_verb
from communique.mapping.mentions import COUNTRY, ORG
from communique.mapping.nlp import doc_text, sentence_of, tokens_of

HEADS = {
    "agreement",
    "memorandum",
    "memoranda",
    "mou",
    "declaration",
    "program",
    "programme",
    "plan",
    "treaty",
    "accord",
    "protocol",
    "roadmap",
    "road map",
    "convention",
    "charter",
    "contract",
    "communique",
    "communiqué",
    "pact",
    "deal",
}
# heads that name a document only with a noun before them: "an LNG supply deal", not "a good deal"
NEEDS_COMPOUND = {"deal"}
# "a joint statement", "cooperation documents", "the minutes of ...": documents only when signed
SIGNED_ONLY = {"statement", "document", "minute", "minutes"}
GENERIC = {"program", "programme", "plan", "contract", "agreement", "agreements"}
BOTH = re.compile(r"\b(?:both|the two)\s+(?:countries|nations|sides|states|ministries)\b", re.I)
_VALIDITY = re.compile(r"\s+for\s+\d{4}\s*[-–/]\s*\d{4}")
_CUT_NAME = re.compile(
    r"\s+(?:as well as|which|that|to)\s+|,\s+"
    # "17 agreements in areas ranging from ...": the areas are no part of the name
    r"|\s+in\s+(?:the\s+)?(?:areas?|fields?|sectors?|spheres?)\b"
    r"|\s+(?:in|at)\s+(?=[A-Z])"  # "... documents in Beijing": where, not what
    r"|\s+worth\s+"  # "agreements worth $2 billion": a value, not a name
    # "the minutes of the meeting and several cooperation documents": two documents
    r"|\s+and\s+(?=(?:several|various|other|some|a|an|\d+|two|three|four|five)\s)"
)
# "some twenty agreements": an approximate count names no document, the documents remain
_ABOUT_COUNT = re.compile(
    r"^(?:(?:some|about|around|nearly|approximately|roughly|over|more\s+than|up\s+to)"
    r"\s+(?:\d+|[a-z]+)|several|various|numerous|dozens\s+of)\s+(?=\w)",
    re.IGNORECASE,
)
_CUT_DEPS = {"acl", "relcl", "advcl", "punct", "cc", "conj", "appos"}


@dataclass
class Agreement:
    """One agreement as the article names it."""

    name: str
    head: Token
    sentence: Span
    parties: list[Entity] = field(default_factory=list)
    valid_from: DateValue | None = None
    valid_until: DateValue | None = None
    signed_in: Event | None = None


# words that describe a document already named, not name one: "the major bilateral accord"
_RETOLD = {"major", "new", "landmark", "historic", "important", "bilateral", "key", "latest"}
_RETOLD |= {"recent", "earlier", "previous", "same", "significant", "broad", "ambitious"}
_VAGUE = {"other", "many", "some", "these", "those", "such", "various", "all"}
_SIGN = {"signing", "sign", "adopt", "adoption", "conclude", "ink"}


def _is_signed(tok: Token) -> bool:
    """`signed X`, `the signing of X`, `the signing of the minutes of ... and X`."""
    t = tok
    for _ in range(6):
        if t.dep_ not in ("conj", "pobj", "prep", "dobj") or t.head is t:
            return False
        t = t.head
        if t.lemma_.lower() in _SIGN:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def _name_span(tok: Token) -> Span:
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
        if c.dep_ in _CUT_DEPS:
            break
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
        and not any(t.ent_type_ in ("DATE", "TIME") for t in nxt.subtree)
    ):
        # "signed a memorandum on X" with "on X" hung on the verb: still what it is about
        right = nxt.right_edge.i
    # a trailing open bracket or a verb inside the phrase ends it
    span = doc[left : right + 1]
    for t in span:
        if t.i > tok.i and t.pos_ == "VERB" and t.dep_ not in ("amod", "compound"):
            span = doc[left : t.i]
            break
    while len(span) > 1 and (span[-1].is_punct and span[-1].text not in (")",)):
        span = span[:-1]
    # "the two ministries’ memorandum": the possessor is a party, not part of the name
    for t in span:
        if t.i < tok.i and t.text in ("’s", "'s", "’", "'"):
            span = doc[t.i + 1 : span.end]
    # "... for 2024-2026" hung elsewhere by the parser still dates the document
    m = _VALIDITY.match(doc_text(doc), span.end_char)
    if m:
        longer = doc.char_span(span.start_char, m.end(), alignment_mode="expand")
        span = longer if longer is not None else span
    return span


def find_agreements(
    doc: Doc, ents: ArticleEntities, events: list[Event], *, ref: dt.date, main_countries: list[str]
) -> list[Agreement]:
    """Every agreement the article names, linked to its signing event when one is told."""
    by_token = {i: e for e in ents.entities for m in e.mentions for i in range(m.start, m.end)}
    found: list[Agreement] = []
    seen: set[str] = set()
    covered: set[int] = set()
    for tok in tokens_of(doc):
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.i in covered:
            continue  # "a memorandum on a joint programme": the programme is its subject
        if (
            lemma not in HEADS
            and tok.lower_ not in HEADS
            and not (lemma in SIGNED_ONLY and _is_signed(tok))
            and not (tok.lower_ == "letter" and _letter_of_intent(tok))
        ):
            continue
        if lemma in SIGNED_ONLY and any(c.lower_ in _VAGUE for c in tok.children):
            continue  # "many other documents": not one the article names
        counted = any(c.dep_ == "nummod" for c in tok.children)  # "17 agreements"
        if tok.tag_ in ("NNS", "NNPS") and not (tok.is_title or counted or lemma in SIGNED_ONLY):
            continue  # "the agreements reached ...": no one document
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in HEADS:
            continue
        if lemma in NEEDS_COMPOUND and not any(
            c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") for c in tok.children
        ):
            continue
        span = _name_span(tok)
        if len(span) == 1:
            continue  # a bare "the agreement", "the Convention" names nothing new
        if not tok.is_title and all(t.lower_ in _RETOLD for t in span if t.i != tok.i):
            continue  # "the major bilateral accord": a document named before, told again
        if (
            lemma in ("plan", "program", "programme")
            and not _is_signed(tok)
            and not any(t.lower_ in ("cooperation", "action") for t in span)
        ):
            continue
        if any(t.i in by_token and by_token[t.i].kind == ORG for t in (tok,)):
            continue  # "Collective Security Treaty Organization"
        cut = _CUT_NAME.split(span.text.strip())[0]
        name = _ABOUT_COUNT.sub("", cut)
        key = name.casefold()
        if key in seen or key in GENERIC or any(_same_name(key, k) for k in seen):
            continue
        seen.add(key)
        covered.update(t.i for t in span if t.idx < span.start_char + len(cut))
        ag = Agreement(name, tok, sentence_of(doc, tok.i))
        ag.parties = _parties(span, by_token, ents, main_countries, ag.sentence)
        for _, _, value in find_dates(span.text, ref):
            if value.precision == "year":
                ag.valid_from = DateValue(value.value, "year")
                ag.valid_until = DateValue(value.end, "year") if value.end else None
        ag.signed_in = _signing(tok, events)
        if ag.parties:
            found.append(ag)
    return found


def _same_name(a: str, b: str) -> bool:
    """`Declaration of Principles` and `Declaration of Principles between X and Y`: one
    document, named short and long."""
    short, long = sorted((a, b), key=len)
    return len(short.split()) >= 2 and long.startswith(short + " ")


def _letter_of_intent(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1 : tok.i + 3]
    return tok.lower_ == "letter" and [t.lower_ for t in nxt] == ["of", "intent"]


def _parties(
    span: Span,
    by_token: dict[int, Entity],
    ents: ArticleEntities,
    main: list[str],
    sentence: Span | None = None,
) -> list[Entity]:
    """The countries its name gives; else those of its sentence; else the article's two."""
    out: list[Entity] = []
    if sentence is not None and not any(
        (e := by_token.get(t.i)) is not None and e.kind == COUNTRY for t in span
    ):
        told = [by_token[t.i] for t in sentence if t.i in by_token]
        countries = list(dict.fromkeys(e for e in told if e.kind == COUNTRY))
        if len(countries) >= 2:
            return countries
    for t in span:
        e = by_token.get(t.i)
        if e is not None and e.kind == COUNTRY and e not in out:
            out.append(e)
        elif e is not None and e.kind == ORG and e.iso3 and (c := ents.country(e.iso3)):
            if c not in out:
                out.append(c)
    if len(out) < 2 and (BOTH.search(span.text) or not out):
        for iso3 in main:
            c = ents.country(iso3)
            if c is not None and c not in out:
                out.append(c)
    return out


def _signing(tok: Token, events: list[Event]) -> Event | None:
    """The signing event whose trigger governs this agreement's name."""
    signings = [e for e in events if e.kind == "agreement-signing"]
    for e in signings:
        t = e.trigger
        if t.i == tok.head.i or t.i == tok.head.head.i or governing_verb(tok).i == t.i:
            return e
        if t.head.i == tok.i and t.dep_ == "acl":  # "a memorandum ... signed in December"
            return e
    return None
