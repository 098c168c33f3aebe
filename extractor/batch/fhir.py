"""ReportResult -> a FHIR R4 Bundle (validated with fhir.resources' R4B models, FHIR 4.3.0).

One Bundle per input row, of type "collection": a set of resources that belong together, with no
request semantics (a "transaction" would need a target server and request entries). Each bundle is
identified by the report id (`Bundle.identifier`, system `urn:foramen:report-id`).

- An extracted report: a DiagnosticReport (status "preliminary": machine-derived, not verified by
  a clinician; category RAD; `conclusionCode` = the imaging-only pathway category) referencing
  one Observation (status "preliminary", category imaging) per
  - foraminal grid cell: code = SNOMED CT foraminal stenosis (from patterns/codes.json),
    bodySite = the disc level (SNOMED CT code where codes.json has one) with a laterality
    extension (`urn:foramen:fhir:laterality`, SNOMED CT left/right from codes.json; absent when
    the report gave no side), value = the severity (system `urn:foramen:severity`);
  - canal grid cell (SNOMED CT canal stenosis, level, severity);
  - cord compression level (valueBoolean true), cord signal abnormality (valueBoolean) and red flag
    (system `urn:foramen:red-flag`).
- An input row that could not be extracted: the same kind of bundle holding one OperationOutcome
  whose issue carries the reason, so the output keeps one line per input row.

Resource ids are deterministic (UUID v5 of row, report id and resource), so re-runs give the same
bytes. No report text is copied into the bundle.
"""

from __future__ import annotations

import uuid
from typing import Any

from ..rules import CodesFile
from ..schema import ReportResult

FHIR_VERSION = "4.3.0"  # R4B, the R4-compatible release fhir.resources >= 7 ships
SYSTEMS = {
    "SNOMED": "http://snomed.info/sct",
    "ICD-10-CM": "http://hl7.org/fhir/sid/icd-10-cm",
}
REPORT_ID_SYSTEM = "urn:foramen:report-id"
SEVERITY_SYSTEM = "urn:foramen:severity"
RED_FLAG_SYSTEM = "urn:foramen:red-flag"
PATHWAY_SYSTEM = "urn:foramen:pathway-category"
LATERALITY_URL = "urn:foramen:fhir:laterality"
EXTRACTOR_TAG_SYSTEM = "urn:foramen:extractor"
_NAMESPACE = uuid.UUID("6f1f4c3e-2b0a-5c39-9d0e-7a52f3c1b8a4")

_OBS_CATEGORY = [
    {
        "coding": [
            {
                "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                "code": "imaging",
            }
        ]
    }
]
_REPORT_CATEGORY = [
    {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "RAD"}]}
]


class FhirValidationError(ValueError):
    """A generated bundle did not validate (a defect: the message names the path, not data)."""


def _coding(code: str) -> dict[str, str]:
    system, _, value = code.partition(":")
    return {"system": SYSTEMS.get(system, f"urn:foramen:{system.lower()}"), "code": value}


def _concept(text: str, codes: list[str] | None = None) -> dict[str, Any]:
    concept: dict[str, Any] = {}
    if codes:
        concept["coding"] = [_coding(c) for c in codes]
    concept["text"] = text
    return concept


def _local(system: str, code: str) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code}], "text": code}


class _Builder:
    def __init__(self, row: int, rid: str | None) -> None:
        self.row, self.rid = row, rid
        self.entries: list[dict[str, Any]] = []

    def add(self, key: str, resource: dict[str, Any]) -> str:
        full_url = f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{self.row}|{self.rid}|{key}')}"
        self.entries.append({"fullUrl": full_url, "resource": resource})
        return full_url

    def bundle(self) -> dict[str, Any]:
        bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "collection"}
        if self.rid is not None:
            bundle["identifier"] = {"system": REPORT_ID_SYSTEM, "value": self.rid}
        bundle["entry"] = self.entries
        return bundle


def _observation(code: dict[str, Any], body_site: dict[str, Any] | None, **value: Any) -> dict:
    obs: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "preliminary",
        "category": _OBS_CATEGORY,
        "code": code,
    }
    if body_site is not None:
        obs["bodySite"] = body_site
    obs.update(value)
    return obs


