"""The NFC view and its offset map: decomposed text gives the same facts, offsets into the original."""

import unicodedata

from hypothesis import given, strategies as st

import factx
from factx.text import make_view

VI = "Ngày 15/12, Chủ tịch UBND TP. Hồ Chí Minh Nguyễn Văn Được đã tiếp Đại sứ. Tháng 7 năm nay, tháng 5/2025."


def test_header_is_blanked_and_read():
    view = make_view(" date 2025-12-16 Ho Chi Minh City said")
    assert view.header_date == "2025-12-16"
    assert view.text.strip() == "Ho Chi Minh City said"
    assert len(view.text) == len(view.original)


def test_nfd_text_gives_the_same_dates_with_original_offsets():
    nfd = unicodedata.normalize("NFD", VI)
    assert nfd != VI
    composed = factx.extract(VI, ref_date="2025-12-16")
    decomposed = factx.extract(nfd, ref_date="2025-12-16")
    assert decomposed.language == "vi"
    dates = lambda doc: [f.attrs["value"] for f in doc.facts if f.type == "date"]
    assert dates(decomposed) == dates(composed) and len(dates(decomposed)) == 3
    assert [f.type for f in decomposed.facts] == [f.type for f in composed.facts]
    for f in decomposed.facts:
        assert nfd[f.start:f.end] == f.text
        assert unicodedata.normalize("NFC", f.text) in VI


@given(st.text(alphabet="aeoudyAĐđ ăâêôơư\u0300\u0301\u0303\u0309\u0323/0123456789", max_size=60))
def test_view_maps_every_span_back(s):
    view = make_view(s)
    assert view.text == unicodedata.normalize("NFC", s)
    assert view.to_original(0, len(view.text)) == (0, len(s))
    for i in range(len(view.text)):
        for j in range(i + 1, min(len(view.text), i + 4) + 1):
            a, b = view.to_original(i, j)
            # A span maps to the whole clusters it touches, never to less.
            assert view.text[i:j] in unicodedata.normalize("NFC", s[a:b])


def test_no_break_spaces_are_plain_spaces_for_rules_and_offsets_stay_exact():
    import factx

    text = "Kazakh Prime\u00a0Minister Olzhas\u00a0Bektenov pledged to\u00a0support the project."
    doc = factx.extract(text, lang="en", ref_date="2025-12-16")
    got = {f.type: f for f in doc.facts}
    assert got["official"].attrs["key"] == "olzhas bektenov" and got["official"].attrs["role"] == "prime_minister"
    assert got["commitment"].attrs["modality"] == "pledge"
    assert all(f.text == text[f.start:f.end] for f in doc.facts)
