"""Curation: a user's aliases file maps variants of an entity's name to one canonical name,
applied at mapping, so the variants get the canonical entity's IRI and the IRI a variant
had before is kept as its `owl:sameAs` (the server answers it 301 to the survivor).

The file is CSV, `same-as.csv` in the data folder or given with `--aliases`:

    kind,name,same_as
    person,Nadim Farouk Bessaoui,Nadim Bessaoui
    organization,Ministry of External Affairs of India,Ministry of Foreign Affairs of India

`kind` is person, organization or place; lines starting with "#" are comments. Names are
compared by their key (a person's by entities/names.person_key, so every spelling of the
variant is caught; others by their slug: case, accents and punctuation aside).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from slugify import slugify

from communique.mapping.entities.names import person_key
from communique.mapping.errors import InputError

ALIASES_FILE = "same-as.csv"  # in the data folder
KINDS = ("person", "organization", "place")
HEADER = ["kind", "name", "same_as"]


@lru_cache(maxsize=65536)
def name_key(kind: str, name: str) -> str:
    """What two names of one kind must share to be one entry of the file."""
    return person_key(name) if kind == "person" else slugify(name)


@dataclass(frozen=True)
class Aliases:
    """(kind, key of a variant) -> the canonical name."""

    table: dict[tuple[str, str], str] = field(default_factory=dict)

    def canonical(self, kind: str, name: str) -> str | None:
        """The canonical name of `name` when the file maps it to another one, else None."""
        found = self.table.get((kind, name_key(kind, name)))
        return found if found and name_key(kind, found) != name_key(kind, name) else None

    def __len__(self) -> int:
        return len(self.table)


def parse_aliases(text: str, source: str) -> Aliases:
    """The aliases of a file's text; InputError naming the line of a bad row."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    if not rows or [c.strip() for c in rows[0]] != HEADER:
        raise InputError(source, f"the first row must be the header {','.join(HEADER)}")
    table: dict[tuple[str, str], str] = {}
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != 3 or row[0].strip() not in KINDS or not all(c.strip() for c in row):
            raise InputError(
                source, f"row {n}: expected {','.join(HEADER)} with kind one of {', '.join(KINDS)}"
            )
        kind, name, same_as = (c.strip() for c in row)
        # a chain (a -> b, b -> c) ends at its last name
        table[(kind, name_key(kind, name))] = same_as
    for key, target in list(table.items()):
        seen = {key}
        while (nxt := (key[0], name_key(key[0], target))) in table and nxt not in seen:
            seen.add(nxt)
            target = table[nxt]
        table[key] = target
    return Aliases(table)


def read_aliases(path: Path) -> Aliases:
    """The aliases file at `path`; InputError when it cannot be read or parsed."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the aliases file ({exc.strerror})") from None
    return parse_aliases(text, str(path))
