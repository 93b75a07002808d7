"""Articles in, mapped graphs out: spaCy in batches, then one pass of our stages per article."""

from __future__ import annotations

import logging
import sys
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from communique.mapping.article import Article, MappedArticle
from communique.mapping.concepts import Concept
from communique.mapping.entities.cluster import ArticleEntities, Entity, cluster, display_name, fold
from communique.mapping.entities.countries import country_of_city, lookup_country
from communique.mapping.events.finder import find_events, main_countries
from communique.mapping.facts.agreements import find_agreements
from communique.mapping.facts.figures import find_figures
from communique.mapping.facts.quotes import find_quotes
from communique.mapping.facts.roles import find_roles, person_countries
from communique.mapping.facts.topics import find_topics
from communique.mapping.graph.builder import Facts, GraphBuilder
from communique.mapping.iris import Minter
from communique.mapping.mentions import gazetteers
from communique.mapping.mentions.finder import COUNTRY, ORG, PLACE, find_mentions
from communique.mapping.nlp.language import load_pipeline, parse
from communique.mapping.values.dates import resolve_date

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
    """Every fact of one parsed article (the stages, in order)."""
    dateline_place, dateline_country = _dateline(article)
    mentions = find_mentions(doc, gazetteers.matcher(nlp))
    ents = cluster(doc, mentions, dateline_iso3=dateline_country)
    extra = _dateline_entities(ents, article, dateline_place, dateline_country)
    roles = find_roles(doc, ents)
    person_country = person_countries(roles)
    dateline_date = None
    if article.dateline and article.dateline.date_text:
        dateline_date = resolve_date(article.dateline.date_text, article.date, tense="past")
    titles: dict[str, list] = {}
    for role in roles:
        people = titles.setdefault(fold(role.label), [])
        if role.person not in people:
            people.append(role.person)
    events = find_events(
        doc,
        ents,
        ref=article.date,
        person_country=person_country,
        dateline_date=dateline_date,
        titles=titles,
        dateline_place=extra if extra is not None and extra.kind == PLACE else None,
    )
    agreements = find_agreements(
        doc, ents, events, ref=article.date, main_countries=main_countries(ents)
    )
    figures = find_figures(doc, ents, ref=article.date)
    quotes = find_quotes(doc, ents, person_country, titles)
    facts = Facts(ents.entities, roles, events, agreements, figures, quotes, dateline_place=extra)
    facts.topics = _attach_topics(doc, ents, events, agreements)
    return facts


def map_doc(article: Article, doc: Doc, nlp: Language, minter: Minter) -> MappedArticle:
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(article.content):
        # the doc was parsed from this text: spare `Doc.text` re-joining every token
        doc.user_data.setdefault("communique_text", article.content)
    facts = extract(article, doc, nlp)
    graph = GraphBuilder(article, minter).build(facts)
    return MappedArticle(article, minter.article(article), minter.article_graph(article), graph)


def _dateline(article: Article) -> tuple[str | None, str | None]:
    """The dateline's place as a name, and its country (ISO3)."""
    dl = article.dateline
    if dl is None:
        return None, None
    rec = lookup_country(dl.region) if dl.region else None
    city = country_of_city(dl.place)
    if rec is None:
        rec = city or lookup_country(dl.place)
    return display_name(dl.place), rec.iso3 if rec else None


def _dateline_entities(
    ents: ArticleEntities, article: Article, place: str | None, iso3: str | None
) -> Entity | None:
    """The dateline's place (and country, and news agency) are named by the article too."""
    if iso3 and ents.country(iso3) is None:
        rec = lookup_country(iso3) if len(iso3) != 3 else None
        ents.entities.append(Entity(COUNTRY, iso3, rec.name if rec else iso3, iso3))
    agency = article.dateline.agency if article.dateline else None
    if agency:
        entry = gazetteers.organizations().get(agency)
        name = entry.name if entry else agency
        if not any(e.kind == ORG and e.key == name for e in ents.entities):
            ents.entities.append(
                Entity(
                    ORG,
                    name,
                    name,
                    None,
                    entry.kind if entry else None,
                    [name, agency] if agency != name else [name],
                )
            )
    if place is None:
        return None
    if lookup_country(place) is not None:
        return ents.country(iso3) if iso3 else None
    for e in ents.by_kind(PLACE):
        if e.name.casefold() == place.casefold():
            if article.dateline.place not in e.names:
                e.names.append(article.dateline.place)
            return e
    city = Entity(
        PLACE,
        place,
        place,
        iso3 if country_of_city(place) else iso3,
        "city",
        [place, article.dateline.place] if article.dateline.place != place else [place],
    )
    ents.entities.append(city)
    return city


def _attach_topics(doc: Doc, ents: ArticleEntities, events, agreements) -> dict[int, list]:
    """Each topic goes to the events of its sentence, else to the nearest event before it."""
    ordered = sorted(events, key=lambda e: e.trigger.i)
    # a long article has hundreds of events and topics: each topic finds its sentence's
    # events, or the last event before it, by bisection rather than by a pass over all
    by_sentence: dict[tuple[int, int], list] = {}
    for e in ordered:
        by_sentence.setdefault((e.sentence.start_char, e.sentence.end_char), []).append(e)
    spans = sorted(by_sentence)
    last_event, last_agreement = _LastBefore(ordered), _LastBefore(agreements)
    out: dict[int, list] = {}
    given: set[tuple[tuple[int, int], Concept]] = set()  # (sentence, topic) given to all in it
    for concept, pos in find_topics(doc, ents):
        k = bisect_right(spans, (pos, float("inf"))) - 1
        here = by_sentence[spans[k]] if k >= 0 and pos < spans[k][1] else []
        if here:
            if (spans[k], concept) in given:
                continue  # a topic told again in a sentence of many events: they have it
            given.add((spans[k], concept))
        if not here:
            here = last_event(pos) or ordered[:1]
        if not here:
            here = last_agreement(pos) or agreements[:1]
        for target in here:
            topics = out.setdefault(id(target), [])
            if concept not in topics:
                topics.append(concept)
    return out


class _LastBefore:
    """The last of some events or agreements (in their order) whose sentence starts at or
    before an offset, as a list of none or one."""

    def __init__(self, items: list) -> None:
        self.items = items
        self.starts: list[int] = []
        self.latest: list[int] = []  # the greatest place in `items` up to each start
        for n, item in sorted(enumerate(items), key=lambda ni: ni[1].sentence.start_char):
            self.starts.append(item.sentence.start_char)
            self.latest.append(max(n, self.latest[-1]) if self.latest else n)

    def __call__(self, pos: int) -> list:
        k = bisect_right(self.starts, pos) - 1
        return [self.items[self.latest[k]]] if k >= 0 else []
