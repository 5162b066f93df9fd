"""The number normaliser: written digits by language, scale words, exact JSON numbers."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factx.normalize import numbers
from factx.normalize.numbers import Invalid, as_json, parse, scaled, spelled, to_decimal, with_decimals


@pytest.mark.parametrize("text, lang, value", [
    ("1,5", "vi", "1.5"),
    ("1.500", "vi", "1500"),
    ("750.000", "vi", "750000"),
    ("1.250.000,5", "vi", "1250000.5"),
    ("610,9", "vi", "610.9"),
    ("1.5", "vi", "1.5"),              # a dot before fewer than three digits can only be a decimal point
    ("1.2345", "vi", "1.2345"),
    ("1,500,000", "vi", "1500000"),    # two commas can only group thousands
    ("610.9", "en", "610.9"),
    ("1,250,000", "en", "1250000"),
    ("1,250,000.75", "en", "1250000.75"),
    ("1.500", "en", "1.5"),
    ("1,5", "en", "1.5"),
    ("1.250.000", "en", "1250000"),
    ("2024", "en", "2024"),
])
def test_parse_by_language(text, lang, value):
    assert parse(text, lang) == Decimal(value)


@pytest.mark.parametrize("text, lang", [
    ("1,2345,678", "en"),      # a group of four
    ("12345,678", "en"),       # a first group of five
    ("1.2.3", "vi"),
    ("1,250.000.5", "en"),     # two decimal points
    ("1.000,000,5", "vi"),
    ("", "en"),
    ("1 500", "en"),
    ("tỷ", "vi"),
])
def test_parse_rejects_what_is_not_a_number(text, lang):
    with pytest.raises(Invalid):
        parse(text, lang)


def test_scale_words_multiply_exactly():
    assert scaled("610.9", 1_000_000, "en") == Decimal(610_900_000)
    assert scaled("610,9", 1_000_000, "vi") == Decimal(610_900_000)
    assert scaled("3.86", 1_000_000_000, "en") == Decimal(3_860_000_000)
    assert scaled(0.5, 1_000_000_000, "en") == Decimal(500_000_000)       # "half a" from a list
    assert scaled(12, None, "vi") == Decimal(12)
    assert scaled("300.000", 1_000_000_000, "vi") == Decimal(300_000_000_000_000)


def test_float_arithmetic_would_have_been_wrong():
    # The reason for Decimal: "8.2 million" in floats is 8199999.999999999.
    assert 8.2 * 1_000_000 != 8_200_000
    assert as_json(scaled("8.2", 1_000_000, "en")) == 8_200_000
    assert as_json(scaled("1,005", 1_000, "vi")) == 1005


def test_as_json_is_int_when_whole_and_exact_float_otherwise():
    whole = as_json(Decimal("1.500") * 1000)
    assert whole == 1500 and type(whole) is int
    part = as_json(Decimal("12.75"))
    assert part == 12.75 and type(part) is float
    assert repr(as_json(Decimal("0.10"))) == "0.1"
    with pytest.raises(Invalid):
        as_json(Decimal("12345678901234567.5"))


def test_to_decimal_reads_list_values_and_digits():
    assert to_decimal(7, "en") == 7
    assert to_decimal(0.25, "en") == Decimal("0.25")
    assert to_decimal("1.500", "vi") == 1500
    with pytest.raises(Invalid):
        to_decimal(True, "en")
    with pytest.raises(Invalid):
        to_decimal(None, "en")


def _render(value: Decimal, lang: str, grouped: bool) -> str:
    thousands, decimal = {"en": (",", "."), "vi": (".", ",")}[lang]
    whole, _, fraction = f"{value:f}".partition(".")
    if grouped:
        whole = f"{int(whole):,}".replace(",", thousands)
    return whole + (decimal + fraction if fraction else "")


@given(whole=st.integers(min_value=0, max_value=10**12), cents=st.integers(min_value=0, max_value=999),
       places=st.sampled_from([0, 1, 2, 3]), lang=st.sampled_from(["en", "vi"]), grouped=st.booleans())
def test_any_rendered_number_parses_back(whole, cents, places, lang, grouped):
    value = Decimal(whole) + (Decimal(cents % 10**places) / 10**places if places else 0)
    assert parse(_render(value, lang, grouped), lang) == value


def test_a_digit_run_longer_than_any_amount_is_not_a_number():
    import json

    import factx

    for text, lang in (("x " + "1" * 5000 + " USD in 2025", "en"), ("Năm 2025: " + "2" * 5000 + " tỷ đồng", "vi"),
                       ("$99999999999999999999999999999.5 billion", "en")):
        doc = factx.extract(text, lang=lang)
        assert not [f for f in doc.facts if f.type == "money"]
        json.dumps(doc.to_dict())
    assert numbers.parse("1" * numbers.MAX_DIGITS, "en") == int("1" * numbers.MAX_DIGITS)
    with pytest.raises(numbers.Invalid):
        numbers.parse("1" * (numbers.MAX_DIGITS + 1), "en")


# --- numbers in words ------------------------------------------------------------------

_EN = {"one": 1, "two": 2, "five": 5, "nine": 9, "twelve": 12, "twenty": 20, "fifty": 50, "ninety": 90}
_VI = {"hai": 2, "ba": 3, "năm": 5, "mốt": 1, "lăm": 5, "mười": 10, "bảy": 7, "không": 0}
_PLACES = {"hundred": 100, "mươi": 10, "trăm": 100}


@pytest.mark.parametrize("text, words, expected", [
    ("twenty-five", {**_EN, "five": 5}, 25),
    ("two hundred fifty", _EN, 250),
    ("one hundred and fifty", _EN, 150),
    ("ninety nine", {**_EN, "nine": 9}, 99),
    ("ba mươi lăm", _VI, 35),
    ("hai mươi mốt", _VI, 21),
    ("hai trăm năm mươi", _VI, 250),
    ("hai trăm lẻ năm", _VI, 205),
    ("mười hai", _VI, 12),
])
def test_spelled_numbers(text, words, expected):
    assert spelled(text, words, _PLACES) == expected


@pytest.mark.parametrize("text", ["five twenty", "năm ba", "twelve five", "twenty hundred hundred", "mười mươi", "hundred"])
def test_two_numbers_in_a_row_are_not_summed(text):
    with pytest.raises(Invalid):
        spelled(text, {**_EN, **_VI}, _PLACES)


@pytest.mark.parametrize("number, decimals, expected", [
    (3, 5, "3.5"), (1, "25", "1.25"), (3, "năm", "3.5"), (2, "bảy lăm", "2.75"), (12, "không năm", "12.05"),
])
def test_spoken_decimals(number, decimals, expected):
    assert with_decimals(number, decimals, _VI, "vi") == Decimal(expected)


@pytest.mark.parametrize("number, decimals", [(3, "mười"), ("1,5", 5), (3, "tỷ")])
def test_spoken_decimals_reject_what_is_no_digit(number, decimals):
    with pytest.raises(Invalid):
        with_decimals(number, decimals, _VI, "vi")
