"""Exports published as one set, and one build at a time per output folder.

A build writes every export into a fresh hidden folder ``OUT/.kg-sets/set-XXXX`` and then switches the
symbolic link ``OUT/.kg-current`` to it with one ``rename``; each ``OUT/graph.ttl``, ``OUT/nodes.csv``, ...
is a fixed link to ``.kg-current/<name>``. Any program that opens an export by its usual path (Gephi, rapper,
rdflib, ``kg query``) therefore sees either the complete previous set or the complete new one, even if the
build is killed at any point: the one step that changes what the paths show is an atomic ``rename`` of a link.
The previous set is removed after the switch; a killed build leaves at most an unfinished set folder, which
the next build removes (with any stray ``*.tmp`` of the cache), so nothing half-written is ever shown.

:func:`locked` takes an exclusive ``flock`` on ``OUT/.kg-lock`` for the whole build, so two builds into one
folder cannot interleave; the second one stops at once with a one-line error naming the first one's pid.
The kernel drops the lock when its holder dies, even on ``kill -9``.
"""
from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import InputError

try:
    import fcntl
except ImportError:   # pragma: no cover - not POSIX: builds are not locked
    fcntl = None   # type: ignore[assignment]

SETS = ".kg-sets"
CURRENT = ".kg-current"
LOCK = ".kg-lock"
CACHE = ".kg-cache"
_NEXT = ".kg-current.next"
_LINK_TMP = ".kg-link.next"

__all__ = ["CURRENT", "LOCK", "SETS", "locked", "publish", "tidy"]


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the build lock of the folder ``out`` for the duration of the ``with`` block.

    Raises:
        InputError: another process (a build) holds it; the message names the folder and that pid.
    """
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                raise InputError(f"{out}: another kg build (pid {pid}) is writing into this folder",
                                 hint="wait for it to finish, or build into another folder with -o") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)   # releases the lock


def _current_set(out: Path) -> str | None:
    """The name of the set ``.kg-current`` points to, if any."""
    try:
        target = os.readlink(out / CURRENT)
    except OSError:
        return None
    return Path(target).name


def tidy(out: Path) -> None:
    """Remove what a killed build left behind: unfinished or superseded sets, half-made links and stray
    ``*.tmp`` files of the cache. Call it only while holding :func:`locked`."""
    current = _current_set(out)
    sets = out / SETS
    if sets.is_dir():
        for entry in sets.iterdir():
            if entry.name == current:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
    for name in (_NEXT, _LINK_TMP):
        (out / name).unlink(missing_ok=True)
    cache = out / CACHE
    if cache.is_dir():
        for stray in cache.glob("*/*.tmp"):
            stray.unlink(missing_ok=True)


def _fsync(path: Path, *, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace_with_link(target: str, link: Path) -> None:
    """Make ``link`` a symbolic link to ``target``, atomically replacing whatever is there."""
    tmp = link.with_name(_LINK_TMP)
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def publish(out: Path, write: Callable[[Path], object]) -> list[Path]:
    """Have ``write(folder)`` write a complete set of exports into a fresh folder, then show that set at
    ``out/<name>`` for each file it wrote, in one atomic step. Returns the paths ``out/<name>``.

    Call it only while holding :func:`locked`. If ``write`` raises, nothing visible changes.
    """
    tidy(out)
    sets = out / SETS
    sets.mkdir(exist_ok=True)
    staging = sets / f"set-{time.time_ns():x}-{os.getpid()}"
    staging.mkdir()   # (not mkdtemp: its mode 0700 would hide the exports from other users)
    try:
        write(staging)
        names = sorted(p.name for p in staging.iterdir() if p.is_file() and not p.name.endswith(".tmp"))
        for name in names:
            _fsync(staging / name)
        _fsync(staging, directory=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for name in names:   # fixed links, made before the switch: a new name's link shows nothing until then
        link, target = out / name, f"{CURRENT}/{name}"
        if not (link.is_symlink() and os.readlink(link) == target):
            _replace_with_link(target, link)   # (over a file of an older kg that wrote in place: once)
        (out / f"{name}.tmp").unlink(missing_ok=True)   # left by kg versions that wrote in place
    previous = _current_set(out)
    _replace_with_link(f"{SETS}/{staging.name}", out / CURRENT)   # the switch: one rename
    _fsync(out, directory=True)
    for entry in out.iterdir():   # links to exports the new set no longer has
        if entry.is_symlink() and entry.name not in names and os.readlink(entry).startswith(CURRENT + "/"):
            entry.unlink()
    if previous and previous != staging.name:
        shutil.rmtree(sets / previous, ignore_errors=True)
    return [out / name for name in names]
