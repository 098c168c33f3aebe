"""Attributes added to plain findings after extraction: operated levels, stated measurements,
named roots (checked against the level) and standard codes. No spaCy here."""

from __future__ import annotations

import re

from .clinical import exiting_root
from .levels import CERVICAL_LEVELS, find_levels
from .rules import CodesFile
from .schema import Finding

_SENTENCE_RE = re.compile(r"(?:[^.\n;]|\.(?=\d))+")  # "9.5 mm" stays in its sentence
_MM_RE = re.compile(r"(\d{1,2}(?:\.\d)?)\s*(mm|millimet(?:er|re)s?|cm)\b", re.I)
_ROOT_RE = re.compile(r"\b(C[2-8])\b(?!\s*[-/–~]\s*C?\d)", re.I)
_LEVEL_INDEX = {lvl: i for i, lvl in enumerate(CERVICAL_LEVELS)}
_CONGENITAL_RE = re.compile(r"\b(congenital(ly)?|developmental(ly)?|short pedicles?)\b", re.I)
# Canal AP diameter thresholds: < 10 mm absolute, 10-13 mm relative stenosis.
ABSOLUTE_MM = 10.0
RELATIVE_MM = 13.0


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE_RE.finditer(text)]


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in spans:
        if a <= pos < b:
            return a, b
    return pos, pos


class FindingAnnotator:
    def __init__(self, codes: CodesFile) -> None:
        self.codes = codes
        self.post_op_re = re.compile(codes.post_operative_words, re.I)

    def operated_levels(self, text: str) -> set[str]:
        """Cervical levels a sentence with a word of surgery names (ACDF, fusion, cage ...)."""
        levels: set[str] = set()
        for a, b in _sentences(text):
            sentence = text[a:b]
            if self.post_op_re.search(sentence) and not re.search(
                r"\bno\b.*\b(hardware|fusion)\b", sentence, re.I
            ):
                for m in find_levels(sentence):
                    levels.update(lvl for lvl in m.levels if lvl in _LEVEL_INDEX)
        return levels

    def annotate(
        self, findings: list[Finding], text: str, operated: set[str] | None = None
    ) -> tuple[list[Finding], list[str]]:
        spans = _sentences(text)
        if operated is None:
            operated = self.operated_levels(text)
        adjacent = {
            CERVICAL_LEVELS[i + d]
            for lvl in operated
            for d in (-1, 1)
            if 0 <= (i := _LEVEL_INDEX[lvl]) + d < len(CERVICAL_LEVELS)
        } - operated
        warnings: list[str] = []
        out = []
        for f in findings:
            update: dict[str, object] = {}
            if f.level in operated:
                update["post_operative"] = "operated"
            elif f.level in adjacent:
                update["post_operative"] = "adjacent"
            if f.type == "canal_stenosis" and not f.negated:
                a, b = _sentence_of(spans, f.start)
                m = _MM_RE.search(text, f.start if f.start > a else a, b)
                if m:
                    value = float(m.group(1)) * (10 if m.group(2).lower() == "cm" else 1)
                    update["measurement_mm"] = value
                    if value < ABSOLUTE_MM:
                        update["canal_ap_class"] = "absolute"
                    elif value <= RELATIVE_MM:
                        update["canal_ap_class"] = "relative"
                if _CONGENITAL_RE.search(text, a, b):
                    update["congenital"] = True
            if f.type == "nerve_root_compression":
                a, b = _sentence_of(spans, f.start)
                m = _ROOT_RE.search(text, a, b)
                if m:
                    root = m.group(1).upper()
                    update["root"] = root
                    expected = exiting_root(f.level) if f.level else None
                    if expected and root != expected:
                        warnings.append(
                            f"root {root} named at {f.level}, whose foramen carries the "
                            f"{expected} root"
                        )
            codes = self._codes(f)
            if codes:
                update["codes"] = codes
            out.append(f.model_copy(update=update) if update else f)
        return out, sorted(set(warnings))

    def _codes(self, f: Finding) -> list[str]:
        if f.type not in ("foraminal_stenosis", "canal_stenosis") or f.negated:
            return []
        if f.severity == "none" or f.level not in _LEVEL_INDEX:
            return []
        codes = list(self.codes.finding_codes.get(f.type, []))  # type: ignore[call-overload]
        icd = self.codes.icd10cm_by_level.get(f.level)
        if icd:
            codes.insert(0, icd)
        level = self.codes.level_codes.get(f.level)
        if level:
            codes.append(level)
        if f.type == "foraminal_stenosis" and f.side in self.codes.laterality_codes:
            codes.append(self.codes.laterality_codes[f.side])  # type: ignore[index]
        return codes
