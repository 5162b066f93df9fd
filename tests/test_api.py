"""The library API: pure functions returning Documents in the SPEC's shape."""

import json
import subprocess
import sys

import pytest

import factx


def test_extract_returns_a_document_in_the_spec_shape():
    doc = factx.extract("Kazakhstan plans to co-host a forum in May or June 2026.", ref_date="2025-12-16")
    d = doc.to_dict()
    assert list(d) == ["source", "language", "language_confidence", "document_date", "facts"]
    assert d["language"] == "en" and d["document_date"] == {"value": "2025-12-16", "origin": "option"}
    commitment, fact = d["facts"]
    assert commitment == {"type": "commitment", "text": "plans", "start": 11, "end": 16,
                          "sentence": "Kazakhstan plans to co-host a forum in May or June 2026.",
                          "rule": "en.commitments.to_infinitive", "trigger": "plans", "modality": "plan",
                          "actor": "Kazakhstan", "actor_text": "Kazakhstan",
                          "action": "to co-host a forum in May or June 2026", "due": "2026-05/2026-06",
                          "due_begin": "2026-05-01", "due_end": "2026-06-30"}
    assert fact == {"type": "date", "text": "May or June 2026", "start": 39, "end": 55,
                    "sentence": "Kazakhstan plans to co-host a forum in May or June 2026.",
                    "rule": "en.dates.month_alternative_year", "value": "2026-05/2026-06",
                    "granularity": "interval", "relative": False,
                    "value_begin": "2026-05-01", "value_end": "2026-06-30"}
    json.dumps(d)


def test_types_filter_and_unknown_type():
    assert factx.extract("in May 2025", lang="en", types=["date"]).facts
    with pytest.raises(factx.FactxError, match="not available"):
        factx.extract("in May 2025", lang="en", types=["weather"])


def test_bad_reference_date_is_a_factx_error():
    with pytest.raises(factx.FactxError, match="YYYY-MM-DD"):
        factx.extract("today", ref_date="16/12/2025")


def test_extract_paths_streams_documents_and_errors(tmp_path):
    (tmp_path / "a.txt").write_text("It happened in May 2025.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"caf\xe9 in May 2025")
    results = list(factx.extract_paths([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert isinstance(results[0], factx.Document) and results[0].facts[0].attrs["value"] == "2025-05"
    assert isinstance(results[1], factx.SourceError) and "not valid UTF-8" in results[1].problem
    assert isinstance(results[2], factx.SourceError) and results[2].kind == "missing"


def test_bom_is_removed_and_offsets_stay_exact(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffHôm qua, hai bên đã ký.".encode("utf-8"))
    doc = factx.extract_file(str(p), ref_date="2025-12-16")
    assert doc.text.startswith("Hôm")
    assert [(f.text, f.start) for f in doc.facts] == [("Hôm qua", 0)]


def test_importing_factx_does_not_import_spacy():
    code = "import sys, factx; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_library_arguments_are_checked_with_factx_errors():
    import pytest
    from pathlib import Path

    for bad in (None, b"bytes", 5):
        with pytest.raises(factx.FactxError, match="text must be a str"):
            factx.extract(bad)
    with pytest.raises(factx.FactxError, match="reference date"):
        factx.extract("Yesterday the minister met them.", ref_date=20251216)
    seed = Path(__file__).parents[1] / "seeds" / "000_1b9531123ad11ac5.txt"
    for given in (str(seed), seed, [seed]):            # one path, never the characters of one
        (doc,) = list(factx.extract_paths(given))
        assert doc.source == str(seed) and isinstance(doc.source, str)
