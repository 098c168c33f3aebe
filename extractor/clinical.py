"""Clinical context supplied with a report (it refines the pathway; it is never extracted)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

RedFlagHistory = Literal[
    "cancer", "fever", "immunosuppression", "trauma", "iv_drug_use", "weight_loss", "infection"
]
ROOTS = ("C2", "C3", "C4", "C5", "C6", "C7", "C8")


class ClinicalContext(BaseModel):
    """What the clinician knows that the report does not say. Every field is optional."""

    # strict: a clinical value is never guessed from another type ("54" is not 54, true is not
    # 1 week); durations must be finite
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)

    symptom_sides: list[Literal["left", "right"]] = Field(
        default_factory=list, description="Side(s) of the radicular symptoms."
    )
    roots: list[str] = Field(
        default_factory=list, description="Symptomatic root(s) or dermatome(s), e.g. ['C6']."
    )
    radicular_symptoms: bool | None = Field(
        default=None, description="Radicular arm pain, paraesthesia or weakness."
    )
    symptom_duration_weeks: float | None = Field(default=None, ge=0)
    conservative_care_weeks: float | None = Field(
        default=None, ge=0, description="Weeks of comprehensive conservative care completed."
    )
    prior_tfesi: bool | None = None
    tfesi_response: Literal["good", "partial", "none"] | None = None
    intractable_pain: bool | None = None
    progressive_motor_deficit: bool | None = None
    progressive_sensory_deficit: bool | None = None
    severe_motor_deficit: bool | None = None
    myelopathic_signs: bool | None = Field(
        default=None, description="Hoffmann, hyperreflexia, gait or dexterity change, sphincter."
    )
    functional_limitation: bool | None = Field(
        default=None, description="Significant functional limitation affecting quality of life."
    )
    red_flag_history: list[RedFlagHistory] = Field(default_factory=list)
    age: int | None = Field(default=None, ge=0, le=130)

    @field_validator("roots")
    @classmethod
    def _roots(cls, value: list[str]) -> list[str]:
        out = []
        for root in value:
            r = root.strip().upper()
            if r not in ROOTS:
                raise ValueError(f"unknown cervical root {root!r} (expected one of {ROOTS})")
            out.append(r)
        return out


def exiting_root(level: str) -> str | None:
    """The root that exits through the foramen of a cervical level (Cn-C(n+1) -> C(n+1))."""
    if level == "C7-T1":
        return "C8"
    if level.startswith("C") and "-C" in level:
        return level.split("-")[1]
    return None
