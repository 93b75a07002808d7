"""Events told as called off (mapping/events/called_off.py): cancelled or put off, they are
plans not held, dated by the plan (read ahead) and not by the day they were called off, and
the graph gives them schema.org's EventCancelled, EventPostponed or EventRescheduled. An event
set off by a comma as the frame of a sentence told in the past is held, not planned."""

from __future__ import annotations

import pytest
from mapping_support import AUG_21, article_of, facts_of

from communique.mapping.pipeline import map_article
from communique.ontology.namespace import DIP, SDO

pytestmark = pytest.mark.slow


def rows(nlp, body: str) -> list[tuple]:
    """The events as sorted (kind, date, scheduled, called off, participants)."""
    return sorted(
        (
            e.kind,
            e.date.value if e.date else None,
            e.scheduled,
            e.called_off,
            sorted(p.name for p in e.participants),
        )
        for e in facts_of(nlp, body, AUG_21).events
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the day a plan was for lies ahead of the story, though told in the pluperfect
        (
            "President Lia Verro postponed a trip to Kenya that had been planned for Friday.",
            [("visit", "2024-08-23", True, "postponed", ["Lia Verro"])],
        ),
        # the day of calling off is not the event's
        (
            "President Lia Verro on Monday cancelled her visit to Japan.",
            [("visit", None, True, "cancelled", ["Lia Verro"])],
        ),
        (
            "The summit of Kenya and Uganda in Kampala was called off on Monday.",
            [("summit", None, True, "cancelled", ["Kenya", "Uganda"])],
        ),
        # nor is the day of the announcement; a noun can call it off too
        (
            "Kenya on Monday announced the postponement of the talks with Uganda.",
            [("talks", None, True, "postponed", ["Kenya", "Uganda"])],
        ),
        # the day it is put off to is its new one
        (
            "The talks between Kenya and Uganda were postponed to next month.",
            [("talks", "2024-09", True, "rescheduled", ["Kenya", "Uganda"])],
        ),
        (
            "The meeting of President Lia Verro and President Tomas Riel was put off until "
            "September 3.",
            [("meeting", "2024-09-03", True, "rescheduled", ["Lia Verro", "Tomas Riel"])],
        ),
        # its own day, told in its phrase, stays its own
        (
            "President Lia Verro cancelled Friday's meeting with President Tomas Riel.",
            [("meeting", "2024-08-23", True, "cancelled", ["Lia Verro", "Tomas Riel"])],
        ),
        # an event held is not called off
        (
            "President Lia Verro paid a visit to Kenya on Monday.",
            [("visit", "2024-08-19", False, None, ["Lia Verro"])],
        ),
    ],
)
def test_an_event_called_off_is_a_plan_not_held(nlp, body, expected):
    assert rows(nlp, body) == expected


def test_the_graph_says_how_an_event_was_called_off(nlp):
    body = (
        "President Lia Verro postponed a trip to Kenya that had been planned for Friday. "
        "She cancelled her visit to Japan. She will visit Peru next month."
    )
    graph = map_article(article_of(body, AUG_21), nlp=nlp).graph
    by_guest_country = {
        str(graph.value(host, DIP.iso3)): graph.value(event, SDO.eventStatus)
        for event in graph.subjects(DIP.host, None)
        for host in graph.objects(event, DIP.host)
    }
    assert by_guest_country == {
        "KEN": SDO.EventPostponed,
        "JPN": SDO.EventCancelled,
        "PER": SDO.EventScheduled,
    }


def test_a_frame_set_apart_after_a_plan_agreed_is_held(nlp):
    """ "agreed on Tuesday to keep talking ..., in their first meeting": the parser hangs
    the meeting on the plan, but it is the frame in which the plan was agreed."""
    body = (
        "Kenya and Uganda agreed on Tuesday to keep talking about the border and to reopen "
        "their embassies, in their first meeting in years."
    )
    assert rows(nlp, body) == [("meeting", "2024-08-20", False, None, ["Kenya", "Uganda"])]
