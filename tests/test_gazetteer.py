"""The gazetteer finds what the regex alternation it replaces found: leftmost, longest entry
ending at a word boundary, case-insensitive unless asked otherwise, hits never overlapping."""

import pytest
import regex
from hypothesis import given, settings, strategies as st

from factx.gazetteer import Gazetteer, word_spans

ENTRIES = ["viet nam", "vietnam", "nam", "south korea", "korea", "u.s.", "côte d'ivoire", "lào", "việt"]


def alternation(entries, text, ignore_case=True):
    forms = sorted(entries, key=len, reverse=True)
    finder = regex.compile(r"(?<![\p{L}\p{M}])(?:" + "|".join(map(regex.escape, forms)) + r")(?![\p{L}\p{M}])",
                           regex.IGNORECASE if ignore_case else 0)
    return [m.span() for m in finder.finditer(text)]


@pytest.mark.parametrize("text, found", [
    ("Viet Nam and South Korea", ["Viet Nam", "South Korea"]),
    ("Vietnamese", []),                          # a word that only begins with an entry
    ("the U.S. and Côte d'Ivoire", ["U.S.", "Côte d'Ivoire"]),
    ("VIETNAM, Lào, Việt Nam", ["VIETNAM", "Lào", "Việt", "Nam"]),
    ("Korea-Vietnam", ["Korea", "Vietnam"]),
])
def test_finds_whole_entries(text, found):
    assert [text[s:e] for s, e in Gazetteer(ENTRIES).finditer(text)] == found


def test_case_kept_when_asked():
    finder = Gazetteer(["United Nations"], ignore_case=False)
    assert list(finder.finditer("the united nations")) == []
    assert list(finder.finditer("the United Nations")) == [(4, 18)]


@pytest.mark.parametrize("text, found", [
    ("to 's-Hertogenbosch and 1st Avenue", ["'s-Hertogenbosch", "1st Avenue"]),
    ("x's-Hertogenbosch", []),                      # glued to a word: no entry starts there
    ("'s Hertogenbosch", []),
])
def test_entries_that_do_not_start_with_a_letter(text, found):
    finder = Gazetteer(["'s-hertogenbosch", "1st avenue", "avenue"])
    assert [text[s:e] for s, e in finder.finditer(text)] == found
    assert list(finder.finditer(text)) == alternation(["'s-hertogenbosch", "1st avenue", "avenue"], text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Viet", "viet", "Nam", "nam", "South", "Korea", "U.S.", "Lào", "việt", "x",
                                 " ", "  ", ",", "-", ".", "\u0301", "Côte", "d'Ivoire"]), max_size=12))
def test_same_as_the_alternation(words):
    text = "".join(w if i % 2 else w + " " for i, w in enumerate(words))
    assert list(Gazetteer(ENTRIES).finditer(text)) == alternation(ENTRIES, text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["Lam", "To Lam", "Y. Tukumov", "Lào"]),
       st.lists(st.sampled_from(["Lam", "To", " ", "Lamb", "x", "Y.", "Tukumov", "Lào", "\u0301", "-"]), max_size=12))
def test_word_spans_same_as_a_compiled_word(word, pieces):
    text = "".join(pieces)
    compiled = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(word)}(?![\p{{L}}\p{{M}}])")
    assert list(word_spans(text, word)) == [m.span() for m in compiled.finditer(text)]
