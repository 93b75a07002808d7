"""Quotations a statement or a report carries: "X's statement said" is X's, and "it
continued" goes on with that statement; "according to the ministry's spokesman X" is X's,
not the ministry's; a quotation that opens a sentence of its own, right after a sentence
that reports someone's words, is that person's; words a person is told judging ("condemned
the “…”") in a source's report are that person's, not the source's."""

from __future__ import annotations

import pytest
from mapping_support import AUG_21, quotes_of

pytestmark = pytest.mark.slow

MEETING = "Foreign Minister Arne Velt met his Norlandian counterpart Paul Ostrova on Monday.\n\n"
FIRST = "They discussed the new ferry line and the border crossings"
SECOND = "They also discussed the fishing quotas for next year"
THIRD = "Together, the two ministers are keeping their promise to work closely"


def test_a_statement_by_its_writer_and_what_it_goes_on_saying(nlp):
    body = MEETING + (
        f"“{FIRST},” Velt's statement said.\n\n“{SECOND},” it continued.\n\n“{THIRD}.”"
    )
    assert quotes_of(nlp, body, AUG_21) == [
        (FIRST, "Arne Velt"),
        (SECOND, "Arne Velt"),
        (THIRD, "Arne Velt"),
    ]


def test_it_is_the_body_told_saying_something_last(nlp):
    body = MEETING + (
        f"“{FIRST},” Velt's statement said.\n\n"
        "The United Nations said on Tuesday that the ferry line would be safe. "
        f"“{SECOND},” it said."
    )
    assert quotes_of(nlp, body, AUG_21) == [
        (FIRST, "Arne Velt"),
        (SECOND, "United Nations"),
    ]


@pytest.mark.parametrize(
    "source",
    [
        "the ministry's acting spokesman Kurt Danner",
        "the ministry’s spokesperson Kurt Danner",
    ],
)
def test_according_to_an_office_holder_of_a_body_is_the_holder(nlp, source):
    body = MEETING + f"The agenda included “{FIRST.lower()},” according to {source}."
    assert quotes_of(nlp, body, AUG_21) == [(FIRST.lower(), "Kurt Danner")]


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        # the sentence before reports Velt's words: the quotation goes on with them
        ("Velt said that the border dispute was settled.", "Arne Velt"),
        ("Marrow told reporters the talks had gone well.", "Ilse Marrow"),
        # the sentence before tells no one's words: the quotation is no one's
        ("Velt met the press after the talks.", None),
        ("Velt arrived after a long flight, and Marrow said nothing.", None),
    ],
)
def test_a_quotation_after_a_reported_sentence(nlp, report, expected):
    body = (
        "Foreign Minister Arne Velt met Trade Minister Ilse Marrow on Monday.\n\n"
        f"{report} “{SECOND}.”"
    )
    found = quotes_of(nlp, body, AUG_21)
    assert found == ([(SECOND, expected)] if expected else [])


@pytest.mark.parametrize("verb", ["condemned", "denounced", "criticised"])
def test_words_judged_in_a_source_s_report_are_the_judges(nlp, verb):
    body = (
        "Foreign Minister Hiro Tanabe chaired the meeting on Friday. According to the "
        f"ministry, Tanabe strongly {verb} the “blockade of the port which harms every "
        "trading nation.”"
    )
    assert quotes_of(nlp, body, AUG_21) == [
        ("blockade of the port which harms every trading nation", "Hiro Tanabe")
    ]
