"""An encounter as a source reports it: the spokesman "according to" whom it is told takes
no part, however his title is written; and a telling that names one of the two and, for
the other, only the country that other is of ("the top Finnish diplomat's talks with Y")
is the meeting told before."""

from __future__ import annotations

import datetime as dt

import pytest
from mapping_support import event_rows

APR_6 = dt.date(2017, 4, 6)
LEDE = (
    "Finnish Foreign Minister Arne Velt met in Arden on Wednesday with his Kenyan "
    "counterpart for wide-ranging talks, the ministry said.\n\n"
)


@pytest.mark.parametrize(
    "source",
    [
        "the ministry's acting spokesman Kurt Danner",
        "the ministry’s spokesman, Kurt Danner",
        "spokesman Kurt Danner",
    ],
)
def test_the_source_of_a_report_takes_no_part(nlp, source):
    body = (
        "Foreign Minister Arne Velt met his Kenyan counterpart Paul Ostrova on Wednesday.\n\n"
        "The talks covered “the whole range of questions between the two neighbours, "
        f"from ferries to fishing,” according to {source}."
    )
    assert event_rows(nlp, body, APR_6) == [
        ("meeting", "2017-04-05", ["Arne Velt", "Paul Ostrova"]),
    ]


def test_a_meeting_told_by_one_and_the_others_country_is_the_one_told_before(nlp):
    body = (
        "US Secretary of State Rex Tallow held talks in Lima on Wednesday with his Peruvian "
        "counterpart, the State Department said.\n\nTrade and security were on the table at "
        "the top American diplomat’s meeting with Peru’s Foreign Minister Luis Vidal."
    )
    [(kind, day, names)] = event_rows(nlp, body, APR_6)
    assert (kind, day) == ("talks", "2017-04-05")
    assert {"Rex Tallow", "Luis Vidal"} <= set(names)


def test_a_meeting_of_one_of_them_and_a_third_country_is_another(nlp):
    body = LEDE + (
        "On Thursday, Kenya’s Foreign Minister Paul Ostrova held a meeting with the top "
        "Peruvian diplomat in Arden."
    )
    assert [(k, d) for k, d, _ in event_rows(nlp, body, APR_6)] == [
        ("meeting", "2017-04-05"),
        ("meeting", "2017-04-06"),
    ]
