"""Pool workers die with their parent, even on kill -9 (kg.lifeline). No model: the pool runs sleeps."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")

PARENT = """
import multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from kg.lifeline import die_with_parent

if __name__ == "__main__":
    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"), initializer=die_with_parent,
                               initargs=(os.getpid(),))
    futures = [pool.submit(time.sleep, 120) for _ in range(2)]
    while len(pool._processes) < 2:
        time.sleep(0.05)
    print(" ".join(str(pid) for pid in pool._processes), flush=True)
    time.sleep(120)
"""


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_gone(pids: list[int], seconds: float = 15) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    return [p for p in pids if alive(p)]


def test_lifeline_workers_die_when_the_parent_is_killed(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(p) for p in parent.stdout.readline().split()]
        assert len(workers) == 2 and all(alive(p) for p in workers)
        time.sleep(0.5)   # the initializer has run by the time a task sleeps; give it a moment anyway
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        parent.stdout.close()
    assert wait_gone(workers) == []


def test_lifeline_exits_at_once_if_the_parent_is_already_gone():
    child = subprocess.run([sys.executable, "-c", "from kg.lifeline import die_with_parent\n"
                            "die_with_parent(1)\nprint('still here')"], capture_output=True, text=True)
    assert child.returncode == 1 and "still here" not in child.stdout


def test_lifeline_keeps_a_worker_whose_parent_lives():
    child = subprocess.run([sys.executable, "-c", f"from kg.lifeline import die_with_parent\n"
                            f"die_with_parent({os.getpid()})\nprint('still here')"], capture_output=True, text=True)
    assert child.returncode == 0 and child.stdout == "still here\n"
