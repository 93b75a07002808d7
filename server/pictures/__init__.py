"""Server-rendered SVG pictures (issue 14): pure functions from plain data to SVG.

Each picture is a `Picture`: the SVG (with a <title> and <desc>, role="img" and
aria-labelledby) and the same data as a table, the text alternative the page shows
under it. The data comes from the store by SPARQL in `data.py`; nothing here runs a
script or loads anything from elsewhere, and every text from the data is escaped.
"""

from communique.server.pictures.bars import partners_chart
from communique.server.pictures.model import Bar, Edge, Month, Node, Picture, TimelineEvent
from communique.server.pictures.months import months_chart
from communique.server.pictures.network import network_chart
from communique.server.pictures.timeline import timeline_chart

__all__ = [
    "Bar",
    "Edge",
    "Month",
    "Node",
    "Picture",
    "TimelineEvent",
    "months_chart",
    "network_chart",
    "partners_chart",
    "timeline_chart",
]
