"""Linked Data: `GET /id/{kind}/{key}` describes a data IRI, negotiated (design.md, Server)."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from communique.mapping.iris import kind_prefix, resource_iri, uri_space
from communique.server.db import get_store
from communique.server.pictures.data import resource_pictures
from communique.server.store.terms import iri_term, literal_term
from communique.server.web.errors import HttpError
from communique.server.web.labels import Labeller
from communique.server.web.links import link, local_url
from communique.server.web.negotiation import (
    HTML,
    JSON,
    JSONLD,
    RDF_AND_HTML,
    RENDERERS,
    alternates_link,
    bind_prefixes,
    choose,
    rdf_response,
    serialize,
)
from communique.server.web.resource_page import PageBuilder

bp = Blueprint("resources", __name__)

# Plain JSON is JSON-LD under another name, for clients that only know `application/json`.
RESOURCE_TYPES = (*RDF_AND_HTML, JSON)


# {iri}, {space}: terms serialized by store.terms
SURVIVOR_QUERY = """
SELECT DISTINCT ?s WHERE {{
  ?s <http://www.w3.org/2002/07/owl#sameAs> {iri} .
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), {space}))
  FILTER NOT EXISTS {{ {iri} a ?type }}
}} LIMIT 2
"""


@bp.route("/id/<kind>/<key>")
def resource(kind: str, key: str) -> Response:
    """A data IRI under the base: `{base}id/{kind}/{key}`; a retired one (an entity merged
    into another by curation or a new rule) answers 301 to its survivor."""
    base = current_app.config["BASE"]
    iri = resource_iri(base, kind, key)
    survivor = retired_into(get_store(), base, iri)
    if survivor is not None:
        query = request.query_string.decode("utf-8", "replace")
        return redirect(link(survivor) + (f"?{query}" if query else ""), code=301)
    return describe_response(iri)


def retired_into(store, base: str, iri: str) -> str | None:
    """The one IRI of ours that is `owl:sameAs` `iri` when nothing describes `iri` itself
    any more (no graph types it): the entity it was merged into. None otherwise, or when
    two claim it (a 404 is better than a guess)."""
    try:
        query = SURVIVOR_QUERY.format(iri=iri_term(iri), space=literal_term(uri_space(base)))
    except ValueError:
        return None
    rows = list(store.query(query))
    return rows[0]["s"].value if len(rows) == 1 else None


@bp.route("/resource")
def any_resource() -> Response:
    """Any other IRI the store knows (our SKOS concepts, say): `/resource?iri=...`."""
    iri = request.args.get("iri", "")
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        raise HttpError(400, f"?iri= must be an absolute IRI: {exc}") from exc
    own = local_url(iri)
    if own and not own.startswith(url_for("resources.any_resource")):
        return redirect(own, code=303)
    return describe_response(iri)


def describe_response(iri: str) -> Response:
    """The description of `iri` in the negotiated format, with validators and alternates."""
    media = choose(request, RESOURCE_TYPES)
    store = get_store()
    response = Response()
    response.set_etag(f"{store.version()}-{RENDERERS[media].key}")
    response.last_modified = store.last_modified()
    if request.if_none_match.contains(response.get_etag()[0]):
        # The store has not changed since: skip the description entirely.
        return _decorate(response.make_conditional(request))
    graph = bind_prefixes(store.describe(iri))
    if len(graph) == 0:
        raise HttpError(404, f"nothing is known about <{iri}>", headers={"Vary": "Accept"})
    if media == HTML:
        page = PageBuilder(graph, link, store.ox).build(iri)
        types = {t.value for t in page.types}
        pictures = resource_pictures(store, iri, types, link)
        body = render_template("resource.html", page=page, formats=_formats(), pictures=pictures)
        response.set_data(body)
        response.mimetype = HTML
    elif media == JSON:
        response.set_data(serialize(graph, JSONLD))
        response.mimetype = JSON
    else:
        rendered = rdf_response(graph, media)
        response.set_data(rendered.get_data())
        response.content_type = rendered.content_type
    return _decorate(response.make_conditional(request))


def _decorate(response: Response) -> Response:
    response.vary.add("Accept")
    response.headers["Link"] = alternates_link(_self_url(), RDF_AND_HTML)
    return response


def _self_url() -> str:
    """This request's path and query without ?format= (the base for the alternates)."""
    args = {k: v for k, v in request.args.items() if k != "format"}
    return url_for(request.endpoint or "", **(request.view_args or {}), **args)


def _formats() -> list[tuple[str, str]]:
    """(label, URL) of each raw format of this page."""
    base = _self_url()
    sep = "&" if "?" in base else "?"
    return [
        (RENDERERS[m].label, f"{base}{sep}format={RENDERERS[m].key}")
        for m in RDF_AND_HTML
        if m != HTML
    ]


BROWSE_PAGE = 100
# Far past any real listing, and keeps OFFSET well inside the store's 64-bit range.
MAX_PAGE = 1_000_000
# {prefix}: a literal serialized by store.terms.literal_term
BROWSE_QUERY = """
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?s (SAMPLE(?l) AS ?label) (MAX(?d) AS ?date) WHERE {{
  ?s a ?type .
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), {prefix}))
  OPTIONAL {{ ?s schema:headline|schema:name|skos:prefLabel|rdfs:label ?l }}
  OPTIONAL {{ ?s schema:datePublished|<https://w3id.org/communique/diplomacy#date> ?d }}
}} GROUP BY ?s ORDER BY DESC(?date) LCASE(STR(?label)) ?s
"""


@bp.route("/id/<kind>/")
def browse(kind: str) -> Response:
    """An HTML list of the resources of one kind (articles newest first), a page at a time."""
    page = _page_number(request.args.get("page", "1"))
    prefix = kind_prefix(current_app.config["BASE"], kind)
    query = BROWSE_QUERY.format(prefix=literal_term(prefix))
    query += f" LIMIT {BROWSE_PAGE + 1} OFFSET {(page - 1) * BROWSE_PAGE}"
    store = get_store()
    rows = list(store.query(query))
    if not rows and page == 1:
        raise HttpError(404, f"there are no resources of kind {kind!r} here")
    labeller = Labeller(store.ox)
    items = [
        {
            "href": link(row["s"].value),
            "iri": row["s"].value,
            "label": _browse_label(row, kind, prefix, labeller),
            "date": row["date"].value if row["date"] else None,
        }
        for row in rows[:BROWSE_PAGE]
    ]
    body = render_template(
        "browse.html",
        kind=kind,
        items=items,
        page=page,
        has_next=len(rows) > BROWSE_PAGE,
    )
    return Response(body, mimetype=HTML)


def _browse_label(row: ox.QuerySolution, kind: str, prefix: str, labeller: Labeller) -> str:
    """The row's label; an article without a headline as on its page, else the key."""
    iri = row["s"].value
    if row["label"]:
        return row["label"].value
    found = labeller.article_label(iri) if kind == "article" else None
    return found or iri[len(prefix) :]


def _page_number(raw: str) -> int:
    """The ?page= number: ASCII digits from 1 to MAX_PAGE, else a 400."""
    # int() alone would take '+5', ' 5', '5_0' and non-ASCII digits, and refuses (500)
    # strings of over 4300 digits: check the text before converting it
    digits = raw.isascii() and raw.isdigit() and len(raw) <= len(str(MAX_PAGE))
    if not digits or not 1 <= int(raw) <= MAX_PAGE:
        raise HttpError(400, f"?page= must be a whole number from 1 to {MAX_PAGE:,}")
    return int(raw)
