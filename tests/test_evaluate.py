"""factx's scorer gives the same figures as the shared scorer on the same output."""

import json
import subprocess
import sys


from conftest import ROOT
from factx import evaluate

SCORER = ROOT / "tests" / "reference" / "score.py"      # a copy of ../shared/tools/score.py

GOLD = {"documents": [{"source": "a.txt", "language": "en",
                       "dates": [{"text": "May 2025", "value": ["2025-05"]},
                                 {"text": "yesterday", "value": ["2025-12-15"]},
                                 {"text": "later this year", "value": ["2025"], "optional": True}],
                       "money": [{"text": "US$1 billion", "amount": 1e9, "currency": "USD", "approximate": True}],
                       "officials": [{"key": ["to lam"], "name": "To Lam", "role": ["general_secretary"], "country": "VN"}],
                       "commitments": []}]}
PRED = [{"source": "x/a.txt", "facts": [
    {"type": "date", "text": "May 2025", "value": "2025-05"},
    {"type": "date", "text": "yesterday", "value": "2025-12-14"},
    {"type": "date", "text": "this year", "value": "XXXX"},
    {"type": "date", "text": "1959", "value": "1959"},
    {"type": "money", "text": "US$1 billion", "amount": 1000000000, "currency": "USD", "approximate": False},
    {"type": "official", "text": "To Lam", "key": "to lam", "role": "president", "country": "VN",
     "mentions": [{"text": "To Lam"}]}]}]


def test_tallies_and_problems():
    report = evaluate.score(GOLD, PRED)
    date = report.tallies["date"]
    assert (date.tp, date.fp, date.fn, date.detected) == (1, 2, 1, 2)   # wrong value and 1959 are extras
    assert report.tallies["money"].attrs == {"approximate": [0, 1]}
    assert report.tallies["official"].attrs == {"role": [0, 1], "country": [1, 1]}
    kinds = sorted((p.kind, p.type) for p in report.problems)
    assert kinds == [("ATTR", "money"), ("ATTR", "official"), ("EXTRA", "date"), ("EXTRA", "date"), ("MISS", "date")]


def test_same_figures_as_the_shared_scorer(tmp_path):
    gold, pred = tmp_path / "gold.json", tmp_path / "pred.json"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    pred.write_text(json.dumps(PRED), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    assert evaluate.score(GOLD, PRED).summary() == json.loads(out.stdout)


def test_a_gold_entry_missing_what_scoring_reads_is_named():
    import pytest

    from factx import evaluate

    gold = {"documents": [{"source": "a.txt", "money": [{"text": "US$1 billion", "currency": "USD"}]}]}
    with pytest.raises(ValueError, match="a.txt: money entry 1 lacks 'amount'"):
        evaluate.check_gold(gold)
    evaluate.check_gold({"documents": [{"source": "a.txt", "dates": [{"text": "May", "value": "XXXX-05"}]}]})
