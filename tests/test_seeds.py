"""End to end on the seed articles against their hand-made answers (tests/seeds.gold.json)."""

import unicodedata

import pytest

import factx


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in s if unicodedata.category(c) != "Mn").lower().split())


def date_matches(fact, gold_item):
    a, b = fold(fact.text), fold(gold_item["text"])
    values = gold_item["value"] if isinstance(gold_item["value"], list) else [gold_item["value"]]
    return (a in b or b in a) and fact.attrs["value"] in values


@pytest.fixture(scope="module")
def documents():
    from conftest import ROOT

    return {d.source.rsplit("/", 1)[-1]: d for d in factx.extract_paths([str(ROOT / "seeds")])}


def test_every_seed_is_read(documents, gold):
    assert sorted(documents) == sorted(g["source"] for g in gold["documents"])
    for g in gold["documents"]:
        assert documents[g["source"]].language == g["language"]


def test_seed_dates_are_all_found_with_no_extra(documents, gold):
    for g in gold["documents"]:
        facts = [f for f in documents[g["source"]].facts if f.type == "date"]
        required = [x for x in g["dates"] if not x.get("optional")]
        optional = [x for x in g["dates"] if x.get("optional")]
        free = list(facts)
        for item in required:
            hit = next((f for f in free if date_matches(f, item)), None)
            assert hit is not None, f"{g['source']}: missed {item}"
            free.remove(hit)
        extra = [f for f in free if not any(fold(x["text"]) in fold(f.sentence) and
                                            (fold(f.text) in fold(x["text"]) or fold(x["text"]) in fold(f.text))
                                            for x in optional)]
        assert not extra, f"{g['source']}: extra dates {[(f.text, f.attrs['value']) for f in extra]}"


def test_offsets_are_sacred(documents):
    for doc in documents.values():
        for f in doc.facts:
            assert doc.text[f.start:f.end] == f.text
            assert f.text in f.sentence and f.sentence in doc.text


def test_nfd_copy_of_the_vietnamese_seed_gives_the_same_dates(documents, tmp_path):
    from conftest import ROOT

    source = ROOT / "seeds" / "002_8f364acec43f0db1.txt"
    nfd = unicodedata.normalize("NFD", source.read_text(encoding="utf-8"))
    copy = tmp_path / source.name
    copy.write_text(nfd, encoding="utf-8")
    doc = factx.extract_file(str(copy))
    original = documents[source.name]
    assert doc.document_date == original.document_date
    assert [(f.attrs["value"], unicodedata.normalize("NFC", f.text)) for f in doc.facts] == \
        [(f.attrs["value"], f.text) for f in original.facts]
    for f in doc.facts:
        assert nfd[f.start:f.end] == f.text
