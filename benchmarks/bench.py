"""Speed, measured here and never in timed tests.

    make bench            # or: .venv/bin/python benchmarks/bench.py [--repeat N]

Reports: CLI start-up (`factx --version`), import cost of `factx`, the one-off cost of the
first extraction (spaCy import and pipeline), extraction throughput over the seeds
(documents and characters per second, best of N), and the time to run every rule example.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(fn, repeat=1):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    factx_cmd = [str(Path(sys.executable).parent / "factx"), "--version"]

    startup = timed(lambda: subprocess.run(factx_cmd, check=True, capture_output=True), args.repeat)
    imp = timed(lambda: subprocess.run([sys.executable, "-c", "import factx"], check=True), args.repeat)

    import factx
    from factx import rulecheck

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    first = timed(lambda: factx.extract(texts[0]))
    corpus = texts * 20
    chars = sum(map(len, corpus))
    run = timed(lambda: [factx.extract(t) for t in corpus], args.repeat)

    def check_all():
        outcomes = [rulecheck.check(t, b, r, c) for t, b in rulecheck.books() for r, c in rulecheck.cases(b)]
        check_all.count = len(outcomes)
    rules = timed(check_all)

    print(f"CLI start-up (factx --version):  {startup * 1000:7.0f} ms")
    print(f"import factx:                    {imp * 1000:7.0f} ms")
    print(f"first extraction (loads spaCy):  {first * 1000:7.0f} ms")
    print(f"extraction: {len(corpus)} docs, {chars:,} chars in {run:.2f} s -> "
          f"{len(corpus) / run:,.0f} docs/s, {chars / run / 1000:,.0f} k chars/s")
    print(f"every rule example ({check_all.count}):     {rules:7.2f} s")


if __name__ == "__main__":
    main()
