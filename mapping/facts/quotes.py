"""Quotations: the words an article quotes and who said them ("…,” Venndal said",
"“…,” he said" -> the last person named as a subject, "he quoted Adeyemi as saying",
"…, said the President", "the ministry said in a statement"). The attributing words
written around a quotation are read in attribution.py, the parse's saying clauses here, and
who they name is resolved in speakers.py; a quotation has one speaker or none."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import partial

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.entity import ArticleEntities, Entity
from communique.mapping.facts.attribution import (
    Found,
    according_to,
    named_before_colon,
    told_after,
    told_before,
)
from communique.mapping.facts.going_on import (
    QuoteState,
    end_before,
    line_blank,
    speaker_going_on,
    subject_of_report,
)
from communique.mapping.facts.marks import MARK_GROUPS, OPEN_PARAGRAPH, QUOTE, open_words
from communique.mapping.facts.quote_paragraphs import across_paragraphs
from communique.mapping.facts.reporting import is_reporting, quote_words, report_verbs_pattern
from communique.mapping.facts.sayers import deps
from communique.mapping.facts.speakers import SpeakerResolver
from communique.mapping.facts.subjects import subject_extent
from communique.mapping.facts.unquoted import unquoted_speech
from communique.mapping.mentions.finder import PERSON
from communique.mapping.nlp.language import doc_text, sentence_at, sentence_of

MIN_WORDS = 4  # shorter quoted fragments ("wisely") are emphasis, not quotations ...
# ... unless someone is told saying them: said X was "a natural partner", called it
# "pivotal"; a one-word one must be a word of judgement, not a scare-quoted manner
_ONE_WORD_POS = {"ADJ", "NOUN", "VERB"}
_REPORT = report_verbs_pattern()


@dataclass
class Quote:
    """Words quoted in the article and their speaker, if known."""

    text: str
    speaker: Entity | None
    sentence: Span
    at: int | None = None  # character offset of the quotation in the doc


def find_quotes(
    doc: Doc,
    ents: ArticleEntities,
    person_country: dict[int, str],
    titles: dict[str, list[Entity]] | None = None,
) -> list[Quote]:
    """Every quotation of at least a few words, attributed where the text allows; `titles`
    maps a folded role label to the persons holding it."""
    r = SpeakerResolver(doc, ents, person_country, titles)
    state = QuoteState(r, doc_text(doc))
    out: list[Quote] = []
    before: re.Match | None = None
    for m in QUOTE.finditer(state.text):
        if out and _goes_on(state.text, before, m):
            # '“We have waited,” he said, “and we will wait.”': one quotation, interrupted
            out[-1].text += ", " + _words_of(m).rstrip(",.")
            before = m
            continue
        before = m
        q, sayer = _quote_of(state, m)
        if q is not None:
            if q.speaker is not None:
                state.last = (m.end(), q.speaker)
            if sayer is not None and sayer.kind == PERSON:  # (a sayer once its sentence is)
                r.said(q.sentence.end_char, sayer)
            out.append(q)
    first_named = partial(r.entity_in, first=True)
    unquoted = unquoted_speech(doc, r.resolve, first_named, MIN_WORDS)  # "We ..., said X."
    for words, speaker, at in (*unquoted, *across_paragraphs(r, state.text)):
        out.append(Quote(words, speaker, sentence_at(doc, at), at))  # (or "“… ¶ …,” X said")
    out.sort(key=lambda q: q.at or 0)
    # a quotation no one can be found saying is no fact the article states of anyone
    return [q for q in _with_open_paragraphs(state, out) if q.speaker is not None]


# what interrupts a quotation in mid-sentence: a short saying clause between commas
_INTERRUPTION = re.compile(rf"\s*[^“”\"«».!?\n]{{0,50}}\b{_REPORT}\b[^“”\"«».!?\n]{{0,30}},\s*")


def _goes_on(text: str, before: re.Match | None, m: re.Match) -> bool:
    """Whether quotation `m` goes on with the one `before` it, after a saying clause."""
    if before is None:
        return False
    # (the comma inside the marks, or after them in the British way)
    if not (_words_of(before).rstrip().endswith(",") or text.startswith(",", before.end())):
        return False
    words = _words_of(m).lstrip()
    return (
        words[:1].islower() and _INTERRUPTION.fullmatch(text, before.end(), m.start()) is not None
    )


def _group_of(m: re.Match) -> str:
    """The group of QUOTE that holds the quotation's words."""
    return next(g for g in MARK_GROUPS if m.group(g) is not None)


def _words_of(m: re.Match) -> str:
    return m.group(_group_of(m))


def _with_open_paragraphs(state: QuoteState, quotes: list[Quote]) -> list[Quote]:
    """The quotes and, in text order, the paragraphs of quotations that go on in the next
    paragraph: their speaker is that of the next quotation, or the one the clause before
    the first of them names with a colon ("X said: “… ¶ “…”"), who goes on speaking."""
    doc, text = state.r.doc, state.text
    added = []
    for m in OPEN_PARAGRAPH.finditer(text):
        w = open_words(m)
        k = bisect_left([q.at or 0 for q in quotes], m.end(w))
        sentence = sentence_at(doc, m.start(w))
        if k < len(quotes) and sentence is not None:
            opening = _colon_clause(state, m.start(w) - 1).speaker
            if opening is not None and quotes[k].speaker is None:
                quotes[k].speaker = opening
            words = m.group(w).strip().rstrip(",.")
            added.append(Quote(words, opening or quotes[k].speaker, sentence, m.start()))
    return sorted(quotes + added, key=lambda q: q.at or 0) if added else quotes


