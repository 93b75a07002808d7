"""Reading a person's name off the NER, corrected: honorifics dropped ("H.E. Mr."), a name
the model cut at a particle made whole ("Ursula von der" + "Leyen"), titles that name no
one ("Emir Sheikh"), the towns, venues and seats of office the model took for people, and
a surname alone that it took for something else."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.titles import (
    lexicon,
    lexicon_words,
    only_a_title,
)
from communique.mapping.lexicon import trigger_lemmas
from communique.mapping.mentions.gazetteers import city_country, country_named, official_seat
from communique.mapping.mentions.mention import (
    ORG,
    ORG_HEADS,
    PERSON,
    PLACE,
    TITLE_WORDS,
    Mention,
    words,
)
from communique.mapping.mentions.name_edges import (
    HONORIFIC_WORDS,
    NAME_PARTICLES,
    after_an_opening_participle,
    after_hyphen,
    is_honorific,
    name_span,
)
from communique.mapping.mentions.places import (
    after_a_town,
    city,
    locative_slot,
    place,
    town_cut_short,
)
from communique.mapping.nlp.arrays import texts
from communique.mapping.nlp.language import tokens_of

# first words of venue names in other languages ("Qasr ...", "Wisma ..."), prepositions of
# place, and verbs whose subject or object is a person ("met ..."): data/mentions.json
VENUE_FIRST = words("venue_first_words")
_LOCATIVE = words("locative_words")
_PERSON_VERBS = words("person_verbs")
_OCCASIONS = words("occasion_nouns")
# the words that tell an event: no word of a name ("... Talk Over Phone, Discuss ...")
_EVENT_WORDS = trigger_lemmas()
# the one-word honorifics and ranks of roles.json ("Brigadier", "Sir"; not the words of
# "Tan Sri" or "Major General", which are names too)
_RANKS = frozenset(h.lower() for h in lexicon()["honorifics"] if " " not in h)


# lower-case nouns of a settlement written right before its name ("the port city X")
_SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "port", "capital"})
_PORTFOLIO_WORDS = lexicon_words("portfolio_words")


def person(span: Span) -> Mention:
    """A person the model named."""
    return Mention(PERSON, span.start, span.end, span.text, span.text, None, "ner")


def person_from_ner(span: Span) -> list[Mention]:
    """The person a PERSON entity names, or the town or venue the model took for one."""
    doc = span.doc
    span = after_an_opening_participle(name_span(span))
    text = span.text
    if all(t.lower_ in TITLE_WORDS or not t.is_alpha for t in span) or only_a_title(text):
        return []  # "the Chairperson said": an office told, its holder found elsewhere
    if all(is_honorific(doc, t.i) or t.lower_ in _RANKS or not t.is_alpha for t in span):
        # "Dato'" or "Datuk Seri" the model cut from the name after it, a rank set off by
        # commas ("prime minister, Brigadier (Ret'd), X"): no one
        return []
    if len(span) == 1 and span.text in _PORTFOLIO_WORDS:
        return []  # ("Minister of Foreign Affairs, Trade and Expatriates, X": a portfolio)
    if len(span) > 1 and any({t.lower_, t.lemma_.lower()} & _EVENT_WORDS for t in span):
        return []  # ("Leaders Talk By Phone, Discuss Trade": a headline's words)
    if len(span) == 1 and span[0].tag_ == "VBG" and span[0].is_sent_start:
        return []  # ("Sharing views on X, they said ...": a participle opening a sentence)
    if len(span) == 1 and span.root.dep_ == "compound" and span.root.head.lower_ in _OCCASIONS:
        return []  # ("on the blessed Fitr holiday": the feast's name)
    if span[0].text in VENUE_FIRST and len(span) > 1:
        return [place(span, "venue")]
    if text[-1:].isalpha() and country_named(f"{text}s"):
        return []  # ("Solomon Island", "Marshall Island": a plural country written singular)
    if seat := official_seat(text):  # "Akorda said": the head of state's seat, no one
        return [replace(place(span, "venue"), iso3=seat)]
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in span.root.children):
        return []  # "the setting up of a Jan Aushadhi Kendra": a thing, no one's name
    town = town_cut_short(span)
    if town is not None:
        return [city(town)]
    if len(span) <= 2 and after_a_town(span) and city_country(text):
        return [city(span)]  # "between Johor Bahru and Muar": the town's conjunct
    prev = doc[span.start - 1].lower_ if span.start else ""
    if len(span) == 1 and prev in _LOCATIVE and city_country(text):
        # "travel to Busan", "the town of Adré": a place the model took for a name
        return [city(span)]
    if len(span) <= 2 and prev in _SETTLEMENT_NOUNS:
        return [city(span)]  # ("the Kurdish city X", "the coastal town X"): the town's name
    if (
        len(span) <= 2
        and locative_slot(span)
        and not (span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s"))
    ):
        # "in Beni and Kasindi", "travelled to Desaguadero": a town the model took for a name
        return [city(span)]
    if any(t.is_alpha for t in span) and all(
        t.is_title
        or not t.is_alpha
        or t.lower_ in NAME_PARTICLES
        or after_hyphen(t)
        or _initials(t)
        for t in span
    ):
        return [person(span)]
    return []


def _initials(tok: Token) -> bool:
    """ "MA" of "MA Salim Rahen": initials run together, before the name's other words."""
    return tok.is_upper and len(tok) <= 3 and tok.i + 1 < len(tok.doc) and tok.nbor().is_title


