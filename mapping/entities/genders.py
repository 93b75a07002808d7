"""Which persons the article calls "he" and which "she": read from an honorific before a
name ("Ms Tal", "Mr. Venn") and from the possessive pronoun a sentence whose subject is the
person uses of them ("Tal thanked her hosts"). A pronoun that says something then goes on
with the last sayer of its gender, not with one the article calls otherwise."""

from __future__ import annotations

from spacy.tokens import Doc

from communique.mapping.entities.entity import ArticleEntities
from communique.mapping.lexicon import quote_words as _data
from communique.mapping.mentions.finder import PERSON
from communique.mapping.nlp.language import sentence_of, tokens_of


def pronoun_gender(word: str) -> str | None:
    """ "she" -> "f", "his" -> "m"; None for a word of no gender."""
    return _data("pronoun_genders").get(word.lower())


def person_genders(doc: Doc, ents: ArticleEntities) -> dict[int, str]:
    """id(person) -> "m" or "f", where the article tells it one way only (read once per
    article: the event anaphora and the quotation speakers both ask)."""
    cached = doc.user_data.get("communique_genders")
    if cached is not None and cached[0] is ents:
        return cached[1]
    genders = _person_genders(doc, ents)
    doc.user_data["communique_genders"] = (ents, genders)
    return genders


def _person_genders(doc: Doc, ents: ArticleEntities) -> dict[int, str]:
    seen: dict[int, set[str]] = {}
    honorifics = _data("honorific_genders")
    for p in ents.by_kind(PERSON):
        for m in p.mentions:
            # the honorific before the name, else the one the name's mention begins with
            for i in (m.start - 1, m.start) if m.start else (m.start,):
                if (told := honorifics.get(doc[i].lower_.rstrip("."))) is not None:
                    seen.setdefault(id(p), set()).add(told)
                    break
            if _is_subject(doc, m.start, m.end) and (g := _possessive_after(doc, m.end)):
                seen.setdefault(id(p), set()).add(g)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _possessive_after(doc: Doc, end: int) -> str | None:
    """The gender of the first possessive pronoun after a name in its sentence, before any
    other proper name (which the pronoun may stand for instead)."""
    if end >= len(doc):
        return None
    sent_end = sentence_of(doc, end - 1).end  # (Token.sent walks its whole sentence)
    for tok in tokens_of(doc)[end:sent_end]:
        if tok.pos_ == "PROPN":
            return None
        if tok.tag_ == "PRP$":
            return pronoun_gender(tok.text)
    return None


def _is_subject(doc: Doc, start: int, end: int) -> bool:
    return any(doc[i].dep_ in ("nsubj", "nsubjpass") for i in range(start, end))
