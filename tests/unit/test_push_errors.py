"""kg push against endpoints that misbehave: every failure is one line naming the endpoint (never its
credentials), nothing is sent to a URL that would misname the graphs, and only a Graph Store reply counts."""
from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export import write_nquads
from kg.graph import to_quads
from kg.push import check_endpoint, graph_request
from tests.kgfixtures import make_kg

Reply = Callable[[socket.socket, bytes], None]


class FakeServer:
    """A TCP server on 127.0.0.1 answering every connection with ``reply``; it records what it received."""

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.requests: list[bytes] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(5)
                data = b""
                try:
                    while b"\r\n\r\n" not in data:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                    head, _, body = data.partition(b"\r\n\r\n")
                    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                                   if line.lower().startswith(b"content-length:")), 0)
                    while len(body) < length:
                        body += conn.recv(65536)
                    self.requests.append(head)
                    self.reply(conn, head)
                except OSError:
                    pass

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join(5)
        self.sock.close()


def http_reply(status: str, content_type: str | None = None, body: bytes = b"") -> Reply:
    def reply(conn: socket.socket, head: bytes) -> None:
        headers = f"HTTP/1.1 {status}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n"
        if content_type:
            headers += f"Content-Type: {content_type}\r\n"
        conn.sendall(headers.encode() + b"\r\n" + body)
    return reply


def close_at_once(conn: socket.socket, head: bytes) -> None:
    conn.close()


def garbage(conn: socket.socket, head: bytes) -> None:
    conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")


def silence(conn: socket.socket, head: bytes) -> None:
    threading.Event().wait(3)


@pytest.fixture()
def exports(tmp_path: Path) -> Path:
    write_nquads(to_quads(make_kg()), tmp_path / "graph.nq")
    return tmp_path


@pytest.fixture()
def server(request: pytest.FixtureRequest) -> Iterator[FakeServer]:
    fake = FakeServer(request.param)
    yield fake
    fake.stop()


def run_push(exports: Path, endpoint: str, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["push", str(exports), "--endpoint", endpoint, "-q", *extra])
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


@pytest.mark.parametrize(("server", "message"), [
    pytest.param(close_at_once, "closed the connection without answering", id="closes"),
    pytest.param(garbage, "not a valid HTTP reply", id="not-http"),
    pytest.param(silence, "no answer within 0.5 s", id="no-reply"),
    pytest.param(http_reply("200 OK", "text/html", b"<html><body>Welcome to nginx</body></html>"),
                 "answered with a web page", id="html-200"),
    pytest.param(http_reply("202 Accepted"), "answered HTTP 202", id="202"),
    pytest.param(http_reply("401 Unauthorized", "text/plain", b"who are you?\r\nnot kg:secret"), "refused with HTTP 401",
                 id="401"),
], indirect=["server"])
def test_push_errors_misbehaving_server_is_one_line(exports: Path, server: FakeServer, message: str) -> None:
    code, output = run_push(exports, f"http://kg:secret@127.0.0.1:{server.port}/store", "--timeout", "0.5")
    assert code == 1, output
    assert message in output
    assert output.startswith(f"Error: http://***@127.0.0.1:{server.port}/store")
    assert "secret" not in output and "kg:" not in output.split("graph")[0]
    assert server.requests, "the request was sent"


@pytest.mark.parametrize("server", [http_reply("204 No Content")], indirect=True)
def test_push_errors_credentials_go_in_a_header_never_in_the_output(exports: Path, server: FakeServer) -> None:
    code, output = run_push(exports, f"http://kg:s%40cret@127.0.0.1:{server.port}/store?x=1")
    assert code == 0, output
    assert output == f"pushed 3 graphs, 255 triples to http://***@127.0.0.1:{server.port}/store?x=1\n"
    first = server.requests[0].decode()
    assert first.startswith("PUT /store?x=1&graph=https%3A%2F%2Fexample.org%2Fkg%2Fgraph%2Farticle%2Fother HTTP/1.1")
    assert "Authorization: Basic a2c6c0BjcmV0" in first     # base64 of "kg:s@cret"


@pytest.mark.parametrize("server", [http_reply("204 No Content")], indirect=True)
@pytest.mark.parametrize(("suffix", "message"), [
    ("/store#x", "has a fragment"),
    ("/st ore", "holds a space or a control character"),
    ("/store\r\nX-Evil: 1", "holds a space or a control character"),
])
def test_push_errors_bad_urls_send_nothing(exports: Path, server: FakeServer, suffix: str, message: str) -> None:
    code, output = run_push(exports, f"http://127.0.0.1:{server.port}{suffix}")
    assert code == 1 and message in output
    assert output.count("\n") <= 2
    assert server.requests == []


@pytest.mark.parametrize(("url", "message"), [
    ("http://[::1", "is not a valid URL (Invalid IPv6 URL)"),
    ("http://127.0.0.1:abc/store", "is not a valid URL (Port could not be cast"),
    ("http://127.0.0.1:99999/store", "is not a valid URL"),
    ("http:///store", "has no host"),
    ("file:///etc/passwd", "is not an http(s) URL"),
    ("http://user:pw@[::1", "is not a valid URL"),
])
def test_push_errors_malformed_endpoint(exports: Path, url: str, message: str) -> None:
    code, output = run_push(exports, url)
    assert code == 1 and message in output, output
    assert "pw" not in output


def test_push_errors_graph_name_is_always_in_the_query() -> None:
    request = graph_request(check_endpoint("http://127.0.0.1:7878/store?a=b"), "https://x/g#1", b"", "PUT")
    assert request.full_url == "http://127.0.0.1:7878/store?a=b&graph=https%3A%2F%2Fx%2Fg%231"
    assert check_endpoint("HTTP://[::1]:7878/store").url == "http://[::1]:7878/store"
