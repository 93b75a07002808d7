"""The partners met most: a horizontal bar chart, one linked bar per person or country."""

from __future__ import annotations

from markupsafe import Markup

from communique.server.pictures import svg
from communique.server.pictures.model import Bar, Picture

WIDTH = 720
LEFT = 200  # room for the names
RIGHT = 50  # room for the counts
TOP = 8
ROW = 26
BAR = 18
LEGEND = 24


def partners_chart(bars: list[Bar], subject: str, *, ident: str = "partners") -> Picture:
    """One bar per partner, longest first: how many events `subject` shared with each."""
    bars = sorted(bars, key=lambda b: (-b.count, b.label.lower()))
    top = max((b.count for b in bars), default=1) or 1
    height = TOP * 2 + ROW * max(1, len(bars))
    heading = f"Partners {subject} met most"
    description = (
        "Number of shared events with each partner: "
        + "; ".join(f"{b.label}: {b.count}" for b in bars)
        + "."
        if bars
        else "No partners are known."
    )
    parts: list[Markup] = []
    plot = WIDTH - LEFT - RIGHT
    for i, bar in enumerate(bars):
        y = TOP + ROW * i
        width = max(2.0, plot * bar.count / top)
        kind = f" {bar.kind.lower()}" if bar.kind else ""
        shape = Markup('<rect x="{}" y="{}" width="{}" height="{}" class="bar{}">{}</rect>').format(
            LEFT,
            svg.num(y + (ROW - BAR) / 2),
            svg.num(width),
            BAR,
            kind,
            svg.title(f"{bar.label}: {bar.count} shared event{'' if bar.count == 1 else 's'}"),
        )
        name = svg.text(LEFT - 8, y + ROW / 2 + 5, svg.short(bar.label, 28), "label", "end")
        count = svg.text(LEFT + width + 6, y + ROW / 2 + 5, str(bar.count), "value")
        parts.append(svg.link(bar.href, svg.join([name, shape])))
        parts.append(count)
    kinds = sorted({b.kind for b in bars if b.kind})
    if len(kinds) > 1:  # a legend for the colours: which bars are persons, which countries
        y = TOP + ROW * len(bars) + 6
        for i, kind in enumerate(kinds):
            x = LEFT + 110 * i
            parts.append(
                Markup('<rect x="{}" y="{}" width="12" height="12" class="key {}"/>').format(
                    x, y, kind.lower()
                )
            )
            parts.append(svg.text(x + 17, y + 11, kind, "value"))
        height += LEGEND
    rows = [[(b.label, b.href), (b.kind, None), (str(b.count), None)] for b in bars]
    return Picture(
        svg=svg.frame(ident, WIDTH, height, heading, description, svg.join(parts)),
        caption=heading,
        headers=["Partner", "Kind", "Shared events"],
        rows=rows,
        id=ident,
    )
