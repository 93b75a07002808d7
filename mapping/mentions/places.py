"""Telling a place from the words around it, for the NER corrections: a town in a slot of
place ("in Beni and Kasindi"), a city whose name the model cut short ("Hà" + "Nội"), a site
named by the noun after it ("the Teesta river", "the Rafah crossing")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from communique.mapping.mentions.gazetteers import city_country, country_named
from communique.mapping.mentions.mention import (
    NOT_ORG_HEADS,
    PLACE,
    REALM_NOUNS,
    REGION_HEADS,
    TITLE_WORDS,
    VENUE_HEADS,
    VENUE_NOUNS,
    Mention,
    words,
)
from communique.mapping.nlp.arrays import PROPER, UNTAGGED, texts, where
from communique.mapping.nlp.language import text_of, tokens_of

# first words of natural sites ("Lake ...", "the Strait of ..."), nouns of settlements,
# heads of "to"/"from" that make their object a destination or origin ("flew on to ..."),
# and words after a name that make it a site ("the ... border crossing") or an area ("the
# ... zone"): data/mentions.json
SITE_FIRST_WORDS = words("site_first_words")
_PLACE_NOUNS = words("place_nouns")
_MOTION = words("motion_words")
_LINKING = words("linking_verbs")
_ROUTE_NOUNS = words("route_nouns")
AREA_NEXT = words("area_next_words")
SITE_NEXT = words("site_next_words") | AREA_NEXT
# a name the model took for a people: "the Rafah crossing", "the Rafah border crossing"
_CROSSINGS = {"crossing", "checkpoint", "post"}


def place(span: Span, subkind: str, names: tuple[str, ...] = ()) -> Mention:
    """A place the model tagged, of this subkind (city, venue, region), country unknown."""
    text = text_of(span)
    return Mention(PLACE, span.start, span.end, text, text, None, "ner", subkind, names)


def city(span: Span) -> Mention:
    """A town or city the model tagged, with its country when the gazetteer knows it."""
    text = text_of(span)
    rec = city_country(text)
    iso3 = rec.iso3 if rec else None
    return Mention(PLACE, span.start, span.end, text, text, iso3, "ner", "city")


def town_after_in(span: Span) -> Span | None:
    """ "the Leaders' Retreat in Putrajaya" tagged as one name: the known town after a
    lower-case "in" that ends it (not "Co-operation in Europe": no town)."""
    words = texts(span.doc)
    for i in range(span.start + 1, span.end - 1):
        if words[i] == "in":
            tail = Span(span.doc, i + 1, span.end)
            return tail if city_country(text_of(tail)) and tail[0].is_title else None
    return None


def venue_after_at(span: Span) -> Span | None:
    """ "the Directorate of Press at State House" tagged as one name: the venue after a
    lower-case "at" that ends it (a body, then where it sits)."""
    words = texts(span.doc)
    for i in range(span.start + 1, span.end - 1):
        if words[i] == "at":
            tail = Span(span.doc, i + 1, span.end)
            return tail if tail[0].is_title and words[span.end - 1] in VENUE_HEADS else None
    return None


def town_cut_short(span: Span) -> Span | None:
    """ "between Johor" + "Bahru": the model took a town's last word for a name; the
    capitalized word before it, of no entity, completes the name of a known town."""
    doc = span.doc
    if len(span) > 2 or not span.start:
        return None
    before = doc[span.start - 1]
    if not before.is_title or before.ent_type_ or before.lower_ in TITLE_WORDS:
        return None
    town = doc[span.start - 1 : span.end]
    return town if city_country(town.text) else None


def after_a_town(span: Span) -> bool:
    """The span is a conjunct of a place the model tagged, or of a town it cut short."""
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.i == span.root.i:
        return False
    if first.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    doc, start = span.doc, first.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return town_cut_short(doc[start : first.i + 1]) is not None


# lower-case words inside a city's name ("Santiago de Cuba", "Ciudad del Este")
_CITY_PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "la", "el", "es", "sur"})


def longer_city(span: Span) -> Span | None:
    """The span with the capitalized words after it (one to three, particles among them),
    when that names a city: "Santiago de Cuba" is no "Santiago"."""
    doc = span.doc
    for n in (3, 2, 1):
        end = span.end + n
        if end > len(doc) or not doc[end - 1].is_title:
            continue
        if all(t.is_title or t.lower_ in _CITY_PARTICLES for t in doc[span.end : end]):
            longer = doc[span.start : end]
            if city_country(text_of(longer)) is not None:
                return longer
    return None


def after_locative(span: Span) -> bool:
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


def in_a_title(span: Span) -> bool:
    """ "the Treaty on Cooperation in Customs Matters": the words after "in"
    go on a document's formal title (each word up to its head capitalised), no place."""
    tok = span.root
    if tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return False
    t = tok.head.head
    for _ in range(6):
        if not t.is_title:
            return False
        if t.text in NOT_ORG_HEADS:
            return True
        if t.dep_ not in ("pobj", "conj") or t.head == t:
            return False
        t = t.head.head if t.dep_ == "pobj" else t.head
    return False


