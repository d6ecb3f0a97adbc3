"""Views: a readable subgraph of the merged graph, for every visual export and the viewer.

The input is the ``nx.MultiDiGraph`` of :func:`kg.graph.to_networkx` (or read back from ``graph.graphml``):
nodes carry ``label``, ``type``, ``aliases``, ``roles``, ``mentions``; edges carry ``label``,
``relation_class``, ``polarity``, ``modality``, ``weight`` (support), ``first_seen``/``last_seen``.
:func:`select` keeps what :class:`ViewOptions` asks for and returns a new graph of the same shape; with
``named_only`` the concept nodes leave the view and what a named entity said or did to them becomes its
``details`` attribute (a JSON list of strings such as ``"claim → responsibility"``).
"""
from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.errors import KGError
from kg.export.graphml import CLEAN
from kg.records import Records

CONCEPT = "Concept"
RANKS = ("degree", "pagerank")
MAX_DETAILS = 12


@dataclass(frozen=True)
class ViewOptions:
    """What a view keeps. Empty tuples and ``None`` keep everything; ``top=0`` keeps every node.

    ``since``/``until`` are ISO dates (or prefixes: ``2017``, ``2017-03``); an edge is kept when the span
    from its first to its last sighting meets the range.
    """

    types: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    polarity: str | None = None
    modalities: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    min_support: int = 1
    named_only: bool = True
    top: int = 1500
    rank: str = "degree"
    entity: str | None = None
    hops: int = 2
    keep_isolated: bool = False


#: What ``kg view``, ``kg export`` and the build's graph.html show by default: the named entities that have
#: a relation, the 1,500 with most relations among them — readable at corpus scale, everything on the demo.
DEFAULT_VIEW = ViewOptions()
#: Everything: the whole graph, concepts and isolated nodes included.
FULL_VIEW = ViewOptions(named_only=False, top=0, keep_isolated=True)


def _fold(text: str) -> str:
    """Case- and accent-blind form of a name: "Erdoğan" and "erdogan" match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def _aliases(value: object) -> list[str]:
    if isinstance(value, str) and value.startswith("["):
        try:
            names = json.loads(value)
        except ValueError:
            return [value]
        return [str(n) for n in names] if isinstance(names, list) else [value]
    return [str(value)] if value else []


def _edge_ok(d: dict[str, Any], o: ViewOptions) -> bool:
    if o.classes and (d.get("relation_class") or "") not in o.classes:
        return False
    if o.polarity and d.get("polarity") != o.polarity:
        return False
    if o.modalities and d.get("modality") not in o.modalities:
        return False
    if int(d.get("weight") or 1) < o.min_support:
        return False
    first, last = str(d.get("first_seen") or ""), str(d.get("last_seen") or "")
    if o.since or o.until:
        if not first:            # an undated edge cannot be placed in a date range
            return False
        # a prefix bound: "2017" keeps 2017-12-31 as an upper bound and 2017-01-01 as a lower one
        if o.until and first[:len(o.until)] > o.until:
            return False
        if o.since and (last or first)[:len(o.since)] < o.since:
            return False
    return True


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The node named ``name``: its id, or a label or alias that matches without regard to case or accents;
    among several, the one with most edges. Raises :class:`KGError` when none does."""
    if name in graph:
        return name
    wanted = _fold(name)
    by_label = [n for n, d in graph.nodes(data=True) if _fold(str(d.get("label", ""))) == wanted]
    matches = by_label or [n for n, d in graph.nodes(data=True)
                           if any(_fold(a) == wanted for a in _aliases(d.get("aliases")))]
    if not matches:
        raise KGError(f"no entity named {name!r} in the graph",
                      hint="names match labels and aliases, without regard to case; try `kg query --list`")
    return max(matches, key=lambda n: (graph.degree(n), str(n)))


