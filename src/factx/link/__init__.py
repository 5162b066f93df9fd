"""After the extractors: turn settled candidates into Facts on the original text.

This is the one place where facts meet. Offsets go back from the NFC view to the
original string (checked, since offsets are the contract) and each fact gets its
sentence. Dates and money are one fact per candidate. Officials are one fact per
person (``officials``): mentions grouped by name, short forms, repeats and title-only
references attached. Commitments come last (``commitments``), because their actor is
one of those people and their deadline one of those dates.
"""

from __future__ import annotations

from datetime import date

from ..facts import Fact
from ..matching import Candidate
from ..nlp import Sentences
from ..text import TextView
from . import commitments, officials
from .spans import fact_on_original, mapped


def to_facts(candidates: list[Candidate], view: TextView, sentences: Sentences,
             ref: date | None = None, warnings: list[str] | None = None) -> list[Fact]:
    """The facts, in text order. A fact whose span cannot be mapped back is left out, with a
    line in ``warnings``: one odd character never costs the document its other facts."""
    warnings = [] if warnings is None else warnings
    by_type: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_type.setdefault(c.type, []).append(c)
    facts = [f for t in ("date", "money") for c in by_type.get(t, [])
             if (f := mapped(warnings, c, fact_on_original, c, view, sentences))]
    people, official_facts = officials.link(by_type.get("official", []), view, sentences, warnings)
    facts.extend(official_facts)
    facts.extend(commitments.link(by_type.get("commitment", []), people, by_type.get("date", []),
                                  view, sentences, ref, warnings))
    return sorted(facts, key=lambda f: (f.start, f.end))
