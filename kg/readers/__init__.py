"""Read articles from files and folders: ``.txt``, ``.md``, ``.html``/``.htm``, ``.jsonl``, ``.json``.

Readers never raise for bad contents: a file (or JSON line) that cannot be read becomes a
``Skipped(source, reason)`` and reading goes on.

>>> from kg.readers import read_paths
>>> for item in read_paths(["articles"]):  # doctest: +SKIP
...     print(item.id if hasattr(item, "id") else f"skipped {item.source}: {item.reason}")
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.models import Article, Skipped
from .dates import looks_like_dateline, to_iso
from .html import read_html
from .jsonl import read_json, read_jsonl
from .text import read_text

__all__ = ["read_paths", "read_file", "SUPPORTED_SUFFIXES", "to_iso", "looks_like_dateline"]

_Reader = Callable[[Path, str], Iterator[Article | Skipped]]
_READERS: dict[str, _Reader] = {
    ".txt": read_text, ".md": read_text,
    ".html": read_html, ".htm": read_html,
    ".jsonl": read_jsonl, ".json": read_json,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(_READERS))
# Files in a folder that document the folder rather than hold an article.
_IGNORED_STEMS = frozenset({"readme", "license", "licence", "copying", "notice", "authors"})


def read_file(path: str | Path, *, source: str | None = None) -> Iterator[Article | Skipped]:
    """Read one file, choosing the reader by its suffix.

    Args:
        path: the file.
        source: how to name it in ``Article.source``/``Skipped.source`` (default: ``str(path)``).

    Yields:
        Article or Skipped items (several for ``.jsonl``/``.json``). Never raises for bad contents.
    """
    path = Path(path)
    source = source if source is not None else str(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        yield Skipped(source, f"unsupported file type {path.suffix or '(no suffix)'!r}; "
                              f"use one of {', '.join(SUPPORTED_SUFFIXES)}")
        return
    if not path.is_file():
        yield Skipped(source, "no such file" if not path.exists() else "not a regular file")
        return
    try:
        yield from reader(path, source)
    except OSError as err:
        yield Skipped(source, f"cannot read file: {err.strerror or err}")


def _is_hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def walk_folder(folder: Path) -> list[Path]:
    """Supported article files under ``folder``, recursively, sorted by relative path.

    Hidden files and folders, README/LICENSE-style files and unknown suffixes are left out.
    """
    found = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder)
        if (_is_hidden(rel) or not p.is_file() or p.suffix.lower() not in _READERS
                or p.stem.lower() in _IGNORED_STEMS):
            continue
        found.append(rel)
    return [folder / rel for rel in sorted(found, key=lambda r: r.as_posix())]


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | Skipped]:
    """Read every article under the given files and folders, in a deterministic order.

    Args:
        paths: files (any suffix is tried; an unsupported one gives a Skipped) and folders (walked
            recursively; only supported suffixes are read, README/LICENSE and hidden entries ignored).

    Yields:
        Article or Skipped, folder contents in order of relative path. Never raises for bad contents;
        a missing path gives ``Skipped(path, "no such file or folder")``.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in walk_folder(path):
                yield from read_file(file)
        elif path.exists():
            yield from read_file(path, source=str(given))
        else:
            yield Skipped(str(given), "no such file or folder; check the path")
