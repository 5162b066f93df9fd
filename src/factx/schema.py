"""The published contract: a JSON Schema (draft 2020-12) of what factx writes.

Built from the fact-type registry and the field kinds in ``columns``, so it always
describes the types factx has (a registered type included). ``$defs/document`` is one
document of ``--format json``/``jsonl`` (the root), ``$defs/factRow`` one line of
``--format facts``. Facts are strict: a key the schema does not name is an error, so a
field added to a type and not declared there fails the test suite.
"""

from __future__ import annotations

from typing import Any

from . import __version__, columns

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID = f"urn:factx:schema:{__version__}"


def schema(shape: str = "document") -> dict[str, Any]:
    """The schema whose root is one document (``document``) or one fact row (``facts``)."""
    from .extractors import REGISTRY

    fact_props = {name: columns.json_schema(kind) for name, kind in columns.FACT_COLUMNS.items()}
    fact_props["type"] = {"enum": list(REGISTRY)}
    branches = [{
        "if": {"properties": {"type": {"const": t.name}}, "required": ["type"]},
        "then": {"properties": {n: columns.json_schema(k) for n, k in t.fields.items()}, "required": list(t.fields)},
    } for t in REGISTRY.values()]
    return {
        "$schema": DRAFT,
        "$id": ID,
        "title": "factx output" if shape == "document" else "factx output, one fact per row",
        "description": ("One document of `factx extract --format json` (an array of these) or `--format jsonl` "
                        "(one per line)" if shape == "document" else
                        "One line of `factx extract --format facts`: a fact with its document's columns"),
        "$ref": "#/$defs/document" if shape == "document" else "#/$defs/factRow",
        "$defs": {
            "document": {
                "type": "object",
                "required": ["source", "language", "language_confidence", "document_date", "facts"],
                "additionalProperties": False,
                "properties": {
                    "source": {"type": "string", "description": "the path read, or - for stdin"},
                    "language": {"type": "string", "description": "a language code with rules, or und"},
                    "language_confidence": {"type": "number", "minimum": 0, "maximum": 1},
                    "document_date": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/documentDate"}]},
                    "facts": {"type": "array", "items": {"$ref": "#/$defs/fact"}},
                },
            },
            "documentDate": {
                "type": "object", "required": ["value", "origin"], "additionalProperties": False,
                "properties": {"value": columns.json_schema("period?") | {"type": "string"},
                               "origin": {"enum": ["field", "option", "header", "inferred"]}},
            },
            "fact": {"$ref": "#/$defs/factFields", "unevaluatedProperties": False},
            "factRow": {
                "$ref": "#/$defs/factFields",
                "required": list(columns.DOCUMENT_COLUMNS),
                "properties": {n: columns.json_schema(k) for n, k in columns.DOCUMENT_COLUMNS.items()},
                "unevaluatedProperties": False,
            },
            "factFields": {
                "type": "object",
                "description": "text == the document's text[start:end]; offsets are Python str indices. "
                               "Each type adds its fields (the if/then branches).",
                "required": list(columns.FACT_COLUMNS),
                "properties": fact_props,
                "allOf": branches,
            },
        },
    }
