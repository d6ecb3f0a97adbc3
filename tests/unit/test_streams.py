"""kg.streams.Streams: records found again only under the same salt and width, runs of them copied as one slice per
stream, and a killed build, a damaged index or a short stream never give wrong bytes (made again instead)."""
from __future__ import annotations

from pathlib import Path

from kg.streams import Streams


def _use(path: Path, records: dict[bytes, tuple[bytes, bytes]], salt: str = "code", width: int = 2
         ) -> dict[bytes, tuple[int, tuple[bytes, ...], tuple[int, int]] | None]:
    """One build's use of a store: each record found (its place, values and counts) or put."""
    found: dict[bytes, tuple[int, tuple[bytes, ...], tuple[int, int]] | None] = {}
    with Streams(path, width, salt) as store:
        for name, values in records.items():
            key = store.key(name)
            p = store.find(key)
            if p is None:
                found[name] = None
                store.put(key, values[:width], (len(values[0]), len(name)))
            else:
                found[name] = p, tuple(bytes(store.span(i, p, p)) for i in range(width)), store.counts(p)
    return found


RECORDS = {b"a": (b"A1", b"a2"), b"b": (b"", b"b2"), b"c": (b"C1", b"")}


def _values(found: dict) -> dict[bytes, tuple[bytes, ...] | None]:
    return {name: got[1] if got is not None else None for name, got in found.items()}


def test_records_found_again_with_their_counts(tmp_path: Path) -> None:
    path = tmp_path / "m.streams"
    assert set(_values(_use(path, RECORDS)).values()) == {None}
    again = _use(path, RECORDS)
    assert _values(again) == RECORDS
    assert {name: got[2] for name, got in again.items() if got} == {b"a": (2, 1), b"b": (0, 1), b"c": (2, 1)}
    assert [got[0] for got in again.values() if got] == [0, 1, 2]    # in the order they were made


def test_a_run_of_consecutive_records_is_one_slice_per_stream(tmp_path: Path) -> None:
    path = tmp_path / "m.streams"
    _use(path, RECORDS)
    more = {b"d": (b"D1", b"d2"), **RECORDS}
    assert _values(_use(path, more)) == {b"d": None, **RECORDS}   # d appended after the others
    with Streams(path, 2, "code") as store:
        places = [store.find(store.key(name)) for name in (b"a", b"b", b"c", b"d")]
        assert places == [0, 1, 2, 3]
        assert bytes(store.span(0, 0, 3)) == b"A1C1D1" and bytes(store.span(1, 1, 3)) == b"b2d2"
        assert store.counts(3) == (2, 1)


def test_another_salt_or_width_finds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "m.streams"
    _use(path, RECORDS)
    assert set(_values(_use(path, RECORDS, salt="other code")).values()) == {None}
    assert set(_values(_use(path, RECORDS, salt="other code", width=1)).values()) == {None}
    assert _values(_use(path, RECORDS, salt="other code", width=1)) == {k: v[:1] for k, v in RECORDS.items()}


def test_a_killed_build_leaves_nothing_a_next_one_reads(tmp_path: Path) -> None:
    path = tmp_path / "m.streams"
    _use(path, RECORDS)
    sizes = [path.with_name(f"m.streams.{i}").stat().st_size for i in range(2)]
    try:
        with Streams(path, 2, "code") as store:
            store.put(store.key(b"e"), (b"E1", b"e2"), (2, 1))
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert path.with_name("m.streams.0").stat().st_size > sizes[0]
    found = _values(_use(path, {**RECORDS, b"e": (b"E1", b"e2")}))
    assert found == {**RECORDS, b"e": None}          # e's bytes cut off, made again
    assert [path.with_name(f"m.streams.{i}").stat().st_size for i in range(2)] == [sizes[0] + 2, sizes[1] + 2]
    assert _values(_use(path, {b"e": (b"", b"")})) == {b"e": (b"E1", b"e2")}


def test_a_damaged_index_or_a_short_stream_makes_everything_again(tmp_path: Path) -> None:
    path = tmp_path / "m.streams"
    _use(path, RECORDS)
    path.with_name("m.streams.index").write_bytes(b"not a pickle")
    assert set(_values(_use(path, RECORDS)).values()) == {None}
    assert _values(_use(path, RECORDS)) == RECORDS    # made again, found by the next build
    stream = path.with_name("m.streams.1")
    stream.write_bytes(stream.read_bytes()[:-1])       # shorter than the index says
    assert set(_values(_use(path, RECORDS)).values()) == {None}
    assert _values(_use(path, RECORDS)) == RECORDS


def test_compacted_when_mostly_unused_in_the_order_used(tmp_path: Path) -> None:
    path = tmp_path / "m.streams"
    many = {b"%d" % i: (b"%d" % i, b"") for i in range(3000)}
    _use(path, many)
    kept = {b"2999": (b"", b""), b"7": (b"", b"")}      # used in this order: rewritten in this order
    assert _values(_use(path, kept)) == {b"2999": (b"2999", b""), b"7": (b"7", b"")}
    assert path.with_name("m.streams.0").stat().st_size == 5
    with Streams(path, 2, "code") as store:
        assert [store.find(store.key(name)) for name in kept] == [0, 1]
        assert bytes(store.span(0, 0, 1)) == b"29997"


def test_no_path_keeps_and_finds_nothing() -> None:
    with Streams(None, 2) as store:
        key = store.key(b"a")
        store.put(key, (b"1", b"2"), (1, 1))
        assert store.find(key) is None


def test_keys_asked_in_another_order_are_found_all_the_same(tmp_path: Path) -> None:
    """Found next to the last one found, else searched for (more than 64 such: through a table)."""
    path = tmp_path / "m.streams"
    records = {b"%d" % i: (b"v%d" % i, b"w") for i in range(300)}
    _use(path, records)
    backwards = dict(reversed(records.items()))
    assert _values(_use(path, backwards)) == backwards
    assert _values(_use(path, records)) == records
    shuffled = {name: records[name] for name in sorted(records)}   # by text: runs in order, jumps between them
    assert _values(_use(path, {b"new": (b"n", b""), **shuffled})) == {b"new": None, **shuffled}
