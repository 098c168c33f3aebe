"""GET /healthz and GET /v1/version (open even when an API key is configured)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from extractor.schema import SCHEMA_VERSION

from ..deps import extraction_service
from ..models import Health, Version
from ..service import ExtractionService

router = APIRouter(tags=["meta"])


@router.get("/healthz")
def healthz() -> Health:
    """Liveness: the process is up and its pipeline is built (it is built before serving)."""
    return Health()


@router.get("/v1/version")
def version(service: Annotated[ExtractionService, Depends(extraction_service)]) -> Version:
    """Extractor version, result schema version and the SHA-256 of the rule set."""
    info = service.extractor.info
    return Version(
        version=info.version, schema_version=SCHEMA_VERSION, ruleset_sha256=info.ruleset_sha256
    )
