"""Rule files are checked when loaded; each broken form names file, line and rule id."""

import pytest

import factx
from factx import rulebook
from factx.errors import PatternError
from factx.extractors import dates


def load_user(tmp_path, body, stem="dates"):
    d = tmp_path / "pack"
    (d / "en").mkdir(parents=True)
    (d / "en" / f"{stem}.toml").write_text(body, encoding="utf-8")
    return rulebook.load("en", stem, dates.SPEC, (str(d),))


RULE = '''
[[rule]]
id = "{id}"
trigger = \'\'\'{pattern}\'\'\'
'''


@pytest.mark.parametrize("body, message, rule_id, line", [
    (RULE.format(id="en.dates.bad_regex", pattern=r"(?P<year>\d{4}"), "does not compile", "en.dates.bad_regex", 3),
    (RULE.format(id="en.dates.twice", pattern=r"(?P<year>\d{4})") * 2, "duplicate rule id", "en.dates.twice", 3),
    (RULE.format(id="en.dates.no_group", pattern=r"\d{4}"), "needs one of the groups", "en.dates.no_group", 3),
    (RULE.format(id="en.dates.odd_group", pattern=r"(?P<yr>\d{4})"), "unknown group(s) yr", "en.dates.odd_group", 3),
    (RULE.format(id="en.dates.no_list", pattern=r"(?P<month>\L<months>)"), "unknown list(s): months", "en.dates.no_list", 3),
    (RULE.format(id="en.dates.no_fragment", pattern=r"(?P<year>{yyyy})"), "unknown fragment {yyyy}", "en.dates.no_fragment", 3),
    (RULE.format(id="vi.dates.wrong_lang", pattern=r"(?P<year>\d{4})"), "rule id must look like", "vi.dates.wrong_lang", 3),
    ("[fragments]\na = '''{b}'''\nb = '''{a}'''\n" + RULE.format(id="en.dates.cycle", pattern="(?P<year>{a})"),
     "fragment cycle", "en.dates.cycle", 6),
])
def test_broken_rule_is_reported_with_file_line_and_id(tmp_path, body, message, rule_id, line):
    with pytest.raises(PatternError) as e:
        load_user(tmp_path, body)
    assert message in str(e.value)
    assert e.value.rule_id == rule_id
    assert e.value.line == line
    assert e.value.file.endswith("pack/en/dates.toml")
    assert f"dates.toml:{line} [{rule_id}]" in str(e.value)


def test_malformed_toml_names_the_line(tmp_path):
    with pytest.raises(PatternError) as e:
        load_user(tmp_path, 'ref_date = "2025-01-01"\n[[rule]\nid = "x"\n')
    assert "malformed TOML" in str(e.value)
    assert e.value.line == 2


def test_example_match_must_be_inside_its_text(tmp_path):
    body = RULE.format(id="en.dates.x", pattern=r"(?P<year>\d{4})") + 'examples = [{ text = "in 2025", match = "2026" }]\n'
    with pytest.raises(PatternError, match="is not in its text"):
        load_user(tmp_path, body)


def test_user_rules_layer_over_builtin_ones(tmp_path):
    body = '''
[lists]
relday = { "the other day" = -3 }

[[rule]]
id = "en.dates.relative_day"
trigger = \'\'\'\\b(?P<relday>(?i:\\L<relday>))\\b\'\'\'

[[rule]]
id = "en.dates.fiscal_year"
trigger = \'\'\'\\bFY(?P<year>20\\d\\d)\\b\'\'\'
'''
    book = load_user(tmp_path, body)
    ids = [r.id for r in book.rules]
    assert ids.count("en.dates.relative_day") == 1
    assert "en.dates.fiscal_year" in ids and "en.dates.month_day_year" in ids
    assert book.values["relday"]["yesterday"] == -1          # lists extend
    doc = factx.extract("Budget FY2026 was set the other day.", lang="en", ref_date="2025-12-16",
                        patterns=[str(tmp_path / "pack")])
    assert [(f.text, f.attrs["value"]) for f in doc.facts] == [("FY2026", "2026"), ("the other day", "2025-12-13")]


