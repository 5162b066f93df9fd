"""End to end on the seed articles against their hand-made answers (tests/seeds.gold.json)."""

import unicodedata

import pytest

import factx
from factx import evaluate


def test_every_seed_is_read(seed_documents, gold):
    assert sorted(seed_documents) == sorted(g["source"] for g in gold["documents"])
    for g in gold["documents"]:
        assert seed_documents[g["source"]].language == g["language"]


def test_seed_dates_are_all_found_with_no_extra(seed_report):
    problems = [p for p in seed_report.problems if p.type == "date"]
    assert not problems
    assert seed_report.tallies["date"].f1 == 1.0


def test_offsets_are_sacred(seed_documents):
    for doc in seed_documents.values():
        for f in doc.facts:
            assert doc.text[f.start:f.end] == f.text
            assert f.text in f.sentence and f.sentence in doc.text


def comparable(fact):
    """A fact without its offsets, every string composed: NFD and NFC input must agree on it."""
    nfc = lambda v: unicodedata.normalize("NFC", v) if isinstance(v, str) else v
    return fact.type, nfc(fact.text), {k: nfc(v) for k, v in fact.attrs.items() if k != "mentions"}


def test_nfd_copy_of_the_vietnamese_seed_gives_the_same_facts(seed_documents, seeds_dir, tmp_path):
    source = seeds_dir / "002_8f364acec43f0db1.txt"
    nfd = unicodedata.normalize("NFD", source.read_text(encoding="utf-8"))
    copy = tmp_path / source.name
    copy.write_text(nfd, encoding="utf-8")
    doc = factx.extract_file(str(copy))
    original = seed_documents[source.name]
    assert doc.document_date == original.document_date
    assert [comparable(f) for f in doc.facts] == [comparable(f) for f in original.facts]
    assert any(f.type == "date" for f in doc.facts)
    for f in doc.facts:
        assert nfd[f.start:f.end] == f.text
        for m in f.attrs.get("mentions", []):
            assert nfd[m["start"]:m["end"]] == m["text"]
