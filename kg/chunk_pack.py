"""The build's store of per-article chunk bytes: one append-only file, read in place by offset.

Every article's export chunks (N-Quads, TriG, Turtle, JSON-LD, sentences) go into one file while results
arrive, and the exports read them back by offset. With a ``path`` (``.kg-cache/memo/chunks.pack``) the file is
kept from one build to the next with an index (key -> offset and size, under a salt, with the file's valid
length): an incremental build finds an unchanged article's chunks where the last build left them instead of
reading them out of its cached result and copying them again. Without a path it is a temporary file (a build
without cache).

Records are never rewritten; the index is replaced whole by :meth:`ChunkPack.commit` at the end of a build that
succeeded and lists the records that build used. A killed build leaves records past the valid length, cut
off by the next one; when more than half of the file is records no build uses, commit rewrites it with the
used ones. A missing, unreadable or stale index makes an empty pack (everything is stored again).
"""
from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO


class ChunkPack:
    """Byte records under keys in one file (see the module doc). ``path`` ``None``: a temporary file."""

    def __init__(self, path: Path | None, salt: str = "") -> None:
        self.path = path
        self.salt = salt
        self._old: dict[bytes, tuple[int, int]] = {}    # the last build's records
        self._used: dict[bytes, tuple[int, int]] = {}   # this build's
        self._file: BinaryIO = self._open()
        self._end = self._file.seek(0, 2)

    @property
    def _index_path(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + ".index")

    def _open(self) -> BinaryIO:
        if self.path is not None:
            valid = 0
            try:
                salt, valid, index = pickle.loads(self._index_path.read_bytes())
                if salt != self.salt or not isinstance(index, dict) or self.path.stat().st_size < valid:
                    raise ValueError("another salt, or a data file shorter than the index says")
            except Exception:   # absent (a first build), unreadable or stale: everything is stored again
                index, valid = {}, 0
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fh = open(self.path, "r+b" if self.path.exists() else "w+b")   # noqa: SIM115 - closed by close()
                fh.truncate(valid)      # what a killed build appended past the last valid length
                self._old = index
                return fh
            except OSError:         # a read-only cache: this build's chunks go to a temporary file
                self.path = None
        return tempfile.TemporaryFile(prefix="kg-spool-")

    def find(self, key: bytes) -> tuple[int, int] | None:
        """Where the last build stored ``key``'s record (offset, size), kept for the next build; or None."""
        where = self._old.get(key)
        if where is not None:
            self._used[key] = where
        return where

    def append(self, parts: Iterable[bytes], key: bytes | None = None) -> int:
        """Store the bytes ``parts`` as one record (under ``key``, for the next build, if given); its offset."""
        offset = self._end
        self._file.seek(offset)
        for part in parts:
            self._file.write(part)
            self._end += len(part)
        if key is not None:
            self._used[key] = (offset, self._end - offset)
        return offset

    def flush(self) -> None:
        """Everything appended so far made readable by :meth:`read` (and by a forked process)."""
        self._file.flush()

    def read(self, offset: int, size: int) -> bytes:
        """``size`` bytes at ``offset``, read without moving the file's offset (a forked process reads too)."""
        fd = self._file.fileno()
        data = os.pread(fd, size, offset)
        while len(data) < size:
            more = os.pread(fd, size - len(data), offset + len(data))
            if not more:
                raise OSError(f"the chunk file ended {size - len(data)} bytes early")
            data += more
        return data

    def commit(self) -> None:
        """Keep this build's records for the next one (a build that succeeded; after the last read)."""
        if self.path is None:
            return
        try:
            self._file.flush()
            live = sum(size for _, size in self._used.values())
            if self._end > 2 * live + (1 << 20):    # mostly records no build uses: rewritten without them
                self._compact()
            tmp = self._index_path.with_name(f"{self._index_path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps((self.salt, self._end, self._used), protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(self._index_path)
        except OSError:     # a full disk costs the next build time, not this one its output
            pass

    def _compact(self) -> None:
        assert self.path is not None
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        index: dict[bytes, tuple[int, int]] = {}
        offset = 0
        with tmp.open("wb") as out:
            for key, (start, size) in sorted(self._used.items(), key=lambda item: item[1]):
                out.write(self.read(start, size))
                index[key] = (offset, size)
                offset += size
        # the index goes first: a data file replaced under an old index would be misread (an index whose valid
        # length exceeds the data file's is ignored)
        self._index_path.unlink(missing_ok=True)
        tmp.replace(self.path)
        self._used, self._end = index, offset

    def close(self) -> None:
        self._file.close()