def test_include_reads_shared_lists_from_every_layer(tmp_path, monkeypatch):
    builtin = tmp_path / "builtin"
    (builtin / "en").mkdir(parents=True)
    (builtin / "common").mkdir()
    (builtin / "common" / "words.toml").write_text('[lists]\nrelday = { "yesterday" = -1 }\n', encoding="utf-8")
    (builtin / "en" / "dates.toml").write_text(
        'include = ["common/words.toml"]\n' + RULE.format(id="en.dates.rel", pattern=r"(?P<relday>\L<relday>)"),
        encoding="utf-8")
    user = tmp_path / "user"
    (user / "common").mkdir(parents=True)
    (user / "common" / "words.toml").write_text('[lists]\nrelday = { "the other day" = -3 }\n', encoding="utf-8")
    monkeypatch.setattr(rulebook, "builtin_dir", lambda: builtin)
    book = rulebook.load("en", "dates", dates.SPEC, (str(user),))
    assert book.values["relday"] == {"yesterday": -1, "the other day": -3}


def test_shared_file_may_not_hold_rules(tmp_path, monkeypatch):
    builtin = tmp_path / "builtin"
    (builtin / "en").mkdir(parents=True)
    (builtin / "common").mkdir()
    (builtin / "common" / "bad.toml").write_text(RULE.format(id="x.y.z", pattern="a"), encoding="utf-8")
    (builtin / "en" / "dates.toml").write_text('include = ["common/bad.toml"]\n', encoding="utf-8")
    monkeypatch.setattr(rulebook, "builtin_dir", lambda: builtin)
    with pytest.raises(PatternError, match="holds only"):
        rulebook.load("en", "dates", dates.SPEC, ())




@pytest.mark.parametrize("body, message", [
    ("[rule]\nid = \"en.dates.x\"\ntrigger = '''(?P<year>\\d{4})'''\n", r"written \[\[rule\]\]"),
    ("[[rule]]\nid = \"en.dates.x\"\ntrigger = '''(?P<year>\\d{4})'''\nveto = \"no\"\n", "veto must be true or false"),
    ("include = [\"../x.toml\"]\n", "shared files live in common/"),
    ("[[rule]]\nid = \"en.dates.x\"\ntrigger = '''(?P<year>\\d{4})'''\ndefaults = { relyear = 100000000 }\n",
     "relyear = 100000000 must be .* from -9999 to 9999"),
    ("[[rule]]\nid = \"en.dates.x\"\ntrigger = '''(?P<year>\\d{4})'''\ndefaults = { relyear = 1.5 }\n",
     "relyear = 1.5 must be a word, true/false or a whole number"),
])
def test_pack_values_of_the_wrong_shape_are_clear_errors(tmp_path, body, message):
    with pytest.raises(PatternError, match=message):
        load_user(tmp_path, body)


def test_a_list_value_that_is_not_a_finite_number_is_refused(tmp_path):
    d = tmp_path / "pack"
    (d / "en").mkdir(parents=True)
    (d / "en" / "money.toml").write_text("[lists]\nscale = { zillion = inf }\n", encoding="utf-8")
    from factx.extractors import money

    with pytest.raises(PatternError, match="'zillion' must be a finite number"):
        rulebook.load("en", "money", money.SPEC, (str(d),))


def test_a_long_list_written_into_many_patterns_is_refused_before_compiling(tmp_path):
    # "place" is named by a hundred English officials patterns: 40,000 more places would be
    # about 60M characters to compile (many minutes); the pack is refused at once instead.
    from factx.extractors import officials

    (tmp_path / "common").mkdir()
    (tmp_path / "en").mkdir()
    lines = "\n".join(f'"Place Number {i}" = "VN"' for i in range(40_000))
    (tmp_path / "common" / "places.toml").write_text(f"[lists.place]\n{lines}\n", encoding="utf-8")
    with pytest.raises(PatternError, match=r"list 'place' \(40,\d{3} entries\) is written into \d+ patterns "
                                           r"of en/officials: \d+M list characters to compile, over the limit"):
        rulebook.compile_book("en", "officials", officials.SPEC, (rulebook.builtin_dir(), tmp_path))
