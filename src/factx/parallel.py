"""Documents extracted in worker processes, handed back in input order as they are ready.

Documents are independent and extraction is pure Python (one core per process, whatever the
threads), so processes are what scales. Records are read here, in the parent, and sent to
the workers: reading is cheap, in order and format-agnostic, and a worker needs no access to
the inputs. At most ``IN_FLIGHT`` records per worker are out at a time, so the first result
is written while the inputs are still being read and memory stays flat however many there are.

Workers start from a fork server (spawn where there is none) rather than a fork of a parent
that may hold threads and locks; each loads the rule books its options need once, before its
first document. Workers ignore Ctrl-C: the parent decides, and ends them.
"""

from __future__ import annotations

import os
from collections import deque
from contextlib import contextmanager
from typing import Iterable, Iterator

from .errors import FactxError, SourceError
from .facts import Document
from .records import Record

IN_FLIGHT = 4                   # records out per worker: enough to keep each busy, few to hold


def cores() -> int:
    """The cores this process may run on (a container's or taskset's share, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                  # macOS, Windows
        return os.cpu_count() or 1


def extract(items: Iterable[Record | SourceError], jobs: int, **options) -> Iterator[Document | SourceError]:
    """``pipeline.extract_item`` over ``items`` in ``jobs`` processes (0: ``cores()``), in order."""
    if jobs < 0:
        raise FactxError(f"jobs must be 0 (every core) or more, not {jobs}")
    workers = jobs or cores()
    pool = starting = None          # started at the first record: inputs that are all errors need none
    pending: deque = deque()        # a SourceError read here, or the future of a record's result
    finished, submitted = False, 0
    try:
        for item in items:
            if isinstance(item, SourceError):
                pending.append(item)
            elif submitted < workers:            # a submission may start a worker, up to the pool's size
                if pool is None:
                    pool, starting = _pool(workers, options)
                with starting():
                    pending.append(pool.submit(_extract, item))
                submitted += 1
            else:
                pending.append(pool.submit(_extract, item))
            while pending and (len(pending) >= IN_FLIGHT * workers or _ready(pending[0])):
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
        finished = True
    finally:
        if pool is not None:
            _stop(pool, finished)


def _pool(workers: int, options: dict):
    """The pool, and how Ctrl-C is held while it starts a worker: ignored while one is exec'd,
    which it then inherits; put off while one is forked from a fork server that ignores it."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":          # each worker forks with the engine and the built-in rules loaded
        from multiprocessing import forkserver

        context.set_forkserver_preload(["factx.worker_preload"])
        with _ignoring_interrupts():    # the server, and so every worker it forks, ignores Ctrl-C
            forkserver.ensure_running()
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(options,))
    return pool, _deferring_interrupts if method == "forkserver" else _ignoring_interrupts


def _ready(entry) -> bool:
    return isinstance(entry, SourceError) or entry.done()


def _result(entry) -> Document | SourceError:
    if isinstance(entry, SourceError):
        return entry
    from concurrent.futures.process import BrokenProcessPool

    try:
        return entry.result()
    except BrokenProcessPool:
        raise FactxError("a worker process ended abruptly (out of memory?); the documents it held are "
                         "unknown: run with jobs=1 to find the one that does it") from None


def _stop(pool, finished: bool) -> None:
    """Wait for the workers at a normal end; otherwise (Ctrl-C, an error, a consumer that stopped
    reading) end them now: one may be deep in a long document."""
    if finished:
        pool.shutdown(wait=True)
        return
    processes = list((pool._processes or {}).values())       # no public way before Python 3.14
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:       # gone before the parent is: none is left reading what it cleans up
        process.join(1)


@contextmanager
def _ignoring_interrupts():
    """Ctrl-C ignored for the few milliseconds a process is exec'd: it then ignores it from its
    first instruction, so the terminal's Ctrl-C, which reaches the whole process group, never
    interrupts it half-started (a traceback). The parent alone answers Ctrl-C."""
    import signal

    if not _main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _deferring_interrupts():
    """A Ctrl-C held until a worker is started and registered, then given to the handler that
    was there: a worker half-registered would be left reading what the parent cleans up."""
    import signal

    if not _main_thread():
        yield
        return
    caught = []
    previous = signal.signal(signal.SIGINT, lambda *_: caught.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            signal.raise_signal(signal.SIGINT)


def _main_thread() -> bool:
    """Signal handlers can only be changed from the main thread; elsewhere Ctrl-C is not ours."""
    import threading

    return threading.current_thread() is threading.main_thread()


_OPTIONS: dict = {}
_BROKEN: list[FactxError] = []          # a bad option or rule pack met while warming up


def _start(options: dict) -> None:
    """In each worker: ignore Ctrl-C, keep the options, load the rule books they need. A bad
    option is raised at the first document, as a serial run raises it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _OPTIONS.update(options)
    try:
        warm(**options)
    except FactxError as e:
        _BROKEN.append(e)


def warm(*, lang: str | None = None, types=None, patterns=(), **_) -> None:
    """Load what extraction with these options needs (rule books for each language that can
    come up, the sentence splitter, language detection), so the first document does not pay
    for it and each process pays once."""
    from . import language, pipeline

    languages = [lang] if lang not in (None, "auto") else list(language.available(tuple(patterns)))
    for code in languages:
        pipeline.extract("Warm up.", lang=code, types=types, patterns=patterns)
    if lang in (None, "auto"):
        pipeline.extract("Warm up.", types=types, patterns=patterns)


def _extract(record: Record) -> Document | SourceError:
    from .pipeline import extract_item

    if _BROKEN:
        raise _BROKEN[0]
    return extract_item(record, **_OPTIONS)
