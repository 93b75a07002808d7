"""Ingest: map articles, check each graph with the shapes, store the ones that conform.

Each article lives in its own named graph and is written in one transaction (with the other
conforming articles of its batch), so a crash leaves it whole or absent. An article from
which no fact was read (no event, agreement, figure, quotation or role: "The weather was
nice.") is rejected, not stored: it would be a date and some names, nothing to query.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from communique.mapping import pipeline
from communique.mapping.article import Article, MappedArticle
from communique.mapping.entities.aliases import ALIASES_FILE, Aliases, read_aliases
from communique.mapping.errors import InputError
from communique.mapping.graph.persons import PersonRegistry
from communique.mapping.reading.reader import read_paths
from communique.ontology.namespace import PROV
from communique.server.ingest.outcomes import IngestOutcome, IngestReport
from communique.server.ingest.storing import failed, store_checked, store_mapped
from communique.server.ingest.worker import Validator
from communique.server.store.articles import Store
from communique.shapes import validate

log = logging.getLogger(__name__)

BATCH = 16  # articles mapped per nlp.pipe call
NO_CONTENT = "no diplomatic content found: no event, agreement, figure, quotation or role"


def aliases_for(
    store: Store, path: Path | None = None, data_dir: str | Path | None = None
) -> Aliases | None:
    """The curator's aliases to map with: the file given, else `same-as.csv` in the data
    folder (`data_dir`, which a remote store has too; else the embedded store's folder),
    when there is one. Read again each time: a curator's edit applies to the next article.
    InputError for a bad file."""
    folder = data_dir or store.path
    path = path or (Path(folder) / ALIASES_FILE if folder else None)
    return read_aliases(path) if path is not None and path.is_file() else None


def ingest_article(
    store: Store, article: Article, *, base: str, nlp=None, data_dir: str | Path | None = None
) -> IngestOutcome:
    """Map one article, validate its graph and store it durably; nothing stored if it fails.
    `data_dir`: the data folder, where a curator's same-as.csv is (see `aliases_for`)."""
    try:
        aliases = aliases_for(store, data_dir=data_dir)
    except InputError as exc:
        return IngestOutcome(article, None, stored=False, error=str(exc), source=article.source)
    try:
        persons = PersonRegistry(base, lookup=store.person_facts)
        mapped = pipeline.map_article(article, base=base, nlp=nlp, aliases=aliases, persons=persons)
    except Exception as exc:  # a mapper bug on one article must not stop a batch
        return _mapping_failed(article, exc)
    if not has_content(mapped):
        return _empty(mapped)
    outcome = store_mapped(store, mapped)
    if outcome.stored:
        store.flush()  # a client told "201 stored" must find it even after a crash
    return outcome


def has_content(mapped: MappedArticle) -> bool:
    """True when some fact was read: every event, agreement, figure, quotation and role
    names its article with prov:wasDerivedFrom."""
    return next(mapped.graph.triples((None, PROV.wasDerivedFrom, mapped.iri)), None) is not None


def _empty(mapped: MappedArticle) -> IngestOutcome:
    log.info("rejected %s: %s", mapped.article.source, NO_CONTENT)
    article = mapped.article
    return IngestOutcome(
        article, str(mapped.iri), False, error=NO_CONTENT, source=article.source, no_content=True
    )


def ingest_paths(
    store: Store,
    paths: list[Path],
    *,
    base: str,
    progress: bool = False,
    nlp=None,
    workers: int | None = None,
    name: str | None = None,
    aliases: Path | None = None,
    data_dir: str | Path | None = None,
) -> IngestReport:
    """Ingest every article below `paths`; a bad article is reported and the batch goes on.
    `name` names the one article given (`--id`) instead of its file's name; `aliases` is
    the curator's aliases file (default: `same-as.csv` in the data folder `data_dir`, or
    the embedded store's, if there)."""
    started = time.perf_counter()
    curated = aliases_for(store, aliases, data_dir)
    report = IngestReport()
    bar = _progress_bar() if progress else None
    not_stored = 0
    items = read_paths(paths, name=name)
    ingested = ingest_items(store, items, base=base, nlp=nlp, workers=workers, aliases=curated)
    for outcome in ingested:
        if outcome.stored:
            outcome.article = outcome.validation = None
        report.outcomes.append(outcome)
        not_stored += not outcome.stored
        if bar is not None:
            bar.update(1)
            bar.set_postfix(not_stored=not_stored, refresh=False)
    if bar is not None:
        bar.close()
    if report.stored:
        store.compact()  # the batch's files merged: queries read fewer of them
    report.seconds = time.perf_counter() - started
    return report


def ingest_items(
    store: Store,
    items: Iterable[Article | InputError],
    *,
    base: str,
    nlp=None,
    workers: int | None = None,
    aliases: Aliases | None = None,
) -> Iterator[IngestOutcome]:
    """Outcomes for articles and read errors, in input order.

    Articles are mapped BATCH at a time (one nlp.pipe run); while batch k+1 is mapped, the
    graphs of batch k are validated by a helper process (`workers`, default: one if a
    second core is there), then its conforming articles are stored in one transaction.
    """
    items = iter(items)
    # persons met in this run or stored before, to keep apart those that differ
    persons = PersonRegistry(base, lookup=store.person_facts)
    with Validator(workers) as validator:
        previous: list = []
        while chunk := list(islice(items, BATCH)):
            mapped = _map_chunk(chunk, base, nlp, aliases, persons)
            current = [_submit(validator, entry) for entry in mapped]
            yield from _finish(store, previous)
            previous = current
        yield from _finish(store, previous)


def _map_chunk(
    chunk: list, base: str, nlp, aliases: Aliases | None, persons: PersonRegistry
) -> Iterator[MappedArticle | IngestOutcome]:
    articles = [item for item in chunk if isinstance(item, Article)]
    results = iter(_map_batch(articles, base, nlp, aliases, persons))
    for item in chunk:
        if isinstance(item, InputError):
            yield IngestOutcome(None, None, stored=False, error=item.reason, source=item.source)
        else:
            yield next(results)


def _submit(validator: Validator, entry: MappedArticle | IngestOutcome) -> tuple:
    if isinstance(entry, IngestOutcome):
        return entry, None
    if not has_content(entry):  # rejected without asking the shapes
        return _empty(entry), None
    return entry, validator.submit(entry.graph)


def _finish(store: Store, pending: list[tuple]) -> list[IngestOutcome]:
    """Wait for the verdicts of a mapped batch and store what conforms."""
    slots: list[IngestOutcome | None] = []
    checked: list[tuple[int, MappedArticle, validate.ValidationResult]] = []
    for entry, future in pending:
        if future is None:
            slots.append(entry)
            continue
        try:
            checked.append((len(slots), entry, future.result()))
            slots.append(None)
        except Exception as exc:  # no verdict (validation or its process broke): fail this one
            slots.append(failed(entry, f"validation failed: {exc}"))
    stored = store_checked(store, [(m, r) for _, m, r in checked])
    for (i, _, _), outcome in zip(checked, stored, strict=True):
        slots[i] = outcome
    return slots  # type: ignore[return-value]  # every slot is filled above


def _map_batch(
    articles: list[Article], base: str, nlp, aliases: Aliases | None, persons: PersonRegistry
) -> list[MappedArticle | IngestOutcome]:
    """Map a batch with one nlp.pipe run; if that fails, map one by one to isolate the culprit."""
    if not articles:
        return []
    try:
        mapped = list(
            pipeline.map_articles(articles, base=base, nlp=nlp, aliases=aliases, persons=persons)
        )
        if len(mapped) == len(articles):
            return mapped
    except Exception:
        log.debug("batch mapping failed; mapping one article at a time", exc_info=True)
    out: list[MappedArticle | IngestOutcome] = []
    for article in articles:
        try:
            out.append(
                pipeline.map_article(article, base=base, nlp=nlp, aliases=aliases, persons=persons)
            )
        except Exception as exc:
            out.append(_mapping_failed(article, exc))
    return out


def _mapping_failed(article: Article, exc: Exception) -> IngestOutcome:
    log.debug("mapping %s failed", article.source, exc_info=True)
    return IngestOutcome(
        article, None, stored=False, error=f"mapping failed: {exc}", source=article.source
    )


def _progress_bar():
    from tqdm import tqdm

    return tqdm(unit="article", desc="ingest", leave=True)
