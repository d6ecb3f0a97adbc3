"""A real SPARQL 1.1 endpoint on loopback: Oxigraph's server (PyPI package ``oxigraph``) loaded with an
export and the ontology. Read-only unless ``writable``; the default graph is the merge of all graphs.

Clients talk to a small proxy (:mod:`kg.serve_proxy`) that refuses SERVICE (and LOAD in updates), so no
client can make the server send requests to other hosts, unless ``allow_service``. The Oxigraph process
is told by the kernel to stop when the process that started it dies, even by ``kill -9``."""
from __future__ import annotations

import contextlib
import gc
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.sparql_prefixes import PREFIXES
from kg.ontology import KG_TTL
from kg.serve_proxy import GuardProxy
from kg.store import ontology_quads, open_store, resolve_export, with_merged_default
from kg.store_cache import cached_store_path, holding
from kg.vocab import ONTOLOGY_GRAPH

HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_QUERY_TIMEOUT = 60.0


def oxigraph_binary() -> str:
    """The ``oxigraph`` server executable (installed beside this Python by the ``oxigraph`` package).

    Raises:
        InputError: it is not installed.
    """
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise InputError("the Oxigraph server is not installed", hint="pip install oxigraph==0.5.13")
    return found


def free_port(host: str = HOST) -> int:
    """A TCP port on ``host`` that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _check_free(port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((HOST, port))
        except OSError as exc:
            raise InputError(f"the Oxigraph server did not start on {HOST}:{port}: {exc.strerror}",
                             hint="try another --port (0 picks a free one)") from None


def _die_with_parent() -> None:
    """In the child, before exec: have Linux send SIGTERM when the parent dies (prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)   # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):   # not Linux: the server is still stopped by stop()/Ctrl-C
        pass


@dataclass
class Server:
    """A running Oxigraph server behind its guard proxy; :meth:`stop` ends both and removes the data folder."""

    process: subprocess.Popen[bytes]
    port: int
    folder: Path
    writable: bool
    proxy: GuardProxy | None = None
    location: Path | None = None    # the store served when it is not ``folder`` (the export's cached store)
    hold: contextlib.ExitStack | None = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 query endpoint."""
        return f"{self.base_url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base_url}/update"

    @property
    def store_url(self) -> str:
        """The SPARQL 1.1 Graph Store Protocol endpoint (for ``kg push``)."""
        return f"{self.base_url}/store"

    def stop(self) -> None:
        if self.proxy is not None:
            self.proxy.stop()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)
        self.log.unlink(missing_ok=True)
        if self.hold is not None:
            self.hold.close()

    @property
    def log(self) -> Path:
        """The server's output (kept until :meth:`stop`)."""
        return self.folder.parent / f"{self.folder.name}.log"


def _load(binary: str, folder: Path, file: Path, graph: str | None = None) -> None:
    cmd = [binary, "load", "--location", str(folder), "--file", str(file)]
    if graph:
        cmd += ["--graph", graph]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        reason = next((x for x in lines if x.startswith("Error while loading")), lines[0] if lines else "no reason")
        raise InputError(f"{file}: Oxigraph could not load it: {reason.split(': ', 1)[-1]}")


def _empty_folder(path: Path) -> bool:
    """``path`` is a folder holding no file (an exports folder before the first build or push)."""
    try:
        return path.is_dir() and not any(p.is_file() for p in path.iterdir())
    except OSError:
        return False


def _load_merged(folder: Path, file: Path | None, with_ontology: bool) -> None:
    """Write the server's store: the export's graphs, the ontology's, and their merge as the default graph
    (each triple once, as ``kg query`` sees it), so the same query gives the same rows through both.

    Raises:
        InputError: the export does not parse.
    """
    if file is None:
        store = ox.Store(str(folder))
        if with_ontology:
            store.bulk_extend(with_merged_default(ontology_quads()))
    else:
        store = open_store(file, with_ontology=with_ontology, store_path=folder, with_name_index=True)
    store.flush()
    del store          # the server can open the folder only once this process has closed it
    gc.collect()


