"""``factx extract --engine dask``: the inputs cut into partitions, one task and one output part
each, on a Dask cluster (one started here, or ``--scheduler``'s).

Partitions are fixed by the inputs alone (chunks of ``--partition-size`` items, in the sorted
order every run reads them), so part ``k`` of one run is part ``k`` of the next. Each part is
written under a temporary name and renamed, so a part that exists is whole: ``--resume`` skips
it and replays its log (errors and warnings), and the resumed run ends as the whole run would,
with the same output, messages and exit code. ``run.json`` records what the parts were made
from; a resume with other inputs or options is refused rather than mixed.
"""

from __future__ import annotations

import json
import os
from itertools import islice
from typing import Iterator

from . import records
from .cli_errors import CliError, Inputs
from .errors import SourceError

IN_FLIGHT = 2                   # partitions out per worker


def run(paths: list[str], glob: str, max_bytes: int, options: dict, outdir: str, scheduler: str | None,
        partition_size: int, resume: bool, inputs: Inputs, record_input: records.Input | None = None) -> None:
    """Write every part not yet in ``outdir``; report each part's errors through ``inputs``.
    ``record_input`` says how record files are read (``factx.Input``)."""
    _prepare(outdir, {"inputs": list(paths), "glob": glob, "max_bytes": max_bytes, "input": repr(record_input),
                      "partition_size": partition_size, "options": repr(sorted(options.items()))}, resume)
    with _client(scheduler) as client:
        from distributed import wait

        from .dask import extract_partition

        window = IN_FLIGHT * max(1, len(client.scheduler_info().get("workers", {})))
        running: dict = {}
        for k, items in enumerate(_partitions(records.read(paths, glob, max_bytes, record_input), partition_size)):
            if os.path.exists(_part(outdir, k)):
                _replay(_log(outdir, k), inputs, _lines(_part(outdir, k)))
                continue
            running[client.submit(extract_partition, items, options, pure=False)] = k
            while len(running) >= window:
                _collect(wait(list(running), return_when="FIRST_COMPLETED").done, running, outdir, inputs)
        while running:
            _collect(wait(list(running), return_when="FIRST_COMPLETED").done, running, outdir, inputs)


def _partitions(items, size: int) -> Iterator[list]:
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def _collect(done, running: dict, outdir: str, inputs: Inputs) -> None:
    for future in done:
        k = running.pop(future)
        text, log = future.result()
        _write(_log(outdir, k), "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in log))
        _write(_part(outdir, k), text)          # last: a part that exists has its log beside it
        _replay(_log(outdir, k), inputs, text.count("\n"))


def _lines(path: str) -> int:
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def _replay(log_path: str, inputs: Inputs, documents: int) -> None:
    """Report a part's errors and warnings, as a serial run reports them, and count its documents."""
    with open(log_path, encoding="utf-8") as f:
        for line in f:
            entry = json.loads(line)
            if entry[0] == "error":
                inputs.failed(SourceError(*entry[1:]))
            else:
                inputs.say(f"factx: warning: {entry[1]}")
    for _ in range(documents):
        inputs.document()


def _part(outdir: str, k: int) -> str:
    return os.path.join(outdir, f"part-{k:05d}.jsonl")


def _log(outdir: str, k: int) -> str:
    return os.path.join(outdir, f"part-{k:05d}.log")


def _write(path: str, text: str) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _prepare(outdir: str, made_from: dict, resume: bool) -> None:
    """The output folder, with ``run.json``; refuse to mix the parts of two different runs."""
    if os.path.exists(outdir) and not os.path.isdir(outdir):
        raise CliError(f"-o {outdir}: --engine dask writes a folder of parts, and this is a file",
                       hint="give a folder: -o out/")
    os.makedirs(outdir, exist_ok=True)
    manifest = os.path.join(outdir, "run.json")
    parts = [n for n in os.listdir(outdir) if n.startswith("part-")]
    if parts and not resume:
        raise CliError(f"-o {outdir}: holds the parts of an earlier run",
                       hint="--resume finishes that run; or write to another folder")
    if resume and os.path.exists(manifest):
        with open(manifest, encoding="utf-8") as f:
            if json.load(f) != made_from:
                raise CliError(f"--resume: {outdir} was written from other inputs or options",
                               hint="run with the same paths and options, or write to another folder")
    _write(manifest, json.dumps(made_from, ensure_ascii=False, indent=1) + "\n")


class _client:
    """A client of ``scheduler``, or of a local cluster of one single-threaded worker process per
    core (extraction holds the GIL, so threads would not add speed), closed at the end."""

    def __init__(self, scheduler: str | None):
        self.scheduler, self.cluster, self.client = scheduler, None, None

    def __enter__(self):
        import logging

        from distributed import Client, LocalCluster

        from .parallel import cores

        try:
            if self.scheduler is None:
                self.cluster = LocalCluster(n_workers=cores(), threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
            else:
                self.client = Client(self.scheduler, timeout="10s")
        except OSError as e:
            raise CliError(f"--scheduler {self.scheduler}: cannot connect: {e}",
                           hint="start one with `dask scheduler`, and workers with `dask worker ADDRESS`") from None
        return self.client

    def __exit__(self, *exc):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        return False

