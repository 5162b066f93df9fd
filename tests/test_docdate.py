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
