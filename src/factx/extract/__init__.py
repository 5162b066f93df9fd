"""The extractor registry: fact type -> module.

Each module has ``TYPE``, ``STEM`` (its rule file ``patterns/<lang>/<STEM>.toml``),
``SPEC`` (the groups its normaliser understands) and ``candidates(book, text, ref)``.
Extractors never call each other; linking happens afterwards in ``link``.
"""

from __future__ import annotations

from types import ModuleType

from . import dates, money, officials

REGISTRY: dict[str, ModuleType] = {m.TYPE: m for m in (dates, money, officials)}
ALL_TYPES = ("date", "money", "official", "commitment")   # the SPEC's types, in output order
