"""The previous build's visual export files, kept so that an incremental build copies each run of unchanged
records as one byte range per file instead of formatting (or even looking up) them one by one.

A memo folder (``.kg-cache/memo/visual``) holds hard links to the last build's files (``GEN.NAME``; a copy
where a link cannot be made) and an ``index``: the salt, each file's inode, size and modification time, and
per kind of record (nodes, edges) every record's key (the bytes its text is made from), in output order, with
its size in each of the kind's files and where the kind's first record starts in each. A build copies a
record's bytes only when its key is found and the file is the one the index describes; anything else (a first
build, another salt, an index cut short or damaged, a file changed since) makes every record again. The index
is replaced whole once the new files are complete, then the files of other generations are removed, so a
build killed at any point leaves the previous memo or the new one, never a mix.
"""
from __future__ import annotations

import os
import pickle
import secrets
import shutil
import zlib
from array import array
from itertools import accumulate
from pathlib import Path

INDEX = "index"
_HEAD = 12   # the payload's length (8 bytes) and CRC-32 (4 bytes)


class Stale(Exception):
    """A kept file ended before a record the index says it holds: the memo cannot be trusted."""


class Kind:
    """What the index says of one kind of record: ``keys`` in output order, ``sizes[f]`` each one's size in the
    kind's f-th file, ``starts[f]`` where its first record starts there."""

    def __init__(self, keys: list[bytes], sizes: list[array], starts: list[int]) -> None:
        self.keys = keys
        self.sizes = sizes
        self.starts = starts
        self._found: dict[bytes, int] | None = None
        self._offsets: list[list[int]] | None = None

    @property
    def found(self) -> dict[bytes, int]:
        """Each key's position."""
        if self._found is None:
            self._found = dict(zip(self.keys, range(len(self.keys))))
        return self._found

    def span(self, f: int, first: int, end: int) -> tuple[int, int]:
        """Where records ``first`` to ``end`` (excluded) are in the kind's f-th file: (offset, length)."""
        if self._offsets is None:
            self._offsets = [list(accumulate(sizes, initial=start)) for sizes, start in zip(self.sizes, self.starts)]
        offsets = self._offsets[f]
        return offsets[first], offsets[end] - offsets[first]


class Previous:
    """The kept files and index of the memo folder ``folder`` (``None``: nothing is kept or found), read under
    ``salt``. Use as a context manager (closes the kept files)."""

    def __init__(self, folder: Path | None, salt: bytes) -> None:
        self.folder = folder
        self.salt = salt
        self.kinds: dict[str, Kind] = {}
        self.fds: dict[str, int] = {}

    def __enter__(self) -> Previous:
        if self.folder is not None:
            try:
                self._load(self.folder)
            except Exception:   # absent (a first build), unreadable, damaged or stale: everything is made again
                self.close()
                self.kinds = {}
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for fd in self.fds.values():
            os.close(fd)
        self.fds = {}

    def _load(self, folder: Path) -> None:
        data = (folder / INDEX).read_bytes()
        size, check = int.from_bytes(data[:8], "little"), int.from_bytes(data[8:_HEAD], "little")
        payload = data[_HEAD:]
        if len(payload) != size or zlib.crc32(payload) != check:
            raise ValueError("an index cut short or damaged")
        salt, gen, files, kinds = pickle.loads(payload)
        if salt != self.salt:
            raise ValueError("another salt")
        for name, (inode, length, mtime) in files.items():
            fd = os.open(folder / f"{gen}.{name}", os.O_RDONLY)
            self.fds[name] = fd
            st = os.fstat(fd)
            if (st.st_ino, st.st_size, st.st_mtime_ns) != (inode, length, mtime):
                raise ValueError(f"{name} changed since it was kept")
        self.kinds = {kind: Kind(keys, [array("I", s) for s in sizes], starts)
                      for kind, (keys, sizes, starts) in kinds.items()}

    def kind(self, name: str) -> Kind:
        return self.kinds.get(name) or Kind([], [], [])


def copy_range(source: int, target: int, offset: int, length: int) -> None:
    """Append ``length`` bytes of the file ``source`` from ``offset`` to the file ``target`` (file descriptors;
    in the kernel where it can). Raises :class:`Stale` when ``source`` ends first."""
    end = offset + length
    try:
        while offset < end:
            done = os.copy_file_range(source, target, end - offset, offset)
            if done == 0:
                raise Stale("a kept file ended early")
            offset += done
        return
    except (AttributeError, OSError):   # no copy_file_range here, or not between these files: read and write
        pass
    while offset < end:
        data = os.pread(source, min(end - offset, 1 << 20), offset)
        if not data:
            raise Stale("a kept file ended early")
        view = memoryview(data)
        while view:
            view = view[os.write(target, view):]
        offset += len(data)


def keep(folder: Path, salt: bytes, files: dict[str, Path], kinds: dict[str, tuple[list[bytes], list[array], list[int]]]
         ) -> None:
    """Keep ``files`` (name -> a finished file, never rewritten in place) and the index of ``kinds`` in ``folder``
    for the next build, replacing what was kept. Errors (a read-only or full disk) cost the next build time,
    never this one its output."""
    gen = secrets.token_hex(8)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stats = {}
        for name, path in files.items():
            kept = folder / f"{gen}.{name}"
            try:
                os.link(path, kept)
            except OSError:   # another file system, or no hard links: a copy
                shutil.copyfile(path, kept)
            st = os.stat(kept)
            stats[name] = (st.st_ino, st.st_size, st.st_mtime_ns)
        payload = pickle.dumps((salt, gen, stats, {kind: (keys, [s.tobytes() for s in sizes], starts)
                                                   for kind, (keys, sizes, starts) in kinds.items()}),
                               protocol=pickle.HIGHEST_PROTOCOL)
        tmp = folder / f"{INDEX}.{os.getpid()}.tmp"
        tmp.write_bytes(len(payload).to_bytes(8, "little") + zlib.crc32(payload).to_bytes(4, "little") + payload)
        tmp.replace(folder / INDEX)
        for entry in folder.iterdir():   # the previous generation, and what a killed build left
            if entry.name != INDEX and not entry.name.startswith(f"{gen}."):
                entry.unlink(missing_ok=True)
    except OSError:
        pass
