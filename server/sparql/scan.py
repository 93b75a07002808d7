"""What a SPARQL query text asks for, read from its tokens: SERVICE, FROM, nesting depth.

The endpoint must refuse SERVICE (federated query: the engine would connect to a server of
the client's choosing) before the query reaches the engine. A keyword search is not
enough: a keyword hides inside strings, IRIs and comments, and a scanner that misreads one
terminal (a local name ending in an escaped `#` or `'`) takes the rest of the line for a
comment and misses what follows. So the text is cut into the SPARQL 1.1 grammar's own
terminals (IRIREF, the four string forms with ECHAR, PN_PREFIX / PN_LOCAL with PLX
escapes, VAR1/VAR2, BLANK_NODE_LABEL, LANGTAG, numbers, comments, whitespace), after
applying `\\u`/`\\U` escapes first as the grammar says (section 19.2).

The engine's own parser does not read every text as the grammar does (Oxigraph 0.5
matches keywords without a word boundary, so `trueSERVICE?x{}` holds a SERVICE; it ends a
local name at its second dotted part; it reads `<` after an operand as less-than). So the
verdict over-approximates: a word, a prefix, or a dotted part of a name that holds
"service" counts, and so does an IRI-like token that the engine may read as code. The
worker processes cannot open network sockets at all (sparql.sandbox), so a gap here never
becomes a request.

Every pattern is possessive or atomic, so the scan is linear in the text's length; texts
over the size limit are refused before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_MAX_QUERY_BYTES = 128 * 1024
MAX_DEPTH = 100  # nested groups, brackets and parentheses

_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_CHARS = _BASE + r"_\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_LOCAL_FIRST = rf"[{_BASE}_:0-9]|{_PLX}"
_LOCAL_NEXT = rf"[{_CHARS}:]|{_PLX}"
_LOCAL = rf"(?>{_LOCAL_FIRST})(?>\.*+(?>{_LOCAL_NEXT}))*+"
_TOKENS = re.compile(
    rf"""
      (?P<ws>[\ \t\r\n]++)
    | (?P<comment>\#[^\r\n]*+)
    | (?P<string>
          '''(?>(?>''?)?(?>[^'\\]|\\.))*+'''
        | \"\"\"(?>(?>""?)?(?>[^"\\]|\\.))*+\"\"\"
        | '(?>[^'\\\n\r]|\\.)*+'
        | "(?>[^"\\\n\r]|\\.)*+" )
    | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*+>)
    | (?P<var>[?$][{_BASE}_0-9][{_BASE}_0-9\u00b7\u0300-\u036f\u203f-\u2040]*+)
    | (?P<bnode>_:[{_BASE}_0-9](?>\.*+[{_CHARS}])*+)
    | (?P<lang>@[A-Za-z]++(?>-[A-Za-z0-9]++)*+(?>--[A-Za-z]++)?)
    | (?P<number>(?>[0-9]++(?>\.[0-9]*+)?|\.[0-9]++)(?>[eE][+-]?[0-9]++)?)
    | (?P<name>[{_BASE}](?>\.*+[{_CHARS}])*+(?>:(?>{_LOCAL})?)?)
    | (?P<pname>:(?>{_LOCAL})?)
    | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OPENERS, _CLOSERS = "{([", "})]"
# Tokens after which the engine may read `<` as the less-than operator.
_OPERAND_ENDS = frozenset({"var", "string", "number", "iri", "name", "lang", ")", "]"})


class QueryRefused(ValueError):
    """The query text is refused before it is parsed: too long or nested too deeply."""


class QueryTooLong(QueryRefused):
    """The query text is over the size limit."""


@dataclass(frozen=True)
class QueryFeatures:
    service: bool  # SERVICE may be in it: a federated query, which would connect out
    dataset: bool  # FROM / FROM NAMED: the query names its own dataset


def scan_query(text: str, *, max_bytes: int = DEFAULT_MAX_QUERY_BYTES) -> QueryFeatures:
    """The features of `text`; QueryRefused when it is over `max_bytes` or too deep."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise QueryTooLong(f"the query is {size} bytes long; the limit is {max_bytes}")
    text = _ESCAPE.sub(_unescape, text)
    upper = text.upper()
    if "SERVICE" not in upper and "FROM" not in upper and _openers(text) <= MAX_DEPTH:
        # every verdict below needs a token holding one of these words (a token's upper
        # case is a piece of the text's), or more openers than the depth limit
        return QueryFeatures(service=False, dataset=False)
    return _scan_tokens(text)


def _openers(text: str) -> int:
    return sum(text.count(opener) for opener in _OPENERS)


def _scan_tokens(text: str) -> QueryFeatures:
    service = dataset = False
    depth = 0
    previous = ""
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup or "punct"
        if kind == "pname":
            kind = "name"
        if kind in ("ws", "comment"):
            continue
        token = match.group(0)
        if kind == "punct":
            if token in _OPENERS:
                depth += 1
                if depth > MAX_DEPTH:
                    raise QueryRefused(f"the query nests groups more than {MAX_DEPTH} deep")
            elif token in _CLOSERS:
                depth = max(0, depth - 1)
        elif kind == "name":
            service = service or _name_may_hold_service(token)
            dataset = dataset or token.upper().startswith("FROM")
        elif kind == "iri":
            service = service or (previous in _OPERAND_ENDS and _iri_may_hide_service(token))
        previous = token if kind == "punct" else kind
    return QueryFeatures(service=service, dataset=dataset)


def _name_may_hold_service(token: str) -> bool:
    """A bare word (keyword), a prefix, or a later dotted part of a local name."""
    prefix, _, local = token.upper().partition(":")
    return "SERVICE" in prefix or any("SERVICE" in part for part in local.split(".")[1:])


def _iri_may_hide_service(token: str) -> bool:
    """Read as `<` then code, an IRI-like token hides a SERVICE clause only where a `)`
    before the keyword ends the expression and a comment (`#`) after it swallows the `>`."""
    upper = token.upper()
    at = upper.find("SERVICE")
    return at >= 0 and ")" in upper[:at] and "#" in upper[at:]


def _unescape(match: re.Match) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code <= 0x10FFFF else match.group(0)


def is_update(text: str) -> bool:
    """True if `text` parses as SPARQL Update (asked only once it failed as a query)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseUpdate

    if len(text) > 20_000:  # the pyparsing grammar is slow on long texts; none is needed
        return False
    try:
        parseUpdate(text)
    except (ParseException, ValueError, TypeError, RecursionError):
        return False
    return True
