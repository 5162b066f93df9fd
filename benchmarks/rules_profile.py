"""Where a rule book spends its time, per trigger, and how long its rules are once expanded.

    .venv/bin/python benchmarks/rules_profile.py --lang en --type official [--repeat 10]

For each distinct trigger: the rules sharing it, whether it is found through the word index
(anchored) or by scanning the text, and milliseconds per seed document of its language for
the search and the rules' matching together. Then the longest expanded parts: the forward
pattern (trigger + after) and the before context of each rule, against the 600-character aim.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", required=True)
    ap.add_argument("--type", required=True, help="date, money, official, commitment")
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    from factx import language, matching, rulebook
    from factx.extractors import REGISTRY

    module = REGISTRY[args.type]
    book = rulebook.load(args.lang, module.stem, module.spec)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs = [t for t in texts if language.detect(t)[0] == args.lang] * args.repeat
    indexes = [matching.WordIndex(d) for d in docs]
    rows = []
    for trigger in book.triggers:
        one = rulebook.Rulebook(book.lang, book.type, book.ref_date,
                                tuple(book.rules[i] for i in trigger.rules),
                                (rulebook.Trigger(trigger.regex, tuple(range(len(trigger.rules))), trigger.anchors),),
                                book.values, book.readers)
        start = time.perf_counter()
        for d, index in zip(docs, indexes):
            list(matching.run(one, d, index))
        ms = (time.perf_counter() - start) / max(len(docs), 1) * 1000
        rows.append((ms, trigger.anchors is not None, [book.rules[i].id for i in trigger.rules]))
    total = sum(r[0] for r in rows)
    print(f"{args.lang} {args.type}: {len(book.rules)} rules, {len(book.triggers)} triggers "
          f"({sum(r[1] for r in rows)} anchored), {total:.2f} ms/doc over {len(docs)} docs")
    for ms, anchored, ids in sorted(rows, reverse=True):
        print(f"  {ms:6.2f} ms  {'anchored' if anchored else 'SCAN    '}  {', '.join(ids)}")
    forward = sorted(((len(r.trigger) + len(r.after or ""), r.id) for r in book.rules), reverse=True)
    before = sorted(((len(r.before or ""), r.id) for r in book.rules), reverse=True)
    print("longest forward (trigger+after):", forward[:3])
    print("longest before:", before[:3])
    print("over 600:", [i for n, i in forward if n > 600], [i for n, i in before if n > 600])
    lines = [(len(line), n) for n, line in enumerate((rulebook.builtin_dir() / args.lang / f"{module.stem}.toml")
                                                     .read_text(encoding="utf-8").splitlines(), 1) if len(line) > 100]
    print("lines over 100 characters:", len(lines), "longest:", max(lines, default=None))


if __name__ == "__main__":
    main()
