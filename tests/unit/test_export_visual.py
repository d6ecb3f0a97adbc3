"""kg.export.visual and kg.records: GraphML, GEXF, the CSV tables and Neo4j's written together from the view's
records write the bytes the exporters write alone of kg.graph.view's graph, cold and warm; runs of unchanged
records are copied from the previous build's files, only changed records are made, and a memo that is absent,
damaged, of another salt or whose kept files changed makes everything again, never wrong bytes."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import kg.export.tables
import kg.export.visual
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.neo4j import write_neo4j
from kg.export.runs import INDEX
from kg.export.tables import write_csv
from kg.export.visual import NAMES, write_visual
from kg.graph import view
from kg.models import Entity
from kg.quads import FactRow, Groups
from kg.records import records, surely_clean
from kg.safe_text import clean_text

BASE = "https://example.org/kg/"


def _entities(mentions: int = 5, extra: bool = False) -> dict[str, Entity]:
    items = [Entity("obama", "Barack Obama", "Person", aliases=("Obama",), articles=("a", "b"), mentions=mentions,
                    roles=("President",)),
             Entity("taliban", "Taliban\r\nmovement\x01", "Organization", articles=("a",), mentions=3),
             Entity("kabul", 'Kabul & "co" <x>', "Place", articles=("a",), mentions=1),
             Entity("a b/c", "odd key", "Place", articles=("b",), mentions=1),   # a key needing a hash in its id
             Entity("concept/a/bill", "bill", "Concept", articles=("a",), mentions=1),
             Entity("lonely", "Lonely", "Person", articles=("b",), mentions=1)]
    if extra:
        items.insert(2, Entity("new", "New One", "Person", articles=("c",), mentions=1))
    return {e.key: e for e in items}


def _groups(weight: int = 2, extra: bool = False) -> Groups:
    groups = Groups()
    rows = [("b", "2010-03-04", "obama", "meet", "taliban", "cooperation", 0.9),
            ("a", "2010-01-02", "taliban", "attack", "kabul", None, 0.5),
            ("a", None, "kabul", "attack", "taliban", None, 0.5),
            ("a", "2010-01-02", "obama", "sign", "concept/a/bill", None, 0.75),
            ("b", "2011-05-06", "a b/c", "meet", "obama", "cooperation", 1),     # an int confidence
            ("a", "2010-01-02", "taliban", "meet", "obama", "cooperation", 0.5),
            ("b", "2010-02-02", "obama", "attack", "taliban", None, 0.8)]
    rows += [("b", "2010-03-04", "obama", "meet", "taliban", "cooperation", 0.9)] * (weight - 1)
    if extra:
        rows.append(("c", "2012-01-01", "new", "meet", "kabul", "cooperation", 0.6))
    for i, (article, date, s, relation, o, kind, confidence) in enumerate(rows):
        groups.add(article, date, FactRow(s, o, relation, relation, kind, "positive", "asserted", confidence,
                                          f"{BASE}statement/{article}{i}"))
    return groups


def _records(**change):
    return records(_entities(**{k: v for k, v in change.items() if k in ("mentions", "extra")}),
                   _groups(**{k: v for k, v in change.items() if k in ("weight", "extra")}), base=BASE)


def _graph(**change):
    return view(_entities(**{k: v for k, v in change.items() if k in ("mentions", "extra")}),
                _groups(**{k: v for k, v in change.items() if k in ("weight", "extra")}), base=BASE)


def alone(graph, folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    write_graphml(graph, folder / "graph.graphml")
    write_gexf(graph, folder / "graph.gexf")
    write_csv(graph, folder)
    write_neo4j(graph, folder)
    return {name: (folder / name).read_bytes() for name in NAMES}


def together(picture, folder: Path, memo: Path | None, salt: str = "salt") -> dict[str, bytes]:
    folder.mkdir()
    write_visual(picture, folder, memo, salt)
    return {name: (folder / name).read_bytes() for name in NAMES}


@pytest.fixture
def made(monkeypatch) -> list[str]:
    """The nodes and edges whose text was made (not copied), by id."""
    calls: list[str] = []
    node_row, edge_row = kg.export.tables.node_row, kg.export.tables.edge_row
    monkeypatch.setattr(kg.export.tables, "node_row", lambda rows, n, d: calls.append(n) or node_row(rows, n, d))
    monkeypatch.setattr(kg.export.tables, "edge_row",
                        lambda rows, u, v, k, d: calls.append(k) or edge_row(rows, u, v, k, d))
    return calls


def test_records_are_the_view_in_its_own_order() -> None:
    graph, picture = _graph(), _records()
    assert [(n, *d.values()) for n, d in graph.nodes(data=True)] == picture.nodes
    assert [(u, v, k, *d.values()) for u, v, k, d in graph.edges(keys=True, data=True)] == picture.edges
    # adjacency order, not group order: obama's edges to taliban come together, before those of later nodes
    assert [(e[0], e[1], e[3]) for e in picture.edges][:3] == [("e:obama", "e:taliban", "attack"),
                                                                ("e:obama", "e:taliban", "meet"),
                                                                ("e:obama", "e:concept:a:bill", "sign")]
    assert picture.nodes[1][1] == "Taliban\r\nmovement"     # cleaned as the view cleans it
    assert list(picture.graph().edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    assert list(picture.graph().nodes(data=True)) == list(graph.nodes(data=True))


@pytest.mark.parametrize("memo", [False, True], ids=["no-memo", "memo"])
def test_export_visual_writes_the_exporters_bytes(tmp_path: Path, memo: bool) -> None:
    store = tmp_path / "visual" if memo else None
    expected = alone(_graph(), tmp_path / "alone")
    assert together(_records(), tmp_path / "cold", store) == expected
    assert together(_records(), tmp_path / "warm", store) == expected
    assert (store is not None) == (tmp_path / "visual" / INDEX).is_file()


def test_export_visual_makes_again_only_what_changed(tmp_path: Path, made: list[str]) -> None:
    store = tmp_path / "visual"
    together(_records(), tmp_path / "first", store)
    assert len(made) == 6 + 7
    made.clear()
    assert together(_records(), tmp_path / "same", store) == alone(_graph(), tmp_path / "alone-same")
    assert made == []
    changed = together(_records(weight=3), tmp_path / "second", store)
    assert changed == alone(_graph(weight=3), tmp_path / "alone")
    # the edge whose weight changed, and its two nodes' neighbours are unchanged: only that edge is made
    assert len(made) == 1 and made[0].startswith("r:meet:")
    made.clear()
    # one entity and one edge added, one node's mentions changed: those made, the rest copied
    grown = together(_records(mentions=6, extra=True), tmp_path / "third", store)
    assert grown == alone(_graph(mentions=6, extra=True), tmp_path / "alone-third")
    assert sorted(m for m in made if m.startswith("e:")) == ["e:kabul", "e:new", "e:obama"]   # kabul: its span
    assert len([m for m in made if m.startswith("r:")]) == 2   # the new edge, and the weight-3 edge back to 2


def test_export_visual_writing_into_the_folder_it_wrote_keeps_the_memo_right(tmp_path: Path) -> None:
    """The kept files are links to the exports: rewriting an export folder must not rewrite them in place."""
    store, folder = tmp_path / "visual", tmp_path / "out"
    folder.mkdir()
    write_visual(_records(), folder, store, "salt")
    write_visual(_records(weight=3), folder, store, "salt")
    write_visual(_records(weight=4), folder, store, "salt")
    expected = alone(_graph(weight=4), tmp_path / "alone")
    assert {name: (folder / name).read_bytes() for name in NAMES} == expected


def _damage_index(store: Path) -> None:
    data = bytearray((store / INDEX).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (store / INDEX).write_bytes(bytes(data))


def _cut_index(store: Path) -> None:
    data = (store / INDEX).read_bytes()
    (store / INDEX).write_bytes(data[:len(data) - 10])


def _change_kept_file(store: Path) -> None:
    """An export rewritten in place (the kept file is a link to it): same size, other bytes."""
    kept = next(p for p in store.iterdir() if p.name.endswith(".edges.csv"))
    os.chmod(kept, 0o644)
    data = bytearray(kept.read_bytes())
    data[-5:-1] = b"XXXX"
    kept.write_bytes(bytes(data))


def _cut_kept_file(store: Path) -> None:
    kept = next(p for p in store.iterdir() if p.name.endswith(".graph.graphml"))
    os.chmod(kept, 0o644)
    os.truncate(kept, kept.stat().st_size // 2)


def _remove_kept_file(store: Path) -> None:
    next(p for p in store.iterdir() if p.name.endswith(".graph.gexf")).unlink()


@pytest.mark.parametrize("spoil", [_damage_index, _cut_index, _change_kept_file, _cut_kept_file, _remove_kept_file,
                                   lambda store: (store / INDEX).unlink()],
                         ids=["damaged-index", "index-cut-short", "kept-file-changed", "kept-file-cut",
                              "kept-file-gone", "no-index"])
def test_export_visual_a_spoilt_memo_makes_everything_again(tmp_path: Path, made: list[str], spoil) -> None:
    store = tmp_path / "visual"
    together(_records(), tmp_path / "first", store)
    spoil(store)
    made.clear()
    assert together(_records(weight=3), tmp_path / "second", store) == alone(_graph(weight=3), tmp_path / "alone")
    assert len(made) == 6 + 7
    made.clear()   # and the memo it kept is whole again
    assert together(_records(weight=3), tmp_path / "third", store) == alone(_graph(weight=3), tmp_path / "alone-2")
    assert made == []


def test_export_visual_another_salt_makes_everything_again(tmp_path: Path, made: list[str]) -> None:
    store = tmp_path / "visual"
    together(_records(), tmp_path / "first", store, salt="code 1")
    made.clear()
    assert together(_records(), tmp_path / "second", store, salt="code 2") == alone(_graph(), tmp_path / "alone")
    assert len(made) == 6 + 7


def test_export_visual_a_killed_build_leaves_a_memo_that_is_right(tmp_path: Path, made: list[str], monkeypatch) -> None:
    """Killed after its files were linked but before its index replaced the old one: the old index stands (its
    own files still there), the stray files go at the next build's end."""
    store = tmp_path / "visual"
    together(_records(), tmp_path / "first", store)
    replace = Path.replace

    def killed(self: Path, target: Path) -> Path:
        if Path(target).name == INDEX:
            raise KeyboardInterrupt
        return replace(self, target)

    monkeypatch.setattr(Path, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        together(_records(weight=3), tmp_path / "killed", store)
    monkeypatch.setattr(Path, "replace", replace)
    assert len({p.name.split(".")[0] for p in store.iterdir() if p.name != INDEX}) > 1   # two generations, a tmp
    made.clear()
    assert together(_records(weight=4), tmp_path / "next", store) == alone(_graph(weight=4), tmp_path / "alone")
    assert len(made) == 1    # the one edge whose weight differs from the first build's
    assert len({p.name.split(".")[0] for p in store.iterdir() if p.name != INDEX}) == 1


def test_export_visual_a_kept_file_shorter_than_its_index_says_is_made_again(tmp_path: Path, monkeypatch) -> None:
    """A kept file that passed the checks, then ended early (cut while this build read it): the copy stops at
    its end, and the build writes every record again."""
    import kg.export.runs

    store = tmp_path / "visual"
    together(_records(), tmp_path / "first", store)
    original = kg.export.runs.Previous._load

    def cut_after_the_checks(self, folder):
        original(self, folder)
        kept = next(p for p in folder.iterdir() if p.name.endswith(".graph.graphml"))
        os.chmod(kept, 0o644)
        os.truncate(kept, 10)

    monkeypatch.setattr(kg.export.runs.Previous, "_load", cut_after_the_checks)
    stale: list[Exception] = []
    copy = kg.export.visual.copy_range

    def watched(*args):
        try:
            copy(*args)
        except kg.export.runs.Stale as exc:
            stale.append(exc)
            raise

    monkeypatch.setattr(kg.export.visual, "copy_range", watched)
    assert together(_records(weight=3), tmp_path / "second", store) == alone(_graph(weight=3), tmp_path / "alone")
    assert len(stale) == 1    # the case under test happened


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
               | st.sampled_from(["\x00", "\ufffe", "\uffff", "\U0001fffe", "\ufdd0", "\ufdef", "\t", "\r"])))
def test_records_surely_clean_only_text_clean_text_keeps(text: str) -> None:
    if surely_clean(text):
        assert clean_text(text) == text
    if clean_text(text) != text:
        assert not surely_clean(text)


@pytest.mark.parametrize("key", [("obama", "meet", "taliban"), ("a b/c", "will not work with", "x\ud800y"),
                                 ("é", "be asked to go", "")], ids=["plain", "odd", "accents"])
def test_records_edge_ids_are_the_statement_group_hashes(key) -> None:
    from kg.iri import statement_iri
    from kg.quads import relation_iri_text
    from kg.records import edge_id, edge_rows

    s, label, o = key
    expected = "r:" + relation_iri_text(label).split("/")[-1] + ":" + str(statement_iri(s, label, o))[-12:]
    assert edge_id(s, label, o) == expected
    groups = Groups()
    groups.add("a", None, FactRow(s, o, label, label, None, "positive", "asserted", 0.5, "x"))
    assert edge_rows(groups, lambda k: k)[0][1][2] == expected
