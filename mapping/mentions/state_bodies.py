"""A state's own bodies told by its country rather than by a name: "the Lebanese army",
"Ghana's government", "the government of Sri Lanka", "the governments of A and B", each named
"Government of X" however the text puts it, so that every form of it is one body."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.countries import country_name
from communique.mapping.entities.titles import title_first_words
from communique.mapping.mentions import gazetteers as gz
from communique.mapping.mentions.mention import ORG, Mention

# lower-case bodies of a state named by its demonym: "the Lebanese army"
_STATE_BODIES = {"army", "navy", "police", "military", "government", "senate"}
_STATE_BODIES |= {"cabinet", "presidency", "judiciary", "legislature", "embassy"}
_NAMED_BY_COUNTRY = {
    "government": "Government",
    "cabinet": "Cabinet",
    "presidency": "Presidency",
    "embassy": "Embassy",
}
_POSSESSIVES = {"’s", "'s"}


def state_body(doc: Doc, span: Span, country: Mention) -> Mention | None:
    """ "the Lebanese army", "Ghana's government", "the Ghana government": that country's
    own body. A government, cabinet or presidency is named "Government of Ghana" however
    the text puts it, so every form of it is one body."""
    if (of := _body_of_country(doc, span, country)) is not None:
        return of
    i = span.end
    owner = span.label_ == gz.COUNTRY and i + 1 < len(doc) and doc[i].text in _POSSESSIVES
    if owner:
        i += 1
    elif span.label_ == gz.COUNTRY and i < len(doc) and doc[i].lower_ in _NAMED_BY_COUNTRY:
        pass  # "officials of Bhutan government": the country's name said of its body
    elif span.label_ != gz.DEMONYM:
        return None
    if i >= len(doc) or doc[i].lower_ not in _STATE_BODIES or not _body_not_term(doc, i):
        return None
    body = doc[span.start : i + 1]
    # ("Angola's army" is named "Army of Angola": no name keeps the possessive)
    head = _NAMED_BY_COUNTRY.get(doc[i].lower_) or (doc[i].lower_.capitalize() if owner else None)
    key = f"{head} of {country_name(country.iso3)}" if head and country.iso3 else body.text
    return Mention(ORG, body.start, body.end, body.text, key, country.iso3, "demonym", "org")


def _body_of_country(doc: Doc, span: Span, country: Mention) -> Mention | None:
    """ "the government of Sri Lanka" in lower case (in capitals the model tags it a name);
    "the governments of A and B": each one's."""
    k = span.start
    if k > 0 and doc[k - 1].lower_ == "the":
        k -= 1  # "the government of the Central African Republic"
    if span.label_ != gz.COUNTRY or k < 2 or not country.iso3:
        return None
    if doc[k - 1].lower_ == "of":
        noun, start = doc[k - 2], k - 2
    elif (noun := _plural_body_of_a_list(span)) is not None:
        start = k  # "... of A and B": B's own words
    else:
        return None
    head = _NAMED_BY_COUNTRY.get(_PLURAL_BODIES.get(noun.lower_, noun.lower_))
    # (in capitals only a plural: the model tags "Government of X" a name of its own)
    if not (noun.is_lower or noun.is_title and noun.lower_ in _PLURAL_BODIES) or head is None:
        return None
    key = f"{head} of {country_name(country.iso3)}"
    # (each of several is named as one, not as the words told of all: "governments of A")
    text = key if noun.lower_ in _PLURAL_BODIES else doc[start : span.end].text
    return Mention(ORG, start, span.end, text, key, country.iso3, "demonym", "org")


_PLURAL_BODIES = {"governments": "government", "cabinets": "cabinet", "embassies": "embassy"}


def _plural_body_of_a_list(span: Span) -> Token | None:
    """ "the governments of A and B": the plural noun whose "of" list a later country is in."""
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first is span.root or first.dep_ != "pobj" or first.head.lower_ != "of":
        return None
    noun = first.head.head
    return noun if noun.lower_ in _PLURAL_BODIES and noun.i == first.head.i - 1 else None


def _body_not_term(doc: Doc, i: int) -> bool:
    """`the Brazilian Presidency said`, but not `the French presidency of the EU` (a term of
    office, not a body), a possessor of the body named, nor the first word of a title
    ("Kenyan Cabinet Secretary Rose X")."""
    word = doc[i]
    if not (word.is_lower or word.is_title):
        return False
    if word.is_title and i + 1 < len(doc) and doc[i + 1].text in title_first_words():
        return False
    # "the Turkish Presidency's Directorate": the body named is the one it owns
    return not (i + 1 < len(doc) and doc[i + 1].lower_ in ("of", "'s", "’s"))
