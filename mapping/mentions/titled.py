"""Mentions a title finds: the people named after one ("President Arlo Venndal", "the
finance minister, Ilse Marrow"; or before one, "Arlo Venndal, the foreign minister, said"),
and the bodies named after a person styled as a ruler or by an honorific ("the Sheikh Omar
Al-Rashid Diplomatic Institute"), which are no person."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from communique.mapping.entities.name_extent import honorific_words
from communique.mapping.entities.titled_names import names_after_titles
from communique.mapping.entities.titles import lexicon as roles_lexicon
from communique.mapping.mentions.body_names import organization
from communique.mapping.mentions.mention import (
    ORG_HEADS,
    PERSON,
    Candidate,
    Mention,
    no_ones_name,
    trim,
)
from communique.mapping.mentions.name_edges import bracketed_given_names, title_inside_a_name
from communique.mapping.mentions.organizations import continued_name
from communique.mapping.mentions.persons import named_before_titles
from communique.mapping.nlp.language import doc_text


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
                span.text,
                span.text,
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
