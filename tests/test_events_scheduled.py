"""Whether an event is told as still ahead (events.scheduled.is_scheduled): on parses written by
hand, so that the test does not hang on the model's reading of a sentence, and on whole
sentences, for a plan told by a round or a relative clause and the place the plan holds the
event in."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from mapping_support import facts_of
from spacy.tokens import Doc

from communique.mapping.events.scheduled import is_scheduled

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
        # "the first leader to visit": an infinitive of a noun an ordinal ranks, a visit made
        (
            ["she", "was", "the", "first", "leader", "to", "visit", "Lima"],
            [1, 1, 4, 4, 1, 6, 4, 6],
            ["nsubj", "ROOT", "det", "amod", "attr", "aux", "relcl", "dobj"],
            ["PRP", "VBD", "DT", "JJ", "NN", "TO", "VB", "NNP"],
            6,
            False,
        ),
        # ... but an infinitive of a noun no ordinal ranks is a plan
        (
            ["she", "named", "a", "leader", "to", "visit", "Lima"],
            [1, 1, 3, 1, 5, 3, 5],
            ["nsubj", "ROOT", "det", "dobj", "aux", "relcl", "dobj"],
            ["PRP", "VBD", "DT", "NN", "TO", "VB", "NNP"],
            5,
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


def plans(nlp, body: str) -> list[tuple]:
    """The events as sorted (kind, date, participants, still to come, place)."""
    return sorted(
        (
            e.kind,
            e.date.value if e.date else None,
            sorted(p.name for p in e.participants),
            e.scheduled,
            e.place.name if e.place else None,
        )
        for e in facts_of(nlp, body, dt.date(2025, 6, 17)).events
    )


TALKS = ["Iran", "United States"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the round carries the words that put the talks ahead
        (
            "The next round of negotiations between Tehran and Washington is set to be held in "
            "Muscat next week.",
            [("talks", "2025-06", TALKS, True, "Muscat")],
        ),
        # a plan's holding verb carries the place
        (
            "Talks between Iran and the United States are scheduled to take place in Muscat on "
            "Sunday.",
            [("talks", "2025-06-22", TALKS, True, "Muscat")],
        ),
        # a relative clause plans the talks, though the parser hangs it on their last side
        (
            "The talks between Iran and the United States, which are due to take place in "
            "Muscat, will focus on trade.",
            [("talks", None, TALKS, True, "Muscat")],
        ),
        (
            "The envoys met in Rome on Monday. The talks between Iran and the United States, "
            "which will take place in Muscat, will focus on trade.",
            [
                ("meeting", "2025-06-16", TALKS, False, "Rome"),
                ("talks", None, TALKS, True, "Muscat"),
            ],
        ),
        # a relative clause of a side that plans nothing leaves the talks as they are
        (
            "The talks between Iran and Oman, which hosted the last round in Muscat, were useful.",
            [("talks", None, ["Iran", "Oman"], False, None)],
        ),
        # nor one of what is to be done within an event under way (whose "she" is the one
        # the office told before it stands for, not the last one named)
        (
            "Foreign Minister Arlo Venndal held talks with his Australian counterpart Ilse "
            "Marrow on Tuesday. The Australian foreign minister is on a three-day visit to "
            "India, during which she will also meet business leaders.",
            [
                ("meeting", None, ["Ilse Marrow"], True, None),
                ("talks", "2025-06-17", ["Arlo Venndal", "Ilse Marrow"], False, None),
                ("visit", "2025-06-17", ["Ilse Marrow"], False, None),
            ],
        ),
    ],
)
def test_a_plan_told_by_a_round_or_a_relative_clause(nlp, body, expected):
    assert plans(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # what one is pleased to do is the encounter of the day ...
        (
            "On Monday, Foreign Minister Tom Arkan of Kenya held a meeting with Foreign Minister "
            "Ana Lopes of Peru in Lima. Arkan said he was pleased to meet Lopes again.",
            [("meeting", "2025-06-16", ["Ana Lopes", "Tom Arkan"], False, None)],
        ),
        # ... unless one only would be
        (
            "Foreign Minister Tom Arkan said he would be pleased to meet Foreign Minister Ana "
            "Lopes in Lima next month.",
            [("meeting", "2025-07", ["Ana Lopes", "Tom Arkan"], True, "Lima")],
        ),
        # what they agree to do lies after the agreeing, as its month does
        (
            "President Tom Arkan spoke by telephone with Prime Minister Ana Lopes on Monday. "
            "The two leaders agreed to meet in Lima in May.",
            [
                ("meeting", "2026-05", ["Ana Lopes", "Tom Arkan"], True, "Lima"),
                ("phone-call", "2025-06-16", ["Ana Lopes", "Tom Arkan"], False, None),
            ],
        ),
        # a visit set off between commas frames the one on it, not what is urged
        (
            "President Ana Lopes hosted President William Otieno on Monday.\n\nOtieno, on a "
            "three-day state visit, urged rich nations to deliver on their pledges.",
            [
                ("meeting", "2025-06-16", ["Ana Lopes", "William Otieno"], False, None),
                ("visit", None, ["William Otieno"], False, None),
            ],
        ),
        # (and a mechanism of talks set up holds none)
        (
            "Kenya and Peru signed a memorandum of understanding to establish a mechanism of "
            "political consultations on Monday.",
            [("agreement-signing", "2025-06-16", ["Kenya", "Peru"], False, None)],
        ),
        # (nor regular talks to be kept up, a practice; but regular talks held are held)
        (
            "President Ana Lopes met President Tom Arkan on Monday.\n\nThe two leaders agreed "
            "to maintain regular political consultations between their foreign ministries.",
            [("meeting", "2025-06-16", ["Ana Lopes", "Tom Arkan"], False, None)],
        ),
        (
            "President Ana Lopes held regular talks with President Tom Arkan on Monday.",
            [("talks", "2025-06-16", ["Ana Lopes", "Tom Arkan"], False, None)],
        ),
    ],
)
def test_what_is_agreed_or_pleasing(nlp, body, expected):
    assert plans(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the purpose of a gathering told as done is done, not planned
        (
            "Today, Foreign Minister Tom Arkan and Prime Minister Ana Lopes came together in "
            "Lima to sign a trade agreement.",
            [("agreement-signing", "2025-06-17", ["Ana Lopes", "Tom Arkan"], False, None)],
        ),
        # a time ahead written as a phrase puts the event ahead
        (
            "President Ana Lopes met President Tom Arkan on Monday. She welcomed Arkan's visit "
            "to Peru in the near future.",
            [
                ("meeting", "2025-06-16", ["Ana Lopes", "Tom Arkan"], False, None),
                ("visit", None, ["Tom Arkan"], True, None),
            ],
        ),
    ],
)
def test_a_purpose_done_or_a_time_ahead(nlp, body, expected):
    assert plans(nlp, body) == expected
