"""The `entities` command: entities of the store whose names are near each other, written
as rows of an aliases file (mapping/entities/aliases.py) for a curator to check and keep."""

from __future__ import annotations

import csv
import io
import sys
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import click

from communique.mapping.entities.aliases import ALIASES_FILE, HEADER, name_key
from communique.mapping.iris import kind_prefix
from communique.server.cli.options import base_option, data_option, store_option
from communique.server.store.terms import literal_term

KINDS = {"person": "Person", "organization": "Organization", "place": "Place"}
NEAR = 0.9  # how alike two names' keys must be (difflib's ratio) to be listed
NEAR_GIVEN = 0.8  # how alike the given names of two persons of one surname must be
# {cls}: a dip: class name, {prefix}: a literal serialized by store.terms.literal_term
NAMES_QUERY = """
PREFIX schema: <https://schema.org/>
PREFIX dip: <https://w3id.org/communique/diplomacy#>
SELECT DISTINCT ?s ?name WHERE {{
  ?s a dip:{cls} ; schema:name ?name .
  FILTER(STRSTARTS(STR(?s), {prefix}))
}}
"""


def find_near_duplicates(store, base: str) -> list[tuple[str, str, str, str, str]]:
    """(kind, name, same_as, its IRI, the survivor's IRI) for each pair of entities of one
    kind whose name keys are near: the fuller name is offered as the one to keep."""
    rows = []
    for kind, cls in KINDS.items():
        prefix = kind_prefix(base, kind)
        query = NAMES_QUERY.format(cls=cls, prefix=literal_term(prefix))
        names: dict[str, str] = {}
        for row in store.query(query):
            iri = row["s"].value
            if "--" not in iri[len(prefix) :]:  # a single name stays in its article
                names.setdefault(iri, row["name"].value)
        rows.extend(_pairs(kind, names))
    return rows


def _pairs(kind: str, names: dict[str, str]) -> list[tuple[str, str, str, str, str]]:
    # compared within blocks (a person's last word, another's first letters): a store
    # names thousands of entities, and every name against every other is too many
    blocks: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for iri, name in sorted(names.items()):
        key = name_key(kind, name)
        block = key.rsplit("-", 1)[-1][:4] if kind == "person" else key[:3]
        blocks[block].append((key, name, iri))
    out = []
    for members in blocks.values():
        for i, (key_a, name_a, iri_a) in enumerate(members):
            for key_b, name_b, iri_b in members[i + 1 :]:
                if key_a != key_b and _near(kind, key_a, key_b):
                    (lose, lose_iri), (keep, keep_iri) = sorted(
                        ((name_a, iri_a), (name_b, iri_b)), key=lambda x: (len(x[0]), x[0])
                    )
                    out.append((kind, lose, keep, lose_iri, keep_iri))
    return out


def _near(kind: str, a: str, b: str) -> bool:
    """Persons of one surname whose given names are near ("Tamsin"/"Tamsyn", not
    "Renzo"/"Renjiro") or one name's words all in the other's; other names near as a whole."""
    if kind != "person":
        return SequenceMatcher(None, a, b).ratio() >= NEAR
    words_a, words_b = a.split("-"), b.split("-")
    if words_a[-1] != words_b[-1]:
        return False
    if set(words_a) <= set(words_b) or set(words_b) <= set(words_a):
        return True
    return SequenceMatcher(None, words_a[0], words_b[0]).ratio() >= NEAR_GIVEN


@click.command("entities")
@click.option(
    "--near-duplicates",
    is_flag=True,
    required=True,
    help="List the persons, organizations and places whose names are near each other.",
)
@data_option
@store_option
@base_option
def entities_command(near_duplicates: bool, data_dir: Path, store: str | None, base: str) -> None:
    """Entities whose names are near each other, as rows of an aliases file.

    Each row (kind,name,same_as, with the two IRIs in a comment above it) offers the
    fuller name as the one to keep; copy the rows that are right into
    DATA/same-as.csv, and the next ingest of those articles merges the two (the other
    IRI then answers 301 to the one kept).
    """
    from communique.server.cli.store import open_for_command

    with open_for_command(store, data_dir, base, read_only=True) as opened:
        rows = find_near_duplicates(opened, base)
    out = io.StringIO()
    out.write(
        f"# near duplicates in {store or data_dir}: check, then keep the right ones in "
        f"{ALIASES_FILE}\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for kind, name, same_as, iri, kept in rows:
        out.write(f"# {iri} -> {kept}\n")
        writer.writerow([kind, name, same_as])
    sys.stdout.write(out.getvalue())
