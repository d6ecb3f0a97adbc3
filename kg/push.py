"""Publishing an export to any SPARQL 1.1 Graph Store Protocol endpoint: each named graph (one per
article, plus the merged graph) replaces the graph of the same name there (HTTP PUT), so pushing twice
changes nothing and a changed article replaces its old statements; ``remove`` deletes the graphs of
articles dropped from the corpus (HTTP DELETE)."""
from __future__ import annotations

import base64
import http.client
import re
import socket
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

_EXAMPLE = "give the Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store"
# a reply with one of these types is a web page (a login or error page, a wrong URL), not a Graph Store reply
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class PushSummary:
    graphs: int = 0
    triples: int = 0
    removed: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)      # asked to remove, but the endpoint did not have them
    endpoint: str = ""          # the endpoint as it may be shown: credentials replaced by "***"


@dataclass(frozen=True)
class Endpoint:
    """A checked Graph Store Protocol URL: where to send (``url``, without credentials), how to show it
    (``shown``), and the Authorization header its credentials make (or None)."""

    url: str
    shown: str
    authorization: str | None = None
    secrets: tuple[str, ...] = ()      # never printed, even when the server echoes them

    def hide(self, text: str) -> str:
        """``text`` (a server's answer, an error) with URL credentials and these secrets replaced by "***"."""
        text = _redact(text)
        for secret in sorted(self.secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text


def check_endpoint(endpoint: str) -> Endpoint:
    """Check a Graph Store Protocol URL before anything is sent: http(s), a host, a valid port, no fragment
    (``?graph=`` would land inside it and every PUT would replace the whole store), no spaces or control
    characters. Credentials in the URL (``http://user:pw@host/store``) become an Authorization header and
    are never shown.

    Raises:
        InputError: what is wrong with the URL (shown without its credentials).

    >>> check_endpoint("http://kg:secret@127.0.0.1:7878/store").shown
    'http://***@127.0.0.1:7878/store'
    """
    shown = _redact(endpoint)
    if re.search(r"[\x00-\x20\x7f-\x9f]", endpoint):
        raise InputError(f"{shown!r}: the URL holds a space or a control character", hint=_EXAMPLE)
    if not endpoint.isascii():
        raise InputError(f"{shown!r}: the URL holds a character that is not ASCII",
                         hint="percent-encode it (e.g. %C3%A9 for é), or use the host's ASCII (xn--) name")
    try:
        parts = urllib.parse.urlsplit(endpoint)
        port = parts.port
    except ValueError as exc:
        raise InputError(f"{shown!r} is not a valid URL ({_redact(str(exc))})", hint=_EXAMPLE) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"{shown!r} is not an http(s) URL", hint=_EXAMPLE)
    if not parts.hostname:
        raise InputError(f"{shown!r} has no host", hint=_EXAMPLE)
    if "#" in endpoint:
        raise InputError(f"{shown!r} has a fragment ('#...'): the graph name would be sent inside it and every "
                         "PUT would replace the whole store", hint="remove the '#' and what follows it")
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    netloc = host + (f":{port}" if port is not None else "")
    url = urllib.parse.urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))
    authorization = None
    secrets: tuple[str, ...] = ()
    if parts.username is not None or parts.password is not None:
        user = urllib.parse.unquote(parts.username or "")
        password = urllib.parse.unquote(parts.password or "")
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        authorization = "Basic " + token
        secrets = tuple(x for x in {user, password, parts.username or "", parts.password or "", token} if len(x) >= 3)
    return Endpoint(url, shown, authorization, secrets)


def _redact(text: str) -> str:
    """``text`` with the user-info part of any URL in it replaced by "***"."""
    return re.sub(r"(?i)(\b[a-z][a-z0-9+.-]*://)[^/?#\s]*@", r"\1***@", text)


def graph_request(endpoint: str | Endpoint, graph: str, body: bytes | None, method: str) -> urllib.request.Request:
    """A Graph Store Protocol request on the graph ``graph`` (indirect identification: ``?graph=IRI`` added
    to the endpoint's query string)."""
    target = endpoint if isinstance(endpoint, Endpoint) else check_endpoint(endpoint)
    parts = urllib.parse.urlsplit(target.url)
    query = "&".join(x for x in (parts.query, "graph=" + urllib.parse.quote(graph, safe="")) if x)
    url = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    headers = {"Content-Type": "application/n-triples"} if body is not None else {}
    if target.authorization:
        headers["Authorization"] = target.authorization
    return urllib.request.Request(url, data=body, method=method, headers=headers)


# no proxy from the environment: the data goes to the endpoint named, and nowhere else
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _one_line(data: bytes) -> str:
    return " ".join(data.decode("utf-8", "replace").split())[:200]


