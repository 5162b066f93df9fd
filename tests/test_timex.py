"""The date normaliser, piece by piece."""

from datetime import date

import pytest

from factx.normalize import periods
from factx.normalize.timex import Invalid, TimeValue, numeric_order, resolve, same_period, with_order

REF = date(2025, 12, 16)


@pytest.mark.parametrize("parts, ref, value, granularity, relative", [
    ({"year": 2024, "month": 11, "day": 14}, None, "2024-11-14", "day", False),
    ({"year": 2025, "month": 5}, REF, "2025-05", "month", False),
    ({"year": 1959}, None, "1959", "year", False),
    ({"half": 2, "year": 2026}, REF, "2026-H2", "half", False),
    ({"quarter": 3, "year": 2026}, REF, "2026-Q3", "quarter", False),
    ({"relday": -1}, REF, "2025-12-15", "day", True),
    ({"relday": 1}, date(2025, 12, 31), "2026-01-01", "day", True),
    ({"relmonth": -1}, date(2025, 1, 10), "2024-12", "month", True),
    ({"relyear": 0}, REF, "2025", "year", True),
    ({"relyear": 0}, None, "XXXX", "year", True),
    ({"month": 5, "day": 25, "relyear": 0}, date(2024, 11, 14), "2024-05-25", "day", True),
    ({"month": 5, "day": 6}, None, "XXXX-05-06", "day", True),
    ({"month": 7}, None, "XXXX-07", "month", True),
    ({"month": 5, "month_end": 6, "year_end": 2026}, REF, "2026-05/2026-06", "interval", False),
    ({"year": 2021, "year_end": 2025}, None, "2021/2025", "interval", False),
    ({"day": 3, "day_end": 5, "month_end": 9}, REF, "2025-09-03/2025-09-05", "interval", True),
    ({"firstmonths": 5, "year": 2024}, None, "2024-01/2024-05", "interval", False),
    ({"firstmonths": 6, "year": 2023}, None, "2023-H1", "half", False),
    ({"lastmonths": 6, "relyear": 0}, REF, "2025-H2", "half", True),
    ({"weekday": 0}, REF, "2025-12-15", "day", True),     # REF is a Tuesday: Monday is yesterday
    ({"weekday": 4}, REF, "2025-12-19", "day", True),
])
def test_resolve(parts, ref, value, granularity, relative):
    t = resolve(parts, ref)
    assert (t.value, t.granularity, t.relative) == (value, granularity, relative)


@pytest.mark.parametrize("ref, month, day, value", [
    (date(2026, 1, 2), 12, 30, "2025-12-30"),     # early January: "30/12" is last week
    (date(2025, 12, 28), 1, 3, "2026-01-03"),     # late December: "3/1" is next week
    (date(2025, 6, 15), 6, 1, "2025-06-01"),
])
def test_day_without_year_takes_the_nearest_reading(ref, month, day, value):
    assert resolve({"month": month, "day": day}, ref).value == value


@pytest.mark.parametrize("parts", [
    {"year": 2024, "month": 13},
    {"year": 2023, "month": 2, "day": 29},
    {"month": 6, "day": 31},
    {"half": 3, "year": 2025},
    {"quarter": 5, "year": 2025},
    {"year": 2025, "year_end": 2021},
    {"firstmonths": 13, "year": 2024},
    {"month": 13, "dir": -1},
    {"day": 30, "month": 2, "day_end": 2, "month_end": 3},
])
def test_impossible_dates_are_rejected(parts):
    with pytest.raises(Invalid):
        resolve(parts, REF)


@pytest.mark.parametrize("parts, ref, value", [
    ({"relweek": -1}, REF, "2025-12-08/2025-12-14"),               # the week before the Monday-Sunday week of REF
    ({"relweek": 0}, date(2025, 12, 21), "2025-12-15/2025-12-21"),  # a Sunday is still in its week
    ({"relweek": 1}, None, "XXXX-XX-XX/XXXX-XX-XX"),
    ({"weekday": 4, "relweek": -1}, REF, "2025-12-12"),             # "thứ Sáu tuần trước"
    ({"weekday": 4, "dir": -1}, REF, "2025-12-12"),                 # "last Friday"
    ({"weekday": 1, "dir": -1}, REF, "2025-12-09"),                 # "last Tuesday" on a Tuesday: a week ago
    ({"weekday": 1, "dir": 1}, REF, "2025-12-23"),
    ({"weekday": 0, "dir": 1}, REF, "2025-12-22"),
    ({"weekday": 4, "dir": 0}, REF, "2025-12-19"),                  # "this Friday": in this week
    ({"month": 5, "dir": -1}, REF, "2025-05"),                      # "last May"
    ({"month": 12, "dir": -1}, REF, "2024-12"),                     # "last December" in December
    ({"month": 5, "dir": -1}, date(2026, 5, 20), "2025-05"),        # "last May" in May: a year ago
    ({"month": 3, "dir": 1}, REF, "2026-03"),
    ({"month": 12, "dir": 0}, REF, "2025-12"),
    ({"month": 5, "dir": -1}, None, "XXXX-05"),
])
def test_weeks_and_directions(parts, ref, value):
    t = resolve(parts, ref)
    assert t.value == value and t.relative


