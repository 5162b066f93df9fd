"""The README's library example runs and prints what the README says it prints."""

import re
from pathlib import Path

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_the_library_example_prints_its_comments():
    block = README.split("## Library", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    first = block.split("for item in", 1)[0]              # the part that needs no news/ folder
    code = "\n".join(line for line in first.splitlines() if not line.startswith("#"))
    printed: list[str] = []
    exec(code, {"print": lambda *a: printed.append(" ".join(map(str, a)))})
    promised = [re.sub(r"\s+\(.*\)$", "", line[2:]).strip() for line in first.splitlines() if line.startswith("# ")]
    assert printed == promised


def test_the_output_example_is_what_extract_prints():
    import json

    from click.testing import CliRunner

    from factx.cli import cli

    section = README.split("### Output", 1)[1]
    text = re.search(r'^"(.+)" prints:$', section, re.M).group(1)
    shown = json.loads(section.split("```json", 1)[1].split("```", 1)[0])
    printed = CliRunner().invoke(cli, ["extract", "-", "--ref-date", "2025-12-16", "--format", "json"], input=text)
    assert json.loads(printed.stdout) == shown
