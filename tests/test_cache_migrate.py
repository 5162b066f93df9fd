"""The on-disk cache of compiled rule books, and the migration of first-format rule packs."""

import os
import pickle
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from factx import cache, rulebook
from factx.cli import cli
from factx.extractors import dates
from factx.migrate import migrate_file_text

ROOT = Path(__file__).resolve().parents[1]

OLD_PACK = '''# Budget years as ministries write them.
ref_date = "2025-12-16"

[lists]
fy = ["FY", "fiscal year"]
fy_half = { first = 1, second = 2 }

[fragments]
# a year of this century
fy_year = \'\'\'(?:19|20)\\d\\d\'\'\'

[[rule]]
# the budget year
id = "en.dates.fiscal_year"
pattern = \'\'\'\\b(?:FY\\s?|(?i:fiscal\\s+year\\s+))(?P<year>{fy_year})\\b\'\'\'
examples = [
  { text = "The FY2026 budget was approved.", match = "FY2026", value = "2026", granularity = "year" },
  { text = "spending in fiscal year 2025 rose", match = "fiscal year 2025", value = "2025" },
]
counter_examples = ["FY stands for fiscal year", "the fiscal year ends soon"]
'''


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("FACTX_CACHE_DIR", str(d))
    monkeypatch.delenv("FACTX_NO_CACHE", raising=False)
    rulebook._load_cached.cache_clear()
    rulebook._CHECKED.clear()
    yield d
    rulebook._load_cached.cache_clear()
    rulebook._CHECKED.clear()


def pack(tmp_path, text=OLD_PACK):
    d = tmp_path / "pack"
    (d / "en").mkdir(parents=True, exist_ok=True)
    (d / "en" / "dates.toml").write_text(text, encoding="utf-8")
    return d


def test_a_book_is_cached_and_loaded_back_with_the_same_rules(cache_dir, tmp_path):
    d = pack(tmp_path, migrate_file_text(OLD_PACK))
    first = rulebook.load("en", "dates", dates.SPEC, (str(d),))
    entries = list(cache_dir.glob("en-dates-*.pickle"))
    assert len(entries) == 1
    again = pickle.loads(entries[0].read_bytes())
    assert [r.id for r in again.rules] == [r.id for r in first.rules]
    text = "The FY2026 budget, 16 December 2025."
    assert [m.span() for r in again.rules for m in r.forward.finditer(text)] == \
        [m.span() for r in first.rules for m in r.forward.finditer(text)]


def test_an_edited_rule_file_gets_a_new_entry(cache_dir, tmp_path):
    d = pack(tmp_path, migrate_file_text(OLD_PACK))
    rulebook.load("en", "dates", dates.SPEC, (str(d),))
    (d / "en" / "dates.toml").write_text(migrate_file_text(OLD_PACK).replace("the budget year", "budget"), encoding="utf-8")
    rulebook._load_cached.cache_clear()
    rulebook._CHECKED.clear()
    rulebook.load("en", "dates", dates.SPEC, (str(d),))
    assert len(list(cache_dir.glob("en-dates-*.pickle"))) == 2


def test_a_corrupt_entry_is_rebuilt_silently(cache_dir):
    from factx.extractors import money

    rulebook.load("en", "money", money.SPEC)
    (entry,) = cache_dir.glob("en-money-*.pickle")
    entry.write_bytes(b"not a pickle")
    rulebook._load_cached.cache_clear()
    rulebook._CHECKED.clear()
    book = rulebook.load("en", "money", money.SPEC)
    assert book.rules and pickle.loads(entry.read_bytes()).rules


def test_no_cache_writes_nothing(cache_dir, monkeypatch):
    monkeypatch.setenv("FACTX_NO_CACHE", "1")
    rulebook.load("en", "dates", dates.SPEC)
    assert not cache_dir.exists() or not list(cache_dir.iterdir())


def test_the_cli_no_cache_flag_and_warm(cache_dir):
    runner = CliRunner()
    r = runner.invoke(cli, ["--no-cache", "rules", "warm"])
    assert r.exit_code == 0 and "caching is off" in r.output
    assert not cache_dir.exists() or not list(cache_dir.iterdir())
    import os

    os.environ.pop("FACTX_NO_CACHE", None)          # the flag set it for the process
    rulebook._load_cached.cache_clear()
    rulebook._CHECKED.clear()
    r = runner.invoke(cli, ["rules", "warm"])
    assert r.exit_code == 0 and "8 rule books compiled" in r.output
    assert len(list(cache_dir.glob("*.pickle"))) == 8


