"""The Mention record shared by the mention finders, and the kinds of things mentioned."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

from communique.mapping.nlp.language import text_of, tokens_of

COUNTRY, PERSON, ORG, PLACE = "country", "person", "org", "place"
# last words of the names of venues ("... Palace") and of a country's subdivisions
# ("Xinjiang Uygur Autonomous Region"): general classes, in data/mentions.json
_HEADS = json.loads(
    resources.files("communique.mapping").joinpath("data/mentions.json").read_text("utf-8")
)
VENUE_HEADS = frozenset(_HEADS["venue_heads"])
REGION_HEADS = frozenset(_HEADS["region_heads"])
# last words of bodies' names ("Commission"), of names that are no body ("Treaty"), words
# that make a "... Centre" a body, and lower-case nouns after a name that make it a site
ORG_HEADS = frozenset(_HEADS["org_heads"])
NOT_ORG_HEADS = frozenset(_HEADS["not_org_heads"])
BODY_CENTRE_WORDS = frozenset(_HEADS["body_centre_words"])
VENUE_NOUNS = frozenset(_HEADS["venue_nouns"])
# last words of gatherings held where their name says ("G20 Hangzhou Summit"), and nouns
# of groups a region only qualifies ("Pacific countries")
HELD_HEADS = frozenset(_HEADS["held_heads"])
GROUP_NOUNS = frozenset(_HEADS["group_nouns"])
STANCE_PREFIXES = frozenset(_HEADS["stance_prefixes"])
# "Franco-", "Sino-": a country's name as the first part of a hyphenated adjective
COMBINING_FORMS: dict[str, str] = _HEADS["combining_forms"]
# "the presidential office", "the presidential press service": a head of state's body
PRESIDENTIAL_BODIES = frozenset(_HEADS["presidential_bodies"])
# "telecoms company Telvo", "development bank Norfin": the name after one is a company's
COMPANY_NOUNS = frozenset(_HEADS["company_nouns"])
# "a visit to the Kingdom": nouns that name the country told of again, no place or body
REALM_NOUNS = frozenset(_HEADS["realm_nouns"])
_POSSESSIVE = {"’s", "'s", "’", "'"}


@cache
def words(name: str) -> frozenset[str]:
    """A word class of data/mentions.json (what each holds is said in data/README.md)."""
    return frozenset(_HEADS[name])


# words of titles, no part of a name ("President" before a person's or a town's)
TITLE_WORDS = words("title_words")


@dataclass
class Mention:
    """One span naming something. `key` is what identifies it across the article."""

    kind: str
    start: int  # token offsets in the doc
    end: int
    text: str  # surface form, without "the" and a possessive
    key: str  # ISO3 for a country; the normalized name otherwise
    iso3: str | None = None  # the country it is or belongs to
    via: str = "ner"  # name, demonym, capital, gazetteer, title, ner, pattern
    subkind: str | None = None  # place: city/venue/region; org: international/ministry/...
    extra_names: tuple[str, ...] = field(default_factory=tuple)  # acronyms, other forms
    title_start: int | None = None  # token where a title before a person's name starts

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


# (priority, mention): of two overlapping candidates the lower priority wins
Candidate = tuple[int, Mention]


def trim(span: Span) -> Span:
    """Drop a leading article and a trailing possessive, punctuation or line break (a
    headline's last word, which the model may tag with the break after it)."""
    start, end = span.start, span.end
    doc, toks = span.doc, tokens_of(span.doc)
    while start < end and toks[start].lower_ in ("the", "a", "an") and not _initials(span, start):
        start += 1
    while end > start and (
        toks[end - 1].text in _POSSESSIVE or toks[end - 1].is_punct or toks[end - 1].is_space
    ):
        end -= 1
    return Span(doc, start, end)  # (doc[start:end], without its slice checks)


def _initials(span: Span, start: int) -> bool:
    """ "A K Abdul Momen": a capital A followed by another initial opens a name."""
    doc = span.doc
    if doc[start].text != "A" or start + 1 >= span.end:
        return False
    return _INITIAL.fullmatch(doc[start + 1].text) is not None


_INITIAL = re.compile(r"[A-Z]\.?")
_SOCIAL_PLATFORMS = words("social_platforms")


def on_a_platform(tok: Token) -> bool:
    """ "a Facebook post", "a post on Twitter": a noun whose modifier or "on" names an online
    platform."""
    named = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    named += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children]
    return any(t.text in _SOCIAL_PLATFORMS for t in named)


def online(span: Span) -> bool:
    """ "said on Twitter", "#VisitKaldor", "@mfa_kaldor", "pic.twitter.com/x": a platform a
    statement is posted on, a hashtag, a handle or a link names no one taking part."""
    if not len(span):
        return False
    toks = tokens_of(span.doc)
    first = toks[span.start]
    before = toks[span.start - 1] if span.start else None
    tagged = first.text[0] in "#@" or (
        before is not None and before.text in ("#", "@") and not before.whitespace_
    )
    return text_of(span) in _SOCIAL_PLATFORMS or tagged or first.like_url


def before_a_link(span: Span) -> Span:
    """The span up to a link or a hashtag the model ran into it ("X pic.twitter.com/y")."""
    tail = tokens_of(span.doc)[span.start + 1 : span.end]
    cut = next((t.i for t in tail if t.like_url or t.text[0] in "#@"), span.end)
    return Span(span.doc, span.start, cut)


def bracketed_acronym(span: Span) -> bool:
    """ "the Media Division (PMD)": a word of capitals alone in brackets is the short name
    of what it follows, no person's name."""
    doc = span.doc
    return (
        len(span) == 1
        and 0 < span.start
        and span.end < len(doc)
        and (doc[span.start - 1].text, doc[span.end].text) == ("(", ")")
        and len(span.text) >= 2
        and span.text.isalpha()
        and span.text.isupper()
    )


def no_ones_name(span: Span) -> bool:
    """A platform, hashtag, handle or link, or a bracketed acronym: no person's name."""
    return online(span) or bracketed_acronym(span)
