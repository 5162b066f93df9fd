"""A list written as a trie matches what ``regex`` matched with the list itself: the same span and
the same groups at every position, forwards and leftwards, with and without case, when the rest
of the pattern has to backtrack into the list for a shorter entry."""

import pickle

import pytest
import regex
from hypothesis import given, settings, strategies as st

from factx import listtrie

LISTS = {"a": ("ab", "abc", "abcd", "b", "xab", "Ab", "ABC", "bc d", "c"),
         "b": ("Viet", "Viet Nam", "Nam", "nam", "am")}
PATTERNS = [
    r"\L<a>",
    r"\L<a>c",                                      # backtracks to a shorter entry
    r"(?P<g>\L<a>)(?P<h>\L<a>)?d",
    r"(?i:\L<a>)d?",
    r"(?i:(?P<g>\L<a>))c",
    r"(?<=\L<a> ?)(?P<g>\L<b>)",                     # a list read leftwards inside a look-behind
    r"(?<!\L<a>)\L<b>",
    r"(?r)(?P<g>\L<a>)\L<b>?",                       # a pattern read leftwards
    r"(?r)(?i:\L<a>)(?=\L<b>| )",                    # and a look-ahead inside it, read forwards
    r"(?r)(?:(?P<g>\L<a>)|(?P<h>\L<b>))c?",
    r"(?P<s>\L<b>)?(?(s) \L<a>|\L<a>)",              # a conditional: "(?(" then a group
    r"[(a]\L<b>[)]",                                 # parentheses inside classes are no groups
    r"[[(]?(?<=[]a]\L<a>)[^])]?",                     # "[" and a first "]" inside a class are characters
]


def groups(m):
    return None if m is None else (m.span(), sorted((k, m.span(k)) for k in m.groupdict()))


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "x", "A", "B", "C", " ", "Viet", "Nam", "nam", "(", "L"]),
                max_size=14))
def test_trie_matches_what_the_list_matched(pattern, pieces):
    text = "".join(pieces)
    written = listtrie.with_tries(pattern, LISTS)
    assert written is not None
    used = {k: list(v) for k, v in LISTS.items() if f"\\L<{k}>" in pattern}
    trie, plain = regex.compile(written), regex.compile(pattern, **used)
    for pos in range(len(text) + 1):
        assert groups(trie.match(text, pos)) == groups(plain.match(text, pos)), (pattern, text, pos)
    assert [groups(m) for m in trie.finditer(text, overlapped=True)] == \
        [groups(m) for m in plain.finditer(text, overlapped=True)]


@pytest.mark.parametrize("pattern", [r"(?i)\L<a>", r"(?-i:\L<a>)", r"(?x)\L<a>", r"a(?r)\L<a>", r"(?#c)\L<a>"])
def test_flags_not_followed_keep_the_list(pattern):
    assert listtrie.with_tries(pattern, LISTS) is None


def test_an_unknown_list_keeps_the_pattern_as_it_is():
    assert listtrie.with_tries(r"\L<zzz>", LISTS) is None
    assert listtrie.with_tries(r"x\L<a", LISTS) is None           # unclosed: regex reports it


@pytest.mark.parametrize("pattern", [r"\L<a>{e<=1}", r"(?:\L<a>){1<=s<=2}x"])
def test_fuzzy_matching_keeps_the_list(pattern):
    assert listtrie.with_tries(pattern, LISTS) is None


def test_braced_escapes_are_not_fuzzy_constraints():
    written = listtrie.with_tries(r"\p{Latin}\L<a>\N{SPACE}", LISTS)
    assert written is not None and regex.compile(written).match("xab ").group() == "xab "


@pytest.mark.parametrize("entries, texts", [
    (("Istanbul", "Incheon"), ["Istanbul", "İstanbul", "ıstanbul", "ISTANBUL", "incheon"]),
    (("sa", "ſab"), ["sab", "SAB", "ſab", "sa"]),                # s, S and ſ are one letter for regex
    (("Kelvin", "kelp", "\u212aa"), ["kelvin", "\u212aelp", "Ka", "ka"]),
    (("ι", "ῑ", "Σ", "σς"), ["ι", "Σς", "σσ", "ς"]),
])
def test_case_insensitive_lists_match_as_regex_decides(entries, texts):
    written = listtrie.with_tries(r"(?i:\L<x>)", {"x": entries})
    plain = regex.compile(r"(?i:\L<x>)", x=list(entries))
    if written is None:                      # letters that overlap without being alike: the list itself
        return
    trie = regex.compile(written)
    for text in texts:
        assert groups(trie.match(text)) == groups(plain.match(text)), text


def test_letters_that_overlap_without_being_alike_keep_the_list():
    assert listtrie.with_tries(r"(?i:\L<x>)", {"x": ("Istanbul", "istanbul")}) is None
    assert listtrie.with_tries(r"\L<x>", {"x": ("Istanbul", "istanbul")}) is not None     # case counts here


def test_a_labelled_pattern_shows_and_pickles_its_source():
    source = r"\bx\L<a>"
    pattern = listtrie.labelled(regex.compile(listtrie.with_tries(source, LISTS)), source)
    again = pickle.loads(pickle.dumps(pattern))
    assert pattern.pattern == again.pattern == source
    assert again.match("xabcd").group() == "xabcd"