def test_a_cache_key_covers_content_not_only_names(tmp_path):
    f = tmp_path / "x.toml"
    f.write_text("a", encoding="utf-8")
    k1 = cache.key("en", "dates", "spec", [f])
    f.write_text("b", encoding="utf-8")
    assert cache.key("en", "dates", "spec", [f]) != k1
    assert cache.key("en", "dates", "other spec", [f]) != cache.key("en", "dates", "spec", [f])


def test_migration_keeps_every_value_and_renames_pattern():
    new = migrate_file_text(OLD_PACK)
    old, now = tomllib.loads(OLD_PACK), tomllib.loads(new)
    assert now["lists"] == old["lists"] and now["fragments"] == old["fragments"]
    (rule,) = now["rule"]
    (was,) = old["rule"]
    assert rule["trigger"] == was["pattern"] and "pattern" not in rule
    assert rule["examples"] == was["examples"] and rule["counter_examples"] == was["counter_examples"]
    assert "# the budget year" in new and "# a year of this century" in new
    assert migrate_file_text(new) == new
    assert max(map(len, new.splitlines())) <= 100


def test_migration_splits_a_long_pattern_over_lines_that_load_back_the_same():
    long = "|".join(f"word{i}" for i in range(60))
    text = OLD_PACK.replace("(?:19|20)\\d\\d", f"(?:{long})")
    assert long in text
    new = migrate_file_text(text)
    assert max(map(len, new.splitlines())) <= 100
    assert rulebook.joined(tomllib.loads(new)["fragments"]["fy_year"]) == tomllib.loads(text)["fragments"]["fy_year"]


def test_rules_migrate_then_check_a_first_format_pack(tmp_path):
    d = pack(tmp_path)
    runner = CliRunner()
    r = runner.invoke(cli, ["rules", "check", "--patterns", str(d), "--lang", "en", "--type", "date"])
    assert r.exit_code == 2 and "factx rules migrate" in r.stderr
    assert runner.invoke(cli, ["rules", "migrate", "--check", str(d)]).exit_code == 1
    r = runner.invoke(cli, ["rules", "migrate", str(d)])
    assert r.exit_code == 0 and "rewritten" in r.output
    assert runner.invoke(cli, ["rules", "migrate", "--check", str(d)]).exit_code == 0
    r = runner.invoke(cli, ["rules", "check", "--patterns", str(d), "--lang", "en", "--type", "date"])
    assert r.exit_code == 0, r.output


def test_rules_show_prints_parts_fragments_and_lists():
    r = CliRunner().invoke(cli, ["rules", "show", "en.dates.half_of_year", "--depth", "2"])
    assert r.exit_code == 0
    assert "trigger" in r.output and "lists:" in r.output and "expanded:" in r.output
    r = CliRunner().invoke(cli, ["rules", "show", "en.dates.nope"])
    assert r.exit_code == 2 and "en.dates.nope: no such rule" in r.stderr


def _rules_of(text):
    from factx.migrate import migrate

    new, _ = migrate(text)
    data = tomllib.loads(new)
    return new, data, [{k: (rulebook.joined(v) if k == "trigger" else v) for k, v in r.items()} for r in data["rule"]]


def test_a_space_before_a_cut_is_kept():
    pattern = "\\b(?i:the\\s+)?(?:" + "|".join(f"Minister{i}" for i in range(12)) + ") (?P<year>\\d{4})"
    text = f"[[rule]]\nid = \"en.dates.x\"\npattern = '''{pattern}'''\n"
    new, _, (rule,) = _rules_of(text)
    assert rule["trigger"] == tomllib.loads(text)["rule"][0]["pattern"]
    assert all(line == line.rstrip() for line in new.splitlines())


def test_a_multi_line_first_format_pattern_keeps_its_meaning_or_is_refused():
    from factx.migrate import migrate

    plain = "[[rule]]\nid = \"en.dates.x\"\npattern = '''(?P<year>\\d{4})\n\\s+AD'''\n"
    _, _, (rule,) = _rules_of(plain)
    import regex

    assert regex.search(rule["trigger"], "built in 1250\n AD").group() == "1250\n AD"
    verbose = "[[rule]]\nid = \"en.dates.x\"\npattern = '''(?x)\n  (?P<year>\\d{4})   # the year\n  \\s+AD'''\n"
    with pytest.raises(ValueError, match="verbose"):
        migrate(verbose)


