"""Writers for each output format. They write to the stream they are given, one
document at a time (a JSON array is streamed, never built), and never decide
whether that stream is a terminal: the CLI does.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from .facts import Document, Fact

FORMATS = ("table", "json", "jsonl", "csv")
CSV_COLUMNS = ("source", "language", "document_date", "type", "text", "start", "end", "value", "rule", "sentence")
# What the one-column "value" shows for each fact type.
VALUE_FIELDS = {"date": ("value",), "money": ("amount", "currency"), "official": ("key", "role", "country")}
TYPE_TITLES = {"date": "Dates", "money": "Money", "official": "Officials", "commitment": "Commitments"}


def commitment_line(fact: Fact) -> str:
    """A commitment as it reads: ``actor → modality → action (due)``."""
    return "".join(text for text, _ in _commitment_pieces(fact))


def _commitment_pieces(fact: Fact) -> list[tuple[str, str]]:
    """(text, table style) pieces of a commitment's line."""
    a = fact.attrs
    pieces = [(str(a.get("actor") or "?"), "bold"), (f" → {a.get('modality')} → ", "cyan"),
              (a.get("action") or "", "")]
    if a.get("due"):
        pieces.append((f" (due {a['due']})", "bold green"))
    return pieces


def fact_value(fact: Fact) -> str:
    """The fact's normalised value as one short string (e.g. ``1500000000 USD``)."""
    if fact.type == "commitment":
        return commitment_line(fact)
    parts = [fact.attrs.get(k) for k in VALUE_FIELDS.get(fact.type, ("value",))]
    return " ".join(str(p) for p in parts if p not in (None, ""))


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


class CsvWriter:
    """One row per fact; ``value`` holds each type's normalised value."""

    def __init__(self, stream: IO[str]):
        self.writer = csv.writer(stream)
        self.writer.writerow(CSV_COLUMNS)
        self.stream = stream

    def write(self, doc: Document) -> None:
        date = doc.document_date.value if doc.document_date else ""
        for f in doc.facts:
            self.writer.writerow([doc.source, doc.language, date, f.type, f.text, f.start, f.end,
                                  fact_value(f), f.rule, f.sentence])
        self.stream.flush()

    def close(self) -> None:
        pass


class TableWriter:
    """A rich panel per document: source, language, document date, facts grouped by type."""

    def __init__(self, console: Any):
        self.console = console

    def write(self, doc: Document) -> None:
        from rich.console import Group
        from rich.panel import Panel

        date = (f"{doc.document_date.value} ({doc.document_date.origin})" if doc.document_date else "unknown")
        header = f"language [bold]{doc.language}[/] ({doc.language_confidence:.2f}) · document date [bold]{date}[/]"
        parts: list[Any] = [header]
        for kind, title in TYPE_TITLES.items():
            facts = [f for f in doc.facts if f.type == kind]
            if facts:
                parts.append(_commitments(facts, title) if kind == "commitment" else _facts(facts, title))
        if not doc.facts:
            parts.append("[dim]no facts[/]")
        self.console.print(Panel(Group(*parts), title=f"[bold]{doc.source}[/]", title_align="left"))

    def close(self) -> None:
        pass


def _facts(facts: list[Fact], title: str) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{title} ({len(facts)})", title_justify="left", expand=True)
    table.add_column("text", ratio=3)
    table.add_column("value", ratio=3, style="bold")
    table.add_column("at", justify="right", no_wrap=True)
    table.add_column("rule", style="dim", ratio=2, overflow="fold")
    for f in facts:
        table.add_row(Text(f.text), Text(fact_value(f)), f"{f.start}-{f.end}", f.rule)
    return table


def _commitments(facts: list[Fact], title: str) -> Any:
    """One readable row per commitment: who → what kind → what (by when)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{title} ({len(facts)})", title_justify="left", expand=True)
    table.add_column("actor → modality → action (due)", ratio=6)
    table.add_column("trigger", ratio=1, min_width=9, overflow="fold")
    table.add_column("at", justify="right", no_wrap=True)
    table.add_column("rule", style="dim", ratio=2, overflow="fold")
    for f in facts:
        table.add_row(Text.assemble(*_commitment_pieces(f)), Text(f.text), f"{f.start}-{f.end}", f.rule)
    return table


def writer(fmt: str, stream: IO[str], console: Any = None):
    """The writer for ``fmt``; ``console`` is the rich Console a table goes to."""
    if fmt == "json":
        return JsonWriter(stream)
    if fmt == "jsonl":
        return JsonlWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream)
    if fmt == "table":
        return TableWriter(console)
    raise ValueError(f"unknown format {fmt!r}")
