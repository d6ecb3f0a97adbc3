"""Checking the output folder before a build spends any time parsing: it must be (or become) a folder kg
can write into. Errors name the folder and what is wrong, never a traceback."""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from kg.errors import InputError

__all__ = ["prepare_output_folder"]


def prepare_output_folder(path: str | Path) -> Path:
    """Create ``path`` (and its parents) if needed and check that files can be written into it.

    Raises:
        InputError: it is a file, a parent is a file, it cannot be created, or it cannot be written to.
    """
    out = Path(path)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(f"{out}: exists and is not a folder", hint="give -o a folder (it is created if missing)"
                         ) from None
    except OSError as exc:
        reason = "a part of the path is a file, not a folder" if exc.errno in (errno.ENOTDIR, errno.EEXIST) \
            else exc.strerror or str(exc)
        raise InputError(f"{out}: cannot create the output folder: {reason}",
                         hint="give -o a folder you can write to") from None
    try:   # a real write: os.access is wrong on read-only mounts seen through some containers and for root
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise InputError(f"{out}: cannot write into the output folder: {exc.strerror or exc}",
                         hint="give -o a folder you can write to") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise InputError(f"{out}: cannot write into the output folder: permission denied",
                         hint="give -o a folder you can write to")
    return out
