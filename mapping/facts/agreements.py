"""Agreements: the documents an article names ("the Action plan for cooperation between the
foreign ministries of Kazakhstan and Russia for 2023-2024"), their parties, validity and the
signing event that produced them."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.cluster import ArticleEntities, Entity
from communique.mapping.events.finder import Event, governing_verb
from communique.mapping.mentions.finder import COUNTRY, ORG
from communique.mapping.nlp.language import doc_text, sentence_of, tokens_of
from communique.mapping.nlp.tree import Marks, tree_of
from communique.mapping.values.dates import DateValue, find_dates


def _words(key: str) -> frozenset[str]:
    return frozenset(_LEXICON[key])


# the words of documents' names: general classes, in data/agreements.json
_LEXICON = json.loads(
    resources.files("communique.mapping").joinpath("data/agreements.json").read_text("utf-8")
)
HEADS = _words("heads")
# heads that name a document only with a noun before them: "an LNG supply deal", not "a good deal"
NEEDS_COMPOUND = _words("needs_compound")
# "a joint statement", "cooperation documents", "the minutes of ...": documents only when signed
SIGNED_ONLY = _words("signed_only")
GENERIC = _words("generic")
BOTH = re.compile(r"\b(?:both|the two)\s+(?:countries|nations|sides|states|ministries)\b", re.I)
_VALIDITY = re.compile(r"\s+for\s+\d{4}\s*[-–/]\s*\d{4}")
_CUT_NAME = re.compile(
    # a comma ends the name, but not one inside a list of its subjects ("on trade, energy
    # and health", "on trade, investment, energy, and youth")
    r"\s+(?:as well as|which|that|to)\s+"
    r"|,\s+(?![\w-]+(?:\s+[\w-]+)?(?:,|\s+and\s+[\w-]+(?:\s+[\w-]+)?$))"
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
_RETOLD = _words("retold")
_VAGUE = _words("vague")
_SIGN = _words("sign")
_QUANTITIES = _words("vague_quantities")


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
        and not _dates_below(nxt)
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


def _dates_below(tok: Token) -> bool:
    """Whether tok's phrase holds a date or time (the doc's marked once, not walked)."""
    doc = tok.doc
    marks = doc.user_data.get("communique_date_marks")
    if marks is None:
        times = [t.i for t in tokens_of(doc) if t.ent_type_ in ("DATE", "TIME")]
        marks = doc.user_data["communique_date_marks"] = Marks(tree_of(doc), times)
    return marks.in_subtree(tok)


def find_agreements(
    doc: Doc, ents: ArticleEntities, events: list[Event], *, ref: dt.date, main_countries: list[str]
) -> list[Agreement]:
    """Every agreement the article names, linked to its signing event when one is told."""
    by_token = {i: e for e in ents.entities for m in e.mentions for i in range(m.start, m.end)}
    found: list[Agreement] = []
    seen = _Names()
    covered: set[int] = set()
    signings = _Signings(events)
    in_sentence: dict[int, list[Entity]] = {}  # sentence start -> its countries
    for tok in tokens_of(doc):
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.i in covered:
            continue  # "a memorandum on a joint programme": the programme is its subject
        if not _heads_a_document(tok):
            continue
        lemma = tok.lemma_.lower()
        span = _apposed_name(tok, by_token) or _name_span(tok)
        purpose = _purpose_name(tok)
        if len(span) == 1 and purpose is None:
            continue  # a bare "the agreement", "the Convention" names nothing new
        if (
            len(span) > 1
            and not tok.is_title
            and all(t.lower_ in _RETOLD for t in span if t.i != tok.i)
        ):
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
        if name.casefold() in GENERIC and purpose is not None:
            name = purpose
        key = name.casefold()
        if key in seen or key in GENERIC or seen.same_as_one(key):
            continue
        seen.add(key)
        covered.update(t.i for t in span if t.idx < span.start_char + len(cut))
        ag = Agreement(name, tok, sentence_of(doc, tok.i))
        ag.parties = _parties(span, by_token, ents, main_countries, ag.sentence, in_sentence)
        for _, _, value in find_dates(span.text, ref):
            if value.precision == "year":
                ag.valid_from = DateValue(value.value, "year")
                ag.valid_until = DateValue(value.end, "year") if value.end else None
        ag.signed_in = signings.of(tok)
        if ag.parties:
            found.append(ag)
    return found


def _apposed_name(tok: Token, by_token: dict[int, Entity]) -> Span | None:
    """`the Zelora initiative, an energy cooperation agreement`: a document described in
    apposition to a proper name is named by that name."""
    head = tok.head if tok.dep_ == "appos" else _before_comma(tok)
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.i in by_token:
        return None
    left = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if head.pos_ == "NOUN" and not left:
        return None
    start = min([head.i, *(c.left_edge.i for c in left)])
    if any(t.i in by_token for t in tok.doc[start : head.i + 1]):
        return None  # "Canada, an agreement partner": a country, not a document
    return tok.doc[start : head.i + 1]


def _purpose_name(tok: Token) -> str | None:
    """`an agreement to acquire a stake in X`: a document not named otherwise is named by
    what it is to do (not by "to be signed")."""
    verb = next(
        (
            c
            for c in tok.rights
            if c.dep_ in ("acl", "relcl")
            and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)
            and not any(a.dep_ in ("auxpass", "nsubjpass") for a in c.children)
        ),
        None,
    )
    if verb is None or verb.lemma_ == "be":
        return None
    what = _CUT_NAME.split(tok.doc[verb.i : verb.right_edge.i + 1].text.strip())[0]
    return f"{tok.text} to {what}"


def _before_comma(tok: Token) -> Token | None:
    """The noun right before ", a/an ... <tok>", when the parser did not read an apposition."""
    det = next((c for c in tok.lefts if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("a", "an") or det.i < 2:
        return None
    doc = tok.doc
    return doc[det.i - 2] if doc[det.i - 1].text == "," else None


def _heads_a_document(tok: Token) -> bool:
    """Whether a noun is the head of one document's name."""
    lemma = tok.lemma_.lower()
    if (
        lemma not in HEADS
        and tok.lower_ not in HEADS
        and not (lemma in SIGNED_ONLY and _is_signed(tok))
        and not (tok.lower_ == "letter" and _letter_of_intent(tok))
    ):
        return False
    if lemma in SIGNED_ONLY and any(c.lower_ in _VAGUE for c in tok.children):
        return False  # "many other documents": not one the article names
    if tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _QUANTITIES:
        return False  # "a number of bilateral documents": no one document
    counted = any(c.dep_ == "nummod" for c in tok.children)  # "17 agreements"
    # "signed deals with Malawi": signed with a party, the documents of that signing
    signed_with = _is_signed(tok) and any(
        c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children
    )
    plural = tok.tag_ in ("NNS", "NNPS")
    # "signed agreements on trade and energy": the documents named by their subjects
    signed_on = _is_signed(tok) and any(c.dep_ == "prep" and c.lower_ == "on" for c in tok.children)
    if plural and not (tok.is_title or counted or lemma in SIGNED_ONLY or signed_with or signed_on):
        return False  # "the agreements reached ...": no one document
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in HEADS:
        return False
    return (
        lemma not in NEEDS_COMPOUND
        or signed_with
        or any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") for c in tok.children)
    )


