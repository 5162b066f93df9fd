"""What the pipeline reads: records, each one document's text with what is known about it.

A plain text file is one record (its path is the source). A record file holds one article
per line or row, with its own id, date and language: JSON Lines, CSV, TSV or Parquet, as
corpora come. Both are read here, so every reader, serial or parallel, sees one stream of
``Record``s and ``SourceError``s in input order.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from . import compressed, record_fields, record_files, sources
from .errors import FactxError, SourceError

FORMATS = ("text", "jsonl", "csv", "tsv", "parquet")
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv", ".parquet": "parquet"}


@dataclass(frozen=True)
class Record:
    source: str                     # a path, FILE:LINE, or the record's id
    text: str
    date: date | None = None        # the record's own date (a date field): origin "field"
    lang: str | None = None         # the record's own language (a language field)


@dataclass(frozen=True)
class Input:
    """How to read the inputs: one set of options for a whole run, so the library and the
    command line (``--input-format``, ``--text-field``, ...) read a corpus alike.

    format      ``jsonl``, ``csv``, ``tsv``, ``parquet`` or ``text`` for every input; None
                chooses by extension (``.jsonl``/``.ndjson``, ``.csv``, ``.tsv``, ``.parquet``,
                each maybe with ``.gz``, ``.bz2``, ``.xz``, ``.zst``; anything else is text).
    text_field  the field holding the article (``text``); a dotted path reaches into nested
                JSON objects (``article.body``).
    id_field    the field whose value becomes the document's ``source``; without it (or when
                a record has none) the source is ``FILE:LINE``.
    date_field  the record's date (origin ``field``), before ``ref_date``: ``YYYY-MM-DD``, an
                ISO 8601 date-time (the date as written in its own zone), ``YYYY-MM-DD
                HH:MM:SS`` or epoch seconds (UTC).
    lang_field  the record's language code (``en``, ``vi``, ``en-US``), before ``lang``; a
                language without rules makes the document ``und``, with a warning.
    """

    format: str | None = None
    text_field: str = "text"
    id_field: str | None = None
    date_field: str | None = None
    lang_field: str | None = None

    def __post_init__(self):
        if self.format is not None and self.format not in FORMATS:
            raise FactxError(f"input format {self.format!r} is not one of {', '.join(FORMATS)}")
        for name in ("text_field", "id_field", "date_field", "lang_field"):
            value = getattr(self, name)
            if value is None and name != "text_field":
                continue
            problem = field_problem(value)
            if problem:
                raise FactxError(f"{name}: {problem}")

    def fields(self) -> dict[str, str]:
        """The fields asked for, by the option that names them (for messages)."""
        given = {"--text-field": self.text_field, "--id-field": self.id_field,
                 "--date-field": self.date_field, "--lang-field": self.lang_field}
        return {option: field for option, field in given.items() if field}


def field_problem(value) -> str | None:
    """What is wrong with a field option's value, or None: a name, or a dotted path of names."""
    if not isinstance(value, str) or not value.strip() or "" in value.split("."):
        return f"{value!r} is not a field name or a dotted path such as meta.date"
    return None


def format_of(name: str, forced: str | None = None) -> str:
    """The format ``name`` is read as: ``forced`` if given, else by its extension under any
    compression suffix (``a.jsonl.gz`` is jsonl). Works on a --glob too (``*.csv.gz``)."""
    if forced:
        return forced
    stem = compressed.split(name)[0].lower()
    return next((fmt for ext, fmt in _EXTENSIONS.items() if stem.endswith(ext)), "text")


def has_record_files(paths, glob: str, input: Input) -> bool:
    """Whether a run reads record files, told from names alone without walking a folder: the
    format given, a file's extension, or for a folder the ``glob``'s (``*.jsonl.gz``)."""
    if input.format:
        return input.format != "text"
    return any(format_of(glob if os.path.isdir(p) else p) != "text" for p in paths)


def read(paths: list[str], glob: str = "*.txt", max_bytes: int = sources.MAX_BYTES,
         input: Input | None = None) -> Iterator[Record | SourceError]:
    """Every record of ``paths`` in order; a file that cannot be read is one SourceError, a
    row of a record file that cannot be an article one SourceError of kind ``record``.
    ``max_bytes`` bounds a text file, and in a record file each record."""
    input = input or Input()
    for item in sources.expand(paths, glob):
        if isinstance(item, SourceError):
            yield item
            continue
        fmt = format_of(item, input.format)
        if fmt == "text":
            try:
                yield Record(item, sources.read(item, max_bytes))
            except SourceError as e:
                yield e
            continue
        for row in record_files.rows(item, fmt, input.fields(), max_bytes):
            yield row if isinstance(row, SourceError) else record_fields.to_record(row[1], row[0], input, max_bytes)
