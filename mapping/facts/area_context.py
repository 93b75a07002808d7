"""Whether a topic form matched in the text names an area where it stands: not as a verb
or a process ("the development of relations"), not inside an office's or a body's name
("Minister of Trade", "Investment Fund"), an adjective only on a cooperation word, a scope
word only on its heads, and an ambiguous word only in a cooperation context, of a place or
beside another area word."""

from __future__ import annotations

import re

from communique.mapping.facts.area_forms import (
    BASE,
    clear_words,
    inflected_forms,
    topic_pattern,
    topic_words,
)
from communique.mapping.mentions.mention import ORG_HEADS

LOOSE = "loose"  # an ambiguous word outside a cooperation context


def is_topic(span, found: str, text: str, start: int, end: int) -> bool | str:
    """True for an area, False for none, LOOSE for an ambiguous word said of no area."""
    form = BASE.get(found, found)
    if not _names_an_area(span, form, verb=found in inflected_forms()):
        return False
    if _in_an_office_name(text, start, end) or _in_a_body_name(text, start, end):
        return False  # "Minister of Trade, Industry and Competition", "Investment Fund"
    if _joined_to_a_name(text, start):
        return False  # "Belt and Road cooperation"
    if form in topic_words("scope_words"):
        # "regional cooperation" is an area; "regional and international issues" is not
        return span.root.head.lemma_.lower() in topic_words("scope_heads")
    if form in topic_words("ambiguous") and not (
        _in_cooperation_context(span) or _of_a_place(span) or _beside_a_topic(span)
    ):
        return LOOSE  # "the border town", "young people", "Mongolian customs data"
    return True


# the office word may be lower-case ("by the minister of Telecommunications, ...")
_OFFICE = (
    r"(?i:Minister|Ministry|Ministries|Department|Secretary|Commissioner|Committee|Council|"
    r"Office|Agency|Bureau|Directorate|Authority|Cabinet Secretary)"
)
# the area is one of the Title-Case words of an office's name, after "of"/"for"
_OFFICE_BEFORE = re.compile(
    rf"\b{_OFFICE}\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w-]*,?\s+(?:and\s+|&\s+)?)*$"
)
_OFFICE_AFTER = re.compile(r"^\s+(?i:minister|ministry|ministries|secretar|department|portfolio)")


def _in_an_office_name(text: str, start: int, end: int) -> bool:
    if _OFFICE_AFTER.match(text[end : end + 14]):
        return True
    return text[start : start + 1].isupper() and bool(
        _OFFICE_BEFORE.search(text[max(0, start - 120) : start])
    )


_TITLE_RUN = re.compile(r"^(?:[\s-]+(?:and\s+|&\s+)?[A-Z][\w-]*){1,3}")


def _in_a_body_name(text: str, start: int, end: int) -> bool:
    """A Title-Case topic word in a run of Title-Case words ending in a body's or a
    programme's last word: "the Eurasian Investment Fund", "Technical Assistance Programme"."""
    if not text[start : start + 1].isupper():
        return False
    run = _TITLE_RUN.match(text[end : end + 80])
    words = run.group(0).split() if run else []
    return any(w.strip(",") in ORG_HEADS or w in topic_words("name_heads") for w in words)


_JOINED_AFTER = re.compile(r"(?<![\w-])([A-Z][\w-]*)\s+(?:and|&)\s+$")


def _joined_to_a_name(text: str, start: int) -> bool:
    """A Title-Case topic word joined by "and" to a Title-Case word that is no area
    ("Belt and Road"): both are words of one name."""
    if not text[start : start + 1].isupper():
        return False
    left = _JOINED_AFTER.search(text[max(0, start - 40) : start])
    return left is not None and left.group(1).lower() not in topic_pattern()[1]


