"""Quotations: the words an article quotes and who said them ("…,” Nurtleu said",
"“…,” he said" -> the last person named as a subject, "he quoted Osinbajo as saying")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.cluster import ArticleEntities, Entity, fold
from communique.mapping.mentions.finder import ORG, PERSON
from communique.mapping.mentions.gazetteers import country_named
from communique.mapping.nlp.language import doc_text, sentence_of

MIN_WORDS = 4  # shorter quoted fragments ("wisely") are emphasis, not quotations ...
MIN_FRAGMENT_WORDS = 2  # ... unless someone is told saying them: said X was "a natural partner"
REPORT_VERBS = (
    r"(?:said|says|added|noted|stated|stressed|emphasi[sz]ed|told|declared|remarked|"
    r"continued|explained|underlined|affirmed|wrote)"
)
_QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
_AFTER = re.compile(rf"^\s*,?\s*(?P<who>[^,.;“”\"]{{1,70}}?)\s+{REPORT_VERBS}\b")
_AFTER_INV = re.compile(rf"^\s*,?\s*{REPORT_VERBS}\s+(?P<who>[^,.;“”\"]{{1,70}}?)\s*[,.]")
_QUOTED_AS = re.compile(r"\bquoted\s+(?P<who>[^,.;]{1,60}?)\s+as\s+saying\b")
_BEFORE = re.compile(rf"(?P<who>[^,.;“”\"]{{1,70}}?)\s+{REPORT_VERBS}(?:\s+that)?\s*[:,]?\s*$")
_THE_MINISTRY = re.compile(r"(?i)the\s+(?:foreign\s+)?(?:ministry|foreign\s+office)")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+(?P<who>[^,;“”\"]{1,70}?)\s*,\s*$")
_LEADER = re.compile(
    r"\b(?:the\s+)?(?P<adj>[A-Z][\w-]+)\s+(?:leader|president|side|minister|"
    r"premier|head of state|foreign minister)\b"
)


@dataclass
class Quote:
    """Words quoted in the article and their speaker, if known."""

    text: str
    speaker: Entity | None
    sentence: Span
    at: int | None = None  # character offset of the quotation in the doc


class _Resolver:
    def __init__(
        self,
        doc: Doc,
        ents: ArticleEntities,
        person_country: dict[int, str],
        titles: dict[str, list[Entity]] | None = None,
    ) -> None:
        self.doc, self.ents, self.person_country = doc, ents, person_country
        self.titles = titles or {}
        # any word of a person's name, told anywhere in the article ("Ruto", "Lula")
        self.by_word: dict[str, list[Entity]] = {}
        for p in ents.by_kind(PERSON):
            for name in p.names:
                for w in name.split():
                    if w[:1].isupper() and len(w) > 2:
                        people = self.by_word.setdefault(fold(w), [])
                        if p not in people:
                            people.append(p)
        self.by_char: list[tuple[int, int, Entity]] = []
        self.subjects: list[tuple[int, Entity]] = []  # (offset, person named as a subject)
        for e in ents.entities:
            if e.kind not in (PERSON, ORG):
                continue
            for m in e.mentions:
                self.by_char.append((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]), e))
                tokens = range(m.title_start if m.title_start is not None else m.start, m.end)
                says = m.end < len(doc) and doc[m.end].lemma_ in ("say", "tell", "add")
                if e.kind == PERSON and (says or any(_in_subject(doc[i]) for i in tokens)):
                    self.subjects.append((doc[m.start].idx, e))
        self.by_char.sort(key=lambda x: x[0])
        # (offsets in order, to find what lies between two offsets by bisection)
        self.char_starts = [s for s, _, _ in self.by_char]
        # the subjects by offset, with the latest place in `subjects` up to each: "last
        # named" is in the order subjects were listed, not in the order of the text
        ranked = sorted(range(len(self.subjects)), key=lambda n: self.subjects[n][0])
        self.subject_offsets = [self.subjects[n][0] for n in ranked]
        self.subject_latest: list[int] = []
        for n in ranked:
            latest = self.subject_latest
            latest.append(max(n, latest[-1]) if latest else n)
        self._kinds: dict[tuple[str, str | None], list[Entity]] = {}
        self.marks = _TextMarks(doc_text(doc))
        # sentence start -> its first saying verb with a subject, and the subject
        self.report_verbs: dict[int, tuple[Token, Token] | None] = {}

    def entity_in(self, start: int, end: int) -> Entity | None:
        first = bisect_left(self.char_starts, start)
        last = bisect_right(self.char_starts, end)  # (a name ending by `end` starts by it)
        hits = [e for s, t, e in self.by_char[first:last] if t <= end]
        persons = [e for e in hits if e.kind == PERSON]
        return (persons or hits or [None])[-1]

    def last_person_before(self, pos: int) -> Entity | None:
        """The person last named as a sentence subject before pos."""
        k = bisect_left(self.subject_offsets, pos)
        return self.subjects[self.subject_latest[k - 1]][1] if k else None

    def resolve(self, who: str, start: int, end: int) -> Entity | None:
        if who.strip().lower() in ("he", "she"):
            return self.last_person_before(start)
        if _THE_MINISTRY.fullmatch(who.strip()):
            # "the ministry said": the one ministry the article names
            ministries = self._of_kind("ministry")
            return ministries[0] if len(ministries) == 1 else None
        m = _QUOTED_AS.search(who)
        if m:
            return self.entity_in(start + m.start("who"), start + m.end("who"))
        e = self.entity_in(start, end)
        if e is not None:
            return e
        e = self._named_or_titled(who)
        if e is not None:
            return e
        m = _LEADER.search(who)
        if m and (rec := country_named(m.group("adj"))):
            # "the Ghanaian leader": the most-named person of that country
            people = self._of_kind(PERSON, rec.iso3)
            return max(people, key=lambda p: len(p.mentions), default=None)
        return None

    def _of_kind(self, kind: str, iso3: str | None = None) -> list[Entity]:
        """The ministries ("ministry"), or the persons of a country (PERSON, iso3): listed
        once, not for each quotation."""
        key = (kind, iso3)
        if key not in self._kinds:
            if kind == "ministry":
                found = [e for e in self.ents.by_kind(ORG) if e.subkind == "ministry"]
            else:
                found = [
                    p for p in self.ents.by_kind(PERSON) if self.person_country.get(id(p)) == iso3
                ]
            self._kinds[key] = found
        return self._kinds[key]

    def _named_or_titled(self, who: str) -> Entity | None:
        """`Ruto`, `President von der Leyen`: a word of one person's name; `the Foreign
        Secretary`: the one person the article gives that title."""
        words = who.split()
        if words and words[-1][:1].isupper():
            people = self.by_word.get(fold(words[-1].strip("'’")), [])
            if len(people) == 1:
                return people[0]
        title = fold(re.sub(r"(?i)^\s*the\s+", "", who).strip())
        people = self.titles.get(title, [])
        return people[0] if len(people) == 1 else None


_NOMINAL = {"compound", "conj", "appos", "pobj", "prep", "poss", "flat", "cc"}


def _in_subject(tok: Token) -> bool:
    """Whether a token is (inside) a clause's subject: "Malaysia's Minister of Foreign
    Affairs Datuk Seri Mohamad Hasan said", however the parser hangs the name."""
    t = tok
    for _ in range(6):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ not in _NOMINAL or t.head is t:
            return False
        t = t.head
    return False


def find_quotes(
    doc: Doc,
    ents: ArticleEntities,
    person_country: dict[int, str],
    titles: dict[str, list[Entity]] | None = None,
) -> list[Quote]:
    """Every quotation of at least a few words, attributed where the text allows; `titles`
    maps a folded role label to the persons holding it."""
    r = _Resolver(doc, ents, person_country, titles)
    text = doc_text(doc)
    out: list[Quote] = []
    last: tuple[int, Entity] | None = None  # (end offset, speaker) of the last quote
    for m in _QUOTE.finditer(text):
        words = (m.group(1) or m.group(2)).strip()
        n_words = len(words.split())
        if n_words < MIN_FRAGMENT_WORDS or _is_a_name(words):
            continue
        fragment = n_words < MIN_WORDS
        speaker = None
        told = False  # an attribution right after the quote, resolved or not
        # a paragraph ends the attribution: a sign-off line ("New York, 30 August") is no speaker
        tail = text[m.end() : m.end() + 120].split("\n\n")[0]
        inside = text[m.end() - 1] in '”"' and text[m.end() - 2] in ",.!?"
        q = _QUOTED_AS.search(tail[:80]) if inside else None
        if q and not re.search(r"[.!?]", tail[: q.start()]):
            speaker = r.entity_in(m.end() + q.start("who"), m.end() + q.end("who"))
        for pattern in () if speaker or fragment else (_AFTER, _AFTER_INV):
            a = pattern.match(tail)
            if a and inside:
                told = True
                s = m.end() + a.start("who")
                speaker = r.resolve(a.group("who"), s, m.end() + a.end("who"))
                if speaker is None and (q := _QUOTED_AS.search(tail[: a.end() + 60])):
                    speaker = r.entity_in(m.end() + q.start("who"), m.end() + q.end("who"))
                break
        if speaker is None and (a := _ACCORDING.search(text[max(0, m.start() - 90) : m.start()])):
            # 'According to Toiu, "our partnership ..."'
            s = max(0, m.start() - 90) + a.start("who")
            speaker = r.resolve(a.group("who"), s, s + len(a.group("who")))
        if speaker is None:
            sent = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
            sent = sentence_of(doc, sent.start) if sent is not None else None
            if sent is not None:
                speaker = _subject_of_report(r, sent, m.start())
        if fragment and speaker is None:
            continue  # a short fragment no one is told saying: emphasis or a name
        if speaker is None and not told:
            speaker = _speaker_going_on(r, m.start(), last)
        if speaker is not None:
            last = (m.end(), speaker)
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        out.append(
            Quote(
                words.rstrip(",."),
                speaker,
                sentence_of(doc, span.start) if span is not None else doc[:],
                m.start(),
            )
        )
    return out


def _speaker_going_on(r: _Resolver, start: int, last: tuple[int, Entity] | None) -> Entity | None:
    """The speaker of the quotation told before, still speaking at `start` (given as its end
    and speaker); else one told in the paragraph before a quote paragraph of its own."""
    marks = r.marks
    if (
        last is not None
        and not marks.paragraph_break(last[0], start)
        and marks.sentence_ends(last[0], start) <= 1
        and marks.report_verb(last[0], start)
    ):
        return last[1]  # '“…,” Albanese told reporters. “We want …”': the same speaker goes on
    if not _opens_paragraph(marks.text, start):
        return None
    # a quote paragraph of its own goes on with the speaker of the paragraph before
    if last is not None and not marks.paragraph_break(last[0], start, strip=True):
        return last[1]
    return _report_before(r, r.doc, marks.text, start)


def _subject_of_report(r: _Resolver, sent: Span, quote_start: int) -> Entity | None:
    """`The Ghanaian leader said his visit was ... to “take stock ...”`: the sayer."""
    # the first saying verb with a subject decides for every quote after it: found once per
    # sentence, not once per quote
    if sent.start not in r.report_verbs:
        r.report_verbs[sent.start] = _first_sayer(sent)
    found = r.report_verbs[sent.start]
    if found is None or found[0].idx >= quote_start:
        return None
    subj = found[1]
    s, e = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
    return r.resolve(doc_text(r.doc)[s:e], s, e)


def _first_sayer(sent: Span) -> tuple[Token, Token] | None:
    """The sentence's first saying verb whose clause has a subject, and that subject."""
    climbed: dict[int, Token] = {}
    for t in sent:
        if t.pos_ == "VERB" and (
            re.fullmatch(REPORT_VERBS, t.text) or t.lemma_.lower() in _CHARACTERIZING
        ):
            verb = _with_subject(t, climbed)
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return t, subj
    return None


def _with_subject(verb: Token, climbed: dict[int, Token]) -> Token:
    """ "said ... and called the deal “a historic step”": the first verb of a run of
    conjoined ones without a subject of their own (each step of the run walked once)."""
    path, v = [], verb
    while v.i not in climbed and v.dep_ == "conj" and not _has_subject(v):
        path.append(v.i)
        v = v.head
    top = climbed.get(v.i, v)
    climbed.update(dict.fromkeys(path, top))
    return top


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" for c in verb.children)


# verbs whose object a speaker puts in their own words: called the deal "a historic step"
_CHARACTERIZING = {"call", "describe", "term", "hail", "label", "dub", "brand", "praise"}
_CHARACTERIZING |= {"urge", "warn", "insist", "pledge", "vow", "promise"}


_SMALL = {"a", "an", "the", "of", "for", "and", "in", "on", "to", "with", "at", "by", "or"}


def _is_a_name(words: str) -> bool:
    """`the theme "Strengthening Multilateralism for Just Global Development"`: a title, no
    speech (every word capitalized, no sentence punctuation)."""
    if re.search(r"[.,!?;:]$", words):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL for w in words.split())


class _TextMarks:
    """Paragraph breaks, sentence ends and saying verbs of the text, found once: whether
    one lies between two offsets is then a bisection, not a pass over what lies between
    (the last quote with a known speaker may be far back)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer(r"(?=\n\n)", text)]
        # a sentence end is [.!?] then a space, or at the end of what is looked at
        self.ends = [m.start() for m in re.finditer(r"[.!?](?=\s)", text)]
        self.verbs = [m.span() for m in re.finditer(rf"\b{REPORT_VERBS}\b", text)]
        self.verb_starts = [s for s, _ in self.verbs]

    def paragraph_break(self, a: int, b: int, *, strip: bool = False) -> bool:
        """Whether "\n\n" is in text[a:b] (stripped of spaces at both ends)."""
        if strip:
            while a < b and self.text[a].isspace():
                a += 1
            while b > a and self.text[b - 1].isspace():
                b -= 1
        k = bisect_left(self.breaks, a)
        return k < len(self.breaks) and self.breaks[k] + 2 <= b

    def sentence_ends(self, a: int, b: int) -> int:
        """How many sentences end in text[a:b] (one right at b counts too)."""
        inside = bisect_left(self.ends, b - 1) - bisect_left(self.ends, a)
        return inside + (a < b and self.text[b - 1] in ".!?")

    def report_verb(self, a: int, b: int) -> bool:
        """Whether a saying verb stands in text[a:b], from one quote's end to another's
        start (so that a word cut at either edge is no concern: a quote mark stands there)."""
        k = bisect_left(self.verb_starts, a)
        return k < len(self.verbs) and self.verbs[k][1] <= b


def _opens_paragraph(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos]
    return pos == 0 or before.endswith("\n") or before.strip() == "" and "\n" in before


# a saying verb closing a paragraph, then at most 40 characters (a match is short: it is
# looked for in the paragraph's last 80 characters only)
_CLOSING_REPORT = re.compile(rf"{REPORT_VERBS}\b[^.!?]{{0,40}}[.:]$")


def _report_before(r: _Resolver, doc: Doc, text: str, pos: int) -> Entity | None:
    """`Albanese told reporters.` closing the paragraph just before: the sayer."""
    end = pos  # the text before pos without its trailing spaces, not copied out
    while end and text[end - 1].isspace():
        end -= 1
    if not end or not _CLOSING_REPORT.search(text, max(0, end - 80), end):
        return None
    tok = doc.char_span(end - 1, end, alignment_mode="expand")
    if tok is None:
        return None
    sent = sentence_of(doc, tok.start)
    return _subject_of_report(r, sent, end)
