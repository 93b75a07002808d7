"""The plain data the pictures are drawn from, and what a picture gives the page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup


@dataclass(frozen=True)
class TimelineEvent:
    """One event on a timeline: when, what kind (a class label), where it links."""

    href: str
    date: dt.date
    kind: str
    label: str
    date_text: str = ""  # the date as the data writes it ("2024-01" for a month)


@dataclass(frozen=True)
class Bar:
    """One bar: a label, a count, and a link (a partner's page)."""

    label: str
    count: int
    href: str | None = None
    kind: str = ""  # "Person" or "Country", shown in the table


@dataclass(frozen=True)
class Month:
    month: str  # "YYYY-MM"
    count: int


@dataclass(frozen=True)
class Node:
    """A country in the network: its label, page and number of events."""

    key: str  # its IRI, what edges refer to
    label: str
    href: str
    weight: int


@dataclass(frozen=True)
class Edge:
    a: str  # node keys
    b: str
    weight: int


@dataclass
class Picture:
    """An SVG and its text alternative: a table with the same data (cells: text, href)."""

    svg: Markup
    caption: str
    headers: list[str]
    rows: list[list[tuple[str, str | None]]]
    note: str = ""  # what was left out (caps)
    id: str = field(default="picture")
