"""Mentions a title finds: the people named after one ("President Arlo Venndal", "the
finance minister, Ilse Marrow"; or before one, "Arlo Venndal, the foreign minister, said"),
and the bodies named after a person styled as a ruler or by an honorific ("the Sheikh Omar
Al-Rashid Diplomatic Institute"), which are no person."""

from __future__ import annotations

import re
from functools import cache

from spacy.symbols import PROPN as PROPN_POS
from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.name_extent import honorific_words
from communique.mapping.entities.titled_names import names_after_titles
from communique.mapping.entities.titles import lexicon as roles_lexicon
from communique.mapping.entities.titles import lexicon_words, one_title_ungrouped
from communique.mapping.mentions.body_names import organization
from communique.mapping.mentions.gazetteers import city_country, country_named
from communique.mapping.mentions.mention import (
    ORG_HEADS,
    PERSON,
    TITLE_WORDS,
    Candidate,
    Mention,
    no_ones_name,
    trim,
)
from communique.mapping.mentions.name_edges import (
    NAME_PARTICLES,
    before_a_name,
    bracketed_given_names,
    spaced_initials,
    title_inside_a_name,
)
from communique.mapping.mentions.organizations import continued_name
from communique.mapping.nlp.arrays import where
from communique.mapping.nlp.language import doc_text, text_of, tokens_of

_APPOSITION = frozenset({"appos"})


def title_candidates(doc: Doc) -> tuple[list[Candidate], set[int]]:
    """The people named after a title ("President Arlo Venndal"), the bodies named after a
    styled person, and the titles' tokens."""
    candidates: list[Candidate] = []
    title_tokens: set[int] = set()
    for t, a, b in names_after_titles(doc_text(doc)):
        span = doc.char_span(a, b, alignment_mode="expand")
        title = doc.char_span(t, a, alignment_mode="contract")
        has_title = title is not None and len(title) > 0
        if has_title and title_inside_a_name(doc, title):
            continue  # ("Hossein Amir Abdollahian": a title's word amid one person's name)
        if has_title:
            title_tokens.update(range(title.start, title.end))
        if span is None:
            continue
        span = trim(span)
        if (body := _named_after_a_person(doc, title if has_title else None, span)) is not None:
            candidates.append((0, body))
            continue
        if len(span) and not no_ones_name(span):
            name = Mention(
                PERSON,
                span.start,
                span.end,
                text_of(span),
                text_of(span),
                None,
                "title",
                title_start=title.start if has_title else None,
            )
            candidates.append((2, name))
    candidates += [(2, name) for name in (*named_before_titles(doc), *bracketed_given_names(doc))]
    return candidates, title_tokens


def _named_after_a_person(doc: Doc, title: Span | None, span: Span) -> Mention | None:
    """ "the Sheikh Omar Al-Rashid Diplomatic Institute", "the King Tamer University": a body
    whose name is a person's, styled as a ruler or by an honorific, then its head noun (not
    an office of a body: "Chairperson of the X Commission")."""
    if len(span) < 2 or span[-1].text not in ORG_HEADS:
        return None
    start = span.start if title is None else title.start
    if title is not None and title.text.strip() not in _STYLES:
        return None
    if start and doc[start - 1].is_title and doc[start - 1].text in _STYLES:
        start -= 1
    return organization(continued_name(doc[start : span.end]))


_STYLES = honorific_words() | frozenset(roles_lexicon()["regnal_titles"])


def named_before_titles(doc: Doc) -> list[Mention]:
    """Persons the model missed whose title follows the name as an apposition ("Arlo
    Venndal, the Orvanian foreign minister, said", "Ilse Marrow, Orvania's envoy to ...")."""
    found = []
    tokens = tokens_of(doc)
    for tok in (tokens[i] for i in where(doc, dep=_APPOSITION)):
        if tok.head.i >= tok.i or tok.head.pos != PROPN_POS:
            continue
        span = _compound_name(tok.head)
        if span is not None and _is_title_phrase(tok):
            found.append(Mention(PERSON, span.start, span.end, span.text, span.text, None, "title"))
    return found


def _compound_name(head: Token) -> Span | None:
    """The name of two to four capitalized words that `head` ends, then a comma; None when
    the model found a person in it (read as it found it), an entity of the model's runs
    past it, or it holds a title, a country or a known town."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == head.i:
        start -= 1
    # ("H E Dr Salim al Harthi, Minister of Trade,": honorifics, "H E" written apart among
    # them, and a royal style before a longer name are no words of the name)
    while head.i - start >= 2 and before_a_name(doc, start):
        start += 1 + spaced_initials(doc, start)
    span = doc[start : head.i + 1]
    if not 2 <= len(span) <= 4 or head.i + 1 >= len(doc) or doc[head.i + 1].text != ",":
        return None
    if any(t.ent_type_ == "PERSON" for t in span) or span[0].ent_iob_ == "I":
        return None
    if span.end < len(doc) and doc[span.end].ent_iob_ == "I":
        return None  # an entity of the model's runs past the name
    for k, t in enumerate(span):
        if 0 < k < len(span) - 1 and t.lower_ in NAME_PARTICLES:
            continue  # "Badr al Busaidi"
        if not (t.is_title and t.is_alpha) or t.lower_ in TITLE_WORDS or country_named(t.text):
            return None
        if t.text in _PORTFOLIO_WORDS:
            return None  # ("Minister of National Education X, ...": the title's words)
    if city_country(span.text) or _title_re().match(span.text):
        return None
    return span


_PORTFOLIO_WORDS = lexicon_words("portfolio_words")


def _is_title_phrase(appos: Token) -> bool:
    """True if the apposition's head word is part of a title ("the Orvanian foreign
    minister", "Orvania's envoy to Tarsis")."""
    doc = appos.doc
    phrase = doc[appos.left_edge.i : appos.right_edge.i + 1]
    at = appos.idx - phrase.start_char
    return any(m.start() <= at < m.end() for m in _title_re().finditer(phrase.text))


@cache
def _title_re() -> re.Pattern:
    one = one_title_ungrouped(fold_case=True)
    return re.compile(rf"(?<![\w-])(?i:{one})(?![\w-])")
