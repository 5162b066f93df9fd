"""Adversarial text: what a scraper feeds factx and no newsroom writes, timed at 256 KB and 1 MB.

    .venv/bin/python benchmarks/adversarial.py [--sizes 256,1024] [--case NAME]

One row per case of the hardening issue's table. Each case must scale linearly (the 1 MB time
within 1.5 x of 4 x the 256 KB time) and run at 50k characters/s or more. The time is the best of
two in-process runs of `factx.extract` with every fact type, so start-up is not counted; the
language is given, as a scraper's pipeline would know it, except where the case is about
detection. Run it after a change to the engine or to a rule with a repeated group.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench import best          # the same timing as the main benchmark (this folder is on the path)

ROOT = Path(__file__).resolve().parents[1]
SEED_EN = (ROOT / "seeds" / "000_1b9531123ad11ac5.txt").read_text(encoding="utf-8")


def cycle(unit: str):
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def blank_lines(n: int) -> str:
    """An article with a run of blank lines inside, as a scraped page with its markup removed."""
    half = len(SEED_EN) // 2
    return SEED_EN[:half] + "\n" * max(0, n - len(SEED_EN)) + SEED_EN[half:]


# name: (language, make(size in characters) -> text)
CASES = {
    "capitalised word runs (Ab Cd Ef ...)": ("en", cycle("Ab Cd Ef Gh Ij Kl ")),
    "`and` repeated": ("en", cycle("and ")),
    "`Deputy` repeated": ("en", cycle("Deputy ")),
    "digits with separators (1,1,1,...), VI": ("vi", cycle("1,")),
    "no punctuation at all": ("en", cycle("the minister said trade and investment would grow ")),
    "blank lines inside an article": ("en", blank_lines),
    "`$` with no spaces": ("en", cycle("$")),
    "`(` with no spaces": ("en", cycle("(")),
    "`“` with no spaces": ("en", cycle("“")),
    "a dated list repeated": ("en", cycle("- 16 December 2025: $1.5 billion pledged by the ministry;\n")),
    "`Chairman of the` repeated": ("en", cycle("Chairman of the ")),
    "hyphen-joined capitalised chain (Abc-Abc-...)": ("en", cycle("Abc-")),
    "Vietnamese title words repeated": ("vi", cycle("Phó Thủ tướng Chủ tịch ")),
    "Vietnamese capitalised syllables": ("vi", cycle("Nguyễn Văn Được ")),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="256,1024", help="two sizes in KB, small then large")
    ap.add_argument("--case", help="run only the cases whose name contains this")
    args = ap.parse_args()
    small_kb, large_kb = (int(s) for s in args.sizes.split(","))

    import factx

    factx.extract("warm up", lang="en")
    factx.extract("khởi động", lang="vi")
    print(f"| case | {small_kb} KB | {large_kb} KB | x{large_kb // small_kb} size = x time | "
          f"chars/s (slowest) | |")
    print("|---|---|---|---|---|---|")
    missed = 0
    for name, (lang, make) in CASES.items():
        if args.case and args.case.lower() not in name.lower():
            continue
        a, b = make(small_kb * 1024), make(large_kb * 1024)
        ta = best(lambda: factx.extract(a, lang=lang, timeout=None), 2)
        tb = best(lambda: factx.extract(b, lang=lang, timeout=None), 2)
        growth = tb / ta
        speed = min(len(a) / ta, len(b) / tb)
        ok = growth <= 1.5 * (large_kb / small_kb) and speed >= 50_000
        missed += not ok
        print(f"| {name} | {ta:.2f} s | {tb:.2f} s | {growth:.1f} | {speed / 1000:.0f}k | "
              f"{'ok' if ok else 'MISSED'} |", flush=True)
    print(f"\ntargets: x{large_kb // small_kb} size <= {1.5 * large_kb / small_kb:.0f} x time, "
          f">= 50k chars/s; {missed} missed")


if __name__ == "__main__":
    main()
