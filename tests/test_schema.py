"""The result models: JSON schema export and contract shape."""

import json

import pytest

from extractor import Extractor, ReportResult


def test_json_schema_exports() -> None:
    schema = ReportResult.model_json_schema()
    assert schema["properties"]["schema_version"]["const"] == "1"
    for key in ("modality", "regions", "foraminal_stenosis", "canal_stenosis", "cord",
                "red_flags", "findings", "pathway", "warnings", "extractor"):
        assert key in schema["properties"]
    json.dumps(schema)


def test_result_round_trips(extractor: Extractor) -> None:
    r = extractor.extract("C5-6: Moderate left foraminal stenosis. No cord compression.", id="x")
    again = ReportResult.model_validate_json(r.model_dump_json())
    assert again == r
    dumped = r.model_dump(mode="json")
    assert dumped["extractor"]["version"] == "0.1.0"
    assert len(dumped["extractor"]["ruleset_sha256"]) == 64
    finding = dumped["findings"][0]
    for key in ("type", "level", "side", "severity", "negated", "uncertain", "historical",
                "change", "section", "text", "start", "end"):
        assert key in finding


@pytest.mark.parametrize(
    "payload",
    [
        '{"conservative_care_weeks": true}',
        '{"age": "54"}',
        '{"age": 54.5}',
        '{"symptom_duration_weeks": 1e400}',
        '{"symptom_sides": ["both"]}',
        '{"roots": ["C9"]}',
        '{"unknown_field": 1}',
    ],
)
def test_clinical_context_is_strict(payload: str) -> None:
    from pydantic import ValidationError

    from extractor import ClinicalContext

    with pytest.raises(ValidationError):
        ClinicalContext.model_validate_json(payload)


def test_clinical_context_accepts_plain_json() -> None:
    from extractor import ClinicalContext

    ctx = ClinicalContext.model_validate_json(
        '{"conservative_care_weeks": 8, "age": 54, "symptom_sides": ["left"], "roots": ["c6"]}'
    )
    assert (ctx.conservative_care_weeks, ctx.age, ctx.roots) == (8.0, 54, ["C6"])
