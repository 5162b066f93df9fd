"""Money end to end: the value builder, the currency table, forms that give two facts,
a property test over rendered amounts in both languages, and the seeds."""

import tomllib
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factx
from factx import rulebook
from factx.extractors import money
from factx.normalize.numbers import Invalid
from test_numbers import _render as _digits

PATTERNS = rulebook.builtin_dir()
TABLES = tomllib.loads((PATTERNS / "common" / "currencies.toml").read_text(encoding="utf-8"))["lists"]


def _lists(lang: str) -> dict:
    return tomllib.loads((PATTERNS / lang / "money.toml").read_text(encoding="utf-8"))["lists"]


def _money(text: str, lang: str) -> list[tuple[str, object, str, bool]]:
    doc = factx.extract(text, lang=lang, ref_date="2025-12-16", types=["money"])
    for f in doc.facts:
        assert text[f.start:f.end] == f.text
    return [(f.text, f.attrs["amount"], f.attrs["currency"], f.attrs["approximate"]) for f in doc.facts]


# --- the value of one match ------------------------------------------------------------

@pytest.mark.parametrize("parts, lang, expected", [
    ({"sign": "USD", "amount": "1.5", "scale": 1_000_000_000}, "en", (1_500_000_000, "USD", False)),
    ({"code": "VND", "amount": "1.200", "scale": 1_000_000_000}, "vi", (1_200_000_000_000, "VND", False)),
    ({"currency": "KZT", "amount": 200, "scale": 1_000_000_000, "approximate": True}, "en", (200_000_000_000, "KZT", True)),
    ({"currency": "USD", "numeral": 0.5, "scale": 1_000_000_000}, "en", (500_000_000, "USD", False)),
    ({"currency": "VND", "amount": 1, "scale": 10**9, "amount_rest": 200, "scale_rest": 10**6}, "vi", (1_200_000_000, "VND", False)),
    ({"sign": "USD", "amount": 2, "amount_end": 3, "scale_end": 10**9, "approximate": True}, "en", (2_000_000_000, "USD", True)),
    ({"sign": "USD", "amount": "12.75"}, "en", (12.75, "USD", False)),
])
def test_value(parts, lang, expected):
    v = money.value(parts, lang)
    assert (v["amount"], v["currency"], v["approximate"]) == expected
    assert type(v["amount"]) is type(expected[0])


@pytest.mark.parametrize("parts", [
    {"currency": "dollarz", "amount": 5},                                         # a form missing from the table
    {"amount": 5},                                                                # no currency at all
    {"currency": "VND", "amount": 1, "scale": 10**6, "amount_rest": 2, "scale_rest": 10**9},   # 1 triệu 2 tỷ
    {"sign": "USD", "amount": 3, "amount_end": 2, "scale_end": 10**9},            # a range running down
    {"sign": "USD", "amount": 2, "amount_end": 3, "sign_end": "EUR"},              # ends in two currencies
    {"currency": "USD", "numeral": "five twenty", "scale": 10**6},                 # two numbers, not one
    {"currency": "USD", "numeral": "3", "decimals": "mười", "scale": 10**9},       # a decimal word above 9
    {"sign": "USD", "amount": "1,234,56"},                                          # badly grouped
])
def test_value_rejects(parts):
    with pytest.raises(Invalid):
        money.value(parts, "en", {"numeral": {"five": 5, "twenty": 20, "mười": 10}})


@pytest.mark.parametrize("parts, expected", [
    ({"amount": 2, "amount_end": 3, "scale_end": 10**9}, (2 * 10**9, 3 * 10**9)),          # "$2-3 billion": shared
    ({"amount": "500,000", "amount_end": 1, "scale_end": 10**6}, (500_000, 10**6)),       # complete as written
    ({"amount": 2, "scale": 10**6, "amount_end": 3, "scale_end": 10**6}, (2 * 10**6, 3 * 10**6)),
    ({"amount": 2, "scale": 10**9}, (2 * 10**9, None)),                                      # not a range
])
def test_amount_max_is_the_top_of_a_range_else_null(parts, expected):
    v = money.value({"code": "USD", **parts}, "en")
    assert (v["amount"], v["amount_max"]) == expected


