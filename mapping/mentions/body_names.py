"""A body's name the model tagged: the mention it makes, with the country it belongs to
("the Philippine Senate", "the Diplomatic Academy of Azerbaijan") and the acronym it is
given ("Central Agency for Public Mobilization and Statistics (CAPMAS)")."""

from __future__ import annotations

from spacy.tokens import Span

from communique.mapping.mentions.gazetteers import country_named
from communique.mapping.mentions.mention import ORG, ORG_HEADS, Mention


def org_mention(
    span: Span, subkind: str, iso3: str | None = None, names: tuple[str, ...] = ()
) -> Mention:
    """An organization the model tagged: a known body ("org") or a mere "candidate"."""
    return Mention(ORG, span.start, span.end, span.text, span.text, iso3, "ner", subkind, names)


def organization(span: Span) -> Mention:
    """A body, with the country it belongs to and the acronym it is given."""
    doc = span.doc
    last = span[-1].text
    if len(span) == 1 and last in ORG_HEADS and span.start and doc[span.start - 1].is_title:
        if country_named(doc[span.start - 1].text):  # "Japanese" + "Diet"
            span = doc[span.start - 1 : span.end]
    acronym = acronym_after(span)
    if last not in ORG_HEADS and _headed_of(span):
        # "Government of Timor-Leste", "Office of the President"
        last = next(t.text for t in span if t.text in ORG_HEADS)
    # "the Philippine Senate", "Japanese Diet": a country's own body
    rec = country_named(span[0].text) if len(span) > 1 and last in ORG_HEADS else None
    rec = rec or _country_it_is_of(span)
    subkind = "org" if last in ORG_HEADS or acronym else "candidate"
    return org_mention(span, subkind, rec.iso3 if rec else None, (acronym,) if acronym else ())


def _country_it_is_of(span: Span):
    """ "the Diplomatic Academy of Azerbaijan", "the Central Bank of the Philippines": the
    country a body's name ends in after "of", whose body it is."""
    ofs = [t.i for t in span if t.lower_ == "of"]
    if not ofs or ofs[-1] == span.start:
        return None
    after = span.doc[ofs[-1] + 1 : span.end]
    return country_named(after.text.removeprefix("the ")) if len(after) else None


_NAME_MARKS = frozenset({"-", "’", "'", "’s", "'s", "&"})


def _headed_of(span: Span) -> bool:
    """`Government of Timor-Leste`, `Office of the President`, `National Assembly of
    Armenia`, `Institute for Diplomatic Studies`, `Binational Commission on Border
    Development`: an organization noun, then "of", "for" or "on"."""
    # (the words before the head name it: "Prince Omar Al-Tamimi Institute for ...")
    for i in range(len(span) - 2):
        if span[i].text in ORG_HEADS and span[i + 1].lower_ in ("of", "for", "on"):
            return True
        if not (span[i].is_title or span[i].is_upper or span[i].text in _NAME_MARKS):
            return False
    return False


def acronym_after(span: Span) -> str | None:
    """`Central Agency for Public Mobilization and Statistics (CAPMAS)`: an acronym in
    brackets right after a capitalized name defines it (its first letter is the name's)."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
        return None
    acr = doc[span.end + 1].text
    if not (2 <= len(acr) <= 12 and acr[:1].isupper() and acr.replace("/", "").isupper()):
        return None
    return acr if acr[0] == span[0].text[0] else None
