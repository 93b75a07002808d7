"""The parse's reporting clause: a sentence's first saying verb with a subject, whose
subject says its quotations ("X said", "X was quoted as saying", "a statement quoted X as
saying", "said ... and called it “…”"), and whether a quotation is a verb's complement."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from communique.mapping.facts.marks import STRAIGHT_SINGLE_QUOTE
from communique.mapping.facts.reporting import is_saying
from communique.mapping.nlp.arrays import texts
from communique.mapping.nlp.language import doc_text, tokens_of


def quoted_in(verb: Token, quote_start: int) -> bool:
    """Whether a quotation told before its saying verb is that verb's complement:
    "“…,” Li, who heads the desk, told reporters" (no other clause's)."""
    word = _first_word(verb.doc, quote_start)
    return word is not None and any(a.i == verb.i for a in word.ancestors)


def _first_word(doc: Doc, quote_start: int) -> Token | None:
    """The quotation's first word (past its opening mark), where the parse hangs it."""
    first = doc.char_span(quote_start, quote_start + 1, alignment_mode="expand")
    if first is None or first.end >= len(doc):
        return None
    return doc[first.end] if first[0].is_punct else first[0]


def sayers(sent: Span) -> list[tuple[Token, Token]]:
    """The sentence's saying verbs whose clause has a subject, each with that subject, in
    text order."""
    climbed: dict[int, Token] = {}
    out = []
    # (a verb inside a quotation is the speaker's, not the reporter's)
    for t, quoted in with_quotedness(sent):
        if not quoted and t.pos_ == "VERB" and is_saying(t):
            quoting = _quoted_as(t)
            # ("a statement quoted X as saying:": the one quoted says, whoever quotes)
            if quoting != t and (obj := next(deps(quoting, "dobj"), None)) is not None:
                out.append((t, obj))
                continue
            verb = _with_subject(quoting, climbed)
            # ("X was quoted as saying": the passive's subject is the speaker)
            passive = "nsubjpass" if verb.lemma_.lower() == "quote" else "nsubj"
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", passive)), None)
            if subj is not None:
                out.append((t, subj))
    return out


_REPORTED = {"ccomp", "xcomp", "parataxis"}


def clause_sayer(found: list[tuple[Token, Token]], quote_start: int) -> tuple[Token, Token] | None:
    """The sayer whose own clause the quotation hangs from, when that clause is not what
    the first sayer reports: "X said …, while Y insisted that “…”" is Y's ("X said Y had
    promised “…”" stays X's)."""
    if len(found) < 2:
        return None
    word = _first_word(found[0][0].doc, quote_start)
    if word is None:
        return None
    by_verb = {t.i: (t, subj) for t, subj in found[1:] if subj.head.i == t.i}
    hung = next((by_verb[a.i] for a in word.ancestors if a.i in by_verb), None)
    if hung is None:
        return None
    v = hung[0]
    while v.i != found[0][0].i and v.head.i != v.i:
        if v.dep_ in _REPORTED:
            return None
        v = v.head
    return hung


def deps(tok: Token, dep: str) -> Iterator[Token]:
    return (c for c in tok.children if c.dep_ == dep)


def _quoted_as(verb: Token) -> Token:
    """ "quoted as saying": the verb "quoted", whose subject says (or whose object is said
    to: the parser may hang "as saying" on the noun that quotes, beside the verb)."""
    head = verb.head
    if verb.dep_ != "pcomp" or head.lower_ != "as":
        return verb
    for quoting in (head.head, *head.head.children):
        if quoting.lemma_.lower() == "quote" and quoting.i < head.i:
            return quoting
    return verb


def with_quotedness(span: Span) -> Iterator[tuple[Token, bool]]:
    """Each token of the span (a marks' own: False), and whether it stands inside a
    quotation."""
    tokens = tokens_of(span.doc)[span.start : span.end]
    return zip(tokens, quoted_flags(span.doc, span.start, span.end), strict=True)


def quoted_flags(doc: Doc, start: int, end: int) -> list[bool]:
    """Whether each token of doc[start:end] stands inside a quotation opened there (a
    mark's own: False); read off the token texts, with no Token objects."""
    words = texts(doc)
    out: list[bool] = []
    quoted = False
    opening, closing = None, None
    for i in range(start, end):
        text = words[i]
        if text in _MARKS:
            quoted = _MARKS[text] if text in "“”‘«»„" else not quoted
            out.append(False)
            continue
        if text == "'":
            if opening is None:
                opening, closing = _straight_single_quotes(doc)
            idx = tokens_of(doc)[i].idx
            if idx in opening or idx + 1 in closing:
                quoted = idx in opening  # ('…,' X said: the marks, not an apostrophe)
                out.append(False)
                continue
        out.append(quoted)
    return out


def _straight_single_quotes(doc: Doc) -> tuple[frozenset[int], frozenset[int]]:
    """Where the quotations in straight single marks open and close (an apostrophe is
    neither), found once per doc."""
    found = doc.user_data.get("communique_single_quotes")
    if found is None:
        spans = [m.span() for m in STRAIGHT_SINGLE_QUOTE.finditer(doc_text(doc))]
        found = frozenset(a for a, _ in spans), frozenset(b for _, b in spans)
        doc.user_data["communique_single_quotes"] = found
    return found


_MARKS = {"“": True, "”": False, "‘": True, "«": True, "»": False, "„": True, '"': None, '""': None}


def _with_subject(verb: Token, climbed: dict[int, Token]) -> Token:
    """ "said ... and called the deal “a historic step”", "praised the role, describing it
    as “pivotal”": the verb whose subject a conjoined or participle verb without one of its
    own shares (each step of the run walked once)."""
    path, v = [], verb
    while v.i not in climbed and v.dep_ in ("conj", "advcl", "xcomp") and not _has_subject(v):
        path.append(v.i)
        v = v.head
    top = climbed.get(v.i, v)
    climbed.update(dict.fromkeys(path, top))
    return top


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
