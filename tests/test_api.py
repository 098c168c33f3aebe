"""The HTTP service through the app (httpx TestClient): every route and every error path."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.service import ExtractionService
from api.settings import Settings, get_settings
from extractor import ClinicalContext, Extractor, InputError, ReportTooLongError, __version__

REPORT = "MRI CERVICAL SPINE\nFINDINGS:\nC5-6: Severe left foraminal stenosis.\n"
# a distinctive phrase that must never come back in an error or reach a log
SECRET = "Zebulon Quagmire-Fitzwilliam"
SECRET_REPORT = f"Patient {SECRET}. MRI C-SPINE.\nFINDINGS:\nC6-7: Mild right foraminal narrowing.\n"


def settings(**overrides: Any) -> Settings:
    """Explicit values for every field, so the environment of the test run does not leak in."""
    values: dict[str, Any] = {
        "api_key": None,
        "cors_origins": [],
        "max_request_bytes": 4 * 1024 * 1024,
        "max_report_chars": 100_000,
        "max_batch_reports": 100,
        "recycle_strings": 1_000_000,
        "log_level": "info",
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="module")
def client(extractor: Extractor) -> Iterator[TestClient]:
    with TestClient(create_app(settings(), extractor=extractor)) as c:
        yield c


@pytest.fixture(scope="module")
def limited(extractor: Extractor) -> Iterator[TestClient]:
    small = settings(max_request_bytes=2_000, max_report_chars=300, max_batch_reports=3)
    with TestClient(create_app(small, extractor=extractor)) as c:
        yield c


@pytest.fixture(scope="module")
def keyed(extractor: Extractor) -> Iterator[TestClient]:
    with TestClient(create_app(settings(api_key="s3cret-key"), extractor=extractor)) as c:
        yield c


def error_of(response: Any, status: int, code: str, with_id: bool = True) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["code"] == code
    if with_id:
        assert error["request_id"] == response.headers["x-request-id"]
    assert len(response.headers["x-request-id"]) == 32
    assert set(error) <= {"code", "message", "request_id", "details"}
    assert "Traceback" not in response.text
    return error


# -- routes -------------------------------------------------------------------------------------


def test_extract_equals_the_extractor(client: TestClient, extractor: Extractor) -> None:
    response = client.post("/v1/extract", json={"text": REPORT, "id": "r-1"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body == extractor.extract(REPORT, id="r-1").model_dump(mode="json")
    assert body["id"] == "r-1"
    assert body["foraminal_stenosis"] == {"C5-C6": {"left": "severe"}}
    assert body["pathway"]["category"] == "injection_candidate"
    assert body["pathway"]["clinical_context_used"] is False


def test_extract_with_clinical_context(client: TestClient, extractor: Extractor) -> None:
    clinical = {"symptom_sides": ["left"], "roots": ["C6"], "radicular_symptoms": True,
                "conservative_care_weeks": 8}
    response = client.post("/v1/extract", json={"text": REPORT, "clinical": clinical})
    assert response.status_code == 200
    expected = extractor.extract(REPORT, clinical=ClinicalContext(**clinical))
    assert response.json() == expected.model_dump(mode="json")
    assert response.json()["pathway"]["clinical_context_used"] is True
    assert response.json()["id"] is None


def test_batch_same_order_as_the_extractor(client: TestClient, extractor: Extractor) -> None:
    reports = [
        {"id": "a", "text": REPORT},
        {"id": None, "text": "C3-C4: Mild bilateral foraminal narrowing."},
        {"text": "CT CERVICAL SPINE\nIMPRESSION: Acute C6 fracture."},
    ]
    response = client.post("/v1/extract/batch", json={"reports": reports})
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 3
    assert results == [
        extractor.extract(r["text"], id=r.get("id")).model_dump(mode="json") for r in reports
    ]
    assert [r["id"] for r in results] == ["a", None, None]
    assert [r["pathway"]["category"] for r in results] == [
        "injection_candidate", "conservative_care", "red_flag_workup"]


def test_lone_surrogates_become_replacement_characters(client: TestClient) -> None:
    body = b'{"id": "s\\udc00", "text": "C5-6: severe left \\ud800 foraminal stenosis \\ud83d\\ude00"}'
    response = client.post("/v1/extract", content=body, headers=JSON)
    assert response.status_code == 200
    result = response.json()
    assert result["id"] == "s\ufffd"
    assert result["foraminal_stenosis"] == {"C5-C6": {"left": "severe"}}
    text = "C5-6: severe left \ufffd foraminal stenosis \U0001f600"
    assert all(text[f["start"]:f["end"]] == f["text"] for f in result["findings"])
    assert len(result["findings"]) == 1


def test_empty_batch(client: TestClient) -> None:
    response = client.post("/v1/extract/batch", json={"reports": []})
    assert response.status_code == 200
    assert response.json() == {"results": []}


def test_health_and_version(client: TestClient, extractor: Extractor) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/v1/version").json() == {
        "version": __version__,
        "schema_version": "1",
        "ruleset_sha256": extractor.info.ruleset_sha256,
    }


def test_openapi_lists_the_contract_routes(client: TestClient) -> None:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    assert {path: sorted(ops) for path, ops in spec["paths"].items()} == {
        "/v1/extract": ["post"],
        "/v1/extract/batch": ["post"],
        "/healthz": ["get"],
        "/v1/version": ["get"],
    }
    post = spec["paths"]["/v1/extract"]["post"]
    assert sorted(post["responses"]) == ["200", "401", "413", "415", "422"]
    assert post["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorResponse"}
    assert "X-API-Key" in json.dumps(spec["components"]["securitySchemes"])


def test_docs_page_served_with_its_own_csp(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert "swagger-ui" in response.text
    assert "https://cdn.jsdelivr.net" in response.headers["content-security-policy"]
    # everything else keeps the strict policy
    assert "cdn" not in client.get("/").headers["content-security-policy"]


def test_page_and_assets_are_local(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    html = page.text
    assert '<script src="/static/app.js" defer></script>' in html
    assert html.count("<script") == 1  # no inline script: the CSP forbids it
    assert "http://" not in html and "https://" not in html  # no CDN: works offline
    assert 'aria-live="polite"' in html and '<label for="report-text">' in html
    for path, kind in [("/static/app.js", "javascript"), ("/static/app.css", "text/css")]:
        asset = client.get(path)
        assert asset.status_code == 200 and kind in asset.headers["content-type"]
        assert "https://" not in asset.text
    # the DOM is built with textContent only (XSS)
    assert not re.search(r"\.(inner|outer)HTML|insertAdjacentHTML|document\.write",
                         client.get("/static/app.js").text)


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/healthz", "/v1/version", "/nope"])
def test_security_headers_everywhere(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["content-security-policy"].startswith("default-src 'self'; script-src 'self';")
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert len(headers["x-request-id"]) == 32
    assert "access-control-allow-origin" not in headers


# -- errors -------------------------------------------------------------------------------------

JSON = {"content-type": "application/json"}

ERRORS: list[tuple[str, str, dict[str, Any], int, str, str]] = [
    # (name, path, request kwargs, status, code, words in the message)
    ("invalid JSON", "/v1/extract", {"content": b'{"text": "C5-6', "headers": JSON},
     422, "invalid_request", "JSON decode error"),
    ("not UTF-8", "/v1/extract", {"content": b'{"text": "\xff\xfe C5"}', "headers": JSON},
     422, "invalid_request", "could not be decoded as JSON"),
    ("JSON nested too deeply", "/v1/extract",
     {"content": b"[" * 100_000 + b"]" * 100_000, "headers": JSON}, 422, "invalid_request",
     "could not be decoded as JSON"),
    ("JSON array", "/v1/extract", {"json": [REPORT]}, 422, "invalid_request", "body"),
    ("missing text", "/v1/extract", {"json": {"id": "x"}}, 422, "invalid_request",
     "body.text: Field required"),
    ("empty text", "/v1/extract", {"json": {"text": ""}}, 422, "invalid_request",
     "text is empty or whitespace only"),
    ("whitespace text", "/v1/extract", {"json": {"text": " \n\t "}}, 422, "invalid_request",
     "text is empty or whitespace only"),
    ("text not a string", "/v1/extract", {"json": {"text": 42}}, 422, "invalid_request",
     "body.text: Input should be a valid string"),
    ("null body", "/v1/extract", {"content": b"null", "headers": JSON}, 422, "invalid_request",
     "body"),
    ("unknown field", "/v1/extract", {"json": {"text": REPORT, "txt": "x"}}, 422,
     "invalid_request", "body.txt: Extra inputs are not permitted"),
    ("unknown clinical field", "/v1/extract",
     {"json": {"text": REPORT, "clinical": {"symptom_side": "left"}}}, 422, "invalid_request",
     "body.clinical.symptom_side: Extra inputs are not permitted"),
    ("bad clinical value", "/v1/extract",
     {"json": {"text": REPORT, "clinical": {"age": -1}}}, 422, "invalid_request",
     "body.clinical.age"),
    ("id too long", "/v1/extract", {"json": {"text": REPORT, "id": "x" * 257}}, 422,
     "invalid_request", "body.id"),
    ("text/plain", "/v1/extract", {"content": REPORT.encode(), "headers": {
        "content-type": "text/plain"}}, 415, "unsupported_media_type", "application/json"),
    ("no content type", "/v1/extract", {"content": REPORT.encode()}, 415,
     "unsupported_media_type", "application/json"),
    ("form", "/v1/extract", {"data": {"text": REPORT}}, 415, "unsupported_media_type", "JSON"),
    ("batch not a list", "/v1/extract/batch", {"json": {"reports": REPORT}}, 422,
     "invalid_request", "body.reports"),
    ("batch item empty", "/v1/extract/batch",
     {"json": {"reports": [{"text": REPORT}, {"text": "  "}]}}, 422, "invalid_request",
     "body.reports.1.text: Value error, text is empty or whitespace only"),
    ("batch item extra field", "/v1/extract/batch",
     {"json": {"reports": [{"text": REPORT, "clinical": {}}]}}, 422, "invalid_request",
     "body.reports.0.clinical: Extra inputs are not permitted"),
    ("batch text/plain", "/v1/extract/batch", {"content": b"x", "headers": {
        "content-type": "text/plain"}}, 415, "unsupported_media_type", "JSON"),
]


@pytest.mark.parametrize(
    ("path", "kwargs", "status", "code", "words"),
    [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS],
)
def test_errors(
    client: TestClient, path: str, kwargs: dict[str, Any], status: int, code: str, words: str
) -> None:
    error = error_of(client.post(path, **kwargs), status, code)
    assert words in error["message"]
    if status == 422 and "details" in error:
        assert all(set(d) == {"loc", "msg", "type"} for d in error["details"])


def test_validation_errors_never_echo_input(client: TestClient) -> None:
    body = {"text": SECRET_REPORT, "id": ["not", "a", "string"],
            "clinical": {"roots": [SECRET], "tfesi_response": SECRET, SECRET: True}}
    response = client.post("/v1/extract", json=body)
    error = error_of(response, 422, "invalid_request")
    assert SECRET not in response.text
    assert all(set(d) == {"loc", "msg", "type"} for d in error["details"])
    assert sorted(tuple(map(str, d["loc"])) for d in error["details"]) == [
        ("body", "clinical", "<field>"),
        ("body", "clinical", "roots"),
        ("body", "clinical", "tfesi_response"),
        ("body", "id"),
    ]


def test_wrong_method_and_path(client: TestClient) -> None:
    error = error_of(client.get("/v1/extract"), 405, "method_not_allowed")
    assert error["message"] == "Method Not Allowed"
    error_of(client.get("/v2/nothing"), 404, "not_found")


LIMITS: list[tuple[str, str, dict[str, Any], str, str]] = [
    ("report over max_report_chars", "/v1/extract", {"json": {"text": "C5-6 " * 61}},
     "report_too_long", "text is 305 characters; the limit is 300"),
    ("batch over max_batch_reports", "/v1/extract/batch",
     {"json": {"reports": [{"text": "C5-6 mild."}] * 4}}, "batch_too_large",
     "batch has 4 reports; the limit is 3"),
    ("one batch report too long", "/v1/extract/batch",
     {"json": {"reports": [{"text": "C5-6 mild."}, {"text": "x" * 301}]}}, "report_too_long",
     "reports[1].text is 301 characters; the limit is 300"),
    ("body over max_request_bytes", "/v1/extract", {"json": {"text": "y" * 2_100}},
     "request_too_large", "request body is larger than 2000 bytes"),
    ("chunked body over max_request_bytes", "/v1/extract",
     {"content": (b"z" * 500 for _ in range(5)), "headers": JSON},
     "request_too_large", "request body is larger than 2000 bytes"),
]


@pytest.mark.parametrize(
    ("path", "kwargs", "code", "message"), [e[1:] for e in LIMITS], ids=[e[0] for e in LIMITS]
)
def test_limits_answer_413(
    limited: TestClient, path: str, kwargs: dict[str, Any], code: str, message: str
) -> None:
    error = error_of(limited.post(path, **kwargs), 413, code)
    assert error["message"] == message


def test_within_limits_passes(limited: TestClient) -> None:
    response = limited.post("/v1/extract/batch", json={"reports": [{"text": "C5-6 mild."}] * 3})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 3


# -- auth and CORS ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"X-API-Key": "wrong"}, 401), ({"X-API-Key": ""}, 401),
     ({"X-API-Key": "s3cret-key "}, 401), ({"X-API-Key": "s3cret-key"}, 200)],
)
def test_api_key_on_post_routes(keyed: TestClient, headers: dict[str, str], status: int) -> None:
    for path, body in [("/v1/extract", {"text": REPORT}),
                       ("/v1/extract/batch", {"reports": [{"text": REPORT}]})]:
        response = keyed.post(path, json=body, headers=headers)
        if status == 401:
            error = error_of(response, 401, "unauthorized")
            assert error["message"] == "missing or invalid X-API-Key header"
            assert "s3cret" not in response.text
        else:
            assert response.status_code == 200


def test_api_key_leaves_page_health_and_version_open(keyed: TestClient) -> None:
    for path in ["/", "/static/app.js", "/healthz", "/v1/version", "/openapi.json"]:
        assert keyed.get(path).status_code == 200, path


def test_cors_closed_by_default(client: TestClient) -> None:
    preflight = client.options("/v1/extract", headers={
        "Origin": "https://ehr.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    simple = client.post("/v1/extract", json={"text": REPORT},
                         headers={"Origin": "https://ehr.example"})
    assert simple.status_code == 200
    assert "access-control-allow-origin" not in simple.headers


def test_cors_when_configured(extractor: Extractor) -> None:
    app = create_app(settings(cors_origins=["https://ehr.example"]), extractor=extractor)
    with TestClient(app) as c:
        ok = c.options("/v1/extract", headers={
            "Origin": "https://ehr.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,x-api-key"})
        assert ok.status_code == 200
        assert ok.headers["access-control-allow-origin"] == "https://ehr.example"
        refused = c.options("/v1/extract", headers={
            "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
        error = error_of(refused, 400, "cors_rejected", with_id=False)
        assert error["message"] == "Disallowed CORS origin"
        assert "access-control-allow-origin" not in refused.headers
        other = c.post("/v1/extract", json={"text": REPORT},
                       headers={"Origin": "https://evil.example"})
        assert other.status_code == 200
        assert "access-control-allow-origin" not in other.headers


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORAMEN_API_KEY", "k1")
    monkeypatch.setenv("FORAMEN_CORS_ORIGINS", "https://a.example, https://b.example")
    monkeypatch.setenv("FORAMEN_MAX_BATCH_REPORTS", "7")
    get_settings.cache_clear()
    try:
        s = get_settings()
        assert s.api_key is not None and s.api_key.get_secret_value() == "k1"
        assert "k1" not in repr(s)
        assert s.cors_origins == ["https://a.example", "https://b.example"]
        assert (s.max_batch_reports, s.max_report_chars, s.max_request_bytes) == (
            7, 100_000, 4 * 1024 * 1024)
        assert get_settings() is s
    finally:
        get_settings.cache_clear()


def test_lifespan_builds_one_pipeline_with_the_report_limit() -> None:
    app = create_app(settings(max_report_chars=250_000))
    with TestClient(app) as c:
        service = app.state.service
        assert service.extractor.max_chars == 250_000
        assert c.post("/v1/extract", json={"text": REPORT}).json()["foraminal_stenosis"] == {
            "C5-C6": {"left": "severe"}}
        assert app.state.service is service  # built once, not per request


def test_service_rebuilds_its_pipeline_when_the_string_store_grows(extractor: Extractor) -> None:
    built: list[Extractor] = []

    def factory() -> Extractor:
        built.append(extractor)
        return extractor

    service = ExtractionService(extractor, factory=factory, recycle_strings=5)
    new_words = " ".join(uuid.uuid4().hex for _ in range(6))
    text = f"C5-6: Severe left foraminal stenosis. {new_words}."
    first = service.extract(text, "a")
    assert (len(built), service.recycled) == (1, 1)
    second = service.extract(text, "a")  # no new strings: the same pipeline
    assert (len(built), service.recycled) == (1, 1)
    assert first == second == extractor.extract(text, id="a")
    assert first.foraminal_stenosis == {"C5-C6": {"left": "severe"}}


# -- failures inside the extractor --------------------------------------------------------------


class FailingExtractor:
    """Stands in for the Extractor: raises the given exception, quoting the text (as a careless
    library might) so that the test can see it is not passed on."""

    def __init__(self, real: Extractor, exc: type[Exception]) -> None:
        self.info = real.info
        self.exc = exc

    def extract(self, text: str, id: str | None = None, clinical: object = None) -> None:
        raise self.exc(f"failed on {text!r}")


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [(RuntimeError, 500, "internal_error"), (KeyError, 500, "internal_error"),
     (InputError, 422, "invalid_report"), (ReportTooLongError, 413, "report_too_long")],
)
def test_extractor_failures(
    extractor: Extractor, caplog: pytest.LogCaptureFixture, exc: type[Exception], status: int,
    code: str,
) -> None:
    app = create_app(settings(), extractor=FailingExtractor(extractor, exc))  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=True) as c, caplog.at_level(logging.DEBUG):
        response = c.post("/v1/extract", json={"text": SECRET_REPORT})
    error = error_of(response, status, code)
    if status == 500:
        assert error["message"] == "internal error"
        rid = response.headers["x-request-id"]
        assert f"unhandled error id={rid} type={exc.__name__}" in caplog.messages
    assert all(r.exc_info is None for r in caplog.records)


# -- logs: one access line per request, never the text -----------------------------------------


def test_logs_and_errors_never_contain_report_text(
    client: TestClient, limited: TestClient, keyed: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    sent = [
        (client, "/v1/extract", {"json": {"text": SECRET_REPORT, "id": "p1"}}, 200),
        (client, "/v1/extract", {"json": {"text": SECRET_REPORT, "clinical": {"age": 200}}}, 422),
        (client, "/v1/extract", {"json": {"text": SECRET_REPORT, SECRET: 1}}, 422),
        (client, "/v1/extract", {"content": SECRET_REPORT.encode()[:-3] + b'"', "headers": JSON},
         422),
        (client, "/v1/extract", {"content": SECRET_REPORT.encode(),
                                 "headers": {"content-type": "text/plain"}}, 415),
        (client, "/v1/extract/batch", {"json": {"reports": [{"text": SECRET_REPORT}] * 2}}, 200),
        (limited, "/v1/extract", {"json": {"text": SECRET_REPORT * 4}}, 413),
        (limited, "/v1/extract", {"json": {"text": SECRET_REPORT * 30}}, 413),
        (keyed, "/v1/extract", {"json": {"text": SECRET_REPORT}}, 401),
    ]
    with caplog.at_level(logging.DEBUG):
        responses = [(c.post(path, **kwargs), status) for c, path, kwargs, status in sent]
    assert [r.status_code for r, _ in responses] == [status for _, status in responses]
    for response, status in responses:
        if status != 200:
            assert SECRET not in response.text
            assert "Patient" not in response.text
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert SECRET not in logged and "Patient" not in logged
    access = [r.getMessage() for r in caplog.records if r.getMessage().startswith("POST ")]
    assert len(access) == len(sent)
    for line, (response, status) in zip(access, responses, strict=True):
        assert f"status={status} " in line
        assert f"id={response.headers['x-request-id']} " in line
    one = hashlib.sha256(hashlib.sha256(SECRET_REPORT.encode()).digest()).hexdigest()[:12]
    assert access[0].startswith("POST /v1/extract status=200 ")
    assert access[0].endswith(f"reports=1 chars={len(SECRET_REPORT)} sha={one}")
    assert access[5].startswith("POST /v1/extract/batch status=200 ")
    assert f"reports=2 chars={2 * len(SECRET_REPORT)} " in access[5]
    assert f"reports=1 chars={4 * len(SECRET_REPORT)} " in access[6]
    with caplog.at_level(logging.INFO):
        caplog.clear()
        client.get("/static/app.js")
        client.get("/static/" + SECRET)
        client.get("/" + SECRET)
    assert [r.getMessage().split(" status=")[0] for r in caplog.records
            if r.name == "foramen.api"] == ["GET /static", "GET /static", "GET <unmatched>"]
    # rejected before the body was read: nothing about the text is known
    assert access[7].startswith("POST /v1/extract status=413 ")
    assert access[7].endswith("reports=None chars=None sha=None")
