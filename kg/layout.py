"""Positions and communities of a view, computed once in Python (igraph), so the viewer draws a layout that
has already settled instead of simulating one in the browser."""
from __future__ import annotations

import random
from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

SEED = 42


@dataclass(frozen=True)
class Overview:
    """Where each node is drawn, and the community (0 = the largest) each belongs to."""

    positions: dict[Hashable, tuple[float, float]]
    communities: dict[Hashable, int]


def overview(graph: nx.MultiDiGraph, *, seed: int = SEED) -> Overview:
    """Leiden communities (modularity, edge weights = support) and a Fruchterman-Reingold layout of
    ``graph`` treated as undirected; the same graph gives the same result on every run."""
    import igraph as ig

    nodes = list(graph.nodes)
    if not nodes:
        return Overview({}, {})
    index = {n: i for i, n in enumerate(nodes)}
    weight: dict[tuple[int, int], float] = {}
    for u, v, d in graph.edges(data=True):
        if u != v:
            pair = (min(index[u], index[v]), max(index[u], index[v]))
            weight[pair] = weight.get(pair, 0.0) + float(d.get("weight") or 1)
    pairs = sorted(weight)
    g = ig.Graph(n=len(nodes), edges=pairs, directed=False)
    g.es["weight"] = [weight[p] for p in pairs]
    ig.set_random_number_generator(random.Random(seed))
    try:
        parts = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
        coords = g.layout_fruchterman_reingold(niter=500, grid="auto") if len(nodes) > 1 else [(0.0, 0.0)]
    finally:
        ig.set_random_number_generator(random)
    ordered = sorted(range(len(parts)), key=lambda c: (-len(parts[c]), min(parts[c], default=0)))
    number = {c: i for i, c in enumerate(ordered)}
    membership = parts.membership
    return Overview({n: (round(float(coords[i][0]), 3), round(float(coords[i][1]), 3)) for n, i in index.items()},
                    {n: number[membership[i]] for n, i in index.items()})
