"""Where a person's name the model tagged starts and ends: the honorifics and a long name's
royal style it took in are left out ("H.E. Mr.", "Dato' Seri", "Prince" of "Prince Faisal
bin Farhan"), a capitalized function word before it is taken in ("To Lam"), and the words
it left off after it are taken in ("Ursula von der" + "Leyen", "Reema" + "bint Bandar"); and
given names an editor put in brackets before the surname ("Minister (Tomas Ruiz) Brevik");
and a title's word amid a name the model tagged whole ("Hossein Amir Abdollahian")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.name_extent import honorific_words
from communique.mapping.entities.titles import lexicon
from communique.mapping.mentions.gazetteers import city_country, country_named
from communique.mapping.mentions.mention import PERSON, TITLE_WORDS, Mention, words
from communique.mapping.nlp.language import doc_text, ents_of
from communique.mapping.nlp.word_forms import is_participle

# lower-case words inside names ("Maria von der Talen") and honorifics written before a
# name ("H.E. Mr. ...", "Rt Hon"): data/mentions.json
NAME_PARTICLES = words("name_particles")
HONORIFIC_WORDS = words("honorific_words")


def name_span(span: Span) -> Span:
    """The name a PERSON entity holds, mended at both ends."""
    return span.doc[_name_start(span) - _cased_word_before(span) : _name_end(span.doc, span.end)]


def after_hyphen(t: Token) -> bool:
    """ "Min-ho", "Dong-cheol": the lower-case second part of a hyphenated given name."""
    doc = t.doc
    if t.i < 2 or doc[t.i - 1].text != "-":
        return False
    first = doc[t.i - 2]
    return first.is_title and not first.whitespace_ and not doc[t.i - 1].whitespace_


def _name_start(span: Span) -> int:
    """Where the name begins, after the honorifics the model took into it."""
    doc = span.doc
    start, end = span.start, span.end
    while end - start > 1 and is_honorific(doc, start):
        start += 1
    if end - start > 2 and doc[start].lower_ in LONG_NAME_STYLES:
        # "Sheikh Nasser bin Khalid", "Prince Faisal bin Farhan": a style before a name of
        # two words or more (but "Sheikh Rahima", "Prince Harry" keep the word)
        start += 1
    return start


def _cased_word_before(span: Span) -> int:
    """1 when the name begins with a word the model read as a function word: "met To Lam",
    "with Do Van Hung" (a capital inside a sentence makes it a name's, not a preposition)."""
    if span.start < 2:
        return 0
    doc = span.doc
    word, before = doc[span.start - 1], doc[span.start - 2]
    return int(
        word.is_title
        and word.is_stop
        and word.lower_ not in ("the", "a", "an", "i")
        and not word.is_sent_start
        and (before.is_alpha and before.is_lower or before.text == ",")
    )


def is_honorific(doc: Doc, i: int) -> bool:
    """Whether token i is an honorific written before a name, or the second word of one
    ("Seri" of "Datuk Seri")."""
    return doc[i].lower_ in HONORIFIC_WORDS or _second_honorific_word(doc, i)


def _second_honorific_word(doc: Doc, i: int) -> bool:
    """ "Seri" of "Dato' Seri", "Sri" of "Tan Sri": the second word of a two-word honorific
    (a given name elsewhere: "Sri Mulyani")."""
    if doc[i].lower_ not in _SECOND_HONORIFIC_WORDS:
        return False
    before = i - 1 - (i >= 1 and doc[i - 1].text in ("'", "’"))
    return before >= 0 and doc[before].lower_ in _FIRST_OF_TWO


def before_a_name(doc: Doc, i: int) -> bool:
    """Whether token i opens an honorific or a style written before a name."""
    styled = doc[i].lower_ in LONG_NAME_STYLES
    return styled or is_honorific(doc, i) or bool(spaced_initials(doc, i))


def spaced_initials(doc: Doc, i: int) -> int:
    """1 at "H" of "H E", His or Her Excellency written as two letters apart."""
    return int(doc[i].text == "H" and i + 1 < len(doc) and doc[i + 1].text == "E")


# data/mentions.json: "Dato' Seri", "Datuk Seri", "Tan Sri"
_SECOND_HONORIFIC_WORDS = words("second_honorific_words")
_FIRST_OF_TWO = words("first_of_two_honorific_words")


# the royal styles of roles.json ("Prince", "Sheikha"), and "Sheikh", an honorific there
LONG_NAME_STYLES = frozenset({"sheikh", *(s.lower() for s in lexicon()["royal_styles"])})


def _name_end(doc: Doc, end: int) -> int:
    """Where the name ends, with the words the model left off after it."""
    while end < len(doc):
        nxt = doc[end]
        if doc[end - 1].lower_ in NAME_PARTICLES and nxt.is_title:
            end += 1  # the model often stops at a particle: "Ursula von der" + "Leyen"
        elif nxt.lower_ in NAME_PARTICLES and end + 1 < len(doc) and doc[end + 1].is_title:
            end += 2  # "Reema" + "bint Bandar"
        elif (
            nxt.text == "-"
            and not (nxt.whitespace_ or doc[end - 1].whitespace_)
            and end + 1 < len(doc)
            and doc[end + 1].is_title
        ):
            end += 2  # a name the model cut at its hyphen: "Omar Al" + "-Rashid"
        elif (
            nxt.pos_ == "PROPN"
            and nxt.is_title
            # (a name the model cut after a hyphen runs on into its next name: "Omar Al-" +
            # "Rashid" + "Omar")
            and (not nxt.ent_type_ or _hyphened(doc, end) and nxt.ent_type_ == "PERSON")
            and nxt.is_alpha
            # a title or a country after the name starts something else
            and not (nxt.lower_ in TITLE_WORDS or country_named(nxt.text))
        ):
            end += 1  # "Kay Rala" + "Xanana Gusmão"
        else:
            break
    return end


def _hyphened(doc: Doc, end: int) -> bool:
    """Whether the name up to `end` ends in a word joined by a hyphen ("Al-Rashid")."""
    return end >= 3 and doc[end - 2].text == "-" and not doc[end - 2].whitespace_


def past_an_opening_word(span: Span) -> Span:
    """ "Without Türkiye, ...": a function word that opens a sentence or a quotation is
    capitalized by its place alone, so the model may take it into the place named after it;
    the span starts after it when the rest is a country or a known town."""
    doc, first = span.doc, span[0] if len(span) > 1 else None
    if first is None or not (first.is_stop and first.is_title):
        return span
    opens = first.is_sent_start or (first.i > 0 and doc[first.i - 1].is_quote)
    rest = span[1:].text
    return span[1:] if opens and (country_named(rest) or city_country(rest)) else span


def after_an_opening_participle(span: Span) -> Span:
    """ "Addressing X, Y said": a participle opening the sentence, which the model may take
    for a given name, is no word of the name of the person it is said to."""
    doc, end = span.doc, span.end
    if len(span) < 2 or not span[0].is_sent_start or end >= len(doc) or doc[end].text != ",":
        return span
    return span[1:] if is_participle(doc.vocab, span[0].text) else span


# "Foreign Minister (Tomas Ruiz) Brevik": given names in brackets, then the surname
_BRACKETED = re.compile(
    r"\((?P<given>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\)\s+(?P<sur>[A-Z][\w'’-]+)"
)


def bracketed_given_names(doc: Doc) -> list[Mention]:
    """ "Foreign Minister (Tomas Ruiz) Brevik": given names an editor put in brackets
    after a title, before the surname the text uses; the person is the whole name."""
    out = []
    for m in _BRACKETED.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not span.start or doc[span.start - 1].lower_ not in TITLE_WORDS:
            continue
        name = f"{m['given']} {m['sur']}"
        out.append(Mention(PERSON, span.start, span.end, name, name, None, "title"))
    return out


def initials_in_a_name(doc: Doc, span: Span) -> bool:
    """ "Omar A.A. Haddad": initials with points between two words of a name are the
    name's, not a body's acronym."""
    return (
        _DOTTED.fullmatch(span.text) is not None
        and 0 < span.start
        and span.end < len(doc)
        and doc[span.start - 1].is_title
        and doc[span.end].is_title
    )


_DOTTED = re.compile(r"(?:[A-Z]\.){1,3}")


def title_inside_a_name(doc: Doc, title: Span) -> bool:
    """A one-word title the model reads as the middle of one person's name, a capitalized
    name word on each side of it."""
    if len(title) != 1:
        return False
    i = title.start
    before = doc[i - 1] if i else None
    if before is None or not before.is_title or before.text in honorific_words():
        return False  # (not "His Majesty King X": the title after an honorific is X's)
    return any(e.label_ == "PERSON" and e.start < i < e.end - 1 for e in ents_of(doc))
