"""The diplomacy ontology and its SKOS schemes, shipped as Turtle package data."""

from communique.ontology.namespace import (
    DIP,
    DIP_IRI,
    EVENT_TYPE,
    GEONAMES,
    MEASURE,
    ORG,
    PROV,
    ROLE,
    SDO,
    SEM,
    TIME,
    TOPIC,
)

__all__ = [
    "DIP",
    "DIP_IRI",
    "EVENT_TYPE",
    "GEONAMES",
    "MEASURE",
    "ORG",
    "PROV",
    "ROLE",
    "SDO",
    "SEM",
    "TIME",
    "TOPIC",
]
