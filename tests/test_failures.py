"""A failure stays where it happened: one fact, or one document, never the run."""

import json

from click.testing import CliRunner

import factx
from factx import pipeline
from factx.cli import cli
from factx.link import spans

GOOD = "Kazakhstan plans to host a forum in May 2026, the ministry said on 16 December 2025."


def test_a_combining_mark_after_a_date_joins_the_date(tmp_path):
    # Found by fuzzing: a mark after a day-month date made the span end inside a character.
    text = "Hội nghị ngày 16/12\u0301 tại Hà Nội, ngày 16/12/2025 ở Hà Nội. Quy\u0301 I năm nay."
    doc = factx.extract(text, lang="vi")
    dates = [f for f in doc.facts if f.type == "date"]
    assert dates[0].text == "ngày 16/12\u0301"
    assert all(f.text == text[f.start:f.end] for f in doc.facts)
    assert not doc.warnings


def test_a_fact_that_cannot_map_back_is_left_out_with_a_warning(monkeypatch):
    real = spans.plain
    monkeypatch.setattr(spans, "plain", lambda s: "?" if s == "May 2026" else real(s))
    doc = factx.extract(GOOD, lang="en", source="a.txt")
    assert "May 2026" not in [f.text for f in doc.facts]
    assert "16 December 2025" in [f.text for f in doc.facts]
    assert any(w.startswith("a.txt: a date fact left out (en.dates.") for w in doc.warnings)


def test_an_internal_error_costs_one_document_and_the_json_stays_whole(tmp_path, monkeypatch):
    for name, text in (("a.txt", GOOD), ("b.txt", "BOOM " + GOOD), ("c.txt", GOOD.replace("May", "June"))):
        (tmp_path / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    alone = runner.invoke(cli, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "c.txt"), "--format", "json"])
    real = pipeline.extract

    def fragile(text, **options):
        if text.startswith("BOOM"):
            raise ZeroDivisionError("a bug")
        return real(text, **options)

    monkeypatch.setattr(pipeline, "extract", fragile)
    r = runner.invoke(cli, ["extract", str(tmp_path), "--format", "json"])
    assert r.exit_code == 1
    assert r.stdout == alone.stdout and len(json.loads(r.stdout)) == 2
    assert "b.txt: internal error: ZeroDivisionError: a bug" in r.stderr
    items = list(pipeline.extract_paths([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Document", "SourceError", "Document"]
    assert items[1].kind == "internal"
