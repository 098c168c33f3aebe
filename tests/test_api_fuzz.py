"""Schema fuzzing of the OpenAPI spec (schemathesis, in-process ASGI): valid and invalid
requests to every operation, a bounded and derandomised number of examples each. No 5xx, and
every response has a documented status, content type and shape."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.main import create_app
from api.settings import Settings
from extractor import Extractor

MAX_EXAMPLES = 30
# fuzzed with an API key configured, so that schemathesis also checks that requests without it
# (or with a wrong one) are refused
API_KEY = "fuzz-key"


@pytest.fixture(scope="module")
def api_schema(extractor: Extractor) -> schemathesis.BaseSchema:
    app = create_app(
        Settings(api_key=API_KEY, cors_origins=[], max_request_bytes=200_000, max_report_chars=5_000,
                 max_batch_reports=10),
        extractor=extractor,
    )
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return schema


OPERATIONS = [
    ("/v1/extract", "POST", "positive"),
    ("/v1/extract", "POST", "negative"),
    ("/v1/extract/batch", "POST", "positive"),
    ("/v1/extract/batch", "POST", "negative"),
    ("/healthz", "GET", "positive"),
    ("/v1/version", "GET", "positive"),
]


def test_every_operation_is_fuzzed(api_schema: schemathesis.BaseSchema) -> None:
    found = {(op.ok().path, op.ok().method.upper()) for op in api_schema.get_all_operations()}
    assert found == {(path, method) for path, method, _ in OPERATIONS}


# schemathesis' own pytest loader (`from_fixture`) does not run under this pytest, so each
# operation's strategy drives a Hypothesis test here.
@pytest.mark.parametrize(("path", "method", "mode"), OPERATIONS)
def test_no_server_errors_and_responses_match_the_spec(
    api_schema: schemathesis.BaseSchema, path: str, method: str, mode: str
) -> None:
    strategy = api_schema[path][method].as_strategy(generation_mode=GenerationMode(mode))
    statuses: list[int] = []

    @given(case=strategy)
    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case) -> None:
        # every default check (no 5xx; documented status, content type, headers and body shape;
        # auth enforced; invalid data rejected) but one that expects the JSON schema to say
        # everything the service checks: limits are runtime settings answered with 413
        response = case.call_and_validate(
            headers={"X-API-Key": API_KEY},
            excluded_checks=[positive_data_acceptance],
        )
        statuses.append(response.status_code)

    run()
    assert statuses and max(statuses) < 500
