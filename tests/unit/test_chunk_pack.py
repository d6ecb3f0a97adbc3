"""The chunk pack (kg.chunk_pack): records found again by the next build only after a build that succeeded,
a killed build's or a damaged index's records never read, compaction keeping what was used (no model)."""
from __future__ import annotations

import pickle
from pathlib import Path

from kg.chunk_pack import ChunkPack


def _stored(path: Path, records: dict[bytes, list[bytes]], salt: str = "s") -> dict[bytes, int]:
    pack = ChunkPack(path, salt)
    where = {key: pack.append(parts, key) for key, parts in records.items()}
    pack.flush()
    for key, parts in records.items():
        assert pack.read(where[key], len(b"".join(parts))) == b"".join(parts)
    pack.commit()
    pack.close()
    return where


def test_records_are_found_by_the_next_build_where_they_lie(tmp_path: Path) -> None:
    path = tmp_path / "chunks.pack"
    _stored(path, {b"a": [b"one", b"two"], b"b": [b"three"]})
    pack = ChunkPack(path, "s")
    offset, size = pack.find(b"a")
    assert pack.read(offset, size) == b"onetwo" and pack.find(b"c") is None
    new = pack.append([b"four"], b"c")      # appended after what is kept, not over it
    pack.flush()
    assert pack.read(new, 4) == b"four" and pack.read(*pack.find(b"b")) == b"three"
    pack.commit()
    pack.close()
    again = ChunkPack(path, "s")
    assert again.read(*again.find(b"c")) == b"four" and again.read(*again.find(b"a")) == b"onetwo"
    again.close()


def test_a_build_that_failed_keeps_nothing_new_and_cuts_what_it_appended(tmp_path: Path) -> None:
    path = tmp_path / "chunks.pack"
    _stored(path, {b"a": [b"kept"]})
    size = path.stat().st_size
    failed = ChunkPack(path, "s")
    failed.find(b"a")
    failed.append([b"x" * 100], b"z")
    failed.close()                      # no commit: a build that failed or was killed
    assert path.stat().st_size == size + 100
    pack = ChunkPack(path, "s")
    assert pack.find(b"z") is None and path.stat().st_size == size   # cut off at the last valid length
    assert pack.read(*pack.find(b"a")) == b"kept"
    pack.close()


def test_another_salt_a_damaged_index_or_a_short_file_find_nothing(tmp_path: Path) -> None:
    path = tmp_path / "chunks.pack"
    _stored(path, {b"a": [b"kept"]})
    other = ChunkPack(path, "another salt")
    assert other.find(b"a") is None
    other.close()
    _stored(path, {b"a": [b"kept"]})
    index = path.with_name("chunks.pack.index")
    index.write_bytes(index.read_bytes()[:-5])
    damaged = ChunkPack(path, "s")
    assert damaged.find(b"a") is None
    damaged.close()
    _stored(path, {b"a": [b"kept"]})
    path.write_bytes(b"kep")             # shorter than the index says
    short = ChunkPack(path, "s")
    assert short.find(b"a") is None
    short.close()


def test_mostly_unused_records_are_compacted_away_keeping_the_used_ones(tmp_path: Path) -> None:
    path = tmp_path / "chunks.pack"
    _stored(path, {b"big": [b"x" * (3 << 20)], b"small": [b"kept"]})
    pack = ChunkPack(path, "s")
    assert pack.find(b"small") is not None     # 'big' is not used by this build
    pack.commit()
    pack.close()
    assert path.stat().st_size == 4
    salt, valid, index = pickle.loads(path.with_name("chunks.pack.index").read_bytes())
    assert (salt, valid, index) == ("s", 4, {b"small": (0, 4)})
    again = ChunkPack(path, "s")
    assert again.read(*again.find(b"small")) == b"kept"
    again.close()


def test_without_a_path_it_is_a_temporary_file(tmp_path: Path) -> None:
    pack = ChunkPack(None)
    offset = pack.append([b"ab", b"cd"], b"k")
    pack.flush()
    assert pack.read(offset, 4) == b"abcd"
    pack.commit()
    pack.close()
    assert list(tmp_path.iterdir()) == []
