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


def test_a_pattern_that_backtracks_without_end_is_stopped_by_the_budget(tmp_path, backtracking_pack):
    pack, slow = backtracking_pack
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", "--patterns", str(pack), "--lang", "en",
                                 "--timeout-per-doc", "0.5", str(slow), str(tmp_path / "good.txt"),
                                 "--format", "jsonl"])
    assert r.exit_code == 1
    assert "slow.txt: extraction stopped after 0.5 s (--timeout-per-doc)" in r.stderr
    (doc,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert doc["source"].endswith("good.txt") and doc["facts"]


def test_links_loops_and_fifos_in_a_folder_are_named_not_skipped_silently(tmp_path):
    import os

    d = tmp_path / "news"
    d.mkdir()
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    (d / "link.txt").symlink_to("a.txt")
    (d / "broken.txt").symlink_to("nowhere.txt")
    (d / "loop1.txt").symlink_to("loop2.txt")
    (d / "loop2.txt").symlink_to("loop1.txt")
    os.mkfifo(d / "pipe.txt")
    (tmp_path / "top").symlink_to("top")
    r = CliRunner().invoke(cli, ["extract", str(d), str(tmp_path / "top"), "--format", "jsonl"])
    assert [json.loads(line)["source"] for line in r.stdout.splitlines()] == [str(d / "a.txt"), str(d / "link.txt")]
    assert f"warning: {d / 'broken.txt'}: broken symbolic link (to nowhere.txt)" in r.stderr
    assert f"warning: {d / 'loop1.txt'}: symbolic link loop" in r.stderr
    assert f"warning: {d / 'pipe.txt'}: a FIFO, not a regular file" in r.stderr
    assert f"error: {tmp_path / 'top'}: symbolic link loop" in r.stderr
    assert r.exit_code == 2