def _names_an_area(span, form: str, *, verb: bool = False) -> bool:
    """Whether the words matched name an area there (`verb`: they may as a verb)."""
    doc = span.doc
    root = span.root
    nxt = doc[span.end : span.end + 1]
    prev = doc[span.start - 1 : span.start] if span.start else []
    if len(nxt) and nxt[0].lower_ == "of" and form in topic_words("of_processes"):
        # "the development of relations", "the defence of a policy": a process, not an
        # area; "the development of the region" is one (the reconstruction of anything is)
        if not _of_a_place(span):
            return False
    if len(prev) and prev[0].lower_ in ("this", "that") and prev[0].pos_ == "DET":
        return False  # "in this space" (not "said that trade grew")
    if len(span) == 1 and root.tag_ in ("VB", "VBD", "VBP", "VBZ") and not verb:
        return False  # "to finance a power project": a verb names no area
    if root.dep_ == "compound" and root.head.lemma_.lower() in topic_words("non_area_heads"):
        return False
    if _a_state_of_things(root) or _the_sea(span):
        return False
    if root.pos_ == "ADJ" and form not in topic_words("ambiguous"):
        # "agricultural products", "humanitarian access": an adjective of one area names
        # it on any noun; "economic", "political" only on a cooperation word
        noun = root.head if root.dep_ == "amod" else None
        if root.dep_ == "conj" and root.head.pos_ == "NOUN" and len(nxt) and nxt[0].pos_ == "NOUN":
            # "in mining and cultural exchanges", parsed as "mining and cultural" (not two
            # adjectives on one noun: "humanitarian and military aid" is an area of its own)
            noun = nxt[0]
        if noun is not None:
            return noun.lemma_.lower() not in topic_words("non_area_heads")
    if root.pos_ == "ADJ" or root.dep_ == "amod":
        t = root
        # (a list of areas is a chain of conjuncts: "the economic, ..., cultural, scientific
        # and educational fields" climbs each of them to the noun)
        nouns = topic_words("cooperation_nouns")
        for _ in range(_LIST_REACH):
            if t.head == t:
                break
            t = t.head
            # ("the economic, energy, ... and technology sectors" parsed with the list's
            # first noun as its head: the noun is its last conjunct's, no area of its own)
            if t.lemma_.lower() in nouns or any(
                (w := c.lemma_.lower()) in nouns and w not in clear_words() for c in t.conjuncts
            ):
                return True
            if t.dep_ not in ("conj", "amod", "compound", "nmod") and t.pos_ != "ADJ":
                break
        return False
    return True


_LIST_REACH = 12  # words climbed from an adjective to the noun it is said of
_PLACE_ENTS = {"GPE", "LOC"}


def _a_state_of_things(root) -> bool:
    """ "the security environment", "the investment climate", "the political climate": the
    state of things in an area, told by the area's word before it (not "the natural
    environment", nor "climate change")."""
    if root.lemma_.lower() not in topic_words("situation_nouns"):
        return False
    clear = clear_words() | topic_words("ambiguous")
    return any(
        c.dep_ in ("compound", "amod") and c.i < root.i and c.lower_ in clear for c in root.children
    )


def _the_sea(span) -> bool:
    """ "territorial waters", "in the disputed waters", "Philippine waters": the plural of
    "water" with a word before it is a stretch of sea, not water resources (but "the waters
    of the Nile" are)."""
    root = span.root
    return root.lower_ == "waters" and any(
        c.dep_ in ("amod", "compound", "poss") and c.i < root.i for c in root.children
    )


def _of_a_place(span) -> bool:
    """ "the development of the sub-region", "of Central Asia": what follows "of" is a place."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "of":
        return False
    # ("the sub-region" may be parsed as several objects of "of")
    return any(
        c.dep_ == "pobj"
        and (c.ent_type_ in _PLACE_ENTS or c.lemma_.lower() in topic_words("place_nouns"))
        for c in doc[span.end].children
    )


def _beside_a_topic(span) -> bool:
    """ "businesses and investors": an ambiguous word coordinated with an area word."""
    root = span.root
    near = [root.head] if root.dep_ == "conj" else []
    near += [c for c in root.children if c.dep_ == "conj"]
    clear = clear_words()
    return any(t.lower_ in clear for t in near)


_UP_DEPS = {"conj", "pobj", "prep", "compound", "amod", "nmod", "appos", "dobj", "pcomp"}


def _in_cooperation_context(span) -> bool:
    t = span.root
    for c in t.children:
        if c.lemma_.lower() in topic_words("cooperation_nouns") and c.pos_ != "VERB":
            return True
    for _ in range(_LIST_REACH):
        if t.dep_ not in _UP_DEPS or t.head == t:
            return False
        t = t.head
        lemma = t.lemma_.lower()
        if lemma in topic_words("area_governors"):
            return True
        if lemma in topic_words("cooperation_nouns") and t.pos_ != "VERB":
            return True  # "policing support", but not "supporting peace"
    return False
