"""Compiled patterns that a new process rebuilds only when a document first needs them.

A cached rule book holds a few hundred compiled patterns; rebuilding them all from the pickle is
most of what loading a book costs (a third of a second for the English books), yet one article
fires only some of its rules (a fifth to a half of the commitment rules). Each pattern is
pickled as its own bytes and rebuilt on first use. Each also carries the key of what it was
compiled from, so a book compiled again after an edit takes every unchanged pattern from the
book it replaces instead of compiling it.
"""

from __future__ import annotations

import pickle
from typing import Any


class LazyPattern:
    """A ``regex`` pattern, or the bytes it is rebuilt from on first use; anything asked of it
    is asked of the pattern."""

    __slots__ = ("_pattern", "_data", "key")

    def __init__(self, pattern: Any = None, data: bytes | None = None, key: str = ""):
        self._pattern = pattern
        self._data = data
        self.key = key          # what it was compiled from (``cache.pattern_key``): an edited book reuses it

    def __getattr__(self, name: str) -> Any:
        pattern = self._pattern
        if pattern is None:
            data = self._data
            if data is None:             # another thread built it meanwhile
                pattern = self._pattern
            else:
                pattern = self._pattern = pickle.loads(data)
                self._data = None        # pickled again from the pattern if ever needed
        return getattr(pattern, name)

    def __reduce__(self):
        if self._data is None:
            self._data = pickle.dumps(self._pattern, protocol=pickle.HIGHEST_PROTOCOL)
        return LazyPattern, (None, self._data, self.key)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"
