"""News agency credits read from the dateline ("SPA --", "(EFE).-")."""

from __future__ import annotations

import pytest

from communique.mapping.reading.dateline import parse_dateline

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("body", "agency"),
    [
        ("Riyadh, April 22, 2025, SPA -- The Crown Prince received the envoy.", "SPA"),
        ("RABAT (EFE).- Morocco and Spain signed an accord.", "EFE"),
        # a month in capitals, then the agency after a comma or between slashes
        ("KARVO, SEPTEMBER 22, ZEPRESS. The minister met the envoy.", "ZEPRESS"),
        ("KARVO, AUG 30 /QNX/ - The minister met the envoy.", "QNX"),
    ],
)
def test_agency_credits(body, agency):
    assert parse_dateline(body).agency == agency
