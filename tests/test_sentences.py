from factx import nlp
from factx.nlp import sentences


def split(text):
    return [text[s:e] for s, e in sentences(text).spans]


def test_abbreviations_do_not_end_sentences():
    assert split("Mr. Vo Van Hoan met Dr. Thang. TP. Hồ Chí Minh hosted them. Y. Tukumov spoke.") == [
        "Mr. Vo Van Hoan met Dr. Thang.", "TP. Hồ Chí Minh hosted them.", "Y. Tukumov spoke."]


def test_line_breaks_end_headlines():
    assert split("Party leader meets Kazakh PM\nGeneral Secretary To Lam met him.") == [
        "Party leader meets Kazakh PM", "General Secretary To Lam met him."]


def test_closing_quote_stays_with_its_sentence():
    assert split("“We agree.” The talks ended.") == ["“We agree.”", "The talks ended."]


def test_fact_sentence_lookup():
    s = sentences("One. Two three. Four.")
    assert s.around(6, 9) == (5, 15)


def test_a_run_without_spaces_is_cut_for_the_tokenizer_only():
    # spaCy peels a run's prefixes one by one (quadratic); the cut keeps every offset.
    url = "https://example.org/" + "a" * 450 + ".html"
    text = f"See {url} for the text. The minister spoke on Monday."
    got = nlp.sentences(text).spans
    assert [text[s:e] for s, e in got] == [f"See {url} for the text.", "The minister spoke on Monday."]
    assert len(nlp._cut_long_runs("$" * 1000)) == 1000


def test_the_tokenizer_forgets_words_past_a_bound(monkeypatch):
    # spaCy would keep every new word for the life of the process; past the bound the next
    # text gets a fresh pipeline, and sentences come out the same.
    from factx import nlp

    monkeypatch.setattr(nlp, "MAX_WORDS_KNOWN", 500)
    text = "Word{} came first. Then word{} followed.\n"
    before = nlp.sentences(text.format(0, 0))
    for i in range(1, 400):
        nlp.sentences(text.format(i, -i))
    assert len(nlp._tokenizer()[0].vocab.strings) <= 500 + 50
    assert nlp.sentences(text.format(0, 0)) == before
