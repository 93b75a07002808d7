"""Roles: who holds which office, read from the titles before a name ("Kazakh Deputy Prime
Minister and Foreign Minister Arlo Venndal"), appositions ("The Acting President, Tomas
Brevik") and counterparts ("his Turkish counterpart Kerem Aydin")."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from communique.mapping.entities.appositions import (
    country_after,
    title_of_next_name,
    titles_after,
)
from communique.mapping.entities.entity import ArticleEntities, Entity
from communique.mapping.entities.title_chains import (
    LOOK_BACK,
    TitleChain,
    titles_before,
    without_anothers_title,
)
from communique.mapping.entities.titled_names import apposed_before
from communique.mapping.entities.titles import COUNTERPART, core_office, lexicon, only_a_title
from communique.mapping.facts.counterparts import (
    LISTING,
    counterparts,
    listed_counterpart,
    owner_in_subject,
)
from communique.mapping.facts.role import Role
from communique.mapping.mentions.finder import ORG, PERSON
from communique.mapping.mentions.gazetteers import country_named
from communique.mapping.mentions.mention import Mention
from communique.mapping.nlp.language import doc_text, sentence_of


def find_roles(doc: Doc, ents: ArticleEntities) -> list[Role]:
    """Every role the article gives its persons, one per (person, label)."""
    found: list[Role] = []
    pending: list[tuple[Role, int]] = []  # counterparts with no titled person before them
    in_sentence: dict[int, list[tuple[int, Entity]]] = {}  # sentence start -> its persons
    titled: dict[int, list[Role]] = {}  # sentence start -> its titled persons' first roles
    # counterparts listed: (sentence, the next holder's index, end of the last name, country)
    listed: tuple[int, int, int, str | None] | None = None
    plural = _PluralTitle()
    mentions = sorted((m for e in ents.by_kind(PERSON) for m in e.mentions), key=lambda m: m.start)
    names = [n for e in ents.by_kind(PERSON) for n in e.names if " " in n]
    text = doc_text(doc)
    for k, m in enumerate(mentions):
        person = ents.entity(m)
        sent = sentence_of(doc, m.start)
        in_sentence.setdefault(sent.start, []).append((doc[m.start].idx, person))
        start, end = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        later = doc[nxt.start].idx if nxt is not None and nxt.start < sent.end else None
        # (read only for a chain of two titles after "the": not a pass over all roles a name)
        others = (r.wording for r in found if r.person is not person and r.wording)
        before, after, chains = _chains_around(doc, text, m, (start, end, later, others), sent)
        chains = _nameless(chains, names)
        span = (sent.start_char, sent.end_char)
        if not chains and (office := plural.label(text, before, (start, end), sent.start)):
            found.append(Role(person, office[0], office[1] or country_after(after), span, at=start))
            continue
        if not chains and (held := listed_counterpart(listed, titled, text, start, sent.start)):
            found.append(Role(person, held.label, listed[3], span, at=start))
            listed = (sent.start, listed[1] + 1, end, listed[3])
            continue
        listed = None
        # "their counterparts, Foreign Minister X and ...": X's own title says the office
        own = any(t.label != COUNTERPART for c in chains for t in c.titles)
        for chain, title in ((c, t) for c in chains for t in c.titles):
            country = title.country or chain.country or country_after(after)
            if title.label == COUNTERPART and own:
                continue
            if title.label == COUNTERPART:
                owner = owner_in_subject(before, sent, in_sentence[sent.start], found, person)
                other = owner or next(iter(titled.get(sent.start, ())), None)
                if other is None or other.person is person:
                    # the office may be written with no name before it ("the Angolan
                    # President ... to his counterpart"): its words, up to the chain
                    prior = text[sent.start_char : start - len(before) + chain.start]
                    cp = Role(person, COUNTERPART, country, span, at=start, wording=prior)
                    pending.append((cp, sent.start))
                    continue
                found.append(Role(person, core_office(other.label), country, span, at=start))
                if title.surface.lower().endswith("counterparts"):
                    listed = (sent.start, 1, end, country)
                continue
            org = _organization_of(chain, country, ents)
            role = Role(person, title.label, country, span, org, title.surface, at=start)
            found.append(role)
            if all(r.person is not person for r in titled.setdefault(sent.start, [])):
                titled[sent.start].append(role)
    found += counterparts(pending, found, in_sentence)
    return _merge(found)


def _organization_of(chain: TitleChain, country: str | None, ents: ArticleEntities):
    """ "EU Commissioner X": the body a title names, when no country qualifies it."""
    if not chain.organization or country:
        return None
    return next((e for e in ents.by_kind(ORG) if e.key == chain.organization), None)


def _chains_around(doc: Doc, text: str, m: Mention, chars: tuple, sent: Span) -> tuple:
    """The text before and after a name (mention `m`, at character offsets `chars`: its start,
    end, the next name's start, and the titles of the persons told before) in its sentence,
    and the title chains read there: before it, and in apposition after it (both count:
    "Djibouti's Foreign Minister X was elected chairperson of ...")."""
    # titles and appositions are a few words: a long sentence is not copied whole for
    # each of its names (titles_before reads no more than LOOK_BACK characters anyway)
    start, end, later, others = chars
    before = text[max(sent.start_char, start - 2 * LOOK_BACK) : start]
    after = text[end : min(sent.end_char, end + LOOK_BACK)]
    after_chain = None
    if not _subject_after(doc, m.end) and not title_of_next_name(text, end, later):
        after_chain = titles_after(after)
    before_chain = None if _title_in_a_phrase(doc, m.start) else titles_before(before)
    if before_chain is not None and apposed_before(before, before_chain.start, len(before)):
        before_chain = None  # "X, Minister of Y, Z and W": X's title, not Z's
    if before_chain is not None:
        before_chain = without_anothers_title(_outer_title(before, before_chain), before, others)
    return before, after, [c for c in (before_chain, after_chain) if c is not None]


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?$")


def _outer_title(before: str, chain: TitleChain) -> TitleChain:
    """ "the Special Envoy of the Chinese President, X": a title whose "of" names another
    office is X's; the office it names is X's principal's (its country stays X's)."""
    of = _OF_THE.search(before, 0, chain.start)
    outer = titles_before(before[: of.start()] + " ") if of is not None else None
    if outer is None or outer.start + len(outer.titles[-1].surface) < of.start() - 1:
        return chain
    # a title of its own words ("Special Envoy"), not one with an "of the ..." tail: read
    # back from "of the", such a tail runs over a whole clause ("Speaker of the X arrived
    # ... at the invitation")
    surface = outer.titles[-1].surface
    if not (only_a_title(surface) or all(w[:1].isupper() for w in surface.split())):
        return chain
    return replace(outer, country=outer.country or chain.country)


def _nameless(chains: list[TitleChain], names: list[str]) -> list[TitleChain]:
    """ "At the invitation of President of X Ana Lopes, President of Y Omar Haddad will
    ...": a title that runs on into another person's name is no title of this one."""
    out = []
    for chain in chains:
        titles = tuple(t for t in chain.titles if not any(n in t.surface for n in names))
        if titles:
            out.append(replace(chain, titles=titles) if titles != chain.titles else chain)
    return out


