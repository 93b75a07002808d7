"""The pictures' data, read from the store by SPARQL.

The resource's IRI goes into the queries as a validated `NamedNode` through pyoxigraph's
`substitutions=`, never as text. Every query is capped (events, partners, countries) so
the pages stay fast on a large store.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pyoxigraph as ox

from communique.ontology.namespace import DIP_IRI
from communique.server.pictures.bars import partners_chart
from communique.server.pictures.model import Bar, Edge, Month, Node, Picture, TimelineEvent
from communique.server.pictures.months import months_chart
from communique.server.pictures.network import network_chart
from communique.server.pictures.timeline import timeline_chart
from communique.server.web.labels import Labeller

MAX_EVENTS = 200  # dots on a timeline
MAX_PARTNERS = 12  # bars
MAX_COUNTRIES = 30  # nodes of the network
MAX_EDGES = 120  # lines of the network
MAX_PARTICIPATIONS = 100_000  # (event, country) rows read for the network
EVENT_CLASSES = {
    "Visit": "Visit",
    "Meeting": "Meeting",
    "Talks": "Talks",
    "AgreementSigning": "Agreement signing",
    "PhoneCall": "Phone call",
    "Summit": "Summit",
    "Ceremony": "Ceremony",
    "Statement": "Statement",
}
PERSON, COUNTRY = DIP_IRI + "Person", DIP_IRI + "Country"

PREFIXES = f"""
PREFIX dip: <{DIP_IRI}>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
_CLASSES = " ".join(f"dip:{name}" for name in EVENT_CLASSES)

# ?r: the resource (substituted: SEP-0007 wants it in the projection)
EVENTS_QUERY = (
    PREFIXES
    + f"""
SELECT ?r ?e (MIN(STR(?d)) AS ?date) (MIN(STR(?cls)) AS ?type) (SAMPLE(?ev) AS ?evidence) WHERE {{
  ?e dip:participant ?r ; dip:date ?d ; a ?cls .
  VALUES ?cls {{ {_CLASSES} }}
  OPTIONAL {{ ?e dip:evidence ?ev }}
}} GROUP BY ?r ?e ORDER BY DESC(?date) ?e LIMIT {MAX_EVENTS + 1}
"""
)
COUNT_EVENTS_QUERY = (
    PREFIXES
    + "SELECT ?r (COUNT(DISTINCT ?e) AS ?n)"
    + " WHERE { ?e dip:participant ?r ; dip:date ?d } GROUP BY ?r"
)
# Partners: persons and countries in the same events, not the resource's own side
# (a person of this country, or the country this person holds a role in).
PARTNERS_QUERY = (
    PREFIXES
    + f"""
SELECT ?r ?p (MIN(STR(?type)) AS ?kind) (COUNT(DISTINCT ?e) AS ?n) WHERE {{
  ?e dip:participant ?r , ?p .
  ?p a ?type .
  VALUES ?type {{ dip:Person dip:Country }}
  FILTER(?p != ?r)
  FILTER NOT EXISTS {{ ?m org:member ?p ; org:organization ?r }}
  FILTER NOT EXISTS {{ ?m2 org:member ?r ; org:organization ?p }}
}} GROUP BY ?r ?p ORDER BY DESC(?n) ?p LIMIT {MAX_PARTNERS}
"""
)
# Which countries took part in which events: pairs are counted in Python (faster than a
# self-join in SPARQL); capped so a huge store still answers quickly.
PARTICIPATIONS_QUERY = (
    PREFIXES
    + f"""
SELECT ?e ?c WHERE {{ ?e dip:participant ?c . ?c a dip:Country }} LIMIT {MAX_PARTICIPATIONS}
"""
)
MONTHS_QUERY = (
    PREFIXES
    + """
SELECT ?m (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e dip:date ?d ; dip:participant ?x .
  FILTER(DATATYPE(?d) = xsd:date || DATATYPE(?d) = xsd:gYearMonth)
  BIND(SUBSTR(STR(?d), 1, 7) AS ?m)
} GROUP BY ?m ORDER BY ?m
"""
)
DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?")

