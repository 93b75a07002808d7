"""A place word that is no place of the article, and a place named better than the
gazetteer first says: a word of a person's or another thing's name ("Victoria Ansel",
"the Astana International Forum"), a region that qualifies a group ("Pacific countries"),
a surname the model took for a town, a town shared by several countries, a city's name
before "region". Run by the mention finder (mentions/finder.py) over its candidates."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from communique.mapping.mentions import gazetteers as gz
from communique.mapping.mentions.mention import (
    COUNTRY,
    GROUP_NOUNS,
    HELD_HEADS,
    ORG,
    PERSON,
    PLACE,
    STANCE_PREFIXES,
    Candidate,
    Mention,
)
from communique.mapping.nlp.language import ents_of


def _inside_longer(tokens: set[int], m: Mention) -> bool:
    inside = tokens.issuperset(range(m.start, m.end))
    return inside and ((m.start - 1) in tokens or m.end in tokens)


def _hyphen_joined(doc: Doc, m: Mention) -> bool:
    """Part of a hyphenated name ("India-Middle East-Europe Corridor"), not a "Chad-Sudan"
    pair of countries (those are countries, not places)."""
    before = m.start > 1 and doc[m.start - 1].text == "-" and doc[m.start - 2].is_title
    after = m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].is_title
    return before or after


def drop_places_in_person_names(candidates: list[Candidate]) -> list[Candidate]:
    """A word inside a person's name is no place ("Victoria Ansel", "San Martín"), nor a
    country after its first word ("Rui Montenegro Alves"; but "Tajikistan Arlo Venndal" is
    a name that swallowed the country before it), nor a body's short name after its first
    word."""
    names = [
        m for _, m in candidates if m.kind == PERSON and (m.via == "title" or m.end - m.start > 1)
    ]
    in_names = {i for m in names for i in range(m.start, m.end)}
    after_first = {i for m in names for i in range(m.start + 1, m.end)}
    # ("Nagorno Karabakh" read whole as a name: a known region the name is no more than)
    whole = {m.span for m in names if m.via != "title"}
    return [
        (p, m)
        for p, m in candidates
        if not (
            m.kind == PLACE
            and m.subkind != "venue"
            and in_names.issuperset(range(m.start, m.end))
            and not (m.via == "gazetteer" and m.span in whole)
        )
        and not (m.kind == COUNTRY and after_first.issuperset(range(m.start, m.end)))
        # ("President of Colombia, Gustavo Petra": no agency of that short name)
        and not (_a_bodys_short_name(m) and after_first.issuperset(range(m.start, m.end)))
    ]


def _a_bodys_short_name(m: Mention) -> bool:
    """A body the gazetteer knows by a word of its name, not by an acronym ("Petra")."""
    return m.kind == ORG and m.via == "gazetteer" and not m.text.isupper()


def drop_places_in_other_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`the Astana International Forum`, `India-Middle East-Europe Economic Corridor`: a
    place inside another thing's name is not where anything happens."""
    in_other_names = {
        i
        for ent in ents_of(doc)
        if ent.label_ in ("ORG", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART")
        and ent[-1].text not in HELD_HEADS  # "G20 Hangzhou Summit" is held in Hangzhou
        for i in range(ent.start, ent.end)
        if doc[i].is_title and doc[i].lower_ != "the"
    }
    return [
        (p, m)
        for p, m in candidates
        if not (
            m.kind == PLACE
            and m.subkind in ("city", "region", "capital")
            and (_hyphen_joined(doc, m) or _inside_longer(in_other_names, m))
        )
    ]


def towns_in_context(kept: list[Mention]) -> list[Mention]:
    """`Windsor`, `Hanover`: a town's name shared by towns of several countries is the
    town of a country the article names, before the gazetteer's likeliest one; or its
    province, when no town of those countries has the name. A name the model took for a
    person's that is a province or state of a country the article names is that region."""
    context = frozenset(m.iso3 for m in kept if m.kind == COUNTRY and m.iso3)
    return [_region_not_person(m, context) or _in_context(m, context) for m in kept]


def _region_not_person(m: Mention, context: frozenset[str]) -> Mention | None:
    if m.kind != PERSON or m.via != "ner" or m.title_start is not None:
        return None
    regions = gz.subdivision_countries(m.text) & context
    if len(regions) != 1:
        return None
    return Mention(PLACE, m.start, m.end, m.text, m.text, next(iter(regions)), "ner", "region")


def _in_context(m: Mention, context: frozenset[str]) -> Mention:
    if m.kind != PLACE or m.subkind != "city" or m.via == "capital":
        return m
    if iso3 := gz.city_country_in(m.text, context):
        return replace(m, iso3=iso3)
    # ("Bali": a small town elsewhere, and a province of a country the article names)
    regions = gz.subdivision_countries(m.text) & context
    if len(regions) == 1 and m.iso3 not in context:
        return replace(m, iso3=next(iter(regions)), subkind="region")
    return m


def regions_of_towns(doc: Doc, kept: list[Mention]) -> list[Mention]:
    """`Windsor, Ontario`, `London, Ontario`: a place written after a town and a comma that
    is a province or state of a country with a town of that name is that region, and the
    town is that country's (not the likelier town of that name elsewhere)."""
    out: list[Mention] = []
    for m in kept:
        town = out[-1] if out else None
        if (
            m.kind == PLACE
            and town is not None
            and town.kind == PLACE
            and town.subkind in ("city", "capital")
            and town.end + 1 == m.start
            and doc[town.end].text == ","
            and (iso3 := _country_of_both(town, m)) is not None
        ):
            out[-1] = replace(town, iso3=iso3)
            m = replace(m, iso3=iso3, subkind="region")
        out.append(m)
    return out


def _country_of_both(town: Mention, region: Mention) -> str | None:
    """The country that has both a town named as `town` and a region named as `region`."""
    countries = gz.subdivision_countries(region.text)
    if town.iso3 in countries:
        return town.iso3
    found = [c for c in sorted(countries) if gz.city_in(town.text, c)]
    return found[0] if len(found) == 1 else None


def qualifies_only(doc: Doc, m: Mention) -> bool:
    """`Pacific countries`, `the Pacific Island nation`, `the pro-Beijing leader`: a region
    that qualifies a group, or a place that names a stance, is none of the article's places."""
    if m.kind != PLACE or m.subkind not in ("city", "capital", "region"):
        return False
    if m.start > 1 and doc[m.start - 1].text == "-" and doc[m.start - 2].lower_ in STANCE_PREFIXES:
        return True
    nxt = doc[m.end] if m.end < len(doc) else None
    return m.subkind == "region" and nxt is not None and nxt.lower_ in GROUP_NOUNS


def surnames_not_towns(doc: Doc, kept: list[Mention]) -> list[Mention]:
    """`Anand will travel ...`, `Carney's visit` tagged GPE: a word of a person's name found
    elsewhere as a town the model tagged is that person's surname; so is a capital or a town
    of the gazetteer that acts ("Santiago, who arrived ...")."""
    name_words = {doc[i].text for m in kept if m.kind == PERSON for i in range(m.start, m.end)}
    return [
        Mention(PERSON, m.start, m.end, m.text, m.text, None, "ner")
        if m.kind == PLACE
        and m.text in name_words
        and (
            (m.subkind == "city" and m.via == "ner")
            or (m.subkind in ("city", "capital") and _acts(doc[m.start : m.end]))
        )
        else m
        for m in kept
    ]


def _acts(span: Span) -> bool:
    """ "Santiago, who arrived ...", "Santiago's visit": a capital's name as the subject or
    possessor, where a person's surname stands (a capital is often a metonym for its
    government, so a town's test is not enough); also joined to a subject ("Strand and
    Lima met")."""
    root = span.root
    if root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ in ("nsubj", "nsubjpass", "poss")


# lower-case words after a name that make it a subdivision: "the Zhambyl region"
REGION_WORDS = {"region", "province", "oblast", "governorate", "prefecture", "district"}
REGION_WORDS |= {"county", "state", "basin", "delta"}


def with_region_word(doc: Doc, m: Mention) -> Mention:
    """`the Zhambyl region`: the region named after a city, not the city."""
    if m.kind != PLACE or m.subkind not in ("city", "capital", "region") or m.end >= len(doc):
        return m
    nxt = doc[m.end]
    if nxt.lower_ not in REGION_WORDS or not nxt.is_lower:
        return m
    text = doc[m.start : m.end + 1].text
    return Mention(PLACE, m.start, m.end + 1, text, text, m.iso3, m.via, "region")
