"""Storing what conforms: the articles of a batch whose graphs the shapes accept go in one
transaction (one by one if the store refuses the batch), each marked with when its text
last changed and rid of the graph it had under a former key; the others are reported with
the shapes' report."""

from __future__ import annotations

import datetime as dt
import logging

from rdflib import Literal
from rdflib.namespace import DCTERMS, XSD

from communique.mapping import iris
from communique.mapping.article import MappedArticle
from communique.ontology.namespace import SDO
from communique.server.errors import StoreError
from communique.server.ingest.outcomes import IngestOutcome
from communique.server.store.articles import Store
from communique.shapes import validate

log = logging.getLogger(__name__)


def store_mapped(store: Store, mapped: MappedArticle) -> IngestOutcome:
    """Validate a mapped article's (self-contained) graph and, if it conforms, store it."""
    try:
        result = validate.validate_graph(mapped.graph)
    except validate.ShapesError as exc:
        return failed(mapped, str(exc))
    return store_checked(store, [(mapped, result)])[0]


def store_checked(
    store: Store, checked: list[tuple[MappedArticle, validate.ValidationResult]]
) -> list[IngestOutcome]:
    """Store the conforming articles (in one transaction) and report on all, in order."""
    outcomes: list[IngestOutcome | None] = []
    conforming: list[tuple[int, MappedArticle, validate.ValidationResult]] = []
    for mapped, result in checked:
        if result.conforms:
            conforming.append((len(outcomes), mapped, result))
            outcomes.append(None)
        else:
            outcomes.append(_rejected(mapped, result))
    marked: set[int] = set()  # the articles whose revision time is recorded, by id()
    try:
        for _, mapped, _ in conforming:
            mark_revision(store, mapped)
            marked.add(id(mapped))
        counts: list[int | StoreError] = store.put_articles([m for _, m, _ in conforming])
    except StoreError:  # e.g. an IRI Oxigraph refuses, or the engine is gone: one by one
        counts = [_put_one(store, m, mark=id(m) not in marked) for _, m, _ in conforming]
    for (i, mapped, result), count in zip(conforming, counts, strict=True):
        if isinstance(count, StoreError):
            outcomes[i] = failed(mapped, str(count))
            continue
        log.info("stored %s as %s (%d triples)", mapped.article.source, mapped.iri, count)
        try:
            drop_former(store, mapped)
        except StoreError as exc:  # stored all the same; the next ingest drops it
            log.warning("%s: its graph under a former key stays: %s", mapped.iri, exc)
        outcomes[i] = IngestOutcome(
            mapped.article,
            str(mapped.iri),
            stored=True,
            triples=count,
            validation=result,
            source=mapped.article.source,
        )
    return outcomes  # type: ignore[return-value]  # every slot is filled above


def drop_former(store: Store, mapped: MappedArticle) -> list[str]:
    """Remove the article's graph stored under the key it had before articles were named
    by their url or id (the same text, so the same article); returns the IRIs removed."""
    dropped = []
    for key in sorted(iris.former_article_keys(mapped.article)):
        if store.has_graph(iris.graph_iri(store.base, key)):
            former = iris.resource_iri(store.base, "article", key)
            store.delete_article(former)
            log.info("removed %s: stored again as %s", former, mapped.iri)
            dropped.append(former)
    return dropped


def mark_revision(store: Store, mapped: MappedArticle, now: dt.datetime | None = None) -> None:
    """An article replacing a stored one of the same IRI (the same url or id) records when
    its text changed: `dcterms:modified` the time of this revision when the text's hash
    differs from the stored one's, else the stored revision's time, if it had one."""
    graph = str(mapped.graph_iri)
    if not store.has_graph(graph):
        return
    old = store.graph(graph)
    hashes = (set(g.objects(mapped.iri, SDO.sha256)) for g in (old, mapped.graph))
    if next(hashes) == next(hashes):
        times = sorted(old.objects(mapped.iri, DCTERMS.modified))
    else:
        when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
        times = [Literal(when.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime)]
    for when in times[-1:]:
        mapped.graph.add((mapped.iri, DCTERMS.modified, when))


def _put_one(store: Store, mapped: MappedArticle, *, mark: bool) -> int | StoreError:
    """Store one article; `mark`: record its revision time first (not done yet for it)."""
    try:
        if mark:
            mark_revision(store, mapped)
        return store.put_article(mapped)
    except StoreError as exc:
        return exc


def _rejected(mapped: MappedArticle, result: validate.ValidationResult) -> IngestOutcome:
    log.info("rejected %s: its graph does not conform to the shapes", mapped.article.source)
    violations = sum(1 for r in result.results if r.get("severity") == "Violation")
    return IngestOutcome(
        mapped.article,
        str(mapped.iri),
        stored=False,
        validation=result,
        error=f"does not conform to the shapes ({violations} violation(s))",
        source=mapped.article.source,
        report_text=result.report_text or "(no report text)",
    )


def failed(mapped: MappedArticle, error: str) -> IngestOutcome:
    article = mapped.article
    return IngestOutcome(article, str(mapped.iri), False, error=error, source=article.source)
