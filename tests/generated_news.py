"""News-like documents made from the seeds, for the tests of the parallel engines: each one a few
paragraphs of one seed (English or Vietnamese) with its figures changed, so no two are alike."""

from __future__ import annotations

import random
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def documents(count: int, paragraphs: int = 3) -> list[str]:
    seeds = [[p for p in f.read_text(encoding="utf-8").split("\n") if len(p) > 60] for f in sorted(SEEDS.glob("*.txt"))]
    out = []
    for i in range(count):
        rng = random.Random(i)
        lines = seeds[i % len(seeds)]
        start = rng.randrange(len(lines))
        picked = [lines[(start + k) % len(lines)] for k in range(paragraphs)]
        out.append("\n\n".join(re.sub(r"\d", lambda m: str(rng.randrange(10)), p) for p in picked) + "\n")
    return out


def corpus(folder: Path, count: int) -> Path:
    """``count`` documents in ``folder``, and among them a binary file, a CP1252 one and a
    UTF-16 one, which every engine must report in the same place."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(documents(count)):
        (folder / f"doc-{i:05d}.txt").write_text(text, encoding="utf-8")
    (folder / "doc-00007b.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    (folder / f"doc-{count // 2:05d}b.txt").write_bytes("“Quoted” in CP1252".encode("cp1252"))
    (folder / f"doc-{count - 1:05d}b.txt").write_bytes("Ho Chi Minh City".encode("utf-16"))
    return folder
