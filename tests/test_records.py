"""Record files: JSON Lines, CSV, TSV and Parquet, compressed or not, one document per record,
with its own id, date and language; bad records are skipped one line each, and counted."""

import bz2
import csv
import gzip
import io
import json
import lzma
import sys

import pytest
from click.testing import CliRunner

import factx
from factx import records
from factx.cli import cli
from factx.record_fields import to_date

EN = "Prime Minister Olzhas Bektenov said trade reached US$1.5 billion yesterday."
VI = "Hôm qua, Thủ tướng cho biết kim ngạch thương mại đạt 1,5 tỷ USD."
ROWS = [{"url": "https://a.example/1", "body": EN, "published_at": "2025-12-16", "lang": "en"},
        {"url": "https://a.example/2", "body": VI, "published_at": "2025-11-03", "lang": "vi"}]
FIELDS = factx.Input(text_field="body", id_field="url", date_field="published_at", lang_field="lang")


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def jsonl(rows) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def zstd(data: bytes) -> bytes:
    import zstandard

    return zstandard.ZstdCompressor().compress(data)


def write_csv(path, rows, dialect="excel"):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]), dialect=dialect)
        writer.writeheader()
        writer.writerows(rows)


def write_parquet(path, rows):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=1)


def extracted(path, options=FIELDS, **extra):
    return list(factx.extract_paths(path, input=options, **extra))


def check_the_two(docs):
    """The two ROWS, each with its id, date (origin field), language and exact offsets."""
    assert [d.source for d in docs] == [r["url"] for r in ROWS]
    assert [d.language for d in docs] == ["en", "vi"]
    assert [d.document_date.to_dict() for d in docs] == [{"value": r["published_at"], "origin": "field"}
                                                          for r in ROWS]
    for doc, row in zip(docs, ROWS):
        assert doc.text == row["body"]
        assert {f.type for f in doc.facts} >= {"date", "money"}
        for fact in doc.facts:
            assert fact.text == row["body"][fact.start:fact.end]
    yesterday = [f.value for d in docs for f in d.facts if f.type == "date"]
    assert yesterday == ["2025-12-15", "2025-11-02"]         # resolved against each record's own date


@pytest.mark.parametrize("name,pack", [
    ("news.jsonl", lambda b: b), ("news.ndjson", lambda b: b), ("news.jsonl.gz", gzip.compress),
    ("news.jsonl.bz2", bz2.compress), ("news.ndjson.xz", lzma.compress), ("news.jsonl.zst", zstd)])
def test_json_lines_plain_and_compressed(tmp_path, name, pack):
    path = tmp_path / name
    path.write_bytes(pack(jsonl(ROWS)))
    check_the_two(extracted(path))


@pytest.mark.parametrize("name,dialect,pack", [
    ("news.csv", "excel", None), ("news.tsv", "excel-tab", None), ("news.csv.gz", "excel", gzip.compress),
    ("news.tsv.xz", "excel-tab", lzma.compress)])
def test_csv_and_tsv_with_a_header_row(tmp_path, name, dialect, pack):
    plain = tmp_path / "plain"
    write_csv(plain, [{**r, "body": r["body"] + "\nSecond line, \"quoted\"\tand tabbed."} for r in ROWS], dialect)
    path = tmp_path / name
    path.write_bytes(pack(plain.read_bytes()) if pack else plain.read_bytes())
    docs = extracted(path)
    assert [d.text.split("\n")[0] for d in docs] == [r["body"] for r in ROWS]
    assert [d.document_date.value for d in docs] == [r["published_at"] for r in ROWS]


def test_parquet_read_by_batches_with_nested_fields(tmp_path):
    path = tmp_path / "news.parquet"
    write_parquet(path, [{"id": r["url"], "article": {"body": r["body"], "lang": r["lang"]},
                          "meta": {"published": r["published_at"]}, "unused": "x" * 10} for r in ROWS])
    options = factx.Input(text_field="article.body", id_field="id", date_field="meta.published",
                          lang_field="article.lang")
    check_the_two(extracted(path, options))


