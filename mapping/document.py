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