@pytest.mark.parametrize("parts, ref, value", [
    ({"day": 30, "month": 12, "day_end": 2, "month_end": 1, "year_end": 2026}, None, "2025-12-30/2026-01-02"),
    ({"day": 30, "month": 12, "day_end": 2, "month_end": 1}, REF, "2025-12-30/2026-01-02"),
    ({"day": 30, "month": 4, "day_end": 1, "month_end": 5}, REF, "2026-04-30/2026-05-01"),
    ({"month": 11, "month_end": 2}, REF, "2025-11/2026-02"),
    ({"month": 10, "month_end": 3}, date(2025, 6, 1), "2024-10/2025-03"),     # the end nearest the document date
    ({"month": 1, "month_end": 11}, REF, "2025-01/2025-11"),                  # in December: the period just ended
    ({"month": 3, "month_end": 5}, REF, "2026-03/2026-05"),
    ({"day": 28, "month": 11, "day_end": 1, "month_end": 12, "year_end": 2024}, REF, "2024-11-28/2024-12-01"),
    ({"month": 11, "year": 2025, "month_end": 1, "year_end": 2026}, None, "2025-11/2026-01"),
    ({"day": 27, "day_end": 30, "month_end": 6}, None, "XXXX-06-27/XXXX-06-30"),
])
def test_intervals_share_and_order_their_parts(parts, ref, value):
    assert resolve(parts, ref).value == value


@pytest.mark.parametrize("parts, document_order, value", [
    ({"day_or_month": 16, "month_or_day": 12, "year": 2025}, None, "2025-12-16"),
    ({"day_or_month": 12, "month_or_day": 16, "year": 2025}, None, "2025-12-16"),
    ({"day_or_month": 5, "month_or_day": 6, "year": 2025}, "dm", "2025-06-05"),
    ({"day_or_month": 5, "month_or_day": 6, "year": 2025}, "md", "2025-05-06"),
    ({"day_or_month": 16, "month_or_day": 12, "year": 2025, "day_or_month_end": 5, "month_or_day_end": 1,
      "year_end": 2026}, None, "2025-12-16/2026-01-05"),
])
def test_numeric_order(parts, document_order, value):
    assert resolve(with_order(parts, document_order), None).value == value


def test_a_numeric_date_with_two_numbers_over_12_is_rejected():
    with pytest.raises(Invalid):
        resolve(with_order({"day_or_month": 13, "month_or_day": 14, "year": 2025}, "dm"), None)


def test_an_ambiguous_numeric_date_without_evidence_is_not_guessed():
    parts = {"day_or_month": 5, "month_or_day": 6, "year": 2025}
    assert numeric_order(parts) is None
    with pytest.raises(Invalid):
        with_order(parts, None)


@pytest.mark.parametrize("anchor, parts, value, granularity", [
    (TimeValue("2023-H1", "half", False), {"relyear": -1}, "2022-H1", "half"),
    (TimeValue("2025-01/2025-09", "interval", False), {"relyear": -1}, "2024-01/2024-09", "interval"),
    (TimeValue("2025-01/2025-09", "interval", False), {"year": 2022, "relyear": -1}, "2022-01/2022-09", "interval"),
    (TimeValue("2024-02-29", "day", False), {"relyear": -1}, "2023-02-28", "day"),
    (TimeValue("2025-Q3", "quarter", True), {"relyear": -1}, "2024-Q3", "quarter"),
])
def test_same_period_moves_the_anchor(anchor, parts, value, granularity):
    t = same_period(anchor, parts)
    assert (t.value, t.granularity, t.relative) == (value, granularity, anchor.relative)


def test_same_period_needs_a_known_year():
    with pytest.raises(Invalid):
        same_period(TimeValue("XXXX-05-06", "day", True), {"relyear": -1})


@pytest.mark.parametrize("value, end", [
    ("2011", date(2011, 12, 31)), ("2025-05", date(2025, 5, 31)), ("2024-02", date(2024, 2, 29)),
    ("2025-12-15", date(2025, 12, 15)), ("2026-H1", date(2026, 6, 30)), ("2026-Q3", date(2026, 9, 30)),
    ("2026-05/2026-06", date(2026, 6, 30)), ("2021/2025", date(2025, 12, 31)), ("XXXX-05-06", None),
])
def test_end_of_a_value(value, end):
    assert periods.end_of(value) == end


