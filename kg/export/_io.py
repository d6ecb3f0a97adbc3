"""Where exporters write: a path or an open binary file."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO


def emit(data: bytes, destination: str | Path | BinaryIO) -> None:
    """Write ``data`` to a path (replaced atomically) or an open binary file."""
    if isinstance(destination, (str, Path)):
        path = Path(destination)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    else:
        destination.write(data)
