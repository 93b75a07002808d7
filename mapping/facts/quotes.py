"""Quotations: the words an article quotes and who said them ("…,” Venndal said",
"“…,” he said" -> the last person named as a subject, "he quoted Adeyemi as saying",
"…, said the President", "the ministry said in a statement"). Who the attributing words
name is resolved in speakers.py; a quotation has one speaker or none."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.cluster import ArticleEntities, Entity
from communique.mapping.facts.marks import (
    MARK_GROUPS,
    OPEN_PARAGRAPH,
    QUOTE,
    TextMarks,
    opens_paragraph,
)
from communique.mapping.facts.reporting import QUOTED_AS, quote_words, report_verbs_pattern
from communique.mapping.facts.sayers import clause_sayer, deps, quoted_in, sayers
from communique.mapping.facts.speakers import SpeakerResolver
from communique.mapping.facts.subjects import subject_extent
from communique.mapping.mentions.finder import PERSON
from communique.mapping.nlp.language import doc_text, sentence_of

MIN_WORDS = 4  # shorter quoted fragments ("wisely") are emphasis, not quotations ...
# ... unless someone is told saying them: said X was "a natural partner", called it
# "pivotal"; a one-word one must be a word of judgement, not a scare-quoted manner
_ONE_WORD_POS = {"ADJ", "NOUN", "VERB"}
_REPORT = report_verbs_pattern()
_WHO = r"[^,.;“”\"]{1,70}?"
# (", and announced that …" goes on with the sentence's own subject: no attribution)
# ("“…,” Tal, 54, a former envoy, said": one or two appositions between commas are no
# clause of their own; "the ministry's spokesperson, Tal, said": the person of them speaks)
_AFTER = re.compile(
    rf"^\s*,?(?!\s*(?:and|but|or|then|while|as)\b)\s*(?P<who>{_WHO})"
    rf"(?P<app>(?:\s*,[^,.;“”\"]{{1,60}}){{1,2}}\s*,)?\s+{_REPORT}\b"
)
# "…, said the President", "…, mentioned the spokesman, Ann Tal at the ministry, …"
# (a comma before a lowercase word opens a clause of its own: ", adding that …")
# (the point of an abbreviated title ends no sentence: "…, said Ms. Tal")
_TITLE_POINT = "".join(rf"(?<!\b{t})" for t in quote_words("abbreviated_titles"))
_AFTER_INV = re.compile(
    rf"^\s*,?\s*{_REPORT}\s+(?P<who>(?:[^,;“”\"]|,\s*(?=[A-Z])){{1,150}}?)"
    rf"\s*(?:,(?!\s*[A-Z])|{_TITLE_POINT}\.|;|$)"
)
# "“…,” Tal was quoted as saying by the agency": the passive names the speaker
_QUOTED_PASSIVE = re.compile(
    rf"^\s*,?\s*(?P<who>{_WHO})\s+(?:was|were|is|has\s+been)\s+quoted\s+as\s+saying\b"
)
# ... or "In Toiu's words, “…”"
_ACCORDING = re.compile(
    r"(?:\b[Aa]ccording\s+to\s+(?P<who>[^,;“”\"]{1,70}?)"
    r"|\b[Ii]n\s+(?P<whose>[^,;.“”\"\n]{1,60}?)(?:[’']s?)?\s+(?:own\s+)?words)\s*,\s*$"
)


@dataclass
class Quote:
    """Words quoted in the article and their speaker, if known."""

    text: str
    speaker: Entity | None
    sentence: Span
    at: int | None = None  # character offset of the quotation in the doc


@dataclass
class _Found:
    """A speaker looked for: `told` when words attribute the quotation, resolved or not
    (then no speaker before goes on)."""

    speaker: Entity | None = None
    told: bool = False
    quoter: Entity | None = None  # "he quoted X as saying": who goes on saying, not X


def find_quotes(
    doc: Doc,
    ents: ArticleEntities,
    person_country: dict[int, str],
    titles: dict[str, list[Entity]] | None = None,
) -> list[Quote]:
    """Every quotation of at least a few words, attributed where the text allows; `titles`
    maps a folded role label to the persons holding it."""
    r = SpeakerResolver(doc, ents, person_country, titles)
    state = _State(r, doc_text(doc))
    out: list[Quote] = []
    for m in QUOTE.finditer(state.text):
        q, sayer = _quote_of(state, m)
        if q is not None:
            if q.speaker is not None:
                state.last = (m.end(), q.speaker)
            if sayer is not None and sayer.kind == PERSON:  # (a sayer once its sentence is)
                r.said(q.sentence.end_char, sayer)
            out.append(q)
    # a quotation no one can be found saying is no fact the article states of anyone
    return [q for q in _with_open_paragraphs(doc, state.text, out) if q.speaker is not None]


def _with_open_paragraphs(doc: Doc, text: str, quotes: list[Quote]) -> list[Quote]:
    """The quotes and, in text order, the paragraphs of quotations that go on in the next
    paragraph (their speaker is that of the next quotation)."""
    added = []
    for m in OPEN_PARAGRAPH.finditer(text):
        k = bisect_left([q.at or 0 for q in quotes], m.end("w"))
        span = doc.char_span(m.start("w"), m.start("w") + 1, alignment_mode="expand")
        if k < len(quotes) and span is not None:
            words = m.group("w").strip().rstrip(",.")
            added.append(Quote(words, quotes[k].speaker, sentence_of(doc, span.start), m.start()))
    return sorted(quotes + added, key=lambda q: q.at or 0) if added else quotes


class _State:
    """What the finder keeps across quotations of one article."""

    def __init__(self, r: SpeakerResolver, text: str) -> None:
        self.r, self.text = r, text
        self.marks = TextMarks(text)
        self.last: tuple[int, Entity] | None = None  # (end offset, speaker) of the last quote
        # sentence start -> its first saying verb with a subject, and the subject
        self.report_verbs: dict[int, list[tuple[Token, Token]]] = {}


def _quote_of(state: _State, m: re.Match) -> tuple[Quote | None, Entity | None]:
    """The quotation `m` found, if it is one, and who is told saying it."""
    doc, text = state.r.doc, state.text
    group = next(g for g in MARK_GROUPS if m.group(g) is not None)
    words = m.group(group).strip()
    n_words = len(words.split())
    if _is_a_name(words):
        return None, None
    fragment = n_words < MIN_WORDS
    found = _Found() if fragment else _told_after(state.r, text, m, m.end(group))
    if not found.told and (a := _ACCORDING.search(text[max(0, m.start() - 90) : m.start()])):
        # 'According to Toiu, "our partnership ..."'
        g = "who" if a.group("who") is not None else "whose"
        s = max(0, m.start() - 90) + a.start(g)
        found = _Found(state.r.resolve(a.group(g), s, s + len(a.group(g))), True)
    if not found.told:
        found = _colon_clause(state, m.start())
    if not found.told:
        sent = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        if sent is not None:
            found = _subject_of_report(state, sentence_of(doc, sent.start), m.start())
            if not found.told:
                found = _according_to(state, sentence_of(doc, sent.start), m.start())
    if not found.told and (c := _NAME_COLON.search(text, max(0, m.start() - 60), m.start())):
        found = _named_before_colon(state.r, c)
    if fragment and not _fragment_said(doc, m, group, n_words, found):
        return None, None  # a short fragment no one is told saying: emphasis or a name
    speaker = found.speaker
    if speaker is None and not found.told:
        speaker = _speaker_going_on(state, m.start())
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    sentence = sentence_of(doc, span.start) if span is not None else doc[:]
    return Quote(words.rstrip(",."), speaker, sentence, m.start()), found.quoter or speaker


# 'According to Toiu, the talks were "frank"': the sentence's source, when no one says it
_ACCORDING_LEAD = re.compile(r"\s*[Aa]ccording\s+to\s+(?P<who>[^,;“”\"‘]{1,70}?)\s*,")


# 'Tal: "…"' (an interview's or a transcript's layout): a person's name, a colon, the quote
_NAME_COLON = re.compile(r"(?:^|(?<=[\n.]))\s*(?P<who>[A-Z][^.:;“”\"‘\n]{0,50}?):\s*$")


def _named_before_colon(r: SpeakerResolver, c: re.Match) -> _Found:
    """The person the words before the colon name, if they are a name or a title only
    (not "The agreement covers three areas:")."""
    who = c.group("who")
    if len(who.split()) > 6 or any(w[:1].islower() and w not in ("of", "the") for w in who.split()):
        return _Found()
    e = r.resolve(who, c.start("who"), c.end("who"))
    return _Found(e, True) if e is not None and e.kind == PERSON else _Found()


def _colon_clause(state: _State, quote_start: int) -> _Found:
    """ "But Tal disagreed: “…”", "As Tal put it: “…”", "X said, while Tal said: “…”": a
    clause that opens a quotation with a colon tells its speaker by its last subject,
    whatever its verb (the parser hangs the colon on the quotation's own verb)."""
    text, doc = state.text, state.r.doc
    end = quote_start
    while end and text[end - 1] in " \t":
        end -= 1
    if not end or text[end - 1] != ":":
        return _Found()
    colon = doc.char_span(end - 1, end, alignment_mode="expand")
    if colon is None or colon[0].text != ":":
        return _Found()
    sent = colon[0].sent
    for tok in reversed(doc[sent.start : colon.start]):
        if tok.text in _CLOSING_MARKS:
            break  # (a quotation before in the sentence: its speaker is told otherwise)
        if tok.dep_ == "nsubj" and sent.start <= tok.head.i < colon.start:
            if tok.tag_ in ("WP", "WDT") or tok.head.dep_ in ("relcl", "acl"):
                continue  # ("X, who has led the ministry since 2021, said:": X)
            # ("X's office quoted him as saying:": the one quoted; "X's message was clear:": X)
            said = next(deps(tok.head, "dobj"), tok) if tok.head.lemma_ == "quote" else tok
            if said.lemma_.lower() in quote_words("speech_nouns"):
                said = next(deps(said, "poss"), said)
            s, e = subject_extent(said)
            return _Found(state.r.resolve(text[s:e], s, e), True)
    return _Found()


_CLOSING_MARKS = {"”", '"', "»", "“"}


def _according_to(state: _State, sent: Span, quote_start: int) -> _Found:
    a = _ACCORDING_LEAD.match(state.text, sent.start_char, quote_start)
    if a is None:
        return _Found()
    return _Found(state.r.resolve(a.group("who"), a.start("who"), a.end("who")), True)


def _fragment_said(doc: Doc, m: re.Match, group: str, n_words: int, found: _Found) -> bool:
    """Whether a short fragment is someone's words: a saying clause tells its speaker,
    and a one-word one is a word of judgement ("pivotal"), not a manner ("wisely")."""
    if found.speaker is None:
        return False
    if n_words > 1:
        return True
    span = doc.char_span(m.start(group), m.end(group), alignment_mode="expand")
    # (the tagger may call a lowercase word inside quote marks a proper noun: it is no name)
    word = span[-1] if span is not None else None
    return word is not None and (
        word.pos_ in _ONE_WORD_POS or word.pos_ == "PROPN" and word.text.islower()
    )


def _told_after(r: SpeakerResolver, text: str, m: re.Match, inner_end: int) -> _Found:
    """`“…,” Venndal said`, `“…,” said the President`, `“…,” he quoted X as saying`."""
    # a paragraph ends the attribution: a sign-off line ("New York, 30 August") is no speaker
    tail = text[m.end() : m.end() + 200].split("\n\n")[0]
    if not (inner_end and (text[inner_end - 1] in ",.!?" or text[m.end() : m.end() + 1] == ",")):
        return _Found()
    q = QUOTED_AS.search(tail[:80])
    if q and not re.search(r"[.!?]", tail[: q.start()]):
        by = tail[: q.start()]
        quoter = r.resolve(by, m.end(), m.end() + len(by)) if by.strip() else None
        s, e = m.end() + q.start("who"), m.end() + q.end("who")
        return _Found(r.resolve(q.group("who"), s, e), True, quoter)  # (or "quoted her as")
    for pattern, first in ((_QUOTED_PASSIVE, False), (_AFTER, False), (_AFTER_INV, True)):
        a = pattern.match(tail)
        if a:
            s, e = m.end() + a.start("who"), m.end() + a.end("who")
            speaker = r.resolve(a.group("who"), s, e, first=first)
            if pattern is _AFTER and a.group("app") and (speaker is None or speaker.kind != PERSON):
                named = r.entity_in(e, m.end() + a.end("app"), first=True)
                speaker = named if named is not None and named.kind == PERSON else speaker
            if speaker is None and (q := QUOTED_AS.search(tail[: a.end() + 60])):
                speaker = r.entity_in(m.end() + q.start("who"), m.end() + q.end("who"))
            return _Found(speaker, True)
    return _Found()


def _speaker_going_on(state: _State, start: int) -> Entity | None:
    """The speaker of the quotation told before, still speaking at `start`; else one told
    in the paragraph before a quote paragraph of its own."""
    marks, last = state.marks, state.last
    if (
        last is not None
        and not marks.paragraph_break(last[0], start)
        and marks.sentence_ends(last[0], start) <= 1
        and marks.report_verb(last[0], start)
    ):
        return last[1]  # '“…,” Albanese told reporters. “We want …”': the same speaker goes on
    if not opens_paragraph(marks.text, start):
        return None
    # a quote paragraph of its own goes on with the speaker of the paragraph before
    if last is not None and not marks.paragraph_break(last[0], start, strip=True):
        return last[1]
    return _report_before(state, start)


def _subject_of_report(state: _State, sent: Span, quote_start: int) -> _Found:
    """`The Ghanaian leader said his visit was ... to “take stock ...”`: the sayer."""
    # the first saying verb with a subject decides for every quote after it (found once per
    # sentence, not once per quote), unless the quote is told by a clause of its own
    if sent.start not in state.report_verbs:
        state.report_verbs[sent.start] = sayers(sent)
    all_found = state.report_verbs[sent.start]
    found = clause_sayer(all_found, quote_start) or (all_found[0] if all_found else None)
    if found is None or found[0].idx >= quote_start and not quoted_in(found[0], quote_start):
        return _Found()
    extents = [subject_extent(c) for c in found[0].children if c.dep_ == "nsubj"] or [
        subject_extent(found[1])
    ]
    # (a subject the parser split in two: "Solomon Islands' Prime Minister X said")
    s, e = min(x[0] for x in extents), max(x[1] for x in extents)
    return _Found(state.r.resolve(state.text[s:e], s, e), True)


_SMALL = {"a", "an", "the", "of", "for", "and", "in", "on", "to", "with", "at", "by", "or"}


def _is_a_name(words: str) -> bool:
    """`the theme "Strengthening Multilateralism for Just Global Development"`: a title, no
    speech (every word capitalized, no sentence punctuation)."""
    if re.search(r"[.,!?;:]$", words):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL for w in words.split())


# a saying verb closing a paragraph, then at most 40 characters (a match is short: it is
# looked for in the paragraph's last 80 characters only)
_CLOSING_REPORT = re.compile(rf"{_REPORT}\b[^.!?]{{0,40}}[.:]$")


def _report_before(state: _State, pos: int) -> Entity | None:
    """`Albanese told reporters.` closing the paragraph just before: the sayer."""
    text, doc = state.text, state.r.doc
    end = pos  # the text before pos without its trailing spaces, not copied out
    while end and text[end - 1].isspace():
        end -= 1
    if not end or not _CLOSING_REPORT.search(text, max(0, end - 80), end):
        return None
    tok = doc.char_span(end - 1, end, alignment_mode="expand")
    if tok is None:
        return None
    return _subject_of_report(state, sentence_of(doc, tok.start), end).speaker
