"""A new fact type is one FactType and its rule files: registered, it reaches every output.

The dummy type here (percentages) is written the way the README's "Adding a fact type"
section says; nothing else in factx is touched, and its facts must show up in JSON, the
table, CSV, ``eval`` and ``rules check``.
"""

import csv
import io
import json

import pytest
from click.testing import CliRunner

import factx
from factx import rulebook
from factx.cli import cli
from factx.evaluate import overlap
from factx.extractors import REGISTRY, register
from factx.facttype import FactType, Scoring
from factx.matching import Candidate

RULES = """
[[rule]]
id = "en.percentages.percent"
trigger = '''(?P<number>\\d+(?:\\.\\d+)?)\\s?(?:%|per\\s?cent\\b)'''
counter_examples = ["a 100-point scale"]
[[rule.examples]]
text = "Exports grew 12.5% last year."
match = "12.5%"
percent = 12.5
"""
TEXT = "Bilateral trade grew 12.5% in 2025, and tourism 40 per cent."


def _candidates(book, matches, reading):
    return [Candidate("percentage", m.rule.id, m.start, m.end, veto=m.rule.veto, order=i,
                      attrs={} if m.rule.veto else {"percent": float(m.parts["number"])})
            for i, m in enumerate(matches)]


PERCENTAGE = FactType(
    name="percentage", stem="percentages",
    spec=rulebook.Spec(groups=frozenset({"number"}), required_any=frozenset({"number"}),
                       example_keys=frozenset({"percent"})),
    candidates=_candidates,
    fields={"percent": "decimal"},
    main="percent",
    title="Percentages",
    describe=lambda attrs, people: f"{attrs['percent']:g} per cent",
    scoring=Scoring("percentages", ("text", "percent"),
                    match=lambda p, g: overlap(p.get("text"), g["text"]) and p.get("percent") == g["percent"],
                    detect=lambda p, g: overlap(p.get("text"), g["text"])),
)


@pytest.fixture
def pack(tmp_path):
    (tmp_path / "pack" / "en").mkdir(parents=True)
    (tmp_path / "pack" / "en" / "percentages.toml").write_text(RULES, encoding="utf-8")
    before = dict(REGISTRY)
    register(PERCENTAGE)
    yield str(tmp_path / "pack")
    REGISTRY.clear()
    REGISTRY.update(before)


def invoke(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_a_registered_type_gives_json_facts(pack):
    doc = factx.extract(TEXT, lang="en", patterns=[pack])
    found = [(f.text, f.attrs["percent"]) for f in doc.facts if f.type == "percentage"]
    assert found == [("12.5%", 12.5), ("40 per cent", 40.0)]
    assert {f.type for f in doc.facts} == {"percentage", "date"}
    only = factx.extract(TEXT, lang="en", patterns=[pack], types=["percentage"])
    assert [f.to_dict()["percent"] for f in only.facts] == [12.5, 40.0]


def test_a_registered_type_in_the_table_and_csv(pack):
    table = invoke("extract", "-", "--lang", "en", "--patterns", pack, "--format", "table", input=TEXT).stdout
    assert "12.5 per cent" in table and "40 per cent" in table and "2 percentages" in table
    rows = list(csv.DictReader(io.StringIO(
        invoke("extract", "-", "--lang", "en", "--patterns", pack, "--format", "csv", input=TEXT).stdout)))
    assert [(r["type"], r["text"], r["percent"]) for r in rows if r["type"] == "percentage"] == [
        ("percentage", "12.5%", "12.5"), ("percentage", "40 per cent", "40.0")]


def test_a_registered_type_in_eval_and_types_option(pack, tmp_path):
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    gold = {"documents": [{"source": "doc.txt", "language": "en",
                           "percentages": [{"text": "12.5%", "percent": 12.5}, {"text": "40 per cent", "percent": 41}]}]}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    r = invoke("eval", "--gold", str(tmp_path / "gold.json"), str(tmp_path / "doc.txt"), "--lang", "en",
               "--patterns", pack, "--format", "json")
    score = json.loads(r.stdout)["percentage"]
    assert (score["tp"], score["fp"], score["fn"]) == (1, 1, 1)
    out = invoke("extract", "-", "--lang", "en", "--patterns", pack, "--types", "percentage", "--format", "jsonl",
                 input=TEXT).stdout
    assert [f["type"] for f in json.loads(out)["facts"]] == ["percentage", "percentage"]


def test_a_registered_type_has_its_rules_checked(pack):
    r = invoke("rules", "check", "--patterns", pack, "--type", "percentage", "--format", "junit")
    assert r.exit_code == 0
    assert 'name="en.percentages.percent' in r.stdout and "<failure" not in r.stdout
    listed = invoke("rules", "list", "--patterns", pack, "--type", "percentage").stdout
    assert "en.percentages.percent" in listed


def test_a_type_must_come_after_what_it_needs():
    with pytest.raises(ValueError, match="needs"):
        register(FactType(name="x", stem="x", spec=None, candidates=_candidates, fields=(), title="X",
                          describe=str, main="x", scoring=PERCENTAGE.scoring, needs=("nothing-such",)))
