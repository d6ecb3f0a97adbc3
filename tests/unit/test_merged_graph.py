"""kg.merged_graph: the merged graph written by memoized segments is the bytes of the whole batch serialized at
once (as the writer did before segments), first build and memo hits alike, a subject repeated included."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.article_graph import body
from kg.export.jsonld import _Compactor, _nodes
from kg.graph import prefixes as export_prefixes
from kg.memo import Segments
from kg.merged_graph import write_merged

BASE = "https://example.org/kg/"
PREFIXES = export_prefixes(BASE)
G = ox.NamedNode(BASE + "graph/merged")


def _n(local: str) -> ox.NamedNode:
    return ox.NamedNode(BASE + local)


def _units(label: str = "Kabul"):
    label_p, rel = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), _n("relation/meet")
    city, person = _n("entity/place/kabul"), _n("entity/person/x~y")   # a name Turtle must escape
    return [
        ([ox.Quad(city, label_p, ox.Literal(label), G)], [ox.Triple(city, rel, person)]),
        ([ox.Quad(person, label_p, ox.Literal('Said "the" \\ man'), G)], []),
        ([ox.Quad(rel, label_p, ox.Literal("meet"), G)], []),
        ([ox.Quad(rel, label_p, ox.Literal("meet-with"), G)], []),      # the same subject, next unit
        ([], []),                                                          # a declaration deduplicated away
        ([ox.Quad(_n("edge/1"), label_p, ox.Literal("one"), G)], []),
        ([ox.Quad(city, ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"), ox.Literal("K"), G)], []),
    ]


def _reference(units) -> list[bytes]:
    """The writer before segments: the whole batch serialized at once."""
    quads = [q for unit, _ in units for q in unit]
    share = [t for unit, plain in units for t in [*(q.triple for q in unit), *plain]]
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    nodes = ",\n".join("  " + dumps(node) for node in _nodes(share, _Compactor(PREFIXES))).encode()
    return [body(ox.serialize(share, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"", PREFIXES),
            body(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES) or b"", PREFIXES),
            ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"", nodes]


def _written(units, store: Segments) -> list[bytes]:
    files = [io.BytesIO() for _ in range(4)]
    with store:
        triples, wrote = write_merged(files, iter(units), PREFIXES, store, first=True)   # type: ignore[arg-type]
    assert triples == sum(len(u) + len(p) for u, p in units) and wrote
    return [f.getvalue() for f in files]


@pytest.mark.parametrize("label", ["Kabul", "Kabul City"])
def test_segments_write_the_batch_bytes_with_and_without_the_memo(tmp_path: Path, label: str) -> None:
    assert _written(_units(), Segments(None)) == _reference(_units())
    path = tmp_path / "merged.segments"
    first = Segments(path, "code")
    assert _written(_units(), first) == _reference(_units()) and first.hits == 0
    again = Segments(path, "code")     # every segment found but the one whose label changed
    assert _written(_units(label), again) == _reference(_units(label))
    assert (again.hits, again.misses) == ((4, 1) if label != "Kabul" else (5, 0))


def test_another_salt_finds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "merged.segments"
    _written(_units(), Segments(path, "code-1"))
    other = Segments(path, "code-2")
    assert _written(_units(), other) == _reference(_units()) and other.hits == 0
