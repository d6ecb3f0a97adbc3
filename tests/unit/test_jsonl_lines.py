"""JSON Lines read again with the articles of earlier reads (kg.readers.Lines): the same items as a fresh read,
each line's source its new place, a changed line read anew."""
from __future__ import annotations

import json
from pathlib import Path

from kg.readers import Lines, read_paths


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_lines_read_again_are_what_a_fresh_read_gives(tmp_path: Path) -> None:
    a = {"id": "a", "title": "A", "text": "Wednesday, January 23, 2019\n\nThe mayor of Springfield spoke."}
    b = {"title": "B", "text": "The council voted on Monday.", "date": "2019-01-24"}   # no id: corpus-LINE
    corpus = _write(tmp_path / "corpus.jsonl", [a, "{not json", b])
    lines = Lines()
    first = list(read_paths([corpus], lines=lines))
    assert first == list(read_paths([corpus]))
    assert len(lines.used) == 2              # the two articles; the bad line is read anew each time
    again = Lines(dict(lines.used))
    assert list(read_paths([corpus], lines=again)) == first
    assert again.used.keys() == lines.used.keys()
    # the same lines at other line numbers: found, with their new sources (and default ids)
    moved = _write(tmp_path / "corpus.jsonl", [b, a])
    found = Lines(dict(lines.used))
    got = list(read_paths([moved], lines=found))
    assert got == list(read_paths([moved]))
    assert [x.source for x in got] == [f"{moved}:1", f"{moved}:2"] and got[0].id == "corpus-1"
    assert found.used.keys() == lines.used.keys()
    appended = _write(tmp_path / "corpus.jsonl", [a, "{not json", b, {"id": "c", "text": "A new article."}])
    plus = Lines(dict(lines.used))
    assert list(read_paths([appended], lines=plus)) == list(read_paths([appended]))
    assert len(set(plus.used) - set(lines.used)) == 1   # only the appended line is made
    changed = _write(tmp_path / "corpus.jsonl", [dict(a, text="The mayor resigned.")])
    assert list(read_paths([changed], lines=Lines(dict(lines.used)))) == list(read_paths([changed]))
