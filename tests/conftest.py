"""Suite-wide settings: property tests must not depend on how loaded the machine is."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from rdflib import RDFS, SKOS, Graph

ROOT = Path(__file__).resolve().parents[1]

# CI machines are shared: no per-example deadline and no "data generation too slow" health check, so a busy
# machine can make a property test slower but never make it fail.
settings.register_profile("kg", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("kg")


@pytest.fixture(scope="session")
def demo_exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo folder built once with the real model, cache included (shared by every model test)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("exports")
    summary = build([ROOT / "articles"], out)
    assert summary.articles >= 10 and not summary.skipped
    return out


@pytest.fixture(scope="session")
def demo_graph(demo_exports: Path) -> Graph:
    """The demo's graph.ttl, parsed once."""
    return Graph().parse(demo_exports / "graph.ttl", format="turtle")


def nodes_called(graph: Graph, label: str) -> set:
    """Nodes with this rdfs:label or skos:altLabel."""
    return {s for s, p, o in graph if p in (RDFS.label, SKOS.altLabel) and str(o) == label}
