"""Where the words naming a speaker stand in the parse: whether a mention is the subject of
a saying verb, how far a subject's words run without its relative clauses, and the title
written before a name ("Deputy Prime Minister and Foreign Minister Senator X")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from communique.mapping.facts.reporting import is_reporting, is_saying
from communique.mapping.nlp.language import text_of

_TITLE_GLUE = {"and", "of", "for", "the"}


def title_run(doc: Doc, start: int) -> int:
    """Where the run of capitalized words written right before a name starts (its title
    as written: "Deputy Prime Minister and Foreign Minister Senator"), at most 10 words."""
    i = start
    while i > max(0, start - 10) and not doc[i].is_sent_start:
        t = doc[i - 1]
        if not (t.is_title or t.lower_ in _TITLE_GLUE) or "\n" in t.whitespace_ or t.is_space:
            break  # (a sign-off's title ends its line: the next line is no one it names)
        i -= 1
    while i < start and doc[i].lower_ in _TITLE_GLUE:
        i += 1
    return i


def says(doc: Doc, tokens: range, end: int) -> tuple[bool, bool]:
    """Whether a mention's words are a clause's subject, and whether of a saying verb (or
    a reporting verb follows them)."""
    verbs = [v for v in map(_subject_verb, (doc[i] for i in tokens)) if v]
    says = end < len(doc) and is_reporting(doc[end])
    # ("According to X, the sides discussed ...": X tells it, as one who says it)
    source = tokens.start >= 2 and text_of(Span(doc, tokens.start - 2, tokens.start)).lower() == (
        "according to"
    )
    saying = says or source or any(is_saying(v) or _and_said(v) for v in verbs)
    return says or bool(verbs), saying


def _and_said(verb: Token) -> bool:
    """ "X conveyed greetings and said that ...": a saying verb joined to the subject's own,
    without a subject of its own, says for that subject too."""
    return any(
        c.dep_ == "conj"
        and is_saying(c)
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in verb.children
    )


_NOMINAL = {"compound", "conj", "appos", "pobj", "prep", "poss", "flat", "cc"}


def _subject_verb(tok: Token) -> Token | None:
    """The verb whose subject a token is (inside): "Malaysia's Minister of Foreign
    Affairs Datuk Seri Mohamad Hasan said", however the parser hangs the name."""
    t = tok
    for _ in range(6):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return t.head
        if t.dep_ not in _NOMINAL or t.head.i == t.i:
            return _set_off_before_its_verb(t)
        if t.dep_ == "prep" and t.lower_ == "according":
            return None  # ("The president, according to his adviser X, said": not X)
        t = t.head
    return None


def _set_off_before_its_verb(t: Token) -> Token | None:
    """ "Ruto, on a state visit, urged ...": a name that opens its sentence, set off by a
    comma, before a verb with no subject of its own (the parser reads it as a modifier)."""
    verb = t.head
    if not (t.is_sent_start and t.pos_ in ("PROPN", "ADV", "NOUN") and t.dep_ != "ROOT"):
        return None
    if t.i + 1 >= len(t.doc) or t.doc[t.i + 1].text != ",":
        return None
    no_subject = not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return verb if verb.pos_ == "VERB" and verb.dep_ == "ROOT" and no_subject else None


def subject_extent(subj: Token) -> tuple[int, int]:
    """The characters of a subject without its relative or participle clauses:
    "Morovic, who arrived at Venndal's invitation," is Morovic."""
    end = subj.idx + len(subj)
    for c in subj.children:
        if c.i > subj.i and c.dep_ not in ("relcl", "acl", "advcl", "punct"):
            end = max(end, c.right_edge.idx + len(c.right_edge))
    return subj.left_edge.idx, end
