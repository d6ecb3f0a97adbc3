"""GraphML export valid against the GraphML schema: scalar attributes only, XML-safe text, NMTOKEN ids.

What the readers users have need, beyond the schema:

* key ids are the attribute names (``<key id="label" …>``), since cytoscape.js' GraphML reader names
  attributes by key id; an edge attribute whose name a node attribute has too gets the id ``edge_NAME``
  (its ``attr.name`` stays NAME, which networkx, igraph and graphology use);
* the graph has an id (``id="kg"``): SocNetV loads no edges from a graph without one;
* a value that is not known (None) is left out rather than written as an empty number.

networkx (``read_graphml(..., force_multigraph=True)``), igraph and graphology read it back with names and
types intact; lists (aliases) are JSON-encoded strings.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO
from xml.sax import saxutils

import networkx as nx

from kg.export._io import emit
from kg.safe_text import clean_text

GRAPH_ID = "kg"
_RANK = {"boolean": 0, "long": 1, "double": 2, "string": 3}
CLEAN = "kg:sanitized"   # a graph attribute: every value is already a scalar XML can carry (kg.graph.view)
_MARKUP = re.compile(r"[&<>]")
_ATTR_MARKUP = re.compile(r'[&<>"\n\r\t]')


def escape(text: str) -> str:
    """:func:`xml.sax.saxutils.escape`, at C speed for the common text that needs nothing escaped."""
    return saxutils.escape(text) if _MARKUP.search(text) else text


def quoteattr(text: str) -> str:
    """:func:`xml.sax.saxutils.quoteattr` (the same bytes), fast when nothing needs escaping."""
    return saxutils.quoteattr(text) if _ATTR_MARKUP.search(text) else f'"{text}"'


def _clean(value: object) -> object:
    if isinstance(value, str):
        return clean_text(value)      # XML 1.0 forbids C0 controls and U+FFFE/U+FFFF
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return value
    raise TypeError(f"GraphML attributes must be scalars, got {type(value).__name__}: {value!r}")


def sanitized(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with every attribute a scalar and free of characters XML 1.0 forbids (the graph itself when it
    says so already: ``graph.graph[CLEAN]``)."""
    if graph.graph.get(CLEAN):
        return graph
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **{k: _clean(v) for k, v in sorted(data.items())})
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **{k: _clean(val) for k, val in sorted(data.items())})
    return out


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


_KIND_OF = {bool: "boolean", int: "long", float: "double", str: "string"}   # _kind of exactly these types


def _types(records: Iterable[dict[str, object]]) -> dict[str, str]:
    """The GraphML type of each attribute: the widest its values need (boolean < long < double < string); an
    empty string (unknown) does not vote, and an attribute that is never anything else is a string.

    The records are first told apart by their attributes' Python types alone (a C-level pass: kg's views give
    every node, and every edge, values of one type per attribute); only when an attribute's values come in more
    than one type, or one outside bool/int/float/str, is every value looked at."""
    records = list(records)
    shapes = {(tuple(data), tuple(map(type, data.values()))) for data in records}
    kinds: dict[str, set[type]] = {}
    for names, classes in shapes:
        for name, cls in zip(names, classes):
            kinds.setdefault(name, set()).add(cls)
    if all(len(found) == 1 and next(iter(found)) in _KIND_OF for found in kinds.values()):
        # one type per attribute: a string attribute is "string" whether or not its values are empty
        return {name: _KIND_OF[next(iter(found))] for name, found in kinds.items()}
    return _scan_types(records)


def _scan_types(records: Iterable[dict[str, object]]) -> dict[str, str]:
    """:func:`_types`, value by value."""
    found: dict[str, str] = {}
    empty: set[str] = set()
    for data in records:
        for name, value in data.items():
            if value is None or value == "":
                empty.add(name)
                continue
            kind = _KIND_OF.get(type(value)) or _kind(value)
            known = found.get(name)
            if known is None or known != kind and _RANK[kind] > _RANK[known]:
                found[name] = kind
    for name in empty:
        found.setdefault(name, "string")
    return found


