"""Date readings that need more than the match itself: the rest of the sentence or document."""

import pytest

import factx

REF = "2025-12-16"


def dates(text, lang, ref=REF):
    return [(f.text, f.attrs["value"]) for f in factx.extract(text, lang=lang, ref_date=ref, types=["date"]).facts]


def test_same_period_takes_the_period_before_it_in_its_sentence():
    text = ("The trade turnover in the first half of 2023 reached 610.9 million dollars, "
            "increasing 3.5 times compared to the same period last year.")
    assert dates(text, "en") == [("the first half of 2023", "2023-H1"), ("the same period last year", "2022-H1")]


def test_same_period_in_vietnamese():
    text = "Kim ngạch 9 tháng năm 2025 đạt 2 tỷ USD, tăng 15% so với cùng kỳ năm ngoái."
    assert dates(text, "vi")[-1] == ("cùng kỳ năm ngoái", "2024-01/2024-09")
    text = "Quý III/2025, GDP tăng 8,2% so với cùng kỳ."
    assert dates(text, "vi")[-1] == ("cùng kỳ", "2024-Q3")
    text = "Lượng khách 6 tháng đầu năm nay cao hơn cùng kỳ năm 2023."
    assert dates(text, "vi")[-1] == ("cùng kỳ năm 2023", "2023-H1")


def test_same_period_ignores_a_date_in_another_sentence():
    text = "Exports rose in the first half of 2023. Imports fell from the same period last year."
    assert dates(text, "en")[-1] == ("the same period last year", "2024")


def test_same_period_keeps_the_anchor_relative_flag():
    doc = factx.extract("Trong 6 tháng đầu năm nay, doanh thu tăng so với cùng kỳ năm ngoái.",
                        lang="vi", ref_date=REF)
    assert [(f.attrs["value"], f.attrs["relative"]) for f in doc.facts] == [("2025-H1", True), ("2024-H1", True)]


def test_an_ambiguous_numeric_date_follows_the_documents_other_numeric_dates():
    assert dates("He was born on 05/06/1990 and moved on 25/12/2001.", "en") == \
        [("05/06/1990", "1990-06-05"), ("25/12/2001", "2001-12-25")]
    assert dates("The bill passed on 12/03/2024 and took effect on 03/15/2024.", "en") == \
        [("12/03/2024", "2024-12-03"), ("03/15/2024", "2024-03-15")]


def test_an_ambiguous_numeric_date_is_left_out_when_the_document_says_nothing_or_both():
    assert dates("The meeting on 05/06/2025 was moved.", "en") == []
    mixed = "Signed 16/12/2025, filed 12/17/2025, heard 05/06/2025."
    assert [v for _, v in dates(mixed, "en")] == ["2025-12-16", "2025-12-17"]
    trace = factx.pipeline.trace("The meeting on 05/06/2025 was moved.", lang="en", ref_date=REF)
    assert any("ambiguous" in why for _, why in trace.dropped)


def test_vietnamese_numeric_dates_are_always_day_first():
    assert dates("Ngày 05/06/2025, hai bên ký kết.", "vi") == [("Ngày 05/06/2025", "2025-06-05")]


def test_a_weekday_leading_a_date_is_part_of_that_one_date():
    assert dates("The ministers met on Monday, December 15, in Hanoi.", "en") == [("Monday, December 15", "2025-12-15")]
    assert dates("Thứ Hai, 15/12/2025, 09:05", "vi") == [("Thứ Hai, 15/12/2025", "2025-12-15")]


def test_relative_forms_keep_an_unknown_part_without_a_document_date():
    doc = factx.extract("The sides met last week and will meet again last May.", lang="en", types=["date"])
    assert doc.document_date is None
    assert [f.attrs["value"] for f in doc.facts] == ["XXXX-XX-XX/XXXX-XX-XX", "XXXX-05"]
    assert all(f.attrs["relative"] for f in doc.facts)


def test_day_and_month_take_the_nearest_year_to_the_document_date():
    assert dates("Hội nghị khai mạc ngày 30/12.", "vi", ref="2026-01-02") == [("ngày 30/12", "2025-12-30")]
    assert dates("The talks open on January 3.", "en", ref="2025-12-28") == [("January 3", "2026-01-03")]


@pytest.mark.parametrize("text, lang, want", [
    ("They met on 31 February 2025 in Hanoi.", "en", []),
    ("The deal of 29 February 2023 was void.", "en", []),
    ("Ngày 31/2/2025 không tồn tại.", "vi", []),
    ("Leap day talks (Feb. 29, 2024) ended early.", "en", ["2024-02-29"]),
])
def test_an_impossible_day_gives_nothing_not_its_month(text, lang, want):
    doc = factx.extract(text, lang=lang, ref_date="2025-12-16")
    assert [f.attrs["value"] for f in doc.facts if f.type == "date"] == want


@pytest.mark.parametrize("text, lang, expected", [
    ("Emissions are to fall by 2035 and 2050.", "en", [("2035", "2035"), ("2050", "2050")]),
    ("Mục tiêu đến năm 2035 và 2050 đã rõ.", "vi", [("năm 2035", "2035"), ("2050", "2050")]),
])
def test_coordinated_years_are_two_dates(text, lang, expected):
    assert dates(text, lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("những ngày cuối tháng 9", [("cuối tháng 9", "2025-09")]),       # days, not the last day
    ("các tuần đầu tháng 5", [("đầu tháng 5", "2026-05")]),
    ("sau ba tháng năm ngoái", [("năm ngoái", "2024")]),              # a count, not "tháng ba"
    ("năm 2025 và 2030 người", [("năm 2025", "2025")]),               # a count after "và"
])
def test_plural_parts_and_counts_stay_months_and_years(text, expected):
    assert dates(text, "vi") == expected


def test_a_week_ends_at_its_sentence_for_the_weekday_after_it():
    assert dates("Sales rose last week. Monday Motors said so.", "en") == [("last week", "2025-12-08/2025-12-14")]


@pytest.mark.parametrize("text, lang", [
    ("The contract expires on the last day of September 2027. Trade rose in March 2026.", "en"),
    ("Hợp đồng hết hạn vào ngày cuối cùng của tháng 9/2027. Thương mại tăng trong tháng 3/2026.", "vi"),
])
def test_a_day_counted_out_of_a_month_does_not_date_the_document(text, lang):
    """Only a day written as one dates the document to the day; the years written still give
    it its year (inferred), as any text without a dateline."""
    found = factx.extract(text, lang=lang, types=["date"]).document_date
    assert (found.value, found.origin) == ("2027", "inferred")


def test_an_offset_before_a_relative_month_keeps_the_offset_alone():
    assert dates("He was elected four years ago last month.", "en") == [("four years ago", "2021")]
