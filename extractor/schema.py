"""The public result models (contract: ReportResult, schema_version "1")."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

Severity = Literal[
    "none", "mild", "mild-moderate", "moderate", "moderate-severe", "severe", "unspecified"
]
Side = Literal["left", "right", "unspecified"]
Modality = Literal["MRI", "CT", "CT_MYELOGRAM", "RADIOGRAPH", "UNKNOWN"]
Region = Literal["cervical", "thoracic", "lumbar"]
Change = Literal["new", "increased", "decreased", "stable"]
RedFlag = Literal["fracture", "infection", "malignancy", "instability"]
PathwayCategory = Literal[
    "red_flag_workup",
    "urgent_surgical_review",
    "surgical_review",
    "injection_candidate",
    "conservative_care",
    "no_foraminal_stenosis",
]
FindingType = Literal[
    "foraminal_stenosis",
    "canal_stenosis",
    "cord_compression",
    "cord_contact",
    "cord_signal_abnormality",
    "nerve_root_compression",
    "nerve_root_contact",
    "red_flag",
    "level_normal",
    "assessment_limited",
    "foramen_widened",
    "canal_widened",
]

# Order used for worst-wins; "unspecified" asserts narrowing without a grade and loses to any grade.
SEVERITY_RANK: dict[str, int] = {
    "none": 0,
    "unspecified": 1,
    "mild": 2,
    "mild-moderate": 3,
    "moderate": 4,
    "moderate-severe": 5,
    "severe": 6,
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Finding(_Model):
    """One mention in the report, with provenance (character offsets into the input)."""

    type: FindingType
    level: str | None = Field(description="Normalised level, e.g. 'C5-C6'; null when none stated.")
    side: Side | Literal["bilateral"] | None = None
    severity: Severity | None = None
    negated: bool = False
    uncertain: bool = False
    historical: bool = False
    change: Change | None = None
    section: str | None = None
    text: str
    start: int
    end: int
    region: Region | None = Field(
        default=None, description="Spine region of the level, when the level is known."
    )
    label: str | None = Field(
        default=None, description="Sub-type, e.g. the red-flag category or 'remaining_levels'."
    )
    post_operative: Literal["operated", "adjacent"] | None = Field(
        default=None,
        description="The level was operated on (ACDF, fusion, foraminotomy...) or is "
        "next to an operated level.",
    )
    measurement_mm: float | None = Field(
        default=None, description="A stated dimension, e.g. the canal AP diameter in mm."
    )
    canal_ap_class: Literal["absolute", "relative"] | None = Field(
        default=None,
        description="Canal AP diameter below 10 mm (absolute stenosis) or 10-13 mm (relative).",
    )
    congenital: bool = Field(
        default=False, description="A congenitally or developmentally narrow canal."
    )
    root: str | None = Field(
        default=None, description="Nerve root named in the mention, e.g. 'C7'."
    )
    correction: bool = Field(
        default=False,
        description="Stated as a correction of the report ('moderate, not severe as originally "
        "dictated'; 'the impression should read'): it replaces the other grades of its cells.",
    )
    codes: list[str] = Field(
        default_factory=list,
        description="Standard codes, e.g. 'ICD-10-CM:M48.02', 'SNOMED:243905009'.",
    )
    excepted_levels: list[str] = Field(
        default_factory=list,
        description="For a statement about the remaining levels, the levels it excepts "
        "('mild narrowing at all levels except C2-3'): it says nothing of their grade.",
    )


class Cord(_Model):
    compression_levels: list[str] = Field(default_factory=list)
    signal_abnormality: bool = False


class CandidateSite(_Model):
    level: str
    side: Literal["left", "right", "unspecified"]
    exiting_root: str | None = None


class PathwayFlag(_Model):
    rule: str
    category: PathwayCategory
    rationale: str
    levels: list[str] = Field(default_factory=list)
    sites: list[CandidateSite] = Field(
        default_factory=list, description="Levels and sides behind the flag, with the exiting root."
    )
    evidence: list[tuple[int, int]] = Field(
        default_factory=list, description="(start, end) offsets of the findings behind the flag."
    )


class Pathway(_Model):
    category: PathwayCategory
    flags: list[PathwayFlag] = Field(default_factory=list)
    candidate_levels: list[str] = Field(default_factory=list)
    candidate_sites: list[CandidateSite] = Field(default_factory=list)
    rationale: list[str] = Field(default_factory=list)
    safety_notes: list[str] = Field(default_factory=list)
    clinical_context_used: bool = False


class ExtractorInfo(_Model):
    version: str
    ruleset_sha256: str


class ReportResult(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str | None = None
    modality: Modality = "UNKNOWN"
    regions: list[Region] = Field(default_factory=list)
    foraminal_stenosis: dict[str, dict[Side, Severity]] = Field(default_factory=dict)
    canal_stenosis: dict[str, Severity] = Field(default_factory=dict)
    cord: Cord = Field(default_factory=Cord)
    red_flags: list[RedFlag] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    pathway: Pathway
    warnings: list[str] = Field(default_factory=list)
    extractor: ExtractorInfo
