"""The mapper's stages as registered spaCy components, run after spaCy's own in this order
(STAGES). The first gives an article's doc its model (mapping/document.py) from the job it
was piped with; each next one reads the layers the stages before it wrote and writes its
own; the last builds the graph and hands it back on the job. A doc without a model (parsed
as plain text) passes through untouched. `run_stages` runs them on a parsed doc; each can
also be called alone on a hand-built doc whose earlier layers a test filled in."""

from __future__ import annotations

import inspect
import sys
import traceback
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from communique.mapping.article import MappedArticle
from communique.mapping.document import (
    ArticleDocument,
    attach,
    detach,
    job_of,
    layer,
    model_of,
)
from communique.mapping.entities.cluster import cluster
from communique.mapping.entities.dateline import add_dateline_entities, dateline_names
from communique.mapping.entities.entity import fold
from communique.mapping.events.assembly import link_events
from communique.mapping.events.finder import find_event_mentions
from communique.mapping.facts.agreements import find_agreements
from communique.mapping.facts.figures import find_figures
from communique.mapping.facts.quotes import find_quotes
from communique.mapping.facts.roles import find_roles, name_by_title, person_countries
from communique.mapping.facts.topics import attach_topics, title_spans
from communique.mapping.graph.builder import Facts, GraphBuilder
from communique.mapping.iris import Minter
from communique.mapping.mentions import gazetteers
from communique.mapping.mentions.finder import PLACE, find_mentions
from communique.mapping.nlp import word_forms
from communique.mapping.nlp.language import forget_caches
from communique.mapping.values.dates import resolve_date

STAGES = (
    "communique_article",
    "communique_mentions",
    "communique_entities",
    "communique_event_mentions",
    "communique_events",
    "communique_facts",
    "communique_graph",
)


def _component(fill: Callable[[Doc, ArticleDocument], None]) -> Callable[[Doc], Doc]:
    """A spaCy component that fills its layer of an article's doc, and lets other docs by."""

    def run(doc: Doc) -> Doc:
        if (model := model_of(doc)) is None:
            return doc
        job = job_of(doc)
        if job is None or not job.contain_errors:
            fill(doc, model)
            return doc
        try:
            fill(doc, model)
        except Exception:  # noqa: BLE001 - one bad article must not stop a batch (or a worker)
            job.error = traceback.format_exc()
            detach(doc)
        return doc

    return run


@Language.factory("communique_article")
def article_stage(nlp: Language, name: str):
    """Layer 0: a doc piped with a MappingJob gets a fresh model for the job's article."""

    def run(doc: Doc) -> Doc:
        if (job := job_of(doc)) is not None and model_of(doc) is None:
            # the doc was made from this text: spare `Doc.text` re-joining every token
            doc.user_data["communique_text"] = job.article.content
            attach(doc, job.article)
        return doc

    return run


@Language.factory("communique_mentions")
def mentions_stage(nlp: Language, name: str):
    """Layer 2: typed spans from the gazetteers, our patterns and the NER."""
    matcher = gazetteers.matcher(nlp)
    word_forms.learn(nlp)

    def fill(doc: Doc, model: ArticleDocument) -> None:
        model.mentions = find_mentions(doc, matcher)

    return _component(fill)


@Language.factory("communique_entities")
def entities_stage(nlp: Language, name: str):
    """Layer 3: mentions clustered into entities, with the dateline's, and the offices
    that resolve each person's country."""
    return _component(_entities)


def _entities(doc: Doc, model: ArticleDocument) -> None:
    place, iso3 = dateline_names(model.article)
    ents = cluster(doc, layer(doc, "mentions"), dateline_iso3=iso3)
    model.dateline_place = add_dateline_entities(ents, model.article, place, iso3)
    model.entities = ents
    model.roles = find_roles(doc, ents)
    name_by_title(model.roles)
    model.person_country = person_countries(model.roles)
    for role in model.roles:
        people = model.titles.setdefault(fold(role.label), [])
        if role.person not in people:
            people.append(role.person)


@Language.factory("communique_event_mentions")
def event_mentions_stage(nlp: Language, name: str):
    """Layer 4a: each telling of an event, from its trigger, read off the parse."""
    return _component(_event_mentions)


