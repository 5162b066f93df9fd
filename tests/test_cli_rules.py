"""`factx rules list/check`: every failure reported at once, with file, line and rule id."""

from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from factx import rulecheck
from factx.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def pack(tmp_path, body, name="dates.toml"):
    d = tmp_path / "pack"
    (d / "en").mkdir(parents=True, exist_ok=True)
    (d / "en" / name).write_text(body, encoding="utf-8")
    return str(d)


GOOD = '''ref_date = "2025-12-16"

[[rule]]
id = "en.dates.fiscal_year"
trigger = \'\'\'\\bFY(?P<year>20\\d\\d)\\b\'\'\'
examples = [{ text = "the FY2026 budget", match = "FY2026", value = "2026" }]
counter_examples = ["FY is short for fiscal year"]
'''


def test_builtin_rules_all_pass():
    r = run("rules", "check")
    assert r.exit_code == 0, r.stdout
    assert " 0 failed" in r.stdout.splitlines()[-1]


def test_list_shows_id_file_line_and_counts():
    lines = run("rules", "list", "--lang", "en", "--type", "date").stdout
    assert "en.dates.month_day_year" in lines and "patterns/en/dates.toml:" in lines
    assert "vi.dates" not in lines


def test_user_rule_is_checked_and_listed(tmp_path):
    d = pack(tmp_path, GOOD)
    assert run("rules", "check", "--patterns", d).exit_code == 0
    assert "en.dates.fiscal_year" in run("rules", "list", "--patterns", d).stdout


def test_all_failures_are_reported_not_just_the_first(tmp_path):
    body = GOOD.replace('value = "2026"', 'value = "2027"').replace(
        '"FY is short for fiscal year"', '"FY2030 plan"')
    r = run("rules", "check", "--patterns", pack(tmp_path, body))
    assert r.exit_code == 1
    assert "the FY2026 budget" in r.stdout and "FY2030 plan" in r.stdout
    assert "pack/en/dates.toml:6" in r.stdout and "pack/en/dates.toml:7" in r.stdout
    assert "2 failed" in r.stdout


@pytest.mark.parametrize("pattern, problem", [
    (r"\bFY(?P<year>20\d\d\b", "pattern does not compile"),
    (r"\bFY20\d\d\b", "pattern needs one of the groups"),
    (r"\bFY(?P<year>\L<fy>)\b", "unknown list(s): fy"),
    (r"\bFY(?P<year>{fy})\b", "unknown fragment {fy}"),
])
def test_broken_rule_gives_one_error_with_file_line_and_id(tmp_path, pattern, problem):
    body = GOOD.replace(r"\bFY(?P<year>20\d\d)\b", pattern)
    r = run("rules", "check", "--patterns", pack(tmp_path, body))
    assert r.exit_code == 2                 # a file that cannot load: as in every command
    assert f"pack/en/dates.toml:4 [en.dates.fiscal_year]: {problem}" in r.stderr
    assert r.stderr.startswith("factx: error: ")


def test_duplicate_id_and_malformed_toml(tmp_path):
    r = run("rules", "check", "--patterns", pack(tmp_path, GOOD + GOOD.split("\n", 1)[1]))
    assert r.exit_code == 2 and "duplicate rule id" in r.stderr
    r = run("rules", "check", "--patterns", pack(tmp_path, "[[rule]\n"))
    assert r.exit_code == 2 and "pack/en/dates.toml:1: malformed TOML" in r.stderr


def test_xfail_is_listed_and_xpass_fails(tmp_path):
    gap = GOOD.replace('value = "2026" }', 'value = "2027", xfail = "FY ends in the next calendar year" }')
    r = run("rules", "check", "--patterns", pack(tmp_path, gap))
    assert r.exit_code == 0 and "Known gaps" in r.stdout
    wrong_gap = GOOD.replace('value = "2026" }', 'value = "2026", xfail = "thought broken" }')
    r = run("rules", "check", "--patterns", pack(tmp_path, wrong_gap))
    assert r.exit_code == 1 and "marked xfail" in r.stdout


def test_junit_is_xml_with_one_testcase_per_example(tmp_path):
    d = pack(tmp_path, GOOD.replace('value = "2026"', 'value = "2027"'))
    r = run("rules", "check", "--patterns", d, "--format", "junit")
    suite = ET.fromstring(r.stdout)
    n = sum(len(rule.examples) + len(rule.counter_examples)
            for _, book in rulecheck.books((d,)) for rule in book.rules)
    assert len(suite.findall("testcase")) == n
    failed = [c for c in suite.findall("testcase") if c.find("failure") is not None]
    assert [c.get("classname") for c in failed] == ["en.dates.fiscal_year"]
    assert suite.get("failures") == "1"


def test_github_annotations(tmp_path):
    d = pack(tmp_path, GOOD.replace('value = "2026"', 'value = "2027"'))
    r = run("rules", "check", "--patterns", d, "--format", "github")
    errors = [line for line in r.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1
    assert errors[0].startswith("::error file=") and "pack/en/dates.toml,line=6,title=en.dates.fiscal_year::" in errors[0]
