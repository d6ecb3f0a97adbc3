"""TriG: one named graph per article plus the merged graph, sorted (byte-identical across reruns)."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.export._io import emit
from kg.export.rdf import without_escaped_names
from kg.graph import RDFData


def generate_trig(data: RDFData) -> bytes:
    """The dataset as TriG with the export prefixes (full IRIs where a prefixed name would need escapes).

    >>> generate_trig(RDFData((), {}))
    b''
    """
    out = ox.serialize(list(data.quads), format=ox.RdfFormat.TRIG, prefixes=data.prefixes) or b""
    return without_escaped_names(out, data.prefixes)


def write_trig(data: RDFData, destination: str | Path | BinaryIO) -> None:
    """Write the dataset as TriG to a path or an open binary file."""
    emit(generate_trig(data), destination)
