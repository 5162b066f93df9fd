"""Matched date pieces -> a TIMEX3-style value, resolved against the document date.

Rules name their pieces with groups (``year``, ``month``, ``day``, ``half``,
``quarter``, ``relday``, ``relmonth``, ``relyear``, ``weekday``, ``months``,
``lastmonths`` and ``*_end`` for the second point of an interval); this module
knows what each means. Time is an input: nothing here reads the clock.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Mapping

POINT = ("year", "month", "day")


@dataclass(frozen=True)
class TimeValue:
    value: str
    granularity: str      # day | month | year | half | quarter | interval
    relative: bool


class Invalid(ValueError):
    """The pieces do not make a calendar date (month 13, 31 June, ...)."""


def resolve(parts: Mapping[str, Any], ref: date | None) -> TimeValue:
    """Turn the pieces of one match into its value; raise ``Invalid`` if there is none."""
    p = {k: v for k, v in parts.items() if isinstance(v, int)}
    if "months" in p or "lastmonths" in p:
        return _first_or_last_months(p, ref)
    ends = {k[:-4]: v for k, v in p.items() if k.endswith("_end")}
    if ends:
        start = {k: v for k, v in p.items() if not k.endswith("_end")}
        for f in ("year", "month"):       # "3-5/9": the start borrows the end's month, and back
            if f in ends and f not in start:
                start[f] = ends[f]
            if f in start and f not in ends:
                ends[f] = start[f]
        a, b = _point(start, ref), _point(ends, ref)
        if a.value >= b.value and "X" not in a.value + b.value and len(a.value) == len(b.value):
            raise Invalid("interval ends before it starts")
        return TimeValue(f"{a.value}/{b.value}", "interval", a.relative or b.relative)
    return _point(p, ref)


def _point(p: dict[str, int], ref: date | None) -> TimeValue:
    if "relday" in p:
        return _day(ref + timedelta(days=p["relday"])) if ref else TimeValue("XXXX-XX-XX", "day", True)
    if "weekday" in p:
        return _weekday(p["weekday"], ref)
    if "relmonth" in p:
        if ref is None:
            return TimeValue("XXXX-XX", "month", True)
        y, m = divmod(ref.year * 12 + ref.month - 1 + p["relmonth"], 12)
        return TimeValue(f"{y:04d}-{m + 1:02d}", "month", True)
    year, relative = _year(p, ref)
    if "half" in p:
        _check(p["half"] in (1, 2), "half")
        return TimeValue(f"{year}-H{p['half']}", "half", relative)
    if "quarter" in p:
        _check(1 <= p["quarter"] <= 4, "quarter")
        return TimeValue(f"{year}-Q{p['quarter']}", "quarter", relative)
    if "month" not in p:
        _check("day" not in p, "day without month")
        return TimeValue(year, "year", relative)
    month = p["month"]
    _check(1 <= month <= 12, "month")
    relative = relative or year == "XXXX"      # a month or day without a year hangs on the document date
    if "day" not in p:
        if year == "XXXX" and ref is not None:
            return TimeValue(f"{_nearest_year(ref, month, 1):04d}-{month:02d}", "month", True)
        return TimeValue(f"{year}-{month:02d}", "month", relative)
    day = p["day"]
    if year == "XXXX" and ref is not None:
        _check(1 <= day <= calendar.monthrange(2000, month)[1], "day")
        y = _nearest_year(ref, month, day)
        if month == 2 and day == 29 and not calendar.isleap(y):
            raise Invalid("29 February in a common year")
        return TimeValue(date(y, month, day).isoformat(), "day", True)
    leap_year = 2000 if year == "XXXX" else int(year)
    _check(1 <= day <= calendar.monthrange(leap_year, month)[1], "day")
    return TimeValue(f"{year}-{month:02d}-{day:02d}", "day", relative)


def _year(p: dict[str, int], ref: date | None) -> tuple[str, bool]:
    if "year" in p:         # a written year beats a rule's default "this year"
        _check(1000 <= p["year"] <= 2999, "year")
        return f"{p['year']:04d}", False
    if "relyear" in p:
        return (f"{ref.year + p['relyear']:04d}", True) if ref else ("XXXX", True)
    return "XXXX", False


def _nearest_year(ref: date, month: int, day: int) -> int:
    """The year that puts (month, day) closest to the document date, past or future."""
    def distance(y: int) -> int:
        d = min(day, calendar.monthrange(y, month)[1])
        return abs((date(y, month, d) - ref).days)
    return min((ref.year - 1, ref.year, ref.year + 1), key=distance)


def _weekday(weekday: int, ref: date | None) -> TimeValue:
    _check(0 <= weekday <= 6, "weekday")
    if ref is None:
        return TimeValue("XXXX-XX-XX", "day", True)
    delta = (weekday - ref.weekday()) % 7
    return _day(ref + timedelta(days=delta if delta <= 3 else delta - 7))


def _first_or_last_months(p: dict[str, int], ref: date | None) -> TimeValue:
    n = p.get("months", p.get("lastmonths"))
    _check(1 <= n <= 12, "months")
    year, relative = _year(p, ref)
    if n == 6:
        return TimeValue(f"{year}-H{1 if 'months' in p else 2}", "half", relative)
    first, last = (1, n) if "months" in p else (13 - n, 12)
    if first == last:
        return TimeValue(f"{year}-{first:02d}", "month", relative)
    return TimeValue(f"{year}-{first:02d}/{year}-{last:02d}", "interval", relative)


def _day(d: date) -> TimeValue:
    return TimeValue(d.isoformat(), "day", True)


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise Invalid(f"impossible {what}")
