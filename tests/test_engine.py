"""The rule engine: rules named by parts, triggers found through the word index, overlaps settled."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factx import matching, rulebook
from factx.errors import PatternError
from factx.extractors import dates, officials
from factx.matching import Candidate

PACK = '''
[lists]
role = ["Minister", "Prime Minister", "Ambassador"]
demonym = ["Kazakh", "Vietnamese"]

[fragments]
name = \'\'\'(?P<name>\\p{Lu}\\p{Ll}+(?:[ ]\\p{Lu}\\p{Ll}+)+)\'\'\'

[[rule]]
id = "en.officials.demo"
before = \'\'\'(?<![\\p{L}])(?:(?i:the)[ ])?(?P<title>\\L<demonym>[ ])?\'\'\'
trigger = \'\'\'(?P<title>(?P<role>\\L<role>))\'\'\'
after = \'\'\'[ ]{name}\'\'\'
'''


def book(tmp_path, body=PACK, stem="officials", spec=officials.SPEC):
    """The book of one rule file alone (no built-in rules under it)."""
    d = tmp_path / "pack"
    (d / "en").mkdir(parents=True, exist_ok=True)
    (d / "en" / f"{stem}.toml").write_text(body, encoding="utf-8")
    return rulebook.compile_book("en", stem, spec, (d,))


def demo(b):
    return next(r for r in b.rules if r.id == "en.officials.demo")


def test_before_is_part_of_the_match_and_a_group_spans_the_parts(tmp_path):
    b = book(tmp_path)
    text = "Yesterday the Kazakh Prime Minister Olzhas Bektenov arrived."
    (m,) = [m for m in matching.run(b, text) if m.rule.id == "en.officials.demo"]
    assert text[m.start:m.end] == "the Kazakh Prime Minister Olzhas Bektenov"
    assert text[slice(*m.spans["title"])] == "Kazakh Prime Minister"
    assert m.parts["name"] == "Olzhas Bektenov"


def test_a_trigger_opening_with_a_list_is_anchored_and_finds_what_a_scan_finds(tmp_path):
    b = book(tmp_path)
    trigger = next(t for t in b.triggers if demo(b) in [b.rules[i] for i in t.rules])
    assert trigger.anchors == {"minister", "prime", "ambassador"}
    words = ["the", "Kazakh", "Prime", "Minister", "Ambassador", "Olzhas", "Bektenov", "met", "Vietnamese", ",", "."]
    rng = random.Random(7)
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(30))
        positions = matching.WordIndex(text).anchored(b).get(b.triggers.index(trigger), [])
        anchored = list(matching.hits(trigger, text, positions))
        scanned = list(trigger.regex.finditer(text, overlapped=True))
        assert [h.span() for h in anchored] == [h.span() for h in scanned]


def test_a_look_behind_in_before_is_context_only(tmp_path):
    lines = PACK.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("before ="))
    lines[at] = 'before = """(?<=\\\\L<demonym>[ ])"""'
    b = book(tmp_path, "\n".join(lines))
    assert demo(b).before == "(?<=\\L<demonym>[ ])"
    text = "the Kazakh Minister Olzhas Bektenov; a Minister Ab Cd"
    found = [text[m.start:m.end] for m in matching.run(b, text) if m.rule.id == "en.officials.demo"]
    assert found == ["Minister Olzhas Bektenov"]


@pytest.mark.parametrize("trigger, anchored", [
    (r"(?P<role>(?i:\L<role>))", True),
    (r"(?P<role>\L<role>|\L<demonym>)\s+x", True),
    (r"\b\L<role>\b", True),
    (r"(?P<role>\L<role>)?x", False),            # optional: may start anywhere
    (r"(?:\L<role>|foo)", False),                # another branch
    (r"(?:(?:\L<role>)\.?,?\s+)?(?P<role>x)", False),
    (r"(?<=a)\L<role>", False),                  # a look-behind first: belongs in before
    (r"\d+\s*\L<role>", False),
    (r"\b(?:\L<role>)\s+\d{4}|\bQ[1-4]\s+\d{4}", False),   # a branch that opens otherwise
    (r"\b(?:\L<role>)\s+[|(]\d", True),                     # a bar inside a class is no branch
])
def test_only_the_documented_form_is_anchored(trigger, anchored):
    lists = {"role": ["Minister"], "demonym": ["Kazakh"]}
    assert (rulebook._anchors(trigger, lists) is not None) == anchored


def test_a_group_wrapping_lists_reads_their_values(tmp_path):
    body = '''
[lists.to_verb]
pledged = "pledge"
plans = "plan"

[lists.that_verb]
proposed = "proposal"

[[rule]]
id = "en.commitments.demo"
trigger = \'\'\'(?P<modality>\\L<to_verb>|\\L<that_verb>)\'\'\'
after = \'\'\'\\s+to\'\'\'
'''
    from factx.extractors import commitments

    b = book(tmp_path, body, "commitments", commitments.SPEC)
    got = {m.parts["modality"] for m in matching.run(b, "Kazakhstan pledged to help; Astana plans to go") if m.rule.id == "en.commitments.demo"}
    assert got == {"pledge", "plan"}


def test_the_old_pattern_key_is_an_error_that_names_the_migration(tmp_path):
    with pytest.raises(PatternError, match="factx rules migrate"):
        book(tmp_path, '[[rule]]\nid = "en.dates.x"\npattern = \'\'\'(?P<year>\\d{4})\'\'\'\n', "dates", dates.SPEC)


def test_a_multi_line_pattern_drops_line_breaks_and_indentation():
    assert rulebook.joined("\n  (?:a\n  |b)\n") == "(?:a|b)"
    assert rulebook.joined("a b") == "a b"


def _brute_settle(candidates):
    """The first, quadratic definition: longest first, first rule on a tie, vetoes win."""
    vetoes = [c for c in candidates if c.veto]
    kept, dropped = [], []
    for c in sorted((c for c in candidates if not c.veto), key=lambda c: (-(c.end - c.start), c.start, c.order)):
        if any(v.start < c.end and c.start < v.end for v in vetoes) or any(k.start < c.end and c.start < k.end for k in kept):
            dropped.append(c)
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end)), dropped


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12), st.integers(0, 5), st.booleans()), max_size=40))
def test_settle_keeps_exactly_what_the_quadratic_definition_keeps(spans):
    cands = [Candidate("date", f"r{o}", s, s + n, veto=v and o == 0, order=o) for s, n, o, v in spans]
    kept, dropped = matching.settle(cands)
    want_kept, want_dropped = _brute_settle(cands)
    assert [id(c) for c in kept] == [id(c) for c in want_kept]
    assert {id(c) for c, _ in dropped} == {id(c) for c in want_dropped}


def test_rules_check_catches_a_list_trigger_that_also_matches_mid_word(tmp_path):
    from factx import rulecheck

    body = PACK + 'counter_examples = ["The ExMinister Ab Cd came."]\n'
    (error,) = rulecheck.anchor_errors(book(tmp_path, body))
    assert error.rule_id == "en.officials.demo" and "Minister" in str(error)
    fixed = body.replace("trigger = \'\'\'(?P<title>", "trigger = \'\'\'\\b(?P<title>")
    assert fixed != body
    assert rulecheck.anchor_errors(book(tmp_path, fixed)) == []


def test_a_list_trigger_is_tried_where_a_word_starts_with_an_entry(tmp_path):
    b = book(tmp_path)
    trigger = next(t for t in b.triggers if demo(b) in [b.rules[i] for i in t.rules])
    text = "Ambassadors met; Prime Ministers too"
    positions = matching.WordIndex(text).anchored(b)[b.triggers.index(trigger)]
    anchored = [h.group() for h in matching.hits(trigger, text, positions)]
    scanned = [h.group() for h in trigger.regex.finditer(text, overlapped=True)]
    assert anchored == scanned == ["Ambassador", "Prime Minister", "Minister"]


def test_before_never_consumes_the_rules_previous_match(tmp_path):
    body = PACK.replace("(?:[ ]\\p{Lu}\\p{Ll}+)+", "[ ]\\p{Lu}\\p{Ll}+")
    assert body != PACK
    b = book(tmp_path, body)
    text = "Minister Ab Kazakh Minister Cd Ef"
    found = [text[m.start:m.end] for m in matching.run(b, text) if m.rule.id == "en.officials.demo"]
    assert found == ["Minister Ab Kazakh", "Minister Cd Ef"]


def test_a_group_repeated_by_a_quantifier_keeps_its_last_capture(tmp_path):
    body = """
[lists.t_month]
May = 5

[[rule]]
id = "en.dates.demo"
trigger = '''\\b(?:(?P<day>\\d{1,2})(?:,\\s*|\\s+and\\s+))+(?P<day_end>\\d{1,2})\\s+(?P<month>\\L<t_month>)\\s+(?P<year>\\d{4})'''
"""
    b = book(tmp_path, body, "dates", dates.SPEC)
    (m,) = matching.run(b, "on 3, 4 and 5 May 2025")
    assert (m.parts["day"], m.parts["day_end"], m.parts["month"]) == (4, 5, 5)


def test_a_trigger_may_refer_back_to_its_own_group(tmp_path):
    body = "[[rule]]\nid = \"en.dates.demo\"\ntrigger = '''\\b(?P<year>\\d{4})/(?P=year)\\b'''\n"
    b = book(tmp_path, body, "dates", dates.SPEC)
    assert [m.parts["year"] for m in matching.run(b, "in 2025/2025 and 2024/2025")] == [2025]
