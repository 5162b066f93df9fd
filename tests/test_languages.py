"""A language is a folder: tests/languages/de (German) is added with no code, and everything
that reads a language follows it. Also the parts of the language registry that a script other
than Latin needs: name keys that keep its marks, sentences without case."""

from pathlib import Path

import pytest

import factx
from factx import language, nlp, rulecheck
from factx.errors import FactxError
from factx.normalize import names, numbers

PACK = str(Path(__file__).parent / "languages")
GERMAN = ("Am 16. Dezember 2025 trafen sich die Außenminister beider Länder in Berlin. Der Handel zwischen "
          "den beiden Staaten erreichte im vergangenen Jahr 1,5 Milliarden Euro, und für das Forum im Mai 2026 "
          "sind weitere Verträge über 250.000 US-Dollar geplant.")


def test_the_languages_are_the_folders_with_a_language_file():
    assert list(language.available()) == ["en", "vi"]
    found = language.available([PACK])
    assert list(found) == ["en", "vi", "de"]
    assert (found["de"].name, found["de"].thousands, found["de"].decimal) == ("German", ".", ",")


def test_a_pack_language_is_detected_and_read_by_its_own_rules():
    doc = factx.extract(GERMAN, patterns=[PACK])
    assert doc.language == "de" and doc.document_date.value == "2025-12-16"
    assert [(f.type, f.text) for f in doc.facts] == [
        ("date", "16. Dezember 2025"), ("money", "1,5 Milliarden Euro"), ("date", "Mai 2026"),
        ("money", "250.000 US-Dollar")]
    assert [f.attrs.get("amount") for f in doc.facts if f.type == "money"] == [1500000000, 250000]
    assert all(f.text == GERMAN[f.start:f.end] for f in doc.facts)


def test_without_the_pack_german_is_no_language_of_ours():
    doc = factx.extract(GERMAN)
    assert doc.language == "und" and doc.language_confidence == 0.0 and not doc.facts
    assert "language is not English or Vietnamese" in doc.warnings[0]
    with pytest.raises(FactxError, match="unsupported language 'de'"):
        factx.extract(GERMAN, lang="de")


def test_numbers_follow_the_language_file():
    language.available([PACK])
    assert numbers.parse("1.250.000,5", "de") == numbers.parse("1,250,000.5", "en")
    assert numbers.parse("1,5", "de") == numbers.parse("1.5", "en")


def test_the_pack_rules_are_checked_like_built_in_ones():
    run = rulecheck.check_all((PACK,), lang="de")
    assert run.ok and not run.errors
    assert {o.rule_id for o in run.outcomes} == {"de.dates.day_month_year", "de.dates.month_year",
                                                 "de.money.amount_currency"}


@pytest.mark.parametrize("name, key", [
    ("Nguyễn Văn Được", "nguyen van duoc"),
    ("Kassym-Jomart Tokayev", "kassym jomart tokayev"),
    ("สมชาย วงศ์สวัสดิ์", "สมชาย วงศ์สวัสดิ์"),          # Thai vowels and tone marks are letters of the name
    ("नरेन्द्र मोदी", "नरेन्द्र मोदी"),
    ("Йорданов", "йорданов"),                            # й is a letter, not и with an accent
])
def test_name_keys_fold_latin_diacritics_only(name, key):
    assert names.key(name) == key


def test_sentences_without_case_end_at_every_stop():
    text = "He came. then we left."
    assert len(nlp.sentences(text, cased=True).spans) == 1          # "then" goes on the sentence
    assert len(nlp.sentences(text, cased=False).spans) == 2
    hindi = "वह आया। हम चले गए।"
    assert [hindi[s:e] for s, e in nlp.sentences(hindi, cased=False).spans] == ["वह आया।", "हम चले गए।"]


def test_the_cli_accepts_a_pack_language_only_with_its_pack():
    from click.testing import CliRunner

    from factx.cli import cli

    with_pack = CliRunner().invoke(cli, ["extract", "-", "--lang", "de", "--patterns", PACK, "--format", "jsonl"],
                                   input=GERMAN)
    assert with_pack.exit_code == 0, with_pack.stderr
    assert '"1,5 Milliarden Euro"' in with_pack.stdout
    without = CliRunner().invoke(cli, ["extract", "-", "--lang", "de"], input=GERMAN)
    assert without.exit_code == 2 and "unknown language 'de'" in without.stderr


def test_the_library_refuses_a_folder_that_is_no_pack(tmp_path):
    with pytest.raises(FactxError, match="no such folder"):
        factx.extract(GERMAN, patterns=[str(tmp_path / "missing")])
    with pytest.raises(FactxError, match="not a rule pack"):
        factx.extract(GERMAN, patterns=[str(tmp_path)])
