"""Imaging-only pathway category (contract `pathway.category`), on plain findings.

The first rule that applies decides the category; every rule that fires leaves a flag naming the
rule, its rationale and the evidence spans. No spaCy here: the engine can be reused on findings
from any source.
"""

from __future__ import annotations

from .grid import is_current
from .schema import SEVERITY_RANK, Finding, Pathway, PathwayFlag

DISCLAIMER = (
    "Decision support only, not a diagnosis: imaging findings must be correlated with the "
    "clinical picture (degenerative change is common without symptoms)."
)

DEFAULT_INJECTION_THRESHOLD = "moderate"


def _cervical(f: Finding, covers_cervical: bool) -> bool:
    """Cervical by its level; a finding without a level counts when the report covers the neck."""
    return f.region == "cervical" or (f.region is None and covers_cervical)


def _evidence(findings: list[Finding]) -> list[tuple[int, int]]:
    return sorted({(f.start, f.end) for f in findings})


def _levels(findings: list[Finding]) -> list[str]:
    return sorted({f.level for f in findings if f.level})


def imaging_pathway(
    findings: list[Finding],
    canal: dict[str, str],
    injection_threshold: str = DEFAULT_INJECTION_THRESHOLD,
    covers_cervical: bool = True,
) -> Pathway:
    current = [f for f in findings if is_current(f) and not f.negated]
    flags: list[PathwayFlag] = []

    red = [f for f in current if f.type == "red_flag"]
    if red:
        kinds = sorted({f.label for f in red if f.label})
        flags.append(
            PathwayFlag(
                rule="IMG-1",
                category="red_flag_workup",
                rationale=f"Red flag on imaging ({', '.join(kinds)}): leaves the degenerative "
                "pathway for urgent work-up; red flags must never be overlooked.",
                levels=_levels(red),
                evidence=_evidence(red),
            )
        )

    signal = [
        f for f in current if f.type == "cord_signal_abnormality" and _cervical(f, covers_cervical)
    ]
    compression = [
        f for f in current if f.type == "cord_compression" and _cervical(f, covers_cervical)
    ]
    severe_canal = [f for f in compression if f.level and canal.get(f.level) == "severe"]
    if signal or severe_canal:
        flags.append(
            PathwayFlag(
                rule="IMG-2",
                category="urgent_surgical_review",
                rationale="Cord signal abnormality or cord compression with severe canal stenosis: "
                "possible myelopathy, urgent surgical evaluation.",
                levels=_levels(signal + severe_canal),
                evidence=_evidence(signal + severe_canal),
            )
        )
    if compression:
        flags.append(
            PathwayFlag(
                rule="IMG-3",
                category="surgical_review",
                rationale="Cord compression on imaging: surgical review.",
                levels=_levels(compression),
                evidence=_evidence(compression),
            )
        )

    threshold = SEVERITY_RANK[injection_threshold]
    foraminal = [
        f
        for f in current
        if f.type == "foraminal_stenosis" and f.severity != "none" and _cervical(f, covers_cervical)
    ]
    definite = [
        f
        for f in foraminal
        if not f.uncertain
        and f.severity
        and SEVERITY_RANK[f.severity] >= threshold
        and f.severity != "unspecified"
    ]
    if definite:
        flags.append(
            PathwayFlag(
                rule="IMG-4",
                category="injection_candidate",
                rationale=f"Definite cervical foraminal stenosis of {injection_threshold} or "
                "worse: after first-line conservative care, a transforaminal epidural steroid "
                "injection at the concordant level and side may be considered.",
                levels=_levels(definite),
                evidence=_evidence(definite),
            )
        )
    other = [f for f in foraminal if f not in definite]
    if other:
        flags.append(
            PathwayFlag(
                rule="IMG-5",
                category="conservative_care",
                rationale="Cervical foraminal narrowing that is mild, ungraded or uncertain: "
                "conservative care first.",
                levels=_levels(other),
                evidence=_evidence(other),
            )
        )

    category = flags[0].category if flags else "no_foraminal_stenosis"
    rationale = (
        [flags[0].rationale]
        if flags
        else ["No cervical foraminal narrowing, cord finding or red flag asserted."]
    )
    rationale.append(DISCLAIMER)
    candidate = _levels(definite) if category == "injection_candidate" else []
    return Pathway(category=category, flags=flags, candidate_levels=candidate, rationale=rationale)
