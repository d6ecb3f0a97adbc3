"""Exporters: one small module per format; each writes to a path or a binary file."""
from __future__ import annotations

from kg.export.graphml import write_graphml
from kg.export.rdf import write_rdf

__all__ = ["write_graphml", "write_rdf"]
