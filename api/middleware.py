"""ASGI middleware: request id + access log + last-resort error, security headers, body cap.

Pure ASGI (no BaseHTTPMiddleware) so that they see every response, including the ones they make.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response

from .context import SCOPE_KEY, new_context
from .errors import error_json

log = logging.getLogger("foramen.api")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Swagger UI (FastAPI's /docs) loads its bundle from a CDN and starts with an inline script.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "img-src 'self' data: https://fastapi.tiangolo.com; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/docs/oauth2-redirect")


class RequestLog:
    """Outermost: gives each request an id (X-Request-ID), writes one access line with method,
    route, status, duration, text length and fingerprint, and turns an unhandled exception into
    a generic 500 that logs only the exception type (its message could quote input)."""

    def __init__(
        self,
        app: ASGIApp,
        known_paths: frozenset[str] = frozenset(),
        mounts: tuple[str, ...] = (),
    ) -> None:
        self.app = app
        # the route is logged, not the path (a path is client text): the route template when
        # routing found one, else a known path as it is (a 413 is answered before routing), a
        # mount's prefix for the files under it, or "<unmatched>"
        self.known_paths = known_paths
        self.mounts = mounts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = uuid.uuid4().hex
        ctx = new_context(rid)
        scope[SCOPE_KEY] = ctx
        state = {"status": 500, "started": False}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                state["started"] = True
                MutableHeaders(scope=message).append("X-Request-ID", rid)
            await send(message)

        start = time.perf_counter()
        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            log.error("unhandled error id=%s type=%s", rid, type(exc).__name__)
            if not state["started"]:
                response = error_json(500, "internal_error", "internal error", rid)
                await response(scope, receive, send_with_id)
        finally:
            route = getattr(scope.get("route"), "path", None) or self._route_of(scope)
            log.info(
                "%s %s status=%s ms=%.1f id=%s reports=%s chars=%s sha=%s",
                scope.get("method"),
                route,
                state["status"],
                (time.perf_counter() - start) * 1000,
                rid,
                ctx["reports"],
                ctx["chars"],
                ctx["sha"],
            )


    def _route_of(self, scope: Scope) -> str:
        path = scope.get("path", "")
        if path in self.known_paths:
            return str(path)
        mount = next((m for m in self.mounts if path.startswith(m + "/")), None)
        return mount or "<unmatched>"


class SecurityHeaders:
    """CSP (strict everywhere but /docs), nosniff, no framing, no referrer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = DOCS_CSP if scope.get("path") in DOCS_PATHS else PAGE_CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = csp
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "DENY"
                headers["Referrer-Policy"] = "no-referrer"
                headers["Cache-Control"] = headers.get("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Reads the whole body (at most `max_bytes`) before the app sees it, so the cap holds for
    chunked bodies without Content-Length too; over the cap -> 413 JSON, the app is not called."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            if declared <= self._drain_limit:
                await self._drain(receive)
            await self._reject(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                if message.get("more_body", False):
                    await self._drain(receive)
                await self._reject(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @property
    def _drain_limit(self) -> int:
        return max(4 * self.max_bytes, 16 * 1024 * 1024)

    async def _drain(self, receive: Receive) -> None:
        """Read and drop the rest of an over-size body (up to a bound) before answering, so the
        client that is still sending gets the 413 instead of a connection reset."""
        drained = 0
        while drained <= self._drain_limit:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            drained += len(message.get("body", b""))
            if not message.get("more_body", False):
                return

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        ctx = scope.get(SCOPE_KEY)
        response = error_json(
            413,
            "request_too_large",
            f"request body is larger than {self.max_bytes} bytes",
            ctx["request_id"] if ctx else None,
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class JsonCORS(CORSMiddleware):
    """Starlette's CORS middleware, with a refused preflight answered in the JSON error shape."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 400:
            return response
        allowed = {"vary", "access-control-allow-methods", "access-control-max-age"}
        headers = {k: v for k, v in response.headers.items() if k in allowed}
        reason = bytes(response.body).decode("utf-8", "replace")  # fixed words from starlette
        return error_json(400, "cors_rejected", reason, None, headers=headers)
