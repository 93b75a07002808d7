"""The ontology, its SKOS schemes and the reference graph: the public contract in RDF."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from slugify import slugify

from communique.ontology import (
    DIP,
    EVENT_TYPE,
    MEASURE,
    ONTOLOGY_IRI,
    ORG,
    PLOVER,
    PROV,
    ROLE,
    SDO,
    SEM,
    TOPIC,
    VERSION,
    ontology_graph,
    schemes_graph,
)

DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
SCHEMES = {
    DIP.EventTypeScheme: EVENT_TYPE,
    DIP.RoleScheme: ROLE,
    DIP.TopicScheme: TOPIC,
    DIP.MeasureScheme: MEASURE,
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology_graph()


@pytest.fixture(scope="module")
def schemes() -> Graph:
    return schemes_graph()


def dip_terms() -> set[URIRef]:
    return {DIP[name] for name in DIP.__annotations__}


def declared(onto: Graph) -> set[URIRef]:
    return {
        s
        for t in DECLARATIONS
        for s in onto.subjects(RDF.type, t)
        if isinstance(s, URIRef) and s.startswith(str(DIP._NS))
    }


def english(graph: Graph, s: URIRef, p: URIRef) -> list[Literal]:
    return [o for o in graph.objects(s, p) if isinstance(o, Literal) and o.language == "en"]


# ---------------------------------------------------------------------------- the ontology


def test_ontology_header(onto):
    iri = URIRef(ONTOLOGY_IRI)
    assert (iri, RDF.type, OWL.Ontology) in onto
    assert onto.value(iri, OWL.versionInfo) == Literal(VERSION)
    assert onto.value(iri, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{VERSION}")
    for p in ("title", "description", "license", "created"):
        assert onto.value(iri, URIRef(f"http://purl.org/dc/terms/{p}")) is not None, p


def test_namespace_and_ontology_declare_the_same_terms(onto):
    """DIP (with _fail=True) and the Turtle file list exactly the same dip: terms."""
    assert declared(onto) == dip_terms()


@pytest.mark.parametrize("term", sorted(dip_terms()), ids=lambda t: t.split("#")[1])
def test_every_term_has_english_label_and_comment(onto, term):
    assert len(english(onto, term, RDFS.label)) == 1
    assert english(onto, term, RDFS.comment)


@pytest.mark.parametrize(
    "prop",
    sorted(
        {DIP[n] for n in DIP.__annotations__ if n[0].islower()},
    ),
    ids=lambda t: t.split("#")[1],
)
def test_every_property_is_typed_with_domain_and_range(onto, prop):
    kinds = set(onto.objects(prop, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}
    assert onto.value(prop, RDFS.domain) is not None
    assert onto.value(prop, RDFS.range) is not None


@pytest.mark.parametrize(
    "sub, axiom, sup",
    [
        (DIP.Article, RDFS.subClassOf, SDO.NewsArticle),
        (DIP.Article, RDFS.subClassOf, PROV.Entity),
        (DIP.Country, RDFS.subClassOf, SDO.Country),
        (DIP.Person, RDFS.subClassOf, SDO.Person),
        (DIP.Organization, RDFS.subClassOf, ORG.Organization),
        (DIP.Place, RDFS.subClassOf, SDO.Place),
        (DIP.Membership, RDFS.subClassOf, ORG.Membership),
        (DIP.DiplomaticEvent, RDFS.subClassOf, SEM.Event),
        (DIP.DiplomaticEvent, RDFS.subClassOf, SDO.Event),
        (DIP.Agreement, RDFS.subClassOf, SDO.CreativeWork),
        (DIP.MonetaryFigure, RDFS.subClassOf, SDO.MonetaryAmount),
        (DIP.Quotation, RDFS.subClassOf, SDO.Quotation),
        (DIP.participant, RDFS.subPropertyOf, SEM.hasActor),
        (DIP.host, RDFS.subPropertyOf, DIP.participant),
        (DIP.guest, RDFS.subPropertyOf, DIP.participant),
        (DIP.place, RDFS.subPropertyOf, SEM.hasPlace),
        (DIP.mentions, RDFS.subPropertyOf, SDO.mentions),
        (DIP.speaker, RDFS.subPropertyOf, SDO.spokenByCharacter),
    ],
)
def test_alignment_axioms(onto, sub, axiom, sup):
    assert (sub, axiom, sup) in onto


@pytest.mark.parametrize(
    "name",
    [
        "Visit",
        "Meeting",
        "Talks",
        "AgreementSigning",
        "PhoneCall",
        "Summit",
        "Ceremony",
        "Statement",
    ],
)
def test_event_subclasses(onto, name):
    assert (DIP[name], RDFS.subClassOf, DIP.DiplomaticEvent) in onto


def test_date_explains_its_relation_to_sem(onto):
    comment = " ".join(english(onto, DIP.date, RDFS.comment))
    assert "sem:hasBeginTimeStamp" in comment
    assert (DIP.date, RDFS.seeAlso, SEM.hasBeginTimeStamp) in onto


@pytest.mark.parametrize("status", ["Actual", "Target", "Forecast", "Pledge"])
def test_figure_statuses(onto, status):
    assert (DIP[status], RDF.type, DIP.FigureStatus) in onto


def test_visit_kind_is_an_enumeration(onto):
    rng = onto.value(DIP.visitKind, RDFS.range)
    assert {str(v) for v in onto.items(onto.value(rng, OWL.oneOf))} == {
        "official",
        "state",
        "working",
    }


@pytest.mark.parametrize("scheme", sorted(SCHEMES), ids=lambda t: t.split("#")[1])
def test_schemes_are_declared_with_label_and_definition(onto, scheme):
    assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
    assert english(onto, scheme, SKOS.prefLabel)
    assert english(onto, scheme, SKOS.definition)


def test_graphs_are_fresh_copies():
    g = ontology_graph()
    n = len(g)
    g.remove((None, None, None))
    assert len(ontology_graph()) == n > 0


# ---------------------------------------------------------------------------- the schemes

EVENT_TYPES = [
    # local name, CAMEO code, PLOVER category (None: none fits, said in a scopeNote)
    ("visit", "042", "CONSULT"),
    ("host-visit", "043", "CONSULT"),
    ("meeting", "040", "CONSULT"),
    ("phone-call", "041", "CONSULT"),
    ("third-location-meeting", "044", "CONSULT"),
    ("talks", "046", "CONSULT"),
    ("agreement-signing", "057", "AGREE"),
    ("statement", "010", None),
    ("intent-to-cooperate", "030", "COOPERATE"),
    ("praise", "051", "SUPPORT"),
    ("summit", "040", "CONSULT"),
    ("ceremony", None, None),
]


@pytest.mark.parametrize("name, cameo, plover", EVENT_TYPES, ids=[e[0] for e in EVENT_TYPES])
def test_event_type_concepts(schemes, name, cameo, plover):
    c = EVENT_TYPE[name]
    assert (c, SKOS.inScheme, DIP.EventTypeScheme) in schemes
    notation = schemes.value(c, SKOS.notation)
    if cameo is None:
        assert notation is None
    else:
        assert notation == Literal(cameo) and notation.datatype is None
    match = schemes.value(c, SKOS.closeMatch)
    if plover is None:
        assert match is None
    else:
        assert match == PLOVER[plover]
        assert (match, RDF.type, SKOS.Concept) in schemes
        assert english(schemes, match, SKOS.prefLabel)
    if cameo is None or plover is None:
        assert english(schemes, c, SKOS.scopeNote), "say why a code or match is missing"


@pytest.mark.parametrize(
    "cls, name",
    [
        ("Visit", "visit"),
        ("Meeting", "meeting"),
        ("Talks", "talks"),
        ("PhoneCall", "phone-call"),
        ("AgreementSigning", "agreement-signing"),
        ("Summit", "summit"),
        ("Ceremony", "ceremony"),
        ("Statement", "statement"),
    ],
)
def test_each_event_class_has_its_concept(schemes, cls, name):
    """The mapper's fixed class -> concept mapping refers to concepts that exist."""
    assert (EVENT_TYPE[name], RDF.type, SKOS.Concept) in schemes
    assert f"dip:{cls}" in " ".join(english(schemes, EVENT_TYPE[name], SKOS.definition))


