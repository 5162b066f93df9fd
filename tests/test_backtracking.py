"""The reading of user patterns that may backtrack without end (``rules check`` warns)."""

import pytest
from click.testing import CliRunner

from factx.backtracking import warnings
from factx.cli import cli


@pytest.mark.parametrize("pattern, why", [
    (r"(?:a|a)+b", "two branches match 'a'"),
    (r"(?:[ab]|[ab])+", "two branches match 'a'"),
    (r"(\w+\s?)+", "is one repetition and also several"),
    (r"(?:a*b?)*", "is one repetition and also several"),
    (r"(?:a|aa)+", "'aa' is one repetition and also several"),
    (r"(?P<name>(?:\w|\d)+)", "two branches match '1'"),
    (r"x(?:\d+)*y", "is one repetition and also several"),
])
def test_ambiguous_repeated_groups_are_flagged(pattern, why):
    (warning,) = warnings(pattern)
    assert why in warning


@pytest.mark.parametrize("pattern", [
    r"(?:a|b)+", r"(?:foo|bar)*", r"\d+(?:,\d+)*", r"(?P<x>[a-z]+,)*", r"(?:\p{Lu}\p{Ll}+\s?)+",
    r"(?:\w++\s?)+",          # possessive inner repeat gives nothing back
    r"(?>\w+\s?)+",           # an atomic group neither
    r"(?:\w+\s?)++",          # nor a possessive outer repeat
    r"(?:\w+\s?){0,7}",       # a bounded repeat stays polynomial
    r"(?:x(?>a+))+",
])
def test_unambiguous_or_bounded_groups_are_not(pattern):
    assert warnings(pattern) == []


def test_rules_check_warns_about_a_user_pattern_and_trusts_built_in_fragments(tmp_path):
    Q = "'" * 3
    pack = tmp_path / "pack" / "en"
    pack.mkdir(parents=True)
    (pack / "dates.toml").write_text(
        f"[[rule]]\nid = \"en.dates.slow\"\ntrigger = {Q}(?P<year>(?:a|a)+b){Q}\n\n"
        f"[[rule]]\nid = \"en.dates.shared\"\ntrigger = {Q}(?P<year>\\d{{4}}){{sp}}{{numeric_year}}{Q}\n",
        encoding="utf-8")
    r = CliRunner().invoke(cli, ["rules", "check", "--patterns", str(tmp_path / "pack"), "--lang", "en",
                                 "--type", "date", "--format", "github"])
    warned = [line for line in r.stdout.splitlines() if line.startswith("::warning")]
    assert len(warned) == 1
    assert "title=en.dates.slow::trigger: (?:a|a)+: two branches match 'a'" in warned[0]
    assert f"file={pack / 'dates.toml'},line=2" in warned[0]
