from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_exports(tmp_path_factory) -> Path:
    """The demo folder built once with the real model (shared by the end-to-end tests)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("exports")
    summary = build([ROOT / "articles"], out, use_cache=False)
    assert summary.articles >= 10 and not summary.skipped
    return out


def require_tool(name: str) -> str:
    """Path of a system tool; a failure under `make test` (which installs it), a skip elsewhere."""
    import os

    path = shutil.which(name)
    if path is None:
        if os.environ.get("KG_REQUIRE_SYSTEM_TOOLS"):
            pytest.fail(f"{name} is not installed; `make test` should have installed it")
        pytest.skip(f"{name} not installed (run the suite with `make test` to install it)")
    return path
