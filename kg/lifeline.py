"""Worker processes that die with their parent, even when the parent is killed with ``kill -9``.

A process pool's workers otherwise outlive a parent killed by SIGKILL (nothing runs in the parent to stop
them), each holding a loaded model and a core. On Linux, :func:`die_with_parent` asks the kernel
(``prctl(PR_SET_PDEATHSIG, SIGKILL)``) to kill the calling process when its parent dies; elsewhere it only
checks the parent is still there. :func:`init_worker` is the initializer of kg's process pool.
"""
from __future__ import annotations

import os
import signal
import sys

from kg import DEFAULT_MODEL

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Have this process killed when its parent dies; exit now if the parent ``parent_pid`` is already gone."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:   # the parent died before the request took effect
        os._exit(1)


def init_worker(model: str = DEFAULT_MODEL, parent_pid: int | None = None) -> None:
    """Initializer of a pool worker: tie its life to the parent's, then load the model once."""
    from kg.worker import warm_up

    if parent_pid is not None:
        die_with_parent(parent_pid)
    warm_up(model)
