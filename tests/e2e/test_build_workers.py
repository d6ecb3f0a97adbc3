"""kill -9 of a real ``kg build -j 2``: its worker processes die with it (none is left holding a model)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.test_build_kill import KG, source_rows
from tests.unit.test_lifeline import alive, wait_gone

pytestmark = [pytest.mark.model,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")]


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def is_worker(pid: int) -> bool:
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def test_build_workers_die_with_a_killed_parent(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in source_rows(60)), encoding="utf-8")
    parent = subprocess.Popen([*KG, "build", str(corpus), "-o", str(tmp_path / "out"), "-j", "2", "-q",
                               "--no-cache"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while time.monotonic() < deadline and parent.poll() is None:
            workers = [p for p in children(parent.pid) if is_worker(p)]
            if len(workers) == 2:
                break
            time.sleep(0.1)
        assert len(workers) == 2, "the build did not start two workers"
        time.sleep(3)   # let them load the model and take tasks
        assert parent.poll() is None and all(alive(p) for p in workers)
        everything = children(parent.pid)   # the workers and multiprocessing's helper
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    left = wait_gone(everything)
    for pid in left:   # do not leave them running when the test fails
        os.kill(pid, signal.SIGKILL)
    assert left == []
