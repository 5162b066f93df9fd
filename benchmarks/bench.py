"""Speed, measured here and never in timed tests, as ratios to a floor measured in the same run.

    make bench            # or: .venv/bin/python benchmarks/bench.py [--repeat N] [--quick]

The machine is shared and noisy, so every whole-process time is a median of N runs and is
stated as a ratio to the floor: `python -c "import spacy; spacy.blank('xx')"`, which every
extraction pays (spaCy splits the sentences). The targets are those of the rule engine's
redesign (issue 11); each line says whether it holds.

| measure | target |
|---|---|
| one small article, whole process, EN or VI (rules cached on disk) | <= 1.5 x floor |
| one EN and one VI article in one call | <= 1.8 x floor |
| `factx rules check`, every example, whole process | <= 2.5 x floor |
| warm throughput, all fact types, mixed EN/VI news, one core | >= 200k characters/s |
| one 1 MB document | <= 1.3 x (10 x the 100 KB document) |
| adversarial text (digit runs, a sentence with no stop, repeated titles) | linear: 4x size <= 1.5 x (4 x time) |
| longest expanded rule part (trigger + after, or before) | <= 600 characters |
| longest line of a rule file | <= 200 characters |

Also reported: the cold start with an empty rule cache (the first run after an install or an
edit of the rule files), and `import factx`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EN_ARTICLE = ROOT / "seeds" / "000_1b9531123ad11ac5.txt"
VI_ARTICLE = ROOT / "seeds" / "002_8f364acec43f0db1.txt"


def median_run(cmd: list[str], repeat: int, env: dict | None = None) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=False, capture_output=True, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def row(name: str, value: str, target: str = "", ok: bool | None = None) -> None:
    mark = "" if ok is None else ("ok" if ok else "MISSED")
    print(f"| {name} | {value} | {target} | {mark} |")


def news(chars: int) -> str:
    """Real news text of about ``chars`` characters: the seeds' paragraphs, in turn."""
    paragraphs = [p for s in SEEDS for p in s.read_text(encoding="utf-8").split("\n") if len(p) > 80]
    out, n, i = [], 0, 0
    while n < chars:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        n += len(p) + 1
        i += 1
    return "\n".join(out)


