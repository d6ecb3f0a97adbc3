"""Turtle and N-Triples through Oxigraph: sorted, blank-node-free, byte-identical across reruns.

``graph.ttl`` is the union of every named graph (each triple once).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph

from kg.export._io import emit
from kg.graph import PREFIXES, RDFData

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
_KNOWN = set(PREFIXES) | {"ent", "art", "stmt", "edge", "graph"}


# a string literal (skipped), an IRI (skipped), or a prefixed name; a name holding a backslash escape is written
# again as a full IRI
_TOKEN = re.compile(r'("""(?:[^"\\]|\\.|"(?!""))*"""|"(?:[^"\\\n]|\\.)*"|<[^>\s]*>)'
                    r'|(?<![\w\\])([A-Za-z][\w.-]*)?:((?:[\w\-:%]|\\.|\.+(?=[\w\-:%\\]))+)')
_ESCAPE = re.compile(r"\\(.)")
_BACKSLASH_LINE = re.compile(rb"^[^\n\\]*\\[^\n]*", re.MULTILINE)   # a line holding a backslash


def _unescaped(m: re.Match[str]) -> str:
    return m.group(1)
# only a prefixed name holding an escape (for lines without literals, where nothing else can hold a backslash:
# Oxigraph writes no backslash inside an IRI)
_ESCAPED_NAME = re.compile(r'(?<![\w\\])([A-Za-z][\w.-]*)?:((?:[\w\-:%]|\.+(?=[\w\-:%\\]))*\\.'
                           r'(?:[\w\-:%]|\\.|\.+(?=[\w\-:%\\]))*)')


def without_escaped_names(text: bytes, prefixes: Mapping[str, str]) -> bytes:
    """Turtle/TriG ``text`` with every prefixed name that needs a backslash escape (``graph:article\\/x``)
    written as a full IRI (``<https://example.org/kg/graph/article/x>``): valid Turtle either way, but
    some stores (Virtuoso) keep the backslash in the IRI.

    >>> without_escaped_names(b'ex:a\\/b ex:p "ex:c\\\\/d" .', {"ex": "http://x/"})
    b'<http://x/a/b> ex:p "ex:c\\\\/d" .'
    """
    if b"\\" not in text:
        return text
    if b'"""' not in text and b"'''" not in text and b"\n" in text:
        # no literal spans lines (only a long one could): fix only the lines holding a backslash (found by one
        # scan in C, not a loop over every line)
        return _BACKSLASH_LINE.sub(lambda m: _fixed(m.group(0), prefixes, names_only=b'"' not in m.group(0)), text)
    return _fixed(text, prefixes)


def _fixed(text: bytes, prefixes: Mapping[str, str], *, names_only: bool = False) -> bytes:

    def name(m: re.Match[str], prefix: int = 1) -> str:
        namespace = prefixes.get(m.group(prefix) or "")
        local = m.group(prefix + 1)
        # "\X" -> "X": dropping every backslash does it when none is escaped (Oxigraph writes no backslash in an IRI)
        local = local.replace("\\", "") if "\\\\" not in local else _ESCAPE.sub(_unescaped, local)
        return m.group(0) if namespace is None else f"<{namespace}{local}>"

    def full(m: re.Match[str]) -> str:
        if m.group(1) is not None or "\\" not in m.group(3):
            return m.group(0)
        return name(m, 2)

    return (_ESCAPED_NAME.sub(name, text.decode("utf-8")) if names_only
            else _TOKEN.sub(full, text.decode("utf-8"))).encode("utf-8")


def _from_rdflib(graph: Graph) -> RDFData:
    lines = sorted(set(graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()))
    data = "\n".join(line for line in lines if line.strip()).encode("utf-8")
    triples = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES)) if data else []
    prefixes = {str(p): str(ns) for p, ns in graph.namespaces() if str(p) in _KNOWN}
    return RDFData(tuple(ox.Quad(t.subject, t.predicate, t.object) for t in triples), prefixes)


def serialize(data: RDFData | Graph, fmt: str = "turtle") -> bytes:
    """The union of all graphs as Turtle (with the export prefixes) or N-Triples.

    >>> serialize(RDFData((), {}))
    b''
    """
    if isinstance(data, Graph):
        data = _from_rdflib(data)
    triples = data.union if data.union is not None else data.triples()
    out = ox.serialize(triples, format=FORMATS[fmt], prefixes=data.prefixes if fmt == "turtle" else None)
    if out is None:
        return b""
    return without_escaped_names(out, data.prefixes) if fmt == "turtle" else out


def write_rdf(data: RDFData | Graph, destination: str | Path | BinaryIO, fmt: str = "turtle") -> None:
    """Write the union of all graphs as Turtle (default) or N-Triples to a path or an open binary file."""
    emit(serialize(data, fmt), destination)
