"""Rewrite the golden graph of the seed article after a deliberate change of the mapper's
output; the golden test only ever reads it. Needs the dev corpus (../shared/corpus/dev).

    python tests/regen_golden.py [DEV_CORPUS]
"""

from __future__ import annotations

import sys
from pathlib import Path

from communique.mapping.pipeline import map_article
from communique.mapping.reading.reader import read_path

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "data" / "golden" / "000_seed.ttl"
BASE = "http://localhost:5000/"


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else HERE.parent.parent / "shared" / "corpus" / "dev"
    (article,) = read_path(corpus / "articles" / "000_seed.txt")
    graph = map_article(article, base=BASE).graph
    GOLDEN.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    print(f"wrote {GOLDEN} ({len(graph)} triples)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
