"""Tokens found by their tags and words from the doc's arrays: the same tokens, in the same
order, as a loop over the Token objects finds; spaCy's own symbols (tags, dependency
labels, entity types) and plain words alike."""

from __future__ import annotations

import pytest

from communique.mapping.nlp.arrays import (
    NOMINALS,
    PROPER,
    SUBJECT,
    UNTAGGED,
    where,
    where_lemma,
    where_written,
)

TEXT = (
    "VELMORA – Foreign Minister Ilse Marrow met her Orvanian counterpart Tamsin Reeve in "
    "the Velmoran capital on Monday, and the two ministers signed a memorandum. "
    "Marrow said: the talks were useful. Question: will they meet again in March?"
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def loop(doc, test) -> list[int]:
    return [t.i for t in doc if test(t)]


@pytest.mark.parametrize(
    ("wanted", "test"),
    [
        ({"pos": NOMINALS}, lambda t: t.pos_ in ("NOUN", "PROPN")),
        ({"dep": SUBJECT, "pos": PROPER}, lambda t: t.dep_ == "nsubj" and t.pos_ == "PROPN"),
        ({"ent_type": frozenset({"DATE"})}, lambda t: t.ent_type_ == "DATE"),
        ({"pos": PROPER, "ent_type": UNTAGGED}, lambda t: t.pos_ == "PROPN" and not t.ent_type_),
        ({"lower": frozenset({"capital", "talks"})}, lambda t: t.lower_ in ("capital", "talks")),
        ({"orth": frozenset({":"})}, lambda t: t.text == ":"),
        ({"dep": frozenset({"appos"})}, lambda t: t.dep_ == "appos"),
    ],
)
def test_where_finds_what_a_loop_over_tokens_finds(doc, wanted, test):
    expected = loop(doc, test)
    assert expected, "the text should hold such a token, or the row tests nothing"
    assert where(doc, **wanted) == expected


def test_a_value_no_token_has_finds_none(doc):
    assert where(doc, lower=frozenset({"zeppelin"})) == []


def _of_meeting_or_signing(lemma: str) -> bool:
    return lemma.lower().startswith("meet") or lemma.lower() == "sign"


def test_where_lemma_asks_each_lemma(doc):
    found = where_lemma(doc, _of_meeting_or_signing)
    assert found == loop(doc, lambda t: _of_meeting_or_signing(t.lemma_))
    assert [doc[i].text for i in found] == ["met", "signed", "meet"]


def test_where_lemma_reads_a_mended_lemma(nlp):
    mended = nlp("They vistied Arden.")
    # (the spelling stage gave the misspelt verb its lemma before this read)
    assert [mended[i].text for i in where_lemma(mended, lambda lemma: lemma == "visit")] == [
        "vistied"
    ]


def test_where_written_reads_the_words_as_written(doc):
    assert where_written(doc, frozenset({"Marrow", "Question"})) == loop(
        doc, lambda t: t.text in ("Marrow", "Question")
    )
