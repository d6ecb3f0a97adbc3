"""Values memoized on disk under a hash of everything that makes them, so an incremental build copies what did
not change instead of computing it again (``.kg-cache/memo``, beside the per-article results).

A key is a SHA-256 over the inputs' bytes, each length-prefixed, and a ``salt`` that changes with the code
(:func:`kg.pipeline.code_fingerprint`): a value is found again only for the very same inputs and code. A
missing, unreadable or corrupt entry is computed again, never an error.
"""
from __future__ import annotations

import copyreg
import dataclasses
import functools
import hashlib
import os
import pickle
import struct
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_COUNT = struct.Struct("<I")


def pickled_by_fields(*classes: type) -> None:
    """Pickle instances of these dataclasses (frozen, slotted, no ``__post_init__``) as a call of the class on
    their fields (:mod:`copyreg`), in this process: the default for a slotted dataclass restores each one through
    ``dataclasses.fields`` (about 12 us apiece), and an incremental build reads back every cached result's
    entities and statement rows (~180,000 on the Wikinews corpus, ~1.3 s CPU saved). The values are the same;
    a pickle made either way is read by any process."""
    for cls in classes:
        names = tuple(f.name for f in dataclasses.fields(cls))
        copyreg.pickle(cls, functools.partial(_by_fields, cls, names))


def _by_fields(cls: type, names: tuple[str, ...], value: object) -> tuple[type, tuple[object, ...]]:
    return cls, tuple(getattr(value, name) for name in names)


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


class Segments:
    """Byte strings under keys, for many small values at once (the merged graph's segments): read from the file
    the previous build wrote, and written afresh with the entries this build used, so it never grows past one
    build's worth. Only an index (key -> where) is held in memory; the values stay in the file (memory-mapped).

    Use as a context manager: the new file replaces the old one only when the block ends without an error."""

    def __init__(self, path: Path | None, salt: str = "") -> None:
        self.path = path
        self.salt = salt.encode()
        self.hits = 0
        self.misses = 0
        self._old: dict[bytes, int] = {}
        self._data: Any = None
        self._new: Any = None
        self._index: dict[bytes, int] = {}
        self._offset = 0

    def __enter__(self) -> Segments:
        if self.path is None:
            return self
        try:
            with self.path.open("rb") as fh:
                size = fh.seek(0, 2)
                fh.seek(size - 8)
                start = int.from_bytes(fh.read(8), "little")
                fh.seek(start)
                salt, index = pickle.loads(fh.read(size - 8 - start))
            if salt == self.salt:
                import mmap

                with self.path.open("rb") as fh:
                    self._data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
                self._old = index
        except Exception:   # absent (a first build), or unreadable: everything is made again
            self._old, self._data = {}, None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._new = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp").open("wb")
        except OSError:
            self._new = None
        return self

    def key(self, *parts: bytes) -> bytes:
        h = hashlib.blake2b(self.salt, digest_size=16)
        for part in parts:
            h.update(len(part).to_bytes(8, "little"))
            h.update(part)
        return h.digest()

    def get(self, key: bytes) -> tuple[bytes, ...] | None:
        """The values stored under ``key`` by the previous build (kept for the next one), or None."""
        start = self._old.get(key)
        if start is None or self._data is None:
            self.misses += 1
            return None
        data = self._data
        (count,) = _COUNT.unpack_from(data, start)
        sizes = struct.unpack_from(f"<{count}I", data, start + 4)
        head = 4 + 4 * count
        record = data[start:start + head + sum(sizes)]
        values, at = [], head
        for size in sizes:
            values.append(record[at:at + size])
            at += size
        self.hits += 1
        self._write(key, record)
        return tuple(values)

    def put(self, key: bytes, values: tuple[bytes, ...]) -> None:
        """Store ``values`` under ``key`` for the next build."""
        self._write(key, struct.pack(f"<{len(values) + 1}I", len(values), *map(len, values)) + b"".join(values))

    def _write(self, key: bytes, record: bytes) -> None:
        """A record (value count, sizes, values) into the new file: the sizes lead, so the index holds only where."""
        if self._new is None or key in self._index:
            return
        self._new.write(record)
        self._index[key] = self._offset
        self._offset += len(record)

    def __exit__(self, kind: object, *rest: object) -> None:
        if self._data is not None:
            self._data.close()
        if self._new is None:
            return
        tmp = Path(self._new.name)
        try:
            if kind is None:
                self._new.write(pickle.dumps((self.salt, self._index), protocol=pickle.HIGHEST_PROTOCOL))
                self._new.write(self._offset.to_bytes(8, "little"))
            self._new.close()
            if kind is None and self.path is not None:
                tmp.replace(self.path)
        except OSError:
            pass
        finally:
            tmp.unlink(missing_ok=True)


class Table:
    """One mapping of picklable values under a salt, in one file: read whole by :meth:`load` (empty when absent,
    unreadable or of another salt) and replaced whole by :meth:`save` (``path`` ``None``: neither does anything).
    For values every build reads together (the cross-article merge's unions)."""

    def __init__(self, path: Path | None, salt: str = "") -> None:
        self.path = path
        self.salt = salt

    def load(self) -> dict[Any, Any]:
        if self.path is None:
            return {}
        try:
            salt, values = pickle.loads(self.path.read_bytes())
        except Exception:   # absent (a first build), unreadable or corrupt: everything is made again
            return {}
        return values if salt == self.salt and isinstance(values, dict) else {}

    def save(self, values: dict[Any, Any]) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps((self.salt, values), protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(self.path)
        except OSError:     # a read-only or full disk costs the next build time, not this one its output
            pass
