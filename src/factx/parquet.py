"""``--format parquet``: the fact rows with real types, for DuckDB, pandas and Spark.

Columns and types come from ``columns`` (dates as ``date32``, booleans, offsets as
``int64``, amounts as ``decimal128(38, 6)`` so 4286668470037.40 stays exact). Rows are
written in row groups as they come, so a corpus never sits in memory. pyarrow is the
optional extra ``factx[parquet]``.
"""

from __future__ import annotations

from typing import IO, Any

from . import columns
from .errors import FactxError
from .facts import Document

ROW_GROUP = 10_000


class ParquetWriter:
    def __init__(self, stream: IO[bytes], picked: tuple[str, ...] | None = None):
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise FactxError("--format parquet needs pyarrow: pip install 'factx[parquet]'") from None
        kinds = columns.fields()
        self.kinds = {name: kinds[name] for name in (picked or kinds)}
        self.schema = pa.schema([(name, columns.arrow_type(kind)) for name, kind in self.kinds.items()])
        self.writer = pq.ParquetWriter(stream, self.schema)
        self.pending: list[dict[str, Any]] = []

    def write(self, doc: Document) -> None:
        self.pending.extend(columns.rows(doc))
        if len(self.pending) >= ROW_GROUP:
            self._flush()

    def close(self) -> None:
        self._flush()
        self.writer.close()

    def _flush(self) -> None:
        import pyarrow as pa

        if not self.pending:
            return
        data = {name: [columns.arrow_value(kind, row.get(name)) for row in self.pending]
                for name, kind in self.kinds.items()}
        self.writer.write_table(pa.Table.from_pydict(data, schema=self.schema))
        self.pending = []
