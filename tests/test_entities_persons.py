"""Persons: names found whole (particles, initials, suffixes, honorific chains), a surname or
a word of the full name the model missed clustered with it (names folded for case and
accents), and words that are no person (demonyms, the portfolios of a title)."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, JAN_30, by_kind, entities_of, facts_of

from communique.mapping.entities.cluster import fold, name_words

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("body", "person", "alternates"),
    [
        (
            "Foreign Minister Murat Nurtleu arrived. Nurtleu said the talks went well.",
            "Murat Nurtleu",
            ["Nurtleu"],
        ),
        ("President Vladimir Putin spoke. Later, Putin left.", "Vladimir Putin", ["Putin"]),
        (
            "Minister of Foreign Affairs Bùi Thanh Sơn met him. Minister Sơn said so.",
            "Bùi Thanh Sơn",
            ["Sơn"],
        ),
        (
            "Prime Minister of Iraq Mohammed Shia’ Al-Sudani came. Al-Sudani left.",
            "Mohammed Shia’ Al-Sudani",
            ["Al-Sudani"],
        ),
    ],
)
def test_a_surname_joins_the_full_name(nlp, body, person, alternates):
    persons = by_kind(facts_of(nlp, body, JAN_30), "person")
    assert list(persons) == [person]
    assert persons[person].names[1:] == alternates


def test_a_word_of_a_full_name_the_model_missed_is_that_person(nlp):
    body = (
        "President Luiz Inacio Lula da Silva met President Claudia Sheinbaum on Monday. "
        "Lula invited Sheinbaum to visit Brasilia."
    )
    facts = facts_of(nlp, body, AUG_20, dateline=False)
    lula = next(e for e in facts.entities if e.name == "Luiz Inacio Lula da Silva")
    assert lula.names == ["Luiz Inacio Lula da Silva", "Lula"] and len(lula.mentions) == 2


@pytest.mark.parametrize(("a", "b"), [("Sơn", "son"), ("Al-Sudani", "al-sudani")])
def test_fold_ignores_case_and_accents(a, b):
    assert fold(a) == b
    assert name_words(a) == [b]


# others: the other persons the body names
@pytest.mark.parametrize(
    ("body", "person", "others"),
    [
        (
            "Commission President Ursula von der Leyen held a call with Prime Minister "
            "Shigeru Ishiba.",
            "Ursula von der Leyen",
            {"Shigeru Ishiba"},
        ),
        # "Modi" alone is not found as a person: a known miss, to add to others once found
        (
            "Modi was received by President His Highness Sheikh Mohamed bin Zayed Al Nahyan.",
            "Mohamed bin Zayed Al Nahyan",
            set(),
        ),
        (
            "Argentina's Vice President Victoria Villarruel attended the dinner.",
            "Victoria Villarruel",
            set(),
        ),
    ],
)
def test_names_with_particles_and_honorifics(nlp, body, person, others):
    from communique.mapping.mentions.finder import PERSON, PLACE

    facts = facts_of(nlp, body, JAN_30)
    persons = {e.name for e in facts.entities if e.kind == PERSON}
    assert persons == {person} | others
    # no word of a name is a place, and no honorific is a person
    places = {e.name for e in facts.entities if e.kind == PLACE}
    assert not places & set(person.split())
    assert not any(p.startswith(("His ", "Emir ", "Sheikh ")) for p in persons)


# others: the other persons the body names
@pytest.mark.parametrize(
    ("body", "person", "others"),
    [
        (
            "President Ferdinand R. Marcos Jr. met the press in Manila.",
            "Ferdinand R. Marcos Jr.",
            set(),
        ),
        ("Prime Minister Sheikh Hasina met the press in Dhaka.", "Sheikh Hasina", set()),
        (
            "H.E. Mr. Kay Rala Xanana Gusmão met the press in Dili.",
            "Kay Rala Xanana Gusmão",
            set(),
        ),
        (
            "Minister Anan Rala met Princess Reema bint Bandar in Riyadh.",
            "Reema bint Bandar",
            {"Anan Rala"},
        ),
        ("The talks were chaired by Rt Hon David Lammy in London.", "David Lammy", set()),
    ],
)
def test_names_with_initials_suffixes_and_honorific_chains(nlp, body, person, others):
    persons = {e.name for e in facts_of(nlp, body, AUG_20).entities if e.kind == "person"}
    assert persons == {person} | others


def test_the_object_of_spoke_to_stays_a_person(nlp):
    body = "Foreign Minister Ali Musa spoke to Omar Saidov on Monday."
    assert set(entities_of(nlp, body, "person", AUG_20)) == {"Ali Musa", "Omar Saidov"}


def test_no_person_from_a_comma_list_of_portfolios(nlp):
    body = "Minister of Trade, Industry and Competition Parks Tau met the press on Monday."
    persons = {e.name for e in facts_of(nlp, body, AUG_20).entities if e.kind == "person"}
    assert persons == {"Parks Tau"}


def test_a_demonym_is_never_a_person(nlp):
    facts = facts_of(
        nlp, "Azerbaijani and Georgian ministers met. Kazakh officials agreed.", JAN_30
    )
    assert not by_kind(facts, "person")
