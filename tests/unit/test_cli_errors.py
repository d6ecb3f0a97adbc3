"""CLI error paths: a bad option or argument is one `Error:` line (exit 1 data, 2 usage), found before any
work is done, never a traceback."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import cli
from kg.export import write_nquads
from kg.graph import to_quads
from tests.kgfixtures import make_kg

NO_MODEL = ["--model", "en_no_such_pipeline"]    # proves a check ran before the model was wanted


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"id": "a", "text": "Iran criticized Israel on Monday."}) + "\n")
    return folder


@pytest.fixture()
def exports(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    write_nquads(to_quads(make_kg()), folder / "graph.nq")
    return folder


@pytest.mark.parametrize(("base", "message"), [
    ("https://x.org/kg", "must end with '/' or '#'"),
    ("not an iri/", "is not absolute"),
    ("kg/", "is not absolute"),
    ("http://x.org/a b/", "holds a character an IRI may not hold (' ')"),
    ("http://x.org/<a>/", "holds a character an IRI may not hold ('<')"),
    ("http://x.org/\udcff/", "holds a character an IRI may not hold"),
])
def test_cli_errors_bad_base_before_any_parsing(articles: Path, tmp_path: Path, base: str, message: str) -> None:
    result = invoke("build", str(articles), "-o", str(tmp_path / "out"), "--base", base, *NO_MODEL)
    assert result.exit_code == 2
    assert "--base" in result.output and message in result.output


def test_cli_errors_library_build_checks_base_first(articles: Path, tmp_path: Path) -> None:
    from kg.errors import UsageError
    from kg.pipeline import build

    with pytest.raises(UsageError, match="not absolute"):
        build([articles], tmp_path / "out", base="no-scheme/", model="en_no_such_pipeline")


def test_cli_errors_output_under_a_file(articles: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = invoke("build", str(articles), "-o", str(tmp_path / "file" / "out"), *NO_MODEL)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'file' / 'out'}: cannot create the output folder: a part "
                                    "of the path is a file")


def test_cli_errors_output_cannot_be_created(articles: Path) -> None:
    result = invoke("build", str(articles), "-o", "/proc/kg-cannot-be-here/out", *NO_MODEL)
    assert result.exit_code == 1
    assert result.output.startswith("Error: /proc/kg-cannot-be-here/out: cannot create the output folder")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_cli_errors_read_only_output(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = invoke("build", str(articles), "-o", str(out), *NO_MODEL)
    finally:
        out.chmod(0o755)
    assert result.exit_code == 1 and "cannot write into the output folder" in result.output


def test_cli_errors_binary_query_file(exports: Path, tmp_path: Path) -> None:
    (tmp_path / "q.rq").write_bytes(b"SELECT \xff\xfe\x00 WHERE {}")
    result = invoke("query", str(exports), "--file", str(tmp_path / "q.rq"))
    assert result.exit_code == 2
    assert "is not UTF-8 text (byte 0xff at offset 7)" in result.output


def test_cli_errors_non_utf8_arguments(exports: Path) -> None:
    # the shell passes bytes that are not UTF-8 to Python as lone surrogates ("\xff" -> "\udcff")
    result = invoke("query", str(exports), "SELECT * WHERE { ?s ?p \"\udcff\" }")
    assert result.exit_code == 2 and "the SPARQL query is not valid UTF-8 text (byte 0xff)" in result.output
    result = invoke("push", str(exports), "--endpoint", "http://127.0.0.1:9/st\udcffore")
    assert result.exit_code == 1 and "not ASCII" in result.output
    result = invoke("extract", "Iran criticized \udcff Israel.", *NO_MODEL)
    assert result.exit_code == 2 and "not valid UTF-8" in result.output


@pytest.mark.parametrize("value", ["not-a-date", "2021-13-01", "2021-02-30x"])
def test_cli_errors_timeline_bad_date_is_an_error(exports: Path, value: str) -> None:
    result = invoke("query", str(exports), "--query", "timeline", "--param", "entity=Taliban", "--param",
                    f"from={value}")
    assert result.exit_code == 2 and f"{value!r} is not a date" in result.output


def test_cli_errors_timeline_dates_still_filter(exports: Path) -> None:
    everything = invoke("query", str(exports), "--query", "timeline", "--param", "entity=Zalmay Khalilzad",
                        "--format", "csv")
    later = invoke("query", str(exports), "--query", "timeline", "--param", "entity=Zalmay Khalilzad",
                   "--param", "from=2021-11-01", "--format", "csv")
    assert everything.exit_code == later.exit_code == 0
    assert len(later.output.splitlines()) == 2 < len(everything.output.splitlines())


@pytest.mark.parametrize("text", [
    "A" * 300,                                 # >= 256 bytes, no "/": once "File name too long"
    "word " * 100 + "x" * 300,
    "Iran\x00 criticized Israel.",             # a NUL byte: once ValueError from the path check
])
def test_cli_errors_extract_text_that_is_no_path(text: str) -> None:
    from kg.extract_text import _articles

    [article] = _articles(text)
    assert article.source == "<text>" and "\x00" not in article.text


def test_cli_errors_extract_long_path_component(tmp_path: Path) -> None:
    result = invoke("extract", str(tmp_path / ("x" * 300 + ".txt")), *NO_MODEL)
    assert result.exit_code == 1 and "no such file" in result.output


@pytest.mark.model
def test_cli_errors_extract_carb_one_line_per_tuple() -> None:
    text = "The Taliban met the\nUnited States envoy in Doha.\n\nThe\tenvoy\trejected the\r\noffer."
    result = invoke("extract", text, "--format", "carb")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines
    for line in lines:
        fields = line.split("\t")
        assert len(fields) >= 4 and fields[1].replace(".", "").isdigit(), line
        assert all(f == " ".join(f.split()) for f in fields), line


@pytest.mark.parametrize("command", ["query", "stats", "validate", "push"])
@pytest.mark.parametrize("kind", ["fifo", "long-name", "long-folder"])
def test_cli_errors_export_paths_that_cannot_be_read(tmp_path: Path, command: str, kind: str) -> None:
    if kind == "fifo":
        path, message = tmp_path / "graph.ttl", "not a regular file"
        os.mkfifo(path)                      # reading it would block forever
    else:
        path = tmp_path / ("x" * 300 + ".ttl") if kind == "long-name" else tmp_path / ("x" * 300) / "graph.ttl"
        message = "no such file or folder"
    extra = {"query": ["ASK {}"], "push": ["--endpoint", "http://127.0.0.1:9/store"]}.get(command, [])
    result = invoke(command, str(path), *extra)
    assert result.exit_code == 1 and f"{path}: {message}" in result.output


def test_cli_errors_query_file_that_is_a_fifo(exports: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "q.rq")
    result = invoke("query", str(exports), "--file", str(tmp_path / "q.rq"))
    assert result.exit_code == 2 and "is not a regular file" in result.output
    result = invoke("query", str(exports), "--file", str(tmp_path / ("x" * 300 + ".rq")))
    assert result.exit_code == 2 and "File name too long" in result.output


def test_cli_errors_unwritable_output_even_as_root(articles: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the tests run as root, the refusal to write is simulated (a read-only mount says the same)."""
    import errno
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    result = invoke("build", str(articles), "-o", str(tmp_path / "out"), *NO_MODEL)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'out'}: cannot write into the output folder: Read-only file "
                                    "system")
