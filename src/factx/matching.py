"""Running a rulebook over text, and the one overlap policy every extractor shares.

Extractors turn matches into candidates; ``settle`` then keeps the longest of any
overlapping candidates (the first rule wins a tie, as spaCy's ``filter_spans``) and
drops anything a veto rule covers. What it drops it returns with the reason, so
``factx explain`` can show why a rule's match did not become a fact.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from functools import partial
from dataclasses import dataclass, field
from typing import Any, Iterator

from .rulebook import AFTER_WINDOW, BEFORE_WINDOW, LONGEST_ANCHOR, WORD, Rule, Rulebook, Trigger


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
    void: str | None = None                 # why it is no fact, though it wins overlaps as one would
    loud: bool = False                      # a void the user is told about (a real fact lost)


class WordIndex:
    """Where each word of a document starts (casefolded): built once per document, shared by
    every book. A list trigger is tried where a word starts *with* one of its entries' first
    words ("tugriks" for "tugrik"), as a scan of the text would find it."""

    def __init__(self, text: str):
        self.at: dict[str, list[int]] = {}
        for m in WORD.finditer(text):
            self.at.setdefault(m.group().casefold(), []).append(m.start())

    def anchored(self, book: Rulebook) -> dict[int, list[int]]:
        """Trigger index -> sorted starts of the words its anchors begin, for the triggers of
        ``book`` that have any. Which triggers a word opens is worked out once per book and
        word (news repeats its words from document to document), so a document costs a
        lookup per distinct word, and a trigger whose words the text lacks costs nothing."""
        opens = _opened_by(book)
        found: dict[int, list[int]] = {}
        for word, starts in self.at.items():
            triggers = opens.get(word)
            if triggers is None:
                if len(opens) >= MAX_WORDS_KEPT:
                    opens.clear()
                triggers = opens[word] = tuple(sorted({t for n in range(1, min(len(word), LONGEST_ANCHOR) + 1)
                                                       for t in book.anchored.get(word[:n], ())}))
            for t in triggers:
                found.setdefault(t, []).extend(starts)
        return {t: sorted(starts) for t, starts in found.items()}


MAX_WORDS_KEPT = 50_000             # words whose triggers are remembered per book (then forgotten)
_OPENED: dict[int, tuple[Rulebook, dict[str, tuple[int, ...]]]] = {}


def _opened_by(book: Rulebook) -> dict[str, tuple[int, ...]]:
    """The book's memory of which triggers each word opens (one per book object)."""
    kept = _OPENED.get(id(book))
    if kept is None or kept[0] is not book:
        if len(_OPENED) >= 64:              # books edited or layered many times over
            _OPENED.clear()
        kept = _OPENED[id(book)] = (book, {})
    return kept[1]


class Budget:
    """The time one document may take. Every regex call of a user's rule gets what is left as
    its ``timeout``, so even a pattern that backtracks without end (``(?:a|a)+b``) is stopped;
    built-in rules, whose time is measured linear, are checked between triggers (a regex
    timeout, even ``timeout=None``, costs more per call than most matches)."""

    def __init__(self, seconds: float | None):
        self.deadline = None if seconds is None else time.monotonic() + seconds

    def left(self) -> float | None:
        if self.deadline is None:
            return None
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return left

    def bind(self, trusted: bool, method):
        """``method`` itself if trusted, else ``method`` called with what is left as its timeout
        and the GIL released, so a Ctrl-C watchdog thread still runs while it backtracks."""
        return method if trusted else (lambda *args: method(*args, timeout=self.left(), concurrent=True))


UNLIMITED = Budget(None)
# A ``before`` context this short (expanded) is checked before the trigger's ``after``: it is
# cheap and mostly fails ("member of the Politburo" before a title word), while ``after`` reads
# a name and an organisation. A long one (a commitment's subject) is checked last.
SHORT_BEFORE = 300


def hits(trigger: Trigger, text: str, positions: list[int], budget: Budget = UNLIMITED):
    """Every match of a trigger, by start: a scan of the text, or for a trigger that opens with
    a list, a match at each of ``positions`` (the trigger's, from ``WordIndex.anchored``)."""
    budget.left()                          # raises once the budget is spent
    if trigger.anchors is None:
        yield from budget.bind(trigger.trusted, partial(trigger.regex.finditer, overlapped=True))(text)
        return
    match = budget.bind(trigger.trusted, trigger.regex.match)
    for at in positions:
        m = match(text, at, at + AFTER_WINDOW)
        if m is not None:
            yield m


