"""A document named by what it is to do: "an agreement to acquire a stake in X", "a
declaration aimed at strengthening ties", when its own words tell only its kind."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.facts.document_names import CUT_NAME, IN_A_NAMED


def purpose_name(tok: Token) -> str | None:
    """`an agreement to acquire a stake in X`: what a document is to do ("to acquire a stake
    in X"), by which a document not named otherwise is named (not "to be signed")."""
    # ("signed an MoU to set up a council": the parser may hang the infinitive on the
    # verb, right after the document's words)
    after = tok.right_edge.i + 1
    told = [c for c in tok.rights if c.dep_ in ("acl", "relcl")]
    if tok.dep_ == "dobj":
        told += [c for c in tok.head.rights if c.dep_ == "advcl" and c.left_edge.i == after]
    verb = next(
        (
            c
            for c in told
            # ("to mutually exempt visas": the parser may read the verb as an adjective)
            if c.pos_ in ("VERB", "ADJ")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)
            and not any(a.dep_ in ("auxpass", "nsubjpass") for a in c.children)
        ),
        None,
    )
    if verb is None:
        return _aimed_at(tok)
    if verb.lemma_ == "be":
        return None
    doc = tok.doc
    # (up to a date told after it: "... to set up a council on Monday")
    end = next(
        (
            t.i - 1
            for t in doc[verb.i + 1 : verb.right_edge.i + 1]
            if t.ent_type_ == "DATE" and doc[t.i - 1].pos_ == "ADP"
        ),
        verb.right_edge.i + 1,
    )
    return f"to {_cut(doc[verb.i : end].text)}"


def _aimed_at(tok: Token) -> str | None:
    """ "a declaration aimed at strengthening X": what the document is for, told by a
    participle of purpose."""
    verb = next(
        (
            c
            for c in tok.rights
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_ in ("aimed", "geared", "targeted")
        ),
        None,
    )
    if verb is None or not any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children):
        return None
    return _cut(tok.doc[verb.i : verb.right_edge.i + 1].text)


def _cut(purpose: str) -> str:
    """The purpose's words up to what no name goes on with: a clause, a place (CUT_NAME)."""
    return IN_A_NAMED.split(CUT_NAME.split(purpose.strip())[0])[0]
