"""kg.memo: values found again only for the same inputs and salt; a corrupt entry is made again."""
from __future__ import annotations

from pathlib import Path

from kg.memo import Memo, Table


def test_a_value_is_found_again_only_for_the_same_kind_inputs_and_salt(tmp_path: Path) -> None:
    made: list[str] = []

    def make(value: str):
        return lambda: made.append(value) or value

    memo = Memo(tmp_path, salt="code-1")
    assert memo.get_or_make("k", [b"a", b"bc"], make("first")) == "first"
    assert Memo(tmp_path, salt="code-1").get_or_make("k", [b"a", b"bc"], make("second")) == "first"
    # parts are length-prefixed: the same bytes cut elsewhere are other inputs
    assert memo.get_or_make("k", [b"ab", b"c"], make("third")) == "third"
    assert memo.get_or_make("other", [b"a", b"bc"], make("fourth")) == "fourth"
    assert Memo(tmp_path, salt="code-2").get_or_make("k", [b"a", b"bc"], make("fifth")) == "fifth"
    assert made == ["first", "third", "fourth", "fifth"]


def test_a_corrupt_entry_is_made_again_and_no_folder_stores_nothing(tmp_path: Path) -> None:
    memo = Memo(tmp_path)
    memo.get_or_make("k", [b"x"], lambda: 1)
    (entry,) = tmp_path.rglob("*.memo")
    entry.write_bytes(b"not a pickle")
    assert memo.get_or_make("k", [b"x"], lambda: 2) == 2
    assert Memo(tmp_path).get_or_make("k", [b"x"], lambda: 3) == 2
    assert Memo(None).get_or_make("k", [b"x"], lambda: 4) == 4 and Memo(None).get_or_make("k", [b"x"], lambda: 5) == 5


def test_table_appends_only_the_values_the_file_lacks(tmp_path: Path) -> None:
    path = tmp_path / "t.pickle"
    first = Table(path, "salt")
    assert first.load() == {}
    first.save({b"a": 1, b"b": 2})
    size = path.stat().st_size
    second = Table(path, "salt")
    assert second.load() == {b"a": 1, b"b": 2}
    second.save({b"a": 1, b"c": 3})          # b"b" unused now, kept (its name still names its value)
    assert path.stat().st_size > size
    assert Table(path, "salt").load() == {b"a": 1, b"b": 2, b"c": 3}
    assert Table(path, "other code").load() == {}


def test_table_a_frame_cut_short_is_never_read_and_cut_off_by_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "t.pickle"
    table = Table(path, "salt")
    table.load()
    table.save({b"a": 1})
    whole = path.read_bytes()
    table = Table(path, "salt")
    table.load()
    table.save({b"a": 1, b"b": 2})
    path.write_bytes(path.read_bytes()[:-3])   # a build killed while appending
    table = Table(path, "salt")
    assert table.load() == {b"a": 1}
    table.save({b"a": 1, b"c": 3})
    assert path.read_bytes().startswith(whole)
    assert Table(path, "salt").load() == {b"a": 1, b"c": 3}
    path.write_bytes(b"\x80\x05 not a table")   # another format: read as empty, replaced whole
    table = Table(path, "salt")
    assert table.load() == {}
    table.save({b"d": 4})
    assert Table(path, "salt").load() == {b"d": 4}


def test_table_rewritten_with_the_values_of_the_build_when_mostly_unused(tmp_path: Path) -> None:
    path = tmp_path / "t.pickle"
    table = Table(path, "salt")
    table.load()
    table.save({bytes([i]): i for i in range(10)})
    table = Table(path, "salt")
    table.load()
    table.save({b"x": 1, b"y": 2})        # 10 held, 2 used: rewritten
    assert Table(path, "salt").load() == {b"x": 1, b"y": 2}
    assert Table(None).load() == {}
