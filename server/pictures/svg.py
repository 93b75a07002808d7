"""Building SVG safely: every value goes through markupsafe's escaping (`Markup.format`)."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

SVG_NS = "http://www.w3.org/2000/svg"


def num(value: float) -> str:
    """A coordinate, short: 12.5, 3 (no exponent, no long fractions)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def join(parts: Iterable[Markup]) -> Markup:
    return Markup("").join(parts)


def title(text: str) -> Markup:
    return Markup("<title>{}</title>").format(text)


def text(x: float, y: float, content: str, cls: str, anchor: str = "start") -> Markup:
    return Markup('<text x="{}" y="{}" class="{}" text-anchor="{}">{}</text>').format(
        num(x), num(y), cls, anchor, content
    )


def link(href: str | None, body: Markup) -> Markup:
    """`body` inside an <a href> when there is somewhere to go."""
    if not href:
        return body
    return Markup('<a href="{}">{}</a>').format(href, body)


def frame(
    ident: str, width: float, height: float, heading: str, description: str, body: Markup
) -> Markup:
    """The <svg> element: role="img", labelled by its own <title> and <desc>."""
    return Markup(
        '<svg xmlns="{ns}" class="picture {ident}" viewBox="0 0 {w} {h}" width="{w}" '
        'height="{h}" role="img" aria-labelledby="{ident}-title {ident}-desc">'
        '<title id="{ident}-title">{heading}</title><desc id="{ident}-desc">{desc}</desc>'
        "{body}</svg>"
    ).format(
        ns=SVG_NS,
        ident=ident,
        w=num(width),
        h=num(height),
        heading=heading,
        desc=description,
        body=body,
    )


def short(label: str, limit: int = 24) -> str:
    """A label cut to fit beside a mark (the full one is in the <title> and the table)."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
