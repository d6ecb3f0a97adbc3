"""Exporters: one small module per format; each writes to a path or a binary file.

``EXPORTS`` is the registry the build uses: file name -> writer of an :class:`~kg.graph.RDFData`.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kg.export.graphml import write_graphml
from kg.export.jsonld import write_jsonld
from kg.export.nquads import write_nquads
from kg.export.rdf import write_rdf
from kg.export.trig import write_trig
from kg.graph import RDFData

Writer = Callable[[RDFData, "str | Path | BinaryIO"], None]

RDF_EXPORTS: dict[str, Writer] = {
    "graph.ttl": write_rdf,
    "graph.trig": write_trig,
    "graph.nq": write_nquads,
    "graph.jsonld": write_jsonld,
}

__all__ = ["RDF_EXPORTS", "write_graphml", "write_jsonld", "write_nquads", "write_rdf", "write_trig"]
