from datetime import date

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
