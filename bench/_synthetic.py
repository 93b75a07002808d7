"""Synthetic data for bench_sparql.py: about N quads shaped like mapped articles, one named
graph per article holding its events, participants, memberships and the labels of what it
names (so shared countries and persons repeat across graphs, as the mapper writes them)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

BASE = "http://localhost:5000/"
DIP = "https://w3id.org/communique/diplomacy#"
SDO = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
EVENT_TYPES = [("Meeting", "040"), ("Visit", "042"), ("Talks", "043"), ("PhoneCall", "040")]
ROLES = ["foreign-minister", "president", "prime-minister", "ambassador", "deputy-minister"]


def iri(value: str) -> str:
    return f"<{value}>"


def lit(value: str, datatype: str | None = None) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return f"{text}^^<{XSD}{datatype}>" if datatype else text


@dataclass
class Dataset:
    path: Path  # N-Quads: the article graphs
    merge_path: Path  # N-Triples: their set union, the store's merged default graph
    triples: int
    events: list[str]
    countries: list[str]


def generate(path: Path, target: int, seed: int = 42) -> Dataset:
    """Write about `target` quads in N-Quads (self-contained article graphs) to `path`, and
    their distinct triples in N-Triples beside it."""
    rng = random.Random(seed)
    # "Q" + 2 letters: ISO 3166 leaves Q.. unassigned, so no synthetic country shares an IRI
    # with a country of our reference graph (which oxigraph serve does not get)
    countries = [
        "Q" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(2))
        for _ in range(400)
    ]
    countries = sorted(set(countries) - {"QAT"})[:200]  # QAT is Qatar
    people = [f"person-{i}" for i in range(20000)]
    events: list[str] = []
    distinct: set[tuple[str, str, str]] = set()
    count = 0
    with path.open("w", encoding="utf-8") as out:
        article_no = 0
        while count < target:
            article_no += 1
            day = (
                f"20{10 + article_no % 15:02d}-{1 + article_no % 12:02d}-{1 + article_no % 28:02d}"
            )
            key = f"{day}-{article_no:010x}"
            graph = iri(f"{BASE}graph/article/{key}")
            article = iri(f"{BASE}id/article/{key}")
            quads: list[tuple[str, str, str]] = []
            add = quads.append
            add((article, iri(RDF_TYPE), iri(DIP + "Article")))
            add((article, iri(SDO + "datePublished"), lit(day, "date")))
            add((article, iri(SDO + "headline"), lit(f"Headline of article {article_no}")))
            named_countries = rng.sample(countries, 2)
            # a few people are in the news often, most rarely
            named_people = {people[min(int(rng.paretovariate(1.2)) - 1, 19999)] for _ in range(2)}
            named_people.update(rng.sample(people, 2))
            for c in named_countries:
                country = iri(f"{BASE}id/country/{c}")
                add((country, iri(RDF_TYPE), iri(DIP + "Country")))
                add((country, iri(SDO + "name"), lit(f"Country {c}")))
                add((country, iri(DIP + "iso3"), lit(c)))
                add((article, iri(DIP + "mentions"), country))
            for p in named_people:
                person = iri(f"{BASE}id/person/{p}")
                add((person, iri(RDF_TYPE), iri(DIP + "Person")))
                add((person, iri(SDO + "name"), lit(p.replace("-", " ").title())))
                add((article, iri(DIP + "mentions"), person))
            kind, code = EVENT_TYPES[article_no % len(EVENT_TYPES)]
            concept = iri(f"https://w3id.org/communique/event-type/{code}")
            add((concept, iri(RDF_TYPE), iri(SKOS + "Concept")))
            add((concept, iri(SKOS + "prefLabel"), lit(kind)))
            add((concept, iri(SKOS + "notation"), lit(code)))
            for e in range(2):
                event_iri = f"{BASE}id/event/{key}-{e}"
                events.append(event_iri)
                event = iri(event_iri)
                add((event, iri(RDF_TYPE), iri(DIP + kind)))
                add((event, iri(DIP + "eventType"), concept))
                add((event, iri(DIP + "date"), lit(day, "date")))
                add((event, iri(DIP + "place"), iri(f"{BASE}id/country/{named_countries[e]}")))
                for p in sorted(named_people)[: 2 + e]:
                    add((event, iri(DIP + "participant"), iri(f"{BASE}id/person/{p}")))
                add((event, iri(PROV + "wasDerivedFrom"), article))
                add((event, iri(DIP + "evidence"), lit(f"Sentence {e} of article {article_no}.")))
            for m, p in enumerate(sorted(named_people)[:2]):
                membership = iri(f"{BASE}id/membership/{key}-{m}")
                add((membership, iri(RDF_TYPE), iri(DIP + "Membership")))
                add((membership, iri(ORG + "member"), iri(f"{BASE}id/person/{p}")))
                add(
                    (
                        membership,
                        iri(ORG + "role"),
                        iri(f"https://w3id.org/communique/role/{rng.choice(ROLES)}"),
                    )
                )
                add(
                    (
                        membership,
                        iri(ORG + "organization"),
                        iri(f"{BASE}id/country/{named_countries[m]}"),
                    )
                )
                add((membership, iri(DIP + "attestedOn"), lit(day, "date")))
                add((membership, iri(PROV + "wasDerivedFrom"), article))
            out.writelines(f"{s} {p} {o} {graph} .\n" for s, p, o in quads)
            distinct.update(quads)
            count += len(quads)
    merge_path = path.with_suffix(".merge.nt")
    with merge_path.open("w", encoding="utf-8") as out:
        out.writelines(f"{s} {p} {o} .\n" for s, p, o in distinct)
    return Dataset(path, merge_path, count, events, countries)
