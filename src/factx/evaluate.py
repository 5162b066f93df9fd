"""Scoring extracted documents against hand-made answers (the gold format of
``../shared/tools/score.py``, documented in the README).

The rules are the scorer's, so ``factx eval`` and ``score.py`` print the same figures:
a prediction matches a gold item when their texts overlap (after folding case,
diacritics and hyphens) and the normalisation is right; pairs are made greedily in
gold order; an extra that overlaps an optional gold item is not held against us.
How each type is matched lives with the type (``FactType.scoring``); this module pairs,
counts and holds the comparisons the types share.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

def fold(s: Any) -> str:
    if s is None:
        return ""
    s = str(s).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    s = s.lower().replace("\u2019", "'").replace("-", " ").replace("\u2013", " ")
    return " ".join(s.split())


def overlap(a: Any, b: Any) -> bool:
    """The two texts overlap: one, folded, holds the other."""
    a, b = fold(a), fold(b)
    return bool(a and b) and (a in b or b in a)


def options(v: Any) -> list:
    """A gold value may list the readings it accepts."""
    return v if isinstance(v, list) else [v]


def same_amount(a: Any, b: Any) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= max(0.5, 1e-9 * abs(b))


def _types() -> dict:
    """Each fact type's Scoring, from the registry (imported here: the types import this module)."""
    from .extractors import REGISTRY

    return {name: t.scoring for name, t in REGISTRY.items()}


def check_gold(data: Any) -> None:
    """Raise ValueError naming the first document and entry that lacks what scoring reads."""
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise ValueError("no \"documents\" list")
    for i, doc in enumerate(data["documents"], 1):
        if not isinstance(doc, dict) or not isinstance(doc.get("source"), str):
            raise ValueError(f"document {i} has no \"source\"")
        for scoring in _types().values():
            key = scoring.gold_key
            for j, entry in enumerate(doc.get(key, []), 1):
                missing = [k for k in scoring.required if not isinstance(entry, dict) or k not in entry]
                if missing:
                    raise ValueError(f"{doc['source']}: {key} entry {j} lacks {', '.join(repr(m) for m in missing)}")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    detected: int = 0
    attrs: dict[str, list[int]] = field(default_factory=dict)    # name -> [right, total]

    def prf(self) -> tuple[float, float, float]:
        if self.tp + self.fp + self.fn == 0:
            return 1.0, 1.0, 1.0
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def f1(self) -> float:
        return self.prf()[2]

    def summary(self) -> dict[str, Any]:
        p, r, f = self.prf()
        required = self.tp + self.fn
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(p, 3), "recall": round(r, 3),
                "f1": round(f, 3), "detect_recall": round(self.detected / required, 3) if required else 1.0,
                **{f"{n}_acc": round(a[0] / a[1], 3) for n, a in self.attrs.items() if a[1]}}


@dataclass(frozen=True)
class Problem:
    kind: str            # MISS | EXTRA | ATTR
    source: str
    type: str
    detail: str


@dataclass
class Report:
    tallies: dict[str, Tally]        # "date", "date:en", ...
    problems: list[Problem]

    def summary(self) -> dict[str, Any]:
        out = {k: self.tallies[k].summary() for k in sorted(self.tallies)}     # score.py's order
        overall = [out[k]["f1"] for k in _types() if k in out]
        out["macro_f1"] = round(sum(overall) / len(overall), 3) if overall else 0.0
        return out


def _pair(preds: list[dict], golds: list[dict], test: Callable) -> tuple[list, list, list]:
    """Greedy one-to-one pairing in gold order: (pairs, unpaired predictions, unpaired gold)."""
    free, pairs, missed = list(range(len(preds))), [], []
    for g in golds:
        hit = next((i for i in free if test(preds[i], g)), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            pairs.append((preds[hit], g))
    return pairs, [preds[i] for i in free], missed


def _base(source: Any) -> str:
    return str(source).replace("\\", "/").rsplit("/", 1)[-1]


def score(gold: dict, predicted: Iterable[dict], types: Iterable[str] | None = None) -> Report:
    """Score predicted documents (SPEC-shaped dicts) against a gold file's contents.

    ``types`` limits scoring to some fact types: a gold set made for officials alone says
    nothing about the dates in its texts, which would otherwise all count as extras.
    """
    import json

    by_name = {_base(d.get("source", "")): d for d in predicted}
    tallies: dict[str, Tally] = {}
    problems: list[Problem] = []
    for gdoc in gold["documents"]:
        pdoc = by_name.get(_base(gdoc["source"]), {"facts": []})
        lang = gdoc.get("language", "?")
        for kind, scoring in _types().items():
            if types is not None and kind not in types:
                continue
            golds = gdoc.get(scoring.gold_key, [])
            required = [g for g in golds if not g.get("optional")]
            optional = [g for g in golds if g.get("optional")]
            preds = [f for f in pdoc.get("facts", []) if f.get("type") == kind]
            pairs, extra, missed = _pair(preds, required, scoring.match)
            _, extra, _ = _pair(extra, optional, scoring.match)
            _, extra, _ = _pair(extra, optional, scoring.detect)
            found, _, _ = _pair(preds, required, scoring.detect)
            for key in (kind, f"{kind}:{lang}"):
                t = tallies.setdefault(key, Tally())
                t.tp += len(pairs)
                t.fp += len(extra)
                t.fn += len(missed)
                t.detected += len(found)
                for p, g in pairs:
                    for name, ok in scoring.attributes(p, g):
                        a = t.attrs.setdefault(name, [0, 0])
                        a[0] += ok
                        a[1] += 1
            for g in missed:
                shown = {k: v for k, v in g.items() if k != "optional"}
                problems.append(Problem("MISS", gdoc["source"], kind, json.dumps(shown, ensure_ascii=False)))
            for p in extra:
                shown = {k: p.get(k) for k in ("text", "value", "amount", "currency", "key", "trigger", "modality") if k in p}
                problems.append(Problem("EXTRA", gdoc["source"], kind, json.dumps(shown, ensure_ascii=False)))
            for p, g in pairs:
                for name, ok in scoring.attributes(p, g):
                    if not ok:
                        where = g.get("text") or g.get("trigger") or g.get("key")
                        problems.append(Problem("ATTR", gdoc["source"], kind,
                                                f"{name}: got {p.get(name)!r}, want {g.get(name)!r} ({where})"))
    return Report(tallies, problems)
