"""Matched date pieces -> a TIMEX3-style value, resolved against the document date.

Rules name their pieces with groups (``year``, ``month``, ``day``, ``half``,
``quarter``, ``relday``, ``relweek``, ``relmonth``, ``relquarter``, ``relyear``, ``weekday``,
``dir``, ``upto``, ``firstmonths``, ``lastmonths``, ``nth``, ``number`` with ``unit`` and
``offset`` or ``span``, and ``*_end`` for the second point of an interval); this module
knows what each means. Time is an input: nothing here reads the clock, and a
value that needs the document date it does not have keeps an unknown part (``X``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Mapping

import regex

AMBIGUOUS = ("day_or_month", "month_or_day")      # "05/06/2025" in English: which is which?
_YEAR = regex.compile(r"\d{4}")
_DAY = regex.compile(r"(\d{4})-(\d\d)-(\d\d)")


@dataclass(frozen=True)
class TimeValue:
    value: str
    granularity: str      # day | month | year | half | quarter | interval
    relative: bool


class Invalid(ValueError):
    """The pieces do not make a calendar date (month 13, 31 June, ...)."""


class Impossible(Invalid):
    """A date written in full that no calendar has ("31 February 2025"): nothing inside it,
    not even its month and year, is a fact."""


def resolve(parts: Mapping[str, Any], ref: date | None) -> TimeValue:
    """Turn the pieces of one match into its value; raise ``Invalid`` if there is none."""
    p = {k: v for k, v in parts.items() if isinstance(v, int)}
    unit = parts.get("unit")
    if "number" in p and unit in _UNITS:
        return _counted(p, unit, ref)
    if "nth" in p:
        return _nth(p, unit, ref)
    if "firstmonths" in p or "lastmonths" in p:
        return _first_or_last_months(p, ref)
    if "relweek" in p and "weekday" not in p:
        return _week(p["relweek"], ref)
    ends = {k[:-4]: v for k, v in p.items() if k.endswith("_end")}
    if ends:
        return _interval({k: v for k, v in p.items() if not k.endswith("_end")}, ends, ref)
    return _point(p, ref)


def numeric_order(parts: Mapping[str, Any]) -> str | None:
    """What an ``a/b/yyyy`` match says by itself: ``"dm"`` (a > 12), ``"md"`` (b > 12) or None."""
    pairs = [(parts[f"{AMBIGUOUS[0]}{s}"], parts[f"{AMBIGUOUS[1]}{s}"])
             for s in ("", "_end") if f"{AMBIGUOUS[0]}{s}" in parts]
    if all(a == b for a, b in pairs):
        return "dm"                     # 5/5/2026 reads the same either way
    if any(a > 12 >= b for a, b in pairs):
        return "dm"
    if any(b > 12 >= a for a, b in pairs):
        return "md"
    return None


def with_order(parts: Mapping[str, Any], document_order: str | None) -> dict[str, Any]:
    """Name the numbers of an ``a/b/yyyy`` match ``day`` and ``month``.

    The match's own numbers decide first (16/12 can only be day-first); an ambiguous
    one (05/06) follows the order the document's other numeric dates show, and is
    ``Invalid`` when they show none: guessing would be wrong half the time.
    """
    if not any(k.startswith(AMBIGUOUS) for k in parts):
        return dict(parts)
    order = numeric_order(parts) or document_order
    if order is None:
        raise Invalid("day and month order is ambiguous")
    out = {k: v for k, v in parts.items() if not k.startswith(AMBIGUOUS)}
    for s in ("", "_end"):
        if f"{AMBIGUOUS[0]}{s}" in parts:
            a, b = parts[f"{AMBIGUOUS[0]}{s}"], parts[f"{AMBIGUOUS[1]}{s}"]
            out[f"day{s}"], out[f"month{s}"] = (a, b) if order == "dm" else (b, a)
    return out


def same_period(anchor: TimeValue, parts: Mapping[str, Any]) -> TimeValue:
    """"The same period last year": the anchor's period moved to the year the phrase names.

    ``relyear`` counts from the anchor's year (after "the first half of 2023", last year
    is 2022-H1); a written ``year`` replaces it ("cùng kỳ năm 2024").
    """
    first = _YEAR.search(anchor.value)
    if first is None or "X" in anchor.value:
        raise Invalid("the period compared with has no known year")
    start = int(first.group())
    target = parts["year"] if isinstance(parts.get("year"), int) else start + parts.get("relyear", -1)
    value = _YEAR.sub(lambda y: f"{int(y.group()) + target - start:04d}", anchor.value)
    value = _DAY.sub(_clamped_day, value)      # 29 February a year back is the 28th
    return TimeValue(value, anchor.granularity, anchor.relative)


def _clamped_day(m: regex.Match) -> str:
    y, mo, d = (int(x) for x in m.groups())
    return date(y, mo, min(d, calendar.monthrange(y, mo)[1])).isoformat()


def _interval(start: dict[str, int], ends: dict[str, int], ref: date | None) -> TimeValue:
    """Two points; the missing parts of one are shared with the other ("3-5/9", "May or June 2026").

    With no year written, the interval is the one whose end is nearest the document
    date: in December, "January-November" is the period just ended and "March to May"
    the coming one.
    """
    borrowed_year = "year" in ends and "year" not in start and "relyear" not in start
    for f in ("year", "month", "relyear"):
        if f in ends and f not in start:
            start[f] = ends[f]
        if f in start and f not in ends:
            ends[f] = start[f]
    unwritten = ref is not None and "month" in ends and not {"year", "relyear"} & set(start)
    b = _point(ends, ref)
    if unwritten:
        start["year"] = ends["year"] = int(b.value[:4])
    if (borrowed_year or unwritten) and _point(start, ref).value > b.value:
        start["year"] -= 1                                # "30/12 - 2/1/2026": the start is in 2025
    a = _point(start, ref)
    if a.value >= b.value and "X" not in a.value + b.value and len(a.value) == len(b.value):
        raise Invalid("interval ends before it starts")
    return TimeValue(f"{a.value}/{b.value}", "interval", unwritten or a.relative or b.relative)


def _point(p: dict[str, int], ref: date | None) -> TimeValue:
    if "relday" in p:
        return _day(ref + timedelta(days=p["relday"])) if ref else TimeValue("XXXX-XX-XX", "day", True)
    if "weekday" in p and "month" not in p:         # with a month it only checks the year
        return _weekday(p, ref)
    if "relquarter" in p:
        if ref is None:
            return TimeValue("XXXX-QX", "quarter", True)
        y, q = divmod(ref.year * 4 + (ref.month - 1) // 3 + p["relquarter"], 4)
        return TimeValue(f"{y:04d}-Q{q + 1}", "quarter", True)
    if "relmonth" in p:
        if ref is None:
            return TimeValue("XXXX-XX", "month", True)
        y, m = divmod(ref.year * 12 + ref.month - 1 + p["relmonth"], 12)
        return TimeValue(f"{y:04d}-{m + 1:02d}", "month", True)
    if "dir" in p and "month" in p:
        return _month_in_direction(p["month"], p["dir"], ref)
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
        if year == "XXXX" and ref is not None and "upto" in p:      # "as of June": not after it
            return TimeValue(f"{ref.year - (month > ref.month):04d}-{month:02d}", "month", True)
        if year == "XXXX" and ref is not None:
            return TimeValue(f"{_nearest_year(ref, month, 1):04d}-{month:02d}", "month", True)
        return TimeValue(f"{year}-{month:02d}", "month", relative)
    day = p["day"]
    if year == "XXXX" and ref is not None:
        _check(1 <= day <= calendar.monthrange(2000, month)[1], "day")
        y = _nearest_year(ref, month, day, p.get("weekday"))
        if "upto" in p:                                 # "as of 30 June": not after the document date
            y = ref.year - ((month, day) > (ref.month, ref.day))
        if month == 2 and day == 29 and not calendar.isleap(y):
            raise Impossible("29 February in a common year")
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


def _nearest_year(ref: date, month: int, day: int, weekday: int | None = None) -> int:
    """The year that puts (month, day) closest to the document date, past or future.

    A weekday written with it ("Thursday, October 9") picks, among the years within a year
    of the document date, the nearest where the day falls on that weekday; if none does, the
    weekday is a slip and the nearest reading stands.
    """
    def distance(y: int) -> int:
        d = min(day, calendar.monthrange(y, month)[1])
        return abs((date(y, month, d) - ref).days)
    years = sorted((ref.year - 1, ref.year, ref.year + 1), key=distance)
    if weekday is not None:
        agree = [y for y in years if distance(y) <= 366 and day <= calendar.monthrange(y, month)[1]
                 and date(y, month, day).weekday() == weekday]
        if agree:
            return agree[0]
    return years[0]


def _month_in_direction(month: int, direction: int, ref: date | None) -> TimeValue:
    """"last May": the latest May before the document date's month; "next May" the first after."""
    _check(1 <= month <= 12, "month")
    if ref is None:
        return TimeValue(f"XXXX-{month:02d}", "month", True)
    year = ref.year
    if direction < 0 and month >= ref.month:
        year -= 1
    elif direction > 0 and month <= ref.month:
        year += 1
    return TimeValue(f"{year:04d}-{month:02d}", "month", True)