def test_parquet_timestamps_and_dates_are_dates(tmp_path):
    from datetime import date, datetime, timedelta, timezone

    import pyarrow as pa
    import pyarrow.parquet as pq

    zone = timezone(timedelta(hours=-5))
    table = pa.table({"text": [EN, EN], "day": pa.array([date(2025, 12, 16), date(2025, 1, 2)]),
                      "at": pa.array([datetime(2025, 12, 16, 23, 30, tzinfo=zone)] * 2,
                                     pa.timestamp("s", tz="-05:00"))})
    pq.write_table(table, tmp_path / "t.parquet")
    for field, wanted in (("day", ["2025-12-16", "2025-01-02"]), ("at", ["2025-12-16", "2025-12-16"])):
        docs = extracted(tmp_path / "t.parquet", factx.Input(date_field=field))
        assert [d.document_date.value for d in docs] == wanted
        assert [d.source for d in docs] == [f"{tmp_path / 't.parquet'}:1", f"{tmp_path / 't.parquet'}:2"]


def test_nested_dotted_fields_and_the_file_line_source(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_bytes(jsonl([{"article": {"text": EN}, "meta": {"published": "2025-12-16"}},
                            {"meta.flat": "2025-12-01", "article": {"text": EN}}]))
    first = extracted(path, factx.Input(text_field="article.text", date_field="meta.published"))
    assert first[0].source == f"{path}:1" and first[0].document_date.value == "2025-12-16"
    assert first[1].source == f"{path}:2"
    assert first[1].document_date is None or first[1].document_date.origin != "field"
    flat = extracted(path, factx.Input(text_field="article.text", date_field="meta.flat"))
    assert flat[1].document_date.to_dict() == {"value": "2025-12-01", "origin": "field"}


def test_a_numeric_id_is_the_source_and_a_missing_one_falls_back_to_file_line(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_bytes(jsonl([{"id": 17, "text": EN}, {"text": EN}, {"id": "", "text": EN}]))
    assert [d.source for d in extracted(path, factx.Input(id_field="id"))] == ["17", f"{path}:2", f"{path}:3"]


@pytest.mark.parametrize("written,day", [
    ("2025-12-16", "2025-12-16"),
    ("2025-12-16T23:30:00-05:00", "2025-12-16"),        # the date as written in its own zone, not UTC's 17th
    ("2025-12-16T01:30:00+07:00", "2025-12-16"),
    ("2025-12-16T23:30:00Z", "2025-12-16"),
    ("2025-12-16T23:30:00.123456", "2025-12-16"),
    ("2025-12-16 08:15:00", "2025-12-16"),
    (1765929600, "2025-12-17"),                         # epoch seconds, UTC
    (1765929599.5, "2025-12-16"),
    ("1765929600", "2025-12-17"),                       # as a CSV cell holds it
])
def test_date_field_forms(tmp_path, written, day):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl([{"text": EN, "date": written}]))
    [doc] = extracted(path, factx.Input(date_field="date"), ref_date="2020-01-01")
    assert doc.to_dict()["document_date"] == {"value": day, "origin": "field"}


def test_ref_date_is_the_fallback_for_records_without_a_date(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl([{"text": EN, "date": None}, {"text": EN}, {"text": EN, "date": " "},
                            {"text": EN, "date": "2025-12-16"}]))
    docs = extracted(path, factx.Input(date_field="date"), ref_date="2024-06-01")
    assert [d.document_date.to_dict() for d in docs] == [{"value": "2024-06-01", "origin": "option"}] * 3 + [
        {"value": "2025-12-16", "origin": "field"}]


def test_what_is_not_a_date():
    for value in ("soon", "2025", "16/12/2025", True, [2025], "20251301"):
        with pytest.raises(ValueError, match="is not a date"):
            to_date(value)
    with pytest.raises(ValueError, match="milliseconds"):
        to_date(1765929600000000)


def test_a_language_field_goes_before_detection_and_one_without_rules_is_und(tmp_path):
    path = tmp_path / "l.jsonl"
    path.write_bytes(jsonl([{"text": EN, "lang": "en-US"}, {"text": VI, "lang": "VI"},
                            {"text": "Bonjour, hier.", "lang": "fr"}, {"text": EN, "lang": ""}]))
    docs = extracted(path, factx.Input(lang_field="lang"))
    assert [d.language for d in docs] == ["en", "vi", "und", "en"]
    assert docs[2].facts == () and docs[2].warnings == (
        f"{path}:3: language 'fr' (language field) has no rules; no facts extracted",)


BAD = [
    ('{"text": "a", ', "not JSON: Expecting property name enclosed in double quotes (column 15)"),
    ("[1, 2]", "not a JSON object but a list"),
    ('{"body": "x"}', "no text field 'text' (fields: body); choose one with --text-field"),
    ('{"text": 42}', "text field 'text' is a number, not a string"),
    ('{"text": {"en": "x"}}', "text field 'text' is an object, not a string"),
    ('{"text": "  \\n"}', "text field 'text' is empty"),
    ('{"text": "x", "date": "next week"}', "date field 'date': 'next week' is not a date"),
    ('{"text": "x", "id": [1]}', "id field 'id' is a list, not a string or number"),
]


@pytest.mark.parametrize("line,problem", BAD)
def test_each_bad_record_is_one_line_and_exit_1_while_the_others_are_extracted(tmp_path, line, problem):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(jsonl([{"text": EN}]) + line.encode() + b"\n" + jsonl([{"text": VI}]))
    r = run("extract", path, "--date-field", "date", "--id-field", "id", "--format", "jsonl")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert lines[0].startswith(f"factx: warning: {path}:2: {problem}"), r.stderr
    assert lines[-1] == "factx: 3 records read, 2 extracted, 1 skipped"
    assert [json.loads(d)["source"] for d in r.stdout.splitlines()] == [f"{path}:1", f"{path}:3"]


def test_the_library_yields_a_bad_record_as_a_source_error_of_kind_record(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"text": "ok"}\nnope\n\n{"text": ""}\n')
    items = extracted(path, None)
    errors = [i for i in items if isinstance(i, factx.SourceError)]
    assert [(e.source, e.kind) for e in errors] == [(f"{path}:2", "record"), (f"{path}:4", "record")]
    assert [i.source for i in items if not isinstance(i, factx.SourceError)] == [f"{path}:1"]  # line 3 blank


def test_bad_utf8_and_an_overlong_line_are_bad_records(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n' + b'{"text": "' + b"x" * 3_000_000 + b'"}\n' + jsonl([{"text": EN}]))
    items = extracted(path, None, max_bytes=1024 * 1024)
    assert [str(i) for i in items[:2]] == [f"{path}:1: not valid UTF-8 (byte 0xe9 at column 14)",
                                           f"{path}:2: line larger than the 1 MB limit (--max-size)"]
    assert items[2].source == f"{path}:3"


def test_a_csv_row_number_counts_the_header_as_row_1_and_a_missing_column_refuses_the_file(tmp_path):
    path = tmp_path / "n.csv"
    write_csv(path, [{"text": EN, "d": ""}, {"text": "", "d": ""}, {"text": "line\nbreak 2025", "d": "x"},
                     {"text": EN, "d": "2025-12-16"}])
    items = extracted(path, factx.Input(date_field="d"))
    assert [str(i) if isinstance(i, factx.SourceError) else i.source for i in items] == [
        f"{path}:2", f"{path}:3: text field 'text' is empty", f"{path}:4: date field 'd': 'x' is not a date "
        "(read: YYYY-MM-DD, an ISO 8601 date-time with or without a zone, YYYY-MM-DD HH:MM:SS, epoch seconds)",
        f"{path}:5"]
    r = run("extract", path, "--text-field", "body")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [f"factx: warning: {path}: no column 'body' (--text-field); its columns: text, d",
                                     "factx: 0 records read, 0 extracted, 0 skipped; 1 file could not be read"]


def test_damaged_compressed_files(tmp_path):
    whole = gzip.compress(jsonl(ROWS * 50))
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[:len(whole) // 2])
    (tmp_path / "fake.jsonl.gz").write_bytes(b"not gzip at all\n")
    r = run("extract", tmp_path, "--glob", "*.jsonl.gz", "--text-field", "body", "--format", "jsonl")
    assert r.exit_code == 1
    assert f"factx: warning: {tmp_path / 'cut.jsonl.gz'}: cannot decompress: " in r.stderr
    assert "the rest of the file is not read" in r.stderr
    assert f"factx: warning: {tmp_path / 'fake.jsonl.gz'}: cannot decompress: Not a gzipped file" in r.stderr
    assert r.stderr.splitlines()[-1].endswith("; 2 files could not be read")


def test_zst_without_a_library_says_what_to_install(tmp_path, monkeypatch):
    path = tmp_path / "a.jsonl.zst"
    path.write_bytes(zstd(jsonl(ROWS)))
    monkeypatch.setitem(sys.modules, "zstandard", None)
    monkeypatch.setitem(sys.modules, "compression", None)
    r = run("extract", path, "--text-field", "body")
    assert r.exit_code == 2
    assert r.stderr.startswith(f"factx: error: {path}: reading .zst files needs the zstandard package: "
                               "pip install 'factx[zstd]'")


def test_a_compressed_text_file_is_one_document(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(EN.encode()))
    [doc] = factx.extract_paths(tmp_path, glob="*.txt.gz", ref_date="2025-12-16")
    assert doc.source == str(tmp_path / "a.txt.gz") and doc.text == EN


def test_the_glob_chooses_record_files_inside_folders_and_the_format_can_be_forced(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl.gz").write_bytes(gzip.compress(jsonl(ROWS[1:])))
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(jsonl(ROWS[:1])))
    (tmp_path / "notes.txt").write_text("not a record file", encoding="utf-8")
    docs = list(factx.extract_paths(tmp_path, glob="*.jsonl.gz", input=FIELDS))
    assert [d.source for d in docs] == [r["url"] for r in ROWS]
    (tmp_path / "dump.log").write_bytes(jsonl(ROWS))
    forced = factx.extract_paths(tmp_path / "dump.log", input=factx.Input("jsonl", "body", "url"))
    assert [d.source for d in forced] == [r["url"] for r in ROWS]


def test_stdin_json_lines():
    r = run("extract", "-", "--input-format", "jsonl", "--text-field", "body", "--date-field", "published_at",
            "--format", "jsonl", input=jsonl(ROWS))
    assert r.exit_code == 0, r.stderr
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [d["source"] for d in docs] == ["-:1", "-:2"]
    assert [d["document_date"]["origin"] for d in docs] == ["field", "field"]
    assert r.stderr == "factx: 2 records read, 2 extracted, 0 skipped\n"


def test_parquet_from_stdin_is_refused_with_a_reason():
    r = run("extract", "-", "--input-format", "parquet", input=b"PAR1")
    assert r.exit_code == 1
    assert "factx: warning: -: Parquet cannot be read from standard input" in r.stderr


def test_text_runs_have_no_summary_line(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    r = run("extract", tmp_path / "a.txt", "--format", "jsonl")
    assert r.exit_code == 0 and r.stderr == ""


def test_bad_field_options_are_usage_errors(tmp_path):
    r = run("extract", "-", "--text-field", "meta..body", input=b"")
    assert r.exit_code == 2
    assert r.stderr.startswith("factx: error: --text-field: 'meta..body' is not a field name")
    with pytest.raises(factx.FactxError, match="input format 'xml'"):
        factx.Input(format="xml")
    with pytest.raises(factx.FactxError, match="date_field"):
        factx.Input(date_field="")


class CountingReader(io.RawIOBase):
    """A file that counts the bytes taken from it."""

    def __init__(self, data: bytes):
        self.data, self.taken = io.BytesIO(data), 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = self.data.readinto(buffer)
        self.taken += n
        return n


def test_the_first_record_of_a_large_file_is_read_without_reading_the_file(tmp_path, monkeypatch):
    from factx import compressed

    big = jsonl([{"text": EN, "n": i} for i in range(200_000)])       # about 20 MB
    raw = CountingReader(big)

    def opened(source):
        from contextlib import contextmanager

        @contextmanager
        def one():
            yield io.BufferedReader(raw), ()
        return one()

    monkeypatch.setattr(compressed, "opened", opened)
    path = tmp_path / "big.jsonl"
    path.write_bytes(b"")
    stream = records.read([str(path)])
    first = next(stream)
    assert first.text == EN and first.source == f"{path}:1"
    assert raw.taken < 64 * 1024 < len(big)
    stream.close()

