"""Where the per-article stage spends its CPU: per-article timings, the slowest articles, cost vs length.

    .venv/bin/python tests/benchmarks/profile_articles.py CORPUS [--limit N] [--docs DIR] [--slowest 15]
        [--cprofile FILE] [--top 30] [--stages]

Runs, in this process, what a build's worker runs per article after the parse (:func:`kg.resolve.analyze`,
then :func:`kg.article_graph.article_graph`) and times each article with ``time.process_time``. It prints
the totals per step, the cost per 1,000 words (overall and by length bucket: flat when the cost is linear),
the slowest articles with their length, and the exponent of a least-squares fit of log(time) on log(words)
over the articles of 500+ words (1.0 is linear; an exponent well above 1 means something grows with the
square of the article's length). ``--cprofile FILE`` also
profiles the per-article steps (not the parse) and prints the top functions by cumulative and own time.

The parse is timed as a whole (``nlp.pipe`` streams; it cannot be split per article without changing the
batching). ``--docs DIR`` keeps the parsed ``Doc``s (as :mod:`corpus_report` does), so re-running after a
change measures the per-article steps without parsing again. For a profile without cProfile's overhead
(which inflates Python calls several times), run the script under a sampling profiler, e.g.
``py-spy record -f raw -o out.txt -- .venv/bin/python tests/benchmarks/profile_articles.py ...``.
"""
from __future__ import annotations

import argparse
import cProfile
import inspect
import io
import math
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _slope(points: list[tuple[int, float]]) -> float | None:
    """Least-squares exponent b of seconds ~ a * words**b."""
    pts = [(math.log(w), math.log(s)) for w, s in points if w >= 500 and s > 0]
    if len(pts) < 3:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    var = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / var if var else None


BUCKETS = (0, 500, 1_000, 2_000, 5_000, 10_000)    # lower bounds of the length buckets, in words


def _buckets(rows: list[tuple[float, float, int, int, str]]) -> str:
    """The cost per 1,000 words (analyze + article graph) by article length: flat when the cost is linear."""
    lines = [f"{'words':>12} {'articles':>8} {'words':>9} {'analyze':>8} {'graph':>7} {'ms/1kw':>7}"]
    for low, high in zip(BUCKETS, (*BUCKETS[1:], None)):
        inside = [r for r in rows if r[2] >= low and (high is None or r[2] < high)]
        if not inside:
            continue
        words = sum(r[2] for r in inside)
        a, g = sum(r[0] for r in inside), sum(r[1] for r in inside)
        label = f"{low:,}-{high:,}" if high else f"{low:,}+"
        lines.append(f"{label:>12} {len(inside):8} {words:9,} {a:8.2f} {g:7.2f} {1e6 * (a + g) / max(words, 1):7.1f}")
    return "cost by length (CPU s):\n" + "\n".join(lines)


# (module, name) of per-article steps timed by --stages: each is looked up by its caller in that module
STAGES = (("kg.resolve", "extract_statements"), ("kg.resolve", "named_mentions"), ("kg.resolve", "article_view"),
          ("kg.resolve", "resolve_entities"), ("kg.resolve", "cluster_mentions"), ("kg.resolve", "resolve_descriptions"),
          ("kg.extract", "propositions"), ("kg.extract", "statement_from"),
          ("kg.article_graph", "article_triples"), ("kg.article_graph", "render_triples"),
          ("kg.article_graph", "_nodes"), ("kg.article_graph", "body"))


