from factx import language


def test_english_and_vietnamese():
    assert language.detect("Yesterday the minister received the ambassador in Hanoi.")[0] == "en"
    assert language.detect("Hôm qua, Thủ tướng đã tiếp Đại sứ Kazakhstan tại Hà Nội.")[0] == "vi"


def test_same_input_same_answer():
    text = "Bonjour tout le monde, hello world"
    assert len({language.detect(text) for _ in range(5)}) == 1


def test_other_languages_and_no_letters_are_und():
    assert language.detect("Der Minister traf gestern den Botschafter in Berlin.")[0] == "und"
    assert language.detect("12/05 — 3,5 %") == ("und", 0.0)
    assert language.detect("") == ("und", 0.0)
