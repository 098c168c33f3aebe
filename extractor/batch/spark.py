"""Spark integration (optional extra `foramen[spark]`): registry rows from a DataFrame of reports.

    from extractor.batch.spark import extract_registry
    rows = extract_registry(df, id_col="id", text_col="text")   # exactly registry.COLUMNS

The function runs `mapInArrow` (Arrow record batches in and out, so the output has the registry's
own Arrow schema without a pandas round trip). Each Python worker process builds the `Extractor`
once, on first use, and keeps it for every later partition (Spark reuses Python workers by
default). Rows are extracted with the same `Extractor`, the same id/text rules
(`records.py`) and the same registry row builder as `foramen batch`, so the same input gives the
same rows. One difference: Spark has no input row number, so a row with no usable id keeps a null
id instead of "row-N". The output keeps the partitioning of the input (no shuffle).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from . import registry
from .records import record_id, text_error

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

    from ..extractor import Extractor

_extractor: Extractor | None = None


def _get_extractor() -> Extractor:
    """The Extractor of this Python worker process, built once."""
    global _extractor
    if _extractor is None:
        from ..extractor import Extractor

        _extractor = Extractor()
    return _extractor


def registry_rows(ids: list[Any], texts: list[Any], text_col: str = "text") -> list[dict]:
    """Registry rows for parallel lists of raw ids and texts (the per-batch work of Spark)."""
    from ..extractor import InputError

    ex = _get_extractor()
    rows = []
    for raw_id, raw_text in zip(ids, texts, strict=True):
        rid = record_id(raw_id, None)
        reason = text_error(raw_text, text_col)
        if reason is None:
            try:
                rows.append(registry.result_row(ex.extract(raw_text, id=rid)))
                continue
            except InputError as exc:
                reason = str(exc)
            except Exception as exc:  # a defect: keep the row, never the text
                reason = f"internal error ({type(exc).__name__})"
        rows.append(registry.error_row(rid, reason, ex.info))
    return rows


def _map_batches(batches: Iterator[Any], text_col: str) -> Iterator[Any]:
    import pyarrow as pa

    schema = registry.arrow_schema()
    for batch in batches:
        texts = batch.column("text").to_pylist()
        ids = batch.column("id").to_pylist()
        yield pa.RecordBatch.from_pylist(registry_rows(ids, texts, text_col), schema=schema)


def extract_registry(df: DataFrame, id_col: str = "id", text_col: str = "text") -> DataFrame:
    """A DataFrame with exactly the registry columns, one row per input row of `df`.

    `id_col` is optional (absent: null ids); `text_col` must be a string column. Rows whose
    text is null, empty or too long become error rows (column `error`), never dropped.
    """
    from pyspark.sql import functions as F

    if text_col not in df.columns:
        raise ValueError(f"the DataFrame has no column {text_col!r}")
    if df.schema[text_col].dataType.typeName() != "string":
        raise ValueError(f"column {text_col!r} is not a string column")
    id_expr = F.col(id_col) if id_col in df.columns else F.lit(None)
    source = df.select(id_expr.cast("string").alias("id"), F.col(text_col).alias("text"))

    def run(batches: Iterable[Any]) -> Iterable[Any]:
        return _map_batches(iter(batches), text_col)

    return source.mapInArrow(run, registry.spark_ddl())
