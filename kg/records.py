"""The visual view as plain records: one tuple per node and per edge, in the order :func:`kg.graph.view`'s
``nx.MultiDiGraph`` iterates them, made without networkx.

A build's visual exports (GraphML, GEXF, the CSV tables, Neo4j's) and its viewer page are written from these;
:func:`kg.graph.view` builds its graph from the same values, so the two never drift. A node is
``(id, *NODE_FIELDS values)``, an edge ``(source id, target id, key, *EDGE_FIELDS values)``.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any

import networkx as nx

from kg.iri import digest, entity_iri_text
from kg.models import Entity
from kg.quads import Groups, relation_iri_text
from kg.safe_text import clean_text

NODE_FIELDS = ("label", "type", "iri", "aliases", "roles", "mentions", "articles")
EDGE_FIELDS = ("label", "relation", "relation_class", "polarity", "modality", "weight", "articles", "confidence",
               "first_seen", "last_seen", "iri")
#: the positions of text values in a node and in an edge record (ids and keys are plain ASCII by construction)
NODE_TEXT = (1, 2, 3, 4, 5)
EDGE_TEXT = (3, 4, 5, 6, 7, 11, 12, 13)
GroupKey = tuple[str, str, str]   # (subject key, asserted label, object key)
_SEPARATOR = "\n"                 # kept by clean_text: joins values checked together
_ALIASES = json.JSONEncoder(ensure_ascii=False).encode   # json.dumps(..., ensure_ascii=False), one encoder


def node_id(key: str) -> str:
    """A GraphML node id (an XML NMTOKEN) for an entity key: readable for the usual keys, and for any other
    key (spaces, symbols, characters XML cannot carry) a sanitized form plus a hash, so ids stay unique.

    >>> node_id("suhail-shaheen"), node_id("a b")
    ('e:suhail-shaheen', 'e:a-b-7dbde93504')
    """
    if _PLAIN_KEY.fullmatch(key):
        return "e:" + key.replace("/", ":")
    return "e:" + "-".join(x for x in (re.sub(r"[^A-Za-z0-9._-]+", "-", key).strip("-"), digest(key)[:10]) if x)


_PLAIN_KEY = re.compile(r"[A-Za-z0-9._/-]+")


def edge_id(subject: str, label: str, obj: str) -> str:
    """The id of the edge of the statement group ``subject label object``: the relation's name and 12 hex
    digits of the group's hash (those of ``str(statement_iri(subject, label, obj))[-12:]``)."""
    return _edge_prefix(label) + digest("\x1f".join((subject, label, obj)))[8:20]


@lru_cache(maxsize=65536)
def _edge_prefix(label: str) -> str:
    return "r:" + relation_iri_text(label).split("/")[-1] + ":"


@dataclass(frozen=True)
class Records:
    """Nodes and edges of the view in networkx's iteration order; ``groups[i]``: the statement group of
    ``edges[i]``."""

    nodes: list[tuple[Any, ...]]
    edges: list[tuple[Any, ...]]
    groups: list[GroupKey]

    def node_data(self, record: tuple[Any, ...]) -> dict[str, Any]:
        return dict(zip(NODE_FIELDS, record[1:]))

    def edge_data(self, record: tuple[Any, ...]) -> dict[str, Any]:
        return dict(zip(EDGE_FIELDS, record[3:]))

    def graph(self) -> nx.MultiDiGraph:
        """The records as :func:`kg.graph.view`'s graph: the same nodes, edges, attributes and iteration order."""
        from kg.export.graphml import CLEAN

        graph = nx.MultiDiGraph()
        graph.graph[CLEAN] = True
        graph.add_nodes_from((row[0], self.node_data(row)) for row in self.nodes)
        graph.add_edges_from((row[0], row[1], row[2], self.edge_data(row)) for row in self.edges)
        return graph


def node_rows(entities: Mapping[str, Entity], iri: Callable[[str], str]) -> list[tuple[Any, ...]]:
    """One record per entity, in the mapping's order (``iri``: an entity key's IRI)."""
    aliases = _ALIASES
    rows = [(node_id(key), e.label, e.type, iri(key), aliases(list(e.aliases)) if e.aliases else "[]",
             "; ".join(e.roles), e.mentions, len(e.articles)) for key, e in entities.items()]
    return _cleaned(rows, NODE_TEXT)


def edge_rows(groups: Groups, ids: Callable[[str], str]) -> list[tuple[GroupKey, tuple[Any, ...]]]:
    """One record per statement group, in group order (subject, label, object), each with its group's key
    (``ids``: an entity key's node id)."""
    items = sorted(groups.items.items())
    prefix, sha1, relation = _edge_prefix, hashlib.sha1, relation_iri_text
    # edge_id inline: one call less per group
    rows = [(ids(subj), ids(obj),
             prefix(label) + sha1(f"{subj}\x1f{label}\x1f{obj}".encode("utf-8", "surrogatepass")).hexdigest()[8:20],
             label, s.relation, s.relation_class or "", s.polarity, s.modality, group.count, len(group.articles),
             round(group.confidence, 3), min(group.dates) if group.dates else "",
             max(group.dates) if group.dates else "", relation(label))
            for (subj, label, obj), group in items for s in (group.first,)]
    return list(zip([key for key, _ in items], _cleaned(rows, EDGE_TEXT)))


