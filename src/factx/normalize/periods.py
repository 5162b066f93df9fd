"""When a normalised date value ends: "2011" ends 2011-12-31, "2026-H1" 2026-06-30.

Linking asks this to tell a commitment reported as news from a background one ("the two
cities signed a memorandum in 2011"). Values with an unknown part (``XXXX-05-06``) have no end.
"""

from __future__ import annotations

import calendar
from datetime import date

import regex

_VALUE = regex.compile(r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|H([12])|Q([1-4])))?")


def end_of(value: str) -> date | None:
    """The last day a value covers (an interval's end), or None if it has an unknown part."""
    m = _VALUE.fullmatch(value.rsplit("/", 1)[-1])
    if m is None:
        return None
    year, month, day, half, quarter = m.groups()
    y = int(year)
    last_month = int(month) if month else 6 * int(half) if half else 3 * int(quarter) if quarter else 12
    return date(y, last_month, int(day) if day else calendar.monthrange(y, last_month)[1])
