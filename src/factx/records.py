"""What the pipeline reads: records, each one document's text with what is known about it.

A plain text file is one record (its path is the source). Record files (one article per
line or row, with its own id, date and language) are read here too, so every reader,
serial or parallel, sees one stream of ``Record``s and ``SourceError``s in input order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterator

from . import sources
from .errors import SourceError


@dataclass(frozen=True)
class Record:
    source: str                     # a path, FILE:LINE, or the record's id
    text: str
    date: date | None = None        # the record's own date (a date field): origin "field"
    lang: str | None = None         # the record's own language (a language field)


def read(paths: list[str], glob: str = "*.txt", max_bytes: int = sources.MAX_BYTES) -> Iterator[Record | SourceError]:
    """Every record of ``paths`` in order; a file that cannot be read is one SourceError."""
    for item in sources.expand(paths, glob):
        if isinstance(item, SourceError):
            yield item
            continue
        try:
            yield Record(item, sources.read(item, max_bytes))
        except SourceError as e:
            yield e
