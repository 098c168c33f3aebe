"""An ordered process pool: chunks of records in, encoded rows out, in input order.

Each worker process builds the `Extractor` once (pool initializer) and turns records into journal
lines; only plain tuples and strings cross the process boundary. At most `2 * workers` chunks are
in flight, so memory stays bounded whatever the input size (no eager `imap` feeder). With one
worker everything runs in this process. A worker that dies (killed, out of memory) raises
`WorkerCrashedError`: rows already returned stay written, the rest are not silently dropped.
Processes are started with "spawn": the parent may already run threads (progress display), which
fork does not mix well with.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..extractor import Extractor, InputError, text_fingerprint
from .writers import LineEncoder

log = logging.getLogger("foramen.batch")

CHUNK_SIZE = 32

# (row, id, text or None, error reason or None): what a worker receives per record
RecordTuple = tuple[int, str, str | None, str | None]
# (encoded line, is an error row): what it sends back
Encoded = tuple[str, bool]


class WorkerCrashedError(RuntimeError):
    """A worker process ended abnormally; the run cannot account for its chunk."""


_state: tuple[Extractor, LineEncoder] | None = None


def init_worker(fmt: str, in_subprocess: bool = True) -> None:
    """Build this process's Extractor and encoder (once)."""
    global _state
    if in_subprocess:
        # Ctrl-C is the parent's to handle: workers must not print tracebacks of their own
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        _exit_with_parent()
    ex = Extractor()
    _state = (ex, LineEncoder(fmt, ex.info, ex.rules.codes))


def _exit_with_parent(interval_s: float = 0.5) -> None:
    """End this worker when the parent is gone (e.g. killed with SIGKILL): the pool's queues
    give a worker no end-of-file to notice it by, so it would otherwise wait forever."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(interval_s)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="foramen-parent-watch", daemon=True).start()


def process_chunk(chunk: list[RecordTuple]) -> list[Encoded]:
    assert _state is not None, "init_worker was not called"
    ex, enc = _state
    out: list[Encoded] = []
    for row, rid, text, error in chunk:
        if error is not None:
            out.append((enc.error(rid, error, row), True))
            continue
        assert text is not None  # records.make_record gives a text or an error
        try:
            out.append((enc.result(ex.extract(text, id=rid), row), False))
        except InputError as exc:  # messages are text-free by contract (e.g. too long)
            out.append((enc.error(rid, str(exc), row), True))
        except Exception as exc:  # a defect: keep the row, log no text
            log.error(
                "internal error on row=%d id=%s chars=%d sha=%s: %s",
                row,
                rid,
                len(text),
                text_fingerprint(text),
                type(exc).__name__,
            )
            out.append((enc.error(rid, f"internal error ({type(exc).__name__})", row), True))
    return out


class OrderedPool:
    def __init__(self, fmt: str, workers: int = 1) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None
        if workers == 1:
            init_worker(fmt, in_subprocess=False)
        else:
            self._executor = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker,
                initargs=(fmt,),
            )

    def map(self, chunks: Iterable[list[RecordTuple]]) -> Iterator[list[Encoded]]:
        """Encoded rows of each chunk, in the order the chunks came in."""
        if self._executor is None:
            for chunk in chunks:
                yield process_chunk(chunk)
            return
        window: deque[Future[list[Encoded]]] = deque()
        for chunk in chunks:
            window.append(self._executor.submit(process_chunk, chunk))
            if len(window) >= 2 * self.workers:
                yield self._result(window.popleft())
        while window:
            yield self._result(window.popleft())

    @staticmethod
    def _result(future: Future[list[Encoded]]) -> list[Encoded]:
        try:
            return future.result()
        except BrokenProcessPool:
            raise WorkerCrashedError("a worker process ended abnormally") from None

    def close(self, cancel: bool = False) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=cancel)
            self._executor = None

    def __enter__(self) -> OrderedPool:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.close(cancel=exc_type is not None)


def chunked(records: Iterable[RecordTuple], size: int = CHUNK_SIZE) -> Iterator[list[RecordTuple]]:
    chunk: list[RecordTuple] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
