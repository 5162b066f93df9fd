"""The rows of a record file: JSON Lines, CSV, TSV or Parquet, compressed or not.

A corpus may be larger than memory, so every format is read as a stream: JSON Lines a line
at a time (a line longer than ``max_bytes`` is skipped without being held whole), CSV a row
at a time, Parquet a batch of rows at a time. Each row comes out with where it is,
``FILE:N`` (N from 1: the line of a JSON Lines file, the row of a CSV file as a spreadsheet
numbers it, the header being row 1, the row of a Parquet file); a row that cannot be read is
a SourceError of kind ``record`` there, and a file that cannot be read on is one SourceError.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

from . import compressed
from .errors import SourceError
from .record_fields import described

Row = tuple[str, Mapping[str, Any]]
BATCH = 256            # Parquet rows made Python objects at once; pyarrow holds one row group decoded
_SKIP_CHUNK = 1 << 20


def rows(source: str, fmt: str, fields: Mapping[str, str], max_bytes: int) -> Iterator[Row | SourceError]:
    """The rows of ``source`` read as ``fmt`` (jsonl, csv, tsv, parquet). ``fields`` are the
    field options given (``{"--text-field": "body"}``): a CSV or Parquet file whose columns lack
    one is refused as a whole, since every one of its rows would be wrong the same way."""
    if fmt == "parquet":
        yield from _parquet(source, fields)
        return
    try:
        with compressed.opened(source) as (stream, broken):
            reader = _jsonl(source, stream, max_bytes) if fmt == "jsonl" else _csv(source, stream, fmt, fields, max_bytes)
            try:
                yield from reader
            except broken as e:
                yield SourceError(source, f"cannot decompress: {e}; the rest of the file is not read")
    except IsADirectoryError:
        yield SourceError(source, "is a directory")
    except OSError as e:
        yield SourceError(source, f"cannot read: {e.strerror or e}")


def _jsonl(source: str, stream, max_bytes: int) -> Iterator[Row | SourceError]:
    import json

    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        where = f"{source}:{number}"
        if len(line) > max_bytes:
            while line and not line.endswith(b"\n"):       # skip the rest of the line unread
                line = stream.readline(_SKIP_CHUNK)
            yield SourceError(where, f"line larger than the {max_bytes // (1024 * 1024)} MB limit (--max-size)",
                              kind="record")
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        try:
            row = json.loads(line.rstrip(b"\r\n").decode("utf-8"))
        except UnicodeDecodeError as e:
            yield SourceError(where, f"not valid UTF-8 (byte 0x{line[e.start]:02x} at column {e.start + 1})",
                              kind="record")
            continue
        except json.JSONDecodeError as e:
            yield SourceError(where, f"not JSON: {e.msg} (column {e.colno})", kind="record")
            continue
        if not isinstance(row, dict):
            yield SourceError(where, f"not a JSON object but {described(row)}", kind="record")
            continue
        yield where, row


def _csv(source: str, stream, fmt: str, fields: Mapping[str, str], max_bytes: int) -> Iterator[Row | SourceError]:
    """CSV with a header row, quoted as Python, pandas and spreadsheets write it (TSV too: a
    field holding a tab or a line break is quoted)."""
    import csv
    import io

    # An article is one field: the csv module's 128 KB field limit is far below --max-size.
    # The limit is process-wide; it is only ever raised.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    row_number = 1
    try:
        reader = csv.DictReader(text, dialect="excel-tab" if fmt == "tsv" else "excel")
        header = reader.fieldnames
        if header is None:
            return
        missing = _missing(fields, header)
        if missing:
            yield SourceError(source, missing)
            return
        while True:
            row_number += 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                yield SourceError(f"{source}:{row_number}", f"not a CSV row: {e}", kind="record")
                continue
            yield f"{source}:{row_number}", {k: v for k, v in row.items() if k is not None}
    except UnicodeDecodeError as e:
        yield SourceError(f"{source}:{row_number}", f"not valid UTF-8 (byte 0x{e.object[e.start]:02x}); "
                                                    "the rest of the file is not read")
    finally:
        text.detach()               # the stream is its opener's to close (standard input stays open)


def _parquet(source: str, fields: Mapping[str, str]) -> Iterator[Row | SourceError]:
    from .errors import FactxError

    if source == "-":
        yield SourceError(source, "Parquet cannot be read from standard input (it is read from its end); "
                                  "give the file")
        return
    if compressed.split(source)[1]:
        yield SourceError(source, "a Parquet file is compressed inside; give it uncompressed")
        return
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise FactxError(f"{source}: reading Parquet needs pyarrow: pip install 'factx[parquet]'") from None
    try:
        file = pq.ParquetFile(source)
        names = file.schema_arrow.names
        missing = _missing(fields, names)
        if missing:
            yield SourceError(source, missing)
            return
        wanted = [n for n in names if any(f == n or f.startswith(n + ".") for f in fields.values())]
        number = 0
        for batch in file.iter_batches(batch_size=BATCH, columns=wanted):
            for row in batch.to_pylist():
                number += 1
                yield f"{source}:{number}", row
    except IsADirectoryError:
        yield SourceError(source, "is a directory")
    except (pa.ArrowException, OSError) as e:
        yield SourceError(source, f"cannot read as Parquet: {e}")


def _missing(fields: Mapping[str, str], columns) -> str | None:
    """Why a file whose columns lack a field option's field is not read, or None."""
    for option, field in fields.items():
        if field not in columns and field.split(".", 1)[0] not in columns:
            listed = ", ".join(c for c in columns if c) or "none"
            return f"no column {field!r} ({option}); its columns: {listed}"
    return None
