"""Writers for each output format. They write to the stream they are given, one
document at a time (a JSON array is streamed, never built), and never decide
whether that stream is a terminal: the CLI does.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from . import columns
from .columns import fields
from .facts import Document, Fact

def _registry() -> dict:
    from .extractors import REGISTRY

    return REGISTRY


def count(n: int, one: str, many: str | None = None) -> str:
    """``1 document``, ``2 documents``, ``1,204 records``, ``0 people``: every summary's words."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def counted(fact_type: str, n: int) -> str:
    """``3 dates``, ``1 date``, ``5 money``: a type's title is its plural."""
    fact = _registry().get(fact_type)
    return count(n, fact_type, fact.title.lower() if fact else None)


def run_summary(documents: int, counts: dict[str, int]) -> str:
    """``5 documents: 26 dates, 5 money, 16 officials, 27 commitments``."""
    return f"{count(documents, 'document')}: {', '.join(counted(t, n) for t, n in counts.items())}"


def people(doc: Document) -> dict[str, str]:
    """Person key -> name as written in this document, for facts that refer to people by key."""
    return {f.attrs["key"]: f.attrs["name"] for f in doc.facts if f.attrs.get("key") and f.attrs.get("name")}


def describe(fact: Fact | Any, names: dict[str, str] | None = None) -> str:
    """A fact's (or candidate's) value in words a person reads, from its type's ``describe``."""
    return _registry()[fact.type].describe(fact.attrs, names or {})


class JsonWriter:
    """A JSON array, one document at a time, so `factx extract big/ | jq` starts at once."""

    def __init__(self, stream: IO[str]):
        self.stream, self.count = stream, 0

    def write(self, doc: Document) -> None:
        self.stream.write("[\n" if self.count == 0 else ",\n")
        self.stream.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
        self.stream.flush()
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


class JsonlWriter:
    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, doc: Document) -> None:
        self.stream.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        pass


class FactsWriter:
    """JSON Lines, one fact per line with its document's source, language and date copied on:
    the shape pandas, DuckDB, sqlite-utils and ``jq -s`` read with no reshaping."""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, doc: Document) -> None:
        for row in columns.rows(doc):
            self.stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        pass


class CsvWriter:
    """One row per fact, one column per field (``columns.fields``, or the ``columns`` asked
    for, in that order), empty where a type has no such field: split by nothing, read by
    pandas, DuckDB and spreadsheets as they are."""

    def __init__(self, stream: IO[str], picked: tuple[str, ...] | None = None):
        self.columns = tuple(picked or fields())
        self.writer = csv.writer(stream)
        self.writer.writerow(self.columns)
        self.stream = stream

    def write(self, doc: Document) -> None:
        for row in columns.rows(doc):
            self.writer.writerow([columns.csv_cell(row.get(c)) for c in self.columns])
        self.stream.flush()

    def close(self) -> None:
        pass


class TableWriter:
    """A panel per document for a person reading a terminal: its facts in text order, each as
    its type, its text and its value in words; under the value, the offsets and rule with
    ``verbose`` and the sentence with ``context``. A word is never split across lines: one too long for its column
    is cut with an ellipsis. ``close`` prints the run's summary line."""

    def __init__(self, console: Any, context: bool = False, verbose: bool = False):
        self.console, self.context, self.verbose = console, context, verbose
        self.documents, self.counts = 0, {t: 0 for t in _registry()}

    def write(self, doc: Document) -> None:
        from rich.console import Group
        from rich.panel import Panel

        self.documents += 1
        for f in doc.facts:
            self.counts[f.type] = self.counts.get(f.type, 0) + 1
        date = (f"{doc.document_date.value} ({doc.document_date.origin})" if doc.document_date else "unknown")
        header = f"language [bold]{doc.language}[/] · document date [bold]{date}[/]"
        body = self._table(doc) if doc.facts else "[dim]no facts[/]"
        self.console.print(Panel(Group(header, body), title=f"[bold]{_escape(doc.source)}[/]", title_align="left"))

    def _table(self, doc: Document) -> Any:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
        table.add_column("type", no_wrap=True, style="cyan")
        table.add_column("text", ratio=2, overflow="ellipsis")
        table.add_column("value", ratio=5, overflow="ellipsis")
        names = people(doc)
        for f in doc.facts:
            value = Text(describe(f, names), style="bold")
            if self.verbose:                      # under the value: offsets and rule stay whole at any width
                value.append(f"\n{f.start}-{f.end} {f.rule}", style="dim not bold")
            if self.context:
                value.append(f"\n{' '.join(f.sentence.split())}", style="dim not bold")
            table.add_row(f.type, Text(f.text), value)
        return table

    def close(self, skipped: int = 0) -> None:
        """One line for the run: documents, facts per type, files skipped."""
        line = run_summary(self.documents, self.counts)
        self.console.print(line + (f"; {count(skipped, 'file')} skipped" if skipped else ""),
                           highlight=False, markup=False)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def writer(fmt: str, stream: IO[str] | None, console: Any = None, **options: Any):
    """The writer for ``fmt``. ``console`` is the rich Console a table goes to (with the table's
    ``context`` and ``verbose``); ``columns`` picks a CSV's or Parquet file's columns. Parquet
    writes to a binary stream, every other format to a text stream."""
    if fmt == "json":
        return JsonWriter(stream)
    if fmt == "jsonl":
        return JsonlWriter(stream)
    if fmt == "facts":
        return FactsWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream, options.get("columns"))
    if fmt == "parquet":
        from .parquet import ParquetWriter

        return ParquetWriter(stream, options.get("columns"))
    if fmt == "table":
        return TableWriter(console, options.get("context", False), options.get("verbose", False))
    if fmt == "html":
        from .htmlview import HtmlWriter

        return HtmlWriter(stream)
    raise ValueError(f"unknown format {fmt!r}")
