"""The document date: the day the article was written, which relative dates hang on.

In order of trust: a record's date field (origin ``field``), the user's ``--ref-date``
(origin ``option``), a metadata header (``header``: the crawler's " date 2026-03-10 ", a
"Date:", "Published:", "Ngày đăng:" line or YAML front matter's ``date:``, see ``text.py``),
else one inferred from the text near the top (``inferred``):

1. a dateline: a day written in full that opens its line or sentence, alone or after
   a place name ("Hà Nội, ngày 16/12/2025", "Thứ Hai, 14/3/2022, 09:05") or a publication
   word ("Published 10 March 2026", "Cập nhật: 10/03/2026"), or that is followed by a
   clock time ("16 December 2025 14:30");
2. else the latest day written in full: the day of the event reported, never an older
   historical date ("16/12/1991"). Skipped, since an article is not written on them: a day
   written as a deadline ("by 31 December 2030"), either end of a range ("từ 1/1/2026 đến
   31/12/2027") unless it is an anniversary's ("16/12/1991 – 16/12/2025" ends on the day
   celebrated), a day in a photo caption ("Ảnh: ...", "Photo: ...") or between quotes;
3. else the latest year written in the first paragraph: a document date at year precision
   ("2026"), so that "năm nay" is 2026, not XXXX. Skipped: a year named as a target or horizon
   ("by 2030", "đến năm 2030", "tầm nhìn 2045", "the 2030 target"), a range's year, a year in a
   caption or between quotes.

A document date may be known to the month or the year only (a header " date 2026-03 ", rule 3):
its value is written at that precision, and a relative date that needs the unknown part is
given at that precision too ("yesterday" in a document of 2026-03 is 2026-03): ``resolved``.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Callable

import regex

from .facts import DocumentDate
from .nlp import Sentences
from .text import TextView, cue_words

INFER_CHARS = 1500
# Before a dateline, on its line or after a sentence's end: nothing, or a place and a comma or dash.
_PLACE = regex.compile(r"\s*(?:\p{Lu}[\p{L}\p{M}.'’]*(?:[ -]\p{Lu}[\p{L}\p{M}.'’]*){0,3}\s*(?:\([^()\n]{1,20}\))?\s*[,–—-]\s*)?")
_CLOCK_AFTER = regex.compile(r"[\s,|–—-]{0,4}(?:\p{L}{1,4}\s+)?\d{1,2}[:h]\d{2}(?!\d)")
_QUOTED = regex.compile(r"[\"“«][^\"“”«»\n]{0,400}[\"”»]")
_PARAGRAPH_END = regex.compile(r"\n[^\S\n]*\n")
_YEAR_FORM = regex.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


@lru_cache(maxsize=1)
def _cues() -> dict[str, regex.Pattern]:
    """The patterns made of ``patterns/common/document_date.toml``'s lists."""
    words = cue_words()
    return {
        # a publication line: its word opens the line the day stands on
        "published": regex.compile(r"(?i)\s*\L<w>\s*:?\s*(?:ngày\s+)?", w=words["published"]),
        # a photo caption: its line opens with the word, or a bracket and the word
        "caption": regex.compile(r"(?im)^[^\S\n]*[(\[]?\L<w>\b[^\n]*", w=words["caption"]),
        # a target year: "by 2030", "đến năm 2030", "the 2030 target"
        "target_before": regex.compile(r"(?i)\b\L<w>\s+(?:end-|cuối\s+|năm\s+|(?:the\s+)?year\s+)*\Z",
                                       w=words["target_before"]),
        "target_after": regex.compile(r"(?i)[\s-]*\L<w>\b", w=words["target_after"]),
    }


class Anchor(date):
    """The day relative dates are counted from, and the precision it is known at: for a
    document date of ``2026-03`` the 16th, for ``2026`` the 2nd of July (from there the
    nearest reading of a day without its year stays inside the year, leap years too)."""

    precision = "day"       # a day computed from an Anchor (ref + 1 day) is a plain day

    @classmethod
    def of(cls, value: str) -> "Anchor":
        year, month, day = _YEAR_FORM.fullmatch(value).groups()
        precision = "day" if day else "month" if month else "year"
        self = cls(int(year), int(month or 7), int(day or (16 if month else 2)))
        self.precision = precision
        return self

    @property
    def period(self) -> str:
        return self.isoformat()[: {"day": 10, "month": 7, "year": 4}[self.precision]]

    def probes(self) -> tuple[date, ...]:
        """Days inside the known period, away from its edges, that a reading must not depend on."""
        if self.precision == "month":
            return (date(self.year, self.month, 2), date(self.year, self.month, 27))
        return (date(self.year, 2, 1), date(self.year, 11, 30))


