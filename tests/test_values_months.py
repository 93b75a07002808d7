"""Month names read against the article's month: "last", "next" and "this" November."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20

from communique.mapping.values.dates import find_dates

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They met last November in Paris.", "2023-11"),
        ("They met last August in Paris.", "2023-08"),
        ("It will be held next March.", "2025-03"),
        ("It will be held next August.", "2025-08"),
        ("It ends this December.", "2024-12"),
    ],
)
def test_months_relative_to_the_article_month(text, value):
    (found,) = find_dates(text, AUG_20)
    assert found[2].value == value
