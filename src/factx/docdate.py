"""The document date: the day the article was written, which relative dates hang on.

In order of trust: the user's ``--ref-date`` (origin ``option``), a metadata header
(``header``), else the latest fully written date near the top of the text
(``inferred``): a dateline, or the day of the event reported. Taking the latest keeps
historical dates ("16/12/1991") from winning.
"""

from __future__ import annotations

from datetime import date

import regex

from .facts import DocumentDate
from .rulebook import Rulebook
from .text import TextView

INFER_CHARS = 1500
_FULL_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")


def determine(view: TextView, ref_date: date | None, dates_book: Rulebook | None) -> DocumentDate | None:
    if ref_date is not None:
        return DocumentDate(ref_date.isoformat(), "option")
    if view.header_date:
        try:
            return DocumentDate(date.fromisoformat(view.header_date).isoformat(), "header")
        except ValueError:
            pass
    if dates_book is None:
        return None
    from .extract import dates

    written = [d for c in dates.candidates(dates_book, view.text[:INFER_CHARS], None)
               if not c.veto and not c.attrs["relative"]
               for d in _FULL_DAY.findall(c.attrs["value"])]
    return DocumentDate(max(written), "inferred") if written else None
