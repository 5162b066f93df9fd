from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def gold() -> dict:
    import json

    return json.loads((ROOT / "tests" / "seeds.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_documents(seeds_dir) -> dict:
    """The seeds extracted once per test run, by file name."""
    import factx

    return {d.source.rsplit("/", 1)[-1]: d for d in factx.extract_paths([str(seeds_dir)])}


@pytest.fixture(scope="session")
def seed_report(seed_documents, gold):
    """The seeds scored against tests/seeds.gold.json (factx.evaluate, the shared scorer's rules)."""
    from factx import evaluate

    return evaluate.score(gold, [d.to_dict() for d in seed_documents.values()])


@pytest.fixture
def backtracking_pack(tmp_path) -> tuple[Path, Path]:
    """A user pack whose one date rule backtracks without end on a line of 40 ``a``s, and that
    line as a file: (pack folder, file)."""
    pack = tmp_path / "pack"
    (pack / "en").mkdir(parents=True)
    (pack / "en" / "dates.toml").write_text(
        "[[rule]]\nid = \"en.dates.slow\"\ntrigger = '''(?P<year>(?:a|a)+b)'''\n", encoding="utf-8")
    slow = tmp_path / "slow.txt"
    slow.write_text("a" * 40 + "\n", encoding="utf-8")
    return pack, slow


@pytest.fixture(autouse=True, scope="session")
def every_output_keeps_the_schema():
    """Every document and fact row any test serialises (JSON, JSONL, facts, CSV, Parquet, eval,
    in-process CLI runs) is validated against the published JSON Schema as it is made."""
    import jsonschema

    from factx import columns, facts, schema
    from factx.extractors import REGISTRY

    validators: dict = {}

    def validator(shape):
        key = (shape, tuple((t.name, tuple(t.fields.items())) for t in REGISTRY.values()))
        if key not in validators:
            validators[key] = jsonschema.Draft202012Validator(schema.schema(shape),
                                                              format_checker=jsonschema.FormatChecker())
        return validators[key]

    to_dict, rows = facts.Document.to_dict, columns.rows

    def checked_to_dict(self):
        out = to_dict(self)
        validator("document").validate(out)
        return out

    def checked_rows(doc):
        out = rows(doc)
        for row in out:
            validator("facts").validate(row)
        return out

    facts.Document.to_dict, columns.rows = checked_to_dict, checked_rows
    yield
    facts.Document.to_dict, columns.rows = to_dict, rows


@pytest.fixture(scope="session")
def chromium_command(tmp_path_factory) -> list[str]:
    """Headless Chromium with a profile of its own, for the pages' tests in a real browser.
    Skipped where chromium is missing, except on CI, which must have it (.ci/run installs it)."""
    import os
    import shutil

    chromium = shutil.which("chromium")
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing on CI: .ci/run installs it")
        pytest.skip("chromium is not installed (apt-get install -y chromium; .ci/run installs it)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            f"--user-data-dir={profile}", "--hide-scrollbars"]
