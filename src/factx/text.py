"""The text every rule sees: NFC-normalised, spaces plain, metadata header blanked, with a map back.

Rules are written against composed (NFC) Vietnamese. A decomposed (NFD) file would
match nothing, so we match on an NFC *view* and map every span back to the original
string; nothing is ever rewritten in the text we report offsets into. Every other space
character (the no-break space of scraped HTML, thin spaces) is a plain space in the view,
one for one, so a word list's "Prime Minister" or "is committed" matches it too.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import regex

from .rulebook import builtin_dir

_SPACES = {ord(c): " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"}
# The document's date in a metadata header, blanked so it is no date fact: the seeds' crawler
# header " date 2025-12-16 " (or 2025-12, 2025); a "Date:", "Published:", "Ngày đăng:" line in
# the opening block (before the first blank line; its keys: patterns/common/document_date.toml);
# YAML front matter's "date:".
_DAY = r"(?P<date>\d{4}(?:-\d\d(?:-\d\d)?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})"
_CLOCK = r"(?:[T ,]+\d\d?:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|\s*[+-]\d\d:?\d\d)?)?"
_HEADER = regex.compile(r"\A\s*date\s+(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=\s)")
_FRONT_MATTER = regex.compile(r"\A\ufeff?---[^\S\n]*\n(?:[^\n]*\n){0,60}?---[^\S\n]*(?:\n|\Z)")
_OPENING = regex.compile(r"\A\s*(?:[^\S\n]*\S[^\n]*(?:\n|\Z)){1,12}")


@lru_cache(maxsize=1)
def cue_words() -> dict[str, list[str]]:
    """The word lists of ``patterns/common/document_date.toml``: where a document's date stands."""
    with open(builtin_dir() / "common" / "document_date.toml", "rb") as f:
        return tomllib.load(f)


@lru_cache(maxsize=1)
def _header_line() -> regex.Pattern:
    return regex.compile(rf"(?im)^[^\S\n]*\L<key>[^\S\n]*:[^\S\n]*[\"']?{_DAY}{_CLOCK}[\"']?[^\S\n]*$",
                         key=cue_words()["header_key"])


@dataclass(frozen=True)
class TextView:
    original: str
    text: str            # NFC, header replaced by spaces; what rules match on
    _starts: tuple[int, ...] | None   # view index -> original start (None: identity)
    _ends: tuple[int, ...] | None     # view index -> original end of that char
    header_date: str | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open view span to the half-open original span it came from."""
        if self._starts is None:
            return start, end
        if start >= end:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]


def plain(text: str) -> str:
    """``text`` as the view has it: NFC, with plain spaces."""
    return unicodedata.normalize("NFC", text).translate(_SPACES)


def make_view(original: str) -> TextView:
    """Build the NFC view of ``original`` and blank its metadata header, if any."""
    header_date = None
    body = original.translate(_SPACES)
    found = _header(original)
    if found:
        header_date, (start, end) = found
        body = body[:start] + " " * (end - start) + body[end:]
    if unicodedata.is_normalized("NFC", body):
        return TextView(original, body, None, None, header_date)
    text, starts, ends = _nfc_with_map(body)
    return TextView(original, text, starts, ends, header_date)


def _header(text: str) -> tuple[str, tuple[int, int]] | None:
    """The header's date as ISO at the precision written ("2026-03-10", "2026-03", "2026") and
    the span to blank; a numeric day is read day-first (10/03/2026 is 10 March) unless its second
    number is above 12. None when there is no header or its date is no real day."""
    m = _HEADER.match(text)
    if m is None:
        block = _FRONT_MATTER.match(text) or _OPENING.match(text)
        m = block and _header_line().search(text, block.start(), block.end())
        if not m:
            return None
    written = m.group("date")
    if not written[:4].isdigit():
        a, b, year = map(int, regex.split(r"[/.-]", written))
        day, month = (b, a) if b > 12 else (a, b)
        written = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        date.fromisoformat(written if len(written) == 10 else (written + "-01-01")[:10])
    except ValueError:
        return None
    return written, (m.start(), m.end())


def _nfc_with_map(s: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Normalise one cluster (a starter and its combining marks) at a time.

    Composition never crosses a starter (Hangul jamo aside), so composing cluster by
    cluster gives the NFC string and, for each output char, the cluster it came from.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(s)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(s[j]):
            j += 1
        composed = unicodedata.normalize("NFC", s[i:j])
        out.append(composed)
        starts.extend([i] * len(composed))
        ends.extend([j] * len(composed))
        i = j
    return "".join(out), tuple(starts), tuple(ends)
