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
