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
from kg.streams import Streams
from kg.merged_graph import write_merged
from kg.rdf_text import Later, Unit, made

XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"

BASE = "https://example.org/kg/"
PREFIXES = export_prefixes(BASE)
G = ox.NamedNode(BASE + "graph/merged")


def _units(label: str = "Kabul") -> list[Unit]:
    label_p, rel = "http://www.w3.org/2000/01/rdf-schema#label", BASE + "relation/meet"
    city, person = BASE + "entity/place/kabul", BASE + "entity/person/x~y"   # a name Turtle must escape
    return [
        Unit(city, [(label_p, (label, ""))], [(rel, person)]),
        Unit(person, [(label_p, ('Said "the" \\ man', ""))]),
        Unit(rel, [(label_p, ("meet", ""))]),
        Unit(rel, [(label_p, ("meet-with", ""))]),      # the same subject, next unit
        Unit(rel, []),                                   # a declaration deduplicated away
        Unit(BASE + "edge/1", [(label_p, ("one", "")), (BASE + "count", ("2", XSD_INTEGER))]),
        Unit(city, [("http://www.w3.org/2004/02/skos/core#altLabel", ("K", ""))]),
    ]


def _term(term: object) -> ox.NamedNode | ox.Literal:
    if isinstance(term, str):
        return ox.NamedNode(term)
    lexical, datatype = term   # type: ignore[misc]
    return ox.Literal(lexical, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(lexical)


def _reference(units: list[Unit]) -> list[bytes]:
    """The writer before segments, on Oxigraph objects: the whole batch serialized at once."""
    quads, share = [], []
    for unit in units:
        s = ox.NamedNode(unit.subject)
        quads += [ox.Quad(s, ox.NamedNode(p), _term(o), G) for p, o in unit.pairs]
        share += [ox.Triple(s, ox.NamedNode(p), _term(o)) for p, o in [*unit.pairs, *unit.plain]]
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    nodes = ",\n".join("  " + dumps(node) for node in _nodes(share, _Compactor(PREFIXES))).encode()
    return [body(ox.serialize(share, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"", PREFIXES),
            body(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES) or b"", PREFIXES),
            ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"", nodes]


def _written(units: list, store: Streams, *, count: bool = True) -> list[bytes]:
    files = [io.BytesIO() for _ in range(4)]
    with store:
        triples, wrote = write_merged(files, iter(units), PREFIXES, store, graph=G.value, first=True)
    assert wrote and (not count or triples == sum(len(made(u)) for u in units))
    return [f.getvalue() for f in files]


@pytest.mark.parametrize("label", ["Kabul", "Kabul City"])
def test_segments_write_the_batch_bytes_with_and_without_the_memo(tmp_path: Path, label: str) -> None:
    assert _written(_units(), Streams(None, 4)) == _reference(_units())
    path = tmp_path / "merged.streams"
    first = Streams(path, 4, "code")
    assert _written(_units(), first) == _reference(_units()) and first.hits == 0
    again = Streams(path, 4, "code")     # every segment found but the one whose label changed
    assert _written(_units(label), again) == _reference(_units(label))
    assert (again.hits, again.misses) == ((4, 1) if label != "Kabul" else (5, 0))


def test_another_salt_finds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "merged.streams"
    _written(_units(), Streams(path, 4, "code-1"))
    other = Streams(path, 4, "code-2")
    assert _written(_units(), other) == _reference(_units()) and other.hits == 0


def test_segments_not_found_are_made_together_and_cut_per_subject(tmp_path: Path) -> None:
    """Two segments of one subject missing from the memo, others found between them: each made right."""
    def changed() -> list[Unit]:
        units = _units("Kabul City")
        units[-1] = Unit(units[-1].subject, [("http://www.w3.org/2004/02/skos/core#altLabel", ("KC", ""))])
        return units

    path = tmp_path / "merged.streams"
    _written(_units(), Streams(path, 4, "code"))
    again = Streams(path, 4, "code")
    assert _written(changed(), again) == _reference(changed())
    assert (again.hits, again.misses) == (3, 2)


def _later(units: list[Unit]) -> list[Unit | Later]:
    """The units made only on demand, keyed by their inputs (here: their own triples): those whose subject is no
    other unit's, as :func:`kg.quads.merged_units` makes them (entities, statement groups)."""
    subjects = [u.subject for u in units]
    return [Later(u.subject, lambda u=u: (u.subject, u.pairs, u.plain), lambda u=u: u)
            if u.pairs and subjects.count(u.subject) == 1 else u for u in units]


def test_units_made_on_demand_are_made_only_when_the_memo_lacks_them(tmp_path: Path) -> None:
    path = tmp_path / "merged.streams"
    assert _written(_later(_units()), Streams(None, 4)) == _reference(_units())
    assert _written(_later(_units()), Streams(path, 4, "code")) == _reference(_units())
    making: list[str] = []

    def watched(label: str) -> list[Unit | Later]:
        units = _later(_units(label)[:-1])
        for u in units:
            if isinstance(u, Later):
                u.make = lambda make=u.make, subject=u.subject: making.append(subject) or make()
        return units

    again = Streams(path, 4, "code")
    assert _written(watched("Kabul City"), again, count=False) == _reference(_units("Kabul City")[:-1])
    assert making == [BASE + "entity/place/kabul"] and (again.hits, again.misses) == (3, 1)


def _many(changed: int = -1, dropped: int = -1, added: bool = False) -> list[Unit | Later]:
    """Forty entities (made on demand) with a declaration of a shared property among them."""
    label_p, alt = "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel"
    units: list[Unit] = []
    for i in range(40):
        if i == dropped:
            continue
        pairs = [(label_p, (f"E{i}{'!' if i == changed else ''}", ""))]
        pairs += [(alt, (f"e{i}-{j}", "")) for j in range(i % 3)]
        plain = [(BASE + "relation/meet", f"{BASE}entity/e{(i + 1) % 40:02d}")] if i % 4 == 0 else None
        units.append(Unit(f"{BASE}entity/e{i:02d}", pairs, plain))
        if i == 20:
            units.append(Unit(BASE + "relation/meet", [(label_p, ("meet", ""))]))
            units.append(Unit(BASE + "relation/meet", [(label_p, ("meet-with", ""))]))
    if added:
        units.insert(10, Unit(f"{BASE}entity/e09b", [(label_p, ("new", ""))]))
    return _later(units)


@pytest.mark.parametrize("batch", [1, 5, 20_000])
def test_runs_of_found_records_write_the_bytes_of_a_build_without_memo(tmp_path: Path, monkeypatch, batch: int
                                                                        ) -> None:
    """Found segments copied by runs, across batch boundaries, with some changed, dropped or added between builds:
    the bytes of the writer without a memo (whole batches); a damaged index only costs the next build time."""
    import kg.merged_graph

    monkeypatch.setattr(kg.merged_graph, "BATCH", batch)
    path = tmp_path / "merged.streams"
    builds = [{}, {}, {"changed": 7}, {"changed": 7, "dropped": 30, "added": True}, {"dropped": 0}, {}]
    for n, options in enumerate(builds):
        if n == 5:
            path.with_name("merged.streams.index").write_bytes(b"damaged")
        store = Streams(path, 4, "code")
        assert _written(_many(**options), store) == _written(_many(**options), Streams(None, 4)), options
        if n == 1:
            assert store.misses == 0
        if n == 2:
            assert store.misses == 1
    assert store.hits == 0
