"""The one way to kg's data files: the vocabulary, shapes, lexicons, name lists and queries of ``ontology/``.

``ontology/`` at the top of the source tree is their home. An installed wheel carries the same folder
inside the package as ``kg/_ontology`` (put there at build time, see ``pyproject.toml``); an editable
install or a checkout reads the source tree. Both are found here, through ``importlib.resources``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from kg.errors import KGError

PACKAGED = "_ontology"    # the folder's name inside an installed package


@lru_cache(maxsize=1)
def ontology_dir() -> Path:
    """The folder holding ``kg.ttl``, ``shapes.ttl``, ``lexicon.tsv``, ``queries/`` and the name lists.

    Raises:
        KGError: neither the packaged copy nor the source tree's ``ontology/`` exists (a broken install).
    """
    packaged = files("kg").joinpath(PACKAGED)
    if packaged.is_dir():
        return Path(str(packaged))
    source = Path(str(files("kg"))).resolve().parent / "ontology"
    if source.is_dir():
        return source
    raise KGError(f"kg's data folder is missing (looked for {packaged} and {source})",
                  hint="reinstall kg (pip install --force-reinstall kg-*.whl) or run from a source checkout")


def data_path(*parts: str) -> Path:
    """A file or folder inside ``ontology/``, e.g. ``data_path("queries")`` or ``data_path("lexicon.tsv")``."""
    return ontology_dir().joinpath(*parts)


@lru_cache(maxsize=None)
def data_rows(path: Path) -> tuple[tuple[str, ...], ...]:
    """The TAB-separated rows of a data file in ``ontology/`` (``#`` comments and blank lines skipped), read
    once per process; ``path`` comes from :func:`data_path`."""
    return tuple(tuple(line.split("\t")) for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))
