"""What --jobs and --engine dask buy: documents per second, the speed-up over --jobs 1, and the
peak memory of the whole process tree (parent, fork server, workers) as the input grows.

    .venv/bin/python benchmarks/parallel.py [--docs 2000] [--large 50000]

Whole-process runs of the command, on documents made from the seeds (each seed with its
figures and names changed, so no two are alike): start-up and rule loading are part of each
time, as they are of a user's run. Memory is sampled every 20 ms over the process tree; the
input grows 50 times, and a flat figure shows that results stream and nothing accumulates.
Never a timed test: the machine is shared, so compare the ratios, which one run measures
under the same load.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACTX = str(Path(sys.executable).parent / "factx")
NAMES = ["Nguyen Van Duoc", "Kanat Tumysh", "Olzhas Bektenov", "Vo Van Hoan", "Tran Luu Quang", "Askar Zhumagaliyev"]


def real_sized(folder: Path, count: int) -> Path:
    """Whole seed articles, their figures and officials' names varied."""
    seeds = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "seeds").glob("*.txt"))]
    folder.mkdir(parents=True)
    for i in range(count):
        rng = random.Random(i)
        text = re.sub(r"\d", lambda m: str(rng.randrange(10)), seeds[i % len(seeds)])
        for name in NAMES:
            text = text.replace(name, rng.choice(NAMES))
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder


def small(folder: Path, count: int) -> Path:
    """One seed paragraph each, figures varied: many documents, little text."""
    paragraphs = [p for f in sorted((ROOT / "seeds").glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n") if len(p) > 80]
    folder.mkdir(parents=True)
    for i in range(count):
        rng = random.Random(i)
        text = re.sub(r"\d", lambda m: str(rng.randrange(10)), paragraphs[i % len(paragraphs)])
        (folder / f"{i:06d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([FACTX, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def peak_memory(args: list[str]) -> tuple[int, int]:
    """Peak memory (bytes) of the command and every process under it: the sum of their RSS,
    which counts the pages workers share with the fork server once per process, and of their
    PSS, which splits each shared page between the processes sharing it. (Sampling costs CPU,
    so the speed is measured in runs of its own.)"""
    import psutil

    p = subprocess.Popen([FACTX, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root, rss, pss = psutil.Process(p.pid), 0, 0
    while p.poll() is None:
        try:
            tree = [_memory(q) for q in [root, *root.children(recursive=True)]]
        except psutil.NoSuchProcess:
            continue
        rss, pss = max(rss, sum(m[0] for m in tree)), max(pss, sum(m[1] for m in tree))
        time.sleep(0.1)
    return rss, pss


def _memory(process) -> tuple[int, int]:
    import psutil

    try:
        m = process.memory_full_info()
    except psutil.NoSuchProcess:
        return 0, 0
    return m.rss, getattr(m, "pss", m.rss)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="real-sized documents for the speed")
    ap.add_argument("--large", type=int, default=50000, help="small documents for the memory at scale")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each, interleaved; the fastest counts")
    args = ap.parse_args()
    subprocess.run([FACTX, "rules", "warm"], check=True, capture_output=True)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs = real_sized(tmp / "real", args.docs)
        chars = sum(len(f.read_text(encoding="utf-8")) for f in docs.iterdir())
        runs = {"--jobs 1": ["-o", str(tmp / "1.jsonl")], "--jobs 2": ["-j", "2", "-o", str(tmp / "2.jsonl")],
                "--engine dask (local cluster, 2 workers)": ["--engine", "dask", "--partition-size", "100",
                                                             "-o", str(tmp / "parts" / ""), "--resume"]}
        best = {name: float("inf") for name in runs}
        for _ in range(args.repeat):            # interleaved: a burst of load on the machine hits each alike
            for name, extra in runs.items():
                if "dask" in name:
                    shutil.rmtree(tmp / "parts", ignore_errors=True)
                best[name] = min(best[name], timed(["extract", str(docs), "--format", "jsonl", *extra]))
        memory = {}
        for name, extra in runs.items():
            shutil.rmtree(tmp / "parts", ignore_errors=True)
            memory[name] = peak_memory(["extract", str(docs), "--format", "jsonl", *extra])

        print(f"{args.docs} documents, {chars / args.docs:,.0f} characters each on average, "
              f"fastest of {args.repeat}\n")
        print("| run | time | documents/s | speed-up over --jobs 1 | peak RSS / PSS, process tree |")
        print("|---|---|---|---|---|")
        for name, seconds in best.items():
            rss, pss = memory[name]
            print(f"| {name} | {seconds:.1f} s | {args.docs / seconds:.0f} | {best['--jobs 1'] / seconds:.2f} x | "
                  f"{rss / 2**20:.0f} / {pss / 2**20:.0f} MB |", flush=True)

        print("\n| --jobs 2, small documents | peak RSS / PSS, process tree |")
        print("|---|---|")
        for count in sorted({1000, args.large}):
            folder = small(tmp / f"small-{count}", count)
            rss, pss = peak_memory(["extract", str(folder), "--format", "jsonl", "-j", "2",
                                    "-o", str(tmp / f"small-{count}.jsonl")])
            print(f"| {count:,} | {rss / 2**20:.0f} / {pss / 2**20:.0f} MB |", flush=True)


if __name__ == "__main__":
    main()
