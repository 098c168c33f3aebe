"""The one Extractor of a worker process, shared by request threads behind a lock.

`Extractor` is not thread-safe and plain `def` endpoints run in a thread pool, so every call
holds the lock (a batch takes it once per report, so single requests are not starved). The work
is CPU-bound and holds the GIL, so more Extractors in one process would only cost memory:
scale with `foramen serve --workers N` (one process, one Extractor each).

spaCy 3.7 has no memory zones: every new string a report brings stays in the pipeline's
StringStore for the life of the process. So that a long-running worker does not grow without
bound, the service builds a fresh pipeline once the store has grown by `recycle_strings`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from extractor import ClinicalContext, Extractor, ReportResult

log = logging.getLogger("foramen.api")


class ExtractionService:
    def __init__(
        self,
        extractor: Extractor,
        *,
        factory: Callable[[], Extractor] | None = None,
        recycle_strings: int | None = None,
    ) -> None:
        self.extractor = extractor
        self._factory = factory
        self._recycle_strings = recycle_strings
        self._baseline = self._strings() if factory is not None else 0
        self._lock = threading.Lock()
        self.recycled = 0

    def extract(
        self, text: str, rid: str | None, clinical: ClinicalContext | None = None
    ) -> ReportResult:
        with self._lock:
            try:
                return self.extractor.extract(text, id=rid, clinical=clinical)
            finally:
                self._maybe_recycle()

    def _strings(self) -> int:
        return len(self.extractor.nlp.vocab.strings)

    def _maybe_recycle(self) -> None:
        if self._factory is None or self._recycle_strings is None:
            return
        grown = self._strings() - self._baseline
        if grown > self._recycle_strings:
            log.info("rebuilding the pipeline: its string store grew by %d strings", grown)
            self.extractor = self._factory()
            self._baseline = self._strings()
            self.recycled += 1
