"""Every output factx gives on the texts we know, as JSON Lines, for before/after comparisons.

    .venv/bin/python benchmarks/snapshot.py > after.jsonl
    diff <(git show HEAD~3:...) ...      # or: python benchmarks/snapshot.py --diff before.jsonl

The texts: the seeds, the gold sets' articles (``tests/*/en|vi/``), the example user pack's
documents (with the pack), and every example and
counter-example of every rule file (in its language, against the file's ref_date). A change to
the engine must leave this output identical, or each difference must be explained.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cases():
    from factx import rulecheck

    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield f"seeds/{path.name}", path.read_text(encoding="utf-8"), {}
    for path in sorted((ROOT / "tests").glob("*/??/*.txt")):     # the gold sets: partners, heldout, fresh...
        yield f"tests/{path.relative_to(ROOT / 'tests')}", path.read_text(encoding="utf-8"), {}
    pack = ROOT / "examples" / "user-pack"
    for path in sorted((pack / "docs").glob("*.txt")):
        yield f"user-pack/{path.name}", path.read_text(encoding="utf-8"), {"patterns": [str(pack)]}
    seen = set()
    for _, book in rulecheck.books():
        for rule, case in rulecheck.cases(book):
            key = (book.lang, book.ref_date, case.text)
            if key in seen:
                continue
            seen.add(key)
            yield f"{rule.id}", case.text, {"lang": book.lang, "ref_date": book.ref_date}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--diff", metavar="BEFORE", help="compare with an earlier snapshot and list the differences")
    ap.add_argument("--type", help="compare only facts of this type (date, money, official, commitment)")
    ap.add_argument("--builtin", metavar="DIR", help="use this folder as the built-in patterns (e.g. a checkout of HEAD's)")
    args = ap.parse_args()
    import factx
    from factx import rulebook

    if args.builtin:
        rulebook.builtin_dir = lambda: Path(args.builtin).resolve()

    lines = []
    for name, text, options in cases():
        doc = factx.extract(text, source=name, **options).to_dict()
        lines.append(json.dumps({"case": name, "text": text, "doc": doc}, ensure_ascii=False, sort_keys=True))
    if not args.diff:
        sys.stdout.write("\n".join(lines) + "\n")
        return
    before = {(r["case"], r["text"]): r["doc"] for r in map(json.loads, Path(args.diff).read_text().splitlines())}
    after = {(r["case"], r["text"]): r["doc"] for r in map(json.loads, lines)}
    changed = [k for k in after if k in before and before[k] != after[k]]
    shown = 0
    for k in changed:
        print(f"--- {k[0]}: {k[1][:100]!r}")
        b = {json.dumps(f, sort_keys=True, ensure_ascii=False) for f in before[k]["facts"] if _wanted(f, args.type)}
        a = {json.dumps(f, sort_keys=True, ensure_ascii=False) for f in after[k]["facts"] if _wanted(f, args.type)}
        if a == b and (args.type or before[k]["document_date"] == after[k]["document_date"]):
            continue
        shown += 1
        for f in sorted(b - a):
            print("  -", f)
        for f in sorted(a - b):
            print("  +", f)
        if before[k]["document_date"] != after[k]["document_date"]:
            print("  document_date", before[k]["document_date"], "->", after[k]["document_date"])
    print(f"{len(after)} texts, {shown} changed{' in ' + args.type + ' facts' if args.type else ''}, {len(set(after) - set(before))} new, "
          f"{len(set(before) - set(after))} gone")


def _wanted(fact: dict, type_: str | None) -> bool:
    return type_ is None or fact["type"] == type_


if __name__ == "__main__":
    main()
