"""Where a command writes: stdout, or a file replaced only when the run ends well.

``extract`` and ``report`` both write through ``Output``, so ``-o`` behaves and fails alike.
"""

from __future__ import annotations

import os
import sys

from .cli_errors import CliError


class Output:
    """Where a command writes. A regular file is written beside itself and renamed into place at
    the end, so a crash, Ctrl-C or full disk never leaves half a JSON array where a good file
    was; a device or a pipe (``/dev/stdout``, a FIFO) is written directly; None is stdout."""

    def __init__(self, path: str | None):
        self.path, self.tmp, self.stream = path, None, None
        if path is None:
            return
        if os.path.isdir(path):
            raise CliError(f"-o {path}: is a folder", hint="give a file name (a folder of parts is --engine dask's)")
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            problem = "is not a folder" if os.path.exists(folder) else "does not exist"
            raise CliError(f"-o {path}: the folder {folder} {problem}", hint="create it first, or write elsewhere")

    def open(self, binary: bool = False):
        import tempfile

        text = {} if binary else {"encoding": "utf-8", "newline": ""}
        mode = "wb" if binary else "w"
        if self.path is None:
            self.stream = sys.stdout.buffer if binary else sys.stdout
        elif os.path.exists(self.path) and not os.path.isfile(self.path):
            self.stream = open(self.path, mode, **text)
        else:
            fd, self.tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(self.path)),
                                            prefix=f".{os.path.basename(self.path)}.", suffix=".tmp")
            self.stream = os.fdopen(fd, mode, **text)
        return self.stream

    def commit(self) -> None:
        if self.path is None:
            self.stream.flush()
            return
        self.stream.close()
        if self.tmp:
            os.replace(self.tmp, self.path)
            self.tmp = None

    def abandon(self) -> None:
        if self.path is None or self.stream is None:
            return
        try:
            self.stream.close()
        except OSError:
            pass
        if self.tmp:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
