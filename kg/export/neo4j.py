"""CSV files in the layout of Neo4j's bulk importer: ``neo4j-nodes.csv`` and ``neo4j-relationships.csv``.

    neo4j-admin database import full --nodes=neo4j-nodes.csv --relationships=neo4j-relationships.csv \\
        --multiline-fields=true neo4j

Headers follow ``neo4j-admin import``'s grammar: ``id:ID`` (the node id, kept as the property ``id``),
``:LABEL`` (``Entity`` and the entity type, e.g. ``Entity;Person``), typed properties (``mentions:int``,
``confidence:float``, ``first_seen:date``); relationships have ``:START_ID``, ``:END_ID`` and ``:TYPE`` (the
asserted relation in Neo4j's style, ``WILL_NOT_WORK_WITH``). An empty field is no property. ``aliases`` stays a
JSON-encoded list of names, as in the other tables (no separator character is safe inside names)."""
from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from pathlib import Path

import networkx as nx

from kg.export.graphml import sanitized

NODE_HEADER = ["id:ID", "name", "type", "aliases", "roles", "mentions:int", "articles:int", "iri", ":LABEL"]
RELATIONSHIP_HEADER = [":START_ID", ":END_ID", ":TYPE", "id", "label", "relation", "relation_class", "polarity",
                       "modality", "weight:int", "articles:int", "confidence:float", "first_seen:date",
                       "last_seen:date", "iri"]
FILES = ("neo4j-nodes.csv", "neo4j-relationships.csv")

__all__ = ["FILES", "NODE_HEADER", "RELATIONSHIP_HEADER", "generate_neo4j", "node_fields", "relationship_fields",
           "relationship_type", "write_neo4j"]


@lru_cache(maxsize=65536)
def relationship_type(label: str) -> str:
    """A relation's label as a Neo4j relationship type: upper case, words joined by ``_``.

    >>> relationship_type("will not work with"), relationship_type("be spokesman of"), relationship_type("")
    ('WILL_NOT_WORK_WITH', 'BE_SPOKESMAN_OF', 'RELATED_TO')
    """
    words = re.findall(r"\w+", label.upper())
    return "_".join(words) or "RELATED_TO"


@lru_cache(maxsize=1024)
def _label(kind: object) -> str:
    words = re.findall(r"\w+", str(kind or ""))
    name = "".join(w[:1].upper() + w[1:] for w in words)
    return "Entity" if not name or name == "Entity" else f"Entity;{name}"


def _field(value: object) -> object:
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value
    return "" if value is None else value


def node_fields(node: object, d: dict[str, object]) -> list[object]:
    """A node's row of neo4j-nodes.csv (under :data:`NODE_HEADER`)."""
    return [_field(v) for v in (node, d.get("label", ""), d.get("type", ""), d.get("aliases", ""),
                                d.get("roles", ""), d.get("mentions", ""), d.get("articles", ""),
                                d.get("iri", ""), _label(d.get("type")))]


def relationship_fields(u: object, v: object, key: object, d: dict[str, object]) -> list[object]:
    """An edge's row of neo4j-relationships.csv (under :data:`RELATIONSHIP_HEADER`)."""
    label = str(d.get("label", ""))
    return [_field(x) for x in (u, v, relationship_type(label), key, label, d.get("relation", ""),
                                d.get("relation_class", ""), d.get("polarity", ""),
                                d.get("modality", ""), d.get("weight", ""), d.get("articles", ""),
                                d.get("confidence", ""), d.get("first_seen", ""),
                                d.get("last_seen", ""), d.get("iri", ""))]


def generate_neo4j(graph: nx.MultiDiGraph) -> tuple[str, str]:
    """(nodes CSV, relationships CSV) of the view ``graph`` in ``neo4j-admin import``'s layout."""
    view = sanitized(graph)
    nodes, relationships = io.StringIO(), io.StringIO()
    writer = csv.writer(nodes, lineterminator="\n")
    writer.writerow(NODE_HEADER)
    for node, d in view.nodes(data=True):
        writer.writerow(node_fields(node, d))
    writer = csv.writer(relationships, lineterminator="\n")
    writer.writerow(RELATIONSHIP_HEADER)
    for u, v, key, d in view.edges(keys=True, data=True):
        writer.writerow(relationship_fields(u, v, key, d))
    return nodes.getvalue(), relationships.getvalue()


def write_neo4j(graph: nx.MultiDiGraph, folder: str | Path) -> list[Path]:
    """Write ``neo4j-nodes.csv`` and ``neo4j-relationships.csv`` into ``folder``; returns their paths."""
    paths = [Path(folder) / name for name in FILES]
    for path, text in zip(paths, generate_neo4j(graph)):
        path.write_text(text, encoding="utf-8")
    return paths