def _title_in_a_phrase(doc: Doc, start: int) -> bool:
    """ "Asked about a visit by the Varnian Defence Minister, Lin said": a title ending a
    phrase before the comma, the name the subject of what follows, is no title of it."""
    if start < 2 or doc[start - 1].text != ",":
        return False
    t = doc[start - 2]
    while t.dep_ in ("pobj", "compound") and t.head.dep_ == "prep" and t.head.head.pos_ == "PROPN":
        t = t.head.head  # "Secretary of State": from "State" up to "Secretary"
    name = doc[start]
    while name.dep_ == "compound" and name.head != name:
        name = name.head
    # (the name the subject of the verb right after it: "..., Lin said", not "..., X, said")
    after = doc[name.i + 1] if name.i + 1 < len(doc) else None
    return (
        t.dep_ == "pobj"
        and name.dep_ == "nsubj"
        and after is not None
        and after.text != ","
        and name.head.i > name.i
    )


def _subject_after(doc: Doc, end: int) -> bool:
    """ "a statement by his spokesman, X, the President said": the title after the name's
    comma is the subject of the clause that follows, no apposition to the name (itself one
    to the noun before it)."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end - 1].dep_ != "appos":
        return False
    head = doc[end + 1]
    while head.dep_ in ("det", "compound", "amod") and head.head.i > head.i:
        head = head.head
    return head.dep_ == "nsubj" and head.head.pos_ in ("VERB", "AUX") and head.head.i > head.i


# "the two foreign ministers, ", "Deputy Ministers of the Kingdom of Orvania, "
_PLURAL_END = re.compile(
    r"(\w+)s(?:\s+of\s+(?P<of>(?:the\s+)?[A-Z][\w’-]+(?:\s+(?:of\s+)?[A-Z][\w’-]+){0,3}))?,?\s*$"
)


class _PluralTitle:
    """Names listed after a plural title ("the two foreign ministers, X and Y", "Foreign
    Ministers X and Y"): each holds that office."""

    def __init__(self) -> None:
        self.last: tuple[int, int, str] | None = None  # (sentence, end of the last name, label)

    def label(
        self, text: str, before: str, name: tuple[int, int], sent_start: int
    ) -> tuple[str, str | None] | None:
        """The office of the name at `name` (its start and end), and the country the plural
        title is of, if one is listed so."""
        found = None
        last = self.last
        if last and last[0] == sent_start and _listing(text[last[1] : name[0]]):
            found = last[2]
        elif (m := _PLURAL_END.search(before)) and (chain := titles_before(before[: m.end(1)])):
            of = country_named(m["of"]) if m["of"] else None
            if len(chain.titles) == 1 and (of is not None or not m["of"]):
                found = (chain.titles[0].label, of.iso3 if of else None)
        self.last = (sent_start, name[1], found) if found else None
        return found


def _listing(gap: str) -> bool:
    """What stands between two names of a list, the first one's country with it or not
    ("Foreign Ministers X of A and Y of B")."""
    if (m := _OF_A_COUNTRY.match(gap)) and country_named(m["country"]) is not None:
        gap = gap[m.end() :]
    return gap.strip() in LISTING


_OF_A_COUNTRY = re.compile(
    r"\s+of\s+(?P<country>(?:the\s+)?[A-Z][\w’-]+(?:\s+[A-Z][\w’-]+){0,2})(?=\s*(?:,|and\b))"
)


def _merge(roles: list[Role]) -> list[Role]:
    """One role per (person, label): the first that names its country wins."""
    best: dict[tuple[int, str], Role] = {}
    for r in roles:
        key = (id(r.person), r.label.casefold())
        if key not in best or (best[key].country is None and r.country is not None):
            best[key] = r
    kept = list(best.values())
    of_person: dict[int, list[Role]] = {}  # (a long article has hundreds of persons)
    for r in kept:
        of_person.setdefault(id(r.person), []).append(r)
    # "Minister Hải" after "Minister of Foreign Affairs Trần Văn Hải", "Secretary X" after
    # "Secretary of Foreign Affairs": the bare title adds nothing
    return [r for r in kept if not any(_within(r.label, o.label) for o in of_person[id(r.person)])]


def _within(bare: str, label: str) -> bool:
    """Whether a title is the head of another, longer one ("Minister" of "Foreign Minister",
    "Secretary" of "Secretary of State", "Ambassador" of "Ambassador to Mongolia")."""
    return label.endswith(" " + bare) or label.startswith(
        (bare + " of ", bare + " for ", bare + " to ")
    )


# a one-word name, with the numeral of its reign if any ("Abdullah", "Mswati III")
_REGNAL_NAME = re.compile(r"[^\W\d_][\w’'-]*(?: [IVXL]+)?")


def name_by_title(roles: list[Role]) -> None:
    """A monarch or a pope known by one name is named with his title too ("King Abdullah",
    "Pope Francis"), the way the world calls him."""
    titles = {t.casefold(): t for t in lexicon()["regnal_titles"]}
    for r in roles:
        title = titles.get(r.label.casefold())
        if title is not None and _REGNAL_NAME.fullmatch(name := r.person.name):
            r.person.add_name(f"{title} {name}")


def person_countries(roles: list[Role]) -> dict[int, str]:
    """id(person entity) -> the country of their first role that names one."""
    out: dict[int, str] = {}
    for r in roles:
        if r.country:
            out.setdefault(id(r.person), r.country)
    return out
