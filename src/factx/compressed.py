"""Opening an input that may be compressed, told by its suffix: .gz, .bz2, .xz or .zst.

Corpora are shipped compressed and are often larger than memory, so a file is decompressed
as a stream while it is read, never whole. gzip, bz2 and lzma come with Python; Zstandard is
``compression.zstd`` from Python 3.14 on and the ``zstandard`` package before
(``pip install 'factx[zstd]'``). Each is imported only when a file needs it, so start-up stays
light.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import BinaryIO, Iterator

from .errors import FactxError, SourceError

SUFFIXES = (".gz", ".bz2", ".xz", ".zst")


def split(name: str) -> tuple[str, str]:
    """``a.jsonl.gz`` -> (``a.jsonl``, ``.gz``); a name without a compression suffix -> (name, "")."""
    lowered = name.lower()
    for suffix in SUFFIXES:
        if lowered.endswith(suffix):
            return name[:-len(suffix)], suffix
    return name, ""


@contextmanager
def opened(source: str) -> Iterator[tuple[BinaryIO, tuple[type[BaseException], ...]]]:
    """The decompressed bytes of ``source`` (``-``: standard input, read as it is) and the
    errors a read raises when the compressed data is damaged (none for a plain file), which
    only show once reading reaches them. Opening raises OSError as ``open`` does."""
    if source == "-":
        if sys.stdin is None or sys.stdin.closed:
            raise SourceError(source, "standard input is closed")
        yield sys.stdin.buffer, ()
        return
    suffix = split(source)[1]
    if suffix == ".gz":
        import gzip

        stream, broken = gzip.open(source, "rb"), (OSError, EOFError)
    elif suffix == ".bz2":
        import bz2

        stream, broken = bz2.open(source, "rb"), (OSError, EOFError)
    elif suffix == ".xz":
        import lzma

        stream, broken = lzma.open(source, "rb"), (lzma.LZMAError, OSError, EOFError)
    elif suffix == ".zst":
        stream, broken = _zstd(source)
    else:
        stream, broken = open(source, "rb"), ()
    with stream:
        yield stream, broken


def _zstd(source: str) -> tuple[BinaryIO, tuple[type[BaseException], ...]]:
    try:
        from compression import zstd            # Python 3.14 and later

        return zstd.open(source, "rb"), (zstd.ZstdError, OSError, EOFError)
    except ImportError:
        pass
    try:
        import zstandard
    except ImportError:
        raise FactxError(f"{source}: reading .zst files needs the zstandard package: "
                         "pip install 'factx[zstd]'") from None
    import io

    raw = open(source, "rb")
    try:
        reader = zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)
    except BaseException:
        raw.close()
        raise
    return io.BufferedReader(reader), (zstandard.ZstdError, OSError, EOFError)
