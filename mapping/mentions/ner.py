"""Reading the statistical NER's entities as mentions, with its usual errors corrected:
venues and towns tagged PERSON, a person or a town tagged ORG, a site named after someone
("the San Martín monument"). People's names (cut at a particle, honorifics taken in) are
mended in persons.py; the words that tell a place are in places.py."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from communique.mapping.entities.titles import (
    lexicon_words,
    only_a_title,
    title_first_words,
)
from communique.mapping.lexicon import document_heads
from communique.mapping.mentions.body_names import acronym_after, org_mention, organization
from communique.mapping.mentions.gazetteers import city_country, country_named, region_named
from communique.mapping.mentions.mention import (
    BODY_CENTRE_WORDS,
    COUNTRY,
    HELD_HEADS,
    NOT_ORG_HEADS,
    ORG_HEADS,
    PLACE,
    REALM_NOUNS,
    REGION_HEADS,
    VENUE_HEADS,
    Mention,
    before_a_link,
    bracketed_acronym,
    online,
    trim,
    words,
)
from communique.mapping.mentions.name_edges import (
    NAME_PARTICLES,
    is_honorific,
    past_an_opening_word,
)
from communique.mapping.mentions.organizations import (
    MEDIA_HEADS,
    body_taken_for_a_person,
    continued_name,
    heads_of_state,
    title_completed,
)
from communique.mapping.mentions.persons import (
    acts_as_person,
    listed_with_persons,
    person,
    person_from_ner,
)
from communique.mapping.mentions.places import (
    SITE_FIRST_WORDS,
    after_locative,
    city,
    in_a_title,
    locative_slot,
    longer_city,
    named_by_next_word,
    place,
    town_after_in,
    venue_after_at,
)
from communique.mapping.nlp.arrays import texts
from communique.mapping.nlp.language import text_of

# lower-case nouns after a name that make it a site: "the San Martín monument"
_DOCUMENT_HEADS = document_heads()
# last words of bodies' names, news agencies' among them
GATHERING_WORDS = words("gathering_words")
ORGAN_WORDS = words("organ_words")  # "Board of Directors": a body's organ, by no name of its own

__all__ = ["BODY_CENTRE_WORDS", "NOT_ORG_HEADS", "from_ner"]


def from_ner(ent: Span) -> list[Mention]:
    """The mentions one NER entity stands for (none, one, or the cities inside it)."""
    span = past_an_opening_word(_cut_at_bracket(trim(before_a_link(ent))))
    label = ent.label_
    if online(span) or all(is_honorific(span.doc, i) for i in range(span.start, span.end)):
        return []  # (nor "H.E. Gen.", honorifics the model took for a name of their own)
    town = town_after_in(span)
    if town is not None:  # a name, then the town it is in
        return [*from_ner(Span(span.doc, span.start, town.start - 1, label)), city(town)]
    if label in ("GPE", "LOC") and (parts := _places_listed(span)):
        # "the village of X, Y District": a place, then the subdivision it lies in
        return [m for part in parts for m in from_ner(Span(span.doc, *part, label))]
    if (venue := venue_after_at(span)) is not None:  # a body, then the venue it sits in
        body = Span(span.doc, span.start, venue.start - 1, label)
        return [*from_ner(body), *from_ner(Span(span.doc, venue.start, venue.end, "FAC"))]
    if label == "ORG" and only_a_title(text_of(span)):
        return []  # ("Consul General of" + a country: an office cut before whose it is)
    if len(span) and (label == "ORG" or (label == "FAC" and span[-1].lower_ in ("of", "for"))):
        # ("the Embassy of" + "Azerbaijan": a building's name cut before its joiner's tail)
        span = continued_name(title_completed(span))
    if not len(span) or (len(span) == 1 and span[0].lower_ in REALM_NOUNS):
        return []  # ("a visit to the Kingdom": the country told of, no place or body)
    if len(span) == 1 and span[0].lower_ in _DOCUMENT_HEADS:
        return []  # ("signed an MoU on ...": a document, no body or building)
    # the words around a name and its last word tell its kind better than the label does
    by_shape = named_by_next_word(span, label)
    if by_shape is None:
        by_shape = _named_by_last_word(span, label)
    if by_shape is not None:
        return by_shape
    if label in ("GPE", "NORP", "LOC", "PERSON", "ORG"):
        rec = country_named(text := text_of(span))
        if rec and (label != "PERSON" or len(span) == 1):
            return [Mention(COUNTRY, span.start, span.end, text, rec.iso3, rec.iso3, "ner")]
    if label == "PERSON" and body_taken_for_a_person(span):
        return [org_mention(span, "org")]
    if label == "PERSON" and bracketed_acronym(span):
        return []  # ("the Media Division (PMD)": the short name of what it follows, no one)
    if label == "PERSON" and _a_documents_subject(span):
        return []  # ("Memorandum of Understanding on Rice Trade": what it is on, no one)
    if label == "PERSON":
        return person_from_ner(span)
    if label == "ORG":
        return _from_org(span)
    if label in ("GPE", "LOC"):
        return _from_place(span, label)
    if label == "FAC":
        return _from_facility(span)
    if label == "NORP" and city_country(text_of(span)) and locative_slot(span):
        return [city(span)]  # "will travel to Mombasa" tagged a people: a known town
    return []


def _places_listed(span: Span) -> list[tuple[int, int]]:
    """The places of a name the model tagged across commas, each of capitalized words."""
    commas = [t.i for t in span if t.text == ","]
    if not commas:
        return []
    bounds = [span.start, *(i + 1 for i in commas)]
    ends = [*commas, span.end]
    parts = list(zip(bounds, ends, strict=True))
    words = span.doc
    if all(b < e and all(words[i].is_title for i in range(b, e)) for b, e in parts):
        return parts
    return []


def _cut_at_bracket(span: Span) -> Span:
    """`the Grand Ethiopian Renaissance Dam (GERD`: the name ends at the bracket."""
    words = texts(span.doc)
    cut = next((i for i in range(span.start + 1, span.end) if words[i] == "("), None)
    return span if cut is None else trim(Span(span.doc, span.start, cut))


def _named_by_last_word(span: Span, label: str) -> list[Mention] | None:
    """A subdivision, a body or a venue told by the last word of its name, or None."""
    last = span[-1].text
    if label in ("ORG", "FAC", "GPE", "LOC") and last in REGION_HEADS and len(span) > 1:
        # "Xinjiang Uygur Autonomous Region", "Kherson Oblast": a country's subdivision
        return [place(span, "region")]
    if last in ("Centre", "Center") and any(t.text in BODY_CENTRE_WORDS for t in span):
        # "Ghana Investment Promotion Centre", "Centre for Strategic Studies": a body
        return [org_mention(span, "org")]
    if label in ("PERSON", "ORG", "FAC", "GPE", "LOC") and last in VENUE_HEADS and len(span) > 1:
        acronym = acronym_after(span)
        return [place(span, "venue", (acronym,) if acronym else ())]
    return None


def _from_org(span: Span) -> list[Mention]:
    """An ORG entity: a body, or the programme, summit, town or person the model took for one."""
    last = span[-1].text
    if last in ("Programme", "Program") and (acronym := acronym_after(span)):
        # "the World Food Programme (WFP)": an acronym makes a programme a body
        return [org_mention(span, "org", names=(acronym,))]
    if last in NOT_ORG_HEADS and last not in HELD_HEADS:
        return []  # "the Lisbon Treaty": no organization, and its city is no place of the article
    if last in NOT_ORG_HEADS:
        # "G20 Hangzhou Summit": no organization, but it may hold a city
        return [
            Mention(PLACE, t.i, t.i + 1, t.text, t.text, rec.iso3, "ner", "city")
            for t in span
            if t.pos_ == "PROPN" and (rec := city_country(t.text)) and not country_named(t.text)
        ]
    if not span[0].is_title and not span[0].is_upper:
        return []
    if only_a_title(text_of(span)) or heads_of_state(span):
        return []  # "the Chairperson reiterated ...": a title alone is no body
    if all(t.lower_ in ORGAN_WORDS for t in span):
        return []  # "Chairman of the Board of Directors of X": an organ of X named in a title
    if _numbered_gathering(span):
        return []  # "the 12th Congress of X": a meeting of X, not a body of its own
    if len(span) > 1 and last in MEDIA_HEADS:
        return [org_mention(span, "org")]  # "Velta Press", "Koravia News": a news agency or paper
    if (
        last not in ORG_HEADS
        and len(span) <= 2
        and not span[-1].is_upper
        and not acronym_after(span)
        and locative_slot(span)
    ):
        # "in Beni and Kolvashi": an unknown town the model took for a body (but no part
        # of a document's title: "... Legal Assistance in Criminal Matters")
        return [] if in_a_title(span) else [city(span)]
    if last not in ORG_HEADS and acts_as_person(span):
        return [person(span)]
    if (name := listed_with_persons(span)) is not None:
        return [person(name)]  # (its country is the gazetteer's to find)
    org = organization(span)
    if last in ORG_HEADS and _title_follows(span) and _portfolio_only(span[:-1]):
        # "Party General Secretary", "Cabinet Secretary", "Defence Cabinet Secretary": the
        # words of a title
        return []
    return [org]


def _numbered_gathering(span: Span) -> bool:
    """One gathering word after an ordinal ("the 9th Congress", "the fifth Assembly")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    return (
        len(span) == 1
        and span[0].lower_ in GATHERING_WORDS
        and before is not None
        and (before.ent_type_ == "ORDINAL" or before.like_num)
    )


