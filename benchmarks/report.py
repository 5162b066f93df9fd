"""`factx report` at scale: peak memory and time at 10,000 generated documents, and the page's
size and the time headless Chromium takes to open it at 1,000 (a measurement, never a test).

    .venv/bin/python benchmarks/report.py [--docs 10000] [--page-docs 1000]

Documents are the seeds with their names, figures and dates varied (so people, amounts and
commitments vary across the corpus); each run of `factx report` is a fresh process, measured
by wall time and its peak RSS (getrusage of the child). The floor is `factx report` of one
seed: what the process costs before any corpus.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACTX = str(Path(sys.executable).with_name("factx"))
NAMES = [("Kanat Tumysh", "Aidar Nurlan", "Serik Zhakupov", "Marat Abenov", "Dana Omarova"),
         ("Nguyen Van Duoc", "Tran Thanh Son", "Le Minh Hoang", "Pham Thi Lan", "Vo Van Hoan")]


def corpus(folder: Path, n: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    size = 0
    for i in range(n):
        text = seeds[i % len(seeds)]
        kz, vn = rng.choice(NAMES[0]), rng.choice(NAMES[1])
        text = text.replace("Kanat Tumysh", kz).replace("Nguyen Van Duoc", vn)
        text = re.sub(r"\b20(2[3-6])\b", lambda m: str(2020 + rng.randint(3, 9)), text)
        text = re.sub(r"US\$1(\.5)? billion", lambda m: f"US${rng.randint(1, 40) / 10:g} billion", text)
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def run(args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one `factx` process."""
    t0 = time.perf_counter()
    pid = subprocess.Popen([FACTX, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).pid
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"factx {' '.join(args)} failed: {status}")
    return time.perf_counter() - t0, usage.ru_maxrss / 1024


def chromium_open(page: Path, profile: Path) -> float:
    chromium = shutil.which("chromium")
    if not chromium:
        return float("nan")
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        f"--user-data-dir={profile}", "--window-size=1400,1000", "--dump-dom", page.as_uri()],
                       capture_output=True, timeout=600)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--page-docs", type=int, default=1000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one = tmp / "one"
        one.mkdir()
        shutil.copy(ROOT / "seeds" / "000_1b9531123ad11ac5.txt", one)
        t, rss = run(["report", str(one), "--format", "json", "-o", str(tmp / "one.json")])
        print(f"floor: report of 1 document: {t:.1f} s, peak RSS {rss:.0f} MB")

        small = tmp / "small"
        small.mkdir()
        corpus(small, a.page_docs)
        page = tmp / "page.html"
        t, rss = run(["report", str(small), "-o", str(page)])
        blank = tmp / "blank.html"
        blank.write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
        base = chromium_open(blank, tmp / "profile")
        opened = chromium_open(page, tmp / "profile")
        print(f"{a.page_docs} documents: html {page.stat().st_size / 1e6:.1f} MB in {t:.1f} s (peak RSS {rss:.0f} MB); "
              f"headless chromium --dump-dom {opened:.2f} s (a blank page {base:.2f} s)")

        big = tmp / "big"
        big.mkdir()
        size = corpus(big, a.docs)
        print(f"{a.docs} documents, {size / 1e6:.1f} MB of text")
        for fmt in ("json", "html"):
            out = tmp / f"big.{fmt}"
            t, rss = run(["report", str(big), "--format", fmt, "-o", str(out)])
            print(f"  --format {fmt}: {t:.0f} s ({a.docs / t:.0f} docs/s), peak RSS {rss:.0f} MB, "
                  f"output {out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
