"""Which mentions of an article are one person: a surname joins the full name it shortens
(the nearest earlier one when two fit), spellings of one name are joined (entities/names.py), a
surname the model tagged as an organization is taken back, and an untagged word of a person's
full name is that person. A part of the clustering of entities/cluster.py."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from communique.mapping.entities.entity import Entity, fold, name_words
from communique.mapping.entities.names import spellings
from communique.mapping.mentions.finder import ORG, PERSON, Mention
from communique.mapping.mentions.gazetteers import country_named
from communique.mapping.mentions.name_edges import LONG_NAME_STYLES, NAME_PARTICLES
from communique.mapping.nlp.arrays import PROPER, where
from communique.mapping.nlp.language import doc_text, tokens_of

# ", also known as", ", popularly known as", ", better known as"
_KNOWN_AS = re.compile(
    r",?\s+(?:(?:also|more|better|popularly|commonly|widely)\s+){0,2}known\s+as\s+\Z"
)
# lower-case words of names that say whose son or which family, not who
_NAME_PARTICLES = NAME_PARTICLES | {"abu", "ben"}


class PersonClustering:
    """The persons' part of the clustering builder (cluster._Builder), which holds the state."""

    doc: Doc
    mentions: list[Mention]
    entities: list[Entity]
    index: dict[int, Entity]
    keyed: dict[tuple[str, str], Entity]
    _by_word: dict[str, list[Entity]]
    _words: dict[int, set[str]]
    _indexed: int
    _starts: dict[int, tuple[int, list[int]]]

    if TYPE_CHECKING:

        def put(
            self, m: Mention, kind: str, key: str, name: str, iso3=None, subkind=None
        ) -> Entity: ...

    def persons(self) -> None:
        people = [m for m in self.mentions if m.kind == PERSON]
        # full names first, so that a surname joins the person it abbreviates
        for m in sorted(people, key=lambda m: (-len(name_words(m.text)), m.start)):
            target = self._person_for(m)
            if target is None:
                self.put(m, PERSON, m.text, m.text)
            else:
                target.mentions.append(m)
                target.add_name(m.text)
                self.index[id(m)] = target
        # the model's errors: a surname tagged ORG or FAC
        for m in self.mentions:
            if m.kind == ORG and m.subkind == "candidate":
                target = self._person_for(m) or self._known_as_of(m)
                if target is not None:
                    m.kind = PERSON
                    target.mentions.append(m)
                    target.add_name(m.text)
                    self.index[id(m)] = target
        self._join_spellings()
        self._known_as()
        self._untagged_name_words()

    def _join_spellings(self) -> None:
        """ "Sergey Valtrov" after "Sergei Valtrov", "Nadim Bessaoui" after "Nadim Farouk
        Bessaoui": the spellings of one name (entities/names.py) are one person."""
        people = [e for e in self.entities if e.kind == PERSON]
        for i, head in spellings([e.name for e in people]).items():
            self._merge(people[i], people[head])

    def _known_as(self) -> None:
        """ "Ana Velor, also known as Anvel": the name after "known as" is the same
        person's."""
        people = [e for e in self.entities if e.kind == PERSON]
        for e in people:
            owner = next(filter(None, map(self._known_as_of, e.mentions)), None)
            if owner is not None and owner is not e and e in self.entities:
                self._merge(e, owner)
        # (the name told again alone: "... greeted by Anvel")
        aka = {fold(n): e for e in self.entities if e.kind == PERSON for n in e.names[1:]}
        for e in [e for e in self.entities if e.kind == PERSON]:
            owner = aka.get(fold(e.name))
            if owner is not None and owner is not e and len(name_words(e.name)) == 1:
                self._merge(e, owner)

    def _known_as_of(self, m: Mention) -> Entity | None:
        """The person whose name comes right before ", also known as" and m's name."""
        start = self.doc[m.start].idx
        gap = _KNOWN_AS.search(doc_text(self.doc), max(0, start - 60), start)
        if gap is None:
            return None
        for e in self.entities:
            for x in e.mentions if e.kind == PERSON else ():
                last = self.doc[x.end - 1]
                if last.idx + len(last) == gap.start():
                    return e
        return None

    def _merge(self, gone: Entity, into: Entity) -> None:
        for m in gone.mentions:
            into.mentions.append(m)
            self.index[id(m)] = into
        for form in gone.names:
            into.add_name(form)
        self.entities.remove(gone)
        del self.keyed[(PERSON, gone.key)]
        self._indexed = 0
        self._by_word.clear()
        self._starts.clear()

    def _untagged_name_words(self) -> None:
        """`Lula invited Sheinbaum`: a word of one person's full name the model tagged as
        nothing (or, alone, as a work of art) is that person."""
        owners: dict[str, list[Entity]] = {}
        for e in self.entities:
            words = name_words(e.name) if e.kind == PERSON else []
            if len(words) < 2:
                continue
            for w in words:
                if len(w) > 2 and w not in _NAME_PARTICLES and e not in owners.get(w, []):
                    owners.setdefault(w, []).append(e)
        if not owners:
            return
        covered = {i for m in self.mentions for i in range(m.start, m.end)}
        added = False
        tokens = tokens_of(self.doc)
        for tok in (tokens[i] for i in where(self.doc, pos=PROPER)):
            if tok.i in covered or not tok.is_title:
                continue
            if tok.ent_type_ and not _a_lone_odd_tag(tok):
                continue
            people = owners.get(fold(tok.text), [])
            if len(people) != 1 or country_named(tok.text):
                continue
            m = Mention(PERSON, tok.i, tok.i + 1, tok.text, tok.text, None, "name word")
            self.mentions.append(m)
            people[0].mentions.append(m)
            people[0].add_name(tok.text)
            self.index[id(m)] = people[0]
            added = True
        if added:
            self.mentions.sort(key=lambda m: m.start)

    def _person_for(self, m: Mention) -> Entity | None:
        words = set(name_words(m.text))
        if not words:
            return None
        self._index_persons()
        # every fit has all the words: those of one word's persons are all (in order)
        postings = min((self._by_word.get(w, []) for w in words), key=len)
        fits = [
            e
            for e in postings
            if words <= self._words[id(e)] and e.name != m.text and not _the_father(m.text, e.name)
        ]
        fits = fits or self._styled_given_name(m)
        if not fits:
            return None
        if len(fits) > 1 and (title := self._title_word(m)):
            # ("President X" after "President A X" and "Minister B X": the president)
            fits = [
                e for e in fits if any(self._title_word(x) == title for x in e.mentions)
            ] or fits
        # the nearest earlier full mention wins an ambiguous surname
        return max(fits, key=lambda e: self._last_start_before(e, m.start))

    def _title_word(self, m: Mention) -> str | None:
        """The first word of the title written before the mention, if any."""
        if m.title_start is None:
            return None
        words = [t.lower_ for t in self.doc[m.title_start : m.start] if t.lower_ != "the"]
        return words[0] if words else None

    def _styled_given_name(self, m: Mention) -> list[Entity]:
        """ "Sheikh Hamad", "Prince Faisal" after "Sheikh Hamad bin Rashid Al Mansoori": a
        style with a given name alone may be any person whose full name begins with it."""
        words = name_words(m.text)
        if len(words) != 2 or words[0] not in LONG_NAME_STYLES:
            return []
        # a long name: two words or more after the given one ("Al-Nahari" counts as two,
        # as "Al Nahari" does)
        return [
            e
            for e in self._by_word.get(words[1], [])
            if len(e.name.replace("-", " ").split()) > 2 and name_words(e.name)[0] == words[1]
        ]

    def _index_persons(self) -> None:
        for e in self.entities[self._indexed :]:
            if e.kind == PERSON:
                words = set(name_words(e.name))
                # ("President Sisi" after "Abdel Fattah al-Sisi": the family name without
                # its article is a word of the name)
                words |= {w[3:] for w in words if w[:3] in ("al-", "el-") and len(w) > 5}
                self._words[id(e)] = words
                for w in words:
                    self._by_word.setdefault(w, []).append(e)
        self._indexed = len(self.entities)

    def _last_start_before(self, e: Entity, start: int) -> int:
        """The start of e's last mention before `start`, else -1."""
        seen, starts = self._starts.get(id(e), (0, []))
        for x in e.mentions[seen:]:  # mentions are only ever added
            insort(starts, x.start)
        self._starts[id(e)] = (len(e.mentions), starts)
        k = bisect_left(starts, start)
        return starts[k - 1] if k else -1


