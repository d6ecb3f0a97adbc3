"""Publishing an export to any SPARQL 1.1 Graph Store Protocol endpoint: each named graph (one per
article, plus the merged graph) replaces the graph of the same name there (HTTP PUT), so pushing twice
changes nothing and a changed article replaces its old statements; ``remove`` deletes the graphs of
articles dropped from the corpus (HTTP DELETE)."""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.iri import graph_iri, merged_graph_iri
from kg.store import read_quads, resolve_export


@dataclass
class PushSummary:
    graphs: int = 0
    triples: int = 0
    removed: list[str] = field(default_factory=list)


def graph_request(endpoint: str, graph: str, body: bytes | None, method: str) -> urllib.request.Request:
    """A Graph Store Protocol request on the graph ``graph`` (indirect identification: ``?graph=IRI``)."""
    sep = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"
    headers = {"Content-Type": "application/n-triples"} if body is not None else {}
    return urllib.request.Request(url, data=body, method=method, headers=headers)


def _send(request: urllib.request.Request, endpoint: str, name: str, timeout: float,
          missing_ok: bool = False) -> None:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if response.status not in (200, 201, 204):
                raise InputError(f"{endpoint}: graph <{name}> answered HTTP {response.status}")
    except urllib.error.HTTPError as exc:
        if missing_ok and exc.code == 404:
            return
        detail = exc.read().decode("utf-8", "replace").strip()[:200]
        raise InputError(f"{endpoint}: graph <{name}> refused with HTTP {exc.code}: {detail}",
                         hint="is it a writable Graph Store Protocol endpoint (kg serve --writable)?") from None
    except urllib.error.URLError as exc:
        raise InputError(f"{endpoint}: cannot connect: {exc.reason}",
                         hint="is the server running? (kg serve --writable)") from None


def push(exports: str | Path, endpoint: str, *, remove: Iterable[str] = (), timeout: float = 60.0,
         on_graph: Callable[[str, int], None] | None = None) -> PushSummary:
    """PUT every named graph of ``exports`` (graph.nq or graph.trig) to the GSP ``endpoint``, then DELETE the
    graphs of the article ids in ``remove`` (articles dropped from the corpus; absent ones are fine).

    Raises:
        InputError: the export has no named graphs, or the endpoint cannot be reached or refuses a graph.
    """
    if not endpoint.startswith(("http://", "https://")):
        raise InputError(f"{endpoint!r} is not an http(s) URL",
                         hint="give the Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store")
    path = resolve_export(exports)
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for q in read_quads(path):
        if isinstance(q.graph_name, ox.NamedNode):
            graphs[q.graph_name.value].append(q.triple)
    if not graphs:
        raise InputError(f"{path}: no named graphs to push", hint="push graph.trig or graph.nq (or the folder)")
    summary = PushSummary()
    for name in sorted(graphs):
        body = ox.serialize(graphs[name], format=ox.RdfFormat.N_TRIPLES) or b""
        _send(graph_request(endpoint, name, body, "PUT"), endpoint, name, timeout)
        summary.graphs += 1
        summary.triples += len(graphs[name])
        if on_graph:
            on_graph(name, len(graphs[name]))
    base = _base_of(graphs)
    for article_id in remove:
        name = str(graph_iri(article_id, base))
        if name in graphs:
            raise InputError(f"article {article_id!r} is still in {path}; rebuild without it before removing it")
        _send(graph_request(endpoint, name, None, "DELETE"), endpoint, name, timeout, missing_ok=True)
        summary.removed.append(name)
    return summary


def _base_of(graphs: dict[str, list[ox.Triple]]) -> str:
    """The build's base IRI, read off its merged graph's name."""
    suffix = str(merged_graph_iri(""))   # "graph/merged" after the base
    for name in graphs:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    raise InputError("the export has no merged graph (…/graph/merged); was it written by kg build?")