def anchor(document_date: DocumentDate | None) -> date | None:
    """The day relative dates hang on: the document date, an ``Anchor`` when not a whole day."""
    if document_date is None:
        return None
    if len(document_date.value) == 10:
        return date.fromisoformat(document_date.value)
    return Anchor.of(document_date.value)


def first_day(ref: date | None) -> date | None:
    """The first day the document may have been written on: what a pledge's date is compared
    with to tell it from a past event, so that no pledge is taken for history by a guess."""
    if not isinstance(ref, Anchor) or ref.precision == "day":
        return ref
    return date(ref.year, ref.month if ref.precision == "month" else 1, 1)


def resolved(resolve: Callable[[date | None], object], ref: date | None):
    """``resolve(ref)``, unless ``ref`` is known to the month or year only and the reading
    depends on the part unknown: then the known period itself ("yesterday" -> 2026-03).

    A reading depends on the unknown part when it changes with the day inside the period; a
    day written without its year that only changes its year keeps its nearest reading.
    """
    value = resolve(ref)
    if not isinstance(ref, Anchor) or ref.precision == "day":
        return value
    try:
        others = [resolve(d).value for d in ref.probes()]
    except ValueError:          # no reading on another day ("29 February"): the nearest stands
        return value
    if all(v == value.value for v in others):
        return value
    if all(regex.sub(r"\d{4}", "Y", v) == regex.sub(r"\d{4}", "Y", value.value) for v in others):
        return value
    return type(value)(ref.period, ref.precision, True)


def determine(view: TextView, ref_date: date | None, date_matches: list | None,
              sentences: Sentences, ref_origin: str = "option") -> DocumentDate | None:
    """The document date; ``date_matches`` are the date rules' matches over the whole text;
    ``ref_origin`` says where a given ``ref_date`` came from (``option``, a record's ``field``)."""
    if ref_date is not None:
        return DocumentDate(ref_date.isoformat(), ref_origin)
    if view.header_date:
        return DocumentDate(view.header_date, "header")
    if date_matches is None:
        return None
    from .extractors import dates
    from .facttype import Reading

    text = view.text
    hidden = [m.span() for m in _cues()["caption"].finditer(text, 0, INFER_CHARS)]
    hidden += [m.span() for m in _QUOTED.finditer(text, 0, INFER_CHARS)]
    days = [d for d in dates.written_days(date_matches, Reading(text, None, sentences), INFER_CHARS)
            if not any(s <= d.start and d.end <= e for s, e in hidden)]
    days = [d for d in days if d.granularity != "interval" or _anniversary(d, days)]
    dateline = next((d for d in days if d.granularity == "day" and _is_dateline(text, sentences, d.start, d.end)),
                    None)
    if dateline is not None:
        return DocumentDate(dateline.value, "inferred")
    written = [d.value for d in days if not d.deadline]
    if written:
        return DocumentDate(max(written), "inferred")
    return _year_of_first_paragraph(text, date_matches, hidden)


def _anniversary(day, days) -> bool:
    """A range's end is the day of writing only in an anniversary's years ("16/12/1991 –
    16/12/2025": the same day and month at both ends, the later being celebrated); any other
    range is the span of a plan or event ("từ 1/1/2026 đến 31/12/2027")."""
    ends = [d.value for d in days if (d.start, d.end) == (day.start, day.end)]
    return len(ends) == 2 and day.value == ends[1] and ends[0][4:] == ends[1][4:]


def _is_dateline(text: str, sentences: Sentences, start: int, end: int) -> bool:
    if _PLACE.fullmatch(text, sentences.around(start, end)[0], start):
        return True
    if _cues()["published"].fullmatch(text, text.rfind("\n", 0, start) + 1, start):
        return True
    return _CLOCK_AFTER.match(text, end) is not None


def _year_of_first_paragraph(text: str, date_matches: list, hidden: list[tuple[int, int]]) -> DocumentDate | None:
    """Rule 3: the latest year a date rule read in the first paragraph, not as a deadline."""
    first = text.lstrip()
    offset = len(text) - len(first)
    stop = _PARAGRAPH_END.search(text, offset)
    end = min(stop.start() if stop else len(text), offset + INFER_CHARS)
    cues = _cues()
    hidden = hidden + [(m.start, m.end) for m in date_matches if any(k.endswith("_end") for k in m.parts)]
    years = [m.parts["year"] for m in date_matches
             if not m.rule.veto and m.end <= end and isinstance(m.parts.get("year"), int)
             and 1000 <= m.parts["year"] <= 2999 and "deadline" not in m.parts
             and not cues["target_before"].search(text[max(m.start - 40, 0):m.start])
             and not cues["target_after"].match(text, m.end)
             and not any(s <= m.start and m.end <= e for s, e in hidden)]      # a range's year: no writing year
    return DocumentDate(f"{max(years):04d}", "inferred") if years else None
