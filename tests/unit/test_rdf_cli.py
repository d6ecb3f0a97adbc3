"""kg validate and kg stats on hand-built exports; every RDF command has help."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export import RDF_EXPORTS
from kg.graph import to_quads
from kg.stats import stats
from tests.kgfixtures import make_kg


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    data = to_quads(make_kg())
    for name, writer in RDF_EXPORTS.items():
        writer(data, folder / name)
    return folder


@pytest.mark.parametrize("name", sorted(RDF_EXPORTS))
def test_rdf_cli_validate_conforms(exports: Path, name: str) -> None:
    result = CliRunner().invoke(cli, ["validate", str(exports / name)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("conforms: 254 triples satisfy every shape")


def test_rdf_cli_validate_reports_violations(tmp_path: Path, exports: Path) -> None:
    text = (exports / "graph.nq").read_text().replace('"2021-10-09"^^<http://www.w3.org/2001/XMLSchema#date>',
                                                       '"2021-02-30"^^<http://www.w3.org/2001/XMLSchema#date>')
    (tmp_path / "graph.nq").write_text(text)
    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "does not conform" in result.output and "kgsh:ArticleShape" in result.output
    assert "schema:datePublished" in result.output


def test_rdf_cli_stats(exports: Path) -> None:
    result = stats(exports)
    assert result.totals == {"articles": 2, "entities": 6, "statements": 7, "edges": 4, "relations": 6}
    assert result.breakdown["polarity"] == {"positive": 5, "negative": 2}
    assert result.breakdown["modality"] == {"asserted": 4, "planned": 2, "conditional": 1}
    assert result.breakdown["entity types"]["Person"] == 2
    assert result.breakdown["relation classes"]["cooperation"] == 2
    out = CliRunner().invoke(cli, ["stats", str(exports), "--json"])
    assert out.exit_code == 0 and json.loads(out.output)["named_graphs"] == 3
    out = CliRunner().invoke(cli, ["stats", str(exports)])
    assert out.exit_code == 0 and out.output.startswith("triples: 254  named graphs: 3")


@pytest.mark.parametrize("command", ["query", "validate", "stats", "serve", "push"])
def test_rdf_cli_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"], prog_name="kg")
    assert result.exit_code == 0 and "Usage: kg " + command in result.output
    assert len(cli.commands[command].help or "") > 20


def test_rdf_cli_validate_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "x.trig")])
    assert result.exit_code == 1 and result.output.startswith("Error: ")
