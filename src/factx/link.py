"""After the extractors: turn settled candidates into Facts on the original text.

This is the one place where facts meet: offsets go back from the NFC view to the
original string (checked, since offsets are the contract), each fact gets its
sentence, and cross-fact linking (official mentions, commitment actors and due
dates) belongs here as those extractors arrive.
"""

from __future__ import annotations

import unicodedata

from .facts import Fact
from .matching import Candidate
from .nlp import Sentences
from .text import TextView


def to_facts(candidates: list[Candidate], view: TextView, sentences: Sentences) -> list[Fact]:
    facts = []
    for c in sorted(candidates, key=lambda c: (c.start, c.end)):
        start, end = view.to_original(c.start, c.end)
        text = view.original[start:end]
        if unicodedata.normalize("NFC", text) != view.text[c.start:c.end]:
            raise AssertionError(f"offset map broke at {c.start}-{c.end}: {text!r}")
        s, e = sentences.around(c.start, c.end)
        s, e = view.to_original(s, e)
        facts.append(Fact(c.type, text, start, end, view.original[s:e], c.rule_id, dict(c.attrs)))
    return facts
