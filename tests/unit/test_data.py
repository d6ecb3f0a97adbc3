"""The one data loader: the packaged copy of ontology/ when installed, the source tree otherwise."""
from __future__ import annotations

import pytest

import kg.data
from kg.errors import KGError
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def _fresh_lookup():
    kg.data.ontology_dir.cache_clear()
    yield
    kg.data.ontology_dir.cache_clear()


def test_data_source_tree_is_the_editable_case():
    assert kg.data.ontology_dir() == ROOT / "ontology"
    assert kg.data.data_path("queries").is_dir() and kg.data.data_path("kg.ttl").is_file()


def test_data_packaged_copy_wins(monkeypatch, tmp_path):
    package = tmp_path / "site" / "kg"
    (package / kg.data.PACKAGED / "queries").mkdir(parents=True)
    monkeypatch.setattr(kg.data, "files", lambda name: package)
    assert kg.data.ontology_dir() == package / kg.data.PACKAGED


def test_data_missing_folder_is_one_clean_error(monkeypatch, tmp_path):
    package = tmp_path / "site" / "kg"
    package.mkdir(parents=True)
    monkeypatch.setattr(kg.data, "files", lambda name: package)
    with pytest.raises(KGError, match="kg's data folder is missing"):
        kg.data.ontology_dir()


def test_data_wheel_lists_every_subpackage():
    """The wheel's package list is explicit (``kg._ontology`` is mapped from ontology/): a new subpackage must
    be added there, or it would be missing from the installed package."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(root).parts) for p in (root / "kg").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(found - listed)}"
