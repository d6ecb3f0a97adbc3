"""A self-contained HTML viewer: sigma.js + graphology (WebGL, vendored in ``assets/`` with their licences)
inlined into one page with the view's nodes, edges and evidence as JSON. No network at any time.

Positions and communities are computed here (:mod:`kg.layout`), so the page draws a settled layout at once;
it opens on an overview (the most central entities) and expands neighbourhoods on demand."""
from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from kg.evidence import Evidence
from kg.export._io import emit
from kg.export.graphml import sanitized
from kg.layout import overview
from kg.views import rank_nodes

#: Entities the page shows before any expansion; the rest of the view is a slider or a search away.
OVERVIEW_NODES = 400
_ASSETS = ("graphology.umd.min.js", "sigma.min.js")
_SLOT = re.compile(r"__(GRAPH_JSON|GRAPHOLOGY|SIGMA)__")


def _list(value: object) -> list[str]:
    """A JSON-encoded list attribute (aliases, details; see :func:`kg.graph.to_networkx`) as a list."""
    if isinstance(value, str) and value.startswith("["):
        try:
            names = json.loads(value)
        except ValueError:
            return [value]
        if isinstance(names, list):
            return [str(n) for n in names]
    return [str(value)] if value else []


def graph_data(graph: nx.MultiDiGraph, evidence: Evidence | None = None) -> dict[str, Any]:
    """What the page embeds: nodes with position, community and rank; edges with their evidence."""
    view = sanitized(graph)
    layout = overview(view)
    rank = {n: i for i, n in enumerate(rank_nodes(view, "degree"))}
    articles: dict[str, int] = {}
    article_rows: list[list[str]] = []
    nodes = []
    for n, d in view.nodes(data=True):
        x, y = layout.positions[n]
        nodes.append({"id": n, "label": str(d.get("label", n)), "type": str(d.get("type") or "Entity"),
                      "x": x, "y": y, "community": layout.communities[n], "rank": rank[n],
                      "aliases": _list(d.get("aliases")), "roles": str(d.get("roles") or ""),
                      "details": _list(d.get("details")), "mentions": int(d.get("mentions") or 0)})
    nodes.sort(key=lambda node: node["rank"])
    edges = []
    for u, v, k, d in view.edges(keys=True, data=True):
        ev = []
        if evidence is not None:
            key = (str(view.nodes[u].get("iri", "")), str(d.get("iri", "")), str(view.nodes[v].get("iri", "")))
            for sentence, article in evidence.edges.get(key, ()):
                if article not in articles:
                    articles[article] = len(article_rows)
                    # title, date, link; and the article's id, to name one that has no title
                    article_rows.append([*evidence.articles.get(article, ("", "", "")), article.rsplit("/", 1)[-1]])
                ev.append([sentence, articles[article]])
        edges.append({"id": str(k), "source": u, "target": v, "label": str(d.get("label", "")),
                      "class": str(d.get("relation_class") or ""), "polarity": str(d.get("polarity") or ""),
                      "modality": str(d.get("modality") or ""), "weight": int(d.get("weight") or 1),
                      "first": str(d.get("first_seen") or ""), "last": str(d.get("last_seen") or ""), "ev": ev})
    return {"nodes": nodes, "edges": edges, "articles": article_rows, "overview": OVERVIEW_NODES}


def graph_json(graph: nx.MultiDiGraph, evidence: Evidence | None = None) -> str:
    """The view as compact JSON, safe to embed in a <script> element."""
    text = json.dumps(graph_data(graph, evidence), ensure_ascii=False, separators=(",", ":"))
    # "</script>" or "<!--" inside a label must not end the script element
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    text = files("kg.export").joinpath("assets", name).read_text(encoding="utf-8")
    return re.sub(r"//# sourceMappingURL=\S+\s*$", "", text)   # no request for a map that is not there


def generate_html(graph: nx.MultiDiGraph, evidence: Evidence | None = None) -> bytes:
    template = files("kg.export").joinpath("assets/viewer.html").read_text(encoding="utf-8")
    slots = {"GRAPH_JSON": graph_json(graph, evidence), "GRAPHOLOGY": _asset(_ASSETS[0]), "SIGMA": _asset(_ASSETS[1])}
    return _SLOT.sub(lambda m: slots[m.group(1)], template).encode("utf-8")


def write_html(graph: nx.MultiDiGraph, destination: str | Path | BinaryIO, evidence: Evidence | None = None) -> None:
    """Write the viewer page for ``graph`` (a view: see :mod:`kg.views`) to a path or an open binary file;
    ``evidence`` (:mod:`kg.evidence`) adds each edge's sentences and articles."""
    emit(generate_html(graph, evidence), destination)
