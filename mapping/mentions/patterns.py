"""Mentions found by their shape rather than a list: ministries ("the Kyrgyz MFA", "Ministry
of Agriculture and Rural Development"), joint commissions, embassies and venues."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from communique.mapping.entities.titles import lexicon
from communique.mapping.mentions.body_names import acronym_after
from communique.mapping.mentions.gazetteers import country_named, organizations
from communique.mapping.mentions.mention import (
    COMBINING_FORMS,
    COMPANY_NOUNS,
    COUNTRY,
    ORG,
    PLACE,
    PRESIDENTIAL_BODIES,
    VENUE_HEADS,
    Mention,
    trim,
)
from communique.mapping.mentions.ner import BODY_CENTRE_WORDS
from communique.mapping.nlp.alternation import trie_alternation
from communique.mapping.nlp.arrays import where
from communique.mapping.nlp.language import doc_text

_COMBINING = frozenset(COMBINING_FORMS)
_CAPITAL = frozenset({"capital"})


@cache
def _ministry_re() -> re.Pattern[str]:
    # after its first word, a ministry's name goes on only with portfolio words, so that it
    # does not run into a name: "Ministry of Water Resources Tanvir Kabir", "... Affairs Dr"
    words = trie_alternation(lexicon()["portfolio_words"])  # as sorted longest first
    more = rf"(?:(?:\s*,\s*|\s+)(?:and\s+|&\s+|of\s+|for\s+|the\s+)*(?:{words})(?![\w-]))*"
    # "Kenya's Agriculture Ministry", "the Energy and Mineral Resources Ministry": portfolio
    # words before the noun
    before = rf"(?:{words})(?:\s+(?:and\s+|&\s+)?(?:{words}))*"
    return re.compile(
        rf"(?P<ministry>\b(?:foreign|{before})\s+[Mm]inistr(?:y|ies)"
        rf"|(?:Ministry|Ministries|Department)\s+of\s+(?:the\s+)?[A-Z][a-z]+(?![\w-]){more}"
        r"|MFA|Foreign\s+Office|State\s+Department|[Ff]oreign\s+ministries"
        r"|ministries\s+of\s+foreign\s+affairs)"  # "the ministries of foreign affairs of A and B"
    )


_MINISTRY_HINT = re.compile(r"[Mm]inistr|MFA|Foreign\s+Office|Department")
# the foreign ministry under another name: the United Kingdom's; the United States' (which
# also says whose it is)
_FOREIGN_MINISTRY = re.compile(r"(?i)foreign|MFA|ministries of foreign affairs")
_US_STATE_DEPARTMENT = re.compile(r"State\s+Department|Department\s+of\s+State")


def ministries(doc: Doc) -> list[tuple[Span, str, str | None]]:
    """Spans of ministries as written, with the portfolio ("Foreign Affairs", "Agriculture")
    and the country the name itself tells (the State Department's)."""
    out = []
    if not _MINISTRY_HINT.search(doc_text(doc)):
        return out
    for m in _ministry_re().finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        text = m.group(0)
        iso3 = "USA" if _US_STATE_DEPARTMENT.fullmatch(text) else None
        if iso3 or _FOREIGN_MINISTRY.match(text):
            portfolio = "Foreign Affairs"
        elif text.startswith(("Ministry of", "Ministries of", "Department of")):
            portfolio = text.split(" of ", 1)[1].strip()
        else:
            portfolio = text.rsplit(None, 1)[0]
        out.append((span, portfolio, iso3))
    return out


_SIDE = r"[A-Z]\w+(?:\s+d[’'][A-Z]\w+)?"
_PATTERNS = [
    # "Kazakh-Russian intergovernmental commission", "the Ghana-Côte d'Ivoire Permanent Joint
    # Commission of Cooperation" (a side of one word, or two with "d'": two capitalized words
    # would take "South Africa Bi-National" for the pair "Africa Bi"-"National")
    (
        ORG,
        "commission",
        re.compile(
            rf"\b{_SIDE}-{_SIDE}\s+(?:[A-Za-z]+\s+){{0,3}}?(?:[Cc]ommission|[Cc]ommittee|[Cc]ouncil)"
            r"(?:\s+(?:for|on|of)\s+[A-Z]\w+(?:\s+(?:and\s+)?[A-Z]\w+)*)?"
        ),
    ),
    (
        ORG,
        "embassy",
        re.compile(
            r"\b[A-Z]\w+\s+Embassy(?:\s+in\s+[A-Z]\w+)?|\bEmbassy\s+of\s+(?:the\s+)?[A-Z][\w ]+?"
            r"\s+in\s+[A-Z]\w+"
        ),
    ),
    (
        PLACE,
        "venue",
        re.compile(
            rf"\b(?!(?:The|A|An|In|On|At|During|After)\s)(?:[A-Z][\w’'-]+\s+){{1,3}}"
            rf"(?:{'|'.join(sorted(VENUE_HEADS))})\b"
            # "the Grand Hall of the Nation": "of the" and capitals go on with the name
            r"(?:\s+of\s+the\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?"
        ),
    ),
]
_PRESIDENTIAL = "|".join(sorted(PRESIDENTIAL_BODIES, key=len, reverse=True))
# "the presidential office said": the body serving a head of state, not a person or a venue
# (in capitals, "Presidential Secretariat" is a proper name, read as other names are)
# ... and "the Presidency said": the same body, capitalized and on its own (not "the
# Presidency of the Council", a term of office, nor "the Presidency's directorate")
_PATTERNS.append(
    (
        ORG,
        "org",
        re.compile(
            rf"\bpresidential\s+(?:{_PRESIDENTIAL})\b"
            r"|(?<=\b[Tt]he )Presidency\b(?!\s+of\b|\s*['’]s\b)"
            # "the Prime Minister's Office": the body serving a head of government by name
            r"|(?<=\b[Tt]he )(?:Prime\s+Minister|President|Vice[- ]President|Premier)"
            r"['’]s\s+Office\b"
        ),
    )
)
# "C5+1", "ASEAN+3": a forum of a group and its partners, named by that formula
_PATTERNS.append((ORG, "org", re.compile(r"\b[A-Z][A-Za-z]{0,9}\d{0,2}\s?\+\s?\d{1,2}\b")))
# "the state news agency STA": an agency named by its acronym alone right after the noun
# (one the gazetteer knows is read there, with its full name)
_PATTERNS.append(
    (ORG, "org", re.compile(r"(?:(?<=\bnews agency )|(?<=\bpress agency ))[A-Z]{2,6}\b"))
)
# the words every pattern needs; a text without them is not searched
_HINTS = [
    re.compile(r"[Cc]ommission|[Cc]ommittee|[Cc]ouncil"),
    re.compile(r"Embassy"),
    re.compile(rf"\b(?:{'|'.join(sorted(VENUE_HEADS))})\b"),
    re.compile(r"presidential|Presidency|['’]s\s+Office"),
    re.compile(r"\+"),
    re.compile(r"agency"),
]


@cache
def _company_re() -> re.Pattern[str]:
    nouns = "|".join(sorted(COMPANY_NOUNS, key=len, reverse=True))
    name = r"[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2}"
    return re.compile(rf"\b(?:{nouns})\s+(?P<name>{name})")


def companies(doc: Doc) -> list[Mention]:
    """`mobile telecommunications company Telvo`, `development bank Norfin`: the proper name
    right after a lower-case noun of companies is a company's (not a date, title, place)."""
    out = []
    for m in _company_re().finditer(doc_text(doc)):
        span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
        if span is None or not len(span := trim(span)):
            continue
        cut = next((t.i for t in span if _ends_company_name(t)), span.end)
        span = doc[span.start : cut]
        if len(span):
            out.append(
                Mention(ORG, span.start, span.end, span.text, span.text, None, "pattern", "org")
            )
    return out


def _ends_company_name(t) -> bool:
    """A word no company's name holds: a date, a title, a country or a place of the NER."""
    if t.ent_type_ in ("DATE", "TIME", "GPE", "NORP", "LOC", "CARDINAL"):
        return True
    return t.text in lexicon()["titles"] or country_named(t.text) is not None


def _in_a_countrys_name(span: Span) -> bool:
    """A venue's first word that ends a country's formal name ("the Republic of Korea")."""
    doc = span.doc
    return (
        span.start > 1
        and doc[span.start - 1].lower_ == "of"
        and country_named(f"{doc[span.start - 2].text} of {span[0].text}") is not None
    )


def combined_countries(doc: Doc) -> list[Mention]:
    """ "the Franco-Greek partnership": a country's combining form, joined by a hyphen to
    another country's name or demonym."""
    out = []
    for i in where(doc, orth=_COMBINING):
        t = doc[i]
        iso3 = COMBINING_FORMS[t.text]
        if i + 2 < len(doc) and doc[i + 1].text == "-" and country_named(doc[i + 2].text):
            out.append(Mention(COUNTRY, t.i, t.i + 1, t.text, iso3, iso3, "pattern"))
    return out


def capitals_told(doc: Doc) -> list[Mention]:
    """ "the Saudi capital", "the Kenyan capital": that country's capital city."""
    out = []
    for t in (doc[i] for i in where(doc, lower=_CAPITAL) if i >= 2):
        if doc[t.i - 2].lower_ != "the" or not doc[t.i - 1].is_title:
            continue
        rec = country_named(doc[t.i - 1].text)
        if rec is not None and rec.capital:
            # (named by the city, so that "Riyadh" told elsewhere is the same place)
            city = rec.capital
            out.append(Mention(PLACE, t.i - 1, t.i + 1, city, city, rec.iso3, "pattern", "city"))
    return out


def _through_the_models_name(span: Span) -> Span:
    """ "Gran Hotel Chiclayo": a venue's name going on after its head word, as far as the
    model's name of the building or the business goes (capitalized words)."""
    doc, end = span.doc, span.end
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ in ("FAC", "ORG"):
        if not doc[end].is_title:
            break
        end += 1
    return doc[span.start : end]


def pattern_mentions(doc: Doc) -> list[Mention]:
    """Organizations and places found by their shape: commissions, embassies, venues,
    companies, a country's capital told by it; countries by their combining forms."""
    out = companies(doc) + combined_countries(doc) + capitals_told(doc)
    for (kind, subkind, pattern), hint in zip(_PATTERNS, _HINTS, strict=True):
        if not hint.search(doc_text(doc)):
            continue
        for m in pattern.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or not len(span := trim(span)):
                continue
            if kind == PLACE and span[-1].text in ("Centre", "Center"):
                if any(t.text in BODY_CENTRE_WORDS for t in span):
                    # "Ghana Investment Promotion Centre": an agency, not a building
                    out.append(
                        Mention(
                            ORG, span.start, span.end, span.text, span.text, None, "pattern", "org"
                        )
                    )
                    continue
            if span.text.isupper() and span.text in organizations():
                continue  # (an acronym the gazetteer knows: read there, with its full name)
            if kind == PLACE and len(span) > 1 and span[-2].text in lexicon()["titles"]:
                continue  # "President Park": a title and a surname, not a park
            if kind == PLACE and _in_a_countrys_name(span):
                continue  # "the Republic of Korea Park Ji-hoon": a country, then a name
            # "the Grand Ethiopian Renaissance Dam": a venue named by a demonym is that country's
            iso3 = None
            if kind == PLACE:
                span = _through_the_models_name(span)
                rec = next((r for t in span if t.is_title and (r := country_named(t.text))), None)
                iso3 = rec.iso3 if rec else None
            acronym = acronym_after(span)
            out.append(
                Mention(
                    kind,
                    span.start,
                    span.end,
                    span.text,
                    span.text,
                    iso3,
                    "pattern",
                    subkind,
                    (acronym,) if acronym else (),
                )
            )
    return out