@pytest.mark.parametrize("text, lang, facts", [
    ("It will cost between 4 and 6 billion dollars.", "en", [("4 and 6 billion dollars", 4 * 10**9, 6 * 10**9)]),
    ("Imports fell from 300 to 250 million euros.", "en", []),                              # runs down: no guess
    ("Giá từ 5 đến 7 tỷ USD, giữa 4.000 tỷ đồng và 6.000 tỷ đồng.", "vi",
     [("5 đến 7 tỷ USD", 5 * 10**9, 7 * 10**9), ("4.000 tỷ đồng và 6.000 tỷ đồng", 4 * 10**12, 6 * 10**12)]),
    ("Kim ngạch tăng từ 5 tỷ USD lên 7 tỷ USD.", "vi", [("5 tỷ USD", 5 * 10**9, None), ("7 tỷ USD", 7 * 10**9, None)]),
    ("Exports rose in 2025 to 6 billion dollars.", "en", [("6 billion dollars", 6 * 10**9, None)]),
    ("Costs fell from 7 to 5 million dollars, or 4 to 5 tỷ đồng.", "en", []),
    ("Vốn 5 đến 7 tỷ USD.", "vi", [("5 đến 7 tỷ USD", 5 * 10**9, 7 * 10**9)]),
    ("Exports rose from $2 billion in 2020 to $3 billion.", "en",
     [("$2 billion", 2 * 10**9, None), ("$3 billion", 3 * 10**9, None)]),                # a change: two facts
])
def test_ranges_are_one_fact_and_changes_two(text, lang, facts):
    doc = factx.extract(text, lang=lang, ref_date="2025-12-16", types=["money"])
    assert [(f.text, f.attrs["amount"], f.attrs["amount_max"]) for f in doc.facts] == facts


# --- the currency table ----------------------------------------------------------------

PARTNERS = ["USD", "EUR", "CNY", "JPY", "KRW", "GBP", "RUB", "KZT", "VND", "SGD", "THB", "AUD", "INR",
            "CHF", "HKD", "TWD", "MYR", "IDR", "PHP", "LAK", "KHR", "CAD", "TRY", "UZS", "KGS", "AED",
            "NZD", "BRL", "ZAR", "SAR", "QAR", "MNT", "CLP", "ARS", "MXN", "DKK", "HUF", "MMK", "BND"]


def test_every_form_maps_to_a_listed_iso_code():
    codes = set(TABLES["code"].values())
    for table in ("sign", "code", "currency"):
        for form, code in TABLES[table].items():
            assert code in codes and len(code) == 3 and code.isupper(), (table, form, code)


def test_partner_currencies_are_covered_by_code_and_by_a_word():
    words = set(TABLES["currency"].values())
    for code in PARTNERS:
        assert TABLES["code"].get(code) == code
    for code in PARTNERS:
        assert code in words, code


# --- forms that give two facts, or none --------------------------------------------------

@pytest.mark.parametrize("text, lang, facts", [
    ("The expressway will cost VND 24 trillion (US$1 billion).", "en",
     [("VND 24 trillion", 24_000_000_000_000, "VND", False), ("US$1 billion", 1_000_000_000, "USD", False)]),
    ("The plant costs KZT 480 billion (about US$1 billion).", "en",
     [("KZT 480 billion", 480_000_000_000, "KZT", False), ("US$1 billion", 1_000_000_000, "USD", True)]),
    ("Dự án có vốn 2.500 tỷ đồng (khoảng 100 triệu USD).", "vi",
     [("2.500 tỷ đồng", 2_500_000_000_000, "VND", False), ("100 triệu USD", 100_000_000, "USD", True)]),
    ("Trade grew from $2 billion to $3 billion.", "en",
     [("$2 billion", 2_000_000_000, "USD", False), ("$3 billion", 3_000_000_000, "USD", False)]),
    ("Around one million tourists came; trade reached approximately US$1 billion.", "en",
     [("US$1 billion", 1_000_000_000, "USD", True)]),
    ("Đồng thời, hai bên đồng ý nâng kim ngạch lên 1,5 tỷ USD.", "vi",
     [("1,5 tỷ USD", 1_500_000_000, "USD", False)]),
])
def test_sentences_with_several_figures(text, lang, facts):
    assert _money(text, lang) == facts


def test_nfd_input_keeps_offsets_and_values():
    import unicodedata

    text = unicodedata.normalize("NFD", "Kim ngạch đạt xấp xỉ 4,12 tỷ USD, gần 100 nghìn tỷ đồng.")
    assert [(unicodedata.normalize("NFC", t), a, c, x) for t, a, c, x in _money(text, "vi")] == [
        ("4,12 tỷ USD", 4_120_000_000, "USD", True), ("100 nghìn tỷ đồng", 100_000_000_000_000, "VND", True)]