def run(book: Rulebook, text: str, index: WordIndex | None = None, budget: Budget = UNLIMITED) -> Iterator[Match]:
    """Every match of every rule, in rule order.

    Each distinct trigger is one search of the text (or none, when it opens with a list whose
    words the text lacks); a rule is tried only where its trigger stands, its ``before``
    context checked backwards from there on a bounded window, and its trigger and ``after``
    forwards on another (a pattern that needs a word the rest of the text lacks would
    otherwise look for it to the end, at every trigger). A rule's own matches never overlap,
    as with ``finditer``: ``before`` consumes nothing of the rule's previous match, though its
    look-behinds may look into it. Raises TimeoutError when the budget runs out.
    """
    budget.left()                          # raises once the budget is spent, whatever fires
    found: dict[int, list[Match]] = {}
    index = index or WordIndex(text)
    anchored = index.anchored(book)
    for t, trigger in enumerate(book.triggers):
        positions = anchored.get(t, [])
        if not positions and trigger.anchors is not None:
            continue
        # A rule's patterns are bound when first needed at a hit: a book loaded from the cache
        # rebuilds each pattern on first use, and most rules at most hits fail on their
        # ``before`` without their ``after`` being read.
        forwards: dict[int, Any] = {}
        behinds: dict[int, Any] = {}
        next_free = dict.fromkeys(trigger.rules, 0)
        for hit in hits(trigger, text, positions, budget):
            at = hit.start()
            for i in trigger.rules:
                if at < next_free[i]:
                    continue
                rule = book.rules[i]
                b = None
                if rule.behind is not None and len(rule.before) <= SHORT_BEFORE:
                    b = _bound(behinds, i, rule, "behind", budget)(text, max(next_free[i], at - BEFORE_WINDOW), at)
                    if b is None:
                        continue
                m = _bound(forwards, i, rule, "forward", budget)(text, at, at + AFTER_WINDOW)
                if m is None or m.end() == at:
                    continue
                if rule.behind is not None and b is None:
                    b = _bound(behinds, i, rule, "behind", budget)(text, max(next_free[i], at - BEFORE_WINDOW), at)
                    if b is None:
                        continue
                found.setdefault(i, []).append(_match(book, rule, m, b))
                next_free[i] = m.end()
    for i in sorted(found):
        yield from found[i]


def _bound(cache: dict[int, Any], i: int, rule: Rule, part: str, budget: Budget):
    """The ``match`` of a rule's ``forward`` or ``behind`` pattern, bound under the budget once per
    trigger and document."""
    method = cache.get(i)
    if method is None:
        method = cache[i] = budget.bind(rule.trusted, getattr(rule, part).match)
    return method


def _match(book: Rulebook, rule: Rule, m, b) -> Match:
    """One match. A group named more than once (in ``before`` and after the trigger, or twice
    in one part) covers the text from its first capture to its last: a title that begins
    with a demonym before the trigger and ends after it is one group. A group repeated by a
    quantifier keeps its last capture, as in any regex."""
    spans: dict[str, tuple[int, int]] = {}
    for found in (b, m):
        if found is None:
            continue
        for name in found.groupdict():
            captured = found.spans(name) if name in rule.twice else [found.span(name)]
            for s, e in captured:
                if s < 0 or (e == s and name in spans):
                    continue
                old = spans.get(name)
                spans[name] = (min(s, old[0]), max(e, old[1])) if old and e > s else (s, e)
    parts = dict(rule.defaults)
    for name, (s, e) in spans.items():
        parts[name] = book.lookup(name, m.string[s:e])
    start = b.start() if b is not None else m.start()
    return Match(rule, start, m.end(), parts, spans)


def settle(candidates: list[Candidate]) -> tuple[list[Candidate], list[tuple[Candidate, str]]]:
    """Resolve overlaps: (kept in text order, [(dropped, reason)]).

    Longest first; the kept spans are disjoint and sorted, so each candidate's only possible
    rival is the kept span starting last before its end, found by bisection instead of by
    comparing it with every kept span.
    """
    vetoes = sorted((c for c in candidates if c.veto), key=lambda c: c.start)
    veto_starts = [v.start for v in vetoes]
    reach: list[Candidate] = []            # the veto reaching furthest among the first i
    for v in vetoes:
        reach.append(v if not reach or v.end > reach[-1].end else reach[-1])
    starts: list[int] = []
    kept: list[Candidate] = []
    dropped: list[tuple[Candidate, str]] = []
    for c in sorted((c for c in candidates if not c.veto),
                    key=lambda c: (-(c.end - c.start), c.start, c.order)):
        i = bisect_left(veto_starts, c.end)
        if i and reach[i - 1].end > c.start:
            veto = reach[i - 1]
            dropped.append((c, f"vetoed by {veto.rule_id} ({veto.start}-{veto.end})"))
            continue
        j = bisect_left(starts, c.end)
        if j and kept[j - 1].end > c.start:
            rival = kept[j - 1]
            dropped.append((c, f"overlaps longer {rival.rule_id} ({rival.start}-{rival.end})"))
            continue
        starts.insert(j, c.start)
        kept.insert(j, c)
    dropped += [(c, c.void) for c in kept if c.void]
    return [c for c in kept if not c.void], dropped
