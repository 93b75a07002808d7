"""Mentions: the spans of one parsed article that name a country, person, organization or
place. Gazetteers come first; the statistical NER fills in and is corrected by them
(a demonym tagged PERSON is a country, a title opens a person's name)."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from communique.mapping import gazetteers as gz
from communique.mapping.countries import country_by_code
from communique.mapping.gazetteers import city_country, country_named, region_named
from communique.mapping.mention import (
    COUNTRY,
    ORG,
    PERSON,
    PLACE,
    VENUE_HEADS,
    Mention,
    trim,
)
from communique.mapping.nlp import doc_text
from communique.mapping.patterns import ministries, pattern_mentions
from communique.mapping.titles import names_after_titles

__all__ = ["COUNTRY", "ORG", "PERSON", "PLACE", "Mention", "find_mentions"]


ORG_HEADS = {
    "Commission",
    "Committee",
    "Council",
    "Agency",
    "Bank",
    "Fund",
    "Parliament",
    "Assembly",
    "Office",
    "Ministry",
    "Embassy",
    "Union",
    "Organization",
    "Organisation",
    "Forum",
    "Party",
    "Senate",
    "Congress",
    "Institute",
    "University",
    "Corporation",
    "Company",
    "Group",
    "Association",
    "Chamber",
    "Court",
    "Service",
    "Authority",
}
NOT_ORG_HEADS = {
    "Agreement",
    "Declaration",
    "Summit",
    "Treaty",
    "Program",
    "Programme",
    "Plan",
    "Memorandum",
    "MoU",
    "Accord",
    "Charter",
    "Convention",
    "Protocol",
    "Statement",
}
CURRENCY_WORDS = {
    "dollar",
    "yuan",
    "renminbi",
    "rouble",
    "ruble",
    "pound",
    "euro",
    "yen",
    "rupee",
    "lira",
    "won",
    "tenge",
    "som",
    "manat",
    "dirham",
    "riyal",
    "franc",
    "peso",
    "rand",
    "naira",
    "cedi",
    "dong",
    "ringgit",
    "baht",
    "hryvnia",
    "lari",
    "dram",
}


def gazetteer_spans(doc: Doc, matcher) -> list[Span]:
    return filter_spans([Span(doc, s, e, label=mid) for mid, s, e in matcher(doc)])


def _from_gazetteer(span: Span) -> Mention | None:
    label, text = span.label_, span.text
    forms = gz.country_forms()
    if label in (gz.COUNTRY, gz.DEMONYM):
        iso3 = forms[label][text]
        return Mention(
            COUNTRY,
            span.start,
            span.end,
            text,
            iso3,
            iso3,
            "name" if label == gz.COUNTRY else "demonym",
        )
    if label == gz.CAPITAL:
        iso3 = forms[label][text]
        return Mention(PLACE, span.start, span.end, text, text, iso3, "capital", "city")
    if label == gz.REGION:
        return Mention(PLACE, span.start, span.end, text, text, None, "gazetteer", "region")
    entry = gz.organizations()[text]
    return Mention(
        ORG,
        span.start,
        span.end,
        text,
        entry.name,
        None,
        "gazetteer",
        entry.kind,
        tuple(a for a in (*entry.acronyms, text) if a != entry.name),
    )


def _from_ner(ent: Span) -> list[Mention]:
    span = trim(ent)
    if not len(span):
        return []
    text = span.text
    label = ent.label_
    last = span[-1].text
    if label in ("PERSON", "ORG", "FAC", "GPE", "LOC") and last in VENUE_HEADS and len(span) > 1:
        return [Mention(PLACE, span.start, span.end, text, text, None, "ner", "venue")]
    if label in ("GPE", "NORP", "LOC", "PERSON", "ORG"):
        rec = country_named(text)
        if rec and (label != "PERSON" or len(span) == 1):
            return [Mention(COUNTRY, span.start, span.end, text, rec.iso3, rec.iso3, "ner")]
    if label == "PERSON":
        if all(t.is_title or not t.is_alpha for t in span) and any(t.is_alpha for t in span):
            return [Mention(PERSON, span.start, span.end, text, text, None, "ner")]
        return []
    if label == "ORG":
        if last in NOT_ORG_HEADS:
            # "G20 Hangzhou Summit": no organization, but it may hold a city
            return [
                Mention(PLACE, t.i, t.i + 1, t.text, t.text, rec.iso3, "ner", "city")
                for t in span
                if t.pos_ == "PROPN" and (rec := city_country(t.text)) and not country_named(t.text)
            ]
        if not span[0].is_title and not span[0].is_upper:
            return []
        return [
            Mention(
                ORG,
                span.start,
                span.end,
                text,
                text,
                None,
                "ner",
                "org" if last in ORG_HEADS else "candidate",
            )
        ]
    if label in ("GPE", "LOC"):
        if region_named(text):
            return [Mention(PLACE, span.start, span.end, text, text, None, "ner", "region")]
        rec = city_country(text)
        if rec and label == "GPE":
            return [Mention(PLACE, span.start, span.end, text, text, rec.iso3, "ner", "city")]
        return []
    if label == "FAC" and len(span) > 1:
        return [Mention(PLACE, span.start, span.end, text, text, None, "ner", "venue")]
    if label == "FAC":  # a lone capitalized word the model thought a building: maybe a surname
        return [Mention(ORG, span.start, span.end, text, text, None, "ner", "candidate")]
    return []


def find_mentions(doc: Doc, matcher) -> list[Mention]:
    """Every mention in the doc, non-overlapping, in text order."""
    candidates: list[tuple[int, Mention]] = []  # (priority, mention): lower wins
    title_tokens: set[int] = set()
    for span, portfolio in ministries(doc):
        span = trim(span)
        candidates.append(
            (
                0,
                Mention(
                    ORG, span.start, span.end, span.text, portfolio, None, "pattern", "ministry"
                ),
            )
        )
    for span in gazetteer_spans(doc, matcher):
        m = _from_gazetteer(span)
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        if m and m.kind == COUNTRY and nxt.rstrip("s") in CURRENCY_WORDS:
            continue  # "U.S. dollars", "Chinese yuan": a currency, not the country
        if m:
            candidates.append((1, m))
    for t, a, b in names_after_titles(doc_text(doc)):
        span = doc.char_span(a, b, alignment_mode="expand")
        title = doc.char_span(t, a, alignment_mode="contract")
        if title is not None and len(title):
            title_tokens.update(range(title.start, title.end))
        if span is not None:
            span = trim(span)
            if len(span):
                candidates.append(
                    (
                        2,
                        Mention(
                            PERSON,
                            span.start,
                            span.end,
                            span.text,
                            span.text,
                            None,
                            "title",
                            title_start=title.start if title is not None and len(title) else None,
                        ),
                    )
                )
    for ent in doc.ents:
        if ent.label_ == "ORG" and title_tokens.intersection(range(ent.start, ent.end)):
            continue  # the words of a title ("Minister of National Security") are no organization
        for m in _from_ner(ent):
            named_org = m.kind == ORG and m.subkind == "org" and m.end - m.start > 2
            candidates.append((1 if named_org else 3, m))
    for m in pattern_mentions(doc):
        candidates.append((0, m))
    return _resolve(candidates)


def _resolve(candidates: list[tuple[int, Mention]]) -> list[Mention]:
    """Keep, by priority then length, the mentions that overlap nothing kept before."""
    taken: set[int] = set()
    kept = []
    for _, m in sorted(candidates, key=lambda c: (c[0], -(c[1].end - c[1].start), c[1].start)):
        tokens = set(range(m.start, m.end))
        if tokens & taken:
            # a person span that swallowed a country ("Tajikistan Emomali Rahmon"): keep the rest
            continue
        taken |= tokens
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def country_name(iso3: str) -> str:
    rec = country_by_code(iso3)
    return rec.name if rec else iso3
