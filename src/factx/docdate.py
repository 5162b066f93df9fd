"""The document date: the day the article was written, which relative dates hang on.

In order of trust: a record's date field (origin ``field``), the user's ``--ref-date``
(origin ``option``), a metadata header
(``header``), else one inferred from the text near the top (``inferred``):

1. a dateline: a day written in full that opens its line or sentence, alone or after
   a place name ("Hà Nội, ngày 16/12/2025", "Thứ Hai, 14/3/2022, 09:05"), or that is
   followed by a clock time ("16 December 2025 14:30");
2. else the latest day written in full: the day of the event reported, never an older
   historical date ("16/12/1991"); a day written as a deadline ("by 31 December 2030")
   is skipped, since an article is not written on its deadlines.
"""

from __future__ import annotations

from datetime import date

import regex

from .facts import DocumentDate
from .nlp import Sentences
from .text import TextView

INFER_CHARS = 1500
# Before a dateline, on its line or after a sentence's end: nothing, or a place and a comma or dash.
_PLACE = regex.compile(r"\s*(?:\p{Lu}[\p{L}\p{M}.'’]*(?:[ -]\p{Lu}[\p{L}\p{M}.'’]*){0,3}\s*(?:\([^()\n]{1,20}\))?\s*[,–—-]\s*)?")
_CLOCK_AFTER = regex.compile(r"[\s,|–—-]{0,4}(?:\p{L}{1,4}\s+)?\d{1,2}[:h]\d{2}(?!\d)")


def determine(view: TextView, ref_date: date | None, date_matches: list | None,
              sentences: Sentences, ref_origin: str = "option") -> DocumentDate | None:
    """The document date; ``date_matches`` are the date rules' matches over the whole text;
    ``ref_origin`` says where a given ``ref_date`` came from (``option``, a record's ``field``)."""
    if ref_date is not None:
        return DocumentDate(ref_date.isoformat(), ref_origin)
    if view.header_date:
        try:
            return DocumentDate(date.fromisoformat(view.header_date).isoformat(), "header")
        except ValueError:
            pass
    if date_matches is None:
        return None
    from .extractors import dates
    from .facttype import Reading

    days = dates.written_days(date_matches, Reading(view.text, None, sentences), INFER_CHARS)
    dateline = next((d for d in days if d.granularity == "day" and _is_dateline(view.text, sentences, d.start, d.end)),
                    None)
    if dateline is not None:
        return DocumentDate(dateline.value, "inferred")
    written = [d.value for d in days if not d.deadline]
    return DocumentDate(max(written), "inferred") if written else None


def _is_dateline(text: str, sentences: Sentences, start: int, end: int) -> bool:
    if _PLACE.fullmatch(text, sentences.around(start, end)[0], start):
        return True
    return _CLOCK_AFTER.match(text, end) is not None