def _weekday(p: dict[str, int], ref: date | None) -> TimeValue:
    """A weekday: in a given week ("thứ Sáu tuần trước"), after "last"/"next", else the nearest."""
    weekday = p["weekday"]
    _check(0 <= weekday <= 6, "weekday")
    if ref is None:
        return TimeValue("XXXX-XX-XX", "day", True)
    week = p.get("relweek", 0 if p.get("dir") == 0 else None)
    if week is not None:
        return _day(_monday(ref, week) + timedelta(days=weekday))
    if p.get("dir", 0) < 0:
        return _day(ref - timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1))
    if p.get("dir", 0) > 0:
        return _day(ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1))
    delta = (weekday - ref.weekday()) % 7
    return _day(ref + timedelta(days=delta if delta <= 3 else delta - 7))


def _week(n: int, ref: date | None) -> TimeValue:
    """A calendar week (Monday to Sunday) as an interval: the SPEC has no week granularity."""
    if ref is None:
        return TimeValue("XXXX-XX-XX/XXXX-XX-XX", "interval", True)
    monday = _monday(ref, n)
    return TimeValue(f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", "interval", True)


def _monday(ref: date, weeks: int) -> date:
    return ref - timedelta(days=ref.weekday()) + timedelta(weeks=weeks)


_UNITS = ("day", "week", "month", "year")


def _counted(p: dict[str, int], unit: str, ref: date | None) -> TimeValue:
    """N units from the document date, at that unit's precision (a week is Monday to Sunday).

    ``offset`` (-1 "ago", +1 "in") names the one unit N away: "six years ago" is a year.
    ``span`` (-1 "the past", +1 "the next") names every unit from the current one to that
    one: in 2026, "the past three years" is 2023/2026 and "the next two years" 2026/2028. Weeks
    span days ("within two weeks" is the next 14 days), not three calendar weeks.
    """
    n = p["number"]
    _check(0 < n <= 1000, "count")
    if "offset" in p:
        return _unit_value(unit, p["offset"] * n, ref)
    if "span" not in p:
        raise Invalid("a count of units with no direction is a duration")
    if unit == "week":
        unit, n = "day", 7 * n
    ends = sorted((0, p["span"] * n))
    first = _unit_value(unit, ends[0], ref).value.split("/")[0]
    last = _unit_value(unit, ends[1], ref).value.split("/")[-1]
    return TimeValue(f"{first}/{last}", "interval", True)


def _unit_value(unit: str, n: int, ref: date | None) -> TimeValue:
    if unit == "week":
        return _week(n, ref)
    return _point({f"rel{unit}": n}, ref)


def _nth(p: dict[str, int], unit: str | None, ref: date | None) -> TimeValue:
    """The nth (``nth`` = -1: the last) weekday, day or week of a month: "the last Friday of
    April", "the last day of September 2026", "the first week of May 2026". A week of a
    month is its days 1-7, 8-14, ... (the last: its last seven days), as an interval."""
    n = p["nth"]
    month = _point({k: v for k, v in p.items() if k in ("month", "year", "relyear", "relmonth")}, ref)
    if month.granularity != "month" or "X" in month.value:
        return TimeValue("XXXX-XX-XX", "day", True) if month.granularity == "month" else month
    y, m = int(month.value[:4]), int(month.value[5:7])
    last = calendar.monthrange(y, m)[1]
    if "weekday" in p:
        days = [d for d in range(1, last + 1) if date(y, m, d).weekday() == p["weekday"]]
    elif unit == "week":
        starts = list(range(1, last - 5, 7))
        _check(-1 <= n <= len(starts) and n != 0, "week of the month")
        first = last - 6 if n == -1 else starts[n - 1]
        return TimeValue(f"{date(y, m, first)}/{date(y, m, min(first + 6, last))}", "interval", month.relative)
    else:
        days = list(range(1, last + 1))
    _check(-1 <= n <= len(days) and n != 0, "day of the month")
    return TimeValue(date(y, m, days[n if n < 0 else n - 1]).isoformat(), "day", month.relative)


def _first_or_last_months(p: dict[str, int], ref: date | None) -> TimeValue:
    n = p.get("firstmonths", p.get("lastmonths"))
    _check(1 <= n <= 12, "number of months")
    year, relative = _year(p, ref)
    if n == 6:
        return TimeValue(f"{year}-H{1 if 'firstmonths' in p else 2}", "half", relative)
    first, last = (1, n) if "firstmonths" in p else (13 - n, 12)
    if first == last:
        return TimeValue(f"{year}-{first:02d}", "month", relative)
    return TimeValue(f"{year}-{first:02d}/{year}-{last:02d}", "interval", relative)


def _day(d: date) -> TimeValue:
    return TimeValue(d.isoformat(), "day", True)


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise Impossible(f"impossible {what}")
