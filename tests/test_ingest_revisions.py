"""The revision time of a replaced article (`dcterms:modified`) when storing a batch fails
over to storing its articles one by one."""

from __future__ import annotations

import datetime as dt

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from communique.mapping.article import Article, MappedArticle
from communique.mapping.iris import Minter, text_hash
from communique.ontology.namespace import DIP, SDO
from communique.server.errors import StoreError
from communique.server.ingest import storing
from communique.server.store.articles import Store
from communique.shapes import validate

BASE = "http://localhost:5000/"
MINT = Minter(BASE)


def _mapped(name: str, body: str) -> MappedArticle:
    """A small article graph as the mapper shapes one: its node, date and text hash."""
    article = Article(body, dt.date(2025, 3, 12), "test", identifier=name)
    iri, graph_iri = MINT.article(article), MINT.article_graph(article)
    g = Graph(identifier=graph_iri)
    g.add((iri, RDF.type, DIP.Article))
    g.add((iri, SDO.datePublished, Literal("2025-03-12", datatype=XSD.date)))
    g.add((iri, SDO.sha256, Literal(text_hash(article))))
    return MappedArticle(article, iri, graph_iri, g)


def _modified(store: Store, iri: URIRef) -> list[str]:
    graph = store.graph(store.graph_of(str(iri)))
    return sorted(str(t) for t in graph.objects(iri, DCTERMS.modified))


def test_each_replaced_article_keeps_its_revision_time_when_the_batch_fails_over(
    monkeypatch,
):
    conforming = validate.ValidationResult(True, Graph(), "", [])
    with Store.open(None, BASE) as store:
        first = [_mapped(name, f"The first text of {name}.") for name in ("a", "b", "c")]
        store.put_articles(first)
        calls = []
        marking = storing.mark_revision

        def mark_then_fail(store, mapped, now=None):
            calls.append(mapped.article.identifier)
            if len(calls) == 2:  # the engine fails on the second article of the batch
                raise StoreError("the store engine is unreachable")
            marking(store, mapped, now=dt.datetime(2025, 3, 13, 9, 30, tzinfo=dt.UTC))

        monkeypatch.setattr(storing, "mark_revision", mark_then_fail)
        edited = [_mapped(name, f"The second text of {name}.") for name in ("a", "b", "c")]
        outcomes = storing.store_checked(store, [(m, conforming) for m in edited])
        assert [(o.stored, o.error) for o in outcomes] == [(True, None)] * 3
        # the batch marks "a" and fails on "b"; one by one, "a" is not marked again
        assert calls == ["a", "b", "b", "c"]
        assert [_modified(store, m.iri) for m in edited] == [["2025-03-13T09:30:00+00:00"]] * 3
