from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture
def gold() -> dict:
    import json

    return json.loads((ROOT / "tests" / "seeds.gold.json").read_text(encoding="utf-8"))
