"""A corpus-sized knowledge graph built by hand (no model): the shape of the Wikinews build (2,344 articles,
~80k entities, ~60k asserted edges, a few hub entities with thousands of statements), for query benchmarks
that must not wait for a multi-hour parse.

    .venv/bin/python -m tests.benchmarks.corpus_like /tmp/synth9     # writes graph.nq, graph.ttl there
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

from kg.graph import Fact, KnowledgeGraph, to_quads
from kg.models import Article, Entity, Evidence, Mention, Statement

TYPES = ("Person", "Organization", "Place", "Group", "Concept", "Concept", "Concept", "Concept")
RELATIONS = [("meet", "consultation"), ("attack", "assault"), ("reject", "rejection"), ("work with", "cooperation"),
             ("say", None), ("visit", "consultation"), ("support", "cooperation"), ("accuse", "disapproval"),
             ("lead", "affiliation"), ("kill", "assault"), ("sign", "cooperation"), ("win", None)]
HUBS = ["Taliban", "United States", "China", "Barack Obama", "United Nations", "Russia", "Wikinews", "Iraq"]


def corpus_like(articles: int = 2344, entities: int = 80_000, facts: int = 62_000, seed: int = 9) -> KnowledgeGraph:
    """A deterministic corpus-sized graph: hubs take ~10 % of the statements, the rest spread evenly."""
    rng = random.Random(seed)
    arts = {f"a{i:04d}": Article(id=f"a{i:04d}", text="x" * 400, title=f"Headline {i}",
                                 date=f"{2004 + i % 18}-{1 + i % 12:02d}-{1 + i % 28:02d}", url=f"https://n.example/{i}")
            for i in range(articles)}
    keys = [h.lower().replace(" ", "-") for h in HUBS] + [f"e{i:05d}" for i in range(entities - len(HUBS))]
    labels = dict(zip(keys, HUBS + [f"Entity {i}" for i in range(entities - len(HUBS))]))
    art_ids = sorted(arts)
    used: dict[str, set[str]] = {}
    out = []
    for n in range(facts):
        art = arts[art_ids[n % articles]]
        subj = keys[rng.randrange(len(HUBS))] if rng.random() < 0.1 else rng.choice(keys)
        obj = rng.choice(keys)
        if obj == subj:
            continue
        relation, klass = RELATIONS[n % len(RELATIONS)]
        polarity = "negative" if n % 17 == 0 else "positive"
        modality = ("asserted", "asserted", "reported", "planned", "possible", "conditional")[n % 6]
        start = (n * 7) % 300
        st = Statement(subject=Mention(labels[subj], start, start + 5, "Organization", is_named=True),
                       relation=relation, object=Mention(labels[obj], start + 10, start + 15, "Organization",
                                                         is_named=True),
                       surface=relation, evidence=Evidence(art.id, f"Sentence {n}.", 0, start, start + 20),
                       polarity=polarity, modality=modality, confidence=0.8, pattern="synthetic",
                       relation_class=klass)  # type: ignore[arg-type]
        out.append(Fact(subj, obj, st, art, keys[rng.randrange(len(HUBS))] if n % 5 == 0 else None))
        for k in (subj, obj):
            used.setdefault(k, set()).add(art.id)
    ents = {k: Entity(k, labels[k], TYPES[i % len(TYPES)], (labels[k].upper(),) if i < len(HUBS) else (),
                      tuple(sorted(used.get(k, {art_ids[i % articles]}))), 1 + len(used.get(k, ())))
            for i, k in enumerate(keys)}
    return KnowledgeGraph(articles=arts, entities=dict(sorted(ents.items())), facts=out)


def main(folder: str) -> None:
    from kg.export import write_nquads, write_rdf

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    data = to_quads(corpus_like())
    write_nquads(data, out / "graph.nq")
    write_rdf(data, out / "graph.ttl")
    print(f"{len(data.quads)} quads in {out}")


if __name__ == "__main__":
    main(sys.argv[1])
