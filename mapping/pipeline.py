"""Articles in, mapped graphs out: each article's text goes through one spaCy pipeline,
spaCy's components and then our stages (mapping/stages.py), with the article riding along
as the doc's context (document.MappingJob); the last stage hands back the graph."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from communique.mapping.article import Article, MappedArticle
from communique.mapping.document import MappingJob, attach, layer
from communique.mapping.entities.aliases import Aliases
from communique.mapping.errors import MappingError
from communique.mapping.graph.builder import Facts
from communique.mapping.graph.persons import PersonRegistry
from communique.mapping.nlp.loading import load_pipeline, processes_for
from communique.mapping.stages import run_stages

log = logging.getLogger(__name__)


def map_articles(
    articles: Iterable[Article],
    *,
    base: str | None = None,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    progress: bool = False,
    aliases: Aliases | None = None,
    persons: PersonRegistry | None = None,
) -> Iterator[MappedArticle]:
    """Map articles in order; an article the mapper fails on is logged and left out.
    With n_process > 1 the whole mapper runs in spaCy's worker processes. `aliases`: the
    curator's aliases file (entities/aliases.py), applied to the entities' IRIs;
    `persons`: the persons met before (graph/persons.py), by default none."""
    nlp = nlp or load_pipeline()
    persons = persons or PersonRegistry(base)
    articles = list(articles)
    n_process = processes_for(len(articles), n_process)
    jobs = ((a.content, MappingJob(a, base, aliases)) for a in articles)
    done = nlp.pipe(jobs, as_tuples=True, n_process=n_process, batch_size=batch_size)
    if progress:
        done = tqdm(done, total=len(articles), unit="article", file=sys.stderr)
    for _doc, job in done:
        if job.result is None:
            log.error("%s: could not be mapped\n%s", job.article.source, job.error or "")
            continue
        yield persons.settle(job.result)


def map_article(
    article: Article,
    *,
    base: str | None = None,
    nlp: Language | None = None,
    aliases: Aliases | None = None,
    persons: PersonRegistry | None = None,
) -> MappedArticle:
    """Map one article; an error in a stage is raised, not logged. `persons`: the persons
    met before (graph/persons.py), to keep apart from this article's where they differ."""
    nlp = nlp or load_pipeline()
    job = MappingJob(article, base, aliases, contain_errors=False)
    [(_doc, job)] = nlp.pipe([(article.content, job)], as_tuples=True)
    if job.result is None:  # only if a stage was left out of the pipeline
        raise MappingError(f"{article.source}: the pipeline gave no graph")
    return persons.settle(job.result) if persons is not None else job.result


def map_parsed(
    article: Article, doc: Doc, nlp: Language, *, base: str | None = None
) -> MappedArticle:
    """Map one article whose text spaCy already parsed into `doc` (our stages only)."""
    doc._context = MappingJob(article, base, contain_errors=False)
    run_stages(nlp, doc)
    job, doc._context = doc._context, None
    if job.result is None:
        raise MappingError(f"{article.source}: the pipeline gave no graph")
    return job.result


def extract(article: Article, doc: Doc, nlp: Language) -> Facts:
    """Every fact of one parsed article: its model filled by the stages, in order."""
    attach(doc, article)
    run_stages(nlp, doc)
    return layer(doc, "facts")
