"""Positions and communities of a view, computed once in Python (igraph), so the viewer draws a layout that
has already settled instead of simulating one in the browser."""
from __future__ import annotations

import math
import random
from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

SEED = 42
BIG = 1.8


@dataclass(frozen=True)
class Overview:
    """Where each node is drawn, and the community (0 = the largest) each belongs to."""

    positions: dict[Hashable, tuple[float, float]]
    communities: dict[Hashable, int]


def overview(graph: nx.MultiDiGraph, *, seed: int = SEED) -> Overview:
    """Leiden communities (modularity, edge weights = support) and a layout of ``graph`` treated as
    undirected: each connected component laid out by Fruchterman-Reingold (edges inside a community pull
    harder, so communities show as clusters), the largest on top and the smaller ones packed in rows under
    it, each in an area in proportion to its size. The same graph gives the same result on every run."""
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
        membership = parts.membership
        g.es["pull"] = [(1.0 + math.log(weight[p])) * (3.0 if membership[p[0]] == membership[p[1]] else 1.0)
                        for p in pairs]
        coords = _packed(g)
    finally:
        ig.set_random_number_generator(random)
    ordered = sorted(range(len(parts)), key=lambda c: (-len(parts[c]), min(parts[c], default=0)))
    number = {c: i for i, c in enumerate(ordered)}
    return Overview({n: (round(coords[i][0], 3), round(coords[i][1], 3)) for n, i in index.items()},
                    {n: number[membership[i]] for n, i in index.items()})


def _component_layout(sub: object) -> list[tuple[float, float]]:
    """Positions of one connected component, centred on 0 and scaled to a radius of sqrt(size)."""
    size = sub.vcount()  # type: ignore[attr-defined]
    if size == 1:
        return [(0.0, 0.0)]
    if size == 2:
        raw = [(-1.0, 0.0), (1.0, 0.0)]
    else:   # Fruchterman-Reingold only: igraph's DrL allocates ~630 MB of density grid whatever the graph's size
        raw = [tuple(p) for p in sub.layout_fruchterman_reingold(  # type: ignore[attr-defined]
            weights="pull", niter=500, grid="auto")]
    cx, cy = sum(p[0] for p in raw) / size, sum(p[1] for p in raw) / size
    radius = max(math.hypot(x - cx, y - cy) for x, y in raw) or 1.0
    scale = math.sqrt(size) / radius
    return [((x - cx) * scale, (y - cy) * scale) for x, y in raw]


def _packed(g: object) -> list[tuple[float, float]]:
    """Every component laid out on its own: the largest at the top, the others in rows beneath it."""
    components = sorted((list(c) for c in g.connected_components()),  # type: ignore[attr-defined]
                        key=lambda c: (-len(c), c[0]))
    coords: list[tuple[float, float]] = [(0.0, 0.0)] * g.vcount()  # type: ignore[attr-defined]
    laid = [(c, _component_layout(g.subgraph(c))) for c in components]  # type: ignore[attr-defined]
    # the largest component (most of a corpus view) gets more room than its share: its hubs are dense
    laid[0] = (laid[0][0], [(x * BIG, y * BIG) for x, y in laid[0][1]])
    gap = 3.0
    first_r = BIG * math.sqrt(len(laid[0][0]))
    area = sum((2 * math.sqrt(len(c)) + gap) ** 2 for c, _ in laid)
    width = max(2 * first_r, math.sqrt(area))
    x = -width / 2
    y = -first_r - gap        # below the largest component (graph y grows upwards)
    row = 0.0
    for k, (members, pos) in enumerate(laid):
        if k == 0:
            offset = (0.0, 0.0)
        else:
            r = math.sqrt(len(members))
            if x + 2 * r > width / 2 and x > -width / 2:
                x, y, row = -width / 2, y - row - gap, 0.0
            offset = (x + r, y - r)
            x += 2 * r + gap
            row = max(row, 2 * r)
        for v, (px, py) in zip(members, pos):
            coords[v] = (px + offset[0], py + offset[1])
    return coords
