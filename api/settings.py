"""Service settings from the environment (prefix `FORAMEN_`), read once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """Limits, auth and CORS of the HTTP service. Every field is `FORAMEN_<NAME>` in the env."""

    model_config = SettingsConfigDict(env_prefix="FORAMEN_", extra="ignore", frozen=True)

    api_key: SecretStr | None = Field(
        default=None,
        description="When set, POST /v1/* require this value in the X-API-Key header.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins allowed by CORS, comma-separated; empty (the default) = no CORS.",
    )
    max_request_bytes: int = Field(
        default=4 * 1024 * 1024, gt=0, description="Cap on a request body, in bytes (413)."
    )
    max_report_chars: int = Field(
        default=100_000, gt=0, description="Cap on one report's text, in characters (413)."
    )
    max_batch_reports: int = Field(
        default=100, gt=0, description="Cap on the number of reports in one batch (413)."
    )
    recycle_strings: int = Field(
        default=1_000_000,
        gt=0,
        description="Rebuild a worker's pipeline once spaCy's string store has grown by this "
        "many strings (spaCy 3.7 keeps every string a report brings).",
    )
    log_level: Literal["debug", "info", "warning", "error"] = "info"

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
