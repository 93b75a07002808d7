"""Read articles from seed-format text, JSON and JSON Lines files (normalised, English only)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from dateutil import parser as date_parser

from communique.mapping.article import Article
from communique.mapping.errors import InputError, LanguageError
from communique.mapping.reading.credits import byline_end, credits_start
from communique.mapping.reading.dateline import parse_dateline

log = logging.getLogger(__name__)

MAX_BYTES = 2_000_000  # a news article is a few KB; anything this big is not one
SUFFIXES = (".txt", ".json", ".jsonl")
SEED = re.compile(r"\A\s*date\s+(?P<date>\S+)\s+(?P<body>.*)\Z", re.DOTALL)

# Text normalisation. XML 1.0 forbids C0 controls (but tab, newline, CR), lone surrogates and
# U+FFFE/U+FFFF: one in a name made the RDF/XML and SPARQL XML outputs unreadable. DEL, C1
# and the other noncharacters are allowed there but discouraged, and never belong in news.
_LINE_ENDS = re.compile(r"\r\n?")
_NONCHARACTERS = "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
_DROPPED = re.compile(
    f"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef{_NONCHARACTERS}]+"
)
# Vertical tab, form feed, the separators and NEL stand for a break: between words, a space.
_BREAKS = "[\x0b\x0c\x1c-\x1f\x85]+"
_BREAK_BETWEEN_WORDS = re.compile(rf"(?<=\S){_BREAKS}(?=\S)")
_BREAK = re.compile(_BREAKS)

# Language check: the mapper reads English only; other languages gave a few empty triples.
MIN_CONFIDENCE = 0.9  # normalised probability of the top language needed to refuse a text
MIN_CONFIDENCE_SHORT = 0.99  # names and figures dominate a short text: only a sure guess
SHORT_WORDS = 20
SAMPLE_CHARS = 5000  # the verdict is settled long before; bounds the cost of huge inputs


def read_path(path: Path, *, max_bytes: int = MAX_BYTES, name: str | None = None) -> list[Article]:
    """The articles in one file; any problem raises InputError naming the file. `name`
    names its article when the input gives no url or id (default: the file's stem)."""
    if path.suffix == ".jsonl":
        articles = []
        for item in _read_jsonl_lenient(path, max_bytes, name):
            if isinstance(item, InputError):
                raise item
            articles.append(item)
        return articles
    source = str(path)
    text = _decode(_read_bytes(path, max_bytes), source)
    name = name or path.stem
    if path.suffix == ".json":
        return [parse_record(_parse_json(text, source), source, name=name)]
    return [parse_seed(text, source, name=name)]


def read_paths(
    paths: Iterable[Path], *, max_bytes: int = MAX_BYTES, name: str | None = None
) -> Iterator[Article | InputError]:
    """Every article below the given files and folders, or the error that stopped one.

    A batch goes on past a bad file: errors are yielded in place, not raised. Each article
    is named by its file's path below the folder given (`name` overrides it: `--id`).
    """
    for item in expand_named(paths):
        if isinstance(item, InputError):
            yield item
            continue
        path, found = item
        if path.suffix == ".jsonl":
            yield from _read_jsonl_lenient(path, max_bytes, name or found)
            continue
        try:
            yield from read_path(path, max_bytes=max_bytes, name=name or found)
        except InputError as exc:
            yield exc


def expand_paths(paths: Iterable[Path]) -> Iterator[Path | InputError]:
    """Files as given, folders walked in sorted order for the known suffixes."""
    for item in expand_named(paths):
        yield item if isinstance(item, InputError) else item[0]


def expand_named(paths: Iterable[Path]) -> Iterator[tuple[Path, str] | InputError]:
    """As expand_paths, each file with the name of its articles: its path below the folder
    given without the suffix (`2024/visit` for `DIR/2024/visit.txt`), or its stem."""
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
            if not found:
                yield InputError(str(path), f"no {', '.join(SUFFIXES)} files in this folder")
            for file in found:
                yield file, file.relative_to(path).with_suffix("").as_posix()
        elif path.is_file():
            yield path, path.stem
        else:
            yield InputError(str(path), "no such file or folder")


def parse_seed(text: str, source: str, *, name: str | None = None) -> Article:
    """An article in the seed format: optional space, `date YYYY-MM-DD`, space, body."""
    text = normalize_text(text)
    match = SEED.match(text)
    if not match:
        if not text.strip():
            raise InputError(source, "the file is empty")
        raise InputError(source, "no date: the text must start with 'date YYYY-MM-DD '")
    date = _parse_date(match["date"], source)
    return _article(match["body"], date, source, identifier=name)


def _article(body: str, date: dt.date, source: str, **extra: Any) -> Article:
    body = body.strip()
    if not body:
        raise InputError(source, "the article has no text")
    check_language(body, source)
    byline, credits = byline_end(body), credits_start(body)
    return Article(
        body=body,
        date=date,
        source=source,
        dateline=parse_dateline(body, byline),
        credits_start=credits if credits < len(body) else None,
        byline_end=byline,
        **extra,
    )


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(str(path), f"too large: {size} bytes (the limit is {max_bytes})")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file") from None
    except PermissionError:
        raise InputError(str(path), "permission denied") from None


def _decode(raw: bytes, source: str) -> str:
    if not raw.strip():
        raise InputError(source, "the file is empty")
    if b"\x00" in raw:
        raise InputError(source, "binary data (NUL bytes), not a text article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not UTF-8 text (byte {exc.start}: {exc.reason})") from None


def _parse_date(value: Any, source: str) -> dt.date:
    if not isinstance(value, str) or not value.strip():
        raise InputError(source, "no date: expected an ISO date such as 2024-01-30")
    try:
        return date_parser.isoparse(value.strip()).date()
    except (ValueError, OverflowError):
        reason = f"bad date {value!r}: expected an ISO date such as 2024-01-30"
        raise InputError(source, reason) from None


def _parse_json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        reason = f"broken JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        raise InputError(source, reason) from None


def _read_jsonl_lenient(
    path: Path, max_bytes: int, name: str | None = None
) -> Iterator[Article | InputError]:
    """JSON Lines where one bad line costs only that line. A line without url or id is
    named by the file's name and its line number."""
    try:
        text = _decode(_read_bytes(path, max_bytes), str(path))
    except InputError as exc:
        yield exc
        return
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{n}"
        try:
            named = f"{name or path.stem}-{n}"
            yield parse_record(_parse_json(line, source), source, name=named)
        except InputError as exc:
            yield exc


def parse_record(record: Any, source: str, *, name: str | None = None) -> Article:
    """An article from one JSON object `{"text", "date", "url"?, "id"?, "title"?,
    "source"?}`; `name` names it when it has no "id"."""
    if not isinstance(record, dict):
        raise InputError(source, "expected a JSON object with 'text' and 'date'")
    text = record.get("text")
    if isinstance(text, str):
        text = normalize_text(text)
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "missing or empty 'text'")
    if "date" not in record:
        raise InputError(source, "no date: the object needs 'date' (YYYY-MM-DD)")
    extra = {}
    fields = (("url", "url"), ("id", "identifier"), ("title", "title"), ("source", "outlet"))
    for key, field in fields:
        value = record.get(key)
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # a number names an article as well as a string
        if value is not None and not isinstance(value, str):
            raise InputError(source, f"'{key}' must be a string")
        extra[field] = (normalize_text(value).strip() if value else None) or None
    extra["identifier"] = extra["identifier"] or name
    return _article(text, _parse_date(record["date"], source), source, **extra)


