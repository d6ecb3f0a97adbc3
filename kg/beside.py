"""Run a function in a forked process while this one goes on: two independent halves of the work on two cores.

The child is a ``fork`` of this process, so it sees every value the function needs without pickling them, and
it dies with its parent (:func:`kg.lifeline.die_with_parent`), even one killed by ``kill -9``. An exception in
the child is raised again here when the ``with`` block ends (after the block's own work, never instead of an
exception the block raised).
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class BesideError(RuntimeError):
    """The forked process failed in a way that cannot be raised here as it was."""


def _child(fn: Callable[[], Any], conn: Any, parent_pid: int) -> None:
    from kg.lifeline import die_with_parent

    die_with_parent(parent_pid)
    try:
        value = fn()
        conn.send(pickle.dumps(("ok", value)))
    except BaseException as exc:   # noqa: BLE001 - everything goes back to the parent
        try:
            conn.send(pickle.dumps(("error", exc)))
        except Exception:   # an exception that does not pickle: its text
            text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            conn.send(pickle.dumps(("error", BesideError(text))))
    finally:
        conn.close()


class Outcome:
    """What the forked ``fn()`` returned (``value``), once the ``with`` block has ended."""

    value: Any = None


@contextmanager
def beside(fn: Callable[[], Any]) -> Iterator[Outcome]:
    """Run ``fn()`` in a forked process during the ``with`` block; wait for it at the end of the block. The
    value it returns (picklable) is the ``value`` of the object the ``with`` statement gives."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(fn, send, os.getpid()), daemon=True)
    process.start()
    send.close()
    result = Outcome()
    try:
        yield result
    except BaseException:
        process.kill()   # this side failed: the other half is of no use
        process.join()
        receive.close()
        raise
    try:
        outcome = receive.recv()     # the child's pickled ("ok", value) or ("error", exception)
    except EOFError:                 # it died without a word (killed, out of memory)
        outcome = None
    finally:
        receive.close()
        process.join()
    if outcome is None or process.exitcode != 0:
        raise BesideError(f"the process writing beside this one ended with exit code {process.exitcode}")
    kind, value = pickle.loads(outcome)
    if kind == "error":
        raise value
    result.value = value
