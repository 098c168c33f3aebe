"""Dependencies shared by the routers: settings, the extraction service, auth, content type."""

from __future__ import annotations

import hmac
from email.message import Message

from fastapi import Request, Security
from fastapi.security import APIKeyHeader

from .errors import ApiError
from .service import ExtractionService
from .settings import Settings

api_key_header = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="Required on POST /v1/* only when the service has FORAMEN_API_KEY set.",
)


def app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def extraction_service(request: Request) -> ExtractionService:
    service: ExtractionService = request.app.state.service
    return service


def require_api_key(request: Request, key: str | None = Security(api_key_header)) -> None:
    """Off when no key is configured; otherwise a constant-time comparison, 401 on mismatch."""
    expected = app_settings(request).api_key
    if expected is None:
        return
    if key is None or not hmac.compare_digest(
        key.encode("utf-8", "surrogateescape"), expected.get_secret_value().encode("utf-8")
    ):
        raise ApiError(401, "unauthorized", "missing or invalid X-API-Key header")


def require_json(request: Request) -> None:
    """POST bodies must be JSON (application/json or application/*+json): 415 otherwise."""
    value = request.headers.get("content-type")
    if value:
        msg = Message()
        msg["content-type"] = value
        subtype = msg.get_content_subtype()
        if msg.get_content_maintype() == "application" and (
            subtype == "json" or subtype.endswith("+json")
        ):
            return
    raise ApiError(
        415, "unsupported_media_type", "request body must be JSON (Content-Type: application/json)"
    )
