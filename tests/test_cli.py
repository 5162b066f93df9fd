"""The command line, through Click's CliRunner: formats, options, bad inputs, exit codes."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from factx.cli import cli

EN = "Kazakhstan plans to co-host a business forum in May or June 2026."


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "en.txt").write_text(" date 2025-12-16 " + EN, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "vi.txt").write_text("Ngày 15/12, hai bên đã ký kết. Tháng 7 năm nay.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("The report was published in May 2025 by the ministry.", encoding="utf-8")
    return tmp_path


def test_json_is_an_array_of_documents_from_folders_recursively(corpus):
    r = run("extract", str(corpus), "--format", "json")
    assert r.exit_code == 0, r.stderr
    docs = json.loads(r.stdout)
    assert [d["source"].rsplit("/", 1)[-1] for d in docs] == ["en.txt", "vi.txt"]
    assert docs[0]["document_date"] == {"value": "2025-12-16", "origin": "header"}
    assert [(f["type"], f["text"]) for f in docs[0]["facts"]] == [("commitment", "plans"), ("date", "May or June 2026")]
    assert docs[0]["facts"][1]["value"] == "2026-05/2026-06"
    assert docs[1]["language"] == "vi"


def test_json_is_the_default_when_not_a_terminal(corpus):
    assert json.loads(run("extract", str(corpus / "en.txt")).stdout)[0]["language"] == "en"


def test_jsonl_one_document_per_line(corpus):
    lines = run("extract", str(corpus), "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["facts"] for line in lines)


def test_csv_has_a_column_per_field(corpus):
    rows = list(csv.DictReader(io.StringIO(run("extract", str(corpus), "--format", "csv").stdout)))
    pledge = rows[0]
    assert pledge["type"] == "commitment" and (pledge["actor"], pledge["modality"], pledge["due"]) == (
        "Kazakhstan", "plan", "2026-05/2026-06")
    assert pledge["amount"] == pledge["value"] == ""                  # fields of other types stay empty
    assert rows[1]["type"] == "date" and rows[1]["value"] == "2026-05/2026-06"
    assert {r["value"] for r in rows} >= {"XXXX-12-15", "XXXX-07"}   # vi.txt has no document date

    text = "Bilateral trade reached about US$1.5 billion, Prime Minister Olzhas Bektenov said."
    rows = list(csv.DictReader(io.StringIO(run("extract", "-", "--format", "csv", "--lang", "en", input=text).stdout)))
    money = next(r for r in rows if r["type"] == "money")
    assert (money["amount"], money["currency"], money["approximate"]) == ("1500000000", "USD", "true")
    person = next(r for r in rows if r["type"] == "official")
    assert (person["key"], person["role"]) == ("olzhas bektenov", "prime_minister")
    assert json.loads(person["mentions"])[0]["text"] == "Prime Minister Olzhas Bektenov"


def test_table_shows_source_language_date_and_values(corpus):
    r = run("extract", str(corpus / "en.txt"), "--format", "table")
    assert "en.txt" in r.stdout and "2025-12-16 (header)" in r.stdout and "May – June 2026" in r.stdout


def test_glob_option(corpus):
    docs = json.loads(run("extract", str(corpus), "--glob", "*.md").stdout)
    assert [d["facts"][0]["value"] for d in docs] == ["2025-05"]


def test_stdin_lang_ref_date_and_types():
    r = run("extract", "-", "--lang", "vi", "--ref-date", "2026-01-02", "--types", "date", input="Ngày 30/12, hai bên họp.")
    doc = json.loads(r.stdout)[0]
    assert doc["source"] == "-" and doc["document_date"]["origin"] == "option"
    assert doc["facts"][0]["value"] == "2025-12-30"


def test_output_file(corpus, tmp_path):
    out = tmp_path / "out.json"
    r = run("extract", str(corpus / "en.txt"), "-o", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))[0]["facts"]


def test_missing_path_is_a_usage_error_but_the_rest_is_printed(corpus):
    r = run("extract", str(corpus / "nope.txt"), str(corpus / "en.txt"))
    assert r.exit_code == 2
    assert "nope.txt: no such file or directory" in r.stderr
    assert len(json.loads(r.stdout)) == 1
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("content, problem", [
    (b"\x00\x01\x02binary\x00", "binary file"),
    (b"caf\xe9 au lait", "not valid UTF-8 (byte 0xe9 at offset 3)"),
    ("Hôm qua".encode("utf-16"), "UTF-16 text"),
])
def test_bad_file_warns_names_it_and_the_others_still_print(corpus, content, problem):
    bad = corpus / "bad.txt"
    bad.write_bytes(content)
    r = run("extract", str(bad), str(corpus / "en.txt"))
    assert r.exit_code == 1
    assert f"warning: {bad}: {problem}" in r.stderr
    assert len(json.loads(r.stdout)) == 1


def test_too_large_file(corpus):
    big = corpus / "big.txt"
    big.write_bytes(b"a" * (1024 * 1024 + 1))
    r = run("extract", str(big), "--max-size", "1")
    assert r.exit_code == 1 and "larger than the 1 MB limit" in r.stderr


def test_empty_file_is_a_document_with_no_facts(corpus):
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    r = run("extract", str(corpus / "empty.txt"))
    assert r.exit_code == 0 and r.stderr == ""
    assert json.loads(r.stdout)[0]["facts"] == []


def test_other_language_is_und_with_a_warning(corpus):
    (corpus / "de.txt").write_text("Der Minister traf gestern den Botschafter in Berlin.", encoding="utf-8")
    r = run("extract", str(corpus / "de.txt"))
    assert r.exit_code == 0
    assert json.loads(r.stdout)[0]["language"] == "und"
    assert "language is not English or Vietnamese" in r.stderr


@pytest.mark.parametrize("args, message", [
    (["--ref-date", "16/12/2025"], "is not a date in YYYY-MM-DD form"),
    (["--types", "weather"], "--types: unknown fact type 'weather'"),
    (["--format", "xml"], "--format: 'xml' is not one of"),
    (["--lang", "fr"], "--lang: unknown language 'fr'"),
])
def test_bad_options_exit_2_with_one_clear_message(corpus, args, message):
    r = run("extract", str(corpus), *args)
    assert r.exit_code == 2 and message in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.startswith("factx: error: ") and "Usage:" not in r.stderr


def test_version_and_help_with_examples():
    assert run("--version").stdout.startswith("factx, version ")
    for args in ([], ["extract"]):
        out = run(*args, "--help").stdout
        assert "Example:" in out


@pytest.mark.parametrize("glob, message", [
    ("/etc/*.txt", "must name files inside the folders given"),
    ("../*.txt", "must name files inside the folders given"),
    ("", "--glob is empty"),
])
def test_a_glob_outside_the_folders_or_empty_is_a_usage_error(seeds_dir, glob, message):
    r = CliRunner().invoke(cli, ["extract", str(seeds_dir), "--glob", glob])
    assert r.exit_code == 2 and message in r.output and "Traceback" not in r.output


def test_closed_stdin_is_one_line_and_the_other_files_are_read(seeds_dir):
    import os
    import subprocess
    import sys

    files = sorted(str(p) for p in seeds_dir.glob("*.txt"))[:2]
    r = subprocess.run([sys.executable, "-m", "factx", "extract", files[0], "-", files[1], "--format", "jsonl"],
                       capture_output=True, text=True, preexec_fn=lambda: os.close(0))   # as `<&-`
    assert r.returncode == 1
    assert "-: standard input is closed" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stdout.splitlines()) == 2


def test_output_into_a_missing_folder_is_one_line(seeds_dir, tmp_path):
    r = CliRunner().invoke(cli, ["extract", str(seeds_dir), "-o", str(tmp_path / "nope" / "out.json")])
    assert r.exit_code == 2 and "the folder" in r.output and "does not exist" in r.output
    assert "Traceback" not in r.output


def test_output_is_replaced_only_when_the_run_ends(seeds_dir, tmp_path, monkeypatch):
    from factx import pipeline

    out = tmp_path / "facts.json"
    out.write_text("[]\n", encoding="utf-8")
    real = pipeline.extract_paths

    def interrupted(*args, **kwargs):
        for i, item in enumerate(real(*args, **kwargs)):
            if i == 2:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(pipeline, "extract_paths", interrupted)
    r = CliRunner().invoke(cli, ["extract", str(seeds_dir), "-o", str(out), "--format", "json"])
    assert r.exit_code == 130
    assert out.read_text(encoding="utf-8") == "[]\n"                  # the old file, whole
    assert [p.name for p in tmp_path.iterdir()] == ["facts.json"]     # no temporary left behind
    monkeypatch.setattr(pipeline, "extract_paths", real)
    r = CliRunner().invoke(cli, ["extract", str(seeds_dir), "-o", str(out), "--format", "json"])
    assert r.exit_code == 0 and len(json.loads(out.read_text(encoding="utf-8"))) == 5


def test_a_full_disk_and_a_closed_pipe_are_one_line(seeds_dir):
    import os
    import subprocess
    import sys

    seed = str(sorted(seeds_dir.glob("*.txt"))[0])
    if os.path.exists("/dev/full"):
        r = subprocess.run([sys.executable, "-m", "factx", "extract", seed, "-o", "/dev/full", "--format", "json"],
                           capture_output=True, text=True)
        assert r.returncode == 1 and "cannot write /dev/full: No space left on device" in r.stderr
        assert "Traceback" not in r.stderr
    p = subprocess.Popen([sys.executable, "-m", "factx", "extract", str(seeds_dir), "--format", "table"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "80"})
    p.stdout.readline()
    p.stdout.close()                                                  # as `| head -1`
    assert p.wait() == 0 and b"Traceback" not in p.stderr.read()
