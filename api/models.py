"""Request and response bodies of the HTTP API (ReportResult itself comes from `extractor`)."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.json_schema import JsonDict

from extractor import ClinicalContext, ReportResult

_TEXT_SCHEMA: JsonDict = {"minLength": 1, "pattern": r"\S"}


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_lone_surrogates(value: str) -> str:
    """JSON may escape a lone surrogate ("\\ud800"), which no UTF-8 response can carry: it becomes
    U+FFFD, one code point for one, so every character offset stays the same."""
    return _LONE_SURROGATE.sub("\ufffd", value)


class _Report(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, max_length=256, description="Echoed in the result.")
    text: str = Field(
        description="The report's free text (non-empty; at most FORAMEN_MAX_REPORT_CHARS).",
        json_schema_extra=_TEXT_SCHEMA,
    )

    @field_validator("text", "id", mode="before")
    @classmethod
    def _unicode(cls, value: object) -> object:
        return _replace_lone_surrogates(value) if isinstance(value, str) else value

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty or whitespace only")
        return value


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