ADVERSARIAL = {
    "digit runs with separators": lambda n: ("1,2.3/4-5 " * (n // 10 + 1))[:n],
    "one sentence, no stop": lambda n: (" ".join(["the minister said trade and investment would grow"] * (n // 50 + 1)))[:n],
    "repeated title words": lambda n: ("Deputy Prime Minister Chairman of the " * (n // 38 + 1))[:n],
    "capitalised word runs": lambda n: ("Ab Cd Ef Gh Ij Kl " * (n // 18 + 1))[:n],
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="runs per whole-process measure (median)")
    ap.add_argument("--quick", action="store_true", help="smaller documents for the scaling cases")
    args = ap.parse_args()
    py = sys.executable
    factx = str(Path(py).parent / "factx")
    small = 25_000 if args.quick else 100_000

    subprocess.run([factx, "rules", "warm"], check=True, capture_output=True)   # the normal state
    floor = median_run([py, "-c", "import spacy; spacy.blank('xx')"], args.repeat)
    en = median_run([factx, "extract", str(EN_ARTICLE)], args.repeat)
    vi = median_run([factx, "extract", str(VI_ARTICLE)], args.repeat)
    both = median_run([factx, "extract", str(EN_ARTICLE), str(VI_ARTICLE)], args.repeat)
    check = median_run([factx, "rules", "check"], max(1, args.repeat // 2))
    imp = median_run([py, "-c", "import factx"], args.repeat)
    with tempfile.TemporaryDirectory() as empty:
        env = {**os.environ, "FACTX_CACHE_DIR": empty}
        t = time.perf_counter()
        subprocess.run([factx, "extract", str(EN_ARTICLE)], check=False, capture_output=True, env=env)
        cold = time.perf_counter() - t

    import factx as fx
    from factx import rulebook
    from factx.extractors import REGISTRY

    docs = [s.read_text(encoding="utf-8") for s in SEEDS]
    docs += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "user-pack" / "docs").glob("*.txt"))]
    for d in docs:
        fx.extract(d)
    corpus = docs * 10
    chars = sum(map(len, corpus))
    warm = best(lambda: [fx.extract(d) for d in corpus], 3)

    hundred = news(small)
    mega = news(small * 10)
    t_small = best(lambda: fx.extract(hundred, lang="en"), 3)
    t_mega = best(lambda: fx.extract(mega, lang="en"), 2)

    parts, lines, written, one_level = [], [], [], []
    for lang in ("en", "vi"):
        for module in REGISTRY.values():
            book = rulebook.load(lang, module.stem, module.spec)
            parts += [(len(r.trigger) + len(r.after or ""), r.id) for r in book.rules]
            parts += [(len(r.before or ""), r.id + " (before)") for r in book.rules]
            pieces = [(v, f"{r.id} ({k})") for r in book.rules for k, v in r.written.items()]
            pieces += [(v, f"{lang}/{module.stem} {{{n}}}") for n, v in book.fragments.items()]
            written += [(len(v), where) for v, where in pieces]
            one_level += [(len(rulebook._FRAGMENT_REF.sub(lambda m: "(?:" + book.fragments.get(m.group(1), "") + ")", v)),
                           where) for v, where in pieces]
    for f in rulebook.builtin_dir().rglob("*.toml"):
        lines += [(len(line), f"{f.relative_to(rulebook.builtin_dir())}:{n}")
                  for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)]

    print(f"floor (import spacy; spacy.blank('xx')): {floor:.2f} s, median of {args.repeat}\n")
    print("| measure | result | target | |")
    print("|---|---|---|---|")
    row("one small article, EN, whole process", f"{en:.2f} s = {en / floor:.2f} x floor", "<= 1.5 x", en / floor <= 1.5)
    row("one small article, VI, whole process", f"{vi:.2f} s = {vi / floor:.2f} x floor", "<= 1.5 x", vi / floor <= 1.5)
    row("EN + VI in one call", f"{both:.2f} s = {both / floor:.2f} x floor", "<= 1.8 x", both / floor <= 1.8)
    row("`factx rules check`, whole process", f"{check:.2f} s = {check / floor:.2f} x floor", "<= 2.5 x", check / floor <= 2.5)
    row("warm throughput, mixed EN/VI news", f"{chars / warm / 1000:.0f}k chars/s ({len(corpus) / warm:.0f} docs/s)",
        ">= 200k", chars / warm >= 200_000)
    ratio = t_mega / (10 * t_small)
    row(f"{len(mega) // 1000} KB document vs 10 x {len(hundred) // 1000} KB",
        f"{t_mega:.2f} s vs 10 x {t_small:.3f} s = {ratio:.2f}", "<= 1.3", ratio <= 1.3)
    for name, make in ADVERSARIAL.items():
        a, b = make(small // 4), make(small)
        ta = best(lambda: fx.extract(a, lang="en"), 3)
        tb = best(lambda: fx.extract(b, lang="en"), 2)
        r = tb / (4 * ta)
        row(f"adversarial: {name}", f"{len(b) // 1000} KB {tb:.2f} s ({len(b) / tb / 1000:.0f}k chars/s), "
            f"x4 size = {r * 4:.1f} x time", "<= 1.5 x linear", r <= 1.5)
    top = max(parts)
    row("longest expanded rule part", f"{top[0]} ({top[1]})", "<= 600", top[0] <= 600)
    over = sum(1 for n, _ in parts if n > 600)
    row("rule parts over 600 characters", str(over), "0", over == 0)
    row("longest rule part or fragment as written (lists and fragments by name)",
        f"{max(written)[0]} ({max(written)[1]})", "(restated aim) <= 600", max(written)[0] <= 600)
    top1 = max(one_level)
    row("the same, its fragments opened one level (`factx rules show`)", f"{top1[0]} ({top1[1]}); "
        f"{sum(1 for n, _ in one_level if n > 600)} over 600", "(restated aim) <= 600", top1[0] <= 600)
    longest = max(lines)
    row("longest rule-file line", f"{longest[0]} ({longest[1]})", "<= 200", longest[0] <= 200)
    row("cold start, empty rule cache (first run)", f"{cold:.2f} s = {cold / floor:.2f} x floor")
    row("`import factx`", f"{imp * 1000:.0f} ms")


if __name__ == "__main__":
    main()
