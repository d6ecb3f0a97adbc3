"""Merge audit: seeded samples of a corpus slice's merges and resolutions, and duplicate candidates, for reading.

    .venv/bin/python tests/benchmarks/merge_audit.py ../shared/corpora/wikinews/articles.jsonl \
        --lines 601-1200 --docs /tmp/kg-docs --out /tmp/audit

Analyzes and merges the articles of the slice (lines of the input, 1-based, inclusive) exactly as ``kg build``
does (``--docs`` caches parsed ``Doc``s as in ``corpus_report.py``) and writes three files to read:

* ``OUT_a.txt``: ~100 named nodes (seeded) with two or more distinct names or a corpus-level merge rule, each
  name with a sentence it was written in: is every name the same real thing?
* ``OUT_b.txt``: ~60 pronouns and descriptions (seeded) resolved to a named node, with their sentence and
  the text before it: right, wrong, or should it have stayed unresolved?
* ``OUT_c.txt``: pairs of named nodes that may be one thing (the same last word of a person, the same words
  in another order, an acronym and a name with those initials): which are duplicates?

The script asserts nothing; the counts come from reading.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

CORPUS_RULES = {"name-variant", "corpus-surname", "corpus-surname-role", "corpus-surname-neighbourhood",
                "spelling-variant", "country-prefix", "corpus-name", "corpus-acronym", "explicit-merge"}


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` with the span marked ``[[...]]``."""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    b = min([x for x in (text.find(". ", end), text.find("\n", end)) if x >= 0] or [len(text)])
    return (text[a:start] + "[[" + text[start:end] + "]]" + text[end:b + 1]).strip()[-400:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--lines", default="", help="FIRST-LAST, 1-based and inclusive (default: all)")
    parser.add_argument("--docs", type=Path, default=None, help="folder caching parsed Docs")
    parser.add_argument("--out", type=Path, required=True, help="prefix of the three files written")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    from kg import DEFAULT_MODEL
    from kg.graph import merge_results
    from kg.models import Article
    from kg.names import normalize_name
    from kg.readers import read_paths
    from kg.resolve import analyze
    from kg.resolve.entities import initials
    from corpus_report import parsed    # beside this script (run as a file, its folder is on the path)

    articles = [a for a in read_paths(args.paths) if isinstance(a, Article)]
    if args.lines:
        first, last = (int(x) for x in args.lines.split("-"))
        articles = articles[first - 1:last]
    results = [analyze(doc, article) for doc, article in parsed(articles, DEFAULT_MODEL, args.docs)]
    kg = merge_results(results)
    by_article = {r.article.id: r for r in results}
    named = {k: e for k, e in kg.entities.items() if e.type != "Concept" and not k.startswith("concept/")}

    # (a) nodes with several names or a corpus-level merge
    pool = sorted(k for k, e in named.items()
                  if len({normalize_name(n) for n in (e.label, *e.aliases)}) >= 2 or set(e.rules) & CORPUS_RULES)
    lines = [f"# {len(pool)} of {len(named)} named nodes have several names or a corpus-level merge"]
    for i, key in enumerate(sorted(random.Random(args.seed).sample(pool, min(100, len(pool))))):
        e = kg.entities[key]
        lines.append(f"\n== A{i} {key} | {e.type} | {e.label!r} | rules={','.join(e.rules)} | "
                     f"articles={len(e.articles)} | sameAs={' '.join(e.same_as[:6])}")
        for name in (e.label, *e.aliases):
            found = next(((a, m) for a in e.articles if a in by_article
                          for m in by_article[a].mentions if m.text == name), None)
            where = _sentence(by_article[found[0]].article.text, found[1].start, found[1].end) if found else ""
            lines.append(f"   - {name!r} [{found[0] if found else ''}] {where[:300]!r}")
    Path(f"{args.out}_a.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    # (b) pronouns and descriptions resolved to a named node
    resolved = [(r, m, key) for r in results for m, key in
                ((m, dict(r.resolution).get(m.key)) for m in r.mentions)
                if key and not key.startswith("concept/") and (m.is_pronoun or not m.is_named)]
    local = {(r.article.id, e.key): e for r in results for e in r.entities}
    lines = [f"# {len(resolved)} pronouns and descriptions resolved to a named node"]
    draw = random.Random(args.seed).sample(resolved, min(60, len(resolved)))
    for i, (r, m, key) in enumerate(sorted(draw, key=lambda x: (x[0].article.id, x[1].start))):
        e = local.get((r.article.id, key))
        text = r.article.text
        cut = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start))
        lines += [f"\n== B{i} [{r.article.id}] {m.text!r} -> {e.label if e else key!r} ({e.type if e else ''}) "
                  f"rules={','.join(e.rules) if e else ''}",
                  f"   {_sentence(text, m.start, m.end)!r}", f"   before: {text[max(0, cut - 300):cut + 1]!r}"]
    Path(f"{args.out}_b.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    # (c) duplicate candidates
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, e in named.items():
        for name in (e.label, *e.aliases):
            words = normalize_name(name).replace(".", "").split()
            if not words:
                continue
            if e.type == "Person":
                groups[("surname", words[-1])].add(key)
            groups[("words", " ".join(sorted(w for w in words if w not in ("of", "the", "and", "for"))))].add(key)
            letters = initials(name) if len(words) > 1 else name.replace(".", "") if name.isupper() else ""
            if letters:
                groups[("initials", letters)].add(key)
    pairs = sorted({(kind, a, b) for (kind, _), keys in groups.items() if 1 < len(keys) < 8
                    for a in keys for b in keys if a < b})
    lines = [f"# {len(pairs)} candidate pairs"]
    for kind, a, b in pairs:
        ea, eb = kg.entities[a], kg.entities[b]
        lines.append(f"{kind}\t{a} ({ea.type}, {ea.label!r}, {len(ea.articles)} articles)\t"
                     f"{b} ({eb.type}, {eb.label!r}, {len(eb.articles)} articles)")
    Path(f"{args.out}_c.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"# {len(articles)} articles: {len(pool)} nodes with several names, {len(resolved)} resolutions, "
          f"{len(pairs)} candidate pairs -> {args.out}_[abc].txt", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
