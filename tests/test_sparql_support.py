"""Helpers shared by the SPARQL tests (no tests here): an app with the endpoint, a small store."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import XSD

from communique.mapping.article import Article, MappedArticle
from communique.ontology.namespace import DIP, SDO

BASE = "http://localhost:5000/"


@contextmanager
def sparql_app(data_dir: Path | None, **config) -> Iterator[Flask]:
    """create_app over `data_dir` (None: in memory), closed (workers and store) on exit."""
    from communique.server import db
    from communique.server.app import create_app
    from communique.server.sparql import routes as sparql

    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(data_dir) if data_dir else None,
            "BASE": BASE,
            "TOKEN": "test-token",
            **config,
        }
    )
    try:
        yield app
    finally:
        sparql.close(app)
        db.close_store(app)


def store_of(app: Flask):
    from communique.server import db

    return app.extensions[db.EXTENSION]


def iri(path: str) -> URIRef:
    return URIRef(BASE + path)


def article_graph(
    key: str, date: str, event_kind: URIRef, people: list[tuple[str, str]]
) -> MappedArticle:
    """A small mapped article: one event in a country with named participants."""
    article = Article(body=f"body of {key}", date=dt.date.fromisoformat(date), source=key)
    g = Graph()
    a, event = iri(f"id/article/{key}"), iri(f"id/event/{key}")
    g.add((a, RDF.type, DIP.Article))
    g.add((a, SDO.datePublished, Literal(date, datatype=XSD.date)))
    g.add((event, RDF.type, event_kind))
    g.add((event, DIP.date, Literal(date, datatype=XSD.date)))
    g.add((event, DIP.place, iri("id/country/KAZ")))
    for slug, name in people:
        person = iri(f"id/person/{slug}")
        g.add((person, RDF.type, DIP.Person))
        g.add((person, SDO.name, Literal(name)))
        g.add((event, DIP.participant, person))
        g.add((a, DIP.mentions, person))
    g.add((iri("id/country/KAZ"), RDF.type, DIP.Country))
    g.add((iri("id/country/KAZ"), SDO.name, Literal("Kazakhstan")))
    return MappedArticle(article, a, iri(f"graph/article/{key}"), g)


ARTICLES = [
    article_graph(
        "2024-01-30-aaaaaaaaaa",
        "2024-01-30",
        DIP.Meeting,
        [("nurlan-temirov", "Nurlan Temirov"), ("kanat-osmonkulov", "Kanat Osmonkulov")],
    ),
    article_graph(
        "2024-03-15-bbbbbbbbbb",
        "2024-03-15",
        DIP.Visit,
        [("nurlan-temirov", "Nurlan Temirov"), ("farid-nazimli", "Farid Nazimli")],
    ),
]


# -- queries and helpers the SPARQL test modules share -------------------------------------

PREFIXES = (
    "PREFIX dip: <https://w3id.org/communique/diplomacy#>\nPREFIX schema: <https://schema.org/>\n"
)
NAMES_QUERY = (
    PREFIXES + "SELECT DISTINCT ?name WHERE { ?p a dip:Person ; schema:name ?name } ORDER BY ?name"
)
NAMES = ["Farid Nazimli", "Kanat Osmonkulov", "Nurlan Temirov"]


@contextmanager
def loaded_app(data_dir: Path, **config) -> Iterator[Flask]:
    """sparql_app over ARTICLES plus a bulk article of ~2100 triples (for runaway queries)."""
    with sparql_app(data_dir, **config) as app:
        store = store_of(app)
        for mapped in ARTICLES:
            store.put_article(mapped)
        bulk = article_graph(
            "2024-05-01-cccccccccc",
            "2024-05-01",
            DIP.Talks,
            [(f"person-{i}", f"Person {i}") for i in range(700)],
        )
        store.put_article(bulk)
        yield app


def select(client, query: str, **kwargs):
    return client.get("/sparql", query_string={"query": query}, **kwargs)


def json_names(response) -> list[str]:
    data = json.loads(response.data)
    return [b["name"]["value"] for b in data["results"]["bindings"]]


def first_names(names: list[str]) -> list[str]:
    """The names without the bulk article's "Person N"."""
    return [n for n in names if not n.startswith("Person ")]


def ask_json(body: bytes) -> bool:
    return json.loads(body)["boolean"]


@contextmanager
def recording_listener() -> Iterator[tuple[str, list[bytes]]]:
    """A loopback TCP server that records the first bytes of every connection made to it:
    its URL (ending in /) and that record."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.1)
    connections: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    connections.append(conn.recv(200))
                except OSError:
                    connections.append(b"")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/", connections
    finally:
        stop.set()
        thread.join()
        server.close()
