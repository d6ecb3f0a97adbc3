"""TriG: one named graph per article plus the merged graph, sorted (byte-identical across reruns)."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.export._io import emit
from kg.graph import RDFData


def generate_trig(data: RDFData) -> bytes:
    """The dataset as TriG with the export prefixes.

    >>> generate_trig(RDFData((), {}))
    b''
    """
    return ox.serialize(list(data.quads), format=ox.RdfFormat.TRIG, prefixes=data.prefixes) or b""


def write_trig(data: RDFData, destination: str | Path | BinaryIO) -> None:
    """Write the dataset as TriG to a path or an open binary file."""
    emit(generate_trig(data), destination)
