"""``factx.to_dataframe``: the fact rows as a pandas DataFrame with real dtypes.

The columns are those of ``--format facts``/CSV/Parquet (``columns.fields``), all of them,
in that order: strings as ``string``, offsets as ``Int64``, flags as ``boolean``, days as
``datetime64``, amounts as exact ``decimal.Decimal`` objects (``.astype(float)`` to plot),
mentions as lists. pandas is the optional extra ``factx[pandas]``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from . import columns
from .errors import FactxError, SourceError
from .facts import Document

_DTYPES = {"text": "string", "text?": "string", "period?": "string", "int": "Int64", "bool": "boolean"}


def to_dataframe(documents: Iterable[Document | SourceError]) -> Any:
    """One row per fact of ``documents`` (e.g. ``factx.extract_paths("news/")``; the
    SourceErrors it yields for unreadable files are skipped). Raises FactxError without pandas."""
    try:
        import pandas as pd
    except ImportError:
        raise FactxError("to_dataframe needs pandas: pip install 'factx[pandas]'") from None
    kinds = columns.fields()
    rows = [row for doc in documents if isinstance(doc, Document) for row in columns.rows(doc)]
    frame = pd.DataFrame({name: [row.get(name) for row in rows] for name in kinds})
    for name, kind in kinds.items():
        if kind in _DTYPES:
            frame[name] = frame[name].astype(_DTYPES[kind])
        elif kind == "date?":
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        elif kind in ("decimal", "decimal?"):
            frame[name] = frame[name].map(_exact, na_action="ignore").astype(object)
    return frame


def _exact(value: int | float) -> Decimal:
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
