"""`factx eval` (same figures as the shared scorer) and `factx explain`."""

import json
import subprocess
import sys

from click.testing import CliRunner

from conftest import ROOT
from factx.cli import cli

SCORER = ROOT / "tests" / "reference" / "score.py"      # a copy of ../shared/tools/score.py
GOLD = str(ROOT / "tests" / "seeds.gold.json")


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_eval_prints_the_shared_scorers_figures(tmp_path):
    pred = tmp_path / "pred.json"
    pred.write_text(run("extract", str(ROOT / "seeds"), "--format", "json").stdout, encoding="utf-8")
    shared = subprocess.run([sys.executable, str(SCORER), "--gold", GOLD, "--pred", str(pred), "--json"],
                            capture_output=True, text=True, check=True)
    ours = run("eval", "--gold", GOLD, str(ROOT / "seeds"), "--format", "json")
    assert json.loads(ours.stdout) == json.loads(shared.stdout)
    table = subprocess.run([sys.executable, str(SCORER), "--gold", GOLD, "--pred", str(pred)],
                           capture_output=True, text=True, check=True).stdout
    assert run("eval", "--gold", GOLD, str(ROOT / "seeds")).stdout == table


def test_min_f1_bars():
    assert run("eval", "--gold", GOLD, str(ROOT / "seeds"), "--min-f1", "date=0.95").exit_code == 0
    r = run("eval", "--gold", GOLD, str(ROOT / "seeds"), "--min-f1", "date=1.01")
    assert r.exit_code == 1 and "below the bar: date F1" in r.stderr


def test_errors_lists_misses(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"documents": [{"source": "a.txt", "language": "en",
                                               "dates": [{"text": "in 1959", "value": "1959"}]}]}))
    (tmp_path / "a.txt").write_text("The ministry reported a record year for trade and tourism.")
    r = run("eval", "--gold", str(gold), str(tmp_path / "a.txt"), "--errors")
    assert 'MISS  a.txt date: {"text": "in 1959", "value": "1959"}' in r.stdout


def test_explain_shows_facts_drops_and_vetoes():
    r = run("explain", "Trade rose in the first half of 2023, after the Covid-19 pandemic.", "--lang", "en")
    out = r.stdout
    assert r.exit_code == 0
    assert "fact" in out and "en.dates.half_of_year" in out and "2023-H1" in out
    assert "overlaps longer en.dates.half_of_year" in out
    assert "veto" in out and "Covid-19" in out


def test_explain_needs_text_or_file():
    assert run("explain").exit_code == 2


def test_eval_takes_a_ref_date_like_extract(tmp_path):
    """Gold made with --ref-date is scored with the same document date."""
    (tmp_path / "a.txt").write_text("Yesterday the ministers met.", encoding="utf-8")
    gold = {"documents": [{"source": "a.txt", "language": "en",
                           "dates": [{"text": "Yesterday", "value": "2025-12-15"}]}]}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    with_date = run("eval", "--gold", str(tmp_path / "gold.json"), str(tmp_path / "a.txt"), "--format", "json",
                    "--ref-date", "2025-12-16")
    without = run("eval", "--gold", str(tmp_path / "gold.json"), str(tmp_path / "a.txt"), "--format", "json")
    assert json.loads(with_date.stdout)["date"]["tp"] == 1 and json.loads(without.stdout)["date"]["tp"] == 0


def test_eval_types_scores_only_those_types(tmp_path):
    """A gold set made for dates alone: the amount in its text is not an extra with --types date."""
    (tmp_path / "a.txt").write_text("On 3 May 2026 the bank lent $2 million to the port.", encoding="utf-8")
    gold = {"documents": [{"source": "a.txt", "language": "en", "dates": [{"text": "3 May 2026", "value": "2026-05-03"}]}]}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    args = ("eval", "--gold", str(tmp_path / "gold.json"), str(tmp_path / "a.txt"), "--format", "json")
    every = json.loads(run(*args).stdout)
    dates = json.loads(run(*args, "--types", "date").stdout)
    assert every["money"]["fp"] == 1 and every["macro_f1"] < 1.0
    assert set(dates) == {"date", "date:en", "macro_f1"} and dates["macro_f1"] == 1.0
