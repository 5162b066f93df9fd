"""After the extractors: turn settled candidates into Facts on the original text.

This is the one place where facts meet. Each type links in registry order with its own
hook (``FactType.link``): dates and money are one fact per candidate; officials are one fact
per person (``officials``: mentions grouped by name, short forms, repeats and title-only
references attached); commitments come after them (``commitments``), because their actor
is one of those people and their deadline one of those dates. Offsets go back from the NFC
view to the original string, checked, since offsets are the contract.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from ..facts import Fact
from ..facttype import FactType, Linking
from ..matching import Candidate
from ..nlp import Sentences
from ..text import TextView


def to_facts(types: Iterable[FactType], candidates: list[Candidate], view: TextView, sentences: Sentences,
             ref: date | None = None, warnings: list[str] | None = None) -> list[Fact]:
    """The facts of ``types``, in text order. A fact whose span cannot be mapped back is left
    out, with a line in ``warnings``: one odd character never costs the document its other facts."""
    by_type: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_type.setdefault(c.type, []).append(c)
    linking = Linking(view, sentences, ref, by_type, [] if warnings is None else warnings)
    facts = [f for t in types for f in t.link(by_type.get(t.name, []), linking)]
    return sorted(facts, key=lambda f: (f.start, f.end))