def report_bundle(result: ReportResult, codes: CodesFile, row: int) -> dict[str, Any]:
    """The Bundle of one extracted report (a plain JSON-able dict)."""
    b = _Builder(row, result.id)
    refs: list[str] = []

    def level_site(level: str, what: str) -> dict[str, Any]:
        code = codes.level_codes.get(level)
        return _concept(f"{level} {what}", [code] if code else None)

    foraminal_code = _concept(
        "Neural foraminal stenosis", codes.finding_codes.get("foraminal_stenosis")
    )
    for level, sides in result.foraminal_stenosis.items():
        for side, severity in sides.items():
            site = level_site(level, "intervertebral foramen")
            laterality = codes.laterality_codes.get(side) if side != "unspecified" else None
            if laterality:
                site["extension"] = [
                    {"url": LATERALITY_URL, "valueCodeableConcept": _concept(side, [laterality])}
                ]
            site["text"] += f", {side}" if side != "unspecified" else ", side not stated"
            refs.append(
                b.add(
                    f"foraminal|{level}|{side}",
                    _observation(
                        foraminal_code, site, valueCodeableConcept=_local(SEVERITY_SYSTEM, severity)
                    ),
                )
            )
    canal_code = _concept("Spinal canal stenosis", codes.finding_codes.get("canal_stenosis"))
    for level, severity in result.canal_stenosis.items():
        refs.append(
            b.add(
                f"canal|{level}",
                _observation(
                    canal_code,
                    level_site(level, "spinal canal"),
                    valueCodeableConcept=_local(SEVERITY_SYSTEM, severity),
                ),
            )
        )
    for level in result.cord.compression_levels:
        refs.append(
            b.add(
                f"cord|{level}",
                _observation(
                    _concept("Spinal cord compression"),
                    level_site(level, "spinal cord"),
                    valueBoolean=True,
                ),
            )
        )
    refs.append(
        b.add(
            "cord-signal",
            _observation(
                _concept("Cervical spinal cord signal abnormality"),
                None,
                valueBoolean=result.cord.signal_abnormality,
            ),
        )
    )
    for flag in result.red_flags:
        refs.append(
            b.add(
                f"red-flag|{flag}",
                _observation(
                    _concept("Red flag"), None, valueCodeableConcept=_local(RED_FLAG_SYSTEM, flag)
                ),
            )
        )
    report: dict[str, Any] = {
        "resourceType": "DiagnosticReport",
        "meta": {
            "tag": [
                {"system": EXTRACTOR_TAG_SYSTEM, "code": f"version:{result.extractor.version}"},
                {
                    "system": EXTRACTOR_TAG_SYSTEM,
                    "code": f"ruleset_sha256:{result.extractor.ruleset_sha256}",
                },
            ]
        },
        "status": "preliminary",
        "category": _REPORT_CATEGORY,
        "code": _concept(f"Spine imaging report ({result.modality}): extracted findings"),
        "result": [{"reference": ref} for ref in refs],
        "conclusion": "Imaging-only pathway category: "
        f"{result.pathway.category}. Decision support only, not a diagnosis.",
        "conclusionCode": [_local(PATHWAY_SYSTEM, result.pathway.category)],
    }
    if result.id is not None:
        report["identifier"] = [{"system": REPORT_ID_SYSTEM, "value": result.id}]
    b.add("report", report)
    b.entries.insert(0, b.entries.pop())  # the DiagnosticReport first, then its Observations
    return b.bundle()


def error_bundle(rid: str | None, reason: str, row: int) -> dict[str, Any]:
    """The Bundle of an input row that could not be extracted: one OperationOutcome."""
    b = _Builder(row, rid)
    b.add(
        "error",
        {
            "resourceType": "OperationOutcome",
            "issue": [{"severity": "error", "code": "invalid", "diagnostics": reason}],
        },
    )
    return b.bundle()


def validate_bundle(bundle: dict[str, Any]) -> None:
    """Parse the bundle with fhir.resources' R4B models; raise FhirValidationError if invalid."""
    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    try:
        Bundle.model_validate(bundle)
    except ValidationError as exc:
        where = "; ".join(".".join(map(str, e["loc"])) for e in exc.errors())
        raise FhirValidationError(f"FHIR bundle does not validate at {where}") from None