def _quote_of(state: QuoteState, m: re.Match) -> tuple[Quote | None, Entity | None]:
    """The quotation `m` found, if it is one, and who is told saying it."""
    doc, text = state.r.doc, state.text
    group = _group_of(m)
    words = m.group(group).strip()
    n_words = len(words.split())
    if _is_a_name(words):
        return None, None
    fragment = n_words < MIN_WORDS
    # ("X declared: “…”": the clause that opens a quotation with a colon tells its speaker,
    # whatever follows it)
    found = _colon_clause(state, m.start())
    if not found.told:
        found = _participle_before(state, m.start())
    # (a short sentence of its own, closed by the comma of an attribution after it: "“We
    # are friends,” X was quoted as saying", unlike a fragment: called it “useful”, X said)
    sentence_like = words[:1].isupper() and words.endswith(",")
    if not found.told and (not fragment or sentence_like):
        found = told_after(state.r, text, m, m.end(group))
    if not found.told:
        found = told_before(state.r, text, m.start())
    if not found.told and (sent := sentence_at(doc, m.start())) is not None:
        found = subject_of_report(state, sent, m.start())
        if not found.told:
            found = according_to(state.r, text, sent.start_char, m.start())
    if not found.told:
        found = named_before_colon(state.r, text, m.start())
    if fragment and not _fragment_said(doc, m, group, n_words, found):
        return None, None  # a short fragment no one is told saying: emphasis or a name
    speaker = found.speaker
    if speaker is None and not found.told:
        speaker = speaker_going_on(state, m.start())
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    sentence = sentence_of(doc, span.start) if span is not None else doc[:]
    return Quote(words.rstrip(",."), speaker, sentence, m.start()), found.quoter or speaker


def _colon_clause(state: QuoteState, quote_start: int) -> Found:
    """ "But Tal disagreed: “…”", "As Tal put it: “…”", "X said, while Tal said: “…”": a
    clause that opens a quotation with a colon tells its speaker by its last subject,
    whatever its verb (the parser hangs the colon on the quotation's own verb)."""
    text, doc = state.text, state.r.doc
    end = end_before(text, quote_start, line_blank)
    if not end or text[end - 1] != ":":
        return Found()
    colon = doc.char_span(end - 1, end, alignment_mode="expand")
    if colon is None or colon[0].text != ":":
        return Found()
    sent = sentence_of(colon.doc, colon[0].i)
    if (said := _participle_of_saying(doc, colon.start)) is not None:
        s, e = subject_extent(said)
        return Found(state.r.resolve(text[s:e], s, e), True)
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
            return Found(state.r.resolve(text[s:e], s, e), True)
    return Found()


_CLOSING_MARKS = {"”", '"', "»", "“"}


def _participle_before(state: QuoteState, quote_start: int) -> Found:
    """ "X mentioned trade, saying, “…,” the release said": the one told saying the words
    right before them says them, not the document that reports the saying."""
    text, doc = state.text, state.r.doc
    end = end_before(text, quote_start, line_blank)
    if end and text[end - 1] == ",":
        end -= 1
    before = doc.char_span(end - 1, end, alignment_mode="expand") if end else None
    if before is None:
        return Found()
    said = _participle_of_saying(doc, before.end)
    if said is None:
        return Found()
    s, e = subject_extent(said)
    return Found(state.r.resolve(text[s:e], s, e), True)


def _participle_of_saying(doc: Doc, after: int) -> Token | None:
    """ "X said A is ready, noting: “…”", "..., adding:": a participle of saying (the token
    before token `after`, a colon or the quotation's comma) with no subject of its own says
    with the subject of the clause it hangs from."""
    verb = doc[after - 1] if after else None
    if verb is None or verb.tag_ != "VBG" or not is_reporting(verb):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    head = verb.head
    while head.dep_ in ("ccomp", "conj") and head.head != head:
        if head.dep_ == "ccomp" and head.i < head.head.i and _subject(head) is not None:
            break  # ("X mentioned A, saying ..., the release said": X, not the release)
        head = head.head  # ("said A is ready, noting": the parser may hang it on "is")
    return _subject(head)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _fragment_said(doc: Doc, m: re.Match, group: str, n_words: int, found: Found) -> bool:
    """Whether a short fragment is someone's words: a saying clause tells its speaker,
    and a one-word one is a word of judgement ("pivotal"), not a manner ("wisely")."""
    if found.speaker is None:
        return False
    if n_words > 1:
        return True
    span = doc.char_span(m.start(group), m.end(group), alignment_mode="expand")
    # (the tagger may call a lowercase word inside quote marks a proper noun: it is no name)
    word = span[-1] if span is not None else None
    if word is None or word.dep_ in ("amod", "compound") and word.head.i > word.i:
        return False  # ("called for a “fair” distribution": a word of a noun phrase)
    return word.pos_ in _ONE_WORD_POS or word.pos_ == "PROPN" and word.text.islower()


_SMALL = {"a", "an", "the", "of", "for", "and", "in", "on", "to", "with", "at", "by", "or"}


def _is_a_name(words: str) -> bool:
    """`the theme "Strengthening Multilateralism for Just Global Development"`: a title, no
    speech (every word capitalized, no sentence punctuation)."""
    if re.search(r"[.,!?;:]$", words):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL for w in words.split())
