"""The app factory. `uvicorn api.main:create_app --factory` (or `foramen serve`) runs it.

No app is built at import: the pipeline is built by the lifespan, once per worker process.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from extractor import Extractor, __version__

from .errors import install_error_handlers
from .middleware import BodyLimit, JsonCORS, RequestLog, SecurityHeaders
from .routers import extract, meta, page
from .routers.page import STATIC_DIR
from .service import ExtractionService
from .settings import Settings, get_settings

log = logging.getLogger("foramen.api")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    prebuilt = app.state.prebuilt_extractor
    build = partial(Extractor, max_chars=settings.max_report_chars)
    app.state.service = ExtractionService(
        prebuilt or build(),
        # a pipeline passed in by the caller is theirs: it is never replaced
        factory=None if prebuilt is not None else build,
        recycle_strings=settings.recycle_strings,
    )
    extractor = app.state.service.extractor
    log.info("pipeline ready ruleset=%s", extractor.info.ruleset_sha256[:12])
    yield


def create_app(settings: Settings | None = None, extractor: Extractor | None = None) -> FastAPI:
    """Build the service. `settings` default to the environment (`FORAMEN_*`); `extractor`
    lets tests share an already built pipeline (otherwise the lifespan builds one)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="foramen",
        version=__version__,
        summary="Cervical foraminal stenosis and management-changing findings from spine "
        "imaging reports. Decision support only, not a diagnosis.",
        lifespan=lifespan,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.prebuilt_extractor = extractor
    install_error_handlers(app)
    app.include_router(extract.router)
    app.include_router(meta.router)
    app.include_router(page.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # added innermost first: the body cap, then CORS, security headers, and the request log
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    if settings.cors_origins:
        app.add_middleware(
            JsonCORS,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key"],
            expose_headers=["X-Request-ID"],
        )
    app.add_middleware(SecurityHeaders)
    paths = frozenset(app.openapi()["paths"]) | {"/"}
    app.add_middleware(RequestLog, known_paths=paths, mounts=("/static",))
    return app
