"""Events per month: one vertical bar per month, the months without events included."""

from __future__ import annotations

import math
import re

from markupsafe import Markup

from communique.server.pictures import svg
from communique.server.pictures.model import Month, Picture

WIDTH = 720
HEIGHT = 220
LEFT = 40
RIGHT = 10
TOP = 12
BOTTOM = 34
MAX_MONTHS = 60
MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def months_chart(months: list[Month], *, ident: str = "months") -> Picture:
    """Events per month over the last MAX_MONTHS months that have data, gaps as zeros."""
    counts: dict[str, int] = {}
    for m in months:
        if MONTH.match(m.month):
            counts[m.month] = counts.get(m.month, 0) + m.count
    series = _series(counts)
    left_out = sum(n for key, n in counts.items() if series and key < series[0])
    values = [(key, counts.get(key, 0)) for key in series]
    top = max((n for _, n in values), default=1) or 1
    heading = "Diplomatic events per month"
    total = sum(n for _, n in values)
    description = (
        f"{total} dated events from {series[0]} to {series[-1]}; the busiest month is "
        + max(values, key=lambda kv: kv[1])[0]
        + f" with {top}."
        if values
        else "No dated events."
    )
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    step = plot_w / max(1, len(values))
    parts: list[Markup] = [
        Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>').format(
            LEFT, TOP + plot_h, WIDTH - RIGHT, TOP + plot_h
        ),
        svg.text(LEFT - 6, TOP + 8, str(top), "tick", "end"),
        svg.text(LEFT - 6, TOP + plot_h, "0", "tick", "end"),
    ]
    label_every = math.ceil(64 / step)  # a label ("2024-01") takes about 50 px
    for i, (key, n) in enumerate(values):
        x = LEFT + step * i
        height = plot_h * n / top
        parts.append(
            Markup('<rect x="{}" y="{}" width="{}" height="{}" class="bar">{}</rect>').format(
                svg.num(x + step * 0.1),
                svg.num(TOP + plot_h - height),
                svg.num(max(1.0, step * 0.8)),
                svg.num(height),
                svg.title(f"{key}: {n} event{'' if n == 1 else 's'}"),
            )
        )
        if i % label_every == 0:
            parts.append(svg.text(x + step / 2, TOP + plot_h + 16, key, "tick", "middle"))
    rows = [[(key, None), (str(n), None)] for key, n in values if n]
    note = f"{left_out} events of earlier months are not drawn." if left_out else ""
    return Picture(
        svg=svg.frame(ident, WIDTH, HEIGHT, heading, description, svg.join(parts)),
        caption=heading,
        headers=["Month", "Events"],
        rows=rows,
        note=note,
        id=ident,
    )


def _series(counts: dict[str, int]) -> list[str]:
    """Every month from the first to the last with data, the last MAX_MONTHS of them."""
    if not counts:
        return []
    last = max(counts)
    # start MAX_MONTHS - 1 months before the last, or at the first month with data
    back = int(last[:4]) * 12 + int(last[5:]) - 1 - (MAX_MONTHS - 1)
    first = max(min(counts), f"{back // 12:04d}-{back % 12 + 1:02d}")
    year, month = int(first[:4]), int(first[5:])
    out = []
    while (key := f"{year:04d}-{month:02d}") <= last:
        out.append(key)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
