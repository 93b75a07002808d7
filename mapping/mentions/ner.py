"""Reading the statistical NER's entities as mentions, with its usual errors corrected:
venues and towns tagged PERSON, names cut at a particle, honorifics taken for names, a
person tagged ORG, a site named after someone ("the San Martín monument")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from communique.mapping.mentions.gazetteers import city_country, country_named, region_named
from communique.mapping.mentions.mention import (
    COUNTRY,
    ORG,
    PERSON,
    PLACE,
    REGION_HEADS,
    VENUE_HEADS,
    Mention,
    trim,
)

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
    "Diet",
    "Navy",
    "Army",
    "Guard",
    "Guards",
    "Forces",
    "Movement",
    "Front",
    "Federation",
    "Coalition",
    "League",
    "Police",
    "Cabinet",
    "Government",
    "Chancellery",
    "Undersecretariat",
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
    "Partnership",
    "Initiative",
    "Strategy",
    "Framework",
    "Roadmap",
}

_VENUE_NOUNS = {h.lower() for h in VENUE_HEADS} | {"headquarters", "temple", "mandir"}


def from_ner(ent: Span) -> list[Mention]:
    """The mentions one NER entity stands for (none, one, or the cities inside it)."""
    span = trim(ent)
    doc = span.doc
    # "the Grand Ethiopian Renaissance Dam (GERD": the name ends at the bracket
    cut = next((t.i for t in span if t.text == "(" and t.i > span.start), None)
    if cut is not None:
        span = trim(doc[span.start : cut])
    if not len(span):
        return []
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
    if (
        label in ("PERSON", "GPE", "LOC", "ORG", "FAC", "NORP")
        and span.end < len(doc)
        and (_crossing(span) if label == "NORP" else doc[span.end].lower_ in _SITE_NEXT)
        and len(span) <= 3
        and not country_named(text)
    ):
        # "the Dorohusk border crossing", "the Teesta river": the place the noun is named by
        if doc[span.end].lower_ in _AREA_NEXT:  # "the Schengen area": an area, with its word
            area = doc[span.start : span.end + 1]
            return [
                Mention(PLACE, area.start, area.end, area.text, area.text, None, "ner", "region")
            ]
        return [Mention(PLACE, span.start, span.end, text, text, None, "ner", "venue")]
    if label in ("ORG", "FAC", "GPE", "LOC") and last in REGION_HEADS and len(span) > 1:
        # "Xinjiang Uygur Autonomous Region", "Kherson Oblast": a country's subdivision
        return [Mention(PLACE, span.start, span.end, text, text, None, "ner", "region")]
    if last in ("Centre", "Center") and any(t.text in BODY_CENTRE_WORDS for t in span):
        # "Ghana Investment Promotion Centre", "Centre for Strategic Studies": a body
        return [Mention(ORG, span.start, span.end, text, text, None, "ner", "org")]
    if label in ("PERSON", "ORG", "FAC", "GPE", "LOC") and last in VENUE_HEADS and len(span) > 1:
        acronym = acronym_after(span)
        names = (acronym,) if acronym else ()
        return [Mention(PLACE, span.start, span.end, text, text, None, "ner", "venue", names)]
    if label in ("GPE", "NORP", "LOC", "PERSON", "ORG"):
        rec = country_named(text)
        if rec and (label != "PERSON" or len(span) == 1):
            return [Mention(COUNTRY, span.start, span.end, text, rec.iso3, rec.iso3, "ner")]
    if label == "PERSON":
        return _person_from_ner(span)
    if label == "ORG":
        if last in ("Programme", "Program") and (acronym := acronym_after(span)):
            # "the World Food Programme (WFP)": an acronym makes a programme a body
            return [Mention(ORG, span.start, span.end, text, text, None, "ner", "org", (acronym,))]
        if last in NOT_ORG_HEADS:
            # "G20 Hangzhou Summit": no organization, but it may hold a city
            return [
                Mention(PLACE, t.i, t.i + 1, t.text, t.text, rec.iso3, "ner", "city")
                for t in span
                if t.pos_ == "PROPN" and (rec := city_country(t.text)) and not country_named(t.text)
            ]
        if not span[0].is_title and not span[0].is_upper:
            return []
        if (
            last not in ORG_HEADS
            and len(span) <= 2
            and not span[-1].is_upper
            and not acronym_after(span)
            and _locative_slot(span)
        ):
            # "in Beni and Kolvashi": an unknown town the model took for a body
            return [_city(span)]
        if last not in ORG_HEADS and _acts_as_person(span):
            return [Mention(PERSON, span.start, span.end, text, text, None, "ner")]
        if len(span) == 1 and last in ORG_HEADS and span.start and doc[span.start - 1].is_title:
            if country_named(doc[span.start - 1].text):  # "Japanese" + "Diet"
                span = doc[span.start - 1 : span.end]
                text = span.text
        acronym = acronym_after(span)
        if last not in ORG_HEADS and _headed_of(span):
            # "Government of Timor-Leste", "Office of the President"
            last = next(t.text for t in span if t.text in ORG_HEADS)
        # "the Philippine Senate", "Japanese Diet": a country's own body
        rec = country_named(span[0].text) if len(span) > 1 and last in ORG_HEADS else None
        return [
            Mention(
                ORG,
                span.start,
                span.end,
                text,
                text,
                rec.iso3 if rec else None,
                "ner",
                "org" if last in ORG_HEADS or acronym else "candidate",
                (acronym,) if acronym else (),
            )
        ]
    if label in ("GPE", "LOC"):
        longer = _longer_city(span)
        if longer is not None:  # "Hà" + "Nội": the model cut a city's name short
            return [_city(longer)]
        if region_named(text):
            return [Mention(PLACE, span.start, span.end, text, text, None, "ner", "region")]
        if label == "GPE" and city_country(text):
            return [_city(span)]
        if len(span) > 1 and span[0].text in _SITE_FIRST and not country_named(text):
            # "Lake Victoria", "Mount Kenya", "the Strait of Hormuz"
            return [Mention(PLACE, span.start, span.end, text, text, None, "ner", "region")]
        if (_after_locative(span) or _locative_slot(span)) and all(
            t.is_title or t.lower_ in NAME_PARTICLES for t in span
        ):
            # "met him in El Alamein", "the town of Adré": a place not in the gazetteer
            return [Mention(PLACE, span.start, span.end, text, text, None, "ner", "city")]
        return []
    if label == "FAC" and last not in VENUE_HEADS and city_country(text):
        # "in Hà Nội" tagged a building: a known city
        return [_city(span)]
    if label == "FAC" and len(span) > 1 and last not in NOT_ORG_HEADS:
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


_SITE_FIRST = {"Lake", "Mount", "Mountain", "Strait", "Gulf", "Cape", "Bay", "Sea", "Isle"}
_PLACE_NOUNS = {"town", "city", "village", "district", "province", "region", "port"}
_PLACE_NOUNS |= {"towns", "cities", "villages", "districts", "provinces", "regions", "ports"}


def _after_locative(span: Span) -> bool:
    """`in El Alamein`, `near Kidal`, `the town of Adré`: the words before a place name."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return False
    if doc[i].lower_ in ("in", "at", "near"):
        return True
    return doc[i].lower_ == "of" and i > 0 and doc[i - 1].lower_ in _PLACE_NOUNS


