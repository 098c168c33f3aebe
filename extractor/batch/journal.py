"""The resume journal: `OUTPUT.partial/` next to the output while a run is unfinished.

It holds `meta.json` (what the run reads and writes: input identity, format, columns, extractor
version and rule set) and `rows.jsonl` (one line per finished input row, in input order, appended
and flushed after every chunk, fsynced at checkpoints). A run killed at any point, `kill -9`
included, leaves complete lines plus at most one partial last line; `--resume` drops the partial
line, checks that the meta matches, and continues after the last complete row. When the run ends
the journal becomes the output and the folder is removed.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

JOURNAL_VERSION = 1
FSYNC_EVERY_S = 5.0


class JournalError(ValueError):
    """The journal cannot be used (message names files, never report text)."""


class Journal:
    def __init__(self, output: Path) -> None:
        self.output = output
        self.dir = output.with_name(output.name + ".partial")
        self.meta_path = self.dir / "meta.json"
        self.rows_path = self.dir / "rows.jsonl"
        self._fh: BinaryIO | None = None
        self._last_sync = 0.0

    def exists(self) -> bool:
        return self.dir.exists()

    def start(self, meta: dict[str, Any]) -> None:
        """A new, empty journal (any old one is removed)."""
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir()
        tmp = self.dir / "meta.json.tmp"
        tmp.write_text(json.dumps({"journal_version": JOURNAL_VERSION, **meta}, indent=1))
        os.replace(tmp, self.meta_path)
        self.rows_path.touch()
        self._open()

    def resume(self, meta: dict[str, Any], is_error: Callable[[bytes], bool]) -> tuple[int, int]:
        """Reopen an unfinished journal for `meta`: (complete rows, error rows among them)."""
        try:
            saved = json.loads(self.meta_path.read_text())
        except (OSError, ValueError):
            raise JournalError(
                f"{self.dir.name} is not a usable journal: remove it to start again"
            ) from None
        expected = {"journal_version": JOURNAL_VERSION, **meta}
        if saved != expected:
            diff = sorted(
                k for k in expected.keys() | saved.keys() if saved.get(k) != expected.get(k)
            )
            raise JournalError(
                f"{self.dir.name} was written for a different run (differs in: "
                f"{', '.join(diff)}): remove it to start again"
            )
        if not self.rows_path.exists():
            self.rows_path.touch()
        rows, errors, good_end = 0, 0, 0
        with self.rows_path.open("rb") as fh:
            for line in fh:
                if not line.endswith(b"\n"):
                    break  # the partial last line of an interrupted write
                try:
                    error = is_error(line)
                except (ValueError, KeyError, IndexError, TypeError):
                    break  # a torn line (e.g. after a crash of the machine): redo from here
                rows += 1
                errors += error
                good_end += len(line)
        with self.rows_path.open("r+b") as fh:
            fh.truncate(good_end)
        self._open()
        return rows, errors

    def _open(self) -> None:
        self._fh = self.rows_path.open("ab")
        self._last_sync = time.monotonic()

    def append(self, lines: list[str]) -> None:
        """Append finished rows, flushed to the OS (survives kill -9); fsync every few seconds."""
        assert self._fh is not None
        self._fh.write("".join(f"{line}\n" for line in lines).encode("utf-8"))
        self._fh.flush()
        if time.monotonic() - self._last_sync >= FSYNC_EVERY_S:
            self.sync()

    def sync(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._last_sync = time.monotonic()

    def close(self) -> None:
        if self._fh is not None:
            self.sync()
            self._fh.close()
            self._fh = None

    def remove(self) -> None:
        self.close()
        shutil.rmtree(self.dir, ignore_errors=True)
