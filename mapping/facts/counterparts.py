"""Counterparts: "his Turkish counterpart X" holds the office of the person whose
counterpart X is, as the article titles that person; "their counterparts X and Y" the
offices of the sentence's titled persons, in order."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from communique.mapping.entities.appositions import last_title
from communique.mapping.entities.entity import Entity
from communique.mapping.entities.titles import core_office
from communique.mapping.facts.role import Role
from communique.mapping.nlp.language import doc_text

LISTING = (",", "and", ", and")  # what stands between the names of a list


def listed_counterpart(
    listed: tuple[int, int, int, str | None] | None,
    titled: dict[int, list[Role]],
    text: str,
    start: int,
    sent_start: int,
) -> Role | None:
    """ "with their counterparts X and Y": Y, listed right after X, holds the office of the
    sentence's second titled person (the role returned), as X holds the first's."""
    if listed is None or listed[0] != sent_start:
        return None
    holders = titled.get(sent_start, [])
    if text[listed[2] : start].strip() not in LISTING or listed[1] >= len(holders):
        return None
    return holders[listed[1]]


def counterparts(
    pending: list[tuple[Role, int]], found: list[Role], in_sentence: dict[int, list]
) -> list[Role]:
    """`During a visit by his Fijian counterpart X, Mr Y announced`: the counterpart holds the
    office that the sentence's other person holds, as the article titles them elsewhere;
    without another titled person in the sentence, the last office written before it."""
    first_role = {id(r.person): office(found, r.person) for r in found}
    out = []
    for cp, sent_start in pending:
        others = [
            (abs(at - (cp.at or 0)), first_role[id(p)])
            for at, p in in_sentence.get(sent_start, [])
            if p is not cp.person and id(p) in first_role
        ]
        label = min(others, key=lambda o: o[0])[1].label if others else None
        label = label or last_title(cp.wording or "") or _owner_before(cp, found)
        if label:
            out.append(replace(cp, label=core_office(label), wording=None))
    return out


def _owner_before(cp: Role, found: list[Role]) -> str | None:
    """ "X met ... . Her Ukrainian counterpart, Y, thanked ...": whose counterpart a
    possessive says is the titled person named last before, in an earlier sentence."""
    if not _POSSESSIVE.search(cp.wording or ""):
        return None
    before = [r for r in found if r.at is not None and r.at < (cp.at or 0)]
    before = [r for r in before if r.person is not cp.person]
    return max(before, key=lambda r: r.at).label if before else None


_DEPUTY = re.compile(r"(?i)(?:first\s+)?(?:deputy|vice)\b")
_POSSESSIVE = re.compile(r"(?i)\b(?:his|her|their)\b")


def owner_in_subject(
    before: str, sent: Span, persons: list[tuple[int, Entity]], found: list[Role], person: Entity
) -> Role | None:
    """ "X will meet President Y on Friday and hold talks with his counterpart Z": "his" is X,
    the sentence's subject (the first person named, before its verb), titled before; the
    role returned is X's first. `persons`: the sentence's persons so far, by offset."""
    if not _HIS_COUNTERPART.search(before) or not persons:
        return None
    if (owner := _named_before_and(sent, persons, person)) is not None:
        return office(found, owner)
    at, first = persons[0]
    if first is person or at >= sent.root.idx:
        return None
    return office(found, first)


def _named_before_and(sent: Span, persons: list[tuple[int, Entity]], person: Entity):
    """ "a meeting between X and her counterpart Y", "X and his counterpart Y met": X, the
    person named right before "and", is the one whose counterpart Y is."""
    if len(persons) < 2 or persons[-1][1] is not person:
        return None
    (at, prior), (end, _) = persons[-2], persons[-1]
    words = doc_text(sent.doc)[at:end]  # (the two names' offsets are the doc's own)
    return prior if prior is not person and _AND_COUNTERPART.fullmatch(words) else None


def office(found: list[Role], person: Entity) -> Role | None:
    """The office a counterpart of the person holds too: the first told, but a portfolio
    over a deputy's rank beside it ("Deputy Prime Minister and Foreign Minister X": a
    counterpart of X is a foreign minister)."""
    held = [r for r in found if r.person is person]
    return next((r for r in held if not _DEPUTY.match(r.label)), held[0] if held else None)


# a name (its capitalized words), "and", the possessive and the counterpart's title
_AND_COUNTERPART = re.compile(
    r"(?:[A-Z][\w.’'-]*\s+){0,4}?[A-Z][\w.’'-]*\s+and\s+(?:his|her)\s+(?:[\w-]+\s+){0,2}"
    r"counterpart,?\s*"
)
_HIS_COUNTERPART = re.compile(r"(?i)\b(?:his|her)\s+(?:[\w-]+\s+){0,2}counterpart,?\s*$")