def key_table(graph: nx.MultiDiGraph, types: tuple[dict[str, str], dict[str, str]] | None = None
              ) -> list[tuple[str, str, str, str]]:
    """The keys as (id, for, attr.name, attr.type): a key's id is its attribute name, except an edge attribute
    whose name a node attribute has too (``label``, ``iri``, ``articles``), whose id is ``edge_NAME`` (key
    ids are unique in a document; igraph ignores a shared ``for="all"`` key). ``types``: :func:`attribute_types`
    of ``graph``, if known."""
    nodes, edges = types or attribute_types(graph)
    keys = [(name, "node", name, kind) for name, kind in sorted(nodes.items())]
    keys += [(f"edge_{name}" if name in nodes else name, "edge", name, kind) for name, kind in sorted(edges.items())]
    return keys


def attribute_types(graph: nx.MultiDiGraph) -> tuple[dict[str, str], dict[str, str]]:
    """The type of each node attribute and of each edge attribute (:func:`_types`)."""
    return _types(d for _, d in graph.nodes(data=True)), _types(d for *_, d in graph.edges(keys=True, data=True))


def _text(value: object, kind: str) -> str | None:
    if isinstance(value, str) and not value and kind != "string":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and kind == "double":
        return repr(value)
    return escape(str(value))


def _data(data: dict[str, object], heads: dict[str, str], types: dict[str, str]) -> Iterator[str]:
    for name in sorted(data):
        text = _text(data[name], types[name])
        if text is not None:
            yield f'{heads[name]}{text}</data>\n'


class Layout:
    """What every node's and edge's GraphML depends on besides its own values: the key table."""

    def __init__(self, view: nx.MultiDiGraph | None = None,
                 types: tuple[dict[str, str], dict[str, str]] | None = None) -> None:
        """The layout of ``view``, or of a graph whose nodes' and edges' attribute types are ``types``."""
        if types is None:
            assert view is not None
            types = attribute_types(view)
        self.types = types
        self.keys = key_table(nx.MultiDiGraph(), self.types)
        node_ids = {name: kid for kid, scope, name, _ in self.keys if scope == "node"}
        edge_ids = {name: kid for kid, scope, name, _ in self.keys if scope == "edge"}
        types = {kid: kind for kid, _, _, kind in self.keys}
        self.node_types = {name: types[kid] for name, kid in node_ids.items()}
        self.edge_types = {name: types[kid] for name, kid in edge_ids.items()}
        self.node_heads = {name: f'      <data key="{kid}">' for name, kid in node_ids.items()}
        self.edge_heads = {name: f'      <data key="{kid}">' for name, kid in edge_ids.items()}

    def head(self) -> str:
        lines = ["<?xml version='1.0' encoding='utf-8'?>\n",
                 '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/'
                 'xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n']
        for kid, scope, name, kind in self.keys:
            lines.append(f'  <key id="{kid}" for="{scope}" attr.name={quoteattr(name)} attr.type="{kind}" />\n')
        lines.append(f'  <graph id="{GRAPH_ID}" edgedefault="directed">\n')
        return "".join(lines)

    def node(self, node: object, data: dict[str, object]) -> str:
        return "".join([f"    <node id={quoteattr(str(node))}>\n", *_data(data, self.node_heads, self.node_types),
                        "    </node>\n"])

    def edge(self, u: object, v: object, key: object, data: dict[str, object]) -> str:
        return "".join([f"    <edge id={quoteattr(str(key))} source={quoteattr(str(u))} target={quoteattr(str(v))}>\n",
                        *_data(data, self.edge_heads, self.edge_types), "    </edge>\n"])

    TAIL = "  </graph>\n</graphml>\n"


def _lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    view = sanitized(graph)
    layout = Layout(view)
    yield layout.head()
    for node, data in view.nodes(data=True):
        yield layout.node(node, data)
    for u, v, key, data in view.edges(keys=True, data=True):
        yield layout.edge(u, v, key, data)
    yield layout.TAIL


def generate_graphml(graph: nx.MultiDiGraph) -> bytes:
    """GraphML bytes of ``graph`` (see the module notes for what readers rely on)."""
    return "".join(_lines(graph)).encode("utf-8")


def write_graphml(graph: nx.MultiDiGraph, destination: str | Path | BinaryIO) -> None:
    """Write ``graph`` as GraphML to a path or an open binary file."""
    emit(generate_graphml(graph), destination)
