"""Where a name written after a title ends: the words that go on with it (initials,
particles, suffixes, a country's or a title's word between two of its words) and those that
end it (a post-nominal, a possessive, a month before its day's number, a stop glued to the
next sentence's first word). Entities/titled_names.py reads its names with it."""

from __future__ import annotations

import re
from functools import cache

from communique.mapping.entities.qualifiers import APOS
from communique.mapping.entities.titles import label_of, lexicon, lexicon_words
from communique.mapping.mentions.gazetteers import country_named
from communique.mapping.values.dates.patterns import M


def name_words_at(name: str, name_start: int, after: str = "") -> list[tuple[int, int]]:
    """The (start, end) of the words that continue a name written at name_start (`after`:
    the text right after the words the pattern took)."""
    words: list[tuple[int, int]] = []
    suffixed = False
    for w in re.finditer(r"\S+", name):
        if words and "\n" in name[words[-1][1] - name_start : w.start()]:
            break  # a name ends at a line's end (a headline's, a list item's)
        token = w.group(0)
        if glued := _RUN_ON.search(token):  # ("X Momen.During the visit": the stop ends it)
            token = token[: glued.start() + 1]
        core = re.sub(rf"{APOS}s$|[.,;:]$", "", token)
        if suffixed and core.lower() not in _PATRONYMIC:
            break  # "Arlo Venndal Jr.", but "Abdullah II bin Al-Hussein" goes on
        suffixed = False
        if re.fullmatch(r"(?:[A-Z]\.)+", token) or token in lexicon_words("name_suffixes"):
            # "Arlo R. Venndal Jr.", "K.R. Venndal": initials and suffixes are part of the name
            if not words and token in lexicon_words("name_suffixes"):
                break
            words.append((name_start + w.start(), name_start + w.end()))
            suffixed = token in lexicon_words("name_suffixes")
            continue
        if words and core in lexicon_words("post_nominals"):
            break  # "Honourable X MP": letters after the name, no part of it
        if words and _MONTH.fullmatch(core) and not name[w.end() :].strip() and _a_number(after):
            break  # "met Ambassador X Y Dec 23": the month of the day after the name
        if core.lower() in lexicon_words("name_particles") or _PARTICLE_PREFIX.match(core):
            pass  # "Nadim Farouk al-Bessaoui", "Maria von der Talen"
        elif not core or not core[0].isupper() or core.lower() in lexicon_words("name_stop_words"):
            break
        if (core.lower() in label_of() or country_named(core)) and not _inside(words, name, w):
            break
        words.append((name_start + w.start(), name_start + w.start() + len(core)))
        if core != token:  # a possessive or punctuation ends the name
            break
    return words


def _inside(words: list, name: str, w: re.Match) -> bool:
    """A country's name or a title's word between two words of a name is one of its words
    ("Rui Montenegro Alves", "Hossein Amir Abdollahian"); before the name or at its end it
    is told beside it."""
    nxt = re.match(r"\s+([A-Z][\w’-]+)", name[w.end() :])
    if not words or nxt is None:
        return False
    before = name[words[-1][0] - words[0][0] : words[-1][1] - words[0][0]]
    if before in honorific_words():
        return False  # ("His Majesty King X": the title after an honorific is X's)
    return not country_named(nxt.group(1)) and nxt.group(1).lower() not in label_of()


@cache
def honorific_words() -> frozenset[str]:
    """The words of honorifics ("His", "Majesty", "Dr")."""
    return frozenset(w for h in lexicon()["honorifics"] for w in h.split())


def _a_number(text: str) -> bool:
    return text.lstrip()[:1].isdigit()


# (the name's words stop at the day's number: a month written last is the day's)
_MONTH = re.compile(M)
# "...Momen.During the visit": a stop with no space after it, between a word of two
# lower-case letters or more and a capitalized word, ends a sentence pasted on (not
# "Mr.Smith", "U.S.")
_RUN_ON = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
_PATRONYMIC = frozenset({"bin", "ibn", "bint"})  # "son of", "daughter of": the name goes on
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|ul|bin)-[A-Z]")
