"""The pathway engine: imaging-only category (contract) and clinical refinement (rules R0-R10).

Works on plain findings (no spaCy), so it can be reused and tested on findings from any source.
Rule texts and thresholds are data (`patterns/pathway.json`); every flag names its rule id, the
levels and sides behind it with their exiting roots, and the evidence spans in the report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .clinical import ClinicalContext, exiting_root
from .grid import is_current, is_retracted, retractions, without_superseded
from .rules import PathwayFile
from .schema import SEVERITY_RANK, CandidateSite, Finding, Pathway, PathwayFlag

_URGENT_CLINICAL_FLAGS = (
    "progressive_motor_deficit",
    "progressive_sensory_deficit",
    "severe_motor_deficit",
)
_ADVANCED_IMAGING = ("MRI", "CT_MYELOGRAM")


def _evidence(findings: Iterable[Finding]) -> list[tuple[int, int]]:
    return sorted({(f.start, f.end) for f in findings})


def _levels(findings: Iterable[Finding]) -> list[str]:
    return sorted({f.level for f in findings if f.level})


def _sites(findings: Iterable[Finding]) -> list[CandidateSite]:
    sites: dict[tuple[str, str], CandidateSite] = {}
    for f in findings:
        if not f.level:
            continue
        sides = ("left", "right") if f.side in (None, "bilateral") else (f.side,)
        for side in sides:
            sites[(f.level, side)] = CandidateSite(
                level=f.level,
                side=side,
                exiting_root=exiting_root(f.level),  # type: ignore[arg-type]
            )
    return [sites[k] for k in sorted(sites)]


@dataclass
class ImagingFacts:
    """The findings that matter for the pathway, split by kind (current study only)."""

    red_flags: list[Finding]
    cord_signal: list[Finding]
    cord_compression: list[Finding]
    severe_canal_compression: list[Finding]
    foraminal: list[Finding]  # asserted narrowing (not "none")
    post_operative: list[Finding]
    limited_levels: set[str | None]  # levels whose assessment the report says is limited

    @classmethod
    def of(
        cls, findings: list[Finding], canal: dict[str, str], covers_cervical: bool
    ) -> ImagingFacts:
        def cervical(f: Finding) -> bool:
            return f.region == "cervical" or (f.region is None and covers_cervical)

        retracted = retractions(findings)
        current = [
            f
            for f in findings
            if is_current(f) and not f.negated and not is_retracted(f, retracted)
        ]
        compression = [f for f in current if f.type == "cord_compression" and cervical(f)]
        # a correction (a denial too) replaces what the report said before at its cells
        kept = {id(f) for f in without_superseded(findings, "foraminal_stenosis")}
        return cls(
            red_flags=[f for f in current if f.type == "red_flag"],
            cord_signal=[f for f in current if f.type == "cord_signal_abnormality" and cervical(f)],
            cord_compression=compression,
            severe_canal_compression=[
                f for f in compression if f.level and canal.get(f.level) == "severe"
            ],
            foraminal=[
                f for f in current if id(f) in kept and f.severity != "none" and cervical(f)
            ],
            limited_levels={f.level for f in current if f.type == "assessment_limited"},
            post_operative=[
                f
                for f in current
                if f.post_operative and f.type == "foraminal_stenosis" and f.severity != "none"
            ],
        )


class PathwayEngine:
    def __init__(self, spec: PathwayFile, injection_threshold: str | None = None) -> None:
        self.spec = spec
        self.threshold = injection_threshold or spec.thresholds.injection_min_severity_imaging_only

    def _flag(self, rule_id: str, findings: list[Finding], **fmt: object) -> PathwayFlag:
        rule = self.spec.rule(rule_id)
        return PathwayFlag(
            rule=rule.id,
            category=rule.category,
            rationale=rule.text.format(**fmt) if fmt else rule.text,
            levels=_levels(findings),
            sites=_sites(findings),
            evidence=_evidence(findings),
        )

    # -- imaging only (contract) ------------------------------------------------------------
    def _definite(self, facts: ImagingFacts) -> list[Finding]:
        threshold = SEVERITY_RANK[self.threshold]
        return [
            f
            for f in facts.foraminal
            if not f.uncertain
            and f.severity not in (None, "unspecified")
            and SEVERITY_RANK[f.severity] >= threshold
        ]

    def imaging_flags(self, facts: ImagingFacts) -> list[PathwayFlag]:
        flags: list[PathwayFlag] = []
        if facts.red_flags:
            kinds = ", ".join(sorted({f.label for f in facts.red_flags if f.label}))
            flags.append(self._flag("IMG-1", facts.red_flags, kinds=kinds))
        urgent = facts.cord_signal + facts.severe_canal_compression
        if urgent:
            flags.append(self._flag("IMG-2", urgent))
        if facts.cord_compression:
            flags.append(self._flag("IMG-3", facts.cord_compression))
        definite = self._definite(facts)
        if definite:
            flags.append(self._flag("IMG-4", definite, threshold=self.threshold))
        other = [f for f in facts.foraminal if f not in definite]
        if other:
            flags.append(self._flag("IMG-5", other))
        return flags

    # -- with clinical context (R0-R10) -----------------------------------------------------
    def _concordant(self, facts: ImagingFacts, ctx: ClinicalContext) -> list[Finding]:
        """Foraminal findings matching the symptomatic side(s) and root(s), where given."""
        out = []
        for f in facts.foraminal:
            if ctx.roots and (not f.level or exiting_root(f.level) not in ctx.roots):
                continue
            if (
                ctx.symptom_sides
                and f.side in ("left", "right")
                and f.side not in ctx.symptom_sides
            ):
                continue
            out.append(f)
        return out

    def clinical_flags(
        self, facts: ImagingFacts, ctx: ClinicalContext, modality: str
    ) -> list[PathwayFlag]:
        t = self.spec.thresholds
        flags: list[PathwayFlag] = []
        # R0: red flags, on imaging or in the history
        if facts.red_flags or ctx.red_flag_history:
            kinds = sorted(
                {f.label for f in facts.red_flags if f.label} | set(ctx.red_flag_history)
            )
            flags.append(self._flag("R0", facts.red_flags, kinds=", ".join(kinds)))
        # R1: myelopathy
        if ctx.myelopathic_signs or (facts.cord_signal and facts.cord_compression):
            flags.append(self._flag("R1", facts.cord_signal + facts.cord_compression))
        # R2: progressive or severe deficit
        if any(getattr(ctx, name) for name in _URGENT_CLINICAL_FLAGS):
            flags.append(self._flag("R2", self._concordant(facts, ctx)))
        # R10: stenosis at or next to an operated level
        if facts.post_operative and facts.foraminal:
            flags.append(self._flag("R10", facts.post_operative))

        concordant = self._concordant(facts, ctx)
        # uncertain findings, and findings at a level the report could not assess well (or in
        # a report limited as a whole), never trigger an injection or surgery on their own
        definite = [
            f
            for f in concordant
            if not f.uncertain
            and f.level not in facts.limited_levels
            and None not in facts.limited_levels
        ]
        progressive = any(getattr(ctx, name) for name in _URGENT_CLINICAL_FLAGS)
        radicular = ctx.radicular_symptoms is not False and (
            ctx.radicular_symptoms or ctx.symptom_sides or ctx.roots
        )
        weeks = ctx.conservative_care_weeks
        # R6: only radiographs show the foramina
        radiograph_only = modality == "RADIOGRAPH" and bool(facts.foraminal)
        if radiograph_only:
            flags.append(self._flag("R6", facts.foraminal))
        # R7: narrowing that does not match the symptoms
        if facts.foraminal and (ctx.symptom_sides or ctx.roots) and not concordant:
            flags.append(self._flag("R7", facts.foraminal))
        # R8: only uncertain findings behind the concordant narrowing
        if concordant and not definite:
            flags.append(self._flag("R8", concordant))
        # R9: cord compression without myelopathy or radiculopathy
        if facts.cord_compression and not ctx.myelopathic_signs and ctx.radicular_symptoms is False:
            flags.append(self._flag("R9", facts.cord_compression))
        if radicular and definite and not progressive and not radiograph_only:
            # R5: surgery after failed conservative care or with functional limitation
            failed = (
                weeks is not None
                and weeks >= t.conservative_care_weeks_before_surgery
                and (ctx.intractable_pain or ctx.tfesi_response == "none")
            )
            if (failed or ctx.functional_limitation) and modality in _ADVANCED_IMAGING:
                flags.append(
                    self._flag("R5", definite, weeks=t.conservative_care_weeks_before_surgery)
                )
            # R4: injection after conservative care (not gated on severity)
            if weeks is not None and weeks >= t.conservative_care_weeks_before_injection:
                flags.append(
                    self._flag("R4", definite, weeks=t.conservative_care_weeks_before_injection)
                )
        # R3: early radicular symptoms or no conservative trial yet
        duration = ctx.symptom_duration_weeks
        if (
            radicular
            and not progressive
            and (
                (duration is not None and duration < t.early_symptom_weeks)
                or weeks is None
                or weeks < t.conservative_care_weeks_before_injection
            )
        ):
            flags.append(self._flag("R3", concordant, weeks=t.early_symptom_weeks))
        return flags

    # -- result -----------------------------------------------------------------------------
    def decide(
        self,
        findings: list[Finding],
        canal: dict[str, str],
        *,
        modality: str = "UNKNOWN",
        covers_cervical: bool = True,
        clinical: ClinicalContext | None = None,
    ) -> Pathway:
        facts = ImagingFacts.of(findings, canal, covers_cervical)
        imaging = self.imaging_flags(facts)
        imaging_category = imaging[0].category if imaging else "no_foraminal_stenosis"
        flags = list(imaging)
        category = imaging_category
        if clinical is not None:
            refined = self.clinical_flags(facts, clinical, modality)
            flags += refined
            category = _clinical_category(refined, imaging_category)
        chosen = next((f for f in flags if f.category == category), None)
        rationale = (
            [chosen.rationale]
            if chosen
            else ["No cervical foraminal narrowing, cord finding or red flag asserted."]
        )
        rationale += [
            f.rationale for f in flags if f.rule in ("R6", "R7", "R8", "R9") and f is not chosen
        ]
        rationale.append(self.spec.disclaimer)
        sites = chosen.sites if chosen and category == "injection_candidate" else []
        safety = [self.spec.injection_safety_note] if category == "injection_candidate" else []
        return Pathway(
            category=category,  # type: ignore[arg-type]
            flags=flags,
            candidate_levels=sorted({s.level for s in sites}),
            candidate_sites=sites,
            rationale=rationale,
            safety_notes=safety,
            clinical_context_used=clinical is not None,
        )


_CLINICAL_ORDER = ("R0", "R1", "R2", "R10", "R5", "cord", "R4", "R9", "R3")


def _clinical_category(flags: list[PathwayFlag], imaging_category: str) -> str:
    by_rule = {f.rule: f for f in flags}
    for rule in _CLINICAL_ORDER:
        if rule == "cord":
            # cord compression on imaging outranks an injection unless R9 applies
            if imaging_category in ("urgent_surgical_review", "surgical_review") and (
                "R9" not in by_rule
            ):
                return imaging_category
            continue
        if rule in by_rule:
            return by_rule[rule].category
    # R6/R7/R8 only hold back an intervention: never route above conservative care on their own
    if imaging_category in ("injection_candidate",) and by_rule.keys() & {"R6", "R7", "R8"}:
        return "conservative_care"
    return imaging_category
