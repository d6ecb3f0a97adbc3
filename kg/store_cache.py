"""A persistent on-disk Oxigraph store beside an export, so ``kg query`` and ``kg serve`` open it in a moment
instead of parsing the export again (tens of seconds for a corpus-sized graph).

The store of ``OUT/graph.nq`` lives in ``OUT/.kg-store/KEY/``. KEY names what the store was built from: the
export file's identity (device, inode, size, modification time, all after following links, so a new build,
which publishes a new file, gets a new key, while moving the folder keeps it), whether the ontology is in it,
``ontology/kg.ttl``'s content and the Oxigraph version. A store is built lazily, by the first query that needs
it, into a private folder that is then renamed to KEY in one step: a store folder under its KEY is always
complete, and two processes building at once each finish, the second one's copy being dropped. Stores of
earlier keys are removed, except one a running ``kg serve`` holds (a shared ``flock`` on ``KEY.lock``).

Where the folder beside the export cannot be written, nothing is cached (the caller loads into memory).
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.store import KG_TTL, open_store, resolve_export

try:
    import fcntl
except ImportError:   # pragma: no cover - not POSIX: stores in use are not protected from removal
    fcntl = None   # type: ignore[assignment]

STORE_DIR = ".kg-store"
LAYOUT = "2"      # bump when what goes into a store changes (e.g. how the default graph is made)
_BUILDING = re.compile(r"build-(\d+)-")

__all__ = ["STORE_DIR", "cached_store", "cached_store_path", "holding", "store_key"]


def store_key(export: Path, *, with_ontology: bool) -> str:
    """The key of the store built from ``export`` (see the module docs)."""
    st = export.stat()    # follows links: OUT/graph.nq -> .kg-current/graph.nq -> the set's file
    parts = [LAYOUT, ox.__version__, str(st.st_dev), str(st.st_ino), str(st.st_size), str(st.st_mtime_ns),
             "ontology" if with_ontology else "export"]
    digest = hashlib.sha256("\0".join(parts).encode())
    if with_ontology:
        digest.update(KG_TTL.read_bytes())
    return f"{export.name.replace('.', '-')}-{digest.hexdigest()[:16]}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _lock_file(root: Path, key: str) -> Path:
    return root / f"{key}.lock"


def _remove_stale(root: Path, keep: str) -> None:
    """Remove the stores of other keys (unless a server holds one) and what killed builds left."""
    for entry in root.iterdir():
        name = entry.name
        if name == keep or name.endswith(".lock"):
            continue
        building = _BUILDING.match(name)
        if building:
            if not _pid_alive(int(building.group(1))):
                shutil.rmtree(entry, ignore_errors=True)
            continue
        lock = _lock_file(root, name)
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            continue
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:      # a kg serve answers from it
                    continue
            shutil.rmtree(entry, ignore_errors=True)
            lock.unlink(missing_ok=True)
        finally:
            os.close(fd)


def cached_store_path(path: str | Path, *, with_ontology: bool = True) -> Path | None:
    """The folder of the on-disk store of the export ``path`` (a file or an exports folder), built now if it is
    not there yet; None when the folder beside the export cannot be written.

    Raises:
        InputError: the export is missing or does not parse.
    """
    export = resolve_export(path)
    root = export.parent / STORE_DIR
    key = store_key(export, with_ontology=with_ontology)
    final = root / key
    if final.is_dir():
        return final
    try:
        root.mkdir(exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=f"build-{os.getpid()}-", dir=root))
    except OSError:
        return None
    try:
        store = open_store(export, with_ontology=with_ontology, store_path=building, with_name_index=True)
        store.flush()
        del store         # closed before it is renamed and opened again
        gc.collect()
        try:
            os.rename(building, final)
        except OSError:   # another process finished the same store first: use that one
            shutil.rmtree(building, ignore_errors=True)
            if not final.is_dir():
                raise
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    _remove_stale(root, keep=key)
    return final


def cached_store(path: str | Path, *, with_ontology: bool = True) -> ox.Store:
    """The export ``path`` as a read-only Oxigraph store (its default graph the merge of all graphs, as
    :func:`kg.store.open_store` makes it): the on-disk store beside the export, or, where none can be written,
    one loaded into memory.

    Raises:
        InputError: the export is missing or does not parse.
    """
    folder = cached_store_path(path, with_ontology=with_ontology)
    if folder is not None:
        try:
            return ox.Store.read_only(str(folder))
        except OSError:       # removed or damaged under us: load into memory rather than fail
            pass
    return open_store(path, with_ontology=with_ontology, with_name_index=True)


@contextlib.contextmanager
def holding(folder: Path) -> Iterator[None]:
    """Keep the store ``folder`` from being removed as stale while the block runs (a shared ``flock``)."""
    lock = _lock_file(folder.parent, folder.name)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)