def _details(graph: nx.MultiDiGraph, node: str, concepts: set[str], o: ViewOptions) -> list[str]:
    """What ``node`` said or did to concepts (and they to it), most supported first."""
    found: list[tuple[int, str]] = []
    for _, v, d in graph.out_edges(node, data=True):
        if v in concepts and _edge_ok(d, o):
            found.append((int(d.get("weight") or 1), f"{d.get('label', '')} → {graph.nodes[v].get('label', v)}"))
    for u, _, d in graph.in_edges(node, data=True):
        if u in concepts and _edge_ok(d, o):
            found.append((int(d.get("weight") or 1), f"{graph.nodes[u].get('label', u)} → {d.get('label', '')}"))
    found.sort(key=lambda x: (-x[0], x[1]))
    return list(dict.fromkeys(text for _, text in found))[:MAX_DETAILS]


def rank_nodes(graph: nx.MultiDiGraph, by: str = "degree") -> list[str]:
    """The nodes, most central first: PageRank over the support-weighted edges (igraph), or degree (the
    number of other entities a node is related to, then of its relations);
    ties broken by label, then id, so a view is the same on every run."""
    if by not in RANKS:
        raise KGError(f"unknown ranking {by!r}", hint="use " + " or ".join(RANKS))
    nodes = list(graph.nodes)
    if by == "degree" or graph.number_of_edges() == 0:
        # entities related to many others first (not one pair with many relations), then by relations
        score = {n: len(set(graph.predecessors(n)) | set(graph.successors(n))) + graph.degree(n) / 1e6
                 for n in nodes}
    else:
        import igraph as ig

        index = {n: i for i, n in enumerate(nodes)}
        edges = [(index[u], index[v]) for u, v in graph.edges()]
        weights = [float(d.get("weight") or 1) for _, _, d in graph.edges(data=True)]
        g = ig.Graph(n=len(nodes), edges=edges, directed=True)
        values = g.pagerank(weights=weights, directed=True)
        score = dict(zip(nodes, values))
    return sorted(nodes, key=lambda n: (-score[n], str(graph.nodes[n].get("label", n)), str(n)))


def select(graph: nx.MultiDiGraph, options: ViewOptions = DEFAULT_VIEW) -> nx.MultiDiGraph:
    """The subgraph ``options`` ask for, as a new ``nx.MultiDiGraph`` with the input's attributes."""
    o = options
    if o.rank not in RANKS:
        raise KGError(f"unknown ranking {o.rank!r}", hint="use " + " or ".join(RANKS))
    concepts = {n for n, d in graph.nodes(data=True) if d.get("type") == CONCEPT}
    keep = {n for n, d in graph.nodes(data=True)
            if (not o.types or d.get("type") in o.types) and not (o.named_only and n in concepts)}
    view = nx.MultiDiGraph()
    view.graph.update(graph.graph)
    view.add_nodes_from((n, dict(d)) for n, d in graph.nodes(data=True) if n in keep)
    view.add_edges_from((u, v, k, dict(d)) for u, v, k, d in graph.edges(keys=True, data=True)
                        if u in keep and v in keep and _edge_ok(d, o))
    centre = None
    if o.entity:
        try:
            centre = find_entity(view, o.entity)
        except KGError:
            find_entity(graph, o.entity)   # unknown anywhere: that error; else only filtered out: this one
            raise KGError(f"entity {o.entity!r} is not in this view",
                          hint="loosen the type or relation filters") from None
        near = nx.single_source_shortest_path_length(view.to_undirected(as_view=True), centre, cutoff=o.hops)
        view = _induced(view, near)
    if not o.keep_isolated:
        view.remove_nodes_from([n for n in list(view.nodes) if view.degree(n) == 0 and n != centre])
    if o.top and view.number_of_nodes() > o.top:
        ranked = rank_nodes(view, o.rank)
        chosen = set(ranked[:o.top]) | ({centre} if centre else set())
        view = _induced(view, chosen)
        if not o.keep_isolated:     # an entity whose partners all fell outside the top N says nothing here
            view.remove_nodes_from([n for n in list(view.nodes) if view.degree(n) == 0 and n != centre])
    if o.named_only and concepts:
        for n in view.nodes:
            details = _details(graph, n, concepts, o)
            if details:
                view.nodes[n]["details"] = json.dumps(details, ensure_ascii=False)
    return view


