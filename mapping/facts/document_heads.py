"""Which nouns head a document's name: the words of documents' names (data/agreements.json:
heads such as "memorandum" and "treaty", heads that need a noun before them, nouns that are
documents only when signed, generic and retelling words, vague quantities, signing verbs)
and the parse around a noun that makes it one document the article names, not several or
none ("17 agreements", "signed deals with Malawi", not "the agreements reached")."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.lexicon import agreement_lexicon, document_heads


def _words(key: str) -> frozenset[str]:
    return frozenset(_LEXICON[key])


# the words of documents' names: general classes, in data/agreements.json
_LEXICON = agreement_lexicon()
HEADS = document_heads()
# heads that name a document only with a noun before them: "an LNG supply deal", not "a good deal"
NEEDS_COMPOUND = _words("needs_compound")
# "a joint statement", "cooperation documents", "the minutes of ...": documents only when signed
SIGNED_ONLY = _words("signed_only")
GENERIC = _words("generic")
BARE_MEMORANDA = _words("bare_memoranda")  # named by their purpose, when told
KIND_WORDS = _words("kind_words")  # "a cooperation agreement": of a kind, not named
# words that describe a document already named, not name one: "the major bilateral accord"
RETOLD = _words("retold")
_VAGUE = _words("vague")
_SIGN = _words("sign")
_QUANTITIES = _words("vague_quantities")


def is_signed(tok: Token) -> bool:
    """`signed X`, `the signing of X`, `the signing of the minutes of ... and X`."""
    t = tok
    for _ in range(6):
        if t.dep_ not in ("conj", "pobj", "prep", "dobj") or t.head == t:
            return False
        t = t.head
        if t.lemma_.lower() in _SIGN:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def heads_a_document(tok: Token) -> bool:
    """Whether a noun is the head of one document's name."""
    lemma = tok.lemma_.lower()
    if (
        lemma not in HEADS
        and tok.lower_ not in HEADS
        and not (lemma in SIGNED_ONLY and is_signed(tok))
        and not (tok.lower_ == "letter" and _letter_of_intent(tok))
    ):
        return False
    if lemma in SIGNED_ONLY and any(c.lower_ in _VAGUE for c in tok.children):
        return False  # "many other documents": not one the article names
    if tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _QUANTITIES:
        return False  # "a number of bilateral documents": no one document
    counted = any(c.dep_ == "nummod" for c in tok.children)  # "17 agreements"
    # "signed deals with Malawi": signed with a party, the documents of that signing
    signed_with = is_signed(tok) and any(
        c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children
    )
    plural = tok.tag_ in ("NNS", "NNPS")
    # "signed agreements on trade and energy": the documents named by their subjects
    signed_on = is_signed(tok) and any(c.dep_ == "prep" and c.lower_ == "on" for c in tok.children)
    if plural and not (tok.is_title or counted or lemma in SIGNED_ONLY or signed_with or signed_on):
        return False  # "the agreements reached ...": no one document
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in HEADS:
        return False
    return (
        lemma not in NEEDS_COMPOUND
        or signed_with
        or any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") for c in tok.children)
    )


def _letter_of_intent(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1 : tok.i + 3]
    return tok.lower_ == "letter" and [t.lower_ for t in nxt] == ["of", "intent"]
