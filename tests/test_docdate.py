from datetime import date

import pytest

import factx


def test_option_beats_header():
    doc = factx.extract(" date 2023-11-21 The minister met them yesterday.", ref_date=date(2025, 1, 2))
    assert doc.document_date.to_dict() == {"value": "2025-01-02", "origin": "option"}
    assert doc.facts[0].attrs["value"] == "2025-01-01"


def test_header_is_used_and_yields_no_fact():
    doc = factx.extract(" date 2023-11-21 The minister met them yesterday.")
    assert doc.document_date.to_dict() == {"value": "2023-11-21", "origin": "header"}
    assert [f.text for f in doc.facts] == ["yesterday"]


def test_inferred_from_the_latest_full_date_not_a_historical_one():
    text = ("Kazakhstan's National Day (16/12/1991) was celebrated. Hà Nội, ngày 16/12/2025. "
            "Hôm qua, hai bên đã ký kết.")
    doc = factx.extract(text, lang="vi")
    assert doc.document_date.to_dict() == {"value": "2025-12-16", "origin": "inferred"}
    assert [f.attrs["value"] for f in doc.facts][-1] == "2025-12-15"


def test_no_date_at_all_is_null():
    doc = factx.extract("The two leaders met on May 6 in Astana.", lang="en")
    assert doc.document_date is None
    assert doc.to_dict()["document_date"] is None
    assert doc.facts[0].attrs["value"] == "XXXX-05-06"


def test_a_dateline_beats_a_later_far_future_deadline():
    text = ("HANOI, December 16, 2025 – The expressway will be finished by December 31, 2030, "
            "the ministry said yesterday.")
    doc = factx.extract(text, lang="en")
    assert doc.document_date.to_dict() == {"value": "2025-12-16", "origin": "inferred"}
    assert doc.facts[-1].attrs["value"] == "2025-12-15"


def test_a_deadline_is_never_the_document_date():
    text = "The ministry said on December 16, 2025 that the road will open by December 31, 2030."
    assert factx.extract(text, lang="en").document_date.value == "2025-12-16"
    text = "Dự án khởi công ngày 2/5/2025 và phải hoàn thành trước ngày 31/12/2030."
    assert factx.extract(text, lang="vi").document_date.value == "2025-05-02"


def test_a_dateline_with_a_clock_time_beats_a_later_event_date():
    text = ("16 December 2025 14:30\nASTANA – Kazakhstan and Vietnam agreed to hold the next forum "
            "on 20 May 2026.")
    assert factx.extract(text, lang="en").document_date.value == "2025-12-16"


def test_a_news_site_header_with_a_lowercase_weekday_is_a_dateline():
    text = ("Thứ ba, 16/12/2025, 09:05 (GMT+7)\nLễ kỷ niệm ngày 20/5/2026 sẽ được tổ chức. "
            "Hôm qua, hai bên đã ký kết.")
    doc = factx.extract(text, lang="vi")
    assert doc.document_date.value == "2025-12-16"
    assert doc.facts[0].text == "Thứ ba, 16/12/2025"
    assert doc.facts[-1].attrs["value"] == "2025-12-15"


def test_without_a_dateline_the_latest_written_day_wins_over_a_historical_one():
    text = ("Nhân dịp kỷ niệm ngày 2/9/1945, Thủ tướng đã tiếp Đại sứ vào sáng 15/12/2025. "
            "Tháng 7 năm nay, đoàn đã đến.")
    doc = factx.extract(text, lang="vi")
    assert doc.document_date.value == "2025-12-15"
    assert doc.facts[-1].attrs["value"] == "2025-07"


def test_a_dateline_without_a_year_does_not_fix_the_document_date():
    doc = factx.extract("HANOI, Dec 16 (Reuters) - Vietnam said exports rose.", lang="en")
    assert doc.document_date is None
    assert doc.facts[0].attrs["value"] == "XXXX-12-16"


# --- a document date known to the month or the year only ----------------------------------

def test_a_header_with_month_precision_keeps_relative_days_at_that_precision():
    doc = factx.extract(" date 2026-03 The minister met them yesterday. Last month trade rose.", lang="en")
    assert doc.document_date.to_dict() == {"value": "2026-03", "origin": "header"}
    assert [(f.text, f.attrs["value"], f.attrs["granularity"]) for f in doc.facts] == [
        ("yesterday", "2026-03", "month"), ("Last month", "2026-02", "month")]


def test_a_header_with_year_precision():
    doc = factx.extract(" date 2026 Năm nay, hôm qua, tháng trước; ngày 6/5 và ngày 20/12.", lang="vi")
    assert doc.document_date.to_dict() == {"value": "2026", "origin": "header"}
    assert [f.attrs["value"] for f in doc.facts] == ["2026", "2026", "2026", "2026-05-06", "2026-12-20"]


