"""`foramen evaluate`: scores the extractor against gold annotations, field by field."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .extractor import Extractor
from .grid import uncertain_cells
from .schema import Finding, ReportResult

GRADES = ["mild", "mild-moderate", "moderate", "moderate-severe", "severe"]
_STEP = {g: i for i, g in enumerate(GRADES)}  # half-steps count as one step each
CONFUSION_LABELS = ["absent", "none", *GRADES, "unspecified"]


class GoldRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    text: str
    modality: Literal["MRI", "CT", "CT_MYELOGRAM", "RADIOGRAPH", "UNKNOWN"]
    foraminal: dict[str, dict[Literal["left", "right", "unspecified"], str]] = Field(
        default_factory=dict
    )
    foraminal_uncertain: list[str] = Field(default_factory=list)
    canal: dict[str, str] = Field(default_factory=dict)
    cord_compression: list[str] = Field(default_factory=list)
    cord_signal_abnormality: bool = False
    red_flags: list[str] = Field(default_factory=list)
    pathway: str
    notes: str | None = None


def load_gold(path: Path) -> list[GoldRecord]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    records: list[GoldRecord] = []
    for file in files:
        with file.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    records.append(GoldRecord.model_validate_json(line))
                except ValueError as exc:
                    raise ValueError(f"{file.name}:{n}: invalid gold record: {exc}") from None
    return records


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Any], pred: set[Any]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 4), "correct": self.correct, "total": self.total}


@dataclass
class Scores:
    reports: int = 0
    foraminal_detection: PRF = field(default_factory=PRF)
    foraminal_exact: PRF = field(default_factory=PRF)
    foraminal_within_one: Accuracy = field(default_factory=Accuracy)
    foraminal_none: Accuracy = field(default_factory=Accuracy)
    foraminal_uncertain: PRF = field(default_factory=PRF)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    canal_detection: PRF = field(default_factory=PRF)
    canal_exact: PRF = field(default_factory=PRF)
    canal_none: Accuracy = field(default_factory=Accuracy)
    cord_compression: PRF = field(default_factory=PRF)
    cord_signal: Accuracy = field(default_factory=Accuracy)
    red_flags: PRF = field(default_factory=PRF)
    modality: Accuracy = field(default_factory=Accuracy)
    pathway: Accuracy = field(default_factory=Accuracy)
    pathway_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    reports_fully_correct: Accuracy = field(default_factory=Accuracy)

    def as_dict(self) -> dict[str, Any]:
        return {
            "reports": self.reports,
            "foraminal": {
                "detection": self.foraminal_detection.as_dict(),
                "exact_severity": self.foraminal_exact.as_dict(),
                "within_one_step": self.foraminal_within_one.as_dict(),
                "explicit_none": self.foraminal_none.as_dict(),
                "uncertain_cells": self.foraminal_uncertain.as_dict(),
                "confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
            },
            "canal": {
                "detection": self.canal_detection.as_dict(),
                "exact_severity": self.canal_exact.as_dict(),
                "explicit_none": self.canal_none.as_dict(),
            },
            "cord_compression_levels": self.cord_compression.as_dict(),
            "cord_signal_abnormality": self.cord_signal.as_dict(),
            "red_flags": self.red_flags.as_dict(),
            "modality": self.modality.as_dict(),
            "pathway": self.pathway.as_dict(),
            "pathway_confusion": {
                f"{g}->{p}": n for (g, p), n in sorted(self.pathway_confusion.items())
            },
            "reports_fully_correct": self.reports_fully_correct.as_dict(),
        }


def _cells(grid: dict[str, dict[str, str]]) -> dict[tuple[str, str], str]:
    return {(lvl, side): v for lvl, sides in grid.items() for side, v in sides.items()}


def _within_one(gold: str, pred: str) -> bool:
    if gold == pred:
        return True
    if gold in _STEP and pred in _STEP:
        return abs(_STEP[gold] - _STEP[pred]) <= 1
    return False


@dataclass
class ReportError:
    id: str
    problems: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "problems": self.problems}


def _evidence(text: str, findings: list[Finding], level: str | None, kind: str) -> str:
    hits = [f for f in findings if f.type == kind and (level is None or f.level == level)]
    if not hits:
        return "no matching finding"
    return " | ".join(sorted({_sentence_at(text, f.start, f.end) for f in hits}))


def _sentence_at(text: str, start: int, end: int) -> str:
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1)
    right_nl = text.find("\n", end)
    right = right_nl if right_nl != -1 else len(text)
    return text[left + 1 if left >= 0 else 0 : right].strip()[:200]


def score(records: Iterable[GoldRecord], extractor: Extractor) -> tuple[Scores, list[ReportError]]:
    s = Scores()
    errors: list[ReportError] = []
    for rec in records:
        res: ReportResult = extractor.extract(rec.text, id=rec.id)
        s.reports += 1
        problems: list[str] = []
        gold = _cells(rec.foraminal)
        pred = _cells(res.foraminal_stenosis)  # type: ignore[arg-type]
        gold_pos = {k for k, v in gold.items() if v != "none"}
        pred_pos = {k for k, v in pred.items() if v != "none"}
        s.foraminal_detection.add(gold_pos, pred_pos)
        s.foraminal_exact.add({(k, gold[k]) for k in gold_pos}, {(k, pred[k]) for k in pred_pos})
        for k in gold_pos & pred_pos:
            s.foraminal_within_one.add(_within_one(gold[k], pred[k]))
        for k, v in gold.items():
            if v == "none":
                s.foraminal_none.add(pred.get(k) == "none")
        for k in set(gold) | set(pred):
            g, p = gold.get(k, "absent"), pred.get(k, "absent")
            s.confusion[(g, p)] += 1
            if g != p:
                problems.append(
                    f"foraminal {k[0]} {k[1]}: expected {g}, got {p} "
                    f"[{_evidence(rec.text, res.findings, k[0], 'foraminal_stenosis')}]"
                )
        unc_pred = set(uncertain_cells(res.findings, res.foraminal_stenosis))  # type: ignore[arg-type]
        s.foraminal_uncertain.add(set(rec.foraminal_uncertain), unc_pred)
        if set(rec.foraminal_uncertain) != unc_pred:
            expected = sorted(rec.foraminal_uncertain)
            problems.append(f"uncertain cells: expected {expected}, got {sorted(unc_pred)}")

        gc, pc = rec.canal, dict(res.canal_stenosis)
        s.canal_detection.add(
            {k for k, v in gc.items() if v != "none"}, {k for k, v in pc.items() if v != "none"}
        )
        s.canal_exact.add(
            {(k, v) for k, v in gc.items() if v != "none"},
            {(k, v) for k, v in pc.items() if v != "none"},
        )
        for k, v in gc.items():
            if v == "none":
                s.canal_none.add(pc.get(k) == "none")
        for k in set(gc) | set(pc):
            if gc.get(k) != pc.get(k):
                problems.append(
                    f"canal {k}: expected {gc.get(k, 'absent')}, got {pc.get(k, 'absent')} "
                    f"[{_evidence(rec.text, res.findings, k, 'canal_stenosis')}]"
                )
        s.cord_compression.add(set(rec.cord_compression), set(res.cord.compression_levels))
        if set(rec.cord_compression) != set(res.cord.compression_levels):
            problems.append(
                f"cord compression: expected {sorted(rec.cord_compression)}, got "
                f"{res.cord.compression_levels} "
                f"[{_evidence(rec.text, res.findings, None, 'cord_compression')}]"
            )
        s.cord_signal.add(rec.cord_signal_abnormality == res.cord.signal_abnormality)
        if rec.cord_signal_abnormality != res.cord.signal_abnormality:
            problems.append(
                f"cord signal: expected {rec.cord_signal_abnormality}, got "
                f"{res.cord.signal_abnormality} "
                f"[{_evidence(rec.text, res.findings, None, 'cord_signal_abnormality')}]"
            )
        s.red_flags.add(set(rec.red_flags), set(res.red_flags))
        if set(rec.red_flags) != set(res.red_flags):
            problems.append(
                f"red flags: expected {sorted(rec.red_flags)}, got {res.red_flags} "
                f"[{_evidence(rec.text, res.findings, None, 'red_flag')}]"
            )
        s.modality.add(rec.modality == res.modality)
        if rec.modality != res.modality:
            problems.append(f"modality: expected {rec.modality}, got {res.modality}")
        s.pathway.add(rec.pathway == res.pathway.category)
        s.pathway_confusion[(rec.pathway, res.pathway.category)] += 1
        if rec.pathway != res.pathway.category:
            problems.append(f"pathway: expected {rec.pathway}, got {res.pathway.category}")
        s.reports_fully_correct.add(not problems)
        if problems:
            errors.append(ReportError(rec.id, problems))
    return s, errors


def _prf(d: dict[str, Any]) -> str:
    return f"P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}"


def _acc(d: dict[str, Any]) -> str:
    return f"{d['accuracy']:.3f} ({d['correct']}/{d['total']})"


def format_scores(name: str, s: Scores) -> str:
    d = s.as_dict()
    f = d["foraminal"]
    c = d["canal"]
    lines = [
        f"== {name}: {s.reports} reports ==",
        "foraminal grid cells",
        f"  detection (level+side)  {_prf(f['detection'])}",
        f"  exact severity          {_prf(f['exact_severity'])}",
        f"  severity within 1 step  {_acc(f['within_one_step'])}",
        f"  explicit 'none' cells   {_acc(f['explicit_none'])}",
        f"  uncertain cells         {_prf(f['uncertain_cells'])}",
        "  confusion (rows gold, columns predicted):",
        "  " + " " * 16 + "".join(f"{label[:8]:>9}" for label in CONFUSION_LABELS),
    ]
    for g in CONFUSION_LABELS:
        row = [s.confusion.get((g, p), 0) for p in CONFUSION_LABELS]
        if any(row):
            lines.append("  " + f"{g:>16}" + "".join(f"{n:>9}" for n in row))
    lines += [
        "canal grid",
        f"  detection               {_prf(c['detection'])}",
        f"  exact severity          {_prf(c['exact_severity'])}",
        f"  explicit 'none' cells   {_acc(c['explicit_none'])}",
        f"cord compression levels   {_prf(d['cord_compression_levels'])}",
        f"cord signal abnormality   accuracy {_acc(d['cord_signal_abnormality'])}",
        f"red flags                 {_prf(d['red_flags'])}",
        f"modality                  accuracy {_acc(d['modality'])}",
        f"pathway category          accuracy {_acc(d['pathway'])}",
        f"reports fully correct     {_acc(d['reports_fully_correct'])}",
    ]
    return "\n".join(lines)


def format_errors(errors: list[ReportError]) -> str:
    out = []
    for e in errors:
        out.append(f"-- {e.id}")
        out.extend(f"   {p}" for p in e.problems)
    return "\n".join(out)
