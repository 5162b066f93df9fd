"""--jobs N: the same output as --jobs 1, byte for byte, streamed; Ctrl-C ends it cleanly."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import factx
from factx import parallel
from factx.cli import cli
from factx.records import Record
from generated_news import corpus, documents

FACTX = str(Path(sys.executable).parent / "factx")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    return corpus(tmp_path_factory.mktemp("news"), 300)


@pytest.fixture(scope="module")
def some_news(tmp_path_factory) -> Path:
    return corpus(tmp_path_factory.mktemp("some-news"), 40)


def run(*args):
    result = CliRunner().invoke(cli, ["extract", *map(str, args)])
    return result.exit_code, result.stdout_bytes, result.stderr


def test_jobs_2_writes_what_jobs_1_writes_byte_for_byte(news):
    serial, two = run(news, "--format", "jsonl"), run(news, "--format", "jsonl", "--jobs", "2")
    assert serial == two
    code, out, err = two
    assert code == 1 and out.count(b"\n") == 300 and b"doc-00299.txt" in out
    assert [re.search(r"doc-\d+b\.txt", line)[0] for line in err.splitlines()] == [
        "doc-00007b.txt", "doc-00150b.txt", "doc-00299b.txt"]


@pytest.mark.parametrize("fmt", ["json", "facts", "csv"])
def test_every_format_is_the_same_through_jobs_2(some_news, fmt):
    # The writers see the same stream of documents; this checks the formats on fewer of them.
    serial, two = run(some_news, "--format", fmt), run(some_news, "--format", fmt, "--jobs", "2")
    assert serial == two and serial[0] == 1 and b"doc-00038.txt" in serial[1]


def test_jobs_2_writes_the_same_parquet_table(some_news, tmp_path):
    import pyarrow.parquet as pq

    one, two = tmp_path / "1.parquet", tmp_path / "2.parquet"
    assert run(some_news, "--format", "parquet", "-o", one)[0] == 1
    assert run(some_news, "--format", "parquet", "-o", two, "-j", "2")[0] == 1
    assert pq.read_table(one).equals(pq.read_table(two))


def test_the_seeds_give_the_same_json_through_jobs_1_and_jobs_2(seeds_dir):
    one, two = run(seeds_dir, "--format", "json"), run(seeds_dir, "--format", "json", "--jobs", "2")
    assert one == two and one[0] == 0 and one[1].count(b'"source"') == 5


def test_every_core_is_jobs_0():
    texts = documents(6)
    items = [Record(f"d{i}", t) for i, t in enumerate(texts)]
    got = [d.to_dict() for d in parallel.extract(items, 0)]
    assert got == [factx.extract(t, source=f"d{i}").to_dict() for i, t in enumerate(texts)]


def test_results_stream_before_the_input_is_read_to_its_end():
    read = []

    def records():
        for i, text in enumerate(documents(200, paragraphs=1)):
            read.append(i)
            yield Record(f"d{i}", text)

    stream = parallel.extract(records(), 2)
    first = next(stream)
    assert first.source == "d0" and len(read) <= parallel.IN_FLIGHT * 2 + 1
    stream.close()                  # a consumer that stops: the workers are ended


def test_a_bad_option_stops_the_run_as_in_a_serial_run(news):
    with pytest.raises(factx.FactxError, match="fact type 'dates'"):
        list(factx.extract_paths(news, types=["dates"], jobs=2))


@pytest.mark.parametrize("after", [0.5, 2.5])
def test_ctrl_c_ends_every_process_quietly(news, tmp_path, after):
    # A terminal's Ctrl-C reaches the whole process group: the parent and its workers.
    out = tmp_path / "out.jsonl"
    p = subprocess.Popen([FACTX, "extract", str(news), str(news), "-j", "2", "--format", "jsonl", "-o", str(out)],
                         stderr=subprocess.PIPE, start_new_session=True, cwd=ROOT)
    time.sleep(after)
    os.killpg(p.pid, signal.SIGINT)
    try:
        _, err = p.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        pytest.fail("Ctrl-C did not end the run")
    # Files read before the Ctrl-C may have said their warnings; nothing else may be said.
    assert p.returncode == 130 and not out.exists()
    assert all(line.startswith("factx: warning: ") for line in err.decode().splitlines()), err.decode()
    time.sleep(0.5)
    assert not _alive(p.pid)


def _alive(group: int) -> list[int]:
    import psutil

    return [q.pid for q in psutil.process_iter(["status"])
            if _group(q.pid) == group and q.info["status"] != psutil.STATUS_ZOMBIE]


def _group(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except OSError:
        return None
