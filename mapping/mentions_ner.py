"""Reading the statistical NER's entities as mentions, with its usual errors corrected:
venues and towns tagged PERSON, names cut at a particle, honorifics taken for names, a
person tagged ORG, a site named after someone ("the San Martín monument")."""

from __future__ import annotations

from spacy.tokens import Span

from communique.mapping.gazetteers import city_country, country_named, region_named
from communique.mapping.mention import COUNTRY, ORG, PERSON, PLACE, VENUE_HEADS, Mention, trim

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
    "Secretariat",
    "Bureau",
    "Presidency",
    "Department",
    "Directorate",
    "Board",
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

_VENUE_NOUNS = {h.lower() for h in VENUE_HEADS} | {"headquarters", "temple", "mandir"}


def from_ner(ent: Span) -> list[Mention]:
    """The mentions one NER entity stands for (none, one, or the cities inside it)."""
    span = trim(ent)
    if not len(span):
        return []
    doc = span.doc
    if (
        ent.label_ != "NORP"
        and span.end < len(doc)
        and doc[span.end].lower_ in _VENUE_NOUNS
        and doc[span.end].is_lower
    ):
        # "the San Martín monument", "AU headquarters": a site named after someone or something
        venue = doc[span.start : span.end + 1]
        return [
            Mention(PLACE, venue.start, venue.end, venue.text, venue.text, None, "ner", "venue")
        ]
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
        return _person_from_ner(span)
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
        if last not in ORG_HEADS and _acts_as_person(span):
            return [Mention(PERSON, span.start, span.end, text, text, None, "ner")]
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


# lower-case words inside names ("Ursula von der Leyen", "Juan Ramón de la Fuente")
NAME_PARTICLES = {"von", "van", "der", "den", "de", "la", "le", "da", "dos", "del", "di", "bin"}
NAME_PARTICLES |= {"ibn", "bint", "al", "el", "ter", "du"}
# words of titles and honorifics: "Emir Sheikh" names no one
TITLE_WORDS = {"emir", "amir", "sheikh", "king", "queen", "president", "minister", "prince"}
TITLE_WORDS |= {"sultan", "his", "her", "highness", "excellency", "majesty", "crown", "the"}
# first words of venue names in other languages ("Qasr Al Watan", "Wisma Putra")
VENUE_FIRST = {"Qasr", "Wisma", "Istana", "Palacio", "Palais", "Casa", "Dar", "Beit", "Bayt"}
_LOCATIVE = {"in", "to", "from", "of", "at", "near"}


_PERSON_VERBS = {"meet", "receive", "host", "tell", "say", "invite", "thank", "greet", "call"}


def _acts_as_person(span: Span) -> bool:
    """`met Murat Nurtleu, who ...`: a two- or three-word name the model took for an
    organization, told as a person is."""
    doc = span.doc
    if not 2 <= len(span) <= 3 or not all(t.is_title and t.is_alpha for t in span):
        return False
    nxt = doc[span.end : span.end + 2]
    if len(nxt) == 2 and nxt[0].text == "," and nxt[1].lower_ == "who":
        return True
    root = span.root
    return root.dep_ in ("dobj", "nsubj") and root.head.lemma_.lower() in _PERSON_VERBS


def _person_from_ner(span: Span) -> list[Mention]:
    doc = span.doc
    end = span.end
    # the model often stops at a particle: "Ursula von der" + "Leyen"
    while span[-1].lower_ in NAME_PARTICLES and end < len(doc) and doc[end].is_title:
        end += 1
        span = doc[span.start : end]
    text = span.text
    if all(t.lower_ in TITLE_WORDS or not t.is_alpha for t in span):
        return []
    if span[0].text in VENUE_FIRST and len(span) > 1:
        return [Mention(PLACE, span.start, span.end, text, text, None, "ner", "venue")]
    prev = doc[span.start - 1].lower_ if span.start else ""
    if len(span) == 1 and prev in _LOCATIVE and (rec := city_country(text)):
        # "travel to Busan", "the town of Adré": a place the model took for a name
        return [Mention(PLACE, span.start, span.end, text, text, rec.iso3, "ner", "city")]
    if any(t.is_alpha for t in span) and all(
        t.is_title or not t.is_alpha or t.lower_ in NAME_PARTICLES for t in span
    ):
        return [Mention(PERSON, span.start, span.end, text, text, None, "ner")]
    return []
