"""One row of a record file (a JSON object, a CSV row, a Parquet row) as a Record.

Corpora name their fields as they like, nest them (``meta.published``) and write dates in
whatever their scraper gave, so the fields are chosen by name and a date is read in every
usual form. A row that cannot be one article (no text, a date that is no date) is a
``SourceError`` of kind ``record`` naming ``FILE:LINE``: that row is skipped, the others are not.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any, Mapping

from .errors import SourceError

MISSING = object()
_EPOCH = re.compile(r"-?\d{9,}(\.\d+)?")    # 9 digits and more: from 1973 on; fewer are not read as a time


def lookup(row: Mapping[str, Any], field: str) -> Any:
    """``row[field]``, or the value at the dotted path ``a.b.c`` in nested objects; ``MISSING``
    when there is none. A key that itself contains dots (a CSV column ``meta.date``) wins."""
    if field in row:
        return row[field]
    value: Any = row
    for part in field.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return MISSING
        value = value[part]
    return value


def to_record(row: Mapping[str, Any], where: str, options, max_bytes: int):
    """The Record of ``row`` (``options`` is a ``records.Input``), or the SourceError that says
    why it is skipped. ``where`` is ``FILE:LINE``: the source unless an id field gives one."""
    from .records import Record

    def bad(problem: str) -> SourceError:
        return SourceError(where, problem, kind="record")

    text = lookup(row, options.text_field)
    if text is MISSING or text is None:
        fields = ", ".join(str(k) for k in row) or "none"
        return bad(f"no text field {options.text_field!r} (fields: {fields}); choose one with --text-field")
    if not isinstance(text, str):
        return bad(f"text field {options.text_field!r} is {described(text)}, not a string")
    if not text.strip():
        return bad(f"text field {options.text_field!r} is empty")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as e:       # a lone surrogate escape (\ud800) in JSON: no output could hold it
        return bad(f"text field {options.text_field!r} holds a lone surrogate {text[e.start]!r} "
                   f"at character {e.start}, which is no text")
    if size > max_bytes:
        return bad(f"text larger than the {max_bytes // (1024 * 1024)} MB limit (--max-size)")

    source = where
    if options.id_field:
        found = lookup(row, options.id_field)
        if found not in (MISSING, None, ""):
            if isinstance(found, bool) or not isinstance(found, (str, int, float)):
                return bad(f"id field {options.id_field!r} is {described(found)}, not a string or number")
            source = str(found).encode("utf-8", "backslashreplace").decode("utf-8")

    day = None
    if options.date_field:
        found = lookup(row, options.date_field)
        if found not in (MISSING, None) and not (isinstance(found, str) and not found.strip()):
            try:
                day = to_date(found)
            except ValueError as e:
                return bad(f"date field {options.date_field!r}: {e}")

    lang = None
    if options.lang_field:
        found = lookup(row, options.lang_field)
        if found not in (MISSING, None):
            if not isinstance(found, str):
                return bad(f"language field {options.lang_field!r} is {described(found)}, not a language code")
            lang = language_code(found)
    return Record(source, text, day, lang)


def to_date(value: Any) -> date:
    """The day a date field names, as written in its own time zone: ``2025-12-16T23:30:00-05:00``
    is the 16th (the day the newsroom printed), not the 17th it already was in UTC. Epoch
    seconds have no zone of their own and are read in UTC. Raises ValueError saying what
    forms are read."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _epoch(value)
    if isinstance(value, str):
        written = value.strip()
        if _EPOCH.fullmatch(written):
            return _epoch(float(written))
        try:
            return datetime.fromisoformat(written).date()
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date (read: YYYY-MM-DD, an ISO 8601 date-time with or without "
                     "a zone, YYYY-MM-DD HH:MM:SS, epoch seconds)")


def _epoch(seconds: float) -> date:
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        hint = "; epoch milliseconds? factx reads seconds" if abs(seconds) >= 1e11 else ""
        raise ValueError(f"{seconds!r} is no time factx can read as epoch seconds{hint}") from None


def language_code(value: str) -> str | None:
    """A language field's code as factx names languages: ``en-US`` and ``EN`` are ``en``;
    ``auto`` or nothing leaves the record to detection."""
    code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return None if code in ("", "auto") else code


def described(value: Any) -> str:
    """What a JSON value is, for a message: ``a number``, ``an object``."""
    kinds = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object",
             bytes: "bytes", str: "a string"}
    return next((name for kind, name in kinds.items() if isinstance(value, kind)), type(value).__name__)
