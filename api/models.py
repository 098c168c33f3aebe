"""Request and response bodies of the HTTP API (ReportResult itself comes from `extractor`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from extractor import ClinicalContext, ReportResult

_TEXT_SCHEMA = {"minLength": 1, "pattern": r"\S"}


def _check_unicode(value: str, what: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{what} contains unpaired surrogate code points") from None
    return value


class _Report(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, max_length=256, description="Echoed in the result.")
    text: str = Field(
        description="The report's free text (non-empty; at most FORAMEN_MAX_REPORT_CHARS).",
        json_schema_extra=_TEXT_SCHEMA,
    )

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        _check_unicode(value, "text")
        if not value.strip():
            raise ValueError("text is empty or whitespace only")
        return value

    @field_validator("id")
    @classmethod
    def _id(cls, value: str | None) -> str | None:
        return None if value is None else _check_unicode(value, "id")


class ExtractRequest(_Report):
    clinical: ClinicalContext | None = Field(
        default=None, description="Optional clinical context: refines the pathway (rules R0-R10)."
    )


class BatchItem(_Report):
    pass


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reports: list[BatchItem] = Field(
        description="Reports to extract (at most FORAMEN_MAX_BATCH_REPORTS)."
    )


class BatchResponse(BaseModel):
    results: list[ReportResult] = Field(description="One ReportResult per report, same order.")


class Health(BaseModel):
    status: str = "ok"


class Version(BaseModel):
    version: str
    schema_version: str
    ruleset_sha256: str
