"""A style said alone ("His Highness welcomed ...") and whom it stands for."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, facts_of

from communique.mapping.events.styled import style_alone, styled_before


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("His Highness welcomed the guest.", True),
        ("Her Majesty thanked the guest.", True),
        # a name or a title after it tells who
        ("His Highness Sheikh Omar welcomed the guest.", False),
        ("His Highness the Crown Prince welcomed the guest.", False),
        # no possessive: a title of address, no style of one before
        ("The Highness welcomed the guest.", False),
    ],
)
def test_style_alone(nlp, text, alone):
    doc = nlp(text)
    assert any(style_alone(t) for t in doc) is alone


def test_a_style_stands_for_the_last_named_with_the_same_style(nlp):
    body = (
        "His Highness Sheikh Omar Al Tamimi received Her Royal Highness Princess Lina Al "
        "Harbi on Monday. His Highness welcomed the guest."
    )
    facts = facts_of(nlp, body, AUG_20)
    people = [e for e in facts.entities if e.kind == "person"]
    doc = nlp(body)  # (tokenized as the mapped text: the mentions index its tokens)
    style = next(t for t in doc if style_alone(t))
    assert styled_before(style, people).name == "Omar Al Tamimi"