def _event_mentions(doc: Doc, model: ArticleDocument) -> None:
    article, place = model.article, model.dateline_place
    model.dateline_date = None
    if article.dateline and article.dateline.date_text:
        model.dateline_date = resolve_date(article.dateline.date_text, article.date, tense="past")
    model.event_reader, model.event_mentions = find_event_mentions(
        doc,
        layer(doc, "entities"),
        ref=article.date,
        person_country=model.person_country,
        dateline_date=model.dateline_date,
        titles=model.titles,
        dateline_place=place if place is not None and place.kind == PLACE else None,
        dateline_iso3=place.iso3 if place is not None else None,
    )


@Language.factory("communique_events")
def events_stage(nlp: Language, name: str):
    """Layer 4b: event coreference: the tellings of one event merged into one event,
    nested in the visit they happened during."""
    return _component(_events)


def _events(doc: Doc, model: ArticleDocument) -> None:
    model.events = link_events(
        model.event_reader,
        layer(doc, "event_mentions"),
        ref=model.article.date,
        dateline_date=model.dateline_date,
    )


@Language.factory("communique_facts")
def facts_stage(nlp: Language, name: str):
    """Layer 5: agreements, figures, quotations and topics beside the roles and events."""
    return _component(_fill_facts)


def _fill_facts(doc: Doc, model: ArticleDocument) -> None:
    model.facts = _facts(doc, model)


def _facts(doc: Doc, model: ArticleDocument) -> Facts:
    ents, events, ref = layer(doc, "entities"), layer(doc, "events"), model.article.date
    agreements = find_agreements(
        doc, ents, events, ref=ref, main_countries=ents.main_countries(named=True)
    )
    figures = find_figures(doc, ents, ref=ref)
    quotes = find_quotes(doc, ents, model.person_country, model.titles)
    facts = Facts(
        ents.entities,
        layer(doc, "roles"),
        events,
        agreements,
        figures,
        quotes,
        dateline_place=model.dateline_place,
    )
    titles = title_spans(doc, layer(doc, "roles"))
    facts.topics = attach_topics(doc, ents, events, agreements, titles=titles)
    return facts


@Language.factory("communique_graph")
def graph_stage(nlp: Language, name: str):
    """Layer 6: the graph, built from the facts alone and handed back on the doc's job."""
    return _component(_graph)


def _graph(doc: Doc, model: ArticleDocument) -> None:
    job = job_of(doc)
    if job is None:  # a doc given its model by hand: its reader wants the facts
        return
    minter = Minter(job.base, aliases=job.aliases)
    article = model.article
    graph = GraphBuilder(article, minter).build(layer(doc, "facts"))
    job.result = MappedArticle(
        article, minter.article(article), minter.article_graph(article), graph
    )
    # the doc may travel back from a worker process, which takes plain data only
    detach(doc)
    forget_caches(doc)


def preload() -> int:
    """Build every word table, gazetteer index and pattern the stages read (each module's
    cached zero-argument loaders), as spaCy components load theirs when constructed: the
    first article then costs what any article costs. Returns how many were loaded."""
    loaded = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("communique.mapping.") or module is None:
            continue
        for value in list(vars(module).values()):
            if _is_loader(value, name):
                value()
                loaded += 1
    return loaded


def _is_loader(value: object, module: str) -> bool:
    if not hasattr(type(value), "cache_info"):  # functools.cache; no lookups on the value
        return False
    if getattr(value, "__module__", None) != module:
        return False
    try:
        parameters = inspect.signature(value).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty for p in parameters)


def add_stages(nlp: Language) -> None:
    """Append the stages missing from `nlp`, in order, after spaCy's own components."""
    for name in STAGES:
        if name not in nlp.component_names:  # disabled ones too: parse() disables them
            nlp.add_pipe(name, last=True)


def run_stages(nlp: Language, doc: Doc) -> Doc:
    """Run every stage on a doc parsed by spaCy and given a model (document.attach); `nlp`
    is a pipeline from nlp.loading.load_pipeline, which holds them."""
    for name in STAGES:
        doc = nlp.get_pipe(name)(doc)
    return doc