Linker = Callable[[str], str]


def resource_pictures(store, iri: str, types: set[str], link: Linker) -> list[Picture] | None:
    """The timeline and partners of a country or person page; None for other resources,
    [] when it has no dated events."""
    if not types & {PERSON, COUNTRY}:
        return None
    node = ox.NamedNode(iri)  # raises ValueError on a malformed IRI: never reaches SPARQL
    subs = {ox.Variable("r"): node}
    labeller = Labeller(store.ox)
    subject = labeller.name_of(iri) or iri.rstrip("/").rsplit("/", 1)[-1]
    events = []
    for row in store.query(EVENTS_QUERY, substitutions=subs):
        day = _day(row["date"].value)
        if day is None:
            continue
        kind = EVENT_CLASSES.get(row["type"].value[len(DIP_IRI) :], "Event")
        evidence = row["evidence"].value if row["evidence"] else ""
        events.append(
            TimelineEvent(
                href=link(row["e"].value),
                date=day,
                kind=kind,
                label=_cut(evidence, 140) or kind,
                date_text=row["date"].value,
            )
        )
    if not events:
        return []
    left_out = 0
    if len(events) > MAX_EVENTS:
        events = events[:MAX_EVENTS]
        (total,) = list(store.query(COUNT_EVENTS_QUERY, substitutions=subs))
        left_out = int(total["n"].value) - MAX_EVENTS
    bars = [
        Bar(
            label=labeller.name_of(row["p"].value) or row["p"].value,
            count=int(row["n"].value),
            href=link(row["p"].value),
            kind=row["kind"].value[len(DIP_IRI) :],
        )
        for row in store.query(PARTNERS_QUERY, substitutions=subs)
    ]
    pictures = [timeline_chart(events, subject, left_out=left_out)]
    if bars:
        pictures.append(partners_chart(bars, subject))
    return pictures


def landing_pictures(store, link: Linker) -> list[Picture]:
    """The network of countries and the events per month; [] on a store without events.
    Kept until the store changes (the landing page is the most visited)."""
    key = (id(store), store.version())
    if _landing_cache.get("key") != key:
        _landing_cache.update(key=key, pictures=_landing_pictures(store, link))
    return _landing_cache["pictures"]


_landing_cache: dict = {}


def _landing_pictures(store, link: Linker) -> list[Picture]:
    months = [Month(row["m"].value, int(row["n"].value)) for row in store.query(MONTHS_QUERY)]
    by_event: dict[str, set[str]] = {}
    for row in store.query(PARTICIPATIONS_QUERY):
        by_event.setdefault(row["e"].value, set()).add(row["c"].value)
    events: dict[str, int] = {}  # events per country
    pairs: dict[tuple[str, str], int] = {}  # shared events per pair of countries
    for countries in by_event.values():
        ordered = sorted(countries)
        for i, a in enumerate(ordered):
            events[a] = events.get(a, 0) + 1
            for b in ordered[i + 1 :]:
                pairs[a, b] = pairs.get((a, b), 0) + 1
    pictures = []
    if pairs:
        degree: dict[str, int] = {}
        for (a, b), n in pairs.items():
            degree[a] = degree.get(a, 0) + n
            degree[b] = degree.get(b, 0) + n
        kept = sorted(degree, key=lambda c: (-degree[c], c))[:MAX_COUNTRIES]
        labeller = Labeller(store.ox)
        nodes = [
            Node(c, labeller.name_of(c) or c.rsplit("/", 1)[-1], link(c), events.get(c, 0))
            for c in kept
        ]
        chosen = set(kept)
        edges = sorted(
            (Edge(a, b, n) for (a, b), n in pairs.items() if a in chosen and b in chosen),
            key=lambda e: (-e.weight, e.a, e.b),
        )[:MAX_EDGES]
        pictures.append(network_chart(nodes, edges))
    if months:
        pictures.append(months_chart(months))
    return pictures


def _day(text: str) -> dt.date | None:
    """The first day an xsd:date, gYearMonth or gYear value covers."""
    match = DATE.match(text)
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
