"""The pipeline's interface: the cached spaCy model, batches in order, failures left out."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from communique.mapping.article import Article
from communique.mapping.nlp.loading import load_pipeline, model_name


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


def _failing_on_article_2(monkeypatch):
    """Make the quotation finder (a stage in the middle) fail on article test:2 alone."""
    from communique.mapping import stages

    real = stages.find_quotes

    def flaky(doc, *args):
        if "(2)" in doc.text:
            raise RuntimeError("boom")
        return real(doc, *args)

    monkeypatch.setattr(stages, "find_quotes", flaky)


@pytest.mark.slow
def test_batches_keep_order_and_leave_out_failures(nlp, monkeypatch, caplog):
    from communique.mapping import pipeline

    articles = [
        _article(f"President Talant Omurov met Minister Nurlan Temirov ({n}).", n) for n in range(4)
    ]
    _failing_on_article_2(monkeypatch)
    with caplog.at_level(logging.ERROR, logger="communique.mapping.pipeline"):
        mapped = list(
            pipeline.map_articles(articles, base="http://example.org/", nlp=nlp, progress=True)
        )
    assert [m.article.source for m in mapped] == ["test:0", "test:1", "test:3"]
    assert "test:2: could not be mapped" in caplog.text
    assert "RuntimeError: boom" in caplog.text  # the stage's traceback, for the reader
    assert all(str(m.iri).startswith("http://example.org/id/article/2024-01-30-") for m in mapped)
    assert len({m.iri for m in mapped}) == 3


@pytest.mark.slow
def test_one_article_raises_the_stages_error(nlp, monkeypatch):
    from communique.mapping import pipeline

    _failing_on_article_2(monkeypatch)
    with pytest.raises(RuntimeError, match="boom"):
        pipeline.map_article(_article("Minister Nurlan Temirov spoke (2).", 2), nlp=nlp)


def _sorted_nt(mapped) -> list[tuple[str, list[str]]]:
    return [(str(m.iri), sorted(m.graph.serialize(format="nt").splitlines())) for m in mapped]


@pytest.mark.slow
def test_worker_processes_run_the_whole_mapper(nlp):
    """With n_process=2 the stages run in spaCy's workers and hand back the same graphs."""
    from communique.mapping import pipeline
    from communique.mapping.nlp.loading import MIN_DOCS_PER_PROCESS

    bodies = [
        "Foreign Minister Arlo Venndal of Kazakhstan met Foreign Minister Bela Morovic of "
        "Uzbekistan in Tashkent on Tuesday. They signed a memorandum on trade worth "
        "$5 million.",
        '"We are close partners," said President Oren Daltis of Kyrgyzstan on Monday.',
    ]
    n = 2 * MIN_DOCS_PER_PROCESS  # enough for the pipeline to fork two workers
    articles = [_article(f"{bodies[k % 2]} ({k})", k) for k in range(n)]
    alone = list(pipeline.map_articles(articles, nlp=nlp))
    parallel = list(pipeline.map_articles(articles, nlp=nlp, n_process=2))
    assert len(alone) == n
    assert _sorted_nt(parallel) == _sorted_nt(alone)
    assert all(len(m.graph) > 10 for m in parallel)


@pytest.mark.slow
def test_base_and_graph_iri(nlp):
    from communique.mapping.pipeline import map_article

    m = map_article(
        _article("Kazakh President Kuanysh Utepov spoke.", 0), base="http://x.org", nlp=nlp
    )
    assert str(m.graph_iri).startswith("http://x.org/graph/article/2024-01-30-")
    assert str(m.iri).split("/")[-1] == str(m.graph_iri).split("/")[-1]


def test_the_point_of_an_abbreviated_title_ends_no_sentence(nlp):
    """The parser may start a sentence at the name after "H.E." (it did on a real article's
    first sentence); the stage before it says that no sentence starts there."""
    from communique.mapping.nlp.loading import title_keeps_its_name

    doc = title_keeps_its_name(
        nlp.make_doc("The Chair, H.E. Mr. Tomas Ibarra, and Hon. Rose Wakanyi met. Ms. Tal left.")
    )
    held = [t.text for t in doc if t.is_sent_start is False]
    # (and a capitalized word right after a word: "The Chair", "Tomas Ibarra", "and Hon.";
    # not "Ms." after "met.")
    assert held == ["Chair", "Mr.", "Tomas", "Ibarra", "Hon.", "Rose", "Wakanyi", "Tal"]
    assert "communique_titles_whole" in nlp.pipe_names
    assert nlp.pipe_names.index("communique_titles_whole") < nlp.pipe_names.index("parser")


def test_a_plural_title_keeps_the_names_after_it(nlp):
    """The parser may start a sentence at the first name after "Presidents"; no sentence
    starts right after a word with no point, so both names keep the title."""
    doc = nlp("Ties grew over the years. Presidents Ilse Marrow and Tomas Brel exchange visits.")
    assert [s.text for s in doc.sents] == [
        "Ties grew over the years.",
        "Presidents Ilse Marrow and Tomas Brel exchange visits.",
    ]