def _send(request: urllib.request.Request, endpoint: Endpoint, name: str, timeout: float,
          missing_ok: bool = False) -> bool:
    """Send one request; True when done, False when ``missing_ok`` and the graph was not there (HTTP 404)."""
    where = f"{endpoint.shown}: graph <{name}>"
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            kind = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            body = response.read(65536)
            if response.status not in (200, 201, 204):
                raise InputError(f"{where} answered HTTP {response.status}, not a Graph Store Protocol reply")
            if kind in _PAGE_TYPES:
                raise InputError(f"{where} answered with a web page (HTTP {response.status}, {kind}), not a Graph "
                                 f"Store Protocol reply: {endpoint.hide(_one_line(body))[:120]}",
                                 hint="is the URL the store endpoint (kg serve prints it: .../store)?")
            return True
    except urllib.error.HTTPError as exc:
        if missing_ok and exc.code == 404:
            return False
        detail = endpoint.hide(_one_line(exc.read()))
        raise InputError(f"{where} refused with HTTP {exc.code}: {detail}",
                         hint="is it a writable Graph Store Protocol endpoint (kg serve --writable)?") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise InputError(f"{endpoint.shown}: no answer within {timeout:g} s",
                             hint="is the server busy or hanging? try again, or raise --timeout") from None
        text = reason.strerror if isinstance(reason, OSError) and reason.strerror else str(reason)
        raise InputError(f"{endpoint.shown}: cannot connect: {endpoint.hide(text)}",
                         hint="is the server running? (kg serve --writable)") from None
    except (TimeoutError, socket.timeout):
        raise InputError(f"{endpoint.shown}: no answer within {timeout:g} s",
                         hint="is the server busy or hanging? try again, or raise --timeout") from None
    except http.client.RemoteDisconnected:
        raise InputError(f"{endpoint.shown}: the server closed the connection without answering",
                         hint="is it an HTTP server, and the Graph Store Protocol URL?") from None
    except (http.client.HTTPException, ConnectionError) as exc:
        raise InputError(f"{endpoint.shown}: not a valid HTTP reply ({type(exc).__name__})",
                         hint="is it an HTTP server, and the Graph Store Protocol URL? (https:// on an http port?)"
                         ) from None
    except OSError as exc:   # TLS errors, connection resets while sending, ...
        raise InputError(f"{endpoint.shown}: connection failed: {endpoint.hide(exc.strerror or str(exc))}") from None


def push(exports: str | Path, endpoint: str, *, remove: Iterable[str] = (), timeout: float = 60.0,
         on_graph: Callable[[str, int], None] | None = None) -> PushSummary:
    """PUT every named graph of ``exports`` (graph.nq or graph.trig) to the GSP ``endpoint``, then DELETE the
    graphs of the article ids in ``remove`` (articles dropped from the corpus; absent ones are fine).

    Each request waits at most ``timeout`` seconds. Only a 200/201/204 reply that is not a web page counts as
    done. Messages never show credentials given in the URL.

    Raises:
        InputError: a bad endpoint URL, an export without named graphs, or an endpoint that cannot be
            reached, does not answer in time, answers something other than a Graph Store reply, or refuses.
    """
    target = check_endpoint(endpoint)
    path = resolve_export(exports)
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for q in read_quads(path):
        if isinstance(q.graph_name, ox.NamedNode):
            graphs[q.graph_name.value].append(q.triple)
    if not graphs:
        raise InputError(f"{path}: no named graphs to push", hint="push graph.trig or graph.nq (or the folder)")
    base = _base_of(graphs)
    for article_id in remove:     # checked before anything is sent: a mistake must not leave a half push
        if str(graph_iri(article_id, base)) in graphs:
            raise InputError(f"article {article_id!r} is still in {path}; rebuild without it before removing it")
    summary = PushSummary(endpoint=target.shown)
    for name in sorted(graphs):
        body = ox.serialize(graphs[name], format=ox.RdfFormat.N_TRIPLES) or b""
        _send(graph_request(target, name, body, "PUT"), target, name, timeout)
        summary.graphs += 1
        summary.triples += len(graphs[name])
        if on_graph:
            on_graph(name, len(graphs[name]))
    for article_id in remove:
        name = str(graph_iri(article_id, base))
        if _send(graph_request(target, name, None, "DELETE"), target, name, timeout, missing_ok=True):
            summary.removed.append(name)
        else:
            summary.absent.append(name)
    return summary


def _base_of(graphs: dict[str, list[ox.Triple]]) -> str:
    """The build's base IRI, read off its merged graph's name."""
    suffix = str(merged_graph_iri(""))   # "graph/merged" after the base
    for name in graphs:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    raise InputError("the export has no merged graph (…/graph/merged); was it written by kg build?")
