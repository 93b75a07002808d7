"""How the mapping time of one long line grows with its length: a whole article's worth of
clauses joined by ", and", which the parser reads as one sentence.

    .venv/bin/python bench/bench_long_line.py [--sizes 25 50 100] [--repeat 1]

The line is the one tests/test_mapping_long_text.py maps (made-up names, varied clauses). For
each size (in kB) it prints the spaCy parse, the mapper's stages on the parsed doc, their sum
and the size of the graph. The stages should grow in proportion to the line (the hardening
issue's bound: 100 kB mapped, parse included, in under 10 s). The model, gazetteers and
schemes are loaded before any timing, as in a running process.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from communique.mapping.iris import Minter
from communique.mapping.nlp.loading import load_pipeline
from communique.mapping.pipeline import map_doc
from communique.mapping.reading.reader import parse_seed

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the line's generator lives with its test

from tests.test_mapping_long_text import long_line  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100], help="kB per line")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each size; the best counts")
    args = ap.parse_args()

    nlp = load_pipeline()
    warm = parse_seed(f" date 2025-03-12 {long_line(2_000, seed=99)}", "bench:warm-up")
    map_doc(warm, nlp(warm.content), nlp, Minter())  # model, gazetteers, cities, schemes

    print(f"{'line':>8} {'tokens':>7} {'spaCy':>8} {'stages':>8} {'total':>8} {'triples':>8}")
    first = None
    for kb in args.sizes:
        article = parse_seed(f" date 2025-03-12 {long_line(kb * 1000)}", f"bench:{kb}kB")
        parse = stages = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            doc = nlp(article.content)
            t1 = time.perf_counter()
            mapped = map_doc(article, doc, nlp, Minter())
            t2 = time.perf_counter()
            parse, stages = min(parse, t1 - t0), min(stages, t2 - t1)
        first = first or (kb, stages)
        per = stages / kb * first[0] / first[1] if first[1] else float("nan")
        print(
            f"{kb:>6}kB {len(doc):>7} {parse:>7.2f}s {stages:>7.2f}s {parse + stages:>7.2f}s"
            f" {len(mapped.graph):>8}  (stages per kB: {per:.2f}x the first size's)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
