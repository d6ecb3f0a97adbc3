"""CLI contracts: exit codes, one-line errors with hints, help on every command."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_cli_every_command_has_help(runner):
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help, f"{name} has no help text"


def test_cli_build_without_articles_is_an_input_error(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(cli, ["build", str(tmp_path / "empty"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Error: no readable articles found in" in result.output
    assert "Traceback" not in result.output


def test_cli_build_strict_names_the_bad_file(runner, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Fine text here."}\n{not json\n')
    result = runner.invoke(cli, ["build", str(bad), "-o", str(tmp_path / "out"), "--strict"])
    assert result.exit_code == 1
    assert "bad.jsonl:2" in result.output


def test_cli_bad_base_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path), "--base", "https://x.org/kg"])
    assert result.exit_code == 2
    assert "--base" in result.output


def test_cli_missing_model_names_the_install_command(runner):
    result = runner.invoke(cli, ["extract", "The Taliban met the US.", "--model", "en_no_such_pipeline"])
    assert result.exit_code == 1
    assert "spaCy pipeline 'en_no_such_pipeline' is not installed" in result.output
    assert "pip install" in result.output


@pytest.mark.model
def test_cli_extract_json_lines(runner):
    result = runner.invoke(cli, ["extract", "The Taliban said it will not work with the US.", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {"subject": "Taliban", "relation": "work with", "object": "US", "polarity": "negative"}.items() <= \
        rows[0].items()


@pytest.mark.model
def test_cli_build_is_incremental_and_skips_bad_files(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Iran criticized Israel on Monday.\n\nTurkey invaded Syria.\n")
    (folder / "b.jsonl").write_bytes(b'{"id": "b", "title": "T", "text": "Russia attacked Ukraine."}\n\xff\xfe\n')
    out = tmp_path / "out"
    first = runner.invoke(cli, ["build", str(folder), "-o", str(out), "-q"])
    assert first.exit_code == 0, first.output
    assert "2 parsed, 0 unchanged" in first.output
    assert "skipped: 1" in first.output and "b.jsonl:2" in first.output
    second = runner.invoke(cli, ["build", str(folder), "-o", str(out), "-q"])
    assert "0 parsed, 2 unchanged" in second.output
    assert (out / "graph.ttl").exists() and (out / "graph.graphml").exists()


def test_cli_extract_missing_file_is_an_input_error(runner, tmp_path):
    result = runner.invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt: no such file" in result.output


def test_cli_build_missing_path_says_why(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_cli_view_open_without_a_browser_says_so(tmp_path, monkeypatch) -> None:
    import webbrowser

    import networkx as nx
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.export.graphml import write_graphml

    g = nx.MultiDiGraph()
    g.add_node("e:a", label="A", type="Person")
    write_graphml(g, tmp_path / "graph.graphml")
    monkeypatch.setattr(webbrowser, "open", lambda url: False)
    result = CliRunner().invoke(cli, ["view", str(tmp_path), "--open"])
    assert result.exit_code == 0
    assert "no web browser could be opened" in result.output and (tmp_path / "graph.html").is_file()
