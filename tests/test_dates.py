"""Date expressions resolved against the article date, with their precision."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Literal
from rdflib import namespace as ns

from communique.mapping.values.dates import find_dates, resolve_date
from communique.mapping.values.dates.value import DateValue

SEED = dt.date(2024, 1, 30)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "ref", "value", "precision", "end"),
    [
        # explicit days
        ("Jan. 29", SEED, "2024-01-29", "day", None),
        # seasons give their year
        ("in the autumn", dt.date(2025, 4, 15), "2025", "year", None),
        ("in autumn", dt.date(2025, 4, 15), "2025", "year", None),
        ("in early spring", dt.date(2025, 4, 15), "2025", "year", None),
        ("next spring", dt.date(2025, 4, 15), "2026", "year", None),
        ("in the spring of 2026", dt.date(2025, 4, 15), "2026", "year", None),
        ("Jan 30", SEED, "2024-01-30", "day", None),
        ("February 5", dt.date(2024, 2, 6), "2024-02-05", "day", None),
        ("5 February", dt.date(2024, 2, 6), "2024-02-05", "day", None),
        ("the 5th of February", dt.date(2024, 2, 6), "2024-02-05", "day", None),
        ("On February 4, 2024", dt.date(2024, 2, 6), "2024-02-04", "day", None),
        ("On August 5, 2016", dt.date(2016, 8, 5), "2016-08-05", "day", None),
        ("4 February 2024", SEED, "2024-02-04", "day", None),
        ("Monday, January 29", SEED, "2024-01-29", "day", None),
        # a weekday in hurried lower case
        ("on monday", dt.date(2026, 1, 21), "2026-01-19", "day", None),
        ("2024-01-29", SEED, "2024-01-29", "day", None),
        ("Feb. 29", dt.date(2024, 3, 1), "2024-02-29", "day", None),
        # a day without a year is the nearest occurrence
        ("December 25", dt.date(2024, 1, 5), "2023-12-25", "day", None),
        ("March 5", SEED, "2024-03-05", "day", None),
        # months and years
        ("March 2021", SEED, "2021-03", "month", None),
        ("in May 2022", SEED, "2022-05", "month", None),
        ("May, 2022", SEED, "2022-05", "month", None),
        ("in 2021", SEED, "2021", "year", None),
        ("2023", SEED, "2023", "year", None),
        ("in November", dt.date(2025, 1, 14), "2024-11", "month", None),
        ("December", dt.date(2024, 1, 5), "2023-12", "month", None),
        ("in January", SEED, "2024-01", "month", None),
        ("end of January", dt.date(2024, 2, 10), "2024-01", "month", None),
        ("December last year", dt.date(2024, 4, 16), "2023-12", "month", None),
        ("in March this year", dt.date(2024, 4, 16), "2024-03", "month", None),
        ("March-April 2024", SEED, "2024-03", "month", "2024-04"),
        # periods within a year give the year, no more
        ("the 11 months of 2023", SEED, "2023", "year", None),
        ("seven months of 2023", dt.date(2023, 10, 6), "2023", "year", None),
        ("the end of 2023", dt.date(2023, 10, 6), "2023", "year", None),
        ("mid-2023", SEED, "2023", "year", None),
        ("early 2024", SEED, "2024", "year", None),
        ("the first half of 2023", SEED, "2023", "year", None),
        ("by the end of the year", dt.date(2023, 10, 6), "2023", "year", None),
        ("the current year", SEED, "2024", "year", None),
        # relative to the article date
        ("last week", SEED, "2024-01", "month", None),
        ("last week", dt.date(2024, 2, 3), "2024-01", "month", None),
        ("next week", SEED, "2024-02", "month", None),
        # (a week whose working days run into the next month is that year's; into the next
        # year, no date)
        ("this week", SEED, "2024", "year", None),
        ("next week", dt.date(2024, 8, 21), "2024-08", "month", None),
        ("this week", dt.date(2024, 1, 17), "2024-01", "month", None),
        # "earlier in the week", "later in the year": this one
        ("earlier in the week", dt.date(2024, 1, 17), "2024-01", "month", None),
        ("later in the month", dt.date(2024, 1, 17), "2024-01", "month", None),
        ("later in the year", dt.date(2024, 1, 17), "2024", "year", None),
        ("two weeks ago", dt.date(2024, 1, 17), "2024-01", "month", None),
        ("last month", SEED, "2023-12", "month", None),
        ("next month", dt.date(2024, 12, 3), "2025-01", "month", None),
        ("last year", dt.date(2023, 10, 6), "2022", "year", None),
        ("next year", SEED, "2025", "year", None),
        ("this year", SEED, "2024", "year", None),
        ("yesterday", SEED, "2024-01-29", "day", None),
        ("yesterday", dt.date(2024, 3, 1), "2024-02-29", "day", None),
        ("today", SEED, "2024-01-30", "day", None),
        ("this afternoon", dt.date(2025, 1, 14), "2025-01-14", "day", None),
        ("last evening", SEED, "2024-01-29", "day", None),
        ("last night", dt.date(2024, 3, 1), "2024-02-29", "day", None),
        ("tomorrow", SEED, "2024-01-31", "day", None),
        ("three days ago", SEED, "2024-01-27", "day", None),
        ("two weeks ago", dt.date(2024, 2, 10), "2024-01", "month", None),
        # weekdays: the latest on or before the article date, the same day included
        ("on Friday", dt.date(2024, 3, 15), "2024-03-15", "day", None),
        ("Friday", dt.date(2024, 11, 15), "2024-11-15", "day", None),
        ("on Thursday", dt.date(2024, 11, 15), "2024-11-14", "day", None),
        ("late Monday", dt.date(2024, 4, 16), "2024-04-15", "day", None),
        ("on Sunday", dt.date(2022, 10, 10), "2022-10-09", "day", None),
        ("on Sunday night", dt.date(2017, 6, 26), "2017-06-25", "day", None),
        ("on Monday", SEED, "2024-01-29", "day", None),
        ("Thursday", SEED, "2024-01-25", "day", None),
        ("last Tuesday", SEED, "2024-01-23", "day", None),
        ("next Tuesday", SEED, "2024-02-06", "day", None),
        ("this Friday", SEED, "2024-02-02", "day", None),
        # "this": the day of the article's week, though it be past
        ("this Monday", SEED, "2024-01-29", "day", None),
        # ranges
        ("October 6-7", dt.date(2022, 10, 10), "2022-10-06", "day", "2022-10-07"),
        ("on October 6-7", dt.date(2022, 10, 10), "2022-10-06", "day", "2022-10-07"),
        ("May 15-17", dt.date(2024, 5, 20), "2024-05-15", "day", "2024-05-17"),
        ("15-17 May", dt.date(2024, 5, 20), "2024-05-15", "day", "2024-05-17"),
        ("6–7 October 2022", SEED, "2022-10-06", "day", "2022-10-07"),
        ("May 30 - June 2", dt.date(2024, 6, 5), "2024-05-30", "day", "2024-06-02"),
        ("December 30 - January 2", dt.date(2024, 1, 5), "2023-12-30", "day", "2024-01-02"),
        ("2024-2026", SEED, "2024", "year", "2026"),
        ("2024–2026", SEED, "2024", "year", "2026"),
        ("for 2023-2024", SEED, "2023", "year", "2024"),
        ("2023-24", SEED, "2023", "year", "2024"),
        ("between 2021 and 2023", SEED, "2021", "year", "2023"),
        # a weekend is its Saturday and Sunday, the one nearest the article's day
        ("at the weekend", SEED, "2024-01-27", "day", "2024-01-28"),
        ("over the weekend", dt.date(2024, 2, 1), "2024-02-03", "day", "2024-02-04"),
        ("at the weekend", dt.date(2024, 1, 28), "2024-01-27", "day", "2024-01-28"),
        ("last weekend", dt.date(2024, 1, 28), "2024-01-20", "day", "2024-01-21"),
        ("next weekend", SEED, "2024-02-03", "day", "2024-02-04"),
        ("this weekend", SEED, "2024-02-03", "day", "2024-02-04"),
        # a dateline's day in capitals
        ("JUNE 3", dt.date(2025, 6, 3), "2025-06-03", "day", None),
        ("AUG 30", dt.date(2025, 8, 30), "2025-08-30", "day", None),
        ("SEPT. 12, 2024", SEED, "2024-09-12", "day", None),
    ],
)
def test_resolve_date(text, ref, value, precision, end) -> None:
    assert resolve_date(text, ref) == DateValue(value, precision, end)


@pytest.mark.parametrize(
    "text",
    [
        "in 2-3 years",
        "the near future",
        "the fall of the regime",
        "next stage",
        "soon",
        "recently",
        "the coming days",
        "the same day",
        "the previous day",
        "over the past year",
        "every year",
        "February 30",
        "2026-2024",
        "Marching",
        "Mayor",
        "",
        "the 1990s",
    ],
)
def test_unknown_is_none(text: str) -> None:
    assert resolve_date(text, SEED) is None


def test_a_week_across_the_new_year_is_no_date() -> None:
    assert resolve_date("this week", dt.date(2020, 12, 31)) is None


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("on Friday", "future", "2024-02-02"),
        ("on Friday", "past", "2024-01-26"),
        ("this Thursday", "past", "2024-01-25"),
        ("this Monday", "future", "2024-02-05"),
        ("in March", "past", "2023-03"),
        ("in March", "future", "2024-03"),
        ("in January", "future", "2024-01"),
        ("December 25", "future", "2024-12-25"),
        ("January 31", "past", "2023-01-31"),
    ],
)
def test_tense_overrides_the_nearest_rule(text, tense, value) -> None:
    found = resolve_date(text, SEED, tense=tense)
    assert found is not None and found.value == value


@pytest.mark.parametrize(
    ("value", "datatype"),
    [
        (DateValue("2024-01-29", "day"), ns.XSD.date),
        (DateValue("2021-03", "month"), ns.XSD.gYearMonth),
        (DateValue("2021", "year"), ns.XSD.gYear),
    ],
)
def test_datatype_and_literal(value: DateValue, datatype) -> None:
    assert value.datatype == datatype
    assert value.literal == Literal(value.value, datatype=datatype)
    assert value.end_literal is None


def test_range_end_literal() -> None:
    value = resolve_date("2024-2026", SEED)
    assert value.end_literal == Literal("2026", datatype=ns.XSD.gYear)


SENTENCE = (
    "Last week, Serikbayev paid a visit to Tajikistan, after talks on Jan. 29 and a state visit "
    "in March 2021; trade reached $1.3 billion in the 11 months of 2023, up 26% in 2022, "
    "with 2021 companies. Agnes May met Jan Horacek on Monday in Prague. "
    "The plan for 2024-2026 was signed, and they will meet in May."
)


def test_find_dates() -> None:
    found = [(SENTENCE[s:e], v.value, v.end) for s, e, v in find_dates(SENTENCE, SEED)]
    assert found == [
        ("Last week", "2024-01", None),
        ("Jan. 29", "2024-01-29", None),
        ("March 2021", "2021-03", None),
        ("2023", "2023", None),
        ("2022", "2022", None),
        ("Monday", "2024-01-29", None),
        ("2024-2026", "2024", "2026"),
        ("May", "2024-05", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They discussed the visit of the President in autumn.", ("in autumn", "2025")),
        ("A summit is planned for late spring.", ("for late spring", "2025")),
        ("The talks resume in early winter.", ("in early winter", "2025")),
    ],
)
def test_a_season_told_without_the(sentence, expected) -> None:
    found = [(sentence[s:e], v.value) for s, e, v in find_dates(sentence, dt.date(2025, 4, 15))]
    assert found == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade grew by 14.4 percent and 2021 companies took part.",
        "The fall in prices hurt exports.",
        "May the talks succeed, said the Mayor.",
        "The March on Washington was recalled by Jan Horacek.",
        "Trade reached $2023 million.",
        "The two sides agreed to meet in the near future.",
        "The ministers held a weekend retreat.",
        # the last night of a stay, not the night before the article
        "The delegation dined in Hue on the last night of the visit.",
    ],
)
def test_find_dates_ignores_non_dates(sentence: str) -> None:
    assert find_dates(sentence, SEED) == []


def test_find_dates_the_year_only_as_a_frame() -> None:
    text = "By the end of the year it will be 12 billion. Every year the year grows."
    found = [(text[s:e], v.value) for s, e, v in find_dates(text, dt.date(2023, 10, 6))]
    assert found == [("the year", "2023")]


def test_find_dates_the_month_only_as_a_frame() -> None:
    text = (
        "They meet at the end of the month. The month of fasting ends; the month-long fair opens."
    )
    found = [(text[s:e], v.value) for s, e, v in find_dates(text, dt.date(2023, 10, 6))]
    assert found == [("the month", "2023-10")]


def test_a_year_then_a_percentage_is_no_range() -> None:
    text = "growth from 2021 to 25 percent"
    assert [(text[s:e], v) for s, e, v in find_dates(text, SEED)] == [
        ("2021", DateValue("2021", "year"))
    ]


def test_find_dates_spans_are_exact() -> None:
    text = "He arrived on February 4, 2024, and left on October 6-7."
    for start, end, value in find_dates(text, SEED):
        assert resolve_date(text[start:end], SEED) == value


@pytest.mark.parametrize(
    ("tense", "value"), [("past", "2024-01-27"), ("future", "2024-02-03"), (None, "2024-01-27")]
)
def test_a_weekend_lies_the_way_the_tense_points(tense, value) -> None:
    assert resolve_date("at the weekend", SEED, tense=tense).value == value


def test_a_tour_from_one_day_to_another_takes_the_articles_year() -> None:
    assert resolve_date("from September 9 to 16", dt.date(2006, 9, 7)) == DateValue(
        "2006-09-09", "day", "2006-09-16"
    )


# one telling at least for every pattern, in the spellings the patterns allow
_EVERY_PATTERN = [
    "on 2024-02-05",
    "Monday, March 3-5, 2025",
    "3 to 5 of March 2025",
    "Wednesday, the 5th of February 2025",
    "Feb. 5, 2025",
    "March-April 2025",
    "March of 2025",
    "May of the last year",
    "2024/25",
    "in 2024",
    "last November",
    "in December",
    "last Sunday evening",
    "TOMORROW",
    "this afternoon",
    "during the fall of 2025",
    "winter of 2025",
    "autumn",
    "over the weekend",
    "weekend",
    "by the end of the current year",
    "at the start of The Month",
    "Next Month",
    "two weeks ago",
    "on the 4th.",
    "signed on Thurs. a memo",
]


def test_a_pattern_matches_only_where_its_needs_hold() -> None:
    """The cheap test before each pattern (NEEDS) never hides a date the pattern reads."""
    from communique.mapping.values.dates.patterns import NEEDS, PATTERNS

    unmatched = []
    for pattern, handler in PATTERNS:
        hits = [text for text in _EVERY_PATTERN if pattern.search(text)]
        if not hits:
            unmatched.append(handler.__name__)
        for text in hits:
            assert NEEDS[pattern](text, text.lower()), (handler.__name__, text)
    assert unmatched == []


@pytest.mark.parametrize(
    ("text", "tense", "value", "end"),
    [
        # under way on the article's day: this year's, though told in the future tense
        ("from September 15 to 18", "future", "2025-09-15", "2025-09-18"),
        ("September 20-22", "future", "2025-09-20", "2025-09-22"),
        ("from September 10 to 12", "future", "2026-09-10", "2026-09-12"),
        ("from September 20 to 22", "past", "2024-09-20", "2024-09-22"),
        ("December 30 to January 2", None, "2025-12-30", "2026-01-02"),
    ],
)
def test_a_range_under_way_is_not_next_years(text, tense, value, end) -> None:
    assert resolve_date(text, dt.date(2025, 9, 17), tense=tense) == DateValue(value, "day", end)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a day or a month, then the year told relative to the article's: one date
        ("They met on May 4 last year in Lima.", [("May 4 last year", "2023-05-04", "day")]),
        ("The summit is set for March next year.", [("March next year", "2025-03", "month")]),
        # two dates of their own stay two
        (
            "They met in 2019 and last year.",
            [("2019", "2019", "year"), ("last year", "2023", "year")],
        ),
    ],
)
def test_a_day_and_the_year_told_after_it_are_one_date(sentence, expected) -> None:
    found = find_dates(sentence, dt.date(2024, 8, 21))
    assert [(sentence[s:e], v.value, v.precision) for s, e, v in found] == expected


@pytest.mark.parametrize(
    ("sentence", "tense", "expected"),
    [
        # an ordinal day alone after "on": a day of the article's month or one beside it
        ("The envoys met on the 4th.", None, [("on the 4th", "2024-10-04")]),
        ("The envoys met on 4 th .", None, [("on 4 th", "2024-10-04")]),
        ("The envoys met on the 28th, and then left.", "past", [("on the 28th", "2024-09-28")]),
        ("The envoys will meet on the 2nd.", "future", [("on the 2nd", "2024-11-02")]),
        # an ordinal of something else is no date
        ("The office is on the 4th floor.", None, []),
        ("They met on the 75th anniversary of ties.", None, []),
    ],
)
def test_an_ordinal_day_alone_is_a_day_of_the_articles_month(sentence, tense, expected) -> None:
    found = find_dates(sentence, dt.date(2024, 10, 7), tense=tense)
    assert [(sentence[s:e], v.value) for s, e, v in found] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a weekday abbreviated with its point, after "on": that day
        ("The ministers on Thurs. signed a memo.", [("Thurs.", "2020-01-23")]),
        ("The ministers met on Fri. in Lima.", [("Fri.", "2020-01-17")]),
        # ... not a word that only begins like one
        ("Sun. Yat-sen Hall hosted the talks.", []),
        ("The talks were on Monetary policy.", []),
    ],
)
def test_an_abbreviated_weekday_after_on(sentence, expected) -> None:
    found = find_dates(sentence, dt.date(2020, 1, 23))
    assert [(sentence[s:e], v.value) for s, e, v in found] == expected
