"""Who speaks a quotation: the words that attribute it ("Venndal said", "the Chancellor
declared", "he concluded", "the ministry said in a statement") resolved to one entity of
the article, looked up in the index of speaker_index.py. The word classes (reporting
verbs, speaking bodies, offices) are in data/quotes.json."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort_left
from functools import cache

from communique.mapping.entities.bodies import body_head, body_named
from communique.mapping.entities.entity import Entity, fold
from communique.mapping.entities.titles import title_synonyms
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
from communique.mapping.facts.speaker_index import SpeakerIndex
from communique.mapping.facts.subjects import says
from communique.mapping.mentions.finder import ORG, PERSON
from communique.mapping.nlp.arrays import NOMINALS, SUBJECT, UNTAGGED, where
from communique.mapping.nlp.language import doc_text, tokens_of

_POSSESSIVE_SPLIT = re.compile(r"[’']s\s")
_AND = re.compile(r"\s(?:and|&)\s")
# "a statement by", "a statement issued by", "a press release from": its author follows
_BY_AUTHOR = re.compile(
    r"\b(?:statement|release|communiqu[eé]|readout)s?\s+(?:(?:issued|released|published)\s+)?(?:by|from)\s"
)
_AUTHOR_REACH = 400  # characters: about three sentences
# ("the ministry's spokesman Kurt Tal" names Tal: an office in lowercase words only)
_POSSESSED = re.compile(r"^(?P<owner>[^’']+)[’']s\s+(?P<office>[a-z][a-z -]*)$")


class SpeakerResolver(SpeakerIndex):
    """Resolves the words that attribute a quotation to one entity of the article, looked
    up in the article's index of persons and organizations."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # "the envoy said ...", then "“…,” she said": she goes on as the envoy's holder
        for at, e in self._described_sayers():
            insort_left(self.sayers, (at, e), key=lambda x: x[0])
        # (where "X's statement said" was read, X): what "it continued" then goes on with
        self.documents: list[tuple[int, Entity]] = []

    def _described_sayers(self) -> list[tuple[int, Entity]]:
        """The persons told saying something by their office alone ("the envoy said"),
        where the article gives that office to one of them."""
        found = []
        tokens = tokens_of(self.doc)
        for i in where(self.doc, dep=SUBJECT, pos=NOMINALS, ent_type=UNTAGGED):
            tok = tokens[i]
            if not any(c.lower_ == "the" for c in tok.children) or self.entity_in(
                tok.idx, tok.idx + len(tok)
            ):
                continue
            if not says(self.doc, range(tok.i, tok.i + 1), tok.i + 1)[1]:
                continue
            start = tok.left_edge.idx
            office = THE.sub("", self.doc[tok.left_edge.i : tok.i + 1].text).strip()
            holder = self._titled(office, start)
            if holder is not None and holder.kind == PERSON:
                found.append((start, holder))
        return found

    def resolve(
        self, who: str, start: int, end: int, *, first: bool = False, quoted: int | None = None
    ) -> Entity | None:
        """The one entity that `who` (text[start:end]) names, or None: a body named by its
        kind ("the ministry") is an organization or no one, never the nearest person.
        `quoted`: where the quotation `who` closes opens ("“…,” he said": he is one told
        before it, not a subject of its own sentences)."""
        # ("an excerpt of the statement reads": the statement's)
        bare = _PART_OF.sub("", THE.sub("", who).strip())
        if bare.lower() in _data("pronouns"):
            return self.last_person_before(start if quoted is None else quoted, bare)
        if bare.lower() == "it" or bare.lower() in _data("document_heads"):
            # ("the statement said": the body told saying something just before, if any, or
            # the author of "a statement by X" told just before, or of "X's statement")
            return self._document_before(start) or self._author_before(start)
        if (owned := _POSSESSED.match(bare)) and self._persons_in(start, start + len(who)):
            if owned.group("office").strip() in _WRITINGS:
                return self._writer(start, end)  # "X's statement said", "in X's message"
            # "Banda's spokesperson said": the one holding that office, never Banda
            holder = self._titled(owned.group("office"), start)
            return holder if holder not in (None, self.entity_in(start, end)) else None
        m = QUOTED_AS.search(who)
        if m:
            return self.entity_in(start + m.start("who"), start + m.end("who"))
        if body_head(bare) and fold(bare) not in title_synonyms():
            # (not "the head of government": an office another name of which is held)
            return self.org_in(start, end) or self._body(bare, start)
        if self._two_speakers(who, start, end):
            return None  # "Kovac and Banda said": two speakers are none of the quotation's one
        e = self._not_owner(bare, start, end, first)
        if e is not None:
            return e
        if _ACRONYM.fullmatch(bare):
            return self._by_acronym(bare)
        return self._named(bare) or self._titled(bare, start)

    def _writer(self, start: int, end: int) -> Entity | None:
        """The person whose statement (or message) text[start:end] names."""
        writer = self.entity_in(start, end, first=True)
        if writer is not None and writer.kind == PERSON:
            insort_left(self.documents, (start, writer), key=lambda x: x[0])
            return writer
        return None

    def _document_before(self, start: int) -> Entity | None:
        """What "it" saying something is: of the body told saying something and the person
        whose statement was quoted, the one told last, a few sentences back at most."""
        body = self.last_body_before(start)
        k = bisect_left(self.documents, start, key=lambda x: x[0])
        if not k or start - self.documents[k - 1][0] > _AUTHOR_REACH:
            return body
        at, writer = self.documents[k - 1]
        if body is not None and self.body_said_at(body, start) > at:
            return body
        return writer

    def _author_before(self, start: int) -> Entity | None:
        """X of "a statement by (his spokesman,) X" told a few sentences before `start`."""
        text = doc_text(self.doc)
        found = list(_BY_AUTHOR.finditer(text, max(0, start - _AUTHOR_REACH), start))
        if not found:
            return None
        after = found[-1].end()
        # ("a statement by the Foreign Ministry, X will travel ...": the body, not X)
        first = self.named_first(after, min(start, after + 80))
        return (
            first
            if first is not None and first.kind != PERSON
            else self.entity_in(after, min(start, after + 80), first=True)
        )

    def _not_owner(self, bare: str, start: int, end: int, first: bool) -> Entity | None:
        """The entity named in text[start:end], never a person named as an owner: "X's
        Finnish counterpart, Y" is Y, and "X's Finnish counterpart" that office's holder."""
        lo, hi = bisect_left(self.char_starts, start), bisect_right(self.char_starts, end)
        hits = [(t, e) for _, t, e in self.by_char[lo:hi] if t <= end]
        text = doc_text(self.doc)
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

    def _body(self, bare: str, start: int) -> Entity | None:
        """`the ministry`, `the delegation`: the one organization of the article with
        that head word (a ministry, for "ministry"), of several the one told before."""
        head = body_head(bare)
        iso3, _ = country_and_office(bare)  # "the Russian ministry": of that country only
        if not head:
            return None
        doc = self.doc
        return body_named(
            self.ents.by_kind(ORG),
            head,
            iso3,
            lambda e: any(doc[m.start].idx < start for m in e.mentions),
        )

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
        generic = office in _data("generic_persons")
        if iso3:
            theirs = [p for p in people if self.person_country.get(id(p)) == iso3]
            # (else the one holder whose title gave no country: "Foreign Minister X ...
            # the Romanian foreign minister said")
            unknown = [p for p in people if self.person_country.get(id(p)) is None]
            people = theirs or (unknown if len(unknown) == 1 else [])
            if not people and (generic or office in ("head of state", "side", "counterpart")):
                # "the Ghanaian leader", "the Brazilian diplomat": the most-named person of
                # that country
                people = self._of_country(iso3)
                return max(people, key=lambda p: len(p.mentions), default=None)
        if not people and generic:
            if self._unnamed_before(office, start):
                return None  # ("According to an EU official, ... “…,” the official said")
            # "the diplomat said": the one told saying something last
            return self.last_person_before(start)
        return self._named_last(people, start)

    def _unnamed_before(self, noun: str, start: int) -> bool:
        """Whether one such is brought in unnamed ("an EU official", "a senior diplomat") in
        the few sentences before `start`, after the last person named: "the official" is
        that one, whom the article does not name."""
        text = doc_text(self.doc)
        window = max(0, start - _UNNAMED_REACH)
        found = list(_unnamed_re(noun).finditer(text, window, start))
        if not found:
            return False
        named = self.last_named_before(start)
        return named is None or named < found[-1].start()

    def _holders(self, office: str) -> list[Entity]:
        """The persons the article gives that office, under its own name, its role label,
        another name of it, or (a one-word office) any office ending in it."""
        office = roles_titles().get(office, office)
        found: list[Entity] = []
        for label in (office, *title_synonyms().get(office, ())):
            if self.titles.get(label):
                found = list(self.titles[label])
                break
        # (a one-word office also names those whose office ends in it: "the minister"
        # after "Foreign Minister X ... with his counterpart Y", whom a counterpart's
        # bare "Minister" would otherwise take alone)
        if found and office not in _data("office_heads"):
            return found
        if office in _data("office_heads"):
            for label, people in self.titles.items():
                # ("special envoy of the president of X": an envoy's)
                if label.split(" of ")[0].split()[-1] == office:
                    found += [p for p in people if p not in found]
        if not found:
            # a title the role layer read otherwise ("Deputy Prime Minister and Foreign
            # Minister Senator X"), as written before the name
            within = re.compile(rf"(?:^|\s){re.escape(office)}(?:\s|$)")
            for title, p in self.titled:
                if p not in found and within.search(title):
                    found.append(p)
        return found


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_PART_OF = re.compile(
    r"^(?:an?\s+)?(?i:excerpt|extract|passage|part|section)s?\s+(?:of|from)\s+(?:the\s+)?"
)
_WRITINGS = frozenset((*_data("document_heads"), *_data("speech_nouns")))


_UNNAMED_REACH = 400  # characters: two or three sentences


@cache
def _unnamed_re(noun: str) -> re.Pattern:
    """ "an EU official", "a senior Korvan diplomat": one brought in by an indefinite."""
    return re.compile(rf"\b(?i:an?)\s+(?:[\w-]+\s+){{0,3}}?{re.escape(noun)}\b")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())