def surnames_left_out(doc: Doc, kept: list[Mention]) -> list[Mention]:
    """ "held talks with Wakanyi" after "Rose Wakanyi", the surname alone tagged a place, a
    people or nothing: the last word of a person's name, alone, names that person; as a
    subject, too ("Wakanyi held talks with her counterpart X": whose counterpart)."""
    surnames = {
        doc[m.end - 1].text
        for m in kept
        if m.kind == PERSON and m.end - m.start > 1 and doc[m.end - 2].text != "-"
    }  # (not "Sisi" of "al-Sisi": the article may write the whole "al-Sisi")
    surnames |= _family_names_first(doc, kept, surnames)
    if not surnames:
        return kept
    covered, toks = {i for m in kept for i in range(m.start, m.end)}, tokens_of(doc)
    extra = [  # (by word: a Token object only for a surname)
        person(Span(doc, i, i + 1))
        for i, word in enumerate(texts(doc))
        if word in surnames and i not in covered and toks[i].is_title and _alone(toks[i])
    ]
    return sorted(kept + extra, key=lambda m: m.start) if extra else kept


def _family_names_first(doc: Doc, kept: list[Mention], surnames: set[str]) -> set[str]:
    """ "Tanabe Ryo", then "Tanabe arrived": the first word of a name of two words,
    written alone, names its one bearer where the family name comes first (no other
    person's name begins or ends with it, and it is no title, honorific or particle)."""
    names: dict[str, set[str]] = {}  # first word -> the names of two words it begins
    for m in kept:
        if m.kind == PERSON and m.end - m.start == 2 and doc[m.start].is_title:
            names.setdefault(doc[m.start].text, set()).add(m.text)
    return {
        w
        for w, full in names.items()
        if len(full) == 1
        and w not in surnames
        and w.lower() not in TITLE_WORDS | NAME_PARTICLES | HONORIFIC_WORDS
    }


def _alone(t: Token) -> bool:
    """Whether the token is no part of a longer name ("Akufo-Addo", "Arlo Venndal")."""
    if t.ent_iob_ == "I" or (t.i and t.doc[t.i - 1].text == "-"):
        return False
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt is None or nxt.ent_iob_ != "I"


def seats_written_with_the(doc: Doc, kept: list[Mention]) -> list[Mention]:
    """A one-word name the model took for a person that the text writes with "the" ("at
    the Varnhold", "the Varnhold said"): no person's name takes an article, so it is the seat
    of an office. It is a venue where something happens at it, else the body it houses,
    and so are its other mentions ("Varnhold's press service")."""
    seats = {
        m.text for m in kept if m.kind == PERSON and m.via == "ner" and _one_word_after_the(doc, m)
    }
    if not seats:
        return kept
    out = []
    for m in kept:
        if m.kind == PERSON and m.end - m.start == 1 and m.text in seats:
            at = m.start >= 2 and doc[m.start - 1].lower_ == "the"
            if at and doc[m.start - 2].lower_ in _LOCATIVE:
                m = place(doc[m.start : m.end], "venue")
            else:
                m = Mention(ORG, m.start, m.end, m.text, m.text, None, "ner", "org")
        out.append(m)
    return out


def _one_word_after_the(doc: Doc, m: Mention) -> bool:
    """ "the Varnhold" with the article its own, not "the Varnhold administration"'s; but
    "the Varnhold press service": a press service speaks for an institution, and "the"
    with a person's name before it would be no English."""
    if m.end - m.start != 1 or m.start == 0:
        return False
    the = doc[m.start - 1]
    if the.lower_ != "the":
        return False
    if the.head.i == m.start:
        return True
    after = doc[m.end : m.end + 2]
    return len(after) == 2 and after[0].lower_ == "press" and after[1].lower_ in _PRESS_BODIES


_PRESS_BODIES = frozenset({"service", "office", "secretariat"})


def acts_as_person(span: Span) -> bool:
    """`met Arlo Venndal, who ...`: a two- or three-word name the model took for an
    organization, told as a person is."""
    doc = span.doc
    if not 2 <= len(span) <= 3 or not all(t.is_title and t.is_alpha for t in span):
        return False
    nxt = doc[span.end : span.end + 2]
    if len(nxt) == 2 and nxt[0].text == "," and nxt[1].lower_ == "who":
        return True
    root = span.root
    if root.dep_ in ("dobj", "nsubj") and root.head.lemma_.lower() in _PERSON_VERBS:
        return True
    # "the two foreign ministers, Ama Owusu and Kossi Adjo": named for holders of an office,
    # beside a person the model found
    return (
        root.dep_ == "appos"
        and only_a_title(root.head.lemma_)
        and any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in root.children)
    )


def listed_with_persons(span: Span) -> Span | None:
    """ "Rohan Iyer of India and Thandiwe Mokoena of South Africa": a name (and its "of"
    country) the model took for a body, listed with a person; the name's words."""
    of = next((t.i for t in span if t.lower_ == "of"), None)
    if of is not None and country_named(span.doc[of + 1 : span.end].text) is None:
        return None
    name = span.doc[span.start : span.end if of is None else of]
    root = name.root
    if not 2 <= len(name) <= 3 or not all(t.is_title and t.is_alpha for t in name):
        return None
    if name[-1].text in ORG_HEADS:
        return None  # "X, the Presidential Press Office said": a body's name
    return name if root.dep_ in ("conj", "appos") and root.head.ent_type_ == "PERSON" else None


def persons_taken_for_places(kept: list[Mention]) -> list[Mention]:
    """ "at the invitation of Koffi Ouedraogo", tagged a building: a place of two words or
    more whose name is written whole for a person elsewhere in the article is that person."""
    names = {m.text for m in kept if m.kind == PERSON and " " in m.text}
    return [
        Mention(PERSON, m.start, m.end, m.text, m.text, None, "ner")
        if m.kind == PLACE and m.via == "ner" and m.text in names
        else m
        for m in kept
    ]
