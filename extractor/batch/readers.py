"""Streaming input records from JSONL, CSV, Parquet, a folder of .txt files, or JSONL on stdin.

Every reader yields `Record`s one at a time (nothing is loaded whole), numbered from 1 in input
order. A bad row (invalid JSON, bad encoding, missing or non-string text) becomes a record with an
error reason and never stops the stream. Only an unusable invocation (missing file, unknown format,
a CSV/Parquet file without the text column) raises `BatchInputError`, before any row is read.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..io import MAX_INPUT_BYTES, InputReadError, decode_report
from .records import MISSING, Record, fallback_id, make_record, record_id

# A JSONL line or CSV field longer than this is an error row, not a memory spike.
MAX_LINE_BYTES = 8 * 1024 * 1024
PARQUET_BATCH_ROWS = 256

INPUT_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}


class BatchInputError(ValueError):
    """The batch cannot start (the message never contains report text)."""


class Reader:
    """Base of the readers: `records()` streams the rows; `total`/`position()` drive progress
    (in rows or bytes, whichever the format knows up front; `total` None when unknown)."""

    kind: str = ""
    total: int | None = None

    def records(self) -> Iterator[Record]:
        raise NotImplementedError

    def position(self) -> int:
        return 0

    def identity(self) -> dict[str, object]:
        """What the resume journal checks to be sure it continues the same input."""
        return {"kind": self.kind}


def _open_binary(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except PermissionError:
        raise BatchInputError(f"permission denied: {path.name}") from None
    except OSError as exc:
        raise BatchInputError(f"cannot read {path.name}: {exc.strerror}") from None


def _file_identity(kind: str, path: Path) -> dict[str, object]:
    st = path.stat()
    return {
        "kind": kind,
        "path": str(path.resolve()),
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
    }


class JsonlReader(Reader):
    """One JSON object per line, read in binary and decoded line by line; blank lines are not
    rows. `path` None reads standard input."""

    kind = "jsonl"

    def __init__(self, path: Path | None, id_col: str, text_col: str) -> None:
        self.path, self.id_col, self.text_col = path, id_col, text_col
        self._fh: BinaryIO = sys.stdin.buffer if path is None else _open_binary(path)
        self.total = None if path is None else path.stat().st_size
        self._pos = 0

    def position(self) -> int:
        return self._pos

    def identity(self) -> dict[str, object]:
        if self.path is None:
            return {"kind": "jsonl", "path": "-"}
        return _file_identity(self.kind, self.path)

    def records(self) -> Iterator[Record]:
        fh, row, line_no = self._fh, 0, 0
        try:
            while True:
                line = fh.readline(MAX_LINE_BYTES + 1)
                if not line:
                    return
                self._pos += len(line)
                line_no += 1
                if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                    while (more := fh.readline(MAX_LINE_BYTES)) and not more.endswith(b"\n"):
                        self._pos += len(more)
                    self._pos += len(more)
                    row += 1
                    yield Record(
                        row,
                        fallback_id(row),
                        None,
                        f"line {line_no} is longer than {MAX_LINE_BYTES} bytes",
                    )
                    continue
                if line_no == 1:
                    line = line.removeprefix(codecs.BOM_UTF8)
                if not line.strip():
                    continue
                row += 1
                yield self._record(row, line_no, line)
        finally:
            if self.path is not None:
                fh.close()

    def _record(self, row: int, line_no: int, line: bytes) -> Record:
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError:
            return Record(row, fallback_id(row), None, f"line {line_no} is not valid UTF-8")
        try:
            obj = json.loads(decoded)
        except ValueError:
            return Record(row, fallback_id(row), None, f"invalid JSON on line {line_no}")
        if not isinstance(obj, dict):
            return Record(row, fallback_id(row), None, f"line {line_no} is not a JSON object")
        return make_record(
            row, obj.get(self.id_col), obj.get(self.text_col, MISSING), self.text_col
        )


class CsvReader(Reader):
    """A CSV file with a header row (UTF-8, optional BOM; quoted fields may span lines). Bytes
    that are not UTF-8 make that row an error; blank lines are not rows."""

    kind = "csv"

    def __init__(self, path: Path, id_col: str, text_col: str) -> None:
        self.path, self.id_col, self.text_col = path, id_col, text_col
        self._raw = _open_binary(path)
        self.total = path.stat().st_size
        csv.field_size_limit(MAX_LINE_BYTES)  # the default (131072) is below the report limit
        text = io.TextIOWrapper(
            self._raw, encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
        self._reader = csv.reader(text)
        try:
            header = next(self._reader, None)
        except csv.Error:
            self._raw.close()
            raise BatchInputError(f"{path.name} does not start with a CSV header row") from None
        self._header = header or []
        if header is not None and text_col not in header:
            self._raw.close()
            raise BatchInputError(
                f"{path.name} has no column {text_col!r} in its header (see --text-col)"
            )

    def position(self) -> int:
        if self._raw.closed:
            return self.total or 0
        try:
            return self._raw.tell()
        except (OSError, ValueError):
            return 0

    def identity(self) -> dict[str, object]:
        return _file_identity(self.kind, self.path)

    def records(self) -> Iterator[Record]:
        if not self._header:
            self._raw.close()
            return
        ti = self._header.index(self.text_col)
        ii = self._header.index(self.id_col) if self.id_col in self._header else None
        row = 0
        try:
            while True:
                try:
                    fields = next(self._reader)
                except StopIteration:
                    return
                except csv.Error:
                    row += 1
                    yield Record(row, fallback_id(row), None, f"row {row} is not valid CSV")
                    continue
                if not fields:
                    continue
                row += 1
                raw_id = fields[ii] if ii is not None and ii < len(fields) else None
                raw_text = fields[ti] if ti < len(fields) else MISSING
                yield make_record(row, raw_id, raw_text, self.text_col)
        finally:
            self._raw.close()


class ParquetReader(Reader):
    """A Parquet file read in batches of row groups' rows (`iter_batches`); string or UTF-8
    binary text column."""

    kind = "parquet"

    def __init__(self, path: Path, id_col: str, text_col: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.path, self.id_col, self.text_col = path, id_col, text_col
        _open_binary(path).close()
        try:
            self._file = pq.ParquetFile(path)
        except (pa.ArrowException, OSError):
            raise BatchInputError(f"{path.name} is not a readable Parquet file") from None
        names = self._file.schema_arrow.names
        if text_col not in names:
            raise BatchInputError(f"{path.name} has no column {text_col!r} (see --text-col)")
        self._columns = [text_col] + ([id_col] if id_col in names and id_col != text_col else [])
        self.total = self._file.metadata.num_rows
        self._done = 0

    def position(self) -> int:
        return self._done

    def identity(self) -> dict[str, object]:
        return _file_identity(self.kind, self.path)

    def records(self) -> Iterator[Record]:
        row = 0
        for batch in self._file.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=self._columns):
            texts = batch.column(self.text_col).to_pylist()
            ids = (
                batch.column(self.id_col).to_pylist()
                if self.id_col in self._columns
                else [None] * len(texts)
            )
            for raw_id, raw_text in zip(ids, texts, strict=True):
                row += 1
                self._done = row
                text: object = raw_text
                if isinstance(raw_text, bytes):
                    try:
                        text = raw_text.decode("utf-8")
                    except UnicodeDecodeError:
                        yield Record(row, fallback_id(row), None, "text is not valid UTF-8")
                        continue
                yield make_record(row, raw_id, text, self.text_col)


class TxtFolderReader(Reader):
    """Every `*.txt` file directly in a folder, sorted by name; id = file name without `.txt`."""

    kind = "txt"

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with os.scandir(path) as entries:
                self._names = sorted(
                    e.name for e in entries if e.name.lower().endswith(".txt") and e.is_file()
                )
        except OSError as exc:
            raise BatchInputError(f"cannot read folder {path.name}: {exc.strerror}") from None
        self.total = len(self._names)
        self._done = 0

    def position(self) -> int:
        return self._done

    def identity(self) -> dict[str, object]:
        return {"kind": self.kind, "path": str(self.path.resolve()), "files": len(self._names)}

    def records(self) -> Iterator[Record]:
        for row, name in enumerate(self._names, 1):
            self._done = row
            rid = record_id(name[: -len(".txt")], row) or fallback_id(row)
            yield self._record(row, rid, self.path / name)

    @staticmethod
    def _record(row: int, rid: str, path: Path) -> Record:
        try:
            if path.stat().st_size > MAX_INPUT_BYTES:
                return Record(row, rid, None, f"file is larger than {MAX_INPUT_BYTES} bytes")
            data = path.read_bytes()
        except OSError as exc:
            return Record(row, rid, None, f"cannot read file: {exc.strerror}")
        try:
            text = decode_report(data)
        except InputReadError as exc:
            return Record(row, rid, None, str(exc).replace("input ", "file ", 1))
        return make_record(row, rid, text, "text")


def open_reader(source: str, *, id_col: str = "id", text_col: str = "text") -> Reader:
    """The reader for `source`: `-` (JSONL on stdin), a folder of .txt files, or a file whose
    suffix names its format (.jsonl/.ndjson/.json, .csv, .parquet/.pq)."""
    if source == "-":
        return JsonlReader(None, id_col, text_col)
    path = Path(source)
    if not path.exists():
        raise BatchInputError(f"no such file or folder: {path.name}")
    if path.is_dir():
        return TxtFolderReader(path)
    kind = INPUT_SUFFIXES.get(path.suffix.lower())
    if kind == "jsonl":
        return JsonlReader(path, id_col, text_col)
    if kind == "csv":
        return CsvReader(path, id_col, text_col)
    if kind == "parquet":
        return ParquetReader(path, id_col, text_col)
    raise BatchInputError(
        f"cannot tell the format of {path.name}: use a .jsonl, .csv or .parquet file, "
        "a folder of .txt files, or - for JSONL on standard input"
    )
