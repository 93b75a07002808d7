"""Agreements: the documents an article names ("the Action plan for cooperation between the
foreign ministries of Kazakhstan and Russia for 2023-2024"), their parties, validity and the
signing event that produced them; which nouns head a document is told in document_heads.py
and how far its name runs in document_names.py."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.entity import ArticleEntities, Entity
from communique.mapping.events.finder import Event, governing_verb
from communique.mapping.facts.document_heads import (
    BARE_MEMORANDA,
    GENERIC,
    KIND_WORDS,
    RETOLD,
    heads_a_document,
    is_signed,
)
from communique.mapping.facts.document_names import (
    ABOUT_COUNT,
    Names,
    apposed_name,
    cut_name,
    name_span,
)
from communique.mapping.facts.document_purposes import purpose_name
from communique.mapping.mentions.finder import COUNTRY, ORG, PLACE
from communique.mapping.mentions.organizations import is_party_slot
from communique.mapping.nlp.arrays import NOMINALS, where
from communique.mapping.nlp.language import sentence_of, tokens_of
from communique.mapping.values.dates import find_dates
from communique.mapping.values.dates.value import DateValue

# "both sides", "the two foreign ministries", "between their governments": the article's two
BOTH = re.compile(
    r"\b(?:both|the two|between their)\s+(?:\w+\s+){0,2}"
    r"(?:countries|nations|sides|states|ministries|governments)\b",
    re.I,
)


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


def find_agreements(
    doc: Doc, ents: ArticleEntities, events: list[Event], *, ref: dt.date, main_countries: list[str]
) -> list[Agreement]:
    """Every agreement the article names, linked to its signing event when one is told."""
    by_token = {i: e for e in ents.entities for m in e.mentions for i in range(m.start, m.end)}
    places = {i for i, e in by_token.items() if e.kind in (PLACE, COUNTRY)}
    found: list[Agreement] = []
    seen = Names()
    covered: set[int] = set()
    signings = _Signings(events)
    in_sentence: dict[int, list[Entity]] = {}  # sentence start -> its countries
    tokens = tokens_of(doc)
    for tok in (tokens[i] for i in where(doc, pos=NOMINALS)):
        if tok.i in covered:
            continue  # "a memorandum on a joint programme": the programme is its subject
        if not heads_a_document(tok):
            continue
        apposed = apposed_name(tok, by_token)
        span = apposed or name_span(tok)
        purpose = purpose_name(tok)
        if _names_no_new_document(tok, span, purpose, by_token):
            continue
        cut = cut_name(span, places)
        name = ABOUT_COUNT.sub("", cut)
        if purpose is not None and _named_by_kind(name, tok):
            name = f"{name} {purpose}"  # "an agreement to buy a stake", "an MoU to set up ..."
        key = name.casefold()
        if key in seen or key in GENERIC or seen.same_as_one(key):
            continue
        seen.add(key)
        named = [t.i for t in span if t.idx < span.start_char + len(cut)]
        if apposed is None and tok.i not in named:
            continue  # ("a full, verifiable declaration": cut before its noun, no name)
        covered.update(named)
        ag = Agreement(name, tok, sentence_of(doc, tok.i))
        # (the annotators' and our consumers' parties are countries: bodies only without
        # one; those of its name as cut, not of the words after it, but for the one it is
        # signed with: "... with Argentine Foreign Minister X")
        with_partner = span.text[len(cut) :].lstrip().startswith("with ")
        ag.parties = _parties(
            doc[span.start : named[-1] + 1] if named and not with_partner else span,
            by_token,
            ents,
            main_countries,
            ag.sentence,
            in_sentence,
        ) or _bodies_between(doc, ents, ag.sentence)
        for _, _, value in find_dates(span.text, ref):
            if value.precision == "year":
                ag.valid_from = DateValue(value.value, "year")
                ag.valid_until = DateValue(value.end, "year") if value.end else None
        ag.signed_in = signings.of(tok)
        if ag.parties:
            found.append(ag)
    return found


def _names_no_new_document(
    tok: Token, span: Span, purpose: str | None, by_token: dict[int, Entity]
) -> bool:
    """A document noun whose words name no document of its own."""
    if len(span) == 1 and purpose is None:
        return True  # a bare "the agreement", "the Convention" names nothing new
    if (
        len(span) > 1
        and purpose is None
        and not tok.is_title
        and all(t.lower_ in RETOLD for t in span if t.i != tok.i)
    ):
        return True  # "the major bilateral accord": a document named before, told again
    if (
        tok.lemma_.lower() in ("plan", "program", "programme")
        and not is_signed(tok)
        and not any(t.lower_ in ("cooperation", "action") for t in span)
    ):
        return True
    e = by_token.get(tok.i)
    return e is not None and e.kind == ORG  # "Collective Security Treaty Organization"


def _named_by_kind(name: str, head: Token) -> bool:
    """A name that tells only what kind of document it is ("agreement", "MoU", "a bilateral
    cooperation agreement", "declaration"), which its purpose, when told, names."""
    if name.casefold() in GENERIC | BARE_MEMORANDA:
        return True
    words = name.casefold().split()
    return head.lower_ in words and all(
        w == head.lower_ or w in RETOLD or w in KIND_WORDS for w in words
    )


def _bodies_between(doc: Doc, ents: ArticleEntities, sentence: Span | None) -> list[Entity]:
    """ "a memorandum signed between the X Institute and the Y Academy": the bodies it is
    signed between give its parties when the article names no country, each as its country
    where the article tells one, else as itself (two or more)."""
    if sentence is None or "between" not in sentence.text:
        return []
    bodies: list[Entity] = []
    for e in ents.by_kind(ORG):
        for m in e.mentions:
            in_it = sentence.start <= m.start < sentence.end
            if in_it and e not in bodies and is_party_slot(doc, m):
                bodies.append(e)
    if len(bodies) < 2:
        return []
    out: list[Entity] = []
    for body in bodies:
        party = (ents.country(body.iso3) if body.iso3 else None) or body
        if party not in out:
            out.append(party)
    return out if len(out) >= 2 else []


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
    named = {id(by_token[t.i]) for t in span if _a_party(t, by_token)}
    between = any(t.lower_ == "between" for t in span)  # (its name tells its parties)
    if sentence is not None and (not named or len(named) < 2 and not between):
        # (one country in its name says what it is about: "MoU on Indonesian workers")
        known = {} if in_sentence is None else in_sentence
        if sentence.start not in known:
            told = [by_token[t.i] for t in sentence if _a_party(t, by_token)]
            known[sentence.start] = list(dict.fromkeys(told))
        countries = list(known[sentence.start])
        if len(countries) >= 2 and named <= {id(c) for c in countries}:
            return countries
    for t in span:
        e = by_token.get(t.i)
        if _a_party(t, by_token) and e not in out:
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


def _a_party(t: Token, by_token: dict[int, Entity]) -> bool:
    """Whether the token is a country's that may be a party: not one a named thing crosses
    or runs through ("a trans-Afghan railway", "the Lamu Port-Juba-Addis corridor")."""
    e = by_token.get(t.i)
    return e is not None and e.kind == COUNTRY and not _across(t) and not _a_stop(t, by_token)


def _across(t: Token) -> bool:
    doc = t.doc
    return t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in _ACROSS


_ACROSS = frozenset({"trans", "cross", "pan"})
_HYPHENS = frozenset({"-", "–"})


def _a_stop(t: Token, by_token: dict[int, Entity]) -> bool:
    """A country among the hyphen-joined stops of a route that has a stop which is a
    place but no country ("Port Velmar-Chad-Sudan", "India-Middle East-Europe"): a hyphen
    between countries or bodies ("the Chad-Sudan agreement", "an EU-Japan pact") joins
    the parties."""
    doc = t.doc
    for step in (-1, 1):
        i = t.i
        while True:
            while 0 <= i + step < len(doc) and by_token.get(i + step) is by_token[t.i]:
                i += step  # to the edge of this stop's words
            hyphen, stop = i + step, i + 2 * step
            if not (0 <= stop < len(doc) and doc[hyphen].text in _HYPHENS):
                break
            other = by_token.get(stop)
            if other is not None and other.kind == ORG:
                return False
            if other is None or other.kind != COUNTRY:
                return doc[stop].pos_ == "PROPN" or doc[stop].is_title
            i = stop
            t = doc[stop]
    return False


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
