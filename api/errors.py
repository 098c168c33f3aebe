"""One JSON error shape for every error response: `{"error": {"code", "message", "request_id"}}`.

Messages never contain report text: validation errors keep only the location and pydantic's
message (with any echoed input removed), never the `input` FastAPI would send back by default.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .context import request_id

_CODES = {
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
}
_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_MAX_DETAILS = 20


class ErrorDetail(BaseModel):
    loc: list[str | int] = Field(description="Where in the request, e.g. ['body', 'text'].")
    msg: str
    type: str


class ErrorInfo(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. 'report_too_long'.")
    message: str = Field(description="Human-readable reason; never contains report text.")
    request_id: str | None = Field(default=None, description="Also in the X-Request-ID header.")
    details: list[ErrorDetail] | None = None


class ErrorResponse(BaseModel):
    error: ErrorInfo


class ApiError(Exception):
    """An error the service answers on purpose (the message must never contain report text)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_json(
    status: int,
    code: str,
    message: str,
    rid: str | None,
    details: list[ErrorDetail] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorResponse(
        error=ErrorInfo(code=code, message=message, request_id=rid, details=details)
    )
    return JSONResponse(
        body.model_dump(mode="json", exclude_none=True), status_code=status, headers=headers
    )


def _safe_loc(loc: tuple[Any, ...]) -> list[str | int]:
    """Field names as sent, unless a 'name' is not an identifier (it could be report text)."""
    return [
        part if isinstance(part, int) or _FIELD_NAME.fullmatch(str(part)) else "<field>"
        for part in loc
    ]


def _strings(value: Any, out: list[str]) -> list[str]:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _strings(key, out)
            _strings(item, out)
    elif isinstance(value, list | tuple):
        for item in value:
            _strings(item, out)
    return out


def _safe_msg(error: dict[str, Any]) -> str:
    """pydantic's message with any string of the input it quotes replaced by '<value>'."""
    msg = str(error.get("msg", "invalid value"))
    if "'" not in msg and '"' not in msg:  # pydantic quotes what it echoes
        return msg[:200]
    for value in sorted(_strings(error.get("input"), [])[:1000], key=len, reverse=True):
        if value:
            msg = msg.replace(repr(value), "<value>")
            if len(value) >= 4:
                msg = msg.replace(value, "<value>")
    return msg[:200]


def validation_details(errors: list[dict[str, Any]]) -> list[ErrorDetail]:
    return [
        ErrorDetail(loc=_safe_loc(tuple(e.get("loc", ()))), msg=_safe_msg(e), type=str(e["type"]))
        for e in errors[:_MAX_DETAILS]
    ]


def _summary(details: list[ErrorDetail], total: int) -> str:
    parts = [f"{'.'.join(map(str, d.loc)) or '(request)'}: {d.msg}" for d in details[:3]]
    more = f" (and {total - 3} more)" if total > 3 else ""
    return "invalid request: " + "; ".join(parts) + more


async def _on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_json(exc.status, exc.code, exc.message, request_id(request.scope))


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    details = validation_details(errors)
    return error_json(
        422, "invalid_request", _summary(details, len(errors)), request_id(request.scope), details
    )


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    if status == 400:  # the framework's only 400: a body that cannot be decoded as JSON
        return error_json(
            422,
            "invalid_request",
            "request body could not be decoded as JSON (it must be UTF-8, and not nested deeply)",
            request_id(request.scope),
        )
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "error"
    # framework-raised details are fixed phrases ("Not Found"); anything else gets the status phrase
    message = exc.detail if isinstance(exc.detail, str) and len(exc.detail) <= 100 else phrase
    return error_json(
        status,
        _CODES.get(status, "error"),
        message,
        request_id(request.scope),
        headers=dict(exc.headers) if exc.headers else None,
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)


# documented on the routes so that clients (and the OpenAPI spec) know the shape
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in {
        401: "Missing or wrong X-API-Key (only when an API key is configured).",
        413: "Request body, report text or batch over the configured limit.",
        415: "Content type is not application/json.",
        422: "Invalid JSON, missing or unknown fields, or empty text.",
    }.items()
}