def test_a_partial_document_date_is_a_string_column_and_json_value():
    from factx import columns

    doc = factx.extract(" date 2026-03 Trade rose yesterday.", lang="en")
    (row,) = columns.rows(doc)
    assert row["document_date"] == "2026-03" and columns.fields()["document_date"] == "period?"


@pytest.mark.parametrize("header, lang", [
    ("Date: 2026-03-10\nTitle: Trade talks\n\n", "en"),
    ("Published: 10/03/2026\n\n", "en"),
    ("Published: 10/03/2026 08:15\n", "en"),
    ("Ngày đăng: 10/03/2026\n\n", "vi"),
    ("Cập nhật: 10/03/2026 09:00\n", "vi"),
    ("---\ntitle: Trade talks\ndate: 2026-03-10T08:00:00+07:00\n---\n", "en"),
    ("---\ndate: \"2026-03-10\"\n---\n", "en"),
])
def test_common_header_shapes_give_the_document_date_and_no_date_fact(header, lang):
    body = "The minister met them yesterday." if lang == "en" else "Hôm qua, hai bên đã ký kết."
    doc = factx.extract(header + body, lang=lang)
    assert doc.document_date.to_dict() == {"value": "2026-03-10", "origin": "header"}
    assert [f.attrs["value"] for f in doc.facts if f.type == "date"] == ["2026-03-09"]


def test_a_header_line_deep_in_the_text_or_not_a_real_day_is_no_header():
    doc = factx.extract("Trade rose.\n\nDate: 2026-03-10\nThe minister met them yesterday.", lang="en")
    assert doc.document_date.origin == "inferred"
    assert factx.extract("Date: 31/02/2026\n\nIt rose.", lang="en").document_date.origin != "header"


def test_a_numeric_header_day_is_read_day_first_unless_it_cannot_be():
    assert factx.extract("Published: 03/04/2026\n\nIt rose.", lang="en").document_date.value == "2026-04-03"
    assert factx.extract("Published: 04/23/2026\n\nIt rose.", lang="en").document_date.value == "2026-04-23"


def test_a_publication_line_is_a_dateline_and_beats_a_later_event_day():
    text = "Kazakhstan and Vietnam met.\nPublished 10 March 2026\nThe forum on 20 May 2026 was agreed. It rose yesterday."
    doc = factx.extract(text, lang="en")
    assert doc.document_date.value == "2026-03-10" and doc.facts[-1].attrs["value"] == "2026-03-09"


def test_a_photo_caption_a_quoted_date_and_a_plan_range_never_give_the_document_date():
    text = ("Ảnh: Lễ ký kết ngày 20/12/2025.\nHà Nội - Hôm qua, hai bên ký kế hoạch từ ngày 1/1/2026 "
            "đến ngày 31/12/2027.")
    assert factx.extract(text, lang="vi").document_date is None
    text = 'The plan, "adopted on 1 June 2030", was cited yesterday.'
    assert factx.extract(text, lang="en").document_date is None


def test_an_anniversarys_years_end_on_the_day_celebrated():
    text = "Kỷ niệm 34 năm Quốc khánh (16/12/1991 – 16/12/2025). Hôm qua, hai bên đã gặp."
    doc = factx.extract(text, lang="vi")
    assert doc.document_date.value == "2025-12-16" and doc.facts[-1].attrs["value"] == "2025-12-15"


def test_without_any_full_day_the_latest_year_of_the_first_paragraph_gives_the_year():
    text = "Kim ngạch năm 2024 tăng mạnh, năm 2025 còn cao hơn. Năm nay, hai bên đặt mục tiêu mới.\n\nNăm 2019 khác."
    doc = factx.extract(text, lang="vi")
    assert doc.document_date.to_dict() == {"value": "2025", "origin": "inferred"}
    assert [f.attrs["value"] for f in doc.facts if f.text == "Năm nay"] == ["2025"]


def test_a_target_year_or_a_later_paragraphs_year_gives_no_document_date():
    for text in ("Trade in 2024 rose. This year it will grow; by 2030 it doubles.",
                 "Hai bên hướng tới mục tiêu 2030. Năm 2024 kim ngạch tăng. Năm nay sẽ tốt hơn.",
                 "Tầm nhìn 2045 được thông qua trong năm 2024. Năm nay kinh tế tăng."):
        doc = factx.extract(text, lang="vi" if "Năm" in text else "en")
        assert doc.document_date.value == "2024", text
    assert factx.extract("No year here.\n\nIn 2024 trade rose this year.", lang="en").document_date is None


def test_a_year_precision_document_date_keeps_pledges_that_fall_inside_its_year():
    doc = factx.extract("Vietnam pledged 5 million USD in May 2026.", lang="en")
    assert doc.document_date.to_dict() == {"value": "2026", "origin": "inferred"}
    assert [f.type for f in doc.facts].count("commitment") == 1
