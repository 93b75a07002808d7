"""Articles in, mapped graphs out: spaCy in batches, then our stages (mapping/stages.py) fill
each article's document model, and the graph is built from its facts."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from communique.mapping.article import Article, MappedArticle
from communique.mapping.document import attach, layer
from communique.mapping.graph.builder import Facts, GraphBuilder
from communique.mapping.iris import Minter
from communique.mapping.nlp.language import load_pipeline, parse
from communique.mapping.stages import run_stages

log = logging.getLogger(__name__)


def map_articles(
    articles: Iterable[Article],
    *,
    base: str | None = None,
    nlp: Language | None = None,
    n_process: int = 1,
    progress: bool = False,
) -> Iterator[MappedArticle]:
    """Map articles in order; an article the mapper fails on is logged and left out."""
    nlp = nlp or load_pipeline()
    minter = Minter(base)
    articles = list(articles)
    docs = parse(nlp, (a.content for a in articles), n_process=n_process)
    pairs = zip(articles, docs, strict=True)
    if progress:
        pairs = tqdm(pairs, total=len(articles), unit="article", file=sys.stderr)
    for article, doc in pairs:
        try:
            yield map_doc(article, doc, nlp, minter)
        except Exception:  # noqa: BLE001 - one bad article must not stop a batch
            log.exception("%s: could not be mapped", article.source)


def map_article(
    article: Article, *, base: str | None = None, nlp: Language | None = None
) -> MappedArticle:
    """Map one article."""
    nlp = nlp or load_pipeline()
    return map_doc(article, nlp(article.content), nlp, Minter(base))


def extract(article: Article, doc: Doc, nlp: Language) -> Facts:
    """Every fact of one parsed article: its model filled by the stages, in order."""
    attach(doc, article)
    run_stages(nlp, doc)
    return layer(doc, "facts")


def map_doc(article: Article, doc: Doc, nlp: Language, minter: Minter) -> MappedArticle:
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(article.content):
        # the doc was parsed from this text: spare `Doc.text` re-joining every token
        doc.user_data.setdefault("communique_text", article.content)
    facts = extract(article, doc, nlp)
    graph = GraphBuilder(article, minter).build(facts)
    return MappedArticle(article, minter.article(article), minter.article_graph(article), graph)