# heads of "to"/"from" that make their object a destination or origin: "flew on to Lae"
_MOTION = {"travel", "go", "fly", "head", "arrive", "return", "move", "come", "trip", "visit"}
_MOTION |= {"journey", "tour", "drive", "proceed", "continue", "depart", "leave", "sail"}


def _locative_slot(span: Span) -> bool:
    """`in Beni and Kasindi`, `travelled to Desaguadero and El Alto`: the object, or a
    conjunct of the object, of a preposition of place."""
    tok = _first_conjunct(span.root)
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in ("in", "at", "near", "outside"):
        return True
    if prep.lower_ in ("to", "from"):
        return prep.head.lemma_.lower() in _MOTION
    return prep.lower_ == "of" and prep.head.lower_ in _PLACE_NOUNS


def _first_conjunct(tok: Token) -> Token:
    """The first of a run of conjuncts (A of "in A, B and C"); each step of a run is walked
    once per doc, however many names of a long list ask."""
    firsts: dict[int, int] = tok.doc.user_data.setdefault("communique_first_conjuncts", {})
    path, t = [], tok
    while t.i not in firsts and t.dep_ == "conj":
        path.append(t.i)
        t = t.head
    first = firsts.get(t.i, t.i)
    firsts.update(dict.fromkeys(path, first))
    return tok.doc[first]


# words that make a "... Centre" an agency or institute rather than a building
BODY_CENTRE_WORDS = {"Investment", "Promotion", "Research", "Studies", "Strategic", "Innovation"}
BODY_CENTRE_WORDS |= {"Information", "Training", "Coordination", "Monitoring", "Analysis"}


