"""A verb's "-ing" form, by the model's lemmatizer tables: not a name's syllable ("Ding"),
nor a word of a stem too short to tell."""

from __future__ import annotations

import pytest

from communique.mapping.nlp.word_forms import is_participle


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Addressing", True),
        ("Welcoming", True),
        ("running", True),  # (an exception: the doubled consonant)
        ("Ding", False),
        ("Bing", False),  # ("be" + "-ing": too short a stem to tell)
        ("Jinping", False),
        ("Sterling", False),
        ("Addressed", False),
    ],
)
def test_is_participle(nlp, word, expected):
    assert is_participle(nlp.vocab, word) is expected


def test_a_vocabulary_of_no_pipeline_knows_no_verb():
    from spacy.vocab import Vocab

    assert not is_participle(Vocab(), "Addressing")
