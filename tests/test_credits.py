"""Closing credit lines of wire stories and the byline that opens one: left out of what the
mapper reads, body kept whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.mapping.reading.credits import credits_start
from communique.mapping.reading.reader import read_path

STORY = "Velorian and Ostrid ministers met on Monday."


@pytest.mark.parametrize(
    "credits",
    [
        "(Reporting by Anna Felk in Tarvo and Jon Brask in Orlin; Editing by Mia Stroud)",
        "Reporting by Anna Felk; Writing by Jon Brask; editing by Mia Stroud",
        "Additional reporting by Anna Felk in Tarvo",
        "[Compiled by Jon Brask]",
        "Associated Press writer Anna Felk in Tarvo contributed to this report.",
        "Jon Brask contributed reporting from Orlin.",
        "--With assistance from Anna Felk.",
        "--With assistance from Anna Felk.\n\n(Writing by Jon Brask; Editing by Mia Stroud)",
        "*Writing by Anna Felk",  # the asterisk some agencies mark a credit with
        "*Reporting by Anna Felk in Tarvo; writing by Jon Brask",
        "Reporter: Anna Felk\nEditor: Mia Stroud",  # labelled, a line each
        "[Editor: Jon Brask]",
        "Reporter: Anna Felk; Editor: Mia Stroud and Jon Brask",
    ],
)
def test_closing_credits_are_cut_off(credits):
    body = f"{STORY}\n\n{credits}"
    assert body[: credits_start(body)] == STORY


@pytest.mark.parametrize(
    "body",
    [
        f"{STORY}\n\nThe talks were reported by state media.",
        f'{STORY}\n\n"The reporting by some outlets was unfair," Felk said.',
        f"{STORY}\n\nEditing of the draft by the two sides ends next week.",
        f"{STORY}\n\nForeign Minister: Talks Went Well",  # a label that is no credit's
        f"{STORY}\n\nEditor: the draft is ready, Felk said.",
        "(Reporting by Anna Felk; Editing by Mia Stroud)",  # a first paragraph is the story
    ],
)
def test_story_paragraphs_are_no_credits(body):
    assert credits_start(body) == len(body)


def test_the_article_keeps_its_body_and_reads_without_credits(tmp_path: Path):
    text = f" date 2026-05-04 TARVO, May 4 (Wirenews) - {STORY}\n\n(Editing by Mia Stroud)"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    [article] = read_path(path)
    assert article.content == STORY
    assert article.body.endswith("(Editing by Mia Stroud)")


@pytest.mark.parametrize(
    ("opening", "content"),
    [
        ("By Anna Felk\n\nTARVO, May 4 (Wirenews) - ", STORY),
        ("By Anna Felk and Jon Brask, Wirenews\n\n", STORY),
        ("BY JON BRASK | Wirenews\n", STORY),
        # "By" opening a sentence of the story is no byline
        ("By Monday the two sides had agreed. ", f"By Monday the two sides had agreed. {STORY}"),
    ],
)
def test_an_opening_byline_is_left_out(tmp_path: Path, opening, content):
    path = tmp_path / "a.txt"
    path.write_text(f" date 2026-05-04 {opening}{STORY}", encoding="utf-8")
    [article] = read_path(path)
    assert article.content == content
