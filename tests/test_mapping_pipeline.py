"""The pipeline's interface: the cached spaCy model, batches in order, failures left out."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from communique.mapping.article import Article
from communique.mapping.nlp.language import load_pipeline, model_name


def test_model_name_from_env(monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_SPACY_MODEL", "xx_custom_model")
    assert model_name() == "xx_custom_model"
    assert model_name("given") == "given"


def test_an_unknown_model_is_a_mapping_error(monkeypatch):
    from communique.mapping.errors import MappingError

    with pytest.raises(MappingError, match="no_such_model"):
        load_pipeline("no_such_model")


@pytest.mark.slow
def test_the_pipeline_is_loaded_once(nlp):
    assert load_pipeline() is nlp


def _article(body: str, n: int) -> Article:
    return Article(body=body, date=dt.date(2024, 1, 30), source=f"test:{n}")


@pytest.mark.slow
def test_batches_keep_order_and_leave_out_failures(nlp, monkeypatch, caplog):
    from communique.mapping import pipeline

    articles = [
        _article(f"President Sadyr Japarov met Minister Murat Nurtleu ({n}).", n) for n in range(4)
    ]
    real = pipeline.extract

    def flaky(article, doc, nlp_):
        if article.source == "test:2":
            raise RuntimeError("boom")
        return real(article, doc, nlp_)

    monkeypatch.setattr(pipeline, "extract", flaky)
    with caplog.at_level(logging.ERROR, logger="communique.mapping.pipeline"):
        mapped = list(
            pipeline.map_articles(articles, base="http://example.org/", nlp=nlp, progress=True)
        )
    assert [m.article.source for m in mapped] == ["test:0", "test:1", "test:3"]
    assert "test:2" in caplog.text
    assert all(str(m.iri).startswith("http://example.org/id/article/2024-01-30-") for m in mapped)
    assert len({m.iri for m in mapped}) == 3


@pytest.mark.slow
def test_base_and_graph_iri(nlp):
    from communique.mapping.pipeline import map_article

    m = map_article(
        _article("Kazakh President Kassym-Jomart Tokayev spoke.", 0), base="http://x.org", nlp=nlp
    )
    assert str(m.graph_iri).startswith("http://x.org/graph/article/2024-01-30-")
    assert str(m.iri).split("/")[-1] == str(m.graph_iri).split("/")[-1]