def concepts_of(schemes: Graph, scheme: URIRef) -> list[URIRef]:
    return sorted(schemes.subjects(SKOS.inScheme, scheme))


def all_concepts() -> list[tuple[URIRef, URIRef]]:
    g = schemes_graph()
    return [(scheme, c) for scheme in SCHEMES for c in concepts_of(g, scheme)]


@pytest.mark.parametrize(
    "scheme, concept", all_concepts(), ids=lambda t: str(t).rsplit("/", 2)[-1].split("#")[-1]
)
def test_concept_is_complete(schemes, scheme, concept):
    assert concept.startswith(str(SCHEMES[scheme])), "a concept lives in its scheme's namespace"
    assert (concept, RDF.type, SKOS.Concept) in schemes
    assert len(english(schemes, concept, SKOS.prefLabel)) == 1
    assert english(schemes, concept, SKOS.definition)
    broader = list(schemes.objects(concept, SKOS.broader))
    if broader:
        assert all((b, SKOS.inScheme, scheme) in schemes for b in broader)
    else:
        assert (concept, SKOS.topConceptOf, scheme) in schemes
        assert (scheme, SKOS.hasTopConcept, concept) in schemes


@pytest.mark.parametrize("scheme", [DIP.RoleScheme, DIP.TopicScheme], ids=["roles", "topics"])
def test_local_names_are_slugs_of_labels(schemes, scheme):
    """The mapper mints ROLE[slug(title)] for titles outside the scheme: the same rule here."""
    for c in concepts_of(schemes, scheme):
        label = str(schemes.value(c, SKOS.prefLabel))
        assert c == SCHEMES[scheme][slugify(label)], label


