"""The fact-type registry: name -> FactType (see ``factx.facttype`` for the contract).

Each module ends with ``FACT_TYPE``: its name, rule stem and ``Spec``, ``candidates(book,
matches, reading)`` (the pipeline runs each book's rules once and hands the matches over), its output fields, table title and words, how ``eval`` scores it, its link
hook and the types that hook reads (``needs``). The order here is the output order, and a
type is linked after the types it needs. Extractors never call each other; linking happens
afterwards, in ``link``.
"""

from __future__ import annotations

from ..facttype import FactType
from . import commitments, dates, money, officials

REGISTRY: dict[str, FactType] = {}


def register(fact_type: FactType) -> None:
    """Add a fact type (after the types it needs): every command and format then knows it."""
    missing = [n for n in fact_type.needs if n not in REGISTRY]
    if missing:
        raise ValueError(f"fact type {fact_type.name!r} needs {', '.join(missing)}: register those first")
    REGISTRY[fact_type.name] = fact_type


for _module in (dates, money, officials, commitments):
    register(_module.FACT_TYPE)
