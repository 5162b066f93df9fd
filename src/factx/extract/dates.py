"""Dates: run ``patterns/<lang>/dates.toml`` and normalise each match with ``timex``.

Two readings need more than the match itself, so they are settled here, over all the
matches of the text: the order of an English ``05/06/2025`` (from the document's
other numeric dates), and "the same period last year" (from the date it is compared
with, earlier in its sentence).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex

from .. import matching, rulebook
from ..matching import Candidate, Match
from ..normalize import timex

TYPE = "date"
STEM = "dates"
_VALUED = {"year", "month", "day", "half", "quarter", "weekday", "relday", "relweek", "relmonth",
           "relyear", "firstmonths", "lastmonths", "day_or_month", "month_or_day"}
SPEC = rulebook.Spec(
    # sameperiod marks "the same period ..."; deadline marks a date introduced as a deadline
    # ("by 31/12/2030"), which is never the day the article was written.
    groups=frozenset(_VALUED | {"dir", "sameperiod", "deadline", "year_end", "month_end", "day_end",
                                "day_or_month_end", "month_or_day_end"}),
    required_any=frozenset(_VALUED),
    example_keys=frozenset({"value", "granularity", "relative"}),
)
# Where a sentence ends, for "the same period": a stop before a capital (not after "Mr", "TP"), or a line break.
_SENTENCE_END = regex.compile(r"(?<!\b\p{Lu}\p{L}{0,3})[.!?…][\"”’)]*\s+(?=[\p{Lu}\d\"“])|\n")


def candidates(book: rulebook.Rulebook, text: str, ref: date | None,
               rejected: list[tuple[Candidate, str]] | None = None) -> list[Candidate]:
    """One candidate per match whose pieces make a date; impossible ones go to ``rejected``."""
    return [c for c, _ in _resolved(book, text, ref, rejected)]


@dataclass(frozen=True)
class WrittenDay:
    """A day written in full (with its year), for inferring the document date."""

    value: str
    start: int
    end: int
    granularity: str        # "day", or "interval" for either end of one
    deadline: bool          # introduced as a deadline: "by 31 December 2030"


def written_days(book: rulebook.Rulebook, text: str) -> list[WrittenDay]:
    """Every fully written day in ``text`` (both ends of an interval), in text order."""
    found = _resolved(book, text, None, None)
    kept, _ = matching.settle([c for c, _ in found])
    deadlines = {id(c) for c, m in found if "deadline" in m.parts}
    return [WrittenDay(d, c.start, c.end, c.attrs["granularity"], id(c) in deadlines)
            for c in kept if not c.attrs["relative"]
            for d in regex.findall(r"\d{4}-\d\d-\d\d", c.attrs["value"])]


def _resolved(book: rulebook.Rulebook, text: str, ref: date | None,
              rejected: list[tuple[Candidate, str]] | None) -> list[tuple[Candidate, Match]]:
    matches = list(matching.run(book, text))
    orders = {timex.numeric_order(m.parts) for m in matches} - {None}
    document_order = orders.pop() if len(orders) == 1 else None
    out = []
    for order, m in enumerate(matches):
        c = Candidate(TYPE, m.rule.id, m.start, m.end, veto=m.rule.veto, order=order)
        if not m.rule.veto:
            try:
                t = timex.resolve(timex.with_order(m.parts, document_order), ref)
            except timex.Invalid as e:
                if rejected is not None:
                    rejected.append((c, str(e)))
                continue
            c.attrs = {"value": t.value, "granularity": t.granularity, "relative": t.relative}
        out.append((c, m))
    _compare_same_period(out, text)
    return out


def _compare_same_period(found: list[tuple[Candidate, Match]], text: str) -> None:
    """Give "the same period last year" the period of the date before it in its sentence.

    Without such a date it keeps the value its own words give (last year).
    """
    for c, m in sorted(found, key=lambda cm: cm[0].start):
        if "sameperiod" not in m.parts:
            continue
        others = [o for o, om in found if o is not c and "sameperiod" not in om.parts]
        kept, _ = matching.settle(others)
        before = [k for k in kept if k.end <= c.start and not _SENTENCE_END.search(text, k.end, c.start)]
        if not before:
            continue
        anchor = max(before, key=lambda k: (k.end, k.end - k.start))
        try:
            t = timex.same_period(timex.TimeValue(**anchor.attrs), m.parts)
        except timex.Invalid:
            continue
        c.attrs = {"value": t.value, "granularity": t.granularity, "relative": t.relative}
