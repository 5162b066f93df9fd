"""The date normaliser, piece by piece."""

from datetime import date

import pytest

from factx.normalize.timex import Invalid, resolve

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
    ({"months": 5, "year": 2024}, None, "2024-01/2024-05", "interval", False),
    ({"months": 6, "year": 2023}, None, "2023-H1", "half", False),
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
    {"months": 13, "year": 2024},
])
def test_impossible_dates_are_rejected(parts):
    with pytest.raises(Invalid):
        resolve(parts, REF)
