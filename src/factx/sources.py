"""Inputs: expand paths to files, read each as UTF-8, and say clearly what is wrong.

A bad input raises ``SourceError`` naming the file and the problem; callers carry
on with the next one. Folders are walked in sorted order so runs are repeatable.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Iterator

from .errors import FactxError, SourceError

MAX_BYTES = 20 * 1024 * 1024


def check_glob(glob: str) -> None:
    """A --glob names files inside the folders given: relative, no '..', not empty."""
    if not glob.strip():
        raise FactxError("--glob is empty: it would match no file (the default is *.txt)")
    if glob.startswith(("/", "\\")) or ".." in glob.replace("\\", "/").split("/"):
        raise FactxError(f"--glob {glob!r} must name files inside the folders given (relative, no '..'); "
                         "give the folder itself as a path instead")


def expand(paths: list[str], glob: str = "*.txt") -> Iterator[str | SourceError]:
    """Yield file names (``-`` for stdin) in order; a missing path yields a SourceError, and so
    does a folder with no matching file (kind ``empty``): a run that read nothing must be
    told apart from a run that found nothing."""
    check_glob(glob)
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            matched = False
            for f in sorted(path.rglob(glob)):
                if f.is_file():
                    matched = True
                    yield str(f)
                elif not f.is_dir():            # a folder named like a file is no input; say why the rest is none
                    matched = True
                    yield SourceError(str(f), _not_a_file(f))
            if not matched:
                yield SourceError(p, f"no files matching {glob}", kind="empty")
        elif path.exists():
            yield p
        elif path.is_symlink():
            yield SourceError(p, _not_a_file(path), kind="missing")
        else:
            yield SourceError(p, "no such file or directory", kind="missing")


def _not_a_file(path: Path) -> str:
    """Why a path that matched is not read: a broken or looping link, a FIFO, a device, a socket."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            return "symbolic link loop; skipped"
        except OSError as e:
            if e.errno == errno.ELOOP:
                return "symbolic link loop; skipped"
        return f"broken symbolic link (to {os.readlink(path)}); skipped"
    kind = ("a FIFO" if path.is_fifo() else "a socket" if path.is_socket()
            else "a device" if path.is_block_device() or path.is_char_device() else "not a regular file")
    return f"{kind}, not a regular file; skipped"


def read(source: str, max_bytes: int = MAX_BYTES) -> str:
    """The file's text: UTF-8, BOM removed, nothing else changed; a ``.gz``, ``.bz2``, ``.xz``
    or ``.zst`` file is decompressed first (``max_bytes`` then bounds the text, not the file)."""
    from . import compressed

    try:
        with compressed.opened(source) as (stream, broken):
            try:
                data = stream.read(max_bytes + 1)
            except broken as e:
                raise SourceError(source, f"cannot decompress: {e}") from None
    except IsADirectoryError:
        raise SourceError(source, "is a directory") from None
    except OSError as e:
        raise SourceError(source, f"cannot read: {e.strerror or e}") from None
    return decode(source, data, max_bytes)


def decode(source: str, data: bytes, max_bytes: int = MAX_BYTES) -> str:
    """``data`` as text, or a SourceError that says what it is instead and how to convert it."""
    if len(data) > max_bytes:
        raise SourceError(source, f"larger than the {max_bytes // (1024 * 1024)} MB limit (--max-size); split it")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(source, f"UTF-16 text; factx reads UTF-8: {_convert(source, 'UTF-16')}")
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding:
            raise SourceError(source, "looks like UTF-16 without a byte-order mark; "
                                      f"{_convert(source, encoding)}")
        raise SourceError(source, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        if _looks_binary(data):
            raise SourceError(source, "binary file, not text") from None
        problem = f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})"
        raise SourceError(source, f"{problem}; if it is {_legacy(data)} text, {_convert(source, _legacy(data))}") from None
    return text[1:] if text.startswith("\ufeff") else text


def _convert(source: str, encoding: str) -> str:
    """The command that turns the file into UTF-8, to copy and run."""
    import shlex

    name = "FILE" if source == "-" else shlex.quote(source)
    return f"convert it: iconv -f {encoding} -t UTF-8 {name} > out.txt"


def _utf16_without_bom(data: bytes) -> str | None:
    """``UTF-16LE`` or ``UTF-16BE`` when the NULs are the high bytes of UTF-16 text: nearly all
    at odd offsets (little-endian) or at even ones, and the start decodes to text, not controls."""
    head = data[:min(len(data), 4096) & ~1]
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if odd + even < len(head) // 8:
        return None
    encoding = "UTF-16LE" if odd >= 0.9 * (odd + even) else "UTF-16BE" if even >= 0.9 * (odd + even) else None
    if encoding is None:
        return None
    text = head.decode(encoding, errors="replace")
    odd_chars = sum(1 for c in text if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f"))
    return encoding if odd_chars <= len(text) * 0.05 else None


def _legacy(data: bytes) -> str:
    """The likelier 8-bit encoding of text that is not UTF-8: Windows' CP1252 (curly quotes
    and dashes at 0x80-0x9f) unless it uses bytes CP1252 leaves undefined, then Latin-1."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "ISO-8859-1"
    return "CP1252"


def _looks_binary(data: bytes) -> bool:
    """Many control bytes (other than tab, newlines, form feed) mean this is not text at all."""
    head = data[:4096]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05
