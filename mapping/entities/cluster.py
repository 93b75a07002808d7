"""Entities: the mentions of one article clustered into the things they name ("Venndal" and
"Arlo Venndal" are one person), each with a canonical name, kind and country. Countries, places
and organizations (a ministry and whose it is) are clustered here, persons by
entities/persons.py; what an entity is lives in entities/entity.py."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from communique.mapping.entities.countries import country_by_code, country_name
from communique.mapping.entities.entity import ArticleEntities, Entity, display_name, fold
from communique.mapping.entities.persons import PersonClustering
from communique.mapping.entities.titles import end_title_re
from communique.mapping.mentions.finder import COUNTRY, ORG, PLACE, Mention
from communique.mapping.mentions.gazetteers import country_named
from communique.mapping.nlp.language import sentence_of, text_of

FOREIGN_AFFAIRS = "Foreign Affairs"


_JOINERS = ("of", "for", "on")  # "Institute for ...", "Academy of ...", "Commission on ..."
# words that make a title a person told of, not a title written before a name
_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "a", "an", "our", "my", "your"})


class _Builder(PersonClustering):
    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.entities: list[Entity] = []
        self.index: dict[int, Entity] = {}
        self.keyed: dict[tuple[str, str], Entity] = {}
        # persons by the words of their names, and where each is mentioned: a long article
        # names hundreds of people, and each surname is matched against them all
        self._by_word: dict[str, list[Entity]] = {}
        self._words: dict[int, set[str]] = {}
        self._indexed = 0  # how many of self.entities are in _by_word
        self._starts: dict[int, tuple[int, list[int]]] = {}  # id -> (mentions seen, starts)
        self.ministries: list[Entity] = []  # the ministry entities, in order
        self._firsts: dict[str, dict[int, str | None]] = {}
        self._country_counts: Counter[str | None] | None = None

    def put(self, m: Mention, kind: str, key: str, name: str, iso3=None, subkind=None) -> Entity:
        ent = self.keyed.get((kind, key))
        if ent is None:
            ent = Entity(kind, key, name, iso3, subkind, [name])
            self.keyed[(kind, key)] = ent
            self.entities.append(ent)
            if kind == ORG and subkind == "ministry":
                self.ministries.append(ent)
        ent.mentions.append(m)
        self.index[id(m)] = ent
        return ent

    # -- countries, places, organizations -------------------------------------------------
    def countries(self) -> None:
        for m in self.mentions:
            if m.kind == COUNTRY:
                self.put(m, COUNTRY, m.key, country_name(m.key), m.key)

    def places(self) -> None:
        # a venue's country: that of the first city of a sentence that names it ("Ethiopian
        # ... Dam": its own), for each time it is named ("at Qasr Al Watan in Abu Dhabi",
        # then "at Qasr Al Watan")
        venues: dict[str, str] = {}
        for m in self.mentions:
            if m.kind == PLACE and m.subkind == "venue" and not m.iso3:
                if (iso3 := self._city_country_near(m)) is not None:
                    venues.setdefault(fold(display_name(m.text)), iso3)
        for m in self.mentions:
            if m.kind != PLACE:
                continue
            name = display_name(m.text)
            iso3 = m.iso3
            if m.subkind == "venue":
                iso3 = m.iso3 or venues.get(fold(name))
            ent = self.put(m, PLACE, f"{fold(name)}|{iso3 or ''}", name, iso3, m.subkind)
            for form in (m.text, *m.extra_names):
                ent.add_name(form)

    def _city_country_near(self, m: Mention) -> str | None:
        """The country of the first city its sentence names."""
        return self._first_in_sentence("city", m).get("city")

    def _first_in_sentence(self, what: str, m: Mention) -> dict[str, str | None]:
        """The ISO3 of the first city ("city") or country ("country") mention of m's
        sentence, absent if none (each sentence's found in one pass over the mentions, when
        first asked: the kinds of places and countries are settled by then)."""
        if what not in self._firsts:
            firsts: dict[int, str | None] = {}
            for other in self.mentions:
                if (what == "city" and other.kind == PLACE and other.subkind == "city") or (
                    what == "country" and other.kind == COUNTRY
                ):
                    firsts.setdefault(sentence_of(self.doc, other.start).start, other.iso3)
            self._firsts[what] = firsts
        start = sentence_of(self.doc, m.start).start
        found = self._firsts[what]
        return {what: found[start]} if start in found else {}

    def organizations(self, dateline_iso3: str | None) -> None:
        for i, m in enumerate(self.mentions):
            if m.kind != ORG:
                continue
            if m.subkind == "ministry":
                self._ministry(i, m, dateline_iso3)
            elif (named := self._org_named(m.text) or self._by_its_head(m)) is not None:
                # "the KCO said" after "the Korvan Communications Office (KCO)"
                named.mentions.append(m)
                self.index[id(m)] = named
            elif m.subkind == "candidate":
                continue  # an unknown single capitalized word: too unsure to publish
            elif m.subkind == "embassy":
                rec = country_named(m.text.split()[0]) or country_named(
                    m.text.split(" of ")[-1].split(" in ")[0]
                )
                iso3 = rec.iso3 if rec else None
                self.put(m, ORG, m.text, m.text, iso3, "embassy")
                self.put(m, PLACE, f"{fold(m.text)}|{iso3 or ''}", m.text, iso3, "venue")
            else:
                key = self._shortened_from(m.key)
                ent = self.put(m, ORG, key, key, m.iso3, m.subkind)
                for form in (m.text, *m.extra_names):
                    ent.add_name(form)

    def _org_named(self, text: str) -> Entity | None:
        """The one body already known by another name that has this one among its names."""
        named = [e for e in self.entities if e.kind == ORG and e.key != text and text in e.names]
        return named[0] if len(named) == 1 else None

    def _by_its_head(self, m: Mention) -> Entity | None:
        """ "the Authority" after "the ECOWAS Authority of Heads of State": a body told again
        by one word of its name, the head noun, if just one body so named was told before."""
        if " " in m.text or m.text.isupper() or not m.start:
            return None
        if self.doc[m.start - 1].lower_ != "the":
            return None
        named = [e for e in self.entities if e.kind == ORG and m.text in e.name.split()[1:]]
        return named[0] if len(named) == 1 else None

    def _shortened_from(self, key: str) -> str:
        """ "the Korva Institute's president" after "the Korva Institute for International
        Studies": a body's name cut before its joiner is that body, if just one is so named."""
        if len(key.split()) < 2 or (ORG, key) in self.keyed:
            return key
        longer = [
            e.key
            for e in self.entities
            if e.kind == ORG
            and e.key.startswith(key + " ")
            and e.key[len(key) + 1 :].split(" ", 1)[0] in _JOINERS
        ]
        return longer[0] if len(longer) == 1 else key

    def _ministry(self, i: int, m: Mention, dateline_iso3: str | None) -> None:
        qualifier = self._qualifier(i, m)
        # "talks at the (Indonesian) Ministry of Foreign Affairs": the building, too (but not
        # "Minister of State at the Ministry of ...": a title's)
        first = min(m.start, qualifier[1]) if qualifier else m.start
        before = self.doc[max(0, first - 2) : first]
        at = next((t for t in before if t.lower_ == "at"), None)
        venue = (
            at is not None
            and (at.i == first - 1 or before[-1].lower_ == "the")
            and not self._title_held_at(at)
        )
        if qualifier:
            iso3s, start = [qualifier[0]], qualifier[1]
        elif m.iso3:
            iso3s, start = [m.iso3], m.start  # "the State Department": its name says whose
        else:
            iso3s, start = self._countries_after(i, m), m.start
        if not iso3s and not _plural(m):
            # "the Foreign Ministry" after "the Russian Foreign Ministry": the same one
            told = {
                e.iso3
                for e in self.ministries
                if e.kind == ORG
                and e.subkind == "ministry"
                and e.key.startswith(f"Ministry of {m.key} of ")
            }
            if len(told) == 1:
                iso3s = [told.pop()]
        if not iso3s:
            if _plural(m):
                iso3s = self.main_countries(2)
            else:
                in_sent = list(self._first_in_sentence("country", m).values())
                here = [dateline_iso3] if dateline_iso3 else []
                # "the foreign ministry said": the one where the story is filed from (a
                # national agency reports its own government; the countries its sentence
                # names are often what the ministry speaks of), as a building one meets at
                iso3s = here or in_sent[:1]
                iso3s = iso3s or self.main_countries(1)
        surface = self.doc[start : m.end].text
        for iso3 in iso3s:
            rec = country_by_code(iso3)
            name = f"Ministry of {m.key} of {rec.name}" if rec else surface
            ent = self.put(m, ORG, name, name, iso3, "ministry")
            if not _plural(m):
                ent.add_name(surface)
            if venue and len(iso3s) == 1:
                place = self.put(m, PLACE, f"{name}|venue", name, iso3, "venue")
                place.add_name(surface)

    def _title_held_at(self, at: Token) -> bool:
        """Whether the words before "at" are a title written as one ("Minister of State at
        the Ministry of ..."), not a person told of ("talks with his counterpart at the
        Ministry of ...": the building they met in)."""
        before = text_of(self.doc[max(0, at.i - 12) : at.i])
        if (title := end_title_re().search(before)) is None:
            return False
        words = before[: title.start()].split()
        if words and country_named(words[-1]) is not None:
            words.pop()  # "the US Secretary of State", "his Moroccan counterpart"
        return not words or words[-1].lower() not in _DETERMINERS

    def _qualifier(self, i: int, m: Mention) -> tuple[str, int] | None:
        """`Kazakh Foreign Ministry`, `Seoul's foreign ministry`, `Azerbaijan's MFA`."""
        if i == 0:
            return None
        prev = self.mentions[i - 1]
        gap = self.doc[prev.end : m.start]
        if (
            prev.kind in (COUNTRY, PLACE)
            and prev.iso3
            and all(t.text in ("’s", "'s", "’", "'", "the") for t in gap)
        ):
            if prev.kind == PLACE and not len(gap):
                return None  # "Moscow Ministry" is not a metonym
            return prev.iso3, prev.start
        return None

    def _countries_after(self, i: int, m: Mention) -> list[str]:
        """`Ministry of Foreign Affairs of Tajikistan`, `foreign ministries of X and Y`."""
        out = []
        j = i + 1
        end = m.end
        while j < len(self.mentions):
            nxt = self.mentions[j]
            gap = [t.lower_ for t in self.doc[end : nxt.start]]
            if not out and gap == ["in"] and nxt.kind == PLACE and nxt.via == "capital":
                return [nxt.iso3]  # (a ministry "in" Lusaka is Zambia's)
            allowed = {"of", "the", "and", ","} if not out else {"and", ",", "the"}
            if nxt.kind != COUNTRY or not gap or not set(gap) <= allowed:
                break
            if not out and "of" not in gap:
                break
            out.append(nxt.iso3)
            end = nxt.end
            j += 1
        return out

    def main_countries(self, n: int) -> list[str]:
        # "the Rwandan government" names its country as often as "Rwanda" does (counted
        # once: asked for each ministry named, while the mentions' kinds are settled)
        if self._country_counts is None:
            self._country_counts = Counter(
                m.iso3
                for m in self.mentions
                if m.kind == COUNTRY or (m.kind == ORG and m.via == "demonym")
            )
        return [iso3 for iso3, _ in self._country_counts.most_common(n)]


def cluster(
    doc: Doc, mentions: list[Mention], *, dateline_iso3: str | None = None
) -> ArticleEntities:
    """Group an article's mentions into entities."""
    b = _Builder(doc, mentions)
    b.countries()
    b.persons()
    b.places()
    b.organizations(dateline_iso3)
    # a city names its country too ("Addis Ababa" puts Ethiopia in the article)
    for e in list(b.entities):
        if e.kind in (PLACE, ORG) and e.iso3 and (COUNTRY, e.iso3) not in b.keyed:
            country = Entity(COUNTRY, e.iso3, country_name(e.iso3), e.iso3, names=[])
            b.keyed[(COUNTRY, e.iso3)] = country
            b.entities.append(country)
    return ArticleEntities(b.entities, b.index)


def _plural(m: Mention) -> bool:
    """ "foreign ministries", "the Ministries of Foreign Affairs of A and B": one of each."""
    return "ministries" in m.text.lower()