def _time_stages(totals: dict[str, float]) -> None:
    """Wrap each of :data:`STAGES` where its caller finds it, adding its CPU time (inclusive) to ``totals``."""
    import importlib

    def timed(name, fn):
        def add(started: float) -> None:
            totals[name] = totals.get(name, 0.0) + time.process_time() - started

        def generator(it):
            while True:
                t = time.process_time()
                try:
                    item = next(it)
                except StopIteration:
                    add(t)
                    return
                add(t)
                yield item

        def wrapper(*args, **kwargs):
            t = time.process_time()
            try:
                result = fn(*args, **kwargs)
            finally:
                add(t)
            return generator(result) if inspect.isgenerator(result) else result
        return wrapper

    for module, attr in STAGES:
        mod = importlib.import_module(module)
        setattr(mod, attr, timed(f"{module}.{attr}", getattr(mod, attr)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--docs", type=Path, default=None, help="folder caching parsed Docs")
    parser.add_argument("--slowest", type=int, default=15)
    parser.add_argument("--cprofile", type=Path, default=None, help="write a cProfile of the per-article steps")
    parser.add_argument("--top", type=int, default=30, help="functions listed from the profile")
    parser.add_argument("--stages", action="store_true",
                        help="time the main per-article steps (inclusive CPU seconds), without a profiler")
    args = parser.parse_args(argv)
    stage_totals: dict[str, float] = {}
    if args.stages:
        _time_stages(stage_totals)

    from corpus_report import parsed

    from kg import DEFAULT_MODEL
    from kg.article_graph import article_graph
    from kg.extract.doc_text import parsed_text
    from kg.graph import prefixes
    from kg.readers import read_paths
    from kg.resolve import analyze
    from kg.vocab import DEFAULT_BASE

    articles = [a for a in read_paths([args.corpus]) if hasattr(a, "text")][:args.limit]
    names = prefixes(DEFAULT_BASE)
    profile = cProfile.Profile() if args.cprofile else None
    rows: list[tuple[float, float, int, int, str]] = []   # analyze s, graph s, words, chars, id
    parse_started = time.process_time()
    parse_cpu = 0.0
    docs = parsed(articles, DEFAULT_MODEL, args.docs)
    while True:
        before = time.process_time()
        try:
            doc, article = next(docs)
        except StopIteration:
            parse_cpu += time.process_time() - before
            break
        parse_cpu += time.process_time() - before
        if profile:
            profile.enable()
        t0 = time.process_time()
        parsed_text(doc, article.text)      # as the worker does
        result = analyze(doc, article)
        t1 = time.process_time()
        article_graph(result, DEFAULT_BASE, names)
        t2 = time.process_time()
        if profile:
            profile.disable()
        words = sum(1 for token in doc if not token.is_space and not token.is_punct)
        rows.append((t1 - t0, t2 - t1, words, len(article.text), article.id))
    total_cpu = time.process_time() - parse_started

    analyze_s = sum(r[0] for r in rows)
    graph_s = sum(r[1] for r in rows)
    words = sum(r[2] for r in rows)
    print(f"{len(rows)} articles, {words:,} words; CPU s: parse (incl. reading cached Docs) {parse_cpu:.1f}, "
          f"analyze {analyze_s:.1f}, article graph {graph_s:.1f}, all {total_cpu:.1f}")
    print(f"per 1k words: analyze {1000 * analyze_s / max(words, 1) * 1000:.1f} ms, "
          f"article graph {1000 * graph_s / max(words, 1) * 1000:.1f} ms")
    for name, seconds in stage_totals.items():
        print(f"  {name:40} {seconds:7.1f} s")
    print(_buckets(rows))
    slope = _slope([(r[2], r[0] + r[1]) for r in rows])
    print("fit seconds ~ words^b over articles of 500+ words: b = " + (f"{slope:.2f}" if slope else "n/a"))
    print(f"\nslowest {args.slowest} (analyze + graph):")
    print(f"{'seconds':>8} {'analyze':>8} {'graph':>7} {'words':>7} {'ms/1kw':>7}  id")
    for a, g, w, _c, ident in sorted(rows, key=lambda r: -(r[0] + r[1]))[:args.slowest]:
        print(f"{a + g:8.2f} {a:8.2f} {g:7.2f} {w:7,} {1e6 * (a + g) / max(w, 1):7.1f}  {ident}")
    if profile:
        profile.dump_stats(args.cprofile)
        for key in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(key).print_stats(args.top)
            text = out.getvalue()
            print(f"\n--- by {key} ---\n" + text[text.index("   ncalls"):])
    return 0


if __name__ == "__main__":
    sys.exit(main())
