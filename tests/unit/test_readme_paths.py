"""Every file the README's shell examples read is there in a fresh clone: repository files (the tree) and the
evaluation data beside it in ``../shared`` (the CaRB, BenchIE and factuality examples)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# a path argument of an example command: ../shared/... or one of the repository's own folders
_PATH = re.compile(r"(?<![\w/.-])((?:\.\./shared|ontology|articles|tests)/[\w./-]+\.\w+)")


def _blocks() -> list[str]:
    """The text of each fenced code block (fences alternate: opening, closing)."""
    blocks: list[str] = []
    current: list[str] | None = None
    for line in README.splitlines():
        if line.startswith("```"):
            if current is None:
                current = []
            else:
                blocks.append("\n".join(current))
                current = None
        elif current is not None:
            current.append(line)
    return blocks


def _paths() -> list[str]:
    return sorted({m for block in _blocks() for m in _PATH.findall(block)})


def test_the_readme_names_example_paths() -> None:
    assert "../shared/eval/carb/dev.txt" in _paths() and "../shared/tools/carb.py" in _paths()


@pytest.mark.parametrize("path", _paths())
def test_each_example_path_exists(path: str) -> None:
    if path.startswith("../shared/") and not (ROOT.parent / "shared").is_dir():
        pytest.skip("../shared is not beside this clone")
    assert (ROOT / path).exists(), f"README example names {path}, which is not there"
