"""What the stages read off a parsed Doc, made once per doc and cached in its user data
(spaCy's own accessors build new objects on every call): sentences, tokens, text."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

STAGE_PREFIX = "communique_"  # our components' names, and our keys in a doc's user data


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, made once (`Doc.sents` builds new spans on every pass)."""
    sents = doc.user_data.get("communique_sents")
    if sents is None:
        sents = doc.user_data["communique_sents"] = list(doc.sents)
    return sents


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token i (`Token.sent` walks all sentences on every call)."""
    index = doc.user_data.get("communique_sentences")
    if index is None:
        index = [None] * len(doc)
        for sent in sentences(doc):
            for j in range(sent.start, sent.end):
                index[j] = sent
        doc.user_data["communique_sentences"] = index
    return index[i]


def sentence_at(doc: Doc, offset: int) -> Span | None:
    """The sentence holding the character at `offset`, if a token holds it."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return sentence_of(doc, span.start) if span is not None else None


def in_a_headline(tok: Token) -> bool:
    """In the article's first line, a title with no closing stop."""
    sent = sentence_of(tok.doc, tok.i)
    if sent.start != 0:
        return False
    cache = tok.doc.user_data
    key = f"{STAGE_PREFIX}headline"
    if key not in cache:  # (asked of many events: the first sentence may run 100 kB)
        cache[key] = last_token(sent).text[-1:] not in (".", "!", "?", '"', "”")
    return cache[key]


def last_token(sent: Span) -> Token:
    """The sentence's last token that is not white space (read by token, not from its text:
    a sentence may run 100 kB)."""
    doc, last = sent.doc, sent.end - 1
    while last > sent.start and doc[last].is_space:
        last -= 1
    return doc[last]


def doc_text(doc: Doc) -> str:
    """The doc's text, computed once (`Doc.text` joins every token on each call)."""
    text = doc.user_data.get("communique_text")
    if text is None:
        text = doc.user_data["communique_text"] = doc.text
    return text


def forget_caches(doc: Doc) -> None:
    """Drop every per-doc cache the mapper keeps in `doc.user_data` (all keys start with
    STAGE_PREFIX): they hold spans and tokens, which a doc sent between processes cannot."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(STAGE_PREFIX)]:
        del doc.user_data[key]


def text_of(span: Span) -> str:
    """A span's text, sliced from the doc's (`Span.text` joins its tokens on each call)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """The doc's entities, made once (`Doc.ents` builds a new Span for each on every call)."""
    ents = doc.user_data.get("communique_ents")
    if ents is None:
        ents = doc.user_data["communique_ents"] = tuple(doc.ents)
    return ents


def tokens_of(doc: Doc) -> list:
    """The doc's tokens as a list, made once (iterating a Doc builds new Token objects)."""
    tokens = doc.user_data.get("communique_tokens")
    if tokens is None:
        tokens = doc.user_data["communique_tokens"] = list(doc)
    return tokens