# --- property: any amount, rendered as each language writes it, comes back exact ---------

@st.composite
def rendered_amounts(draw, lang: str):
    """(lang, sentence, figure as written, exact amount, ISO code, approximate) in ``lang``'s style."""
    lists = _lists(lang)
    whole = draw(st.integers(min_value=1, max_value=999_999))
    places = draw(st.sampled_from([0, 0, 1, 2, 3]))
    number = Decimal(whole) + (Decimal(draw(st.integers(0, 10**places - 1))) / 10**places if places else 0)
    digits = _digits(number, lang, grouped=draw(st.booleans()))
    scale = draw(st.none() | st.sampled_from(sorted(lists["scale"])))
    figure = digits + (draw(st.sampled_from(["", " "])) + scale if scale else "")
    before = {"en": ["sign", "code"], "vi": ["sign"]}[lang]
    table = draw(st.sampled_from(before + ["code", "currency"]))
    form = draw(st.sampled_from(sorted(TABLES[table])))
    if table in before and draw(st.booleans()):
        # A bare year after a code is a label, not an amount ("the USD 2024 outlook"): skip that form.
        if table == "code" and not scale and digits.isdigit() and 1600 <= whole <= 2099:
            figure = f"{form} {digits}.5"
            number += Decimal("0.5")
        else:
            figure = form + draw(st.sampled_from(["", " "])) + figure
    else:
        figure = figure + " " + form
    qualifier = draw(st.none() | st.sampled_from(sorted(lists["approximate"])))
    frame = {"en": "Bilateral trade reached {} last year.", "vi": "Kim ngạch song phương đạt {} trong năm qua."}[lang]
    sentence = frame.format((qualifier + " " if qualifier else "") + figure)
    amount = number * (lists["scale"][scale] if scale else 1)
    return lang, sentence, figure, amount, TABLES[table][form], qualifier is not None


@settings(max_examples=150, deadline=None)
@given(case=st.sampled_from(["en", "vi"]).flatmap(rendered_amounts))
def test_rendered_amounts_come_back_exact(case):
    lang, sentence, figure, amount, code, approximate = case
    facts = _money(sentence, lang)
    assert len(facts) == 1, (sentence, facts)
    text, got, currency, approx = facts[0]
    assert text == figure
    assert Decimal(repr(got)) == amount and (type(got) is int) == (amount == amount.to_integral_value())
    assert (currency, approx) == (code, approximate)


# --- the seeds ---------------------------------------------------------------------------

def test_seed_money_is_all_found_with_no_extra(seed_report):
    assert not [p for p in seed_report.problems if p.type == "money"]
    tally = seed_report.tallies["money"]
    assert tally.f1 == 1.0 and tally.tp > 0
    right, total = tally.attrs["approximate"]
    assert right == total > 0


@pytest.mark.parametrize("text, lang", [
    ("The fund is $3-2 billion.", "en"),                     # a range that runs backwards
    ("Vốn 1 tỷ 2000 triệu đồng.", "vi"),                     # the rest is not below the first scale
])
def test_a_malformed_figure_gives_no_fact_not_a_piece_of_itself(text, lang):
    assert [f for f in factx.extract(text, lang=lang).facts if f.type == "money"] == []


def test_amounts_past_28_digits_stay_exact():
    got = money.value({"amount": "999.999.999.999.999.999.999", "scale": 10**12,
                       "amount_rest": "999", "scale_rest": 10**9, "code": "VND"}, "vi")
    assert got["amount"] == 999_999_999_999_999_999_999 * 10**12 + 999 * 10**9


def test_an_amount_json_cannot_carry_exactly_is_left_out_with_a_warning_not_rounded():
    text = "The fund will invest $1.23456789012345678 billion, and $2 billion more, in the region."
    doc = factx.extract(text, lang="en", source="a.txt")
    assert [(f.text, f.attrs["amount"]) for f in doc.facts if f.type == "money"] == [("$2 billion", 2_000_000_000)]
    (warning,) = doc.warnings
    assert warning.startswith("a.txt: a money fact left out (en.money.")
    assert "characters 21-49" in warning and "1234567890.12345678 has more digits" in warning
