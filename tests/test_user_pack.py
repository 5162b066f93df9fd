"""The worked pack in examples/user-pack does what its README says, through the CLI."""

import json
from pathlib import Path

from click.testing import CliRunner

from factx.cli import cli

PACK = Path(__file__).parent.parent / "examples" / "user-pack"
DOCS = str(PACK / "docs")


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def facts(*extra):
    out = run("extract", "--format", "json", "--types", "date,money,official", *extra, DOCS)
    assert out.exit_code == 0, out.output
    return {(f["type"], f["text"]): f for d in json.loads(out.stdout) for f in d["facts"]}


def test_pack_passes_rules_check():
    r = run("rules", "check", "--patterns", str(PACK))
    assert r.exit_code == 0, r.stdout
    assert " 0 failed" in r.stdout.splitlines()[-1]


def test_pack_rule_is_listed_with_its_file():
    r = run("rules", "list", "--patterns", str(PACK), "--type", "date", "--lang", "en")
    assert any("en.dates.nauryz" in line and "user-pack" in line for line in r.stdout.splitlines())


def test_pack_changes_extraction():
    before, after = facts(), facts("--patterns", str(PACK))
    for key in [("money", "5 billion drams"), ("money", "֏800 million"),
                ("money", "30 tỷ dram Armenia"), ("official", "Yerbolat Dossayev"),
                ("date", "Nauryz 2025")]:
        assert key not in before and key in after, key
    assert after[("money", "5 billion drams")]["currency"] == "AMD"
    assert after[("money", "30 tỷ dram Armenia")]["amount"] == 30_000_000_000
    official = after[("official", "Yerbolat Dossayev")]
    assert (official["role"], official["country"]) == ("mayor", "KZ")
    assert after[("date", "Nauryz 2025")]["value"] == "2025-03-22"
    # The built-in rules still work under the pack.
    assert after[("date", "Monday")]["value"] == "2025-12-15"
    assert after[("date", "FY2026")]["value"] == before[("date", "FY2026")]["value"] == "2026"


def test_pack_meets_its_bar_on_its_gold_and_the_built_ins_do_not():
    args = ["eval", "--gold", str(PACK / "gold.json"), "--min-f1", "0.9"]
    assert run(*args, "--patterns", str(PACK), DOCS).exit_code == 0
    assert run(*args, DOCS).exit_code == 1
