"""The text every rule sees: NFC-normalised, spaces plain, metadata header blanked, with a map back.

Rules are written against composed (NFC) Vietnamese. A decomposed (NFD) file would
match nothing, so we match on an NFC *view* and map every span back to the original
string; nothing is ever rewritten in the text we report offsets into. Every other space
character (the no-break space of scraped HTML, thin spaces) is a plain space in the view,
one for one, so a word list's "Prime Minister" or "is committed" matches it too.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

_SPACES = {ord(c): " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"}
# A leading metadata line such as " date 2025-12-16 " (the seeds' crawler header).
_HEADER = regex.compile(r"\A\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})(?=\s)")


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
    m = _HEADER.match(original)
    if m:
        header_date = m.group("date")
        body = " " * m.end() + body[m.end():]
    if unicodedata.is_normalized("NFC", body):
        return TextView(original, body, None, None, header_date)
    text, starts, ends = _nfc_with_map(body)
    return TextView(original, text, starts, ends, header_date)


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
