"""Property test: any calendar date, written in any numeric or worded format of either
language, comes back as exactly one date fact with the same value and the written text.

Month and weekday names are read from the rule files themselves, so every form a list
offers ("Sept.", "tháng Mười Hai") is exercised, not a hand-picked few.
"""

import tomllib
from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

import factx
from factx.rulebook import builtin_dir

REF = date(2025, 12, 16)


def _lists(lang):
    with open(builtin_dir() / lang / "dates.toml", "rb") as f:
        return tomllib.load(f)["lists"]


def _names(lang, name):
    """value -> every written form of it, from the rule file's valued list ``name``."""
    out = {}
    for form, value in _lists(lang)[name].items():
        out.setdefault(value, []).append(form)
    return out


EN_MONTHS, VI_MONTHS = _names("en", "month"), _names("vi", "month")
EN_WEEKDAYS = {v: forms[0] for v, forms in _names("en", "weekday").items()}
VI_WEEKDAYS = {v: forms[0].title() for v, forms in _names("vi", "weekday").items()}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


days = st.dates(min_value=date(1600, 1, 1), max_value=date(2099, 12, 31))
choice = st.integers(min_value=0, max_value=10_000)


def _en_day(d, k):
    name = EN_MONTHS[d.month][k % len(EN_MONTHS[d.month])]
    y, m, dd = d.year, d.month, d.day
    forms = [
        f"{name} {dd}, {y}", f"{name} {_ordinal(dd)} {y}", f"{dd} {name} {y}", f"{_ordinal(dd)} of {name}, {y}",
        f"{EN_WEEKDAYS[d.weekday()]}, {name} {dd}, {y}", f"{y}-{m:02d}-{dd:02d}", f"{y}/{m}/{dd}",
        f"{dd:02d}.{m:02d}.{y}", f"{dd}.{m}.{y}",
    ]
    if dd > 12:            # numeric slash dates are read only when the order is unambiguous
        forms += [f"{dd}/{m}/{y}", f"{m}/{dd}/{y}", f"{dd:02d}-{m:02d}-{y}"]
    return forms[k % len(forms)]


def _vi_day(d, k):
    word = VI_MONTHS[d.month][k % len(VI_MONTHS[d.month])]
    y, m, dd = d.year, d.month, d.day
    forms = [
        f"{dd}/{m}/{y}", f"{dd:02d}/{m:02d}/{y}", f"{dd}-{m}-{y}", f"{dd}.{m}.{y}", f"ngày {dd}/{m}/{y}",
        f"ngày {dd} tháng {m} năm {y}", f"ngày {dd} tháng {word} năm {y}", f"Sáng {dd}/{m}/{y}",
        f"{VI_WEEKDAYS[d.weekday()]}, {dd}/{m}/{y}",
    ]
    return forms[k % len(forms)]


def _one_date(sentence, written, lang, ref=REF):
    doc = factx.extract(sentence, lang=lang, ref_date=ref, types=["date"])
    assert [f.text for f in doc.facts] == [written], (sentence, [f.to_dict() for f in doc.facts])
    return doc.facts[0].attrs


@pytest.mark.parametrize("lang, render, sentence", [
    ("en", _en_day, "The agreement was signed on {} in Astana."),
    ("vi", _vi_day, "Hiệp định được ký {} tại Astana."),
])
@settings(max_examples=300, deadline=None)
@given(d=days, k=choice)
def test_day_round_trips(lang, render, sentence, d, k):
    written = render(d, k)
    attrs = _one_date(sentence.format(written), written, lang)
    assert (attrs["value"], attrs["granularity"], attrs["relative"]) == (d.isoformat(), "day", False)


@settings(max_examples=200, deadline=None)
@given(days, choice)
def test_month_and_quarter_round_trip(d, k):
    y, m, q = d.year, d.month, (d.month - 1) // 3 + 1
    en_name = EN_MONTHS[m][k % len(EN_MONTHS[m])]
    vi_word = VI_MONTHS[m][k % len(VI_MONTHS[m])]
    cases = [
        ("en", f"{en_name} {y}", f"{y}-{m:02d}"), ("en", f"{en_name} of {y}", f"{y}-{m:02d}"),
        ("en", f"Q{q} {y}", f"{y}-Q{q}"), ("vi", f"tháng {m}/{y}", f"{y}-{m:02d}"),
        ("vi", f"tháng {m} năm {y}", f"{y}-{m:02d}"), ("vi", f"tháng {vi_word} năm {y}", f"{y}-{m:02d}"),
        ("vi", f"quý {ROMAN[q]}/{y}", f"{y}-Q{q}"), ("vi", f"quý {q} năm {y}", f"{y}-Q{q}"),
    ]
    lang, written, value = cases[k % len(cases)]
    sentence = f"Exports rose in {written}, officials said." if lang == "en" else f"Xuất khẩu tăng trong {written}, theo bộ."
    assert _one_date(sentence, written, lang)["value"] == value


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1600, 1, 1), max_value=date(2098, 11, 1)), st.integers(min_value=1, max_value=400), choice)
def test_intervals_round_trip(d, length, k):
    e = d + timedelta(days=length)
    forms = [
        ("vi", f"{d.day}/{d.month}/{d.year} – {e.day}/{e.month}/{e.year}"),
        ("vi", f"từ ngày {d.day}/{d.month}/{d.year} đến ngày {e.day}/{e.month}/{e.year}"),
        ("en", f"from {d.day} {EN_MONTHS[d.month][0]} {d.year} to {e.day} {EN_MONTHS[e.month][0]} {e.year}"),
        ("en", f"{EN_MONTHS[d.month][0]} {d.day}, {d.year} – {EN_MONTHS[e.month][0]} {e.day}, {e.year}"),
    ]
    lang, written = forms[k % len(forms)]
    sentence = f"The fair ran {written} in Hanoi." if lang == "en" else f"Hội chợ diễn ra {written} tại Hà Nội."
    attrs = _one_date(sentence, written, lang)
    assert (attrs["value"], attrs["granularity"]) == (f"{d.isoformat()}/{e.isoformat()}", "interval")


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), choice)
def test_a_day_without_its_year_is_read_nearest_to_the_document_date(ref, k):
    d = ref + timedelta(days=k % 361 - 180)
    if (d.month, d.day) == (2, 29):
        return
    name = EN_MONTHS[d.month][0]
    lang, written = [("vi", f"ngày {d.day}/{d.month}"), ("vi", f"ngày {d.day} tháng {d.month}"),
                     ("en", f"{name} {d.day}"), ("en", f"{d.day} {name}")][k % 4]
    sentence = f"Talks took place on {written} in Hanoi." if lang == "en" else f"Hội đàm diễn ra {written} tại Hà Nội."
    attrs = _one_date(sentence, written, lang, ref)
    assert (attrs["value"], attrs["relative"]) == (d.isoformat(), True)
