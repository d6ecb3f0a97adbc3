"""kg's parse path against bare ``nlp.pipe`` on the same texts, measured fairly: interleaved, both warm.

    .venv/bin/python tests/benchmarks/parse_ab.py CORPUS [--limit 100] [--block 10] [--passes 2]

One process, one loaded pipeline (the build's: :func:`kg.nlp.load_pipeline`, with kg's paragraph-break
component, as ``measure.py pipe`` uses). Both sides are warmed on the first 20 articles, then every block of
``--block`` articles is parsed by both, in alternating order (bare first on even blocks, kg first on odd
ones), so a busy machine, a cold cache or the first batches' allocations weigh on both alike. The texts are
the readers' article texts, what a build parses. Prints the CPU seconds of each side and their ratio; kg's
side is :func:`kg.nlp.parse_articles` (``nlp.pipe`` with the article as context, long texts in pieces).
Measuring one side after the other in one process (the first one pays the warm-up) or comparing runs from
different moments of a shared machine shows differences of 20 % either way that are not in the code.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=100, help="the first N articles")
    parser.add_argument("--block", type=int, default=10, help="articles per alternation")
    parser.add_argument("--passes", type=int, default=2)
    args = parser.parse_args(argv)

    from kg.nlp import load_pipeline, parse_articles
    from kg.readers import read_paths

    articles = [a for a in read_paths([args.corpus]) if hasattr(a, "text")][:args.limit]
    nlp = load_pipeline()

    def bare(block: list) -> None:
        for _ in nlp.pipe([a.text for a in block], batch_size=16):
            pass

    def kg(block: list) -> None:
        for _ in parse_articles(nlp, block, batch_size=16):
            pass

    bare(articles[:20])
    kg(articles[:20])
    seconds = {"bare nlp.pipe": 0.0, "kg parse_articles": 0.0}
    sides = [("bare nlp.pipe", bare), ("kg parse_articles", kg)]
    turn = 0
    for _ in range(args.passes):
        for i in range(0, len(articles), args.block):
            block = articles[i:i + args.block]
            for name, run in (sides if turn % 2 == 0 else sides[::-1]):
                started = time.process_time()
                run(block)
                seconds[name] += time.process_time() - started
            turn += 1
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles ({words:,} words) x {args.passes} passes, blocks of {args.block}, interleaved:")
    for name, s in seconds.items():
        print(f"  {name:18} {s:7.2f} s CPU")
    print(f"  kg / bare = {seconds['kg parse_articles'] / seconds['bare nlp.pipe']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
