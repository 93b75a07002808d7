"""Ingest benchmark.

Part 1 (articles): on the same articles in one run, map-only throughput and full ingest
throughput (map + SHACL validation + transactional store) and their ratio (target >= 0.7).
Part 2 (scale): bulk-load N synthetic article graphs shaped like mapped ones (~100 triples
each; 100k graphs ~ 10M triples), then print load time, store size, the time of a lookup
and of a join query, a dump rate and the cost of transactional re-ingests at that size.

    .venv/bin/python bench/bench_ingest.py                      # both parts, 100k graphs
    .venv/bin/python bench/bench_ingest.py --graphs 10000       # smaller scale part
    .venv/bin/python bench/bench_ingest.py --skip-scale         # articles part only
    .venv/bin/python bench/bench_ingest.py --union              # no merged default graph
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "dev" / "articles"
EXAMPLES = REPO / "examples" / "articles"
BASE = "http://localhost:5000/"

DIP = "https://w3id.org/communique/diplomacy#"
SDO = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
EVENT_TYPE = "https://w3id.org/communique/event-type/"
ROLE = "https://w3id.org/communique/role/"
EVENT_CLASSES = ["Visit", "Meeting", "Talks", "AgreementSigning", "PhoneCall", "Summit"]
ROLES = ["foreign-minister", "president", "prime-minister", "ambassador", "deputy-prime-minister"]


# -- part 1: map-only vs full ingest ---------------------------------------------------


def load_articles(repeat: int) -> list:
    from communique.mapping.reading.reader import read_paths

    paths = [p for p in (CORPUS, EXAMPLES) if p.exists()]
    articles = [a for a in read_paths(paths) if not isinstance(a, Exception)]
    return articles * repeat


def bench_articles(repeat: int, merged: bool) -> None:
    from communique.mapping.nlp.loading import load_pipeline
    from communique.mapping.pipeline import map_articles
    from communique.shapes.validate import validate_graph

    articles = load_articles(repeat)
    nlp = load_pipeline()
    list(map_articles(articles[:2], base=BASE, nlp=nlp))  # warm up: lazy loads, caches
    validate_graph(next(map_articles(articles[:1], base=BASE, nlp=nlp)).graph)

    started = time.perf_counter()
    mapped = list(map_articles(articles, base=BASE, nlp=nlp))
    map_s = time.perf_counter() - started

    started = time.perf_counter()
    for m in mapped:
        validate_graph(m.graph)
    validate_s = time.perf_counter() - started

    n = len(articles)
    triples = sum(len(m.graph) for m in mapped)
    print(f"articles: {n} ({n // repeat} distinct x {repeat}), {triples / n:.0f} triples each")
    print(f"map only:            {map_s:7.2f} s  {n / map_s:7.1f} articles/s")
    print(f"  validate only:     {validate_s:7.2f} s  {validate_s / n * 1000:7.1f} ms/article")
    for workers, label in ((0, "inline validation"), (None, "validation process")):
        ingest_s, stored, reference_s = time_ingest(articles, nlp, workers, merged)
        print(f"full ingest ({label}): {ingest_s:.2f} s  {n / ingest_s:.1f} articles/s", end="")
        print(f"  ({stored} stored)  ratio ingest/map: {map_s / ingest_s:.2f} (target >= 0.70)")
    print(f"reference data load: {reference_s:7.2f} s (once per store)")


def time_ingest(articles: list, nlp, workers: int | None, merged: bool) -> tuple[float, int, float]:
    """Seconds for ingest_items over the articles into a fresh on-disk store."""
    from communique.server.ingest.ingest import ingest_items
    from communique.server.store.articles import Store

    folder = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        with Store.open(folder, BASE, merged=merged) as store:
            started = time.perf_counter()
            store.ensure_reference()
            reference_s = time.perf_counter() - started
            started = time.perf_counter()
            outcomes = list(ingest_items(store, articles, base=BASE, nlp=nlp, workers=workers))
            store.flush()
            ingest_s = time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return ingest_s, sum(o.stored for o in outcomes), reference_s


# -- part 2: synthetic graphs at scale --------------------------------------------------


def iri(value: str) -> str:
    return f"<{value}>"


def lit(value: str, datatype: str | None = None) -> str:
    text = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"^^<{XSD}{datatype}>' if datatype else f'"{text}"'


def synthetic_article(k: int, rng: random.Random) -> Iterator[tuple[str, str, str]]:
    """About 100 triples shaped like one mapped article (entities shared across articles)."""
    key = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}-{k:010x}"
    art = iri(f"{BASE}id/article/{key}")
    date = key[:10]
    yield art, iri(RDF_TYPE), iri(DIP + "Article")
    yield art, iri(SDO + "datePublished"), lit(date, "date")
    yield art, iri(SDO + "headline"), lit(f"Foreign ministers meet, report {k}")
    countries = rng.sample(range(250), 3)
    # 20k persons, 80 per country; each article names one official of each of its countries
    persons = [c + 250 * rng.randrange(80) for c in countries]
    for c in countries:
        node = iri(f"{BASE}id/country/C{c:03d}")
        yield art, iri(DIP + "mentions"), node
        yield node, iri(RDF_TYPE), iri(DIP + "Country")
        yield node, iri(DIP + "iso3"), lit(f"C{c:03d}")
        yield node, iri(SDO + "name"), lit(f"Country {c}")
    for p, c in zip(persons, countries, strict=True):
        node = iri(f"{BASE}id/person/person-{p}")
        role = ROLES[p % len(ROLES)]
        yield art, iri(DIP + "mentions"), node
        yield node, iri(RDF_TYPE), iri(DIP + "Person")
        yield node, iri(SDO + "name"), lit(f"Person {p}")
        yield node, iri(SDO + "alternateName"), lit(f"P{p}")
        m = iri(f"{BASE}id/membership/{k:x}{p:x}")
        yield m, iri(RDF_TYPE), iri(DIP + "Membership")
        yield m, iri(ORG + "member"), node
        yield m, iri(ORG + "role"), iri(ROLE + role)
        yield m, iri(ORG + "organization"), iri(f"{BASE}id/country/C{c:03d}")
        yield m, iri(DIP + "attestedOn"), lit(date, "date")
        yield m, iri(PROV + "wasDerivedFrom"), art
        yield iri(ROLE + role), iri(RDF_TYPE), iri(SKOS + "Concept")
        yield iri(ROLE + role), iri(SKOS + "prefLabel"), lit(role.replace("-", " ").title())
    place = iri(f"{BASE}id/place/city-{countries[0]}-c{countries[0]:03d}")
    yield place, iri(RDF_TYPE), iri(DIP + "Place")
    yield place, iri(SDO + "name"), lit(f"City {countries[0]}")
    yield place, iri(DIP + "country"), iri(f"{BASE}id/country/C{countries[0]:03d}")
    for e in range(4):
        cls = EVENT_CLASSES[(k + e) % len(EVENT_CLASSES)]
        ev = iri(f"{BASE}id/event/{k:x}e{e}")
        code = f"04{e}"
        yield ev, iri(RDF_TYPE), iri(DIP + cls)
        yield ev, iri(DIP + "eventType"), iri(EVENT_TYPE + code)
        yield iri(EVENT_TYPE + code), iri(RDF_TYPE), iri(SKOS + "Concept")
        yield iri(EVENT_TYPE + code), iri(SKOS + "notation"), lit(code)
        yield iri(EVENT_TYPE + code), iri(SKOS + "prefLabel"), lit(f"Event type {code}")
        for p in persons[:2]:
            yield ev, iri(DIP + "participant"), iri(f"{BASE}id/person/person-{p}")
        yield ev, iri(DIP + "host"), iri(f"{BASE}id/person/person-{persons[0]}")
        yield ev, iri(DIP + "guest"), iri(f"{BASE}id/person/person-{persons[1]}")
        yield ev, iri(DIP + "place"), place
        yield ev, iri(DIP + "date"), lit(date, "date")
        yield ev, iri(PROV + "wasDerivedFrom"), art
        yield ev, iri(DIP + "evidence"), lit(f"The ministers met in City {countries[0]} ({k}/{e}).")
    fig = iri(f"{BASE}id/figure/{k:x}")
    yield fig, iri(RDF_TYPE), iri(DIP + "MonetaryFigure")
    yield fig, iri(SDO + "value"), lit(str(rng.randrange(1, 90) * 100_000_000), "decimal")
    yield fig, iri(SDO + "currency"), lit("USD")
    yield fig, iri(DIP + "status"), iri(DIP + "Actual")
    for c in countries[:2]:
        yield fig, iri(DIP + "concerns"), iri(f"{BASE}id/country/C{c:03d}")
    q = iri(f"{BASE}id/quotation/{k:x}")
    yield q, iri(RDF_TYPE), iri(DIP + "Quotation")
    yield q, iri(SDO + "text"), lit(f"We value our partnership, said person {persons[0]}.")
    yield q, iri(DIP + "speaker"), iri(f"{BASE}id/person/person-{persons[0]}")
    yield q, iri(PROV + "wasDerivedFrom"), art


def write_nquads(path: Path, graphs: int, seed: int = 7, triples: Path | None = None) -> int:
    """Write the synthetic graphs as N-Quads (and their triples as N-Triples if asked)."""
    rng = random.Random(seed)
    count = 0
    with path.open("w", encoding="utf-8") as out, (triples or Path(os.devnull)).open("w") as nt:
        for k in range(graphs):
            g = iri(f"{BASE}graph/article/{k:010x}")
            lines = [f"{s} {p} {o}" for s, p, o in synthetic_article(k, rng)]
            count += len(lines)
            out.writelines(f"{line} {g} .\n" for line in lines)
            if triples is not None:
                nt.writelines(f"{line} .\n" for line in lines)
    return count


# The IRIs are formatted in from ox.NamedNode (validated). Binding them with pyoxigraph's
# `substitutions=` instead hides them from the query planner: the join below then takes
# ~70x longer (measured), so the bench prints both.
LOOKUP = "SELECT ?p ?o WHERE {{ {person} ?p ?o }}"
PREFIXES = """
PREFIX dip: <https://w3id.org/communique/diplomacy#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
"""
# the persons named in the articles that mention a country, newest first
JOIN = (
    PREFIXES
    + """SELECT ?country ?article ?date ?name WHERE {{
  ?article dip:mentions {country}, ?person ; schema:datePublished ?date .
  ?person a dip:Person ; schema:name ?name .
}} ORDER BY DESC(?date) LIMIT 100
"""
)
# meetings attended by officials of a country: ~50k intermediate rows at 100k graphs
JOIN_WIDE = (
    PREFIXES
    + """SELECT ?country ?event ?date ?name WHERE {{
  ?m org:organization {country} ; org:member ?person .
  ?event a dip:Meeting ; dip:participant ?person ; dip:date ?date .
  ?person schema:name ?name .
}} ORDER BY DESC(?date) LIMIT 100
"""
)


def timed(fn, runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def bench_scale(graphs: int, merged: bool) -> None:
    from communique.server.store.articles import Store

    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        nq, nt = work / "synthetic.nq", work / "synthetic.nt"
        started = time.perf_counter()
        quads = write_nquads(nq, graphs, triples=nt if merged else None)
        gen_s = time.perf_counter() - started
        print(f"\nsynthetic: {graphs} article graphs, {quads} quads ({gen_s:.1f} s to generate)")

        data = work / "data"
        with Store.open(data, BASE, merged=merged) as store:
            started = time.perf_counter()
            store.ox.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
            if merged:  # the merged default graph, as put_article would have kept it
                store.ox.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
            load_s = time.perf_counter() - started
            started = time.perf_counter()
            store.ox.optimize()
            optimize_s = time.perf_counter() - started
            size = folder_size(data)
            print(f"bulk load:           {load_s:7.1f} s  {quads / load_s:10.0f} quads/s")
            print(f"optimize:            {optimize_s:7.1f} s")
            print(f"store size:          {size / 2**20:7.0f} MiB ({size / quads:.0f} bytes/quad)")

            bench_queries(store)
            s, stats = timed(store.stats, runs=1)
            print(f"stats():             {s:7.1f} s ({stats['articles']} articles)")
            tracemalloc.start()
            started, size = time.perf_counter(), 0
            for chunk in store.dump("nq"):
                size += len(chunk)
            dump_s = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(f"dump nq:             {dump_s:7.1f} s  {size / 2**20:.0f} MiB", end="")
            print(f" (Python memory peak while dumping: {peak / 2**20:.1f} MiB)")
            bench_reingest(store, graphs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench_queries(store) -> None:
    a_person = ox.NamedNode(DIP + "Person")
    person = next(store.ox.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), a_person)).subject
    country = ox.NamedNode(f"{BASE}id/country/C042")

    def run(query: str, **kw) -> list:
        # with the merge kept, the store's own default graph is the union (as a set)
        return list(store.ox.query(query, use_default_graph_as_union=not store.merged, **kw))

    s, rows = timed(lambda: run(LOOKUP.format(person=person)))
    print(f"lookup query:        {s * 1000:7.2f} ms ({len(rows)} rows: one person's triples)")
    s, described = timed(lambda: store.describe(person.value))
    print(f"describe(person):    {s * 1000:7.2f} ms ({len(described)} triples)")
    s, rows = timed(lambda: run(JOIN.format(country=country)))
    print(
        f"join query:          {s * 1000:7.2f} ms ({len(rows)} rows: persons in a country's news)"
    )
    s, rows = timed(lambda: run(JOIN_WIDE.format(country=country)), runs=1)
    print(f"wide join query:     {s * 1000:7.2f} ms ({len(rows)} rows: a country's meetings)")
    bound = {ox.Variable("country"): country}
    s, rows = timed(lambda: run(JOIN.format(country="?country"), substitutions=bound), runs=1)
    print(f"  join, substituted: {s * 1000:7.2f} ms (the country bound by substitutions=)")


def bench_reingest(store, graphs: int, n: int = 500) -> None:
    """Transactional put_article (DROP + INSERT DATA) into the big store."""
    import datetime as dt

    from rdflib import Graph, URIRef

    from communique.mapping.article import Article, MappedArticle

    rng = random.Random(11)
    mapped = []
    for k in rng.sample(range(graphs), min(n, graphs)):
        text = "".join(f"{s} {p} {o} .\n" for s, p, o in synthetic_article(k, rng))
        g = Graph().parse(data=text, format="nt")
        article = Article(body=str(k), date=dt.date(2024, 1, 1), source="bench")
        key = f"{k:010x}"
        mapped.append(
            MappedArticle(
                article,
                URIRef(f"{BASE}id/article/{key}"),
                URIRef(f"{BASE}graph/article/{key}"),
                g,
            )
        )
    started = time.perf_counter()
    for m in mapped:
        store.put_article(m)
    s = time.perf_counter() - started
    per = s / len(mapped) * 1000
    print(f"re-ingest at scale:  {per:7.1f} ms/article (put_article x {len(mapped)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graphs", type=int, default=100_000, help="synthetic article graphs")
    parser.add_argument("--repeat", type=int, default=4, help="times each article is ingested")
    parser.add_argument("--skip-articles", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument(
        "--union", action="store_true", help="no merged default graph (Store merged=False)"
    )
    args = parser.parse_args()
    merged = not args.union
    if not args.skip_articles:
        bench_articles(args.repeat, merged)
    if not args.skip_scale:
        bench_scale(args.graphs, merged)


if __name__ == "__main__":
    main()
