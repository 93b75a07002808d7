"""Python names for the diplomacy ontology and the vocabularies it reuses."""

from rdflib import Namespace as _RdflibNamespace
from rdflib import URIRef
from rdflib.namespace import DefinedNamespace

DIP_IRI = "https://w3id.org/communique/diplomacy#"


class DIP(DefinedNamespace):
    """The `dip:` terms; `_fail` makes a typo an AttributeError instead of a silent new IRI."""

    _NS = _RdflibNamespace(DIP_IRI)
    _fail = True

    # classes
    Article: object
    Country: object
    Person: object
    Organization: object
    Place: object
    Membership: object
    DiplomaticEvent: object
    Visit: object
    Meeting: object
    Talks: object
    AgreementSigning: object
    PhoneCall: object
    Summit: object
    Ceremony: object
    Statement: object
    Agreement: object
    MonetaryFigure: object
    Quotation: object
    FigureStatus: object

    # figure statuses (instances of FigureStatus)
    Actual: object
    Target: object
    Forecast: object
    Pledge: object

    # concept schemes
    EventTypeScheme: object
    RoleScheme: object
    TopicScheme: object
    MeasureScheme: object

    # properties
    mentions: object
    datelinePlace: object
    iso3: object
    country: object
    attestedOn: object
    eventType: object
    participant: object
    host: object
    guest: object
    place: object
    date: object
    endDate: object
    visitKind: object
    topic: object
    partOf: object
    evidence: object
    party: object
    signedIn: object
    validFrom: object
    validUntil: object
    measure: object
    status: object
    period: object
    concerns: object
    speaker: object


# rdflib finds a DefinedNamespace's term through its metaclass's __getattr__ at every use,
# and a plain Namespace builds a new URIRef, checking its IRI, each time: a few µs that the
# mapper paid some 30,000 times per hundred articles. Held as class attributes and made
# once, a term costs a dictionary lookup.
for _name in DIP.__annotations__:
    type.__setattr__(DIP, _name, DIP[_name])


class Namespace(_RdflibNamespace):
    """rdflib's Namespace whose attribute terms are made once and kept."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        if not name.startswith("_"):
            self.__dict__[name] = term
        return term


SDO = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
TIME = Namespace("http://www.w3.org/2006/time#")
GEONAMES = Namespace("https://sws.geonames.org/")
PLOVER = Namespace("https://w3id.org/communique/plover#")

# SKOS concepts of our schemes live outside `dip:` so the schemes can grow without
# touching the ontology's term list.
EVENT_TYPE = Namespace("https://w3id.org/communique/event-type/")
ROLE = Namespace("https://w3id.org/communique/role/")
TOPIC = Namespace("https://w3id.org/communique/topic/")
MEASURE = Namespace("https://w3id.org/communique/measure/")
