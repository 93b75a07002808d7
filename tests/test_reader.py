"""The reader: seed text, JSON and JSON Lines in; Articles or InputErrors naming the file out."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from communique.mapping.errors import InputError
from communique.mapping.reading.reader import normalize_text, parse_record, read_path, read_paths


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "date", "body_start"),
    [
        (" date 2024-01-30 ASTANA – Kazakh text.", dt.date(2024, 1, 30), "ASTANA"),
        ("date 2023-04-12 Trade grew again.\n\nSecond.", dt.date(2023, 4, 12), "Trade g"),
        ("\ufeff date 2022-10-10 Islamabad: Envoys arrived.", dt.date(2022, 10, 10), "Islam"),
    ],
)
def test_seed_format(tmp_path, content, date, body_start):
    [article] = read_path(write(tmp_path, "a.txt", content))
    assert article.date == date
    assert article.body.startswith(body_start)
    assert article.source == str(tmp_path / "a.txt")


def test_dateline_is_split_from_the_content(tmp_path):
    [article] = read_path(
        write(tmp_path, "a.txt", " date 2024-01-30 ASTANA – Kazakh officials met.")
    )
    assert article.dateline is not None
    assert article.dateline.place == "ASTANA"
    assert article.content == "Kazakh officials met."
    assert article.body[article.content_start :] == article.content


def test_json_record_keeps_its_metadata(tmp_path):
    record = {
        "text": "Officials met.",
        "date": "2025-01-02",
        "url": "https://ex.org/a",
        "title": "A meeting",
        "source": "Wire",
    }
    [article] = read_path(write(tmp_path, "a.json", json.dumps(record)))
    assert (article.url, article.title, article.outlet) == ("https://ex.org/a", "A meeting", "Wire")
    assert article.date == dt.date(2025, 1, 2)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "", "empty"),
        ("blank.txt", "  \n\n ", "empty"),
        ("nodate.txt", "Officials met in Astana.", "no date"),
        ("baddate.txt", "date 2024-13-45 Officials met.", "bad date"),
        ("latin1.txt", "date 2024-01-30 Caf\xe9".encode("latin-1"), "not UTF-8"),
        ("binary.txt", b"date 2024-01-30 \x00\x01\x02", "binary"),
        ("broken.json", '{"text": "x", "date": ', "broken JSON"),
        ("list.json", "[1, 2]", "JSON object"),
        ("notext.json", '{"date": "2024-01-30"}', "'text'"),
        ("nodate.json", '{"text": "Officials met."}', "no date"),
        ("badurl.json", '{"text": "x", "date": "2024-01-30", "url": 5}', "'url'"),
        ("controls.json", '{"text": "\\u0001\\u000b\\ud800", "date": "2024-01-30"}', "'text'"),
        ("controls.txt", "date 2024-01-30 \x01\x7f\x0b\x9f", "no text"),
    ],
)
def test_bad_input_names_file_and_reason(tmp_path, name, content, reason):
    path = write(tmp_path, name, content)
    with pytest.raises(InputError) as caught:
        read_path(path)
    assert caught.value.source.startswith(str(path))
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Nurlan\x0b Temirov\x7f", "Nurlan Temirov"),  # controls beside a space: dropped
        ("Dario\x0bVenkel", "Dario Venkel"),  # a break control between words: a space
        ("Anvar\x85Tolqin\x01ov", "Anvar Tolqinov"),  # NEL (C1) breaks, SOH is dropped
        ("Ilse\x1b Marrow\x0c\x0c", "Ilse Marrow"),
        ("a\x08 memorandum\x9f", "a memorandum"),
        ("one\r\ntwo\rthree\n\tfour", "one\ntwo\nthree\n\tfour"),  # tab and newline stay
        ("Le\ud800on\ufffe Vask\U0010ffff\ufdd0", "Leon Vask"),  # surrogates, noncharacters
        ("Rene\u0301 Castellane", "Ren\u00e9 Castellane"),  # NFC
    ],
)
def test_normalize_text(raw, clean):
    assert normalize_text(raw) == clean
    assert normalize_text(clean) == clean


@pytest.mark.parametrize("suffix", [".txt", ".json", ".jsonl"])
def test_every_text_field_is_normalised(tmp_path, suffix):
    record = {
        "text": "TASHKENT \u2013 Minister Dario\x0b Venkel\x7f met Ilse\x1b Marrow.\r\nTalks.",
        "date": "2025-01-02",
        "url": "https://ex.org/a\x00",
        "title": "Venkel\x0c meets Marrow\ud800",
        "source": "Wire\x9f",
    }
    if suffix == ".txt":
        content = f"date {record['date']}\r\n{record['text']}"
    else:
        content = json.dumps(record)
    [article] = read_path(write(tmp_path, f"a{suffix}", content))
    assert article.body == "TASHKENT \u2013 Minister Dario Venkel met Ilse Marrow.\nTalks."
    assert article.dateline is not None and article.dateline.place == "TASHKENT"
    if suffix != ".txt":
        assert (article.url, article.title, article.outlet) == (
            "https://ex.org/a",
            "Venkel meets Marrow",
            "Wire",
        )


def test_a_field_of_controls_only_is_absent():
    record = {"text": "Officials met.", "date": "2025-01-02", "title": "\x01\x0b", "url": ""}
    article = parse_record(record, "x")
    assert article.title is None and article.url is None


def test_absurd_size_is_refused_before_reading(tmp_path):
    path = write(tmp_path, "big.txt", "date 2024-01-30 " + "x" * 5000)
    with pytest.raises(InputError, match="too large"):
        read_path(path, max_bytes=1000)


def test_batch_goes_on_past_bad_files_and_lines(tmp_path):
    write(tmp_path, "a.txt", "date 2024-01-30 Officials met.")
    write(tmp_path, "b.txt", "no date here")
    lines = [
        json.dumps({"text": "One.", "date": "2024-02-01"}),
        "{broken",
        json.dumps({"text": "Three.", "date": "2024-02-03"}),
    ]
    write(tmp_path, "c.jsonl", "\n".join(lines))
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    articles = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert sorted(a.body for a in articles) == ["Officials met.", "One.", "Three."]
    assert sorted(e.source for e in errors) == sorted(
        [str(tmp_path / "b.txt"), f"{tmp_path / 'c.jsonl'}:2", str(tmp_path / "missing.txt")]
    )


def test_dev_corpus_articles_all_read(dev_corpus):
    items = list(read_paths([dev_corpus / "articles"]))
    assert items and not [i for i in items if isinstance(i, InputError)]
    assert all(a.date.year >= 2000 for a in items)
