"""A date as precise as the text gives it (a day, a month or a year, perhaps a range), and its
RDF literal of the matching XSD type. Values/dates.py reads them from text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from rdflib import Literal as RdfLiteral
from rdflib import URIRef
from rdflib.namespace import XSD

Precision = Literal["day", "month", "year"]
Tense = Literal["past", "future"] | None


_DATATYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


@dataclass(frozen=True)
class DateValue:
    """A date as precise as the text: "2024-01-29" (day), "2021-03" (month), "2021" (year)."""

    value: str
    precision: Precision
    end: str | None = None  # the last day/month/year of a range, same precision

    def covers(self, other: DateValue) -> bool:
        """Whether `other` falls on this day, or inside this range, at the same precision."""
        if other.value == self.value:
            return True
        end = self.end or self.value
        return other.precision == self.precision and self.value <= other.value <= end

    @property
    def day(self) -> dt.date | None:
        """The calendar day it names, if it names one."""
        if self.precision != "day":
            return None
        try:
            return dt.date.fromisoformat(self.value)
        except ValueError:
            return None

    @property
    def datatype(self) -> URIRef:
        return _DATATYPES[self.precision]

    @property
    def literal(self) -> RdfLiteral:
        return RdfLiteral(self.value, datatype=self.datatype)

    @property
    def end_literal(self) -> RdfLiteral | None:
        return RdfLiteral(self.end, datatype=self.datatype) if self.end else None
