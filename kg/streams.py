"""Records of several byte strings under keys, kept between builds in one file per string (the merged graph's
subjects: graph.nq, TriG, Turtle and JSON-LD text each), so a run of records the last build wrote one after the
other is copied as one slice per file (:class:`Streams`, used by :mod:`kg.merged_graph`).

Keys are hashes of everything that makes a record, under a salt that changes with
the code; a missing, unreadable, stale or short file is made again, never an error and never wrong bytes.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from array import array
from pathlib import Path
from typing import Any


class Streams:
    """Records of ``width`` byte strings and two counts under keys, for a writer that copies runs of records in
    the order it wrote them before (the merged graph's subjects, :mod:`kg.merged_graph`).

    Each of a record's strings goes to a stream file of its own (``path`` + ".0", ".1", ...), all appended in
    step, so the records one build made one after the other are one after the other in every stream, and the
    next build copies a run of them as one slice per stream (:meth:`span`) instead of one per record and
    string. A record is known by its place ``p`` in that order. An index file (``path`` + ".index": the salt,
    each record's start in every stream, its counts, and the keys and places of the records the last build used,
    in the order it used them: a build asking in the same order finds each key where the last one left off,
    without a table of every key) is
    replaced whole at the end of a build that succeeded; stream bytes past the lengths it gives (a build killed
    meanwhile) are cut off by the next build. When more than half the records are ones no build uses any more,
    the streams are rewritten with the used ones, in the order the build used them. A missing, unreadable,
    stale (another salt or width) or short file makes everything be made again, never wrong bytes. Only the
    index is held in memory; the streams are memory-mapped.

    Use as a context manager."""

    def __init__(self, path: Path | None, width: int, salt: str = "") -> None:
        self.path = path
        self.width = width
        self.salt = salt.encode()
        self.hits = 0
        self.misses = 0
        self._key = hashlib.blake2b(self.salt, digest_size=32).digest()   # blake2b's own key: salts every key
        self._keys = b""                     # the last build's keys, 16 bytes each, in the order it used them
        self._places = array("Q")            # and their records' places
        self._next = 0                       # where in that order the next key is looked for first
        self._table: dict[bytes, int] | None = None   # key -> order, made once many keys were not where expected
        self._searched = 0
        self._taken = bytearray()            # which of the last build's keys this build used
        self._used_keys: list[bytes] = []    # this build's records, in the order it used them
        self._used_places = array("Q")
        self._made: set[bytes] = set()       # keys of the records this build made
        self._starts = [array("Q", [0]) for _ in range(width)]   # per stream: each record's start, then the end
        self._counts = array("I")            # two per record
        self._data: list[Any] = []
        self._views: list[memoryview] = []
        self._files: list[Any] = []
        self._valid = 0                      # records in the files that the index describes

    def _stream(self, i: int) -> Path:
        assert self.path is not None
        return self.path.with_name(f"{self.path.name}.{i}")

    @property
    def _index_path(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + ".index")

    def __enter__(self) -> Streams:
        if self.path is None:
            return self
        try:
            salt, width, starts, counts, keys, places = pickle.loads(self._index_path.read_bytes())
            if salt != self.salt or width != self.width:
                raise ValueError("another salt or width")
            self._starts = [array("Q") for _ in range(width)]
            for arr, raw in zip(self._starts, starts):
                arr.frombytes(raw)
            self._counts.frombytes(counts)
            records = len(self._counts) // 2
            if any(len(a) != records + 1 for a in self._starts) or any(
                    self._stream(i).stat().st_size < a[-1] for i, a in enumerate(self._starts)):
                raise ValueError("streams shorter than the index says")
            self._places.frombytes(places)
            if len(keys) != 16 * len(self._places) or max(self._places, default=0) >= records:
                raise ValueError("keys and places of different lengths")
            self._keys, self._valid = keys, records
            self._taken = bytearray(len(self._places))
        except Exception:   # absent (a first build), unreadable or stale: everything is made again
            self._forget()
        import mmap

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            for i, starts in enumerate(self._starts):
                fh = self._stream(i).open("ab")
                fh.truncate(starts[-1])   # what a killed build appended past the valid length
                self._files.append(fh)
            for i, starts in enumerate(self._starts):
                with self._stream(i).open("rb") as fh:
                    self._data.append(mmap.mmap(fh.fileno(), starts[-1], access=mmap.ACCESS_READ)
                                      if starts[-1] else b"")
            self._views = [memoryview(data) for data in self._data]
        except (OSError, ValueError):   # nothing kept or found, the build goes on
            self._close()
            self._files, self._data, self._views = [], [], []
            self._forget()
        return self

    def _forget(self) -> None:
        self._starts, self._counts = [array("Q", [0]) for _ in range(self.width)], array("I")
        self._keys, self._places, self._taken, self._valid = b"", array("Q"), bytearray(), 0

    def _order(self, key: bytes) -> int | None:
        """Where ``key`` is in the last build's order: next to the last one found (the usual case), else
        searched for (a few keys: in the keys' bytes; many: in a table made once)."""
        i, keys = self._next, self._keys
        if keys[16 * i:16 * i + 16] == key:
            return i
        if self._table is None:
            self._searched += 1
            if self._searched <= 64:
                at = keys.find(key)
                while at >= 0 and at % 16:   # a match across two keys: never seen with random keys
                    at = keys.find(key, at + 1)
                return at // 16 if at >= 0 else None
            self._table = {keys[j:j + 16]: j // 16 for j in range(0, len(keys), 16)}
        return self._table.get(key)

    def key(self, data: bytes) -> bytes:
        """A key of ``data`` under the salt."""
        return hashlib.blake2b(data, digest_size=16, key=self._key).digest()

    def find(self, key: bytes) -> int | None:
        """The place of the record a previous build stored under ``key`` (kept for the next build), or None."""
        i = self._next
        if self._keys[16 * i:16 * i + 16] != key:   # not next to the last one found: searched for
            i = self._order(key)
        if i is None:
            self.misses += 1
            return None
        self.hits += 1
        self._next = i + 1
        p = self._places[i]
        if not self._taken[i]:
            self._taken[i] = 1
            self._used_keys.append(key)
            self._used_places.append(p)
        return p

    def look_up(self, data: bytes) -> tuple[bytes, int | None, int, int]:
        """:meth:`key` of ``data``, :meth:`find` of it and the record's :meth:`counts` ((0, 0) when not found) in
        one call (the merged graph asks once per subject)."""
        key = hashlib.blake2b(data, digest_size=16, key=self._key).digest()
        p = self.find(key)
        if p is None:
            return key, None, 0, 0
        counts = self._counts
        return key, p, counts[2 * p], counts[2 * p + 1]

    def counts(self, p: int) -> tuple[int, int]:
        return self._counts[2 * p], self._counts[2 * p + 1]

    def span(self, stream: int, p: int, q: int) -> memoryview:
        """The bytes of ``stream`` of the found records ``p`` .. ``q`` (consecutive places), at once: a view of
        the memory-mapped file, valid inside the ``with`` block."""
        starts = self._starts[stream]
        return self._views[stream][starts[p]:starts[q + 1]]

    def put(self, key: bytes, values: tuple[bytes, ...], counts: tuple[int, int]) -> None:
        """Store ``values`` (one per stream) and ``counts`` under ``key`` for the next build."""
        if not self._files or key in self._made:   # (a key found is never put: it is stored already)
            return
        self._made.add(key)
        for fh, starts, value in zip(self._files, self._starts, values):
            fh.write(value)
            starts.append(starts[-1] + len(value))
        self._counts.extend(counts)
        self._used_keys.append(key)
        self._used_places.append(len(self._counts) // 2 - 1)

    def _close(self) -> None:
        for view in self._views:
            view.release()
        for data in self._data:
            if not isinstance(data, bytes):
                try:
                    data.close()
                except BufferError:   # a view of it still held (an error on the way): closed when collected
                    pass
        for fh in self._files:
            fh.close()

    def __exit__(self, kind: object, *rest: object) -> None:
        self._close()
        if not self._files or kind is not None:
            return
        try:
            if len(self._counts) // 2 > 2 * len(self._used_places) + 1000:   # mostly records no build uses
                self._compact()
            tmp = self._index_path.with_name(f"{self._index_path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps((self.salt, self.width, [a.tobytes() for a in self._starts],
                                          self._counts.tobytes(), b"".join(self._used_keys),
                                          self._used_places.tobytes()), protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(self._index_path)
        except OSError:
            pass

    def _compact(self) -> None:
        """The streams rewritten with only the records this build used, in the order it used them."""
        import mmap

        order = self._used_places
        starts = [array("Q", [0]) for _ in range(self.width)]
        # the index goes first: streams replaced under an old index would be misread
        self._index_path.unlink(missing_ok=True)
        for i, old in enumerate(self._starts):
            path = self._stream(i)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            with path.open("rb") as fh, tmp.open("wb") as out:
                data = mmap.mmap(fh.fileno(), old[-1], access=mmap.ACCESS_READ) if old[-1] else b""
                try:
                    for p in order:
                        out.write(data[old[p]:old[p + 1]])
                        starts[i].append(starts[i][-1] + old[p + 1] - old[p])
                finally:
                    if not isinstance(data, bytes):
                        data.close()
            tmp.replace(path)
        counts = array("I")
        for p in order:
            counts.extend(self._counts[2 * p:2 * p + 2])
        self._starts, self._counts = starts, counts
        self._used_places = array("Q", range(len(order)))