def _ready(url: str) -> bool:
    request = urllib.request.Request(url + "?query=" + urllib.parse.quote("ASK {}"),
                                     headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:      # alive, someone else's
        return True
    return True


def remove_stale_folders(parent: Path | None = None) -> list[Path]:
    """Remove the data folders and logs of servers whose ``kg serve`` process no longer exists (killed with
    ``kill -9``, so it could not clean up); return what was removed. Folders of running servers stay."""
    removed = []
    for entry in Path(parent or tempfile.gettempdir()).glob("kg-serve-*"):
        match = re.match(r"kg-serve-(\d+)-", entry.name)
        if not match or _pid_alive(int(match.group(1))):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:      # another user's, or being removed by someone else: leave it
            continue
        removed.append(entry)
    return removed


def start_server(exports: str | Path | None = None, *, port: int = DEFAULT_PORT, writable: bool = False,
                 with_ontology: bool = True, timeout: float = 30.0, allow_service: bool = False,
                 query_timeout: float | None = DEFAULT_QUERY_TIMEOUT) -> Server:
    """Start Oxigraph loaded with ``exports`` behind a proxy on 127.0.0.1:``port`` (0 = any free port) that
    refuses SERVICE unless ``allow_service``; return once it answers. A ``writable`` server may start on an
    empty folder (to be filled by ``kg push``). A query running longer than
    ``query_timeout`` seconds (None: no limit) is stopped and answered with an error.

    Read-only, the default graph is the merge of all graphs, each triple once (as in ``kg query``);
    ``writable``, it is Oxigraph's union of the graphs, which follows pushes but repeats a triple held by
    several graphs (use ``SELECT DISTINCT``).

    Raises:
        InputError: the export cannot be read, or the server does not start (port in use, ...).
    """
    binary = oxigraph_binary()
    if exports is not None and writable and _empty_folder(Path(exports)):
        exports = None       # a writable server may start empty: kg push fills it
    files = [resolve_export(exports)] if exports is not None else []
    port = port or free_port()
    _check_free(port)
    remove_stale_folders()
    # the pid in the name lets a later start remove what a killed server (kill -9) left behind
    folder = Path(tempfile.mkdtemp(prefix=f"kg-serve-{os.getpid()}-"))
    location, hold = folder, contextlib.ExitStack()
    try:
        cached = cached_store_path(files[0], with_ontology=with_ontology) if files and not writable else None
        if cached is not None:      # read-only: the export's on-disk store, kept while the server runs
            hold.enter_context(holding(cached))
            location = cached
        elif writable:   # pushes land in named graphs, so the default graph must follow them: the union
            for file in files:
                _load(binary, folder, file.resolve())
            if with_ontology:
                _load(binary, folder, KG_TTL, ONTOLOGY_GRAPH)
        else:
            _load_merged(folder, files[0] if files else None, with_ontology)
        backend = free_port()
        cmd = [binary, "serve" if writable else "serve-read-only", "--location", str(location / ""),
               "--bind", f"{HOST}:{backend}"] + (["--union-default-graph"] if writable else [])
        if query_timeout:
            cmd += ["--timeout-s", str(max(1, round(query_timeout)))]
        log = open(folder.parent / f"{folder.name}.log", "wb")
        process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   preexec_fn=_die_with_parent)
        log.close()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        hold.close()
        raise
    server = Server(process, port, folder, writable, location=location, hold=hold)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                break
            if _ready(f"http://{HOST}:{backend}/query"):
                try:
                    server.proxy = GuardProxy((HOST, port), backend, allow_service=allow_service,
                                              prefixes=PREFIXES, query_timeout=query_timeout)
                except OSError as exc:
                    server.stop()
                    raise InputError(f"the SPARQL endpoint did not start on {HOST}:{port}: {exc.strerror}",
                                     hint="try another --port (0 picks a free one)") from None
                server.proxy.start()
                return server
            time.sleep(0.05)
    except BaseException:   # interrupted while waiting: leave no server behind
        server.stop()
        raise
    message = server.log.read_text(errors="replace").strip()
    server.stop()
    raise InputError(f"the Oxigraph server did not start on {HOST}:{backend}: {message[-300:] or 'no answer'}",
                     hint="try another --port (0 picks a free one)")


@contextlib.contextmanager
def serving(exports: str | Path | None = None, **kwargs: object) -> Iterator[Server]:
    """``with serving(path, port=0) as server: ...`` — the server stops at the end of the block."""
    server = start_server(exports, **kwargs)  # type: ignore[arg-type]
    try:
        yield server
    finally:
        server.stop()
