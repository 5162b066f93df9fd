"""What each output field holds, said once and read by every format that needs types.

A fact type declares its fields with a kind (``FactType.fields``); the JSON Schema, the
Parquet columns, the CSV cells and the DataFrame dtypes are all derived from these kinds,
so a field cannot be a string in one format and a date in another.

| kind       | JSON                          | Parquet / Arrow          | CSV            |
|------------|-------------------------------|--------------------------|----------------|
| ``text``   | string                        | string                   | as is          |
| ``text?``  | string or null                | string                   | empty for null |
| ``int``    | integer                       | int64                    | digits         |
| ``bool``   | true/false                    | bool                     | true/false     |
| ``decimal``| number, exact                 | decimal128(38, 6)        | digits         |
| ``decimal?``| number or null               | decimal128(38, 6)        | empty for null |
| ``date?``  | "YYYY-MM-DD" or null          | date32                   | YYYY-MM-DD     |
| ``period?``| "YYYY-MM-DD", "YYYY-MM", "YYYY" or null | string         | as is          |
| ``mentions`` | [{text, start, end}, ...]   | list<struct>             | JSON           |
"""

from __future__ import annotations

import json
from typing import Any

KINDS = ("text", "text?", "int", "bool", "decimal", "decimal?", "date?", "period?", "mentions")

# Copied onto every fact in one-fact-per-row formats (facts, CSV, Parquet, DataFrame).
# The document date is known to the day, the month or the year only (docdate.py): a string.
DOCUMENT_COLUMNS = {"source": "text", "language": "text", "document_date": "period?", "document_date_origin": "text?"}
FACT_COLUMNS = {"type": "text", "text": "text", "start": "int", "end": "int", "sentence": "text", "rule": "text"}
DECIMAL_SCALE = 6          # decimal places Parquet keeps: no amount in the news has more


def fields() -> dict[str, str]:
    """Every column of a fact row: the document's, the fact's, then each type's fields, each once."""
    from .extractors import REGISTRY

    out = {**DOCUMENT_COLUMNS, **FACT_COLUMNS}
    for fact_type in REGISTRY.values():
        for name, kind in fact_type.fields.items():
            if out.setdefault(name, kind) != kind:
                raise ValueError(f"field {name!r} of {fact_type.name!r} is {kind}, elsewhere {out[name]}")
    return out


def rows(doc) -> list[dict[str, Any]]:
    """One dict per fact, with the document's columns copied on: the shape of ``--format facts``."""
    common = {"source": doc.source, "language": doc.language,
              "document_date": doc.document_date.value if doc.document_date else None,
              "document_date_origin": doc.document_date.origin if doc.document_date else None}
    return [{**common, **f.to_dict()} for f in doc.facts]


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one value of ``kind``."""
    return {
        "text": {"type": "string"},
        "text?": {"type": ["string", "null"]},
        "int": {"type": "integer", "minimum": 0},
        "bool": {"type": "boolean"},
        "decimal": {"type": "number"},
        "decimal?": {"type": ["number", "null"]},
        "date?": {"type": ["string", "null"], "format": "date", "pattern": r"^\d{4}-\d\d-\d\d$"},
        "period?": {"type": ["string", "null"], "pattern": r"^\d{4}(-\d\d(-\d\d)?)?$"},
        "mentions": {"type": "array", "items": {
            "type": "object", "required": ["text", "start", "end"], "additionalProperties": False,
            "properties": {"text": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"}}}},
    }[kind]


def arrow_type(kind: str):
    import pyarrow as pa

    return {
        "text": pa.string(), "text?": pa.string(), "int": pa.int64(), "bool": pa.bool_(),
        "decimal": pa.decimal128(38, DECIMAL_SCALE),
        "decimal?": pa.decimal128(38, DECIMAL_SCALE), "date?": pa.date32(), "period?": pa.string(),
        "mentions": pa.list_(pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])),
    }[kind]


def arrow_value(kind: str, value: Any) -> Any:
    """A JSON value as Arrow takes it: dates as ``date``, numbers as exact ``Decimal``."""
    if value is None:
        return None
    if kind == "date?":
        from datetime import date

        return date.fromisoformat(value)
    if kind in ("decimal", "decimal?"):
        from decimal import Decimal

        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return value


def csv_cell(value: Any) -> Any:
    """CSV text for one value: empty for null, true/false, nested values as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value