def normalize_text(text: str) -> str:
    """Text as NFC with newline line ends and no control characters but tab and newline."""
    text = _DROPPED.sub("", _LINE_ENDS.sub("\n", text))
    text = _BREAK.sub("", _BREAK_BETWEEN_WORDS.sub(" ", text))
    return unicodedata.normalize("NFC", text)


def check_language(body: str, source: str) -> None:
    """Raise LanguageError when the body is confidently in a language other than English."""
    short = len(body.split(maxsplit=SHORT_WORDS)) < SHORT_WORDS
    language, confidence = _language_identifier().classify(body[:SAMPLE_CHARS])
    if language == "en" or confidence < (MIN_CONFIDENCE_SHORT if short else MIN_CONFIDENCE):
        return
    name = _language_name(language)
    reason = (
        f"the text is in {name} ({language}, confidence {confidence:.2f}), not English; "
        "only English articles can be mapped"
    )
    raise LanguageError(source, language, reason)


def _language_name(code: str) -> str:
    """The English name of an ISO 639 code ("fr" -> "French"), or the code itself."""
    import pycountry

    found = pycountry.languages.get(**{"alpha_2" if len(code) == 2 else "alpha_3": code})
    return found.name if found else code


@cache
def _language_identifier() -> Any:
    """py3langid's model, loaded on first use (about a second) and shared afterwards."""
    # Imported here: numpy and the model are only needed once an article is read.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
