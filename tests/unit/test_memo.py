"""kg.memo: values found again only for the same inputs and salt; a corrupt entry is made again."""
from __future__ import annotations

from pathlib import Path

from kg.memo import Memo


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
