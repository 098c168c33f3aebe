"""A batch run: input records -> ordered pool -> journal -> output, with exact accounting.

Every input row gives exactly one journal line (a result or an error row), in input order, so
`rows in == ok + errors` always holds. `--resume` continues an interrupted run from its journal
(see `journal.py`). The closing summary (rows in, ok, errors, elapsed, reports/s) goes to stderr.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .._version import __version__
from ..rules import RuleSet
from .journal import Journal, JournalError
from .pool import OrderedPool, RecordTuple, WorkerCrashedError, chunked
from .progress import Progress
from .readers import BatchInputError, Reader, open_reader
from .writers import FORMATS, OUTPUT_SUFFIXES, finalize, is_error_line


class BatchError(RuntimeError):
    """The run stopped; the message says what happened and whether --resume can finish it."""


@dataclass
class Summary:
    rows: int = 0
    ok: int = 0
    errors: int = 0
    resumed: int = 0  # rows found in the journal of an earlier run
    elapsed_s: float = 0.0
    output: str = ""
    note: str = ""

    @property
    def rate(self) -> float:
        done = self.rows - self.resumed
        return done / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def line(self) -> str:
        resumed = f" ({self.resumed} from the earlier run)" if self.resumed else ""
        return (
            f"foramen: {self.rows} rows in{resumed}, {self.ok} ok, {self.errors} errors, "
            f"{self.elapsed_s:.1f} s, {self.rate:.1f} reports/s -> {self.output}"
        )


def output_format(output: Path, fmt: str | None) -> str:
    """The --format given, else the output's suffix (.csv, .parquet/.pq, .jsonl), else jsonl."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise BatchInputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        return fmt
    return OUTPUT_SUFFIXES.get(output.suffix.lower(), "jsonl")


def _check_output(output: Path, source: str) -> None:
    if output.is_dir():
        raise BatchInputError(f"output {output.name} is a folder; give a file name")
    if not output.parent.is_dir():
        raise BatchInputError(f"no such folder for the output: {output.parent.name or '.'}")
    if source != "-" and Path(source).resolve() == output.resolve():
        raise BatchInputError("the output would overwrite the input")


def _tuples(reader: Reader, skip: int) -> Iterator[RecordTuple]:
    for rec in itertools.islice(reader.records(), skip, None):
        yield (rec.row, rec.id, rec.text, rec.error)


def run_batch(
    source: str,
    output: Path,
    *,
    fmt: str | None = None,
    id_col: str = "id",
    text_col: str = "text",
    workers: int = 1,
    resume: bool = False,
    progress: bool | None = None,
    stderr: TextIO | None = None,
) -> Summary:
    """Run a whole batch. Raises BatchInputError (cannot start) or BatchError (stopped; the
    journal keeps the finished rows for --resume)."""
    err = stderr or sys.stderr
    start = time.monotonic()
    fmt = output_format(output, fmt)
    if workers < 1:
        raise BatchInputError("--workers must be at least 1")
    _check_output(output, source)
    journal = Journal(output)
    summary = Summary(output=output.name)
    if journal.exists() and not resume:
        raise BatchInputError(
            f"{journal.dir.name} holds an unfinished run: re-run with --resume to finish it, "
            "or remove it to start again"
        )
    if resume and output.exists() and not journal.rows_path.exists():
        # complete; a journal folder without rows is what a stop right after the final rename
        # leaves behind
        journal.remove()
        summary.note = f"foramen: nothing to resume: {output.name} is complete"
        return summary

    reader = open_reader(source, id_col=id_col, text_col=text_col)
    rules = RuleSet()
    meta = {
        "input": reader.identity(),
        "format": fmt,
        "id_col": id_col,
        "text_col": text_col,
        "extractor_version": __version__,
        "ruleset_sha256": rules.sha256,
    }
    try:
        if resume and journal.exists():
            summary.resumed, summary.errors = journal.resume(
                meta, lambda line: is_error_line(fmt, line)
            )
            summary.rows = summary.resumed
            summary.ok = summary.resumed - summary.errors
        else:
            journal.start(meta)
    except JournalError as exc:
        raise BatchInputError(str(exc)) from None
    except OSError as exc:
        raise BatchInputError(
            f"cannot write next to the output ({journal.dir.name}): "
            f"{exc.strerror or type(exc).__name__}"
        ) from None

    show = err.isatty() if progress is None else progress
    bar = Progress(reader, enabled=show, stream=err)
    try:
        with bar, OrderedPool(fmt, workers) as pool:
            bar.skip(summary.rows)
            for encoded in pool.map(chunked(_tuples(reader, summary.resumed))):
                journal.append([line for line, _ in encoded])
                n_err = sum(is_err for _, is_err in encoded)
                summary.rows += len(encoded)
                summary.errors += n_err
                summary.ok += len(encoded) - n_err
                bar.advance(len(encoded))
        journal.close()
        finalize(fmt, journal.rows_path, output, journal.dir)
        journal.remove()
    except WorkerCrashedError as exc:
        journal.close()
        raise BatchError(
            f"{exc} after {summary.rows} rows; the finished rows are kept: "
            "re-run with --resume to finish"
        ) from None
    except KeyboardInterrupt:
        journal.close()
        raise BatchError(
            f"interrupted after {summary.rows} rows; re-run with --resume to finish"
        ) from None
    except OSError as exc:
        journal.close()
        raise BatchError(
            f"cannot write the output: {exc.strerror or type(exc).__name__} "
            f"after {summary.rows} rows; re-run with --resume to finish"
        ) from None
    summary.elapsed_s = time.monotonic() - start
    return summary
