"""Output formats: how one row is encoded as a journal line, and how the finished journal becomes
the output file.

Every format first goes through the journal (one JSON line per input row, in input order):

- `jsonl`: the line is the full ReportResult, or `{"id": ..., "error": "<reason>"}`; the finished
  journal is renamed to the output.
- `fhir`: the line is one FHIR Bundle (see `fhir.py`); the finished journal is renamed.
- `csv`, `parquet`: the line is the registry row (see `registry.py`); the finished journal is
  streamed into a temporary file next to the output, which is then renamed over the output, so
  the output file only ever exists complete. CSV: UTF-8, a header row, empty cell for null,
  `true`/`false` for booleans.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..rules import CodesFile
from ..schema import ExtractorInfo, ReportResult
from . import fhir, registry

FORMATS = ("jsonl", "csv", "parquet", "fhir")
OUTPUT_SUFFIXES = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
PARQUET_ROWS_PER_WRITE = 8192


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class LineEncoder:
    """Encodes rows of one output format as journal lines (str, without the newline)."""

    def __init__(self, fmt: str, info: ExtractorInfo, codes: CodesFile) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        self.fmt, self.info, self.codes = fmt, info, codes

    def result(self, result: ReportResult, row: int) -> str:
        if self.fmt == "jsonl":
            return result.model_dump_json()
        if self.fmt == "fhir":
            bundle = fhir.report_bundle(result, self.codes, row)
            fhir.validate_bundle(bundle)
            return _dumps(bundle)
        return _dumps(registry.result_row(result))

    def error(self, rid: str | None, reason: str, row: int) -> str:
        if self.fmt == "jsonl":
            return _dumps({"id": rid, "error": reason})
        if self.fmt == "fhir":
            bundle = fhir.error_bundle(rid, reason, row)
            fhir.validate_bundle(bundle)
            return _dumps(bundle)
        return _dumps(registry.error_row(rid, reason, self.info))


def is_error_line(fmt: str, line: bytes) -> bool:
    """Whether a journal line of format `fmt` is an error row (used to recount on resume)."""
    obj = json.loads(line)
    if fmt == "jsonl":
        return "error" in obj and "schema_version" not in obj
    if fmt == "fhir":
        return obj["entry"][0]["resource"]["resourceType"] == "OperationOutcome"
    return obj.get("error") is not None


def _journal_rows(journal: Path) -> Iterator[dict[str, Any]]:
    with journal.open("rb") as fh:
        for line in fh:
            yield json.loads(line)


def _fsync_replace(tmp: Path, output: Path) -> None:
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, output)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_csv(journal: Path, tmp: Path) -> None:
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(registry.COLUMNS)
        for row in _journal_rows(journal):
            writer.writerow([_csv_cell(row[c]) for c in registry.COLUMNS])


def write_parquet(journal: Path, tmp: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = registry.arrow_schema()
    with pq.ParquetWriter(tmp, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in _journal_rows(journal):
            batch.append(row)
            if len(batch) >= PARQUET_ROWS_PER_WRITE:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        # always write (possibly empty) so an input with no rows still has the full schema
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def finalize(fmt: str, journal: Path, output: Path, scratch: Path) -> None:
    """Turn a complete journal into `output`: renamed (jsonl, fhir) or converted through a
    temporary file in `scratch` (same folder as the output) and renamed (csv, parquet)."""
    if fmt in ("jsonl", "fhir"):
        _fsync_replace(journal, output)
        return
    tmp = scratch / f"output.{fmt}.tmp"
    (write_csv if fmt == "csv" else write_parquet)(journal, tmp)
    _fsync_replace(tmp, output)


def read_registry_csv(path: Path) -> list[dict[str, Any]]:
    """Read a registry CSV back into rows typed as in Parquet (None, bool, str)."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for raw in csv.DictReader(fh):
            row: dict[str, Any] = {}
            for column in registry.COLUMNS:
                value = raw[column]
                # "" in the list columns is "none found" on an extracted row, null on an error row
                keeps_empty = column in ("cord_compression", "red_flags") and not raw["error"]
                if value == "" and not keeps_empty:
                    row[column] = None
                elif column in registry.BOOLEAN_COLUMNS:
                    row[column] = value == "true"
                else:
                    row[column] = value
            rows.append(row)
    return rows
