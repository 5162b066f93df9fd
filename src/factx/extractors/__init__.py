"""The extractor registry: fact type -> module.

Each module has ``TYPE``, ``STEM`` (its rule file ``patterns/<lang>/<STEM>.toml``),
``SPEC`` (the groups its normaliser understands), ``candidates(book, matches, text, ref, rejected)``
(the pipeline runs each book's rules once and hands the matches over), and
optionally ``NEEDS``: the types ``link`` must see to finish its facts.
Extractors never call each other; linking happens afterwards in ``link``.
"""

from __future__ import annotations

from types import ModuleType

from . import commitments, dates, money, officials

REGISTRY: dict[str, ModuleType] = {m.TYPE: m for m in (dates, money, officials, commitments)}
ALL_TYPES = ("date", "money", "official", "commitment")   # the SPEC's types, in output order
