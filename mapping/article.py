"""The article as the mapper sees it, and the mapped result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rdflib import Graph, URIRef


@dataclass(frozen=True)
class Dateline:
    """The dateline that opens a body: `BAKU, Azerbaijan, March 15. ` or `ASTANA – `."""

    place: str  # as written, e.g. "ASTANA", "BISHKEK", "HÀ NỘI"
    region: str | None = None  # a country or state written after the place
    date_text: str | None = None  # "March 15", "Jan 30"
    agency: str | None = None  # "Reuters", "TASS"
    end: int = 0  # offset in the body where the article's own text starts


@dataclass(frozen=True)
class Article:
    """One article: its publication date, its body text and what came with it."""

    body: str
    date: dt.date
    source: str  # the file (and line, for JSON Lines) it was read from
    url: str | None = None
    # what names it when it has no url: the input's "id", `--id`, or the file's path below
    # the folder given, without its suffix; the IRI comes from it, not from the text
    identifier: str | None = None
    title: str | None = None
    outlet: str | None = None
    dateline: Dateline | None = None
    # where the closing credits ("Reporting by X; Editing by Y") begin; None: at the end
    credits_start: int | None = None
    # where an opening byline line ("By X") ends; a dateline, if any, comes after it
    byline_end: int = 0

    @property
    def content_start(self) -> int:
        """Offset of the first character after the byline and the dateline."""
        return self.dateline.end if self.dateline else self.byline_end

    @property
    def content(self) -> str:
        """The body without its dateline and credits: what the NLP pipeline reads."""
        return self.body[self.content_start : self.credits_start]


@dataclass
class MappedArticle:
    """An article with its IRI, the IRI of its named graph and its RDF."""

    article: Article
    iri: URIRef
    graph_iri: URIRef
    graph: Graph = field(repr=False)
