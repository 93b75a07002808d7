"""The trie-shaped alternation matches what the alternation sorted longest first matches."""

import re

import pytest

from communique.mapping.nlp.alternation import trie_alternation

FORMS = ["trade", "trade and investment", "trader", "tourism", "tour", "energy", "e-commerce"]


def _sorted_alternation(forms):
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


@pytest.mark.parametrize(
    "text",
    [
        "trade and investment in tourism",
        "a trader on a tour of energy and e-commerce fairs",
        "trade, tourism; tours",
        "trade and invest",
        "nothing here",
    ],
)
def test_same_matches_as_the_sorted_alternation(text):
    ours = re.compile(rf"(?<!\w)(?:{trie_alternation(FORMS)})(?!\w)")
    theirs = re.compile(rf"(?<!\w)(?:{_sorted_alternation(FORMS)})(?!\w)")
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]


def test_the_longest_form_that_lets_the_pattern_go_on():
    pattern = re.compile(rf"(?:{trie_alternation(FORMS)}) fair")
    assert [m.group(0) for m in pattern.finditer("trade fair, trader fair")] == [
        "trade fair",
        "trader fair",
    ]


def test_fold_case_under_ignorecase_keeps_the_longest():
    forms = ["Deputy Minister", "deputy minister of state", "Minister"]
    pattern = re.compile(trie_alternation(forms, fold_case=True), re.IGNORECASE)
    assert [m.group(0) for m in pattern.finditer("DEPUTY Minister of State; minister")] == [
        "DEPUTY Minister of State",
        "minister",
    ]


def test_fold_case_keeps_a_letter_whose_lower_case_is_longer():
    pattern = re.compile(trie_alternation(["İzmir"], fold_case=True), re.IGNORECASE)
    assert [m.group(0) for m in pattern.finditer("to İzmir")] == ["İzmir"]


def test_case_sensitive_by_default():
    pattern = re.compile(trie_alternation(["Minister"]))
    assert [m.group(0) for m in pattern.finditer("minister Minister")] == ["Minister"]


def test_no_forms_match_nothing():
    assert re.compile(trie_alternation(["", *[]])).search("anything") is None
    assert trie_alternation([]) == "(?!)"


def test_special_characters_are_literal():
    pattern = re.compile(trie_alternation(["US$", "C$", "(a.b)"]))
    found = [m.group(0) for m in pattern.finditer("US$ 5, C$ 6, (a.b) axb (acb)")]
    assert found == ["US$", "C$", "(a.b)"]
