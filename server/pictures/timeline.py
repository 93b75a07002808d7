"""A timeline of diplomatic events: one row per kind of event, each event a linked dot."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from markupsafe import Markup

from communique.server.pictures import svg
from communique.server.pictures.model import Picture, TimelineEvent

WIDTH = 720
LEFT = 130  # room for the row labels
RIGHT = 20
TOP = 16
ROW = 30
AXIS = 30  # room for the year ticks under the rows
RADIUS = 6


def kind_class(kind: str) -> str:
    """A CSS class for a kind of event ("Phone call" -> "kind-phone-call")."""
    return "kind-" + (re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") or "event")


def timeline_chart(
    events: list[TimelineEvent], subject: str, *, ident: str = "timeline", left_out: int = 0
) -> Picture:
    """The events of `subject` by date, typed by row; each dot links to its event."""
    events = sorted(events, key=lambda e: (e.date, e.kind, e.href))
    kinds = sorted({e.kind for e in events})
    height = TOP + ROW * max(1, len(kinds)) + AXIS
    heading = f"Timeline of the diplomatic events of {subject}"
    span = _span(events)
    description = (
        f"{len(events)} event{'' if len(events) == 1 else 's'}"
        + (f" from {span[0].isoformat()} to {span[1].isoformat()}" if events else "")
        + (", one row per kind: " + ", ".join(kinds) if kinds else "")
        + ". Each dot links to the event."
    )
    parts = [*_rows(kinds), *_axis(events, kinds, span), *_dots(events, kinds, span)]
    rows = [
        [(e.date_text or e.date.isoformat(), None), (e.kind, None), (e.label, e.href)]
        for e in events
    ]
    note = f"{left_out} older events are not drawn." if left_out else ""
    return Picture(
        svg=svg.frame(ident, WIDTH, height, heading, description, svg.join(parts)),
        caption=heading,
        headers=["Date", "Kind", "Event"],
        rows=rows,
        note=note,
        id=ident,
    )


def _rows(kinds: list[str]) -> Iterator[Markup]:
    """One labelled line per kind of event."""
    for row, kind in enumerate(kinds):
        y = TOP + ROW * row + ROW / 2
        yield svg.text(LEFT - 10, y + 4, svg.short(kind, 18), "label", "end")
        yield Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" class="row"/>').format(
            LEFT, svg.num(y), WIDTH - RIGHT, svg.num(y)
        )


def _axis(
    events: list[TimelineEvent], kinds: list[str], span: tuple[dt.date, dt.date]
) -> Iterator[Markup]:
    """The time axis under the rows, with a tick per year (or the first and last dates)."""
    bottom = TOP + ROW * max(1, len(kinds))
    yield Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>').format(
        LEFT, bottom, WIDTH - RIGHT, bottom
    )
    if not events:
        return
    years = _years(span)
    if not years:  # all within one year: the first and last dates instead
        yield svg.text(LEFT, bottom + 18, span[0].isoformat(), "tick")
        if span[1] != span[0]:
            yield svg.text(WIDTH - RIGHT, bottom + 18, span[1].isoformat(), "tick", "end")
    for year in years:
        x = LEFT + (WIDTH - LEFT - RIGHT) * _fraction(dt.date(year, 1, 1), span)
        yield svg.text(x, bottom + 18, str(year), "tick", "middle")
        yield Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" class="tick"/>').format(
            svg.num(x), bottom, svg.num(x), bottom + 5
        )


def _dots(
    events: list[TimelineEvent], kinds: list[str], span: tuple[dt.date, dt.date]
) -> Iterator[Markup]:
    """A linked dot per event in its kind's row; events of one day side by side."""
    same: dict[tuple[str, dt.date], int] = {}
    for event in events:
        nth = same[event.kind, event.date] = same.get((event.kind, event.date), -1) + 1
        x = LEFT + (WIDTH - LEFT - RIGHT) * _fraction(event.date, span) + nth * RADIUS
        y = TOP + ROW * kinds.index(event.kind) + ROW / 2
        dot = Markup('<circle cx="{}" cy="{}" r="{}" class="mark {}">{}</circle>').format(
            svg.num(x),
            svg.num(y),
            RADIUS,
            kind_class(event.kind),
            svg.title(f"{event.kind}, {event.date_text or event.date.isoformat()}: {event.label}"),
        )
        yield svg.link(event.href, dot)


def _span(events: list[TimelineEvent]) -> tuple[dt.date, dt.date]:
    if not events:
        today = dt.date(2000, 1, 1)
        return today, today
    first, last = events[0].date, events[-1].date
    return first, last


def _fraction(day: dt.date, span: tuple[dt.date, dt.date]) -> float:
    """Where `day` falls between the span's ends, padded so no dot sits on the edge."""
    first, last = span
    days = (last - first).days
    if days == 0:
        return 0.5
    return 0.03 + 0.94 * (day - first).days / days


def _years(span: tuple[dt.date, dt.date]) -> list[int]:
    """The years whose 1 January falls in the span (at most about ten ticks)."""
    first, last = span
    years = list(range(first.year + (first > dt.date(first.year, 1, 1)), last.year + 1))
    step = max(1, len(years) // 10 + (len(years) % 10 > 0))
    return years[::step]
