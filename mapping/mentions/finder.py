"""Mentions: the spans of one parsed article that name a country, person, organization or
place. Gazetteers come first; the statistical NER fills in and is corrected by them
(a demonym tagged PERSON is a country, a title opens a person's name)."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from communique.mapping.mentions import gazetteers as gz
from communique.mapping.mentions.mention import (
    COUNTRY,
    ORG,
    ORG_HEADS,
    PERSON,
    PLACE,
    Candidate,
    Mention,
    trim,
    words,
)
from communique.mapping.mentions.name_edges import initials_in_a_name
from communique.mapping.mentions.ner import from_ner
from communique.mapping.mentions.organizations import (
    formula_forums,
    kin_companies,
    parties_of_documents,
)
from communique.mapping.mentions.patterns import ministries, pattern_mentions
from communique.mapping.mentions.persons import (
    persons_taken_for_places,
    seats_written_with_the,
    surnames_left_out,
)
from communique.mapping.mentions.place_checks import (
    drop_places_in_other_names,
    drop_places_in_person_names,
    qualifies_only,
    regions_of_towns,
    surnames_not_towns,
    towns_in_context,
    with_region_word,
)
from communique.mapping.mentions.places import (
    city,
    longer_city,
    regions_left_out,
    towns_left_out,
)
from communique.mapping.mentions.state_bodies import state_body
from communique.mapping.mentions.titled import title_candidates
from communique.mapping.nlp.language import ents_of, text_of

__all__ = ["COUNTRY", "ORG", "PERSON", "PLACE", "Mention", "find_mentions"]


# names of currencies, which the model takes for organizations or peoples: data/mentions.json
CURRENCY_WORDS = words("currency_words")


def gazetteer_spans(doc: Doc, matcher) -> list[Span]:
    return filter_spans([Span(doc, s, e, label=mid) for mid, s, e in matcher(doc)])


def _from_gazetteer(span: Span) -> Mention | None:
    label, text = span.label_, text_of(span)
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


SITE_FIRST = {"Lake", "Mount", "Mountain", "Cape", "Isle"}

# a body or site of an organization named after it: "African Union Commission"
SUB_BODIES = {"Commission", "Secretariat", "Council", "Court", "Bank"}
SITES = {"headquarters", "Headquarters", "HQ"}


def _sub_body(span: Span) -> Mention | None:
    doc = span.doc
    if span.end >= len(doc):
        return None
    nxt = doc[span.end]
    if nxt.text not in SUB_BODIES and nxt.text not in SITES:
        return None
    whole = trim(doc[span.start : span.end + 1])  # ("the African Union Commission")
    kind, subkind = (PLACE, "venue") if nxt.text in SITES else (ORG, "org")
    text = text_of(whole)
    return Mention(kind, whole.start, whole.end, text, text, None, "pattern", subkind)


def find_mentions(doc: Doc, matcher) -> list[Mention]:
    """Every mention in the doc, non-overlapping, in text order."""
    candidates = _ministry_candidates(doc) + _gazetteer_candidates(doc, matcher)
    titled, title_tokens = title_candidates(doc)
    candidates += titled
    candidates += _ner_candidates(doc, title_tokens)
    # "Minister for Europe and Foreign Affairs X": a region in a title's portfolio is none
    # the article is about
    candidates = [c for c in candidates if not _a_portfolios_region(c[1], title_tokens)]
    candidates += [(0, m) for m in (*pattern_mentions(doc), *kin_companies(doc))]
    candidates += [(0, m) for m in formula_forums(doc)]
    candidates = drop_places_in_person_names(candidates)
    candidates = drop_places_in_other_names(doc, candidates)
    # ("the Sahel states": a region that qualifies a group, which the model may also have
    # read as a person: neither)
    qualifiers = {m.span for _, m in candidates if qualifies_only(doc, m)}
    candidates = [(p, m) for p, m in candidates if m.span not in qualifiers]
    kept = [with_region_word(doc, m) for m in parties_of_documents(doc, _resolve(candidates))]
    kept = persons_taken_for_places(kept)
    kept = surnames_left_out(doc, seats_written_with_the(doc, surnames_not_towns(doc, kept)))
    kept = regions_left_out(doc, towns_left_out(doc, kept))
    return regions_of_towns(doc, towns_in_context(kept))


def _a_portfolios_region(m: Mention, title_tokens: set[int]) -> bool:
    return (
        m.kind == PLACE and m.subkind == "region" and title_tokens.issuperset(range(m.start, m.end))
    )


def _ministry_candidates(doc: Doc) -> list[Candidate]:
    """Ministries found by their shape, before anything else."""
    candidates: list[Candidate] = []
    for span, portfolio, iso3 in ministries(doc):
        span = trim(span)
        ministry = Mention(
            ORG, span.start, span.end, span.text, portfolio, iso3, "pattern", "ministry"
        )
        candidates.append((0, ministry))
    return candidates


def _gazetteer_candidates(doc: Doc, matcher) -> list[Candidate]:
    """The mentions the gazetteer matches stand for."""
    candidates = (_gazetteer_candidate(doc, span) for span in gazetteer_spans(doc, matcher))
    return [c for c in candidates if c is not None]


def _gazetteer_candidate(doc: Doc, span: Span) -> Candidate | None:
    """What one gazetteer match stands for here, or None when it names nothing."""
    if span.label_ not in (gz.COUNTRY, gz.DEMONYM, gz.CAPITAL, gz.REGION):
        sub = _sub_body(span)
        if sub is not None:  # "ASEAN Secretariat", "AU headquarters"
            return 0, sub
    prev = doc[span.start - 1] if span.start else None
    if prev is not None and prev.text in SITE_FIRST:
        # "Lake Victoria", "Mount Kenya": a site named after a place, not that place
        site = doc[prev.i : span.end]
        text = text_of(site)
        return 0, Mention(PLACE, site.start, site.end, text, text, None, "pattern", "region")
    if span.label_ == gz.DEMONYM and _continental(doc, span):
        return None  # "Latin American", "the Ibero-American summit": no country
    if span.label_ == gz.CAPITAL and (longer := longer_city(span)) is not None:
        return 0, city(longer)  # "Santiago de Cuba": another city than the capital
    m = _from_gazetteer(span)
    if (
        m is not None
        and m.kind == ORG
        and (_a_given_name(doc, span) or initials_in_a_name(doc, span))
    ):
        return None
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    body = state_body(doc, span, m) if m else None
    if body is not None:
        return 0, body
    if m and m.kind == COUNTRY and nxt.rstrip("s") in CURRENCY_WORDS:
        return None  # "U.S. dollars", "Chinese yuan": a currency, not the country
    return (1, m) if m else None


_CONTINENTAL = words("continental_prefixes")


def _a_given_name(doc: Doc, span: Span) -> bool:
    """ "Minister Petra Ionescu": a body's short name written as a word (not an acronym) that
    opens a person's name the model tagged is that person's given name."""
    return (
        not span.text.isupper()
        and span.end < len(doc)
        and doc[span.start].ent_type_ == "PERSON"
        and doc[span.end].ent_type_ == "PERSON"
        and doc[span.end].ent_iob_ == "I"
    )


def _continental(doc: Doc, span: Span) -> bool:
    """Whether a continent's or region's word comes right before the demonym, alone or
    with a hyphen ("Latin American", "Ibero-American")."""
    i = span.start - 1
    if i >= 1 and doc[i].text in ("-", "–"):
        i -= 1
    return i >= 0 and doc[i].text.capitalize() in _CONTINENTAL and doc[i].is_alpha


def _ner_candidates(doc: Doc, title_tokens: set[int]) -> list[Candidate]:
    """The corrected NER's mentions, leaving out the words of titles."""
    candidates: list[Candidate] = []
    for ent in ents_of(doc):
        end = len(doc)
        if ent.label_ == "ORG" and title_tokens.intersection(range(ent.start, ent.end)):
            heads = [t.i for t in ent if t.text in ORG_HEADS]
            if not heads:
                continue  # the words of a title ("Minister of National Security") are no body
            # but a body named in it is ("CEO of the Orvan Telegraph Company"), up to its
            # head: not the name the title is of ("... of the European Union Ana X")
            if ent.end - 1 not in title_tokens:
                end = heads[-1] + 1
                ent = Span(doc, ent.start, end, label=ent.label_)
        if ent.label_ == "PERSON" and title_tokens.issuperset(range(ent.start, ent.end)):
            continue  # "State Councilor" is a title, not a name
        candidates.extend((_ner_priority(m), m) for m in from_ner(ent) if m.end <= end)
    return candidates


def _ner_priority(m: Mention) -> int:
    """A named body or a city of several words ranks with the gazetteer; the rest last."""
    named_org = (
        m.kind == ORG
        and m.subkind == "org"
        and (m.end - m.start > 2 or m.iso3 is not None or bool(m.extra_names))
    )
    # "Port Sudan": a city named by the model beats the country inside its name
    long_city = m.kind == PLACE and m.subkind == "city" and m.end - m.start > 1
    return 1 if named_org or long_city else 3


def _resolve(candidates: list[Candidate]) -> list[Mention]:
    """Keep, by priority then length, the mentions that overlap nothing kept before."""
    taken: set[int] = set()
    kept = []
    for _, m in sorted(candidates, key=lambda c: (c[0], -(c[1].end - c[1].start), c[1].start)):
        tokens = set(range(m.start, m.end))
        if tokens & taken:
            # a person span that swallowed a country ("Tajikistan Arlo Venndal"): keep the rest
            continue
        taken |= tokens
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)