def _city(span: Span) -> Mention:
    """A town or city the model tagged, with its country when the gazetteer knows it."""
    rec = city_country(span.text)
    return Mention(
        PLACE, span.start, span.end, span.text, span.text, rec.iso3 if rec else None, "ner", "city"
    )


def _longer_city(span: Span) -> Span | None:
    """The span with the one or two capitalized words after it, when that names a city."""
    doc = span.doc
    for n in (2, 1):
        end = span.end + n
        if end <= len(doc) and all(t.is_title for t in doc[span.end : end]):
            longer = doc[span.start : end]
            if city_country(longer.text) is not None:
                return longer
    return None


def _headed_of(span: Span) -> bool:
    """`Government of Timor-Leste`, `Office of the President`, `National Assembly of
    Armenia`, `Communist Party of China`: an organization noun, then "of"."""
    return any(
        span[i].text in ORG_HEADS and span[i + 1].lower_ == "of"
        for i in range(min(2, len(span) - 2))
    )


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


# words after a name that make it a place: "the Medyka border crossing", "the Teesta river"
_SITE_NEXT = {"border", "river", "crossing", "checkpoint", "dam", "valley", "basin", "canal"}
_SITE_NEXT |= {"airport", "lake", "corridor", "barrage", "strait", "mountains", "desert"}
_AREA_NEXT = {"area", "zone"}
_SITE_NEXT |= _AREA_NEXT
# a name the model took for a people: "the Rafah crossing", "the Rafah border crossing"
_CROSSINGS = {"crossing", "checkpoint", "post"}


def _crossing(span: Span) -> bool:
    nxt = [t.lower_ for t in span.doc[span.end : span.end + 2]]
    return nxt[0] in _CROSSINGS or (nxt[:1] == ["border"] and nxt[1:] and nxt[1] in _CROSSINGS)


# honorifics written before a name: "H.E. Mr. Kay Rala Xanana Gusmão", "Rt Hon David Lammy"
HONORIFIC_WORDS = {"h.e.", "h.e", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "rt"}
HONORIFIC_WORDS |= {"rt.", "hon", "hon.", "honourable", "honorable", "right", "excellency"}


def acronym_after(span: Span) -> str | None:
    """`Central Agency for Public Mobilization and Statistics (CAPMAS)`: an acronym in
    brackets right after a capitalized name defines it (its first letter is the name's)."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
        return None
    acr = doc[span.end + 1].text
    if not (2 <= len(acr) <= 12 and acr[:1].isupper() and acr.replace("/", "").isupper()):
        return None
    return acr if acr[0] == span[0].text[0] else None


def _person_from_ner(span: Span) -> list[Mention]:
    doc = span.doc
    start, end = span.start, span.end
    while end - start > 1 and doc[start].lower_ in HONORIFIC_WORDS:
        start += 1
    if end - start > 2 and doc[start].lower_ == "sheikh":
        start += 1  # "Sheikh Tamim bin Hamad", but "Sheikh Hasina" keeps the word
    while end < len(doc):
        nxt = doc[end]
        if span[-1].lower_ in NAME_PARTICLES and nxt.is_title:
            end += 1  # the model often stops at a particle: "Ursula von der" + "Leyen"
        elif nxt.lower_ in NAME_PARTICLES and end + 1 < len(doc) and doc[end + 1].is_title:
            end += 2  # "Reema" + "bint Bandar"
        elif nxt.pos_ == "PROPN" and nxt.is_title and not nxt.ent_type_ and nxt.is_alpha:
            if nxt.lower_ in TITLE_WORDS or country_named(nxt.text):
                break
            end += 1  # "Kay Rala" + "Xanana Gusmão"
        else:
            break
        span = doc[start:end]
    span = doc[start:end]
    text = span.text

    if all(t.lower_ in TITLE_WORDS or not t.is_alpha for t in span):
        return []
    if span[0].text in VENUE_FIRST and len(span) > 1:
        return [Mention(PLACE, span.start, span.end, text, text, None, "ner", "venue")]
    prev = doc[span.start - 1].lower_ if span.start else ""
    if len(span) == 1 and prev in _LOCATIVE and city_country(text):
        # "travel to Busan", "the town of Adré": a place the model took for a name
        return [_city(span)]
    if (
        len(span) <= 2
        and _locative_slot(span)
        and not (span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s"))
    ):
        # "in Beni and Kasindi", "travelled to Desaguadero": a town the model took for a name
        return [_city(span)]
    if any(t.is_alpha for t in span) and all(
        t.is_title or not t.is_alpha or t.lower_ in NAME_PARTICLES for t in span
    ):
        return [Mention(PERSON, span.start, span.end, text, text, None, "ner")]
    return []