# tags the model gives a name it does not know ("Prabowo said": a work of art)
_ODD_TAGS = frozenset({"WORK_OF_ART", "PRODUCT"})


def _a_lone_odd_tag(tok) -> bool:
    """A one-word entity of a kind no person's name word is but the model's odd guess."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (
        tok.ent_type_ in _ODD_TAGS and tok.ent_iob_ == "B" and (nxt is None or nxt.ent_iob_ != "I")
    )


_PATRONYMIC = frozenset({"bin", "bint", "ibn", "ben"})
_FAMILY_MARKERS = _PATRONYMIC | {"al", "el", "abu"}


def _the_father(text: str, name: str) -> bool:
    """Whether `text` names the father of the one named `name`: by his given name alone
    ("Rashid" of "Hamad bin Rashid Al Nuaimi"), or by his own full name, which the son's
    goes on with ("Tamer bin Rashed Al Mansour" of "Khalid bin Tamer bin Rashed Al
    Mansour", though all its words are the son's)."""
    words = name_words(text)
    if set(words) <= _father(name):
        return True
    full = name_words(name)
    at = next((i for i, w in enumerate(full) if w in _PATRONYMIC), None)
    if at is None or at + 1 >= len(full) or not words or words[0] != full[at + 1]:
        return False
    return len(words) > 1 and set(words) <= set(full[at + 1 :])


def _father(name: str) -> set[str]:
    """ "Abdullah II" of "Al Hussein bin Abdullah II", "Rashid" of "Hamad bin Rashid Al
    Nuaimi": the father's name after "bin", up to a family name. A mention of those words
    alone names the father, not this person."""
    words = name_words(name)
    for i, w in enumerate(words):
        if w in _PATRONYMIC:
            father = []
            for x in words[i + 1 :]:
                if x in _FAMILY_MARKERS:
                    break
                father.append(x)
            return set(father)
    return set()
