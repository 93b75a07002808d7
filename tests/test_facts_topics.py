"""Topics: areas of cooperation discussed, specific ones rather than their broader concept, none
from the words of an office's name, and ambiguous words only in a cooperation context."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, JAN_30, facts_of, topic_keys

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("body", "topics"),
    [
        (
            "President Sadyr Japarov met Minister Murat Nurtleu. They discussed trade, "
            "economic and "
            "investment ties, energy and water resources.",
            {"trade", "economy", "investment", "energy", "water"},
        ),
        (
            "President Sadyr Japarov met Minister Murat Nurtleu. They discussed political, "
            "trade-economic, and "
            "cultural-humanitarian spheres.",
            {"politics", "trade", "economy", "culture", "humanitarian"},
        ),
        (
            "President Sadyr Japarov met Minister Murat Nurtleu, the press service said. They "
            "discussed the "
            "development of the regional situation.",
            set(),
        ),
    ],
)
def test_topics(nlp, body, topics):
    facts = facts_of(nlp, body, JAN_30)
    found = topic_keys(facts)
    assert found == topics


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        (
            "President Ali Hassan met President John Mwale on Monday to discuss cooperation in "
            "electricity, railway and maritime security.",
            {"electricity", "railway", "maritime security"},
            {"energy", "transport", "security"},
        ),
        (
            "President Ali Hassan met the defence ministers of Kenya on Monday to discuss trade.",
            {"trade"},
            {"defence"},
        ),
        (
            "Minister of Trade, Industry and Competition Parks Tau met President John Mwale "
            "on Monday to discuss tourism.",
            {"tourism"},
            {"trade", "industry"},
        ),
        (
            "President Ali Hassan met President John Mwale on Monday to discuss semiconductors, "
            "fisheries, pharmaceuticals and refugees.",
            {"semiconductors", "fisheries", "pharmaceuticals", "refugees"},
            {"industry"},
        ),
        # heritage and a port named in passing are no areas of cooperation
        (
            "President Ali Hassan showed President John Mwale the rich cultural heritage of the "
            "old port on Monday.",
            set(),
            {"heritage", "ports"},
        ),
    ],
)
def test_specific_topics_and_none_from_offices(nlp, body, present, absent):
    facts = facts_of(nlp, body, AUG_20)
    labels = {c.label for topics in facts.topics.values() for c in topics}
    assert labels == present
    assert not absent & labels


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        (
            "The ceremony was held in the border town. Young people waved flags.",
            set(),
            {"border", "youth"},
        ),
        (
            "President Ali Hassan and President John Mwale discussed cooperation in customs "
            "and border management.",
            {"customs", "border"},
            set(),
        ),
    ],
)
def test_ambiguous_topics_need_a_cooperation_context(nlp, body, present, absent):
    facts = facts_of(nlp, body, JAN_30)
    found = topic_keys(facts)
    assert found == present and not absent & found