def select_records(records: Records, options: ViewOptions = DEFAULT_VIEW) -> nx.MultiDiGraph:
    """:func:`select` of the graph of ``records`` (:mod:`kg.records`), without building that graph: the same
    view, node and edge order and attributes. A view around an entity or ranked by PageRank is selected from
    the graph itself."""
    o = options
    if o.entity or o.rank != "degree":
        return select(records.graph(), o)
    nodes = records.nodes
    concepts = {row[0] for row in nodes if row[2] == CONCEPT}
    keep = {row[0] for row in nodes
            if (not o.types or row[2] in o.types) and not (o.named_only and row[0] in concepts)}
    data = records.edge_data
    filtered = bool(o.classes or o.polarity or o.modalities or o.since or o.until)

    def ok(row: tuple[Any, ...]) -> bool:   # _edge_ok of the row's data, made only when a filter reads it
        return _edge_ok(data(row), o) if filtered else int(row[8] or 1) >= o.min_support

    edges = [row for row in records.edges if row[0] in keep and row[1] in keep and ok(row)]
    alive = keep
    if not o.keep_isolated:
        alive = {row[0] for row in edges} | {row[1] for row in edges}
    if o.top and len(alive) > o.top:
        labels = {row[0]: row[1] for row in nodes if row[0] in alive}
        partners: dict[str, set[str]] = {n: set() for n in alive}
        degree = dict.fromkeys(alive, 0)
        for row in edges:
            u, v = row[0], row[1]
            partners[u].add(v)
            partners[v].add(u)
            degree[u] += 1
            degree[v] += 1
        score = {n: len(partners[n]) + degree[n] / 1e6 for n in alive}
        chosen = set(sorted(alive, key=lambda n: (-score[n], str(labels[n]), str(n)))[:o.top])
        edges = [row for row in edges if row[0] in chosen and row[1] in chosen]
        alive = chosen
        if not o.keep_isolated:   # an entity whose partners all fell outside the top N says nothing here
            alive = {row[0] for row in edges} | {row[1] for row in edges}
    view = nx.MultiDiGraph()
    view.graph[CLEAN] = True
    view.add_nodes_from((row[0], records.node_data(row)) for row in nodes if row[0] in alive)
    view.add_edges_from((row[0], row[1], row[2], data(row)) for row in edges)
    if o.named_only and concepts:
        labels = {row[0]: row[1] for row in nodes if row[0] in concepts}
        found: dict[str, list[tuple[int, str]]] = {}
        for row in records.edges:
            u, v = row[0], row[1]
            if v in concepts and u in alive and ok(row):
                found.setdefault(u, []).append((int(row[8] or 1), f"{row[3]} → {labels[v]}"))
            if u in concepts and v in alive and ok(row):
                found.setdefault(v, []).append((int(row[8] or 1), f"{labels[u]} → {row[3]}"))
        for n, texts in found.items():
            texts.sort(key=lambda x: (-x[0], x[1]))
            details = list(dict.fromkeys(text for _, text in texts))[:MAX_DETAILS]
            view.nodes[n]["details"] = json.dumps(details, ensure_ascii=False)
    return view


def _induced(graph: nx.MultiDiGraph, nodes: Collection[Any]) -> nx.MultiDiGraph:
    """The subgraph on ``nodes`` in ``graph``'s own node and edge order (``graph.subgraph`` may follow the
    order of a set, which changes from run to run, and the exports must not)."""
    keep = set(nodes)
    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    out.add_nodes_from((n, dict(d)) for n, d in graph.nodes(data=True) if n in keep)
    out.add_edges_from((u, v, k, dict(d)) for u, v, k, d in graph.edges(keys=True, data=True)
                       if u in keep and v in keep)
    return out


def describe(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Counts for a summary line: nodes, edges and nodes per type."""
    types: dict[str, int] = defaultdict(int)
    for _, d in graph.nodes(data=True):
        types[str(d.get("type") or "Entity")] += 1
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), **dict(sorted(types.items()))}