def locative_slot(span: Span) -> bool:
    """`in Beni and Kasindi`, `travelled to Desaguadero and El Alto`, `a bridge linking A and
    B`: the object, or a conjunct of the object, of a preposition of place or of a route."""
    tok = _first_conjunct(span.root)
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _LINKING and tok.pos_ == "PROPN":
        return True  # "a bridge linking A and B"
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "between" and prep.head.lemma_.lower() in _ROUTE_NOUNS:
        return tok.pos_ == "PROPN"  # "a road between A and B" (not "the two countries, ...")
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


def crossing(span: Span) -> bool:
    """`the Rafah crossing`, `the Rafah border crossing`: the words after the name."""
    nxt = [t.lower_ for t in span.doc[span.end : span.end + 2]]
    return nxt[0] in _CROSSINGS or (nxt[:1] == ["border"] and nxt[1:] and nxt[1] in _CROSSINGS)


def towns_left_out(doc: Doc, kept: list[Mention]) -> list[Mention]:
    """ "will travel to Eldoret" with the name tagged as nothing: a one-word town of the
    gazetteer, capitalized, in a slot of place, is that town."""
    covered = {i for m in kept for i in range(m.start, m.end)}
    extra = [
        city(doc[t.i : t.i + 1])
        for t in (tokens_of(doc)[i] for i in where(doc, pos=PROPER, ent_type=UNTAGGED))
        if t.is_title
        and t.i not in covered
        and locative_slot(doc[t.i : t.i + 1])
        and t.lower_ not in REALM_NOUNS  # ("a visit to the Sultanate": the country told of)
        and city_country(t.text)
    ]
    return sorted(kept + extra, key=lambda m: m.start) if extra else kept


def regions_left_out(doc: Doc, kept: list[Mention]) -> list[Mention]:
    """ "Grodno Oblast" with the name tagged as nothing: one or two capitalized words and
    the head word of a subdivision's name are that region."""
    covered = {i for m in kept for i in range(m.start, m.end)}
    extra = []
    toks = tokens_of(doc)
    for i, word in enumerate(texts(doc)):  # (a Token object only for a region's head word)
        if word not in REGION_HEADS or i in covered or (t := toks[i]).ent_type_:
            continue
        start = t.i
        while start > max(0, t.i - 2) and _a_word_of_a_name(doc[start - 1], covered):
            start -= 1
        if start < t.i and not doc[start].is_sent_start:
            extra.append(place(doc[start : t.i + 1], "region"))
    return sorted(kept + extra, key=lambda m: m.start) if extra else kept


def _a_word_of_a_name(t: Token, covered: set[int]) -> bool:
    return t.is_title and t.pos_ == "PROPN" and not t.ent_type_ and t.i not in covered


# the heads of venues' names and the lower-case nouns after a name that make it a site
_VENUE_NOUNS = {h.lower() for h in VENUE_HEADS} | VENUE_NOUNS
NUMERIC_LABELS = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "DATE", "TIME", "ORDINAL"}


def _before_noun(t: Token) -> bool:
    return t.pos_ == "ADJ" or t.dep_ == "compound"


def named_by_next_word(span: Span, label: str) -> list[Mention] | None:
    """A site named by the lower-case noun after the name, or None when no noun says so."""
    doc, toks = span.doc, tokens_of(span.doc)
    if span.end >= len(doc) or label in NUMERIC_LABELS:
        return None  # ("the $150 million bridge": a cost, no name)
    nxt = toks[span.end]
    # "the X hydroelectric dam", "the X hydroelectric power plant": a lower-case adjective
    # or noun or two may come before the noun
    end = span.end
    while end < min(len(doc) - 1, span.end + 2) and toks[end].is_lower and _before_noun(toks[end]):
        end += 1
    if label != "NORP" and toks[end].lower_ in _VENUE_NOUNS and toks[end].is_lower:
        # "the San Martín monument", "AU headquarters": a site named after someone or something
        return [place(Span(doc, span.start, end + 1), "venue")]
    if nxt.is_lower and nxt.dep_ == "compound" and end + 1 < len(doc):
        nxt = toks[span.end + 1]  # "the Trincomalee energy hub": the site noun after a noun
    if (
        label in ("PERSON", "GPE", "LOC", "ORG", "FAC", "NORP")
        and not text_of(span).isupper()  # ("the LAPSSET corridor": a project's acronym)
        and (crossing(span) if label == "NORP" else nxt.lower_ in SITE_NEXT)
        and len(span) <= 3
        and not country_named(text_of(span))
    ):
        # "the Dorohusk border crossing", "the Teesta river": the place the noun is named by
        if nxt.lower_ in AREA_NEXT:  # "the Schengen area": an area, with its word
            return [place(Span(doc, span.start, span.end + 1), "region")]
        return [place(span, "venue")]
    return None
