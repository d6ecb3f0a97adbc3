"""GEXF 1.3 export for Gephi (and Gephi Lite's graphology-gexf): typed attributes, kept edge ids, and time.

Time: an edge lives from the publication day of its first supporting article to the end of the day of its
last (``start`` = first seen, ``end`` = the day after last seen: GEXF intervals are closed instants, so a
``[d, d]`` interval has no length and Gephi's timeline would never show the edge). A node lives from the
first to the last day any of its edges does; nodes and edges without dates have no interval (always there).
``first_seen``/``last_seen`` are also string attributes (YYYY-MM-DD): GEXF 1.3's ``date`` attribute type
makes networkx's reader fail, and the interval already carries the dates as dates.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from functools import lru_cache
from typing import BinaryIO
import networkx as nx

from kg.export._io import emit
from kg.export.graphml import _types, escape, quoteattr, sanitized

NAMESPACE = "http://gexf.net/1.3"
_GEXF_TYPE = {"boolean": "boolean", "long": "long", "double": "double", "string": "string"}
# written as XML attributes of <node>/<edge> themselves, not as attvalues
_NODE_OWN = {"label"}
_EDGE_OWN = {"label", "weight"}


def _day(value: object) -> dt.date | None:
    if not value:
        return None
    return _iso_day(value) if type(value) is str else _iso_day(str(value))


@lru_cache(maxsize=65536)
def _iso_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _declarations(kind: str, types: dict[str, str], own: set[str]) -> Iterator[str]:
    yield f'    <attributes class="{kind}" mode="static">\n'
    for name, gtype in sorted(types.items()):
        if name in own:
            continue
        gexf_type = _GEXF_TYPE[gtype]
        yield f"      <attribute id={quoteattr(name)} title={quoteattr(name)} type=\"{gexf_type}\" />\n"
    yield "    </attributes>\n"


def _value(value: object) -> str:
    if type(value) is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@lru_cache(maxsize=4096)
def _attvalue_head(pad: str, name: str) -> str:
    return f"{pad}  <attvalue for={quoteattr(name)} value="


def _attvalues(data: dict[str, object], own: set[str], pad: str) -> Iterator[str]:
    values = [(k, v) for k, v in sorted(data.items()) if k not in own and v != ""]
    if not values:
        return
    yield f"{pad}<attvalues>\n"
    for name, value in values:
        yield f"{_attvalue_head(pad, name)}{quoteattr(_value(value))} />\n"
    yield f"{pad}</attvalues>\n"


def _span(first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return ""
    return f' start="{first.isoformat()}" end="{(last + dt.timedelta(days=1)).isoformat()}"'


@lru_cache(maxsize=65536)
def _span_text(first: dt.date, last: dt.date) -> str:
    """:func:`_span` of two days, made once per pair (nodes share them)."""
    return _span(first, last)


class Layout:
    """What every node's and edge's GEXF depends on besides its own values: the attribute declarations (in the
    head) and the dates the edges were seen (a node's span: the first and last of its edges')."""

    def __init__(self, view: nx.MultiDiGraph | None, types: tuple[dict[str, str], dict[str, str]] | None = None,
                 *, dates: Iterable[tuple[object, object, object, object, object]] | None = None) -> None:
        """``types``: the nodes' and the edges' attribute types, if known (:class:`kg.export.graphml.Layout`);
        ``dates``: each edge's (source, target, key, first_seen, last_seen), if ``view`` is not given."""
        if types is None:
            assert view is not None
            types = (_types(d for _, d in view.nodes(data=True)), _types(d for *_, d in view.edges(keys=True, data=True)))
        self.node_types, self.edge_types = types
        if dates is None:
            assert view is not None
            dates = ((u, v, key, data.get("first_seen"), data.get("last_seen"))
                     for u, v, key, data in view.edges(keys=True, data=True))
        node_days: dict[object, list[dt.date]] = {}
        for u, v, key, first_seen, last_seen in dates:
            first, last = _day(first_seen), _day(last_seen or first_seen)
            if first and last:
                low, high = (first, last) if first <= last else (last, first)
                for node in (u, v):   # a node's span: from the earliest to the latest day of its edges'
                    days = node_days.get(node)
                    if days is None:
                        node_days[node] = [low, high]
                    else:
                        if low < days[0]:
                            days[0] = low
                        if high > days[1]:
                            days[1] = high
        self.node_days = node_days
        self.dynamic = bool(node_days)

    def head(self) -> str:
        time = ' mode="dynamic" timeformat="date" timerepresentation="interval"' if self.dynamic else ' mode="static"'
        return "".join(["<?xml version='1.0' encoding='utf-8'?>\n",
                        f'<gexf xmlns="{NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                        f'xsi:schemaLocation="{NAMESPACE} {NAMESPACE}/gexf.xsd" version="1.3">\n',
                        '  <meta>\n    <creator>kg</creator>\n    <description>knowledge graph from news articles'
                        '</description>\n  </meta>\n',
                        f'  <graph defaultedgetype="directed"{time}>\n',
                        *_declarations("node", self.node_types, _NODE_OWN),
                        *_declarations("edge", self.edge_types, _EDGE_OWN), "    <nodes>\n"])

    def span(self, node: object) -> str:
        days = self.node_days.get(node)
        return _span_text(min(days), max(days)) if days else ""

    def node(self, node: object, data: dict[str, object], span: str) -> str:
        """A node's element; ``span``: :meth:`span` of the node."""
        label = quoteattr(str(data.get("label", node)))
        return "".join([f"      <node id={quoteattr(str(node))} label={label}{span}>\n",
                        *_attvalues(data, _NODE_OWN, "        "), "      </node>\n"])

    def edge(self, u: object, v: object, key: object, data: dict[str, object]) -> str:
        weight = data.get("weight", 1)
        label = f" label={quoteattr(str(data['label']))}" if data.get("label") != "" and "label" in data else ""
        first = data.get("first_seen")
        span = _span(_day(first), _day(data.get("last_seen") or first))
        return "".join([f"      <edge id={quoteattr(str(key))} source={quoteattr(str(u))} target={quoteattr(str(v))}"
                        f"{label} weight=\"{escape(str(float(weight)))}\"{span}>\n",
                        *_attvalues(data, _EDGE_OWN, "        "), "      </edge>\n"])

    MIDDLE = "    </nodes>\n    <edges>\n"
    TAIL = "    </edges>\n  </graph>\n</gexf>\n"


def _lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    view = sanitized(graph)
    layout = Layout(view)
    yield layout.head()
    for node, data in view.nodes(data=True):
        yield layout.node(node, data, layout.span(node))
    yield layout.MIDDLE
    for u, v, key, data in view.edges(keys=True, data=True):
        yield layout.edge(u, v, key, data)
    yield layout.TAIL


def generate_gexf(graph: nx.MultiDiGraph) -> bytes:
    """GEXF 1.3 bytes of ``graph`` (see the module notes for time and attributes)."""
    return "".join(_lines(graph)).encode("utf-8")


def write_gexf(graph: nx.MultiDiGraph, destination: str | Path | BinaryIO) -> None:
    """Write ``graph`` as GEXF to a path or an open binary file."""
    emit(generate_gexf(graph), destination)
