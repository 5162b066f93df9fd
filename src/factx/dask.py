"""factx on a Dask cluster: a bag of texts in, a bag of documents out; and the partition task
the ``--engine dask`` run sends to the workers.

Documents are independent, so a partition is a plain task; the rule books load once per worker
process (``_warm``) and stay for every partition after. Workers need factx installed, nothing
else: they are sent the records, never paths.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import SourceError
from .records import Record


def extract_bag(bag, **options):
    """A Dask bag of texts (``str``, or ``factx.records.Record`` for a source name, date and
    language per text) to a bag of document dicts, the shape of ``--format json``'s items.
    A text factx fails on (a timeout, an internal error) becomes ``{"source", "error", "kind"}``.
    The options are ``factx.extract``'s."""
    return bag.map_partitions(_bag_partition, options)


def extract_partition(items: list, options: dict) -> tuple[str, list[list]]:
    """One partition of a run: its documents as JSON Lines (those of ``--format jsonl``) and its
    log, ``["error", source, problem, kind]`` or ``["warning", text]`` in input order."""
    from .pipeline import extract_item

    _warm(options)
    lines, log = [], []
    for item in items:
        result = extract_item(item, **options)
        if isinstance(result, SourceError):
            log.append(["error", result.source, result.problem, result.kind])
            continue
        lines.append(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        log.extend(["warning", w] for w in result.warnings)
    return "".join(lines), log


def _bag_partition(texts, options: dict) -> list[dict[str, Any]]:
    from .pipeline import extract_item

    _warm(options)
    out = []
    for text in texts:
        record = text if isinstance(text, Record) else Record("-", text)
        result = extract_item(record, **options)
        out.append({"source": result.source, "error": result.problem, "kind": result.kind}
                   if isinstance(result, SourceError) else result.to_dict())
    return out


_WARMED: set[str] = set()


def _warm(options: dict) -> None:
    """Once per worker process and set of options: load the rule books those options need."""
    from .parallel import warm

    key = repr(sorted(options.items()))
    if key not in _WARMED:
        warm(**options)
        _WARMED.add(key)
