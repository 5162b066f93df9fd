"""The contract of a fact type: everything the pipeline, linking, rendering and scoring need.

A fact type is one module under ``extractors/`` (plus its rule files
``patterns/<lang>/<stem>.toml``) that ends with ``FACT_TYPE = FactType(...)``, and one line in
``extractors/__init__.py``. Nothing else names types: link, render, the CSV writer, ``eval``
and the CLI's ``--types`` all iterate the registry, so a field left out is an error at import
time, not a type whose facts silently vanish.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Mapping

from .facts import Fact
from .matching import Candidate
from .nlp import Sentences
from .text import TextView


@dataclass
class Reading:
    """What an extractor reads besides its matches: the (NFC) text, the document date relative
    values hang on, the sentences; ``rejected`` takes (candidate, why) for what makes no value."""

    text: str
    ref: date | None
    sentences: Sentences
    rejected: list[tuple[Candidate, str]] = field(default_factory=list)


@dataclass
class Linking:
    """What a type's ``link`` hook sees: the document and every type's settled candidates.

    Types link in registry order, so a later type may read what an earlier one left in
    ``found`` (commitments read the people officials grouped). ``warnings`` collects facts
    that could not keep their offsets."""

    view: TextView
    sentences: Sentences
    ref: date | None
    candidates: dict[str, list[Candidate]]
    warnings: list[str]
    found: dict[str, Any] = field(default_factory=dict)


def one_fact_per_candidate(candidates: list[Candidate], linking: Linking) -> list[Fact]:
    """The default link: each settled candidate is a fact on the original text."""
    from .link.spans import fact_on_original, mapped

    return [f for c in candidates
            if (f := mapped(linking.warnings, c, fact_on_original, c, linking.view, linking.sentences))]


@dataclass(frozen=True)
class Scoring:
    """How ``factx eval`` reads this type in a gold file (the format of ``score.py``).

    ``match``: prediction and gold item agree on place and value; ``detect``: on place only;
    ``attributes``: (name, right?) for each attribute the gold item states."""

    gold_key: str                                   # the gold document's list: "dates", "officials"
    required: tuple[str, ...]                       # keys every gold item must have
    match: Callable[[dict, dict], bool]
    detect: Callable[[dict, dict], bool]
    attributes: Callable[[dict, dict], list[tuple[str, bool]]] = lambda p, g: []


@dataclass(frozen=True)
class FactType:
    name: str                                       # "date": the JSON ``type`` and the --types word
    stem: str                                       # its rule files: patterns/<lang>/<stem>.toml
    spec: Any                                       # rulebook.Spec: the groups its normaliser reads
    candidates: Callable[..., list[Candidate]]      # (book, matches, Reading)
    fields: dict[str, str]                          # its attributes in the output, in order: name -> kind (columns.py)
    main: str                                       # the field Fact.value reads: "value", "amount", "key"
    title: str                                      # the table's heading: "Dates"
    describe: Callable[[Mapping[str, Any]], str]    # its value in words a person reads
    scoring: Scoring
    link: Callable[[list[Candidate], Linking], list[Fact]] = one_fact_per_candidate
    needs: tuple[str, ...] = ()                     # types whose candidates its link reads
