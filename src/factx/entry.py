"""The `factx` command's entry point: Ctrl-C ends a run at any moment, quietly, within a second.

It imports nothing heavy, so the SIGINT handler is in place before click, rich, spaCy or the
rules load: a Ctrl-C during the imports is exit 130, not a traceback. Python drops a
KeyboardInterrupt raised inside a destructor (one of the regex module's, while rules compile),
so the handler raises it again every quarter second until it is caught; and a C call that
does not return (a user's pattern inside its regex timeout, which runs with the GIL released)
cannot see it at all, so the same thread ends the process one second after the first Ctrl-C.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

RETRY_SECONDS = 0.25
WATCHDOG_SECONDS = 1.0


def main() -> None:
    signal.signal(signal.SIGINT, _on_sigint)
    sys.unraisablehook = _quiet_interrupts
    try:
        from .cli import main as run

        run()
    except KeyboardInterrupt:
        disarm()
        sys.exit(130)


def disarm() -> None:
    """The interrupt has been caught: no more retries, no watchdog, while the run cleans up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _on_sigint(signum, frame) -> None:
    if not _armed.is_set():
        _armed.set()
        threading.Thread(target=_again, daemon=True).start()
    raise KeyboardInterrupt


def _again() -> None:
    """Send SIGINT again until the handler is gone (caught: ``disarm``); past the watchdog's
    second, the main thread is stuck where no signal reaches it: end the process."""
    waited = 0.0
    while True:
        threading.Event().wait(RETRY_SECONDS)
        waited += RETRY_SECONDS
        if signal.getsignal(signal.SIGINT) is not _on_sigint:
            return
        if waited >= WATCHDOG_SECONDS:
            os._exit(130)
        os.kill(os.getpid(), signal.SIGINT)


def _quiet_interrupts(unraisable, default=sys.unraisablehook) -> None:
    """A KeyboardInterrupt dropped in a destructor is no error: it is raised again."""
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        default(unraisable)


_armed = threading.Event()
