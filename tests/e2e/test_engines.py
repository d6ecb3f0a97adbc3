"""The per-article stage on every engine gives the same bytes: in-process, two worker processes, and a
two-worker dask ``LocalCluster`` (processes, one thread each)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.model,
              # dask's local cluster may leave its own warnings about ports or closing comms; not ours
              pytest.mark.filterwarnings("ignore::ResourceWarning"),
              pytest.mark.filterwarnings("ignore::DeprecationWarning:distributed.*"),
              pytest.mark.filterwarnings("ignore::UserWarning:distributed.*")]

EXPORTS = ["graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "graph.graphml", "graph.gexf", "graph.html",
           "nodes.csv", "edges.csv"]


def _differences(a: Path, b: Path) -> list[str]:
    return [name for name in EXPORTS if (a / name).read_bytes() != (b / name).read_bytes()]


@pytest.mark.parametrize("engine", [{"n_process": 2}, {"dask": "local"}], ids=["processes-2", "dask-local"])
def test_engines_exports_byte_identical_to_local_build(engine, demo_exports, tmp_path):
    from kg.pipeline import build

    summary = build([ROOT / "articles"], tmp_path, use_cache=False, **engine)
    assert summary.parsed == summary.articles >= 10
    assert _differences(demo_exports, tmp_path) == []


def test_engines_dask_unreachable_scheduler_is_one_clean_error(tmp_path):
    from kg.errors import KGError
    from kg.pipeline import build

    with pytest.raises(KGError, match="cannot reach the dask scheduler at tcp://127.0.0.1:9"):
        build([ROOT / "articles"], tmp_path, use_cache=False, dask="tcp://127.0.0.1:9")
