"""A time budget for the per-article stage: a runaway article is stopped and skipped, not left to stall a build.

:func:`time_budget` raises :class:`OverBudget` inside the block once ``seconds`` have passed, in whatever
thread runs it (the main thread, a pool worker, a dask worker thread): a timer thread delivers the exception
with ``PyThreadState_SetAsyncExc``, which interrupts Python code between two bytecodes. Extraction and
resolution are Python code, so they stop within moments; a long call into compiled code (the parser) ends
first. The parse is not budgeted: it is linear and bounded per piece (:func:`kg.nlp.parse_articles`).
"""
from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_SECONDS = 300.0


class OverBudget(Exception):
    """The block ran longer than its budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the ``with`` block for at most ``seconds`` (``None`` or 0: no limit).

    Raises:
        OverBudget: the time ran out (raised inside the block, or at its very end if it ran out there).
    """
    if not seconds or seconds <= 0:
        yield
        return
    thread = threading.get_ident()
    guard = threading.Lock()
    finished = False

    def expire() -> None:
        with guard:
            if not finished:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(OverBudget))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with guard:
            finished = True
        timer.cancel()
