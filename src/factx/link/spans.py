"""From view coordinates back to the original text: the offsets every fact promises.

A span is first widened to whole characters as a reader sees them: a combining mark, a
zero-width joiner or a variation selector written after its last character belongs to it
("16/12" followed by U+0301 ends after the mark). If the map back still disagrees with the
view, ``OffsetError`` is raised and the caller drops that one fact with a warning.
"""

from __future__ import annotations

import unicodedata

from ..facts import Fact
from ..matching import Candidate
from ..nlp import Sentences
from ..text import TextView, plain

Span = tuple[int, int]


def fact_on_original(c: Candidate, view: TextView, sentences: Sentences) -> Fact:
    start, end, text = original(view, (c.start, c.end))
    return Fact(c.type, text, start, end, sentence(view, sentences, (c.start, c.end)), c.rule_id, dict(c.attrs))


class OffsetError(ValueError):
    """A span that does not map back to the original text (a fact that cannot keep its promise)."""


def original(view: TextView, span: Span) -> tuple[int, int, str]:
    """A view span, widened to whole characters, as (start, end, text) in the original, checked."""
    lo, hi = _whole(view.text, span)
    start, end = view.to_original(lo, hi)
    text = view.original[start:end]
    if plain(text) != view.text[lo:hi]:
        raise OffsetError(f"span {span[0]}-{span[1]} does not map back to the text ({text!r})")
    return start, end, text


def _whole(text: str, span: Span) -> Span:
    lo, hi = span
    while lo > 0 and _attached(text[lo]) and lo < hi:
        lo -= 1
    while hi < len(text) and _attached(text[hi]):
        hi += 1
    return lo, hi


def _attached(c: str) -> bool:
    """Written after a character and part of it: a combining mark, ZWJ, a variation selector."""
    return unicodedata.category(c) in ("Mn", "Mc", "Me") or c == "\u200d" or "\ufe00" <= c <= "\ufe0f"


def mapped(warnings: list[str], c: Candidate, build, *args) -> Fact | None:
    """``build(*args)``, or None with a warning when the fact's span does not map back."""
    try:
        return build(*args)
    except OffsetError as e:
        warnings.append(f"a {c.type} fact left out ({c.rule_id}): {e}")
        return None


def sentence(view: TextView, sentences: Sentences, span: Span) -> str:
    s, e = view.to_original(*sentences.around(*span))
    return view.original[s:e]
