"""The progress display: a rich progress bar with rows, rate and ETA on stderr when it is a
terminal; nothing otherwise. It shows counts only, never report content."""

from __future__ import annotations

import time
from typing import Any, TextIO

from .readers import Reader


class Progress:
    """Progress over the reader's own units (rows for Parquet and .txt folders, bytes for
    JSONL/CSV files, none for stdin) with the rows done and reports/s beside it."""

    def __init__(self, reader: Reader, *, enabled: bool, stream: TextIO) -> None:
        self.reader, self.enabled, self.stream = reader, enabled, stream
        self._rows = 0
        self._skipped = 0
        self._start = time.monotonic()
        self._progress: Any = None  # a rich Progress while shown
        self._task: Any = None

    def __enter__(self) -> Progress:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        self._progress = RichProgress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rows]} rows, {task.fields[rate]} reports/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=self.stream),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(
            "foramen batch", total=self.reader.total, rows=0, rate="-"
        )
        return self

    def skip(self, rows: int) -> None:
        """Rows done by an earlier run (counted, not in the rate)."""
        self._skipped += rows
        self.advance(rows)

    def advance(self, rows: int) -> None:
        self._rows += rows
        if self._progress is None or self._task is None:
            return
        elapsed = time.monotonic() - self._start
        rate = f"{(self._rows - self._skipped) / elapsed:.1f}" if elapsed > 0 else "-"
        self._progress.update(
            self._task,
            completed=self.reader.position() if self.reader.total else self._rows,
            rows=self._rows,
            rate=rate,
        )

    def __exit__(self, *_: object) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
