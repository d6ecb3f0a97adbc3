"""N-Quads: one named graph per article plus the merged graph, one quad a line, sorted."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.export._io import emit
from kg.graph import RDFData


def generate_nquads(data: RDFData) -> bytes:
    """The dataset as N-Quads.

    >>> generate_nquads(RDFData((), {}))
    b''
    """
    return ox.serialize(list(data.quads), format=ox.RdfFormat.N_QUADS) or b""


def write_nquads(data: RDFData, destination: str | Path | BinaryIO) -> None:
    """Write the dataset as N-Quads to a path or an open binary file."""
    emit(generate_nquads(data), destination)
