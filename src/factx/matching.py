"""Running a rulebook over text, and the one overlap policy every extractor shares.

Extractors turn matches into candidates; ``settle`` then keeps the longest of any
overlapping candidates (the first rule wins a tie, as spaCy's ``filter_spans``) and
drops anything a veto rule covers. What it drops it returns with the reason, so
``factx explain`` can show why a rule's match did not become a fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from .rulebook import Rule, Rulebook


@dataclass(frozen=True)
class Match:
    rule: Rule
    start: int
    end: int
    parts: dict[str, Any]                  # group -> looked-up value
    spans: dict[str, tuple[int, int]]      # group -> span in the text


@dataclass
class Candidate:
    """A would-be fact in view coordinates; ``attrs`` are its type-specific fields."""

    type: str
    rule_id: str
    start: int
    end: int
    attrs: dict[str, Any] = field(default_factory=dict)
    veto: bool = False
    order: int = 0                          # the rule's position: earlier wins a tie


def run(book: Rulebook, text: str) -> Iterator[Match]:
    """Every match of every rule, in rule order."""
    for rule in book.rules:
        for m in rule.regex.finditer(text):
            if m.end() == m.start():
                continue
            parts, spans = dict(rule.defaults), {}
            for name, value in m.groupdict().items():
                if value is not None:
                    parts[name] = book.lookup(name, value)
                    spans[name] = m.span(name)
            yield Match(rule, m.start(), m.end(), parts, spans)


def settle(candidates: list[Candidate]) -> tuple[list[Candidate], list[tuple[Candidate, str]]]:
    """Resolve overlaps: (kept in text order, [(dropped, reason)])."""
    vetoes = [c for c in candidates if c.veto]
    kept: list[Candidate] = []
    dropped: list[tuple[Candidate, str]] = []
    for c in sorted((c for c in candidates if not c.veto),
                    key=lambda c: (-(c.end - c.start), c.start, c.order)):
        veto = next((v for v in vetoes if v.start < c.end and c.start < v.end), None)
        if veto is not None:
            dropped.append((c, f"vetoed by {veto.rule_id} ({veto.start}-{veto.end})"))
            continue
        rival = next((k for k in kept if k.start < c.end and c.start < k.end), None)
        if rival is not None:
            dropped.append((c, f"overlaps longer {rival.rule_id} ({rival.start}-{rival.end})"))
            continue
        kept.append(c)
    kept.sort(key=lambda c: (c.start, c.end))
    return kept, dropped
