"""factx: bilingual (English + Vietnamese) fact extraction from news.

    >>> import factx
    >>> doc = factx.extract("Kazakhstan plans a forum in May or June 2026.", lang="en")
    >>> [(f.type, f.text, f.value) for f in doc.facts]
    [('date', 'May or June 2026', '2026-05/2026-06')]

The names below load on first use (PEP 562), so ``import factx`` and the command's start-up
pay for the engine only when they extract.
"""

from __future__ import annotations

from importlib import import_module

from .errors import FactxError, PatternError, SourceError

__version__ = "0.1.0"
_LAZY = {"extract": "pipeline", "extract_file": "pipeline", "extract_paths": "pipeline", "Input": "records",
         "Document": "facts", "DocumentDate": "facts", "Fact": "facts", "to_dataframe": "dataframe",
         "to_spacy": "spacy_bridge"}
__all__ = [*_LAZY, "FactxError", "PatternError", "SourceError", "__version__"]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'factx' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