class _Names:
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


def _letter_of_intent(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1 : tok.i + 3]
    return tok.lower_ == "letter" and [t.lower_ for t in nxt] == ["of", "intent"]


def _parties(
    span: Span,
    by_token: dict[int, Entity],
    ents: ArticleEntities,
    main: list[str],
    sentence: Span | None = None,
    in_sentence: dict[int, list[Entity]] | None = None,
) -> list[Entity]:
    """The countries its name gives; else those of its sentence (kept in `in_sentence` by
    the sentence's start); else the article's two."""
    out: list[Entity] = []
    if sentence is not None and not any(
        (e := by_token.get(t.i)) is not None and e.kind == COUNTRY for t in span
    ):
        known = {} if in_sentence is None else in_sentence
        if sentence.start not in known:
            told = [by_token[t.i] for t in sentence if t.i in by_token]
            known[sentence.start] = list(dict.fromkeys(e for e in told if e.kind == COUNTRY))
        countries = list(known[sentence.start])
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


class _Signings:
    """The signing events by where their triggers stand and what those hang from."""

    def __init__(self, events: list[Event]) -> None:
        self.at: dict[int, tuple[int, Event]] = {}  # trigger position -> (order, event)
        self.acl_of: dict[int, tuple[int, Event]] = {}  # head of an "acl" trigger -> same
        for n, e in enumerate(e for e in events if e.kind == "agreement-signing"):
            self.at.setdefault(e.trigger.i, (n, e))
            if e.trigger.dep_ == "acl":
                self.acl_of.setdefault(e.trigger.head.i, (n, e))

    def of(self, tok: Token) -> Event | None:
        """The first signing event whose trigger governs this agreement's name."""
        found = [self.at.get(i) for i in (tok.head.i, tok.head.head.i, governing_verb(tok).i)]
        # "a memorandum ... signed in December"
        found.append(self.acl_of.get(tok.i))
        return min((f for f in found if f is not None), key=lambda f: f[0], default=(0, None))[1]
