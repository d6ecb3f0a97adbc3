"""Corpus report: the highest-degree named entities of a corpus build, with type and aliases, for reading.

    .venv/bin/python tests/benchmarks/corpus_report.py ../shared/corpora/wikinews/articles.jsonl \
        --top 100 [--limit 500] [--docs /tmp/kg-docs] [--out report.tsv] [--sample 150 [--seed 11]]

Reads the articles with kg's readers, parses them with the default model (``--docs DIR`` keeps the parsed
``Doc``s in a DocBin per article text, so re-running the report after a change to resolution re-parses
nothing), analyzes and merges them exactly as ``kg build`` does, and prints one line per entity: rank,
degree, type, label, aliases, number of articles, merge rules (``--sample N`` adds N named entities drawn at
random, rank "sample": the long tail a reader meets as well). Concept nodes (article-local noun phrases)
are not ranked. The lines are for a person to read and count mistyped, duplicate and junk entities; the
script asserts nothing.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections import Counter
from pathlib import Path


def _doc_cache_path(folder: Path, text: str, model: str, pipes: list[str]) -> Path:
    key = hashlib.sha256(f"{model}|{','.join(pipes)}|{text}".encode()).hexdigest()
    return folder / key[:2] / f"{key}.spacy"


def parsed(articles, model: str, docs: Path | None):
    """Yield (doc, article), reading cached DocBins where they exist."""
    from spacy.tokens import DocBin

    from kg.nlp import load_pipeline, parse_articles

    nlp = load_pipeline(model)
    pending = []
    for article in articles:
        path = _doc_cache_path(docs, article.text, model, nlp.pipe_names) if docs else None
        if path is not None and path.exists():
            yield next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab))), article
        else:
            pending.append(article)
    for doc, article in parse_articles(nlp, pending):
        if docs is not None:
            path = _doc_cache_path(docs, article.text, model, nlp.pipe_names)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(DocBin(store_user_data=True, docs=[doc]).to_bytes())
        yield doc, article


def top_entities(kg, top: int) -> list[tuple[int, object]]:
    """(degree, entity) of the ``top`` named entities with the most edges (statements as subject/object)."""
    degree: Counter[str] = Counter()
    for fact in kg.facts:
        degree[fact.subject] += 1
        degree[fact.object] += 1
    named = [(n, kg.entities[k]) for k, n in degree.items()
             if k in kg.entities and kg.entities[k].type != "Concept" and not k.startswith("concept/")]
    return sorted(named, key=lambda p: (-p[0], p[1].key))[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    parser.add_argument("--docs", type=Path, default=None, help="folder caching parsed Docs")
    parser.add_argument("--model", default=None)
    parser.add_argument("--out", type=Path, default=None, help="also write the list as TSV")
    parser.add_argument("--sample", type=int, default=0,
                        help="also list N named entities drawn at random (seeded), degree or not")
    parser.add_argument("--seed", type=int, default=11, help="seed of the --sample draw")
    args = parser.parse_args(argv)

    from kg import DEFAULT_MODEL
    from kg.graph import merge_results
    from kg.models import Article
    from kg.readers import read_paths
    from kg.resolve import analyze

    started = time.perf_counter()
    articles = [a for a in read_paths(args.paths) if isinstance(a, Article)]
    if args.limit:
        articles = articles[:args.limit]
    results = [analyze(doc, article) for doc, article in parsed(articles, args.model or DEFAULT_MODEL, args.docs)]
    kg = merge_results(results)
    named = sum(1 for e in kg.entities.values() if e.type != "Concept")
    rows = []
    for rank, (degree, e) in enumerate(top_entities(kg, args.top), 1):
        rows.append([str(rank), str(degree), e.type, e.label.replace("\n", "\\n"), " | ".join(e.aliases)[:200]
                     .replace("\n", "\\n"), str(len(e.articles)), ",".join(e.rules)])
    if args.sample:     # the long tail a reader also meets: a seeded draw of all named entities
        pool = sorted((e for k, e in kg.entities.items() if e.type != "Concept" and not k.startswith("concept/")),
                      key=lambda e: e.key)
        drawn = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
        rows += [["sample", "-", e.type, e.label.replace("\n", "\\n"), " | ".join(e.aliases)[:200].replace(
            "\n", "\\n"), str(len(e.articles)), ",".join(e.rules)] for e in drawn]
    print(f"# {len(articles)} articles, {len(kg.entities)} nodes ({named} named, "
          f"{len(kg.entities) - named} concepts), {len(kg.facts)} statements, "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    lines = ["\t".join(["rank", "degree", "type", "label", "aliases", "articles", "rules"])]
    lines += ["\t".join(r) for r in rows]
    print("\n".join(lines))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
