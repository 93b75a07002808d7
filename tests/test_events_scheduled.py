"""Whether an event is told as still ahead (events.tense.is_scheduled), on parses written by
hand, so that the test does not hang on the model's reading of a sentence."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from communique.mapping.events.tense import is_scheduled

_VOCAB = spacy.blank("en").vocab  # (a bare Vocab has no lower-case forms)


def _doc(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    pos = {"VBD": "VERB", "VBN": "VERB", "VB": "VERB", "MD": "AUX", "NNS": "NOUN", "NN": "NOUN"}
    return Doc(
        _VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        tags=tags,
        pos=[pos.get(t, "X") for t in tags],
        lemmas=[w.lower() for w in words],
    )


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "trigger", "expected"),
    [
        # "scheduled" heads a clause of its own: the discussion is done
        (
            ["they", "discussed", "plans", ",", "scheduled", "for", "autumn"],
            [1, 1, 1, 1, 1, 4, 5],
            ["nsubj", "ROOT", "dobj", "punct", "advcl", "prep", "pobj"],
            ["PRP", "VBD", "NNS", ",", "VBN", "IN", "NN"],
            1,
            False,
        ),
        # "the scheduled talks": a modifier of the event itself
        (
            ["the", "scheduled", "talks", "began"],
            [2, 2, 3, 3],
            ["det", "amod", "nsubj", "ROOT"],
            ["DT", "VBN", "NNS", "VBD"],
            2,
            True,
        ),
        # "will co-chair", the parser hanging "will" on the word before the hyphen
        (
            ["she", "will", "co", "-", "chair", "the", "session"],
            [2, 2, 2, 2, 2, 6, 4],
            ["nsubj", "aux", "ROOT", "punct", "advcl", "det", "dobj"],
            ["PRP", "MD", "VB", "HYPH", "VB", "DT", "NN"],
            4,
            True,
        ),
        # "will discuss": a modal
        (
            ["they", "will", "discuss", "plans"],
            [2, 2, 2, 2],
            ["nsubj", "aux", "ROOT", "dobj"],
            ["PRP", "MD", "VB", "NNS"],
            2,
            True,
        ),
    ],
)
def test_is_scheduled(words, heads, deps, tags, trigger, expected):
    assert is_scheduled(_doc(words, heads, deps, tags)[trigger]) is expected
