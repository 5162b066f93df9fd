"""Property-based: on any mix of news words and odd Unicode, extraction never raises and every
fact keeps the offset promise (text == document[start:end]) with well-formed values."""

import json
import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import factx

WORDS = [
    "Kazakhstan", "Vietnam", "pledged", "to", "invest", "US$1.5", "billion", "in", "May", "2026", "by",
    "16/12/2025", "December", "16,", "Prime", "Minister", "Olzhas", "Bektenov", "said", "the", "two", "sides",
    "agreed", "next", "year", "Thủ", "tướng", "Phạm", "Minh", "Chính", "cam", "kết", "đầu", "tư", "1,5", "tỷ",
    "USD", "ngày", "tháng", "năm", "2025", "sẽ", "ký", "Chủ", "tịch", "ông", "Hà", "Nội", "quý", "III/2026",
    "$", "€", "-", "–", "(", ")", "“", "”", ".", ",", ";", "?", "Mr.", "H.E.", "31", "February", "2023",
]
ODD = ["\u0301", "\u0300", "\u0323", "\u200d", "\u200b", "\ufe0f", "\u00a0", "\r\n", "\n", "\t", "😀", "👩‍💻", "🇻🇳", "\ufeff"]
TOKEN = st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), st.text(max_size=3))
DOC = st.lists(TOKEN, max_size=60).map(lambda ts: " ".join(ts))
DAY = re.compile(r"^(\d{4}|XXXX)(-\d\d(-\d\d)?|-H[12]|-Q[1-4])?(/.+)?$")


def check(text: str, **options) -> None:
    for form in (text, unicodedata.normalize("NFD", text)):
        doc = factx.extract(form, **options)
        json.dumps(doc.to_dict(), ensure_ascii=False)
        for f in doc.facts:
            assert f.text == form[f.start:f.end], (f.type, f.rule)
            assert 0 <= f.start < f.end <= len(form)
            if f.type == "date":
                assert DAY.match(f.attrs["value"]), f.attrs["value"]
            if f.type == "money":
                assert isinstance(f.attrs["amount"], (int, float)) and f.attrs["amount"] >= 0
                assert re.fullmatch(r"[A-Z]{3}", f.attrs["currency"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOC, st.sampled_from([None, "en", "vi"]))
@example("16/5\u0301 2025", "vi")
@example("Hội nghị ngày 16/12\u0301 tại Hà Nội", "vi")
@example("x " + "1" * 5000 + " USD in 2025", "en")
def test_any_text_keeps_every_offset_and_never_raises(text, lang):
    check(text, lang=lang, ref_date="2025-12-16")
