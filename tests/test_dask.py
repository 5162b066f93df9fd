"""--engine dask on a real local cluster (two worker processes): the parts, concatenated, are
the serial run's JSON Lines; --resume finishes a run that died; factx.dask.extract_bag."""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import factx
from factx.cli import cli
from generated_news import corpus, documents

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    return corpus(tmp_path_factory.mktemp("news"), 60)


def run(*args):
    result = CliRunner().invoke(cli, ["extract", *map(str, args)])
    return result.exit_code, result.stdout_bytes, result.stderr


def parts(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.glob("part-*.jsonl")))


def on_dask(cluster, paths, out, *more):
    return run(*paths, "--engine", "dask", "--scheduler", cluster.scheduler_address, "-o", out, *more)


def test_the_parts_are_the_serial_output_and_bad_files_are_reported(cluster, news, tmp_path):
    code, _, err = on_dask(cluster, [news], tmp_path / "out", "--partition-size", "16")
    serial_code, serial, serial_err = run(news, "--format", "jsonl")
    assert parts(tmp_path / "out") == serial and code == serial_code == 1
    assert sorted(err.splitlines()) == sorted(serial_err.splitlines()) and "binary file" in err
    assert len(list((tmp_path / "out").glob("part-*.jsonl"))) == 4          # 63 files in 16s


def test_resume_writes_only_the_missing_parts(cluster, news, tmp_path):
    out = tmp_path / "out"
    first = on_dask(cluster, [news], out, "--partition-size", "16")
    # The run "died" while writing part 2 (a temporary file left) and before part 3.
    (out / "part-00002.jsonl").rename(out / "part-00002.jsonl.123.tmp")
    (out / "part-00003.jsonl").unlink()
    kept = {p.name: p.stat().st_mtime_ns for p in out.glob("part-0000[01].jsonl")}
    assert on_dask(cluster, [news], out, "--partition-size", "16")[0] == 2       # not without --resume
    resumed = on_dask(cluster, [news], out, "--partition-size", "16", "--resume")
    assert resumed[0] == first[0] == 1, resumed[2]
    assert sorted(resumed[2].splitlines()) == sorted(first[2].splitlines())
    assert parts(out) == run(news, "--format", "jsonl")[1]
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("part-0000[01].jsonl")} == kept
    code, _, err = on_dask(cluster, [news], out, "--partition-size", "8", "--resume")
    assert code == 2 and "other inputs or options" in err


def test_the_seeds_give_the_same_documents_through_dask_and_jobs_1(cluster, seeds_dir, tmp_path):
    assert on_dask(cluster, [seeds_dir], tmp_path / "out")[0] == 0
    assert parts(tmp_path / "out") == run(seeds_dir, "--format", "jsonl", "--jobs", "1")[1]


def test_extract_bag(cluster):
    import dask.bag as db

    from factx.dask import extract_bag

    texts = documents(6)
    with distributed.Client(cluster):
        got = extract_bag(db.from_sequence(texts, npartitions=2), ref_date="2025-12-16").compute()
    assert got == [factx.extract(t, ref_date="2025-12-16").to_dict() for t in texts]


@pytest.mark.parametrize("args, message", [
    (["--engine", "dask"], "give -o OUTDIR/"),
    (["--engine", "dask", "-o", "x", "--format", "csv"], "not csv"),
    (["--engine", "dask", "-o", "x", "-j", "2"], "--jobs"),
    (["--resume"], "only with --engine dask"),
])
def test_options_that_do_not_go_with_the_engine(seeds_dir, args, message):
    code, _, err = run(seeds_dir, *args)
    assert code == 2 and message in err


def test_a_killed_run_resumes_to_the_same_output(cluster, news, tmp_path):
    """A live run is killed (SIGKILL, the whole process group) once some parts are written;
    --resume finishes it with the uninterrupted run's output and no document twice."""
    import json
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    command = [sys.executable, "-m", "factx", "extract", str(news), "--engine", "dask", "--scheduler",
               cluster.scheduler_address, "-o", str(out), "--partition-size", "4"]
    p = subprocess.Popen(command, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(list(out.glob("part-*.jsonl"))) < 2 and p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    written = len(list(out.glob("part-*.jsonl")))
    assert 2 <= written
    code, _, _ = run(news, "--engine", "dask", "--scheduler", cluster.scheduler_address, "-o", out,
                     "--partition-size", "4", "--resume")
    _, serial, _ = run(news, "--format", "jsonl")
    assert code == 1 and parts(out) == serial                       # 1: the corpus has bad files
    sources = [json.loads(line)["source"] for line in parts(out).splitlines()]
    assert len(sources) == len(set(sources))
    if written < 16:                                                # killed mid-run, as meant
        assert len(list(out.glob("part-*.jsonl"))) == 16            # 63 inputs in parts of 4


def test_a_record_run_ends_with_the_serial_summary_line_resumed_too(cluster, tmp_path):
    records = tmp_path / "news.jsonl"
    records.write_text("".join(f'{{"text": "Vietnam pledged {n} million USD in May 2026."}}\n' for n in range(1, 6))
                       + "{not json\n", encoding="utf-8")
    serial = run(records, "--format", "jsonl")
    summary = "factx: 6 records read, 5 extracted, 1 skipped"
    assert summary in serial[2]
    out = tmp_path / "out"
    code, _, err = on_dask(cluster, [records], out, "--partition-size", "2")
    assert code == serial[0] == 1 and summary in err
    (out / "part-00001.jsonl").unlink()
    code, _, err = on_dask(cluster, [records], out, "--partition-size", "2", "--resume")
    assert code == 1 and summary in err