@cache
def _title_first_words() -> frozenset[str]:
    """The capitalized words a title may begin with."""
    return frozenset(w for w in title_first_words() if w[:1].isupper())


def _portfolio_only(words: Span) -> bool:
    """Whether the words are a portfolio's ("Defence", "Foreign Affairs"), or none."""
    return all(t.text in lexicon_words("portfolio_words") or t.lower_ == "and" for t in words)


def _title_follows(span: Span) -> bool:
    """Whether a title starts right after the span ("Party" + "General Secretary")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text in _title_first_words()


def _from_place(span: Span, label: str) -> list[Mention]:
    """A GPE or LOC entity that names no country: a city, a region, a site, or nothing."""
    text = text_of(span)
    longer = longer_city(span)
    if longer is not None:  # "Hà" + "Nội": the model cut a city's name short
        return [city(longer)]
    if region_named(text):
        return [place(span, "region")]
    if label == "GPE" and city_country(text):
        return [city(span)]
    if len(span) > 1 and span[0].text in SITE_FIRST_WORDS and not country_named(text):
        # "Lake Victoria", "Mount Kenya", "the Strait of Hormuz"
        return [place(span, "region")]
    if (
        (after_locative(span) or locative_slot(span))
        and all(t.is_title or t.lower_ in NAME_PARTICLES for t in span)
        and not in_a_title(span)
    ):
        # "met him in El Alamein", "the town of Adré": a place not in the gazetteer
        return [place(span, "city")]
    return []


def _from_facility(span: Span) -> list[Mention]:
    """A FAC entity: a known city, a venue, or a lone word that may be a surname."""
    last = span[-1].text
    if last not in VENUE_HEADS and city_country(text_of(span)):
        # "in Hà Nội" tagged a building: a known city
        return [city(span)]
    if len(span) > 1 and span[-1].like_num:
        return []  # "Bali Process 2016": an edition of a gathering, not a building
    if len(span) > 1 and last.lower() in GATHERING_WORDS:
        return []  # "the Astana International Forum": a gathering, no building
    if len(span) > 1 and last not in NOT_ORG_HEADS:
        return [place(span, "venue")]
    # a lone capitalized word the model thought a building: maybe a surname
    return [org_mention(span, "candidate")]


def _a_documents_subject(span: Span) -> bool:
    """A name right after "on" or "for" that follows a document's head a few words before
    ("Agreement on ...", "Memorandum of Understanding on ...")."""
    doc, start = span.doc, span.start
    if start < 2 or doc[start - 1].lower_ not in ("on", "for"):
        return False
    return any(t.lower_ in _DOCUMENT_HEADS for t in doc[max(0, start - 5) : start - 1])
