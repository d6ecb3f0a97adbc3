"""Read articles from files and folders: ``.txt``, ``.md``, ``.html``/``.htm``, ``.jsonl``, ``.json``.

Readers never raise for bad contents: a file (or JSON line) that cannot be read becomes a
``Skipped(source, reason)`` and reading goes on.

>>> from kg.readers import read_paths
>>> for item in read_paths(["articles"]):  # doctest: +SKIP
...     print(item.id if hasattr(item, "id") else f"skipped {item.source}: {item.reason}")
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.models import Article, Skipped
from .dates import looks_like_dateline, to_iso
from .html import read_html
from .jsonl import Lines, read_json, read_jsonl
from .text import read_text

__all__ = ["read_paths", "read_file", "Lines", "SUPPORTED_SUFFIXES", "to_iso", "looks_like_dateline"]

_Reader = Callable[[Path, str, str], Iterator[Article | Skipped]]
_READERS: dict[str, _Reader] = {
    ".txt": read_text, ".md": read_text,
    ".html": read_html, ".htm": read_html,
    ".jsonl": read_jsonl, ".json": read_json,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(_READERS))
# Files in a folder that document the folder rather than hold an article.
_IGNORED_STEMS = frozenset({"readme", "license", "licence", "copying", "notice", "authors"})


def _os_reason(err: OSError) -> str:
    """A short, actionable reason for an OSError on a path."""
    reasons = {errno.ENOENT: "no such file or folder; check the path",
               errno.ENAMETOOLONG: "file name too long",
               errno.ELOOP: "symbolic link loop",
               errno.EACCES: "permission denied",
               errno.ENOTDIR: "a part of the path is not a folder"}
    return reasons.get(err.errno or 0, err.strerror or str(err))


def _stat(path: Path) -> os.stat_result | OSError:
    """``path.stat()`` (following links), or the OSError: never raises (a name too long, a loop, ...)."""
    try:
        return path.stat()
    except OSError as err:
        return err
    except ValueError as err:       # an embedded NUL byte
        return OSError(errno.EINVAL, f"invalid path ({err})")


def read_file(path: str | Path, *, source: str | None = None, name: str | None = None,
              lines: Lines | None = None) -> Iterator[Article | Skipped]:
    """Read one file, choosing the reader by its suffix.

    Args:
        path: the file.
        source: how to name it in ``Article.source``/``Skipped.source`` (default: ``str(path)``).
        name: what a default article id is made of (default: the file's stem; a folder walk passes the path
            relative to the folder without suffix, so ``2024-01/index.html`` and ``2024-02/index.html`` differ).
        lines: JSON Lines already read, found again (:class:`~kg.readers.jsonl.Lines`).

    Yields:
        Article or Skipped items (several for ``.jsonl``/``.json``). Never raises for bad contents; a FIFO,
        socket or device is never opened.
    """
    path = Path(path)
    source = source if source is not None else str(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        yield Skipped(source, f"unsupported file type {path.suffix or '(no suffix)'!r}; "
                              f"use one of {', '.join(SUPPORTED_SUFFIXES)}")
        return
    st = _stat(path)
    if isinstance(st, OSError):
        yield Skipped(source, "no such file" if st.errno == errno.ENOENT else _os_reason(st))
        return
    if not stat.S_ISREG(st.st_mode):
        yield Skipped(source, "not a regular file" + ("" if stat.S_ISDIR(st.st_mode) else
                                                       " (a FIFO, socket or device); not read"))
        return
    try:
        if lines is not None and reader is read_jsonl:
            yield from read_jsonl(path, source, name or path.stem, lines)
        else:
            yield from reader(path, source, name or path.stem)
    except OSError as err:
        yield Skipped(source, f"cannot read file: {_os_reason(err)}")


def _inside(target: str, folder: str) -> bool:
    return target == folder or target.startswith(folder.rstrip(os.sep) + os.sep)


def walk_folder(folder: Path) -> list[Path | Skipped]:
    """Supported article files under ``folder``, recursively, sorted by relative path, and a Skipped for each
    entry that looks like an article but cannot be read as one.

    Hidden files and folders, README/LICENSE-style files and unknown suffixes are left out silently. Named as
    Skipped: a folder that cannot be listed, a symbolic link that is broken, loops, points to a folder (not
    followed) or to a file outside ``folder`` (never read: a link to a system file is not an article), and a
    FIFO, socket or device (never opened).
    """
    root = os.path.realpath(folder)
    found: list[tuple[str, Path | Skipped]] = []

    def unreadable(err: OSError) -> None:
        where = Path(err.filename) if err.filename else folder
        found.append((where.relative_to(folder).as_posix() if where != folder else "",
                      Skipped(str(where), f"cannot read folder: {_os_reason(err)}")))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for d in list(dirnames):
            if (here / d).is_symlink():
                rel = (here / d).relative_to(folder)
                found.append((rel.as_posix(), Skipped(str(here / d), "symbolic link to a folder; not followed "
                                                                     "(give its target to read it)")))
        for f in filenames:
            p = here / f
            rel = p.relative_to(folder)
            if f.startswith(".") or p.suffix.lower() not in _READERS or p.stem.lower() in _IGNORED_STEMS:
                continue
            key = rel.as_posix()
            if p.is_symlink():
                st = _stat(p)
                if isinstance(st, OSError):
                    found.append((key, Skipped(str(p), "broken symbolic link" if st.errno == errno.ENOENT
                                                       else _os_reason(st))))
                    continue
                target = os.path.realpath(p)
                if not _inside(target, root):
                    found.append((key, Skipped(str(p), f"symbolic link to {target}, outside {folder}; not read "
                                                       "(give the file itself to read it)")))
                    continue
            found.append((key, p))
    found.sort(key=lambda item: item[0])
    return [item for _, item in found]


def read_paths(paths: Iterable[str | Path], *, lines: Lines | None = None) -> Iterator[Article | Skipped]:
    """Read every article under the given files and folders, in a deterministic order.

    Args:
        paths: files (any suffix is tried; an unsupported one gives a Skipped) and folders (walked
            recursively; only supported suffixes are read, README/LICENSE and hidden entries ignored).
        lines: JSON Lines already read, found again (:class:`~kg.readers.jsonl.Lines`).

    Yields:
        Article or Skipped, folder contents in order of relative path. Never raises for bad contents;
        a missing path gives ``Skipped(path, "no such file or folder; check the path")``.
    """
    for given in paths:
        path = Path(given)
        st = _stat(path)
        if isinstance(st, OSError):
            yield Skipped(str(given), _os_reason(st))
        elif stat.S_ISDIR(st.st_mode):
            for item in walk_folder(path):
                if isinstance(item, Skipped):
                    yield item
                else:
                    yield from read_file(item, name=item.relative_to(path).with_suffix("").as_posix(), lines=lines)
        else:
            yield from read_file(path, source=str(given), lines=lines)