@pytest.mark.parametrize("scheme", sorted(SCHEMES), ids=lambda t: t.split("#")[1])
def test_labels_are_unambiguous_within_a_scheme(schemes, scheme):
    """One surface form, one concept (the mapper looks labels up case-insensitively)."""
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for c in concepts_of(schemes, scheme):
        pref = {str(x).casefold() for x in schemes.objects(c, SKOS.prefLabel)}
        alts = {str(x).casefold() for x in schemes.objects(c, SKOS.altLabel)}
        assert not pref & alts, f"{c}: a label is both preferred and alternative (SKOS S13)"
        for form in pref | alts:
            owners[form].add(c)
    clashes = {form: cs for form, cs in owners.items() if len(cs) > 1}
    assert not clashes


ROLES = (
    "president vice-president acting-president prime-minister deputy-prime-minister "
    "first-deputy-prime-minister foreign-minister deputy-foreign-minister secretary-of-state "
    "minister defence-minister ambassador spokesperson king queen emir crown-prince chancellor "
    "secretary-general chairman speaker senator governor mayor home-secretary envoy "
    "special-representative head-of-state head-of-government"
).split()
TOPICS = (
    "trade economy investment energy water transport logistics digitalization culture "
    "humanitarian security defence health education tourism agriculture climate environment "
    "migration border-security counterterrorism food-security peace interregional cross-border "
    "science technology finance industry infrastructure sport media visa business development "
    "regional-integration parliamentary human-rights nuclear space"
).split()
MEASURES = "trade trade-turnover investment aid loan grant budget package other".split()


