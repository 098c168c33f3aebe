"""POST /v1/extract and /v1/extract/batch: report text in, ReportResult out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from extractor import ClinicalContext, InputError, ReportResult, ReportTooLongError

from ..context import note_texts
from ..deps import app_settings, extraction_service, require_api_key, require_json
from ..errors import ERROR_RESPONSES, ApiError
from ..models import BatchRequest, BatchResponse, ExtractRequest
from ..service import ExtractionService
from ..settings import Settings

router = APIRouter(
    prefix="/v1",
    tags=["extract"],
    dependencies=[Depends(require_api_key), Depends(require_json)],
    responses=ERROR_RESPONSES,
)

Service = Annotated[ExtractionService, Depends(extraction_service)]
AppSettings = Annotated[Settings, Depends(app_settings)]


def _check_length(text: str, limit: int, where: str) -> None:
    if len(text) > limit:
        raise ApiError(
            413, "report_too_long", f"{where} is {len(text)} characters; the limit is {limit}"
        )


def _run(
    service: ExtractionService, text: str, rid: str | None, clinical: ClinicalContext | None = None
) -> ReportResult:
    try:
        return service.extract(text, rid, clinical)
    except ReportTooLongError as exc:
        raise ApiError(413, "report_too_long", str(exc)) from None
    except InputError as exc:
        raise ApiError(422, "invalid_report", str(exc)) from None


# The endpoints serialise the pydantic result themselves (it is already validated), so FastAPI
# does not validate it a second time; `response_model` documents it.
@router.post("/extract", response_model=ReportResult)
def extract(
    body: ExtractRequest, request: Request, service: Service, settings: AppSettings
) -> Response:
    """Extract one report. `clinical` (optional) refines the pathway."""
    note_texts(request.scope, [body.text])
    _check_length(body.text, settings.max_report_chars, "text")
    result = _run(service, body.text, body.id, body.clinical)
    return Response(result.model_dump_json(), media_type="application/json")


@router.post("/extract/batch", response_model=BatchResponse)
def extract_batch(
    body: BatchRequest, request: Request, service: Service, settings: AppSettings
) -> Response:
    """Extract many reports; results come back in the same order. The whole batch is checked
    before any report is processed: one report over the limit rejects the batch (413)."""
    texts = [report.text for report in body.reports]
    note_texts(request.scope, texts)
    if len(texts) > settings.max_batch_reports:
        raise ApiError(
            413,
            "batch_too_large",
            f"batch has {len(texts)} reports; the limit is {settings.max_batch_reports}",
        )
    for i, text in enumerate(texts):
        _check_length(text, settings.max_report_chars, f"reports[{i}].text")
    parts = [_run(service, r.text, r.id).model_dump_json() for r in body.reports]
    return Response('{"results":[' + ",".join(parts) + "]}", media_type="application/json")
