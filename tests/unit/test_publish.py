"""Exports published as one set (kg.publish): a switch of one link, no half-written set ever shown, leftovers of
a killed build removed, one build at a time per folder. No model: the writer is a plain function."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.publish import CURRENT, LOCK, SETS, locked, publish, tidy

NAMES = ["graph.ttl", "graph.graphml", "nodes.csv", "edges.csv"]


def writer(version: str, names: list[str] = NAMES):
    def write(folder: Path) -> None:
        for name in names:
            (folder / name).write_text(f"{version} {name}\n", encoding="utf-8")
    return write


def shown(out: Path) -> dict[str, str]:
    """What a reader opening the exports by their usual paths sees."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())
            if not p.name.startswith(".") and p.is_file()}


def test_publish_shows_the_new_set_at_the_usual_paths(tmp_path):
    paths = publish(tmp_path, writer("v1"))
    assert sorted(p.name for p in paths) == sorted(NAMES)
    assert shown(tmp_path) == {n: f"v1 {n}\n" for n in NAMES}
    publish(tmp_path, writer("v2"))
    assert shown(tmp_path) == {n: f"v2 {n}\n" for n in NAMES}
    assert len(list((tmp_path / SETS).iterdir())) == 1          # the previous set is gone
    assert all((tmp_path / n).is_symlink() for n in NAMES)
    assert not list(tmp_path.rglob("*.tmp"))


def test_publish_a_failing_writer_changes_nothing_visible(tmp_path):
    publish(tmp_path, writer("v1"))

    def half(folder: Path) -> None:
        (folder / "graph.ttl").write_text("v2 half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        publish(tmp_path, half)
    assert shown(tmp_path) == {n: f"v1 {n}\n" for n in NAMES}
    assert len(list((tmp_path / SETS).iterdir())) == 1


def test_publish_replaces_files_of_the_old_layout_and_their_tmp_files(tmp_path):
    for name in NAMES:   # exports written in place by an older kg, with a stray temp file
        (tmp_path / name).write_text("old", encoding="utf-8")
    (tmp_path / "graph.ttl.tmp").write_text("half", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    publish(tmp_path, writer("v1"))
    assert shown(tmp_path) == {**{n: f"v1 {n}\n" for n in NAMES}, "notes.txt": "mine"}
    assert not (tmp_path / "graph.ttl.tmp").exists()


def test_publish_drops_links_to_exports_the_new_set_lacks(tmp_path):
    publish(tmp_path, writer("v1"))
    publish(tmp_path, writer("v2", ["graph.ttl"]))
    assert shown(tmp_path) == {"graph.ttl": "v2 graph.ttl\n"}
    assert not any(p.is_symlink() and not p.exists() for p in tmp_path.iterdir())


def test_tidy_removes_what_a_killed_build_left(tmp_path):
    publish(tmp_path, writer("v1"))
    unfinished = tmp_path / SETS / "set-unfinished"
    unfinished.mkdir()
    (unfinished / "graph.ttl.tmp").write_text("half", encoding="utf-8")
    (tmp_path / ".kg-current.next").symlink_to("nowhere")
    cache = tmp_path / ".kg-cache" / "ab"
    cache.mkdir(parents=True)
    (cache / "abcd.tmp").write_bytes(b"half")
    (cache / "abcd.pickle").write_bytes(b"kept")
    tidy(tmp_path)
    assert [p.name for p in (tmp_path / SETS).iterdir()] == [Path(os.readlink(tmp_path / CURRENT)).name]
    assert not (tmp_path / ".kg-current.next").is_symlink()
    assert [p.name for p in cache.iterdir()] == ["abcd.pickle"]
    assert shown(tmp_path) == {n: f"v1 {n}\n" for n in NAMES}


@pytest.mark.parametrize("crash_after", range(5))
def test_publish_crash_at_any_step_leaves_a_complete_set(tmp_path, monkeypatch, crash_after):
    """Stop the publishing at each of its file-system steps (as a kill would): readers see v1 or v2, whole."""
    publish(tmp_path, writer("v1"))
    import kg.publish as module

    steps = 0
    real_symlink, real_replace, real_rmtree = os.symlink, os.replace, module.shutil.rmtree

    def step() -> None:
        nonlocal steps
        if steps == crash_after:
            raise KeyboardInterrupt   # as abrupt as a kill: nothing after it runs
        steps += 1

    def symlink(*args, **kwargs):
        step()
        return real_symlink(*args, **kwargs)

    def replace(*args, **kwargs):
        step()
        return real_replace(*args, **kwargs)

    def rmtree(*args, **kwargs):
        step()
        return real_rmtree(*args, **kwargs)

    monkeypatch.setattr(module.shutil, "rmtree", rmtree)
    monkeypatch.setattr(module.os, "symlink", symlink)
    monkeypatch.setattr(module.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        publish(tmp_path, writer("v2", NAMES + ["graph.gexf"]))
    monkeypatch.undo()
    expected = {n: f"v1 {n}\n" for n in NAMES} if crash_after < 4 else \
        {n: f"v2 {n}\n" for n in NAMES + ["graph.gexf"]}   # steps: 2 for the new link, 2 for the switch
    assert shown(tmp_path) == expected
    publish(tmp_path, writer("v3"))
    assert shown(tmp_path) == {n: f"v3 {n}\n" for n in NAMES}
    assert len(list((tmp_path / SETS).iterdir())) == 1


def test_locked_refuses_a_second_build_naming_the_folder_and_pid(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time; from pathlib import Path; from kg.publish import locked\n"
                               "with locked(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
                               str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(InputError) as info:
            with locked(tmp_path):
                pass
        assert info.value.message == f"{tmp_path}: another kg build (pid {holder.pid}) is writing into this folder"
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    with locked(tmp_path):   # the kernel dropped the lock of the killed holder
        assert (tmp_path / LOCK).read_text().strip() == str(os.getpid())
