"""``factx report``: the corpus at a glance. People across documents and languages, one
tracker row per commitment however many articles reported it, what falls due, money totals,
a timeline, and the documents themselves.

``corpus`` aggregates (pure: documents in, a ``Report`` of plain data out), ``same`` judges
whether two commitments are one, ``html`` and ``markdown`` write the report.
"""

from .corpus import Corpus, Report, build

__all__ = ["Corpus", "Report", "build"]
