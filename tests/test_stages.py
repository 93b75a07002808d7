"""The mapper's stages: registered spaCy components after spaCy's own, each writing one
layer of the document model and reading only the layers written before it."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.mapping.article import Article
from communique.mapping.document import attach, layer, model_of
from communique.mapping.errors import MappingError
from communique.mapping.stages import STAGES

# the stages that fill the model's layers: between the one that attaches an article's model
# and the one that builds its graph (tested in test_mapping_pipeline.py)
LAYER_STAGES = STAGES[1:-1]

pytestmark = pytest.mark.slow

BODY = (
    "Foreign Minister Arlo Venndal of Kazakhstan met Foreign Minister Bela Morovic of "
    "Uzbekistan in Tashkent on Tuesday. They signed a memorandum on trade."
)


def test_the_stages_follow_spacys_components_in_order(nlp):
    names = nlp.component_names
    assert [n for n in names if n in STAGES] == list(STAGES)
    assert names.index(STAGES[0]) > names.index("ner")
    assert names[-len(STAGES) :] == list(STAGES)


def test_each_stage_fills_its_own_layer(nlp):
    article = Article(body=BODY, date=dt.date(2025, 3, 12), source="made-up")
    doc = nlp.make_doc(article.content)
    for _, component in nlp.pipeline:
        if _ not in STAGES:
            doc = component(doc)
    model = attach(doc, article)
    filled = []
    for name in LAYER_STAGES:
        nlp.get_pipe(name)(doc)
        layers = ("mentions", "entities", "event_mentions", "events", "facts")
        filled.append([f for f in layers if getattr(model, f)])
    assert filled == [
        ["mentions"],
        ["mentions", "entities"],
        ["mentions", "entities", "event_mentions"],
        ["mentions", "entities", "event_mentions", "events"],
        ["mentions", "entities", "event_mentions", "events", "facts"],
    ]
    # the two tellings of the meeting ("met", then "They signed" at it) are read apart
    # and kept apart: a meeting and the signing at it
    assert [e.kind for e in model.event_mentions] == ["meeting", "agreement-signing"]
    names = sorted(e.name for e in model.entities.entities if e.kind == "person")
    assert names == ["Arlo Venndal", "Bela Morovic"]
    assert [(r.person.name, r.label) for r in model.roles] == [
        ("Arlo Venndal", "Foreign Minister"),
        ("Bela Morovic", "Foreign Minister"),
    ]
    events = [(e.kind, sorted(p.name for p in e.participants)) for e in layer(doc, "events")]
    assert events == [
        ("meeting", ["Arlo Venndal", "Bela Morovic"]),
        ("agreement-signing", ["Arlo Venndal", "Bela Morovic"]),
    ]
    facts = layer(doc, "facts")
    assert facts.events is model.events  # read from the layer, not found again
    assert [a.name for a in facts.agreements] == ["memorandum on trade"]


def test_a_stage_before_its_layers_is_an_error(nlp):
    article = Article(body=BODY, date=dt.date(2025, 3, 12), source="made-up")
    doc = nlp(article.content)
    attach(doc, article)
    with pytest.raises(MappingError, match="mentions layer is not filled"):
        nlp.get_pipe("communique_entities")(doc)


def test_a_doc_without_an_article_passes_through(nlp):
    doc = nlp("Two ministers met.")
    assert model_of(doc) is None
    for name in STAGES:
        assert nlp.get_pipe(name)(doc) is doc
    assert model_of(doc) is None


def test_the_coreference_stage_merges_the_tellings_of_one_event(nlp):
    body = (
        "Foreign Minister Arlo Venndal of Kazakhstan held talks with Foreign Minister Bela "
        "Morovic of Uzbekistan in Tashkent on Tuesday. Following the talks, the ministers "
        "told reporters that the talks were productive."
    )
    article = Article(body=body, date=dt.date(2025, 3, 12), source="made-up")
    doc = nlp(article.content)
    model = attach(doc, article)
    for name in LAYER_STAGES[:3]:
        nlp.get_pipe(name)(doc)
    assert [(e.kind, e.trigger.text) for e in model.event_mentions] == [
        ("talks", "held"),
        ("talks", "talks"),
        ("talks", "talks"),
    ]
    nlp.get_pipe("communique_events")(doc)
    assert [
        (e.kind, sorted(p.name for p in e.participants), e.date.value) for e in model.events
    ] == [("talks", ["Arlo Venndal", "Bela Morovic"], "2025-03-11")]
