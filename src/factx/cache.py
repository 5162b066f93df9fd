"""Compiled rule books on disk, so a new process loads its rules in milliseconds.

Compiling the word lists is nearly all of a cold start; a ``regex`` pattern pickles with
its compiled code, so a book saved once loads again without compiling. The key covers
everything a book is built from: the content of every rule file it may read (built-in and
user packs), the extractor's Spec, and the versions of factx, ``regex`` and Python. A
missing, stale or corrupt entry is silently rebuilt; writes are atomic (temp file, rename),
so two processes never see half a file. ``FACTX_NO_CACHE=1`` (``--no-cache``) bypasses it,
``FACTX_CACHE_DIR`` moves it (default: the user cache folder, ``~/.cache/factx``). Entries
are pickles, which run code when loaded: the folder must be writable by its user alone.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import regex

FORMAT = 7          # bump when the pickled classes change shape
STALE_TMP = 3600    # seconds: a temporary file this old was left by a killed write
KEEP = 8            # entries kept per language and rule file, all packs and recent edits together


def _engine_digest() -> bytes:
    """The code that builds a book, as this process loaded it (read once, at import: a file
    edited while a process runs must not label that process's books as the new code's)."""
    h = hashlib.sha256()
    for name in ("rulebook.py", "cache.py", "listtrie.py", "lazypattern.py"):
        try:
            h.update((Path(__file__).parent / name).read_bytes())
        except OSError:
            pass
    return h.digest()


_ENGINE = _engine_digest()


def enabled() -> bool:
    return os.environ.get("FACTX_NO_CACHE", "") in ("", "0")


def directory() -> Path:
    if os.environ.get("FACTX_CACHE_DIR"):
        return Path(os.environ["FACTX_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "factx"


def key(lang: str, stem: str, spec: str, files: list[Path]) -> str:
    """The entry's name: everything the compiled book depends on, the engine's own code included
    (a development checkout changes it without a new version number)."""
    from . import __version__

    h = hashlib.sha256()
    for part in (str(FORMAT), __version__, regex.__version__, sys.version, lang, stem, spec):
        h.update(part.encode() + b"\0")
    h.update(_ENGINE)
    for f in files:
        try:
            data = f.read_bytes()
        except OSError:
            continue
        h.update(str(f).encode() + b"\0" + hashlib.sha256(data).digest())
    return f"{lang}-{stem}-{h.hexdigest()[:32]}"


def get(name: str) -> Any | None:
    if not enabled():
        return None
    try:
        with open(directory() / f"{name}.pickle", "rb") as f:
            return pickle.load(f)
    except Exception:           # missing, truncated, from another version: rebuild
        return None


def recent(lang: str, stem: str, count: int = 2) -> list[Any]:
    """The most recent entries of a book, whatever the files they were built from: what an
    edited book can reuse compiled patterns from."""
    if not enabled():
        return []
    try:
        entries = sorted(directory().glob(f"{lang}-{stem}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return []
    found = []
    for path in entries[:count]:
        value = get(path.stem)
        if value is not None:
            found.append(value)
    return found


def pattern_key(source: str, lists: tuple) -> str:
    """What a compiled pattern depends on: its source, the entries of the lists it names, and
    the code and versions that compile it (the engine's digest covers ``listtrie``)."""
    h = hashlib.sha256()
    for part in (str(FORMAT), regex.__version__, sys.version, source):
        h.update(part.encode() + b"\0")
    h.update(_ENGINE)
    h.update(repr(lists).encode())
    return h.hexdigest()


def put(name: str, value: Any) -> None:
    if not enabled():
        return
    folder = directory()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{name}.pickle")
        _prune(folder, name.rsplit("-", 1)[0])
    except Exception:           # a read-only home or a full disk costs speed, never a run
        try:
            os.unlink(tmp)
        except Exception:
            pass


def _prune(folder: Path, prefix: str) -> None:
    """Entries of earlier edits are never read again: keep the most recent few. A temporary
    file an hour old is a write that was killed (Ctrl-C in ``rules warm`` ends its workers)."""
    entries = sorted(folder.glob(f"{prefix}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
    for tmp in folder.glob(f".{prefix}-*.tmp"):
        try:
            if time.time() - tmp.stat().st_mtime > STALE_TMP:
                tmp.unlink()
        except OSError:
            pass
