"""The reader: seed text, JSON and JSON Lines in; Articles or InputErrors naming the file out."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from communique.mapping.errors import InputError
from communique.mapping.reader import read_path, read_paths


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
        ("date 2023-04-12 For the first time.\n\nSecond.", dt.date(2023, 4, 12), "For the"),
        ("\ufeff date 2022-10-10 Islamabad: On the invitation.", dt.date(2022, 10, 10), "Islam"),
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
    ],
)
def test_bad_input_names_file_and_reason(tmp_path, name, content, reason):
    path = write(tmp_path, name, content)
    with pytest.raises(InputError) as caught:
        read_path(path)
    assert caught.value.source.startswith(str(path))
    assert reason in caught.value.reason


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
