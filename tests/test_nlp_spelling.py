"""Misspelt event words: the lemma of the word meant, by one swap or one letter too many;
real words and words too short to tell are left alone."""

from __future__ import annotations

import pytest
from mapping_support import AUG_21, event_rows

from communique.mapping.nlp.spelling import meant


@pytest.mark.parametrize(
    ("word", "noun", "lemma"),
    [
        ("recieved", False, "receive"),
        ("vistied", False, "visit"),
        ("signned", False, "sign"),
        ("arrvied", False, "arrive"),
        ("meetting", True, "meeting"),
        ("negotaition", True, "negotiation"),
        # spelt right, another word, or too short to tell
        ("received", False, None),
        ("posted", False, None),
        ("visitor", True, None),
        ("vsit", False, None),
    ],
)
def test_the_word_meant(word, noun, lemma):
    assert meant(word, noun=noun) == lemma


@pytest.mark.slow
def test_a_misspelt_verb_still_tells_its_event(nlp):
    body = "President Ana Lopes recieved Prime Minister Omar Haddad in Lima on Monday."
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-19", ["Ana Lopes", "Omar Haddad"])
    ]
