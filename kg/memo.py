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


class Table:
    """One mapping of picklable values under a salt, in one file, for values every build reads together (the
    cross-article merge's unions): read whole by :meth:`load` (empty when absent, unreadable or of another salt),
    kept by :meth:`save`. ``path`` ``None``: neither does anything.

    The file is a series of frames (length, checksum, pickled mapping), read in order into one mapping; a save
    appends a frame of the values the file lacks rather than rewriting all of them (an incremental build adds a
    few of ~100,000), and rewrites the file with this build's values alone when it holds more than twice as many
    as they are. Keys name their values (a hash of what makes them), so a value kept that no build uses any
    more is never wrong, only unused. A frame cut short or damaged (a build killed while appending) ends what
    is read, and the next save cuts it off."""

    _HEAD = struct.Struct("<Q16s")   # a frame's payload length and its blake2b-128 digest

    def __init__(self, path: Path | None, salt: str = "") -> None:
        self.path = path
        self.salt = salt
        self._held: dict[Any, Any] = {}   # what load read
        self._valid = 0                    # the file's length up to the last whole frame of this salt

    def load(self) -> dict[Any, Any]:
        self._held, self._valid = {}, 0
        if self.path is None:
            return {}
        try:
            data = self.path.read_bytes()
        except OSError:   # absent (a first build) or unreadable: everything is made again
            return {}
        at = 0
        while at + self._HEAD.size <= len(data):
            size, check = self._HEAD.unpack_from(data, at)
            payload = data[at + self._HEAD.size:at + self._HEAD.size + size]
            if len(payload) != size or hashlib.blake2b(payload, digest_size=16).digest() != check:
                break    # cut short or damaged: ends what is read
            try:
                salt, values = pickle.loads(payload)
            except Exception:
                break
            if salt != self.salt or not isinstance(values, dict):
                break    # written by other code: stale
            self._held.update(values)
            at += self._HEAD.size + size
            self._valid = at
        return dict(self._held)

    def save(self, values: dict[Any, Any]) -> None:
        if self.path is None:
            return
        held = self._held
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self._valid or len(held) > 2 * len(values):   # nothing valid to append to, or mostly unused
                tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
                tmp.write_bytes(self._frame(values))
                tmp.replace(self.path)
                return
            new = {k: v for k, v in values.items() if k not in held}
            with self.path.open("r+b") as fh:
                fh.truncate(self._valid)    # what a killed build appended past the last whole frame
                if new:
                    fh.seek(self._valid)
                    fh.write(self._frame(new))
        except OSError:     # a read-only or full disk costs the next build time, not this one its output
            pass

    def _frame(self, values: dict[Any, Any]) -> bytes:
        payload = pickle.dumps((self.salt, values), protocol=pickle.HIGHEST_PROTOCOL)
        return self._HEAD.pack(len(payload), hashlib.blake2b(payload, digest_size=16).digest()) + payload