def _cleaned(rows: list[tuple[Any, ...]], texts: tuple[int, ...]) -> list[tuple[Any, ...]]:
    """``rows`` with :func:`clean_text` applied to the values at ``texts``: all checked at once (clean_text leaves
    text without a forbidden character as it is), and record by record only when some value may need it."""
    if all(surely_clean(_SEPARATOR.join(map(itemgetter(i), rows))) for i in texts):
        return rows
    return [tuple(_clean_word(v) if i in texts else v for i, v in enumerate(row)) for row in rows]


# the UTF-8 of every character clean_text changes holds one of these: C0 controls but tab, newline and carriage
# return; ED (U+D000-U+DFFF: the surrogates, and Hangul); EF B7 (U+FDC0-U+FDFF); BF BE and BF BF (U+FFFE and
# U+FFFF of every plane, and a few other characters)
_CONTROLS = bytes(c for c in range(32) if chr(c) not in "\t\n\r")
_SUSPECTS = (b"\xed", b"\xef\xb7", b"\xbf\xbe", b"\xbf\xbf")


def surely_clean(text: str) -> bool:
    r"""Whether :func:`clean_text` surely leaves ``text`` as it is, at C speed (a pattern search over a long text
    takes ~100 ns a character): False when it may change it.

    >>> surely_clean("Erdoğan"), surely_clean("a\x00b"), surely_clean("\ufffe")
    (True, False, False)
    """
    if text.isascii():
        return len(text.encode("ascii").translate(None, _CONTROLS)) == len(text)
    data = text.encode("utf-8", "surrogatepass")
    return len(data.translate(None, _CONTROLS)) == len(data) and not any(s in data for s in _SUSPECTS)


@lru_cache(maxsize=65536)
def _clean_word(text: str) -> str:
    """:func:`clean_text` of a value, made once per value (types, relation labels and dates repeat)."""
    return clean_text(text)


def records(entities: Mapping[str, Entity], groups: Groups, *, base: str,
            iri: Callable[[str], str] | None = None) -> Records:
    """The records of :func:`kg.graph.view` of ``entities`` and ``groups`` (``iri``: an entity key's IRI, if the
    caller keeps them), in the order its graph iterates its nodes and edges (adjacency order: by source node
    in node order, then by target in the order of each pair's first edge, then by edge key)."""
    ent = iri or (lambda key: entity_iri_text(key, base))
    nodes = node_rows(entities, ent)
    ids = {key: row[0] for key, row in zip(entities, nodes)}
    rows = edge_rows(groups, ids.__getitem__)   # a key that is no entity: KeyError
    if len(set(ids.values())) == len(nodes) and len({row[:3] for _, row in rows}) == len(rows):
        # every node and edge once (the usual case): group order holds each subject's edges together (its
        # node's adjacency), in the order of their targets' first edges once stably sorted by that
        blocks: dict[str, list[tuple[GroupKey, tuple[Any, ...]]]] = {}
        for item in rows:
            block = blocks.get(item[0][0])
            if block is None:
                blocks[item[0][0]] = [item]
            else:
                block.append(item)
        for block in blocks.values():
            if len(block) > 2:   # two edges are in that order already
                first: dict[str, int] = {}
                for _, row in block:
                    first.setdefault(row[1], len(first))
                block.sort(key=lambda item: first[item[1][1]])
        ordered = [item for key in entities if (block := blocks.get(key)) for item in block]
        return Records(nodes, [row for _, row in ordered], [key for key, _ in ordered])
    at: dict[str, tuple[Any, ...]] = {}
    for row in nodes:
        at[row[0]] = row        # a node added twice keeps its first place and its last values, as networkx does
    adjacency: dict[str, dict[str, dict[str, tuple[GroupKey, tuple[Any, ...]]]]] = {}
    for key, row in rows:
        # an edge added twice under one key keeps its first place and its last values, as networkx does
        adjacency.setdefault(row[0], {}).setdefault(row[1], {})[row[2]] = (key, row)
    edges, keys = [], []
    for u in at:
        for by_key in adjacency.get(u, {}).values():
            for key, row in by_key.values():
                keys.append(key)
                edges.append(row)
    return Records(list(at.values()), edges, keys)


def in_add_order(entities: Mapping[str, Entity], groups: Groups, *, base: str,
                 iri: Callable[[str], str] | None = None
                 ) -> tuple[list[tuple[Any, ...]], Iterator[tuple[GroupKey, tuple[Any, ...]]]]:
    """The node and edge records in the order :func:`kg.graph.view` adds them to its graph."""
    ent = iri or (lambda key: entity_iri_text(key, base))
    nodes = node_rows(entities, ent)
    ids = {key: row[0] for key, row in zip(entities, nodes)}
    return nodes, iter(edge_rows(groups, lambda key: ids.get(key) or node_id(key)))
