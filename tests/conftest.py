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
