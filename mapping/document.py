"""The document model: one object on each parsed article's spaCy Doc (`doc._.communique`),
filled layer by layer by the mapper's stages (mapping/stages.py). Each layer is written by
exactly one stage and read, never recomputed, by the stages after it; the graph is built
from the last layer, the facts, alone.

    layer                     fields                             written by (communique_...)
    1 tokens, parse, NER      the Doc itself                     spaCy
    2 mentions                mentions                           _mentions
    3 entities                entities, dateline_place, roles,   _entities
                              person_country, titles
    4a event mentions         event_mentions, event_reader,      _event_mentions
                              dateline_date
    4b events                 events (the mentions of one event  _events
                              merged: event coreference)
    5 facts                   facts (entities, roles, events,    _facts
                              agreements, figures, quotes,
                              topics)
    6 graph                   MappingJob.result (the RDF)        _graph

An article enters the pipeline as the context of its text (`nlp.pipe(((text, job), ...),
as_tuples=True)`, see MappingJob): `communique_article` gives the doc its model from the
job, and `communique_graph` hands the graph back on the job. So the whole mapper runs in
spaCy's worker processes too (`n_process`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from communique.mapping.article import Article
from communique.mapping.errors import MappingError

EXTENSION = "communique"
if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


@dataclass
class ArticleDocument:
    """What the mapper knows of one article, layer by layer (None: not filled yet)."""

    article: Article
    mentions: list | None = None
    entities: object | None = None  # ArticleEntities
    dateline_place: object | None = None  # the dateline's place (or country) Entity
    roles: list | None = None
    person_country: dict = field(default_factory=dict)
    titles: dict = field(default_factory=dict)  # folded office label -> persons holding it
    event_mentions: list | None = None  # each telling of an event, in text order
    event_reader: object | None = None  # events.reader.EventReader, read on by layer 4b
    dateline_date: object | None = None  # the dateline's DateValue
    events: list | None = None
    facts: object | None = None  # graph.builder.Facts


@dataclass
class MappingJob:
    """One article on its way through `nlp.pipe(..., as_tuples=True)`, as its doc's context:
    it carries the article in and the mapped article (or the error) out. With n_process > 1
    it is pickled to a worker and back, while the doc returns through `Doc.to_bytes`, which
    holds only plain data: so the result travels here, not on the doc."""

    article: Article
    base: str | None = None
    aliases: object | None = None  # entities.aliases.Aliases: the curator's, for the IRIs
    result: object | None = None  # article.MappedArticle, set by the graph stage
    error: str | None = None  # the traceback of the stage that failed, if one did
    contain_errors: bool = True  # False: a failing stage raises (one article, no batch)


def job_of(doc: Doc) -> MappingJob | None:
    """The job a doc was piped with, if any."""
    context = getattr(doc, "_context", None)
    return context if isinstance(context, MappingJob) else None


def detach(doc: Doc) -> None:
    """Take the model off `doc` (it cannot be serialised; the stages after skip the doc)."""
    doc._.set(EXTENSION, None)


def attach(doc: Doc, article: Article) -> ArticleDocument:
    """Give `doc` a fresh model for `article`; the stages fill it."""
    model = ArticleDocument(article)
    doc._.set(EXTENSION, model)
    return model


def model_of(doc: Doc) -> ArticleDocument | None:
    """The model on `doc`, or None for a doc that is not an article's (stages skip it)."""
    return doc._.get(EXTENSION)


def layer(doc: Doc, name: str):
    """A filled layer of the doc's model; MappingError if a stage ran out of order."""
    model = model_of(doc)
    value = getattr(model, name, None) if model is not None else None
    if value is None:
        raise MappingError(f"the {name} layer is not filled: a stage before it did not run")
    return value
