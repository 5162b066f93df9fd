"""The terminal view of the seeds, rendered as a terminal of 80 and 120 columns would show it:
no line wider than the terminal, no word broken across lines, every fact's value in words."""

import io
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

import factx
from factx import render

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def documents():
    return [d for d in factx.extract_paths(SEEDS)]


def rendered(documents, width, **options):
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=False, color_system=None)
    sink = render.writer("table", out, console, **options)
    for doc in documents:
        sink.write(doc)
    sink.close(skipped=1)
    return out.getvalue()


WORD = re.compile(r"\w+(…)?")


def vocabulary(documents):
    """Every word the view may print whole: from the texts, values, sources, rules and headers."""
    names = [render.people(d) for d in documents]
    pieces = [d.text + " " + d.source for d in documents]
    pieces += [f"{f.type} {f.start}-{f.end} {f.rule} {render.describe(f, n)}"
               for d, n in zip(documents, names) for f in d.facts]
    pieces.append("language document date type text value header inferred documents dates money officials "
                  "commitments file skipped")
    return {m.group() for p in pieces for m in WORD.finditer(p)}


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("options", [{}, {"context": True}, {"verbose": True}])
def test_lines_fit_and_no_word_is_split(documents, width, options):
    out = rendered(documents, width, **options)
    known = vocabulary(documents)
    *lines, summary = out.splitlines()
    assert summary.startswith("5 documents:")
    for line in lines:
        assert cell_len(line) <= width, line
        for m in WORD.finditer(line):
            word, cut = m.group().rstrip("…"), m.group(1)
            assert word in known or (cut and any(k.startswith(word) for k in known)), (
                f"{word!r} is a broken word in: {line}")


def test_the_view_reads_values_in_words(documents):
    out = " ".join(re.sub(r"[│╭╮╰╯─]", " ", rendered(documents, 120)).split())
    assert "about 1,000,000,000 USD" in out
    assert "Nguyễn Văn Được · chairman" in out or "Nguyen Van Duoc · chairman" in out
    assert "He (Kanat Tumysh) → proposal → exploring a regional cooperation mechanism" in out
    assert "(due second half of 2026)" in out
    assert out.rstrip().endswith("5 documents: 26 dates, 5 money, 14 officials, 27 commitments; 1 file skipped")


def test_context_and_verbose_add_the_sentence_and_the_rule(documents):
    plain = rendered(documents[:1], 120)
    full = " ".join(re.sub(r"[│╭╮╰╯─]", " ", rendered(documents[:1], 120, context=True, verbose=True)).split())
    assert "en.dates.relative_day" not in plain and "en.dates.relative_day" in full
    assert "yesterday received Kanat Tumysh, Ambassador of Kazakhstan to Vietnam." in full
