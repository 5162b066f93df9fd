"""Dates: run ``patterns/<lang>/dates.toml`` and normalise each match with ``timex``."""

from __future__ import annotations

from datetime import date

from .. import matching, rulebook
from ..matching import Candidate
from ..normalize import timex

TYPE = "date"
STEM = "dates"
SPEC = rulebook.Spec(
    groups=frozenset({"year", "month", "day", "half", "quarter", "weekday", "relday", "relmonth",
                      "relyear", "months", "lastmonths", "year_end", "month_end", "day_end"}),
    required_any=frozenset({"year", "month", "day", "half", "quarter", "weekday", "relday",
                            "relmonth", "relyear", "months", "lastmonths"}),
    example_keys=frozenset({"value", "granularity", "relative"}),
)


def candidates(book: rulebook.Rulebook, text: str, ref: date | None,
               rejected: list[tuple[Candidate, str]] | None = None) -> list[Candidate]:
    """One candidate per match whose pieces make a date; impossible ones go to ``rejected``."""
    out = []
    for order, m in enumerate(matching.run(book, text)):
        c = Candidate(TYPE, m.rule.id, m.start, m.end, veto=m.rule.veto, order=order)
        if not m.rule.veto:
            try:
                t = timex.resolve(m.parts, ref)
            except timex.Invalid as e:
                if rejected is not None:
                    rejected.append((c, str(e)))
                continue
            c.attrs = {"value": t.value, "granularity": t.granularity, "relative": t.relative}
        out.append(c)
    return out
