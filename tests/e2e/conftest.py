from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]



def require_tool(name: str) -> str:
    """Path of a system tool; a failure under `make test` (which installs it), a skip elsewhere."""
    import os

    path = shutil.which(name)
    if path is None:
        if os.environ.get("KG_REQUIRE_SYSTEM_TOOLS"):
            pytest.fail(f"{name} is not installed; `make test` should have installed it")
        pytest.skip(f"{name} not installed (run the suite with `make test` to install it)")
    return path
