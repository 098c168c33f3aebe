"""The one Extractor of a worker process, shared by request threads behind a lock.

`Extractor` is not thread-safe and plain `def` endpoints run in a thread pool, so every call
holds the lock (a batch takes it once per report, so single requests are not starved). The work
is CPU-bound and holds the GIL, so more Extractors in one process would only cost memory:
scale with `foramen serve --workers N` (one process, one Extractor each).
"""

from __future__ import annotations

import threading

from extractor import ClinicalContext, Extractor, ReportResult


class ExtractionService:
    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor
        self._lock = threading.Lock()

    def extract(
        self, text: str, rid: str | None, clinical: ClinicalContext | None = None
    ) -> ReportResult:
        with self._lock:
            return self.extractor.extract(text, id=rid, clinical=clinical)
