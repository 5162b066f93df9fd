"""From view coordinates back to the original text: the offsets every fact promises."""

from __future__ import annotations

from ..facts import Fact
from ..matching import Candidate
from ..nlp import Sentences
from ..text import TextView, plain

Span = tuple[int, int]


def fact_on_original(c: Candidate, view: TextView, sentences: Sentences) -> Fact:
    start, end, text = original(view, (c.start, c.end))
    return Fact(c.type, text, start, end, sentence(view, sentences, (c.start, c.end)), c.rule_id, dict(c.attrs))


def original(view: TextView, span: Span) -> tuple[int, int, str]:
    """A view span as (start, end, text) in the original string, checked."""
    start, end = view.to_original(*span)
    text = view.original[start:end]
    if plain(text) != view.text[span[0]:span[1]]:
        raise AssertionError(f"offset map broke at {span[0]}-{span[1]}: {text!r}")
    return start, end, text


def sentence(view: TextView, sentences: Sentences, span: Span) -> str:
    s, e = view.to_original(*sentences.around(*span))
    return view.original[s:e]
