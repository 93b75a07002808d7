"""Where an article names its persons and organizations, indexed once by offset and name:
the mentions by character offset, the persons named as a sentence's subject or told saying
something, the bodies told saying something, the titles written before names and each
person's mentions, so that speakers.py resolves an attribution by a bisection and a few
look-ups rather than a pass over the article."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort_left

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.entity import ArticleEntities, Entity, fold
from communique.mapping.entities.genders import person_genders, pronoun_gender
from communique.mapping.facts.sayers import quoted_flags
from communique.mapping.facts.subjects import says, title_run
from communique.mapping.mentions.finder import ORG, PERSON
from communique.mapping.mentions.gazetteers import country_named
from communique.mapping.nlp.arrays import PROPER, SUBJECT, texts, where
from communique.mapping.nlp.language import doc_text, sentence_of, text_of, tokens_of

_IT_REACH = 400  # characters: about three sentences


def _at(x: tuple[int, Entity]) -> int:
    return x[0]


def _quoted_words(doc: Doc) -> set[int]:
    """The tokens inside quotations (a mark a paragraph leaves open closes at its end)."""
    out: set[int] = set()
    start, last = 0, len(doc) - 1
    for i, text in enumerate(texts(doc)):
        if text.isspace() and "\n" in text or i == last:  # (`tok.is_space`: `isspace()`)
            flags = quoted_flags(doc, start, i + 1)
            out.update(j for j, inside in enumerate(flags, start) if inside)
            start = i + 1
    return out


class SpeakerIndex:
    """The persons and organizations of an article, indexed once by offset and name."""

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
        quoted = _quoted_words(doc)
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
                if m.start in quoted:
                    continue  # ("“X and I agreed,” he said": he is not X, whom he named)
                title_start = (
                    m.title_start if m.title_start is not None else title_run(doc, m.start)
                )
                title = text_of(Span(doc, title_start, max(title_start, m.start)))
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
        tokens = tokens_of(self.doc)
        for tok in (tokens[i] for i in where(self.doc, dep=SUBJECT, pos=PROPER)):
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

    def named_first(self, start: int, end: int) -> Entity | None:
        """The entity, person or not, named first in text[start:end], unless it owns what
        comes next ("the ministry's spokesman X")."""
        lo, hi = bisect_left(self.char_starts, start), bisect_right(self.char_starts, end)
        first = next(((t, e) for s, t, e in self.by_char[lo:hi] if t <= end), None)
        if first is None or doc_text(self.doc)[first[0] : first[0] + 2] in ("’s", "'s"):
            return None
        return first[1]

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

    def last_named_before(self, pos: int) -> int | None:
        """Where the last person named before pos is named."""
        for j in range(bisect_left(self.char_starts, pos) - 1, -1, -1):
            if self.by_char[j][2].kind == PERSON:
                return self.by_char[j][0]
        return None

    def last_body_before(self, pos: int) -> Entity | None:
        """Who "it" saying something is: the last organization told saying something, a
        few sentences back at most ("it" may as well be a country or a plan)."""
        k = bisect_left(self.body_sayers, pos, key=lambda x: x[0])
        if not k or pos - self.body_sayers[k - 1][0] > _IT_REACH:
            return None
        return self.body_sayers[k - 1][1]

    def body_said_at(self, body: Entity, pos: int) -> int:
        """Where `body` was last told saying something before pos (-1 if never)."""
        k = bisect_left(self.body_sayers, pos, key=lambda x: x[0])
        return next((at for at, e in reversed(self.body_sayers[:k]) if e is body), -1)

    def said(self, at: int, speaker: Entity) -> None:
        """A quotation at `at` was resolved to `speaker` by name: a sayer from there on."""
        # (before a person named right there: "“…,” X said.\n\nY agreed." -> Y is the last)
        insort_left(self.sayers, (at, speaker), key=lambda x: x[0])

    def _named_last(self, people: list[Entity], start: int) -> Entity | None:
        if len(people) <= 1:
            return people[0] if people else None
        last = {}
        for p in people:
            offsets = self.named_at.get(id(p), [])
            k = bisect_left(offsets, start)
            if k:
                last[id(p)] = offsets[k - 1]
        if not last:
            return None
        ranked = sorted((p for p in people if id(p) in last), key=lambda p: -last[id(p)])
        if (subject := self._subject_of_last_sentence(ranked, last)) is not None:
            return subject
        # (the holder the story names most so far; of as many, the one named last)
        told = {id(p): bisect_left(self.named_at.get(id(p), []), start) for p in ranked}
        return max(ranked, key=lambda p: (told[id(p)], last[id(p)]))

    def _subject_of_last_sentence(self, ranked: list[Entity], last: dict) -> Entity | None:
        """Of the holders named in the sentence that names one last, the one told as its
        subject ("X met his counterpart Y." then "the minister said": the one the story
        follows), if exactly one is."""
        tokens = {id(p): self._name_head_at(last[id(p)]) for p in ranked}
        first = tokens[id(ranked[0])]
        sentence = sentence_of(first.doc, first.i)
        subjects = [
            p
            for p in ranked
            if sentence.start <= tokens[id(p)].i < sentence.end
            and tokens[id(p)].dep_ in ("nsubj", "nsubjpass")
        ]
        return subjects[0] if len(subjects) == 1 else None

    def _name_head_at(self, offset: int) -> Token:
        """The head word of the name that starts at char `offset`."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        tok = span[0] if span is not None and len(span) else self.doc[0]
        while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
            tok = tok.head
        return tok

    def _of_country(self, iso3: str) -> list[Entity]:
        key = (PERSON, iso3)
        if key not in self._kinds:
            self._kinds[key] = [
                p for p in self.ents.by_kind(PERSON) if self.person_country.get(id(p)) == iso3
            ]
        return self._kinds[key]


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
