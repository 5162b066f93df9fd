"""factx: bilingual (English + Vietnamese) fact extraction from news.

    >>> import factx
    >>> doc = factx.extract("Kazakhstan plans a forum in May or June 2026.", lang="en")
    >>> [(f.text, f.attrs["value"]) for f in doc.facts]
    [('May or June 2026', '2026-05/2026-06')]
"""

from .errors import FactxError, PatternError, SourceError
from .facts import Document, DocumentDate, Fact
from .pipeline import extract, extract_file, extract_paths

__version__ = "0.1.0"
__all__ = ["extract", "extract_file", "extract_paths", "Document", "DocumentDate", "Fact",
           "FactxError", "PatternError", "SourceError", "__version__"]
