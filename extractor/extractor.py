"""The public entry point: `Extractor().extract(text, id=...)` -> `ReportResult`."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from . import grid
from ._version import __version__
from .annotate import FindingAnnotator
from .clinical import ClinicalContext
from .findings import build_findings
from .layout import plain_layout
from .levels import CERVICAL_LEVELS, LEVELS_KEY
from .modality import ModalityDetector
from .pathway import PathwayEngine
from .pipeline import build_pipeline
from .rules import RuleSet
from .schema import SEVERITY_RANK, ExtractorInfo, ReportResult
from .segmenter import TEXT_KEY, doc_text

log = logging.getLogger("foramen")

DEFAULT_MAX_CHARS = 200_000

_ENGLISH_HINTS = re.compile(
    r"\b(the|and|of|with|no|is|are|at|there|spine|disc|disk|canal|foramina?l?|stenosis|narrowing|"
    r"cord|mild|moderate|severe|findings|impression|left|right|level)\b",
    re.I,
)


class InputError(ValueError):
    """The input cannot be processed as a report (the message never contains report text)."""


class ReportTooLongError(InputError):
    pass


def text_fingerprint(text: str) -> str:
    """A short, non-reversible fingerprint for logs (never log report text)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


_ASCII_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    if not sample:
        return 0.0
    if sample.isascii():  # the usual case, without a per-character Python loop
        return len(_ASCII_CONTROL_RE.findall(sample)) / len(sample)
    bad = sum(
        1
        for ch in sample
        if (unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\n\r\t\f\v")
        or ch == "\ufffd"
    )
    return bad / len(sample)


def _looks_english(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text[:5000])
    if len(words) < 3:
        return True  # too short to judge
    hits = len(_ENGLISH_HINTS.findall(text[:5000]))
    return hits / len(words) >= 0.08


class Extractor:
    """Builds the pipeline once (from `patterns/`) and extracts ReportResults.

    Thread-compatible but not thread-safe: use one Extractor per thread or process.
    """

    def __init__(
        self,
        patterns_dir: str | None = None,
        *,
        max_chars: int = DEFAULT_MAX_CHARS,
        injection_threshold: str | None = None,
    ) -> None:
        if injection_threshold is not None and (
            injection_threshold not in SEVERITY_RANK
            or injection_threshold in ("none", "unspecified")
        ):
            raise ValueError(f"invalid injection threshold {injection_threshold!r}")
        self.rules = RuleSet(patterns_dir)
        self.nlp = build_pipeline(self.rules)
        self.modality = ModalityDetector(self.rules.modality)
        self.pathway = PathwayEngine(self.rules.pathway, injection_threshold)
        self.annotator = FindingAnnotator(self.rules.codes)
        self.max_chars = max_chars
        self.info = ExtractorInfo(version=__version__, ruleset_sha256=self.rules.sha256)

    # -- public API --------------------------------------------------------------------------
    def extract(
        self,
        text: str,
        id: str | None = None,
        clinical: ClinicalContext | None = None,
    ) -> ReportResult:
        """Extract one report. Raises `InputError` for unusable input (not a str, too long).

        With `clinical`, the pathway is refined by the clinical rules (R0-R10).
        """
        warnings = self._check(text)
        if warnings is None:  # unusable content, but a valid str: an empty result with warnings
            return self._empty(id, self._content_warnings(text), clinical)
        # spaCy >= 3.8 frees per-request strings with memory zones; 3.7 has none.
        zone = getattr(self.nlp, "memory_zone", None)
        # exported markup ("<br>", "&nbsp;", "\\par") is read as the layout it stands for; the
        # layout text has the same length, so offsets hold for `text`
        layout = plain_layout(text)
        with zone() if zone is not None else contextlib.nullcontext():
            doc = self.nlp.make_doc(layout)
            doc.user_data[TEXT_KEY] = layout  # spaCy's doc.text is this string, rebuilt per access
            doc = self.nlp(doc)
            result = self._result(doc, id, warnings, clinical, source=text)
        log.debug(
            "extracted id=%s chars=%d sha=%s findings=%d",
            id,
            len(text),
            text_fingerprint(text),
            len(result.findings),
        )
        return result

    def extract_many(self, reports: Iterable[tuple[str | None, str]]) -> Iterator[ReportResult]:
        """Stream (id, text) pairs to results, in the same order."""
        for rid, text in reports:
            yield self.extract(text, id=rid)

    # -- internals ---------------------------------------------------------------------------
    def _check(self, text: object) -> list[str] | None:
        if not isinstance(text, str):
            raise InputError(f"report text must be a str, not {type(text).__name__}")
        if len(text) > self.max_chars:
            raise ReportTooLongError(
                f"report is {len(text)} characters; the limit is {self.max_chars}"
            )
        if not text.strip() or _control_ratio(text) > 0.05:
            return None
        warnings: list[str] = []
        if not _looks_english(text):
            warnings.append("text does not look like English; results may be incomplete")
        return warnings

    @staticmethod
    def _content_warnings(text: str) -> list[str]:
        if not text.strip():
            return ["empty report: no text to analyse"]
        return ["input looks like binary or corrupted data: not analysed"]

    def _empty(
        self, rid: str | None, warnings: list[str], clinical: ClinicalContext | None = None
    ) -> ReportResult:
        return ReportResult(
            id=rid,
            pathway=self.pathway.decide([], {}, clinical=clinical),
            warnings=warnings,
            extractor=self.info,
        )

    def _result(
        self,
        doc: Doc,
        rid: str | None,
        warnings: list[str],
        clinical: ClinicalContext | None,
        source: str,
    ) -> ReportResult:
        text = doc_text(doc)
        operated = self.annotator.operated_levels(text)
        findings, root_warnings = self.annotator.annotate(
            build_findings(doc, operated), text, operated
        )
        if text is not source:
            # the words of the report as given, markup included
            findings = [f.model_copy(update={"text": source[f.start : f.end]}) for f in findings]
        warnings = [*warnings, *root_warnings]
        sections = [
            (s.category, doc[s.title_start].idx, doc[s.body_end - 1].idx + len(doc[s.body_end - 1]))
            for s in doc._.sections
            if s.body_end > s.title_start
        ]
        title = self.modality.title_text(text, sections)
        modality = self.modality.modality(title, text)
        # the level mentions the foramen_levels component already found (every finding's level
        # is among them)
        all_levels = [lvl for span in doc.spans[LEVELS_KEY] for lvl in span.id_.split("|")]
        regions = self.modality.regions(title, all_levels)
        foraminal = grid.foraminal_grid(findings)
        canal = grid.canal_grid(findings)
        covers_cervical = "cervical" in regions or not regions
        pathway = self.pathway.decide(
            findings, canal, modality=modality, covers_cervical=covers_cervical, clinical=clinical
        )
        if not findings:
            warnings = [*warnings, "no spine findings recognised in this text"]
        elif not any(lvl in CERVICAL_LEVELS for lvl in all_levels) and not covers_cervical:
            warnings = [*warnings, "report does not cover the cervical spine"]
        return ReportResult(
            id=rid,
            modality=modality,  # type: ignore[arg-type]
            regions=regions,  # type: ignore[arg-type]
            foraminal_stenosis=foraminal,  # type: ignore[arg-type]
            canal_stenosis=canal,  # type: ignore[arg-type]
            cord={
                "compression_levels": grid.cord_compression_levels(findings),
                "signal_abnormality": grid.cord_signal_abnormality(findings),
            },  # type: ignore[arg-type]
            red_flags=grid.red_flags(findings),  # type: ignore[arg-type]
            findings=findings,
            pathway=pathway,
            warnings=warnings,
            extractor=self.info,
        )
