"""The calendar days a normalised date value covers, and how it reads.

"2011" runs 2011-01-01 to 2011-12-31, "2026-H1" ends 2026-06-30, "2026-05/2026-06" runs from
the first day of May to the last of June. Linking asks for the end to tell a commitment
reported as news from a background one ("the two cities signed a memorandum in 2011"); the
table shows values in words. Values with an unknown part (``XXXX-05-06``) cover no known days.
"""

from __future__ import annotations

import calendar
from datetime import date

import regex

_VALUE = regex.compile(r"(\d{4}|XXXX)(?:-(?:(\d\d)(?:-(\d\d))?|H([12])|Q([1-4])))?")
_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}


def begin_of(value: str) -> date | None:
    """The first day a value covers (an interval's start), or None if it has an unknown part."""
    m = _VALUE.fullmatch(value.split("/", 1)[0])
    if m is None or m[1] == "XXXX":
        return None
    year, month, day, half, quarter = m.groups()
    first_month = int(month) if month else 6 * int(half) - 5 if half else 3 * int(quarter) - 2 if quarter else 1
    return date(int(year), first_month, int(day) if day else 1)


def end_of(value: str) -> date | None:
    """The last day a value covers (an interval's end), or None if it has an unknown part."""
    m = _VALUE.fullmatch(value.rsplit("/", 1)[-1])
    if m is None or m[1] == "XXXX":
        return None
    year, month, day, half, quarter = m.groups()
    y = int(year)
    last_month = int(month) if month else 6 * int(half) if half else 3 * int(quarter) if quarter else 12
    return date(y, last_month, int(day) if day else calendar.monthrange(y, last_month)[1])


def days(value: str | None, prefix: str) -> dict[str, str | None]:
    """``{prefix}_begin`` and ``{prefix}_end`` as ISO dates (None when unknown or no value)."""
    try:
        begin = begin_of(value) if value else None
        end = end_of(value) if value else None
    except ValueError:                      # a year 0 or an odd form: no days known
        begin = end = None
    return {f"{prefix}_begin": begin.isoformat() if begin else None, f"{prefix}_end": end.isoformat() if end else None}


def words(value: str) -> str:
    """The value as a reader says it: "16 December 2025", "second half of 2026",
    "May – June 2026"; a value it cannot read is returned as it is."""
    points = value.split("/")
    said = [_point_words(p) for p in points]
    if None in said:
        return value
    if len(said) == 2:
        first, last = said
        year = points[0][:4]
        if year == points[1][:4] and year != "XXXX" and first.endswith(f" {year}"):
            first = first[: -len(year) - 1]               # "May – June 2026", not "May 2026 – June 2026"
        return f"{first} – {last}"
    return said[0]


def _point_words(point: str) -> str | None:
    m = _VALUE.fullmatch(point)
    if m is None:
        return None
    year, month, day, half, quarter = m.groups()
    year = "(year unknown)" if year == "XXXX" else year
    if half or quarter:
        return f"{_ORDINAL[int(half or quarter)]} {'half' if half else 'quarter'} of {year}"
    if not month:
        return "a year not stated" if year.startswith("(") else year
    if not 1 <= int(month) <= 12:
        return None
    said = calendar.month_name[int(month)]
    return f"{int(day)} {said} {year}" if day else f"{said} {year}"