@pytest.mark.parametrize("parts, ref, value", [
    ({"month": 10, "day": 9, "weekday": 3}, REF, "2025-10-09"),          # 9 Oct 2025 is a Thursday
    ({"month": 10, "day": 9, "weekday": 4}, REF, "2026-10-09"),          # ... and 9 Oct 2026 a Friday
    ({"month": 1, "day": 3, "weekday": 4}, REF, "2025-01-03"),
    ({"month": 3, "day": 31, "weekday": 2}, REF, "2026-03-31"),          # no Wednesday within a year: nearest
    ({"month": 12, "day": 16, "year": 2024, "weekday": 0}, REF, "2024-12-16"),   # a written year stands
    ({"month": 10, "day": 9, "weekday": 3}, None, "XXXX-10-09"),
])
def test_a_weekday_picks_the_year_of_a_date_without_one(parts, ref, value):
    assert resolve(parts, ref).value == value


@pytest.mark.parametrize("parts, ref, value, granularity", [
    ({"number": 6, "unit": "year", "offset": -1}, REF, "2019", "year"),
    ({"number": 1, "unit": "month", "offset": -1}, REF, "2025-11", "month"),
    ({"number": 4, "unit": "week", "offset": -1}, REF, "2025-11-17/2025-11-23", "interval"),
    ({"number": 10, "unit": "day", "offset": -1}, REF, "2025-12-06", "day"),
    ({"number": 2, "unit": "week", "offset": 1}, REF, "2025-12-29/2026-01-04", "interval"),
    ({"number": 3, "unit": "year", "span": -1}, date(2026, 3, 10), "2023/2026", "interval"),
    ({"number": 6, "unit": "month", "span": 1}, date(2026, 3, 10), "2026-03/2026-09", "interval"),
    ({"number": 2, "unit": "week", "span": -1}, REF, "2025-12-02/2025-12-16", "interval"),
    ({"number": 3, "unit": "year", "span": -1}, None, "XXXX/XXXX", "interval"),
    ({"relquarter": -1}, date(2026, 2, 1), "2025-Q4", "quarter"),
    ({"relquarter": 1}, REF, "2026-Q1", "quarter"),
    ({"month": 6, "upto": 1}, REF, "2025-06", "month"),                   # "as of June": not after it
    ({"month": 12, "upto": 1}, REF, "2025-12", "month"),
])
def test_counted_units_and_relative_quarters(parts, ref, value, granularity):
    t = resolve(parts, ref)
    assert (t.value, t.granularity, t.relative) == (value, granularity, True)


def test_a_count_without_a_direction_is_a_duration():
    with pytest.raises(Invalid):
        resolve({"number": 3, "unit": "year"}, REF)


@pytest.mark.parametrize("parts, ref, value", [
    ({"nth": -1, "weekday": 4, "month": 4}, REF, "2026-04-24"),
    ({"nth": 1, "weekday": 0, "month": 6, "year": 2027}, None, "2027-06-07"),
    ({"nth": -1, "unit": "day", "month": 2, "year": 2028}, None, "2028-02-29"),
    ({"nth": 1, "unit": "day", "month": 6}, REF, "2026-06-01"),
    ({"nth": 1, "unit": "week", "month": 5, "year": 2026}, None, "2026-05-01/2026-05-07"),
    ({"nth": -1, "unit": "week", "month": 2, "year": 2026}, None, "2026-02-22/2026-02-28"),
    ({"nth": 2, "weekday": 1, "month": 3, "relyear": 1}, REF, "2026-03-10"),
])
def test_nth_weekday_day_or_week_of_a_month(parts, ref, value):
    assert resolve(parts, ref).value == value


def test_a_fifth_weekday_that_the_month_lacks_is_impossible():
    with pytest.raises(Invalid):
        resolve({"nth": 5, "weekday": 0, "month": 2, "year": 2026}, None)


@pytest.mark.parametrize("parts", [
    {"day_or_month": 5, "month_or_day": 5, "year": 2026},
    {"day_or_month": 11, "month_or_day": 11, "year": 2025},
])
def test_a_symmetric_numeric_date_is_not_ambiguous(parts):
    assert numeric_order(parts) == "dm"
    assert resolve(with_order(parts, None), None).granularity == "day"


@pytest.mark.parametrize("value, begin, end", [
    ("2025-12-16/2030", date(2025, 12, 16), date(2030, 12, 31)),
    ("2023/2026", date(2023, 1, 1), date(2026, 12, 31)),
    ("2025-11-17/2025-11-23", date(2025, 11, 17), date(2025, 11, 23)),
    ("XXXX-QX", None, None),
])
def test_begin_and_end_of_new_shapes(value, begin, end):
    assert (periods.begin_of(value), periods.end_of(value)) == (begin, end)
