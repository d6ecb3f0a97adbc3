"""Values memoized on disk under a hash of everything that makes them, so an incremental build copies what did
not change instead of computing it again (``.kg-cache/memo``, beside the per-article results).

A key is a SHA-256 over the inputs' bytes, each length-prefixed, and a ``salt`` that changes with the code
(:func:`kg.pipeline.code_fingerprint`): a value is found again only for the very same inputs and code. A
missing, unreadable or corrupt entry is computed again, never an error.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    """A content-addressed store of picklable values in ``folder`` (``None``: nothing is stored or found)."""

    def __init__(self, folder: Path | None, salt: str = "") -> None:
        self.folder = folder
        self.salt = salt.encode()
        self.hits = 0
        self.misses = 0

    def key(self, kind: str, parts: Iterable[bytes]) -> str:
        h = hashlib.sha256(self.salt + b"\0" + kind.encode() + b"\0")
        for part in parts:
            h.update(len(part).to_bytes(8, "little"))
            h.update(part)
        return h.hexdigest()

    def get_or_make(self, kind: str, parts: Iterable[bytes], make: Callable[[], T]) -> T:
        """The value stored under ``kind`` and ``parts``, or ``make()``'s, stored for the next build."""
        if self.folder is None:
            return make()
        key = self.key(kind, parts)
        path = self.folder / kind / key[:2] / f"{key}.memo"   # not *.pickle: those are article results
        try:
            value: Any = pickle.loads(path.read_bytes())
            self.hits += 1
            return value
        except Exception:   # absent (the usual case), unreadable or corrupt: made again
            pass
        self.misses += 1
        value = make()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(path)
        except OSError:     # a read-only or full disk costs the next build time, not this one its output
            pass
        return value
