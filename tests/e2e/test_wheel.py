"""kg as an installed package: build the wheel offline, install it into a fresh environment (dependencies
borrowed from the project's .venv, nothing downloaded) and run the commands that read ``ontology/``
from a folder that is not the source tree."""
from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.model, pytest.mark.wheel]


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a fresh venv holding kg installed from its wheel."""
    work = tmp_path_factory.mktemp("wheel")
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                 "--quiet", "-w", work / "dist", ROOT, cwd=work)
    assert built.returncode == 0, built.stderr
    wheels = list((work / "dist").glob("kg-*.whl"))
    assert len(wheels) == 1
    venv = work / "venv"
    made = _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)
    assert made.returncode == 0, made.stderr
    # the project's installed dependencies, after the fresh site-packages (a .pth in a .pth-added folder is
    # not processed, so the project's editable kg stays out of sight)
    site = Path(_run(venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                     cwd=work).stdout.strip())
    (site / "kg-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    installed = _run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "--no-deps",
                     "--no-index", "--quiet", wheels[0], cwd=work)
    assert installed.returncode == 0, installed.stderr
    return venv / "bin"


def test_wheel_holds_ontology_and_imports_kg_from_itself(installed, tmp_path):
    where = _run(installed / "python", "-c", "import kg, kg.data; print(kg.__file__); print(kg.data.ontology_dir())",
                 cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    module, data = where.stdout.split()
    assert Path(module).is_relative_to(installed.parent) and Path(data).is_relative_to(installed.parent)
    wheel = next((installed.parent.parent / "dist").glob("kg-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"kg/_ontology/{p.relative_to(ROOT / 'ontology').as_posix()}"
                for p in (ROOT / "ontology").rglob("*") if p.is_file()}
    assert expected and expected <= names, sorted(expected - names)


def test_wheel_build_query_list_and_validate(installed, demo_exports, tmp_path):
    out = tmp_path / "exports"
    build = _run(installed / "kg", "build", ROOT / "articles", "-o", out, "-q", cwd=tmp_path)
    assert build.returncode == 0, build.stderr
    assert "articles: 1" in build.stdout
    for name in ("graph.ttl", "graph.nq", "graph.graphml"):    # the same bytes as the source tree's build
        assert (out / name).read_bytes() == (demo_exports / name).read_bytes(), name
    listed = _run(installed / "kg", "query", out, "--list", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    names = {line.split(":")[0] for line in listed.stdout.splitlines() if line and not line.startswith(" ")}
    assert names == {p.stem for p in (ROOT / "ontology" / "queries").glob("*.rq")}
    valid = _run(installed / "kg", "validate", out, cwd=tmp_path)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    assert valid.stdout.startswith("conforms")
