"""The front door of ``kg serve``: a small HTTP proxy on 127.0.0.1 in front of the Oxigraph server, which
listens on another loopback port. It forwards every request unchanged, except that it refuses (HTTP 403)
a query using ``SERVICE`` or an update using ``SERVICE``/``LOAD`` — Oxigraph would otherwise send requests
to any host a client names — unless the server was started with ``allow_service``.

The proxy runs in threads of the ``kg serve`` process, so it ends with it.
"""
from __future__ import annotations

import http.client
import threading
import urllib.parse
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kg.sparql_guard import NETWORK_HINT, network_use
from kg.sparql_prefixes import with_prefixes

__all__ = ["GuardProxy", "sparql_texts", "with_request_prefixes"]

# headers about one hop of a connection, never forwarded
_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
                  "transfer-encoding", "upgrade", "proxy-connection", "expect"})
_FORM = "application/x-www-form-urlencoded"
_BODY_KINDS = {"application/sparql-query": "query", "application/sparql-update": "update"}


def sparql_texts(target: str, content_type: str, body: bytes) -> list[tuple[str, str]]:
    """Every SPARQL text a request carries, as ("query" | "update", text): ``query``/``update`` parameters of
    the URL and of a form body, or a ``application/sparql-query``/``-update`` body.

    Raises:
        ValueError: the request carries a body of any other type outside the Graph Store (so it could hold a
            query this function cannot see), or text that is not UTF-8.
    """
    parts = urllib.parse.urlsplit(target)
    found = []
    params = urllib.parse.parse_qs(parts.query, keep_blank_values=True, encoding="utf-8", errors="strict")
    kind = content_type.split(";")[0].strip().lower()
    if body and kind == _FORM:
        form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True, encoding="utf-8",
                                     errors="strict")
        for key, values in form.items():
            params.setdefault(key, []).extend(values)
    elif body and kind in _BODY_KINDS:
        found.append((_BODY_KINDS[kind], body.decode("utf-8")))
    elif body and not parts.path.rstrip("/").endswith("/store"):
        raise ValueError(f"unsupported content type {kind or '(none)'!r}; send application/sparql-query, "
                         f"application/sparql-update or {_FORM}")
    for key in ("query", "update"):
        found.extend((key, value) for value in params.get(key, []))
    return found


def with_request_prefixes(target: str, content_type: str, body: bytes,
                          prefixes: Mapping[str, str]) -> tuple[str, bytes]:
    """The request target and body with ``prefixes`` declared in every SPARQL text they carry (see
    :func:`sparql_texts`), unless the text declares the prefix itself; anything else is unchanged.

    Raises:
        UnicodeDecodeError: text that is not UTF-8.
    """
    if not prefixes:
        return target, body
    parts = urllib.parse.urlsplit(target)
    kind = content_type.split(";")[0].strip().lower()

    def rewrite(encoded: str) -> str:
        pairs = urllib.parse.parse_qsl(encoded, keep_blank_values=True, encoding="utf-8", errors="strict")
        if not any(key in ("query", "update") for key, _ in pairs):
            return encoded
        return urllib.parse.urlencode([(key, with_prefixes(value, prefixes) if key in ("query", "update")
                                        else value) for key, value in pairs], quote_via=urllib.parse.quote)

    query = rewrite(parts.query) if parts.query else parts.query
    if query != parts.query:
        target = urllib.parse.urlunsplit(parts._replace(query=query))
    if body and kind == _FORM:
        body = rewrite(body.decode("utf-8")).encode("utf-8")
    elif body and kind in _BODY_KINDS:
        body = with_prefixes(body.decode("utf-8"), prefixes).encode("utf-8")
    return target, body


class _Handler(BaseHTTPRequestHandler):
    server: GuardProxy
    # HTTP/1.1 so "Expect: 100-continue" is answered at once (curl otherwise waits a second before a large PUT);
    # every answer says "Connection: close", so a streamed answer simply ends with the connection
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:   # noqa: A002 - the base class's name
        pass

    def _refuse(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(data)
            except OSError:      # the client is gone
                pass

    def _forward(self) -> None:
        if self.headers.get("Transfer-Encoding"):
            return self._refuse(411, "send the body with a Content-Length (chunked bodies are not accepted)")
        try:
            length = int(self.headers.get("Content-Length") or 0)
            if length < 0:
                raise ValueError
        except ValueError:
            return self._refuse(400, "invalid Content-Length")
        body = self.rfile.read(length) if length else b""
        try:
            texts = sparql_texts(self.path, self.headers.get("Content-Type", ""), body)
        except UnicodeDecodeError:
            return self._refuse(400, "the request is not UTF-8 text")
        except ValueError as exc:
            return self._refuse(415, str(exc))
        if not self.server.allow_service:
            for kind, text in texts:
                refused = network_use(text, update=kind == "update")
                if refused:
                    return self._refuse(403, f"refused: {refused}. {NETWORK_HINT} (kg serve --allow-service)")
        target, body = with_request_prefixes(self.path, self.headers.get("Content-Type", ""), body,
                                             self.server.prefixes)
        # only queries are limited: a large Graph Store PUT or an update may take its time
        limit = self.server.query_timeout if any(kind == "query" for kind, _ in texts) else None
        backend = http.client.HTTPConnection(self.server.backend_host, self.server.backend_port, timeout=limit)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
            if body or length:
                headers = {k: v for k, v in headers.items() if k.lower() != "content-length"}
            backend.request(self.command, target, body=body if body or length else None, headers=headers)
            answer = backend.getresponse()
            self.send_response(answer.status, answer.reason)
            for key, value in answer.getheaders():
                if key.lower() not in _HOP:
                    self.send_header(key, value)
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                while chunk := answer.read(65536):
                    self.wfile.write(chunk)
        except TimeoutError:
            self._refuse(503, f"the query took longer than {self.server.query_timeout:g} s and was stopped "
                              f"(kg serve --timeout SECONDS sets the limit)")
        except OSError as exc:
            self._refuse(502, f"the Oxigraph server did not answer: {exc}")
        finally:
            backend.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_OPTIONS = _forward


class GuardProxy(ThreadingHTTPServer):
    """``GuardProxy((host, port), backend_port)``; :meth:`start` serves in a daemon thread, :meth:`stop` ends.
    ``prefixes`` are declared in every query and update that does not declare them itself; an answer that
    does not start (or stalls) for ``query_timeout`` seconds becomes HTTP 503.

    Raises:
        OSError: the port cannot be bound (in use, ...).
    """

    daemon_threads = True

    def __init__(self, address: tuple[str, int], backend_port: int, *, allow_service: bool = False,
                 prefixes: Mapping[str, str] | None = None, query_timeout: float | None = None) -> None:
        super().__init__(address, _Handler)
        self.query_timeout = query_timeout
        self.prefixes = dict(prefixes or {})
        self.backend_host = address[0]
        self.backend_port = backend_port
        self.allow_service = allow_service
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():
            self.shutdown()
            self._thread.join(5)
        self.server_close()
