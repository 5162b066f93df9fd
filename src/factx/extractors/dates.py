"""Dates: run ``patterns/<lang>/dates.toml`` and normalise each match with ``timex``.

Two readings need more than the match itself, so they are settled here, over all the
matches of the text: the order of an English ``05/06/2025`` (from the document's
other numeric dates), and "the same period last year" (from the date it is compared
with, earlier in its sentence).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

import regex

from .. import docdate, matching, rulebook
from ..evaluate import options, overlap
from ..facts import Fact
from ..facttype import FactType, Reading, Scoring, one_fact_per_candidate
from ..matching import Candidate, Match
from ..normalize import periods, timex

TYPE = "date"
STEM = "dates"
_VALUED = {"year", "month", "day", "half", "quarter", "weekday", "relday", "relweek", "relmonth",
           "relquarter", "relyear", "firstmonths", "lastmonths", "day_or_month", "month_or_day", "nth", "number"}
SPEC = rulebook.Spec(
    # sameperiod marks "the same period ..."; deadline marks a date introduced as a deadline
    # ("by 31/12/2030"), which is never the day the article was written.
    # unit names what a number or nth counts (day, week, month, year); offset (ago/in) or span
    # (the past/the next) what the count means; upto marks "as of June" (not after it).
    groups=frozenset(_VALUED | {"dir", "sameperiod", "deadline", "year_end", "month_end", "day_end",
                                "day_or_month_end", "month_or_day_end", "unit", "offset", "span", "upto"}),
    required_any=frozenset(_VALUED),
    example_keys=frozenset({"value", "granularity", "relative"}),
)


def candidates(book: rulebook.Rulebook, matches: list[Match], reading: Reading) -> list[Candidate]:
    """One candidate per match whose pieces make a date. An impossible day is void (it still
    hides what it covers); pieces that make no date at all go to ``rejected``."""
    return [c for c, _ in _resolved(matches, reading)]


@dataclass(frozen=True)
class WrittenDay:
    """A day written in full (with its year), for inferring the document date."""

    value: str
    start: int
    end: int
    granularity: str        # "day", or "interval" for either end of one
    deadline: bool          # introduced as a deadline: "by 31 December 2030"


def written_days(matches: list[Match], reading: Reading, limit: int) -> list[WrittenDay]:
    """Every fully written day among the matches ending by ``limit`` (both ends of an
    interval), in text order: the same matches the extractor resolves, read without a date.
    A day counted out of a month ("the last day of September 2026") is not written: it is
    left out, as the month it was before that reading."""
    found = _resolved([m for m in matches if m.end <= limit], Reading(reading.text, None, reading.sentences))
    kept, _ = matching.settle([c for c, _ in found])
    deadlines = {id(c) for c, m in found if "deadline" in m.parts}
    counted = {id(c) for c, m in found if "nth" in m.parts}
    return [WrittenDay(d, c.start, c.end, c.attrs["granularity"], id(c) in deadlines)
            for c in kept if not c.attrs["relative"] and id(c) not in counted
            for d in regex.findall(r"\d{4}-\d\d-\d\d", c.attrs["value"])]


def _resolved(matches: list[Match], reading: Reading) -> list[tuple[Candidate, Match]]:
    orders = {timex.numeric_order(m.parts) for m in matches} - {None}
    document_order = orders.pop() if len(orders) == 1 else None
    out = []
    for order, m in enumerate(matches):
        c = Candidate(TYPE, m.rule.id, m.start, m.end, veto=m.rule.veto, order=order)
        if not m.rule.veto:
            try:
                parts = timex.with_order(m.parts, document_order)
                t = docdate.resolved(lambda ref: timex.resolve(parts, ref), reading.ref)
            except timex.Impossible as e:       # it still hides what it covers ("February 2025")
                c.void = str(e)
                out.append((c, m))
                continue
            except (ValueError, OverflowError) as e:        # timex.Invalid, or past the calendar's edge
                reading.rejected.append((c, str(e)))
                continue
            c.attrs = {"value": t.value, "granularity": t.granularity, "relative": t.relative}
        out.append((c, m))
    _compare_same_period(out, reading)
    return out


def _compare_same_period(found: list[tuple[Candidate, Match]], reading: Reading) -> None:
    """Give "the same period last year" the period of the date before it in its sentence.

    Without such a date it keeps the value its own words give (last year). The other dates
    are settled once; each "same period" looks up the last of them ending before it.
    """
    periods = [(c, m) for c, m in found if "sameperiod" in m.parts]
    if not periods:
        return
    kept, _ = matching.settle([c for c, m in found if "sameperiod" not in m.parts])
    kept.sort(key=lambda k: (k.end, k.end - k.start))
    ends = [k.end for k in kept]
    for c, m in sorted(periods, key=lambda cm: cm[0].start):
        i = bisect_right(ends, c.start)
        if not i:
            continue
        anchor = kept[i - 1]
        if anchor.start < reading.sentences.around(c.start, c.end)[0]:
            continue
        try:
            t = timex.same_period(timex.TimeValue(**anchor.attrs), m.parts)
        except (ValueError, OverflowError):
            continue
        c.attrs = {"value": t.value, "granularity": t.granularity, "relative": t.relative}


def _with_days(fact: Fact) -> Fact:
    """The first and last calendar day the value covers, for sorting and "before March" queries
    (``value_begin``/``value_end``: ``end`` is the fact's offset); null where a part is unknown."""
    return replace(fact, attrs={**fact.attrs, **periods.days(fact.attrs["value"], "value")})


def _words(value: str) -> str:
    """``16 December 2025``; the value itself beside the words when it is not one day
    (``second half of 2026 (2026-H2)``), since that is what a query on the JSON will name."""
    said = periods.words(value)
    return said if said == value or regex.fullmatch(r"\d{4}-\d\d-\d\d", value) else f"{said} ({value})"


def _gold_match(p: dict, g: dict) -> bool:
    return overlap(p.get("text"), g["text"]) and p.get("value") in options(g["value"])


FACT_TYPE = FactType(
    name=TYPE, stem=STEM, spec=SPEC, candidates=candidates,
    fields={"value": "text", "granularity": "text", "relative": "bool", "value_begin": "date?", "value_end": "date?"},
    main="value",
    title="Dates",
    describe=lambda attrs, people: _words(attrs["value"]),
    scoring=Scoring("dates", ("text", "value"), _gold_match, lambda p, g: overlap(p.get("text"), g["text"])),
    link=lambda candidates, linking: [_with_days(f) for f in one_fact_per_candidate(candidates, linking)],
)
