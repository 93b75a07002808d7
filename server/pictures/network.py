"""Who meets whom: countries on a circle, a line between two when events join them."""

from __future__ import annotations

import math
from collections.abc import Iterator

from markupsafe import Markup

from communique.server.pictures import svg
from communique.server.pictures.model import Edge, Node, Picture

WIDTH = 720
MAX_RADIUS = 190  # of the circle the countries sit on: smaller for a few countries
MARGIN = 60  # above and below the circle, for the labels


def network_chart(nodes: list[Node], edges: list[Edge], *, ident: str = "network") -> Picture:
    """Nodes placed on a circle in a fixed order (most events first, clockwise from the
    top), edges as lines as thick as the number of shared events; nodes link to pages."""
    nodes = sorted(nodes, key=lambda n: (-n.weight, n.label.lower(), n.key))
    keys = {n.key: i for i, n in enumerate(nodes)}
    edges = sorted(
        (e for e in edges if e.a in keys and e.b in keys and e.a != e.b),
        key=lambda e: (-e.weight, e.a, e.b),
    )
    radius = min(MAX_RADIUS, 60 + 15 * len(nodes))
    height = 2 * (radius + MARGIN)
    cx, cy = WIDTH / 2, height / 2
    places = [_place(i, len(nodes), cx, cy, radius) for i in range(len(nodes))]
    heading = "Countries linked by diplomatic events"
    description = (
        f"{len(nodes)} countries and {len(edges)} links; a line joins two countries that "
        "took part in the same events, thicker for more. "
        + (
            "Strongest links: "
            + "; ".join(
                f"{nodes[keys[e.a]].label} and {nodes[keys[e.b]].label}: {e.weight}"
                for e in edges[:5]
            )
            + "."
            if edges
            else "No two countries share an event."
        )
    )
    parts = [
        *_edge_lines(nodes, edges, keys, places),
        *_node_dots(nodes, places, (cx, cy)),
    ]
    rows = [
        [
            (nodes[keys[e.a]].label, nodes[keys[e.a]].href),
            (nodes[keys[e.b]].label, nodes[keys[e.b]].href),
            (str(e.weight), None),
        ]
        for e in edges
    ]
    return Picture(
        svg=svg.frame(ident, WIDTH, height, heading, description, svg.join(parts)),
        caption=heading,
        headers=["Country", "Country", "Shared events"],
        rows=rows,
        id=ident,
    )


def _place(i: int, count: int, cx: float, cy: float, radius: float) -> tuple[float, float]:
    if count == 1:
        return cx, cy
    angle = -math.pi / 2 + 2 * math.pi * i / count
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def _edge_lines(
    nodes: list[Node],
    edges: list[Edge],
    keys: dict[str, int],
    places: list[tuple[float, float]],
) -> Iterator[Markup]:
    """A line per edge, as thick as its share of the heaviest one."""
    heaviest = max((e.weight for e in edges), default=1) or 1
    for e in edges:
        (x1, y1), (x2, y2) = places[keys[e.a]], places[keys[e.b]]
        a, b = nodes[keys[e.a]].label, nodes[keys[e.b]].label
        yield Markup(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke-width="{}" class="edge">{}</line>'
        ).format(
            svg.num(x1),
            svg.num(y1),
            svg.num(x2),
            svg.num(y2),
            svg.num(1 + 7 * e.weight / heaviest),
            svg.title(f"{a} and {b}: {e.weight} shared event{'' if e.weight == 1 else 's'}"),
        )


def _node_dots(
    nodes: list[Node], places: list[tuple[float, float]], centre: tuple[float, float]
) -> Iterator[Markup]:
    """A linked dot per node, its area by its events, its name outside the circle."""
    cx, cy = centre
    biggest = max((n.weight for n in nodes), default=1) or 1
    for node, (x, y) in zip(nodes, places, strict=True):
        r = 4 + 8 * math.sqrt(node.weight / biggest)
        angle = math.atan2(y - cy, x - cx)
        lx, ly = x + (r + 6) * math.cos(angle), y + (r + 6) * math.sin(angle) + 4
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if x >= cx else "end")
        dot = Markup('<circle cx="{}" cy="{}" r="{}" class="node">{}</circle>').format(
            svg.num(x),
            svg.num(y),
            svg.num(r),
            svg.title(f"{node.label}: {node.weight} event{'' if node.weight == 1 else 's'}"),
        )
        name = svg.text(lx, ly, svg.short(node.label, 20), "label", anchor)
        yield svg.link(node.href, svg.join([dot, name]))
