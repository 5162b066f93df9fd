"""The reference scorer copy is the shared one, when the shared folder is beside this checkout."""

import pytest

from conftest import ROOT

SHARED = ROOT.parent / "shared" / "tools" / "score.py"


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside this checkout")
def test_reference_scorer_is_current():
    assert (ROOT / "tests" / "reference" / "score.py").read_bytes() == SHARED.read_bytes()
