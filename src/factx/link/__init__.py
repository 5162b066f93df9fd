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
from .spans import fact_on_original


def to_facts(candidates: list[Candidate], view: TextView, sentences: Sentences,
             ref: date | None = None) -> list[Fact]:
    by_type: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_type.setdefault(c.type, []).append(c)
    facts = [fact_on_original(c, view, sentences) for t in ("date", "money") for c in by_type.get(t, [])]
    people, official_facts = officials.link(by_type.get("official", []), view, sentences)
    facts.extend(official_facts)
    facts.extend(commitments.link(by_type.get("commitment", []), people, by_type.get("date", []),
                                  view, sentences, ref))
    return sorted(facts, key=lambda f: (f.start, f.end))
