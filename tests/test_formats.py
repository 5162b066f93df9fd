"""The data shapes: one fact per row (facts, CSV, Parquet), read by pandas and DuckDB with no
reshaping and with real types; the JSON Schema; the days a date covers."""

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import factx
from factx import schema
from factx.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = str(ROOT / "seeds")


def invoke(*args):
    r = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    return r


@pytest.fixture(scope="module")
def facts_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("out") / "facts.jsonl"
    invoke("extract", SEEDS, "--format", "facts", "-o", str(path))
    return path


@pytest.fixture(scope="module")
def parquet_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("out") / "facts.parquet"
    invoke("extract", SEEDS, "--format", "parquet", "-o", str(path))
    return path


def seed_fact_count():
    return sum(len(d.facts) for d in factx.extract_paths(SEEDS))


def test_facts_format_is_one_fact_per_line_with_its_document(facts_file):
    rows = [json.loads(line) for line in facts_file.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == seed_fact_count()
    money = next(r for r in rows if r["type"] == "money" and r["text"] == "US$1.5 billion")
    assert (money["amount"], money["currency"], money["document_date"], money["document_date_origin"]) == (
        1500000000, "USD", "2023-11-21", "header")
    assert money["source"].endswith("001_eadff2bc69aa7235.txt") and money["language"] == "en"


def test_pandas_reads_the_facts_lines_as_they_are(facts_file):
    pd = pytest.importorskip("pandas")
    df = pd.read_json(facts_file, lines=True)
    assert len(df) == seed_fact_count()
    officials = df[df["type"] == "official"]
    assert "nguyen van duoc" in set(officials["key"])


def test_duckdb_reads_facts_and_parquet_with_typed_columns(facts_file, parquet_file):
    duckdb = pytest.importorskip("duckdb")
    for source in (f"read_json_auto('{facts_file}')", f"read_parquet('{parquet_file}')"):
        types = dict(duckdb.sql(f"select column_name, column_type from (describe select * from {source})").fetchall())
        assert types["due_end"] == "DATE" and types["value_begin"] == "DATE" and types["approximate"] == "BOOLEAN"
        assert duckdb.sql(f"select count(*) from {source}").fetchall()[0][0] == seed_fact_count()
        due = duckdb.sql(f"select actor, due, due_begin, due_end from {source} "
                         "where type = 'commitment' and year(due_end) = 2026 order by due_begin").fetchall()
        assert [(a, d) for a, d, _, _ in due] == [("Kazakhstan", "2026-05/2026-06"), ("Kazakh airlines", "2026-H2")]
        assert str(due[0][2]) == "2026-05-01" and str(due[0][3]) == "2026-06-30"


def test_parquet_keeps_amounts_exact_and_types_real(parquet_file):
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(parquet_file)
    assert str(table.schema.field("amount").type) == "decimal128(38, 6)"
    assert str(table.schema.field("amount_max").type) == "decimal128(38, 6)"
    # a document date may be known to the month or year only ("2026-03"): a string, not date32
    assert str(table.schema.field("document_date").type) == "string"
    assert str(table.schema.field("value_begin").type) == "date32[day]"
    amounts = [a for a in table.column("amount").to_pylist() if a is not None]
    assert Decimal("1500000000") in amounts
    mentions = next(m for m in table.column("mentions").to_pylist() if m)
    assert set(mentions[0]) == {"text", "start", "end"}


def test_parquet_amount_with_cents_is_not_rounded(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    (tmp_path / "a.txt").write_text("Exports reached US$4,286,668,470,037.40 last year.", encoding="utf-8")
    invoke("extract", str(tmp_path / "a.txt"), "--lang", "en", "--format", "parquet", "-o", str(tmp_path / "a.parquet"))
    amounts = [a for a in pq.read_table(tmp_path / "a.parquet").column("amount").to_pylist() if a is not None]
    assert amounts == [Decimal("4286668470037.400000")]


def test_csv_columns_can_be_picked_and_ordered():
    out = invoke("extract", SEEDS, "--format", "csv", "--columns", "type,amount,currency,due_end").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["type", "amount", "currency", "due_end"]
    assert ("money", "1500000000", "USD", "") in {tuple(r.values()) for r in rows}
    assert ("commitment", "", "", "2026-12-31") in {tuple(r.values()) for r in rows}


def test_bad_columns_and_parquet_to_a_terminal_are_refused():
    r = CliRunner().invoke(cli, ["extract", SEEDS, "--format", "csv", "--columns", "type,amout"])
    assert r.exit_code == 2 and "did you mean 'amount'?" in r.stderr
    r = CliRunner().invoke(cli, ["extract", SEEDS, "--format", "parquet"])
    assert r.exit_code == 2 and "give -o FILE" in r.stderr
    r = CliRunner().invoke(cli, ["extract", SEEDS, "--format", "json", "--columns", "type"])
    assert r.exit_code == 2 and "only for --format csv or parquet" in r.stderr
    r = CliRunner().invoke(cli, ["extract", SEEDS, "--engine", "dask", "-o", "facts/", "--columns", "type"])
    assert r.exit_code == 2 and "only for --format csv or parquet" in r.stderr     # not ignored by dask


@pytest.mark.parametrize("value, begin, end", [
    ("2025-12-16", "2025-12-16", "2025-12-16"),
    ("2026-H2", "2026-07-01", "2026-12-31"),
    ("2026-Q1", "2026-01-01", "2026-03-31"),
    ("2026-05/2026-06", "2026-05-01", "2026-06-30"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2011", "2011-01-01", "2011-12-31"),
    ("XXXX-05-06", None, None),
    ("XXXX-12-15/2026-01", None, "2026-01-31"),
])
def test_every_date_covers_its_first_and_last_day(value, begin, end):
    from factx.normalize import periods

    assert periods.days(value, "value") == {"value_begin": begin, "value_end": end}


def test_date_facts_and_dues_carry_their_days():
    doc = factx.extract("Kazakhstan plans to co-host a forum in the second half of 2026.", lang="en",
                        ref_date="2025-12-16")
    date = next(f for f in doc.facts if f.type == "date")
    pledge = next(f for f in doc.facts if f.type == "commitment")
    assert (date.attrs["value_begin"], date.attrs["value_end"]) == ("2026-07-01", "2026-12-31")
    assert (pledge.attrs["due_begin"], pledge.attrs["due_end"]) == ("2026-07-01", "2026-12-31")


def test_the_schema_is_valid_published_and_strict():
    jsonschema = pytest.importorskip("jsonschema")
    for shape in ("document", "facts"):
        jsonschema.Draft202012Validator.check_schema(schema.schema(shape))
    printed = json.loads(invoke("schema").stdout)
    shipped = json.loads((ROOT / "src" / "factx" / "factx.schema.json").read_text(encoding="utf-8"))
    assert printed == shipped == schema.schema(), "src/factx/factx.schema.json is stale: factx schema > it"
    doc = factx.extract("Trade reached US$1 billion in 2025.", lang="en").to_dict()
    validator = jsonschema.Draft202012Validator(shipped)
    validator.validate(doc)
    doc["facts"][0]["surprise"] = 1
    assert not validator.is_valid(doc)
    del doc["facts"][0]["surprise"]
    doc["facts"][0]["start"] = "3"
    assert not validator.is_valid(doc)


def test_to_dataframe_has_every_column_with_real_dtypes(tmp_path):
    pytest.importorskip("pandas")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00binary")
    frame = factx.to_dataframe(factx.extract_paths([SEEDS, str(tmp_path / "bad.txt")]))
    assert len(frame) == seed_fact_count()
    assert str(frame["start"].dtype) == "Int64" and str(frame["approximate"].dtype) == "boolean"
    assert str(frame["due_end"].dtype).startswith("datetime64") and str(frame["key"].dtype).startswith("string")
    money = frame[frame["type"] == "money"]
    assert all(isinstance(a, Decimal) for a in money["amount"])
    assert money.groupby("currency")["amount"].sum().to_dict() == {"USD": Decimal(1504610900000)}
    due_2026 = frame[(frame["type"] == "commitment") & (frame["due_end"].dt.year == 2026)]
    assert set(due_2026["actor"]) == {"Kazakhstan", "Kazakh airlines"}


def test_fact_value_reads_each_types_main_value():
    doc = factx.extract("Prime Minister Olzhas Bektenov said trade reached US$1.5 billion in 2025 and "
                        "pledged to open a route.", lang="en", ref_date="2025-12-16")
    assert {f.type: f.value for f in doc.facts} == {
        "official": "olzhas bektenov", "money": 1500000000, "date": "2025", "commitment": "to open a route"}