@pytest.mark.parametrize("text", [
    "[[rule]]\nid = \"en.dates.x\"\npattern = \"(?P<year>\\\\d{4})'''x\"\n",                       # ''' inside
    "ref_date = 2025-01-01\n[[rule]]\nid = \"en.dates.x\"\npattern = '''(?P<year>\\d{4})'''\n",      # a TOML date
    "[lists]\nmonth.jan = 1\nmonth.feb = 2\n[[rule]]\nid = \"en.dates.x\"\npattern = '''(?P<year>\\d{4})'''\n"
    "defaults.month = 1\ndefaults.day = 1\n",                                                       # dotted keys
    "[lists.month]\njan = 1\n[[rule]]\nid = \"en.dates.x\"\npattern = '''(?P<year>\\d{4}\\x7f)'''\n"
    "[[rule.examples]]\ntext = \"in 2025\"\n",                                                      # 0.1 tables, DEL
])
def test_odd_first_format_files_are_rewritten_to_the_same_data(text):
    from factx.migrate import migrate

    new, _ = migrate(text)
    old = tomllib.loads(text)
    now = tomllib.loads(new)
    assert [r.get("pattern") for r in old["rule"]] == [rulebook.joined(r["trigger"]) for r in now["rule"]]
    assert {k: v for k, v in old.items() if k != "rule"} == {k: v for k, v in now.items() if k != "rule"}
    assert migrate(new)[0] == new


def test_the_built_in_rule_files_need_no_migration():
    from factx.migrate import migrate

    for f in rulebook.builtin_dir().rglob("*.toml"):
        text = f.read_text(encoding="utf-8")
        assert migrate(text)[0] == text, f


def test_a_book_compiled_again_after_an_edit_compiles_only_the_changed_rule(cache_dir, tmp_path, monkeypatch):
    import regex

    from factx.extractors import money

    d = tmp_path / "edit"
    (d / "en").mkdir(parents=True)
    rule = "\n".join(['[[rule]]', 'id = "en.money.extra"', "trigger = '{}'", r"after = '\s*(?P<currency>tenge)'", ""])
    (d / "en" / "money.toml").write_text(rule.format(r"(?P<amount>\d+)"), encoding="utf-8")
    first = rulebook.load("en", "money", money.SPEC, (str(d),))
    assert first.rules[-1].forward.match("5 tenge").group() == "5 tenge"

    rulebook._compiled.cache_clear()             # a new process: nothing compiled in memory
    rulebook._REUSABLE.clear()
    (d / "en" / "money.toml").write_text(rule.format(r"(?P<amount>\d{1,3})"), encoding="utf-8")
    compiled = []
    real = regex.compile
    monkeypatch.setattr(rulebook.regex, "compile", lambda *a, **k: compiled.append(a[0]) or real(*a, **k))
    second = rulebook.load("en", "money", money.SPEC, (str(d),))
    assert len(second.rules) == len(first.rules) and len(list(cache_dir.glob("en-money-*.pickle"))) == 2
    assert compiled and all(r"\d{1,3}" in source for source in compiled)    # only the edited rule's patterns
    assert second.rules[-1].forward.match("123 tenge").group() == "123 tenge"
    assert [r.forward.pattern for r in second.rules[:-1]] == [r.forward.pattern for r in first.rules[:-1]]


def test_a_temporary_file_left_by_a_killed_write_is_cleared_later(cache_dir, tmp_path):
    import os
    import time

    from factx import cache

    cache_dir.mkdir(parents=True)
    stale, fresh = cache_dir / ".en-dates-abc.x1.tmp", cache_dir / ".en-dates-abc.x2.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    old = time.time() - cache.STALE_TMP - 10
    os.utime(stale, (old, old))
    cache.put("en-dates-def", {"a": 1})
    assert not stale.exists() and fresh.exists() and cache.get("en-dates-def") == {"a": 1}


def test_compiling_a_book_is_a_notice_at_a_terminal_only(cache_dir, tmp_path, caplog):
    import shutil
    import subprocess
    import sys

    from factx.extractors import money

    with caplog.at_level("INFO", logger="factx"):
        rulebook.load("en", "money", money.SPEC)
    assert "compiling the en money rules" in caplog.text
    caplog.clear()
    with caplog.at_level("INFO", logger="factx"):
        rulebook.load("en", "money", money.SPEC)            # cached now: nothing to say
    assert "compiling" not in caplog.text

    factx = str(Path(sys.executable).parent / "factx")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["FACTX_CACHE_DIR"] = str(tmp_path / "fresh")
    seed = str(ROOT / "seeds" / "000_1b9531123ad11ac5.txt")
    piped = subprocess.run([factx, "extract", "--types", "money", seed], capture_output=True, text=True, env=env)
    assert piped.returncode == 0 and "compiling" not in piped.stderr       # a pipeline's stderr: errors only
    if shutil.which("script") is None:
        pytest.skip("no `script` for a pseudo-terminal")
    env["FACTX_CACHE_DIR"] = str(tmp_path / "fresh2")
    tty = subprocess.run(["script", "-qec", f"{factx} extract --types money {seed}", "/dev/null"],
                         capture_output=True, text=True, env=env)
    assert "factx: compiling the en money rules" in tty.stdout
