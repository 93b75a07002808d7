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
    ],
)
def test_agency_credits(body, agency):
    assert parse_dateline(body).agency == agency
