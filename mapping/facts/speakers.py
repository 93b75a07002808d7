"""Who speaks a quotation: the words that attribute it ("Venndal said", "the Chancellor
declared", "he concluded", "the ministry said in a statement") resolved to one entity of
the article. The word classes (reporting verbs, speaking bodies, offices) are in
data/quotes.json."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort_left

from spacy.tokens import Doc

from communique.mapping.entities.bodies import body_head, body_named
from communique.mapping.entities.cluster import ArticleEntities, Entity, fold
from communique.mapping.facts.genders import person_genders, pronoun_gender
from communique.mapping.facts.offices import (
    POSSESSIVE,
    THE,
    country_and_office,
    without_modifiers,
)
from communique.mapping.facts.reporting import (
    QUOTED_AS,
    roles_titles,
)
from communique.mapping.facts.reporting import quote_words as _data
from communique.mapping.facts.subjects import says, title_run
from communique.mapping.mentions.finder import ORG, PERSON
from communique.mapping.mentions.gazetteers import country_named

_IT_REACH = 400  # characters: about three sentences
_POSSESSIVE_SPLIT = re.compile(r"[’']s\s")
_AND = re.compile(r"\s(?:and|&)\s")
_POSSESSED = re.compile(r"^(?P<owner>[^’']+)[’']s\s+(?P<office>[a-z][\w -]*)$")


def _at(x: tuple[int, Entity]) -> int:
    return x[0]


class SpeakerResolver:
    """The persons and organizations of an article, indexed once by offset and name, so
    that resolving an attribution is a bisection and a few look-ups."""

    def __init__(
        self,
        doc: Doc,
        ents: ArticleEntities,
        person_country: dict[int, str],
        titles: dict[str, list[Entity]] | None = None,
    ) -> None:
        self.doc, self.ents, self.person_country = doc, ents, person_country
        self.titles = titles or {}
        self.by_word = _people_by_word(ents)
        self.by_char: list[tuple[int, int, Entity]] = []
        subjects: list[tuple[int, Entity]] = []  # (offset, person named as a subject)
        # (offset, person named as the subject of a saying verb, or a quotation's speaker)
        self.sayers: list[tuple[int, Entity]] = []
        self.named_at: dict[int, list[int]] = {}  # id(person) -> offsets of its mentions
        # (the title written before a person's name, folded; the person)
        self.titled: list[tuple[str, Entity]] = []
        self.body_sayers: list[tuple[int, Entity]] = []  # (offset, organization told saying)
        for e in ents.entities:
            if e.kind not in (PERSON, ORG):
                continue
            for m in e.mentions:
                at = doc[m.start].idx
                self.by_char.append((at, doc[m.end - 1].idx + len(doc[m.end - 1]), e))
                if e.kind != PERSON:
                    # ("The ministry issued a statement. “…,” it said": a body named as a
                    # subject is what "it" may say for, a few sentences on)
                    if any(says(doc, range(m.start, m.end), m.end)):
                        self.body_sayers.append((at, e))
                    continue
                self.named_at.setdefault(id(e), []).append(at)
                title_start = (
                    m.title_start if m.title_start is not None else title_run(doc, m.start)
                )
                title = doc[title_start : m.start].text
                if title_start < m.start and "\n" not in title:
                    # (a title on the line before is a sign-off's, not this name's)
                    self.titled.append((fold(title), e))
                tokens = range(m.title_start if m.title_start is not None else m.start, m.end)
                subject, saying = says(doc, tokens, m.end)
                if subject:
                    subjects.append((at, e))
                if saying:
                    self.sayers.append((at, e))
        self.by_char.sort(key=lambda x: x[0])
        self.char_starts = [s for s, _, _ in self.by_char]
        subjects += self._unlinked_subjects()
        subjects.sort(key=lambda x: x[0])  # "last named" is the last in the text
        self.subjects = subjects
        self.subject_offsets = [s for s, _ in subjects]
        self.sayers.sort(key=lambda x: x[0])
        self.body_sayers.sort(key=lambda x: x[0])
        for offsets in self.named_at.values():
            offsets.sort()
        self._kinds: dict[tuple[str, str | None], list[Entity]] = {}
        self.genders = person_genders(doc, ents)

    def _unlinked_subjects(self) -> list[tuple[int, Entity]]:
        """Subjects no mention covers (a rare surname the tagger took for a place): a
        proper noun subject that is a word of one person's name and no country's."""
        out = []
        for tok in self.doc:
            if tok.dep_ != "nsubj" or tok.pos_ != "PROPN":
                continue
            people = self.by_word.get(fold(tok.text), [])
            k = bisect_right(self.char_starts, tok.idx) - 1
            covered = k >= 0 and self.by_char[k][1] > tok.idx
            if len(people) == 1 and not covered and country_named(tok.text) is None:
                out.append((tok.idx, people[0]))
        return out

    def entity_in(self, start: int, end: int, *, first: bool = False) -> Entity | None:
        """The person named in text[start:end] (the last one, or the first), else the
        organization."""
        lo = bisect_left(self.char_starts, start)
        hi = bisect_right(self.char_starts, end)  # (a name ending by `end` starts by it)
        hits = [e for s, t, e in self.by_char[lo:hi] if t <= end]
        persons = [e for e in hits if e.kind == PERSON]
        found = persons or hits or [None]
        return found[0] if first else found[-1]

    def _persons_in(self, start: int, end: int) -> int:
        lo, hi = bisect_left(self.char_starts, start), bisect_right(self.char_starts, end)
        return len({id(e) for s, t, e in self.by_char[lo:hi] if t <= end and e.kind == PERSON})

    def org_in(self, start: int, end: int) -> Entity | None:
        lo, hi = bisect_left(self.char_starts, start), bisect_right(self.char_starts, end)
        orgs = [e for s, t, e in self.by_char[lo:hi] if t <= end and e.kind == ORG]
        return orgs[-1] if orgs else None

    def last_person_before(self, pos: int, pronoun: str | None = None) -> Entity | None:
        """Who "he" or "she" saying something before pos is: the last person told saying
        something (a pronoun that says goes on with the last sayer, not with whoever was
        named last), else the last person named as a sentence subject; of the pronoun's
        gender where the article tells a person's, and the subject if only its gender is
        told."""
        gender = pronoun_gender(pronoun) if pronoun else None
        sayer = self._last_of(self.sayers, pos, gender)
        subject = self._last_of(self.subjects, pos, gender)
        if sayer is None or gender is None or subject is None:
            return sayer or subject
        told = self.genders.get(id(subject)) == gender != self.genders.get(id(sayer))
        return subject if told else sayer

    def _last_of(
        self, found: list[tuple[int, Entity]], pos: int, gender: str | None
    ) -> Entity | None:
        for _, e in reversed(found[: bisect_left(found, pos, key=_at)]):
            if gender is None or self.genders.get(id(e), gender) == gender:
                return e
        return None

    def last_body_before(self, pos: int) -> Entity | None:
        """Who "it" saying something is: the last organization told saying something, a
        few sentences back at most ("it" may as well be a country or a plan)."""
        k = bisect_left(self.body_sayers, pos, key=lambda x: x[0])
        if not k or pos - self.body_sayers[k - 1][0] > _IT_REACH:
            return None
        return self.body_sayers[k - 1][1]

    def said(self, at: int, speaker: Entity) -> None:
        """A quotation at `at` was resolved to `speaker` by name: a sayer from there on."""
        # (before a person named right there: "“…,” X said.\n\nY agreed." -> Y is the last)
        insort_left(self.sayers, (at, speaker), key=lambda x: x[0])

    def resolve(self, who: str, start: int, end: int, *, first: bool = False) -> Entity | None:
        """The one entity that `who` (text[start:end]) names, or None: a body named by its
        kind ("the ministry") is an organization or no one, never the nearest person."""
        bare = THE.sub("", who).strip()
        if bare.lower() in _data("pronouns"):
            return self.last_person_before(start, bare)
        if bare.lower() == "it" or bare.lower() in _data("document_heads"):
            # ("the statement said": the body told saying something just before, if any)
            return self.last_body_before(start)
        if (owned := _POSSESSED.match(bare)) and self._persons_in(start, start + len(who)):
            # "Banda's spokesperson said": the one holding that office, never Banda
            holder = self._titled(owned.group("office"), start)
            return holder if holder not in (None, self.entity_in(start, end)) else None
        m = QUOTED_AS.search(who)
        if m:
            return self.entity_in(start + m.start("who"), start + m.end("who"))
        if body_head(bare):
            return self.org_in(start, end) or self._body(bare)
        if self._two_speakers(who, start, end):
            return None  # "Kovac and Banda said": two speakers are none of the quotation's one
        e = self._not_owner(bare, start, end, first)
        if e is not None:
            return e
        if _ACRONYM.fullmatch(bare):
            return self._by_acronym(bare)
        return self._named(bare) or self._titled(bare, start)

    def _not_owner(self, bare: str, start: int, end: int, first: bool) -> Entity | None:
        """The entity named in text[start:end], never a person named as an owner: "X's
        Finnish counterpart, Y" is Y, and "X's Finnish counterpart" that office's holder."""
        lo, hi = bisect_left(self.char_starts, start), bisect_right(self.char_starts, end)
        hits = [(t, e) for _, t, e in self.by_char[lo:hi] if t <= end]
        text = self.doc.text
        owners = {id(e) for t, e in hits if text[t : t + 2] in ("’s", "'s")}
        if not owners:
            return self.entity_in(start, end, first=first)
        persons = [e for _, e in hits if e.kind == PERSON and id(e) not in owners]
        if persons:
            return persons[0] if first else persons[-1]
        office = _POSSESSIVE_SPLIT.split(bare, maxsplit=1)[-1].strip()
        holder = self._titled(office, start) if office else None
        return holder if holder is not None and id(holder) not in owners else None

    def _two_speakers(self, who: str, start: int, end: int) -> bool:
        """ "Kovac and Banda", "Kovac and his counterpart": a person named before "and" and
        someone after it (a title before "and" is one person's: "Minister of Trade and
        Industry X")."""
        joined = _AND.search(who)
        if joined is None:
            return False
        if self._persons_in(start, end) > 1:
            return True
        before = who[: joined.start()].strip()
        named = self._persons_in(start, start + joined.start()) or self._named(before)
        return bool(before) and bool(named)

    def _by_acronym(self, acronym: str) -> Entity | None:
        """`the PCO said`: the one organization of the article called so, or whose
        capitalized words spell it ("Presidential Communications Office")."""
        orgs = [
            e
            for e in self.ents.by_kind(ORG)
            if any(n == acronym or _initials(n) == acronym for n in e.names)
            or any(acronym in m.extra_names for m in e.mentions)
        ]
        return orgs[0] if len(orgs) == 1 else None

    def _body(self, bare: str) -> Entity | None:
        """`the ministry`, `the delegation`: the one organization of the article with
        that head word (a ministry, for "ministry")."""
        head = body_head(bare)
        iso3, _ = country_and_office(bare)  # "the Russian ministry": of that country only
        return body_named(self.ents.by_kind(ORG), head, iso3) if head else None

    def _named(self, bare: str) -> Entity | None:
        """`Venndal`, `President van der Morr`: a word of one person's name."""
        words = bare.split()
        if words and words[-1][:1].isupper():
            people = self.by_word.get(fold(POSSESSIVE.sub("", words[-1])), [])
            if len(people) == 1:
                return people[0]
        return None

    def _titled(self, bare: str, start: int) -> Entity | None:
        """`the Foreign Secretary`, `the Armenian Prime Minister`, `the Ghanaian leader`:
        the holder of that office (of that country) named last before the quotation."""
        iso3, office = country_and_office(without_modifiers(bare))
        if not office:
            return None
        people = self._holders(office)
        if iso3:
            people = [p for p in people if self.person_country.get(id(p)) == iso3]
            if not people and office in ("leader", "head of state", "side", "counterpart"):
                # "the Ghanaian leader": the most-named person of that country
                people = self._of_country(iso3)
                return max(people, key=lambda p: len(p.mentions), default=None)
        if not people and office in _data("generic_persons"):
            # "the diplomat said": the one told saying something last
            return self.last_person_before(start)
        return self._named_last(people, start)

    def _holders(self, office: str) -> list[Entity]:
        """The persons the article gives that office, under its own name, its role label,
        another name of it, or (a one-word office) any office ending in it."""
        office = roles_titles().get(office, office)
        for label in (office, *_data("title_synonyms").get(office, [])):
            if self.titles.get(label):
                return list(self.titles[label])
        found: list[Entity] = []
        if office in _data("office_heads"):
            for label, people in self.titles.items():
                if label.split()[-1] == office:
                    found += [p for p in people if p not in found]
        if not found:
            # a title the role layer read otherwise ("Deputy Prime Minister and Foreign
            # Minister Senator X"), as written before the name
            within = re.compile(rf"(?:^|\s){re.escape(office)}(?:\s|$)")
            for title, p in self.titled:
                if p not in found and within.search(title):
                    found.append(p)
        return found

    def _named_last(self, people: list[Entity], start: int) -> Entity | None:
        if len(people) <= 1:
            return people[0] if people else None
        last = {}
        for p in people:
            offsets = self.named_at.get(id(p), [])
            k = bisect_left(offsets, start)
            if k:
                last[id(p)] = offsets[k - 1]
        return max(people, key=lambda p: last.get(id(p), -1)) if last else None

    def _of_country(self, iso3: str) -> list[Entity]:
        key = (PERSON, iso3)
        if key not in self._kinds:
            self._kinds[key] = [
                p for p in self.ents.by_kind(PERSON) if self.person_country.get(id(p)) == iso3
            ]
        return self._kinds[key]


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _people_by_word(ents: ArticleEntities) -> dict[str, list[Entity]]:
    """Any word of a person's name, told anywhere in the article ("Venndal", "Morovic")."""
    by_word: dict[str, list[Entity]] = {}
    for p in ents.by_kind(PERSON):
        for name in p.names:
            for w in name.split():
                if w[:1].isupper() and len(w) > 2:
                    people = by_word.setdefault(fold(w), [])
                    if p not in people:
                        people.append(p)
    return by_word