@pytest.mark.parametrize(
    "ns, scheme, names",
    [
        (ROLE, DIP.RoleScheme, ROLES),
        (TOPIC, DIP.TopicScheme, TOPICS),
        (MEASURE, DIP.MeasureScheme, MEASURES),
    ],
    ids=["roles", "topics", "measures"],
)
def test_required_concepts_exist(schemes, ns, scheme, names):
    missing = [n for n in names if (ns[n], SKOS.inScheme, scheme) not in schemes]
    assert not missing


@pytest.mark.parametrize(
    "concept, form",
    [
        (ROLE["foreign-minister"], "Minister of Foreign Affairs"),
        (ROLE["foreign-minister"], "Foreign Affairs Minister"),
        (ROLE["deputy-prime-minister"], "Vice Premier"),
        (TOPIC["defence"], "defense"),
        (TOPIC["economy"], "economic"),
        (TOPIC["culture"], "cultural"),
        (TOPIC["investment"], "investments"),
        (TOPIC["digitalization"], "digital"),
        (MEASURE["trade-turnover"], "turnover"),
    ],
)
def test_surface_forms(schemes, concept, form):
    assert Literal(form, lang="en") in set(schemes.objects(concept, SKOS.altLabel))


def test_secretary_of_state_is_not_a_foreign_minister_synonym(schemes):
    fm = {str(x) for x in schemes.objects(ROLE["foreign-minister"], SKOS.altLabel)}
    assert "Secretary of State" not in fm
    assert (ROLE["secretary-of-state"], SKOS.related, ROLE["foreign-minister"]) in schemes


def test_notations_are_cameo_codes(schemes):
    for c in concepts_of(schemes, DIP.EventTypeScheme):
        for n in schemes.objects(c, SKOS.notation):
            assert re.fullmatch(r"[0-9]{3}", str(n)), (c, n)


# ---------------------------------------------------------------------------- reference data


@pytest.fixture(scope="module")
def reference():
    from communique.mapping.graph.reference import reference_graph

    return reference_graph("http://example.org/data/")


def test_reference_holds_ontology_and_schemes(reference, onto, schemes):
    assert all(t in reference for t in onto)
    assert all(t in reference for t in schemes)


def test_reference_holds_every_country(reference):
    from communique.mapping.entities.countries import all_countries

    records = all_countries()
    countries = set(reference.subjects(RDF.type, DIP.Country))
    assert len(countries) == len(records) >= 249
    for rec in records:
        iri = URIRef(f"http://example.org/data/id/country/{rec.iso3}")
        assert reference.value(iri, DIP.iso3) == Literal(rec.iso3)
        assert reference.value(iri, SDO.name) == Literal(rec.name)
        if rec.geonames_id:
            assert (iri, OWL.sameAs, URIRef(f"https://sws.geonames.org/{rec.geonames_id}/")) in (
                reference
            )


@pytest.mark.parametrize("iso3, geonames", [("KAZ", 1522867), ("KGZ", 1527747), ("DEU", 2921044)])
def test_reference_country_examples(reference, iso3, geonames):
    iri = URIRef(f"http://example.org/data/id/country/{iso3}")
    assert (iri, OWL.sameAs, URIRef(f"https://sws.geonames.org/{geonames}/")) in reference


def test_reference_uses_the_base_it_is_given():
    from communique.mapping.graph.reference import reference_graph

    g = reference_graph("http://other.example/")
    assert (URIRef("http://other.example/id/country/KAZ"), RDF.type, DIP.Country) in g
    g.remove((None, None, None))
    assert len(reference_graph("http://other.example/")) > 0, "callers get a copy"


def test_country_triples_match_what_the_reference_says(reference):
    from communique.mapping.entities.countries import lookup_country
    from communique.mapping.graph.reference import country_triples

    iri = URIRef("http://example.org/data/id/country/KGZ")
    triples = set(country_triples(iri, lookup_country("Kyrgyzstan")))
    assert len(triples) == 4
    assert all(t in reference for t in triples)
