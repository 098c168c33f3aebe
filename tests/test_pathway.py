"""The pathway engine: imaging-only categories and the clinical rules R0-R10, firing and not.

The engine works on plain findings, so most cases build findings directly (no spaCy); a few go
through the whole extractor.
"""

import pytest

from extractor import ClinicalContext, Extractor
from extractor.clinical import exiting_root
from extractor.pathway import PathwayEngine
from extractor.rules import RuleSet
from extractor.schema import Finding


def F(ftype: str = "foraminal_stenosis", level: str | None = "C6-C7", side: str | None = "left",
      severity: str | None = "moderate", **kw) -> Finding:
    base = {"section": "FINDINGS", "text": "x", "start": 0, "end": 1,
            "region": "cervical" if level else None}
    base.update(kw)
    return Finding(type=ftype, level=level, side=side, severity=severity, **base)


@pytest.fixture(scope="module")
def engine() -> PathwayEngine:
    return PathwayEngine(RuleSet().pathway)


def decide(engine: PathwayEngine, findings, clinical=None, canal=None, modality="MRI"):
    return engine.decide(findings, canal or {}, modality=modality, clinical=clinical)


RADICULAR_L_C7 = {"symptom_sides": ["left"], "roots": ["C7"], "radicular_symptoms": True}

# (name, findings, canal, clinical, modality, category, rules that must fire, rules that must not)
CASES = [
    ("imaging: injection", [F()], {}, None, "MRI", "injection_candidate", {"IMG-4"}, {"IMG-5"}),
    ("imaging: mild is conservative", [F(severity="mild")], {}, None, "MRI", "conservative_care", {"IMG-5"}, {"IMG-4"}),
    ("imaging: uncertain is conservative", [F(uncertain=True)], {}, None, "MRI", "conservative_care", {"IMG-5"}, {"IMG-4"}),
    ("imaging: unspecified is conservative", [F(severity="unspecified")], {}, None, "MRI", "conservative_care", {"IMG-5"}, {"IMG-4"}),
    ("imaging: negated is nothing", [F(severity="none", negated=True)], {}, None, "MRI", "no_foraminal_stenosis", set(), {"IMG-4", "IMG-5"}),
    ("imaging: historical is nothing", [F(historical=True)], {}, None, "MRI", "no_foraminal_stenosis", set(), {"IMG-4"}),
    ("imaging: cord compression", [F("cord_compression", side=None, severity=None)], {}, None, "MRI", "surgical_review", {"IMG-3"}, {"IMG-2"}),
    ("imaging: severe canal + compression", [F("cord_compression", side=None, severity=None)], {"C6-C7": "severe"}, None, "MRI", "urgent_surgical_review", {"IMG-2", "IMG-3"}, set()),
    ("imaging: cord signal", [F("cord_signal_abnormality", side=None, severity=None)], {}, None, "MRI", "urgent_surgical_review", {"IMG-2"}, set()),
    ("imaging: red flag", [F("red_flag", side=None, severity=None, label="infection"), F()], {}, None, "MRI", "red_flag_workup", {"IMG-1", "IMG-4"}, set()),
    # R0
    ("R0 imaging red flag", [F("red_flag", side=None, severity=None, label="malignancy"), F()], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "MRI", "red_flag_workup", {"R0"}, set()),
    ("R0 clinical history", [F()], {}, RADICULAR_L_C7 | {"red_flag_history": ["cancer"]}, "MRI", "red_flag_workup", {"R0"}, set()),
    ("R0 not without flags", [F()], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "MRI", "injection_candidate", {"R4"}, {"R0"}),
    # R1
    ("R1 myelopathic signs", [F()], {}, RADICULAR_L_C7 | {"myelopathic_signs": True}, "MRI", "urgent_surgical_review", {"R1"}, {"R4"}),
    ("R1 compression with signal", [F("cord_compression", side=None, severity=None), F("cord_signal_abnormality", side=None, severity=None)], {}, {"radicular_symptoms": False}, "MRI", "urgent_surgical_review", {"R1"}, set()),
    ("R1 not for compression alone", [F("cord_compression", side=None, severity=None)], {}, {"radicular_symptoms": True, "myelopathic_signs": False}, "MRI", "surgical_review", set(), {"R1"}),
    # R2
    ("R2 progressive weakness", [F()], {}, RADICULAR_L_C7 | {"progressive_motor_deficit": True, "conservative_care_weeks": 8}, "MRI", "urgent_surgical_review", {"R2"}, {"R4"}),
    ("R2 progressive sensory loss", [F(severity="mild")], {}, RADICULAR_L_C7 | {"progressive_sensory_deficit": True}, "MRI", "urgent_surgical_review", {"R2"}, set()),
    # R3
    ("R3 early symptoms", [F(severity="severe")], {}, RADICULAR_L_C7 | {"symptom_duration_weeks": 2, "conservative_care_weeks": 0}, "MRI", "conservative_care", {"R3"}, {"R4", "R5"}),
    ("R3 not after conservative care", [F()], {}, RADICULAR_L_C7 | {"symptom_duration_weeks": 10, "conservative_care_weeks": 8}, "MRI", "injection_candidate", {"R4"}, {"R3"}),
    # R4
    ("R4 not gated on severity", [F(severity="mild")], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 7}, "MRI", "injection_candidate", {"R4"}, set()),
    ("R4 needs conservative care first", [F()], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 3, "symptom_duration_weeks": 3}, "MRI", "conservative_care", {"R3"}, {"R4"}),
    # R5
    ("R5 intractable pain", [F()], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8, "intractable_pain": True}, "MRI", "surgical_review", {"R5"}, set()),
    ("R5 failed injection", [F()], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 10, "prior_tfesi": True, "tfesi_response": "none"}, "MRI", "surgical_review", {"R5"}, set()),
    ("R5 functional limitation", [F()], {}, RADICULAR_L_C7 | {"functional_limitation": True, "conservative_care_weeks": 2}, "CT_MYELOGRAM", "surgical_review", {"R5"}, set()),
    ("R5 not before 6 weeks without limitation", [F()], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 4, "intractable_pain": True}, "MRI", "conservative_care", {"R3"}, {"R5"}),
    # R6
    ("R6 radiograph only", [F()], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "RADIOGRAPH", "conservative_care", {"R6"}, {"R4", "R5"}),
    ("R6 not on MRI", [F()], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "MRI", "injection_candidate", {"R4"}, {"R6"}),
    # R7
    ("R7 wrong side", [F(side="right")], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "MRI", "conservative_care", {"R7"}, {"R4"}),
    ("R7 wrong root", [F(level="C4-C5")], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "MRI", "conservative_care", {"R7"}, {"R4"}),
    # R8
    ("R8 uncertain only", [F(uncertain=True)], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "MRI", "conservative_care", {"R8"}, {"R4", "R5"}),
    ("R8 not with a definite finding", [F(uncertain=True), F(level="C6-C7", severity="mild")], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "MRI", "injection_candidate", {"R4"}, {"R8"}),
    ("R8 limited assessment at the level", [F(), F("assessment_limited", side=None, severity=None)], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "MRI", "conservative_care", {"R8"}, {"R4", "R5"}),
    ("R8 limited elsewhere does not block", [F(), F("assessment_limited", level="C3-C4", side=None, severity=None)], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "MRI", "injection_candidate", {"R4"}, {"R8"}),
    # R9
    ("R9 compression without symptoms", [F("cord_compression", side=None, severity=None)], {}, {"radicular_symptoms": False, "myelopathic_signs": False}, "MRI", "conservative_care", {"R9"}, {"R1"}),
    ("R9 not with radiculopathy", [F("cord_compression", side=None, severity=None), F()], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "MRI", "surgical_review", {"R4"}, {"R9"}),
    # R10
    ("R10 adjacent segment", [F(post_operative="adjacent")], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "MRI", "surgical_review", {"R10"}, set()),
    ("R10 not without surgery", [F()], {}, RADICULAR_L_C7 | {"conservative_care_weeks": 8}, "MRI", "injection_candidate", set(), {"R10"}),
]


@pytest.mark.parametrize(
    ("name", "findings", "canal", "clinical", "modality", "category", "fires", "silent"),
    CASES, ids=[c[0] for c in CASES],
)
def test_rules(engine, name, findings, canal, clinical, modality, category, fires, silent) -> None:
    ctx = ClinicalContext(**clinical) if clinical is not None else None
    p = decide(engine, findings, ctx, canal, modality)
    rules = {f.rule for f in p.flags}
    assert p.category == category
    assert fires <= rules, rules
    assert not (silent & rules), rules
    assert p.clinical_context_used == (ctx is not None)
    assert p.rationale[-1].startswith("Decision support only")


def test_injection_comes_with_safety_note_and_sites(engine) -> None:
    p = decide(engine, [F(side="left", level="C6-C7")], ClinicalContext(**RADICULAR_L_C7, conservative_care_weeks=8))
    assert p.category == "injection_candidate"
    assert [s.model_dump() for s in p.candidate_sites] == [
        {"level": "C6-C7", "side": "left", "exiting_root": "C7"}
    ]
    assert p.candidate_levels == ["C6-C7"]
    assert len(p.safety_notes) == 1 and "non-particulate" in p.safety_notes[0]


def test_no_safety_note_without_injection(engine) -> None:
    p = decide(engine, [F(severity="mild")])
    assert p.category == "conservative_care" and p.safety_notes == []


@pytest.mark.parametrize(("level", "root"), [
    ("C4-C5", "C5"), ("C5-C6", "C6"), ("C6-C7", "C7"), ("C7-T1", "C8"), ("L4-L5", None),
])
def test_exiting_root(level: str, root: str | None) -> None:
    assert exiting_root(level) == root


def test_concordance_bilateral_finding_matches_either_side(engine) -> None:
    ctx = ClinicalContext(symptom_sides=["right"], roots=["C6"], radicular_symptoms=True,
                          conservative_care_weeks=8)
    p = decide(engine, [F(level="C5-C6", side="bilateral", severity="mild")], ctx)
    assert p.category == "injection_candidate"
    r4 = next(f for f in p.flags if f.rule == "R4")
    assert [(s.level, s.side, s.exiting_root) for s in r4.sites] == [
        ("C5-C6", "left", "C6"), ("C5-C6", "right", "C6")
    ]


def test_clinical_context_validation() -> None:
    with pytest.raises(ValueError, match="unknown cervical root"):
        ClinicalContext(roots=["L5"])
    with pytest.raises(ValueError):
        ClinicalContext(favourite_colour="blue")  # type: ignore[call-arg]


def test_clinical_through_the_extractor(extractor: Extractor) -> None:
    text = ("MRI CERVICAL SPINE\nFINDINGS:\nC6-C7: Moderate left foraminal stenosis.\n"
            "IMPRESSION: Moderate left C6-7 foraminal stenosis.")
    ctx = ClinicalContext(symptom_sides=["left"], roots=["C7"], radicular_symptoms=True,
                          conservative_care_weeks=8)
    r = extractor.extract(text, clinical=ctx)
    assert r.pathway.category == "injection_candidate"
    assert {f.rule for f in r.pathway.flags} == {"IMG-4", "R4"}
    assert r.pathway.candidate_sites[0].exiting_root == "C7"
    for f in r.pathway.flags:
        for start, end in f.evidence:
            assert "foraminal stenosis" in text[start:end]


RED_FLAG_CASES = [
    ("Acute fracture of the C6 lamina.", ["fracture"]),
    ("Pathologic compression fracture of C5.", ["fracture"]),
    ("Cannot exclude a nondisplaced fracture of C2.", ["fracture"]),
    ("No acute fracture.", []),
    ("Old healed fracture of the C7 spinous process.", []),
    ("Perched facets at C5-6.", ["instability"]),
    ("Traumatic anterior subluxation of C5 on C6.", ["instability"]),
    ("No subluxation or malalignment.", []),
    ("Grade 1 degenerative anterolisthesis of C4 on C5.", []),
    ("Discitis-osteomyelitis at C5-6.", ["infection"]),
    ("Dorsal epidural abscess from C3 to C6.", ["infection"]),
    ("No evidence of discitis.", []),
    ("Marrow replacing lesion in C4, concerning for metastasis.", ["malignancy"]),
    ("Enhancing dumbbell lesion in the left C5-6 foramen, likely schwannoma.", ["malignancy"]),
    ("No suspicious osseous lesion.", []),
    ("Typical hemangioma in the T1 vertebral body.", []),
    ("Schmorl node at the inferior endplate of C6.", []),
    ("Small bone island in C3.", []),
]


@pytest.mark.parametrize(("text", "flags"), RED_FLAG_CASES)
def test_red_flag_families_and_mimics(extractor: Extractor, text: str, flags: list[str]) -> None:
    assert extractor.extract("CT CERVICAL SPINE\nFINDINGS: " + text).red_flags == flags


def test_root_named_is_checked_against_the_level(extractor: Extractor) -> None:
    r = extractor.extract("C5-6: Severe left foraminal stenosis compressing the exiting left C7 nerve root.")
    roots = [f for f in r.findings if f.type == "nerve_root_compression"]
    assert [(f.level, f.root) for f in roots] == [("C5-C6", "C7")]
    assert r.warnings == ["root C7 named at C5-C6, whose foramen carries the C6 root"]


def test_limited_assessment_is_recorded_not_negated(extractor: Extractor) -> None:
    r = extractor.extract("C6-7: Foraminal evaluation is limited by motion artifact. "
                          "Possible moderate left foraminal narrowing.")
    limited = [f for f in r.findings if f.type == "assessment_limited"]
    assert [(f.level, f.negated) for f in limited] == [("C6-C7", False)]
    assert r.foraminal_stenosis == {"C6-C7": {"left": "moderate"}}


def test_post_operative_levels_and_codes(extractor: Extractor) -> None:
    r = extractor.extract("Status post C5-C6 ACDF with solid fusion. C6-C7: mild right foraminal "
                          "narrowing. Moderate canal stenosis at C6-7 with AP diameter 9 mm.")
    foraminal = [f for f in r.findings if f.type == "foraminal_stenosis"]
    assert [(f.level, f.post_operative) for f in foraminal] == [("C6-C7", "adjacent")]
    assert foraminal[0].codes == ["ICD-10-CM:M48.02", "SNOMED:371000119109", "SNOMED:243906005",
                                  "SNOMED:24028007"]
    canal = [f for f in r.findings if f.type == "canal_stenosis"]
    assert [(f.level, f.severity, f.measurement_mm) for f in canal] == [("C6-C7", "moderate", 9.0)]


def test_cord_and_root_contact_are_not_compression(extractor: Extractor) -> None:
    r = extractor.extract("C5-6: Disc bulge abuts the ventral cord without deformity. "
                          "Osteophyte contacts the exiting left C6 root.")
    kinds = sorted((f.type, f.level, f.negated) for f in r.findings
                   if f.type.startswith(("cord", "nerve")))
    assert kinds == [("cord_compression", "C5-C6", True), ("cord_contact", "C5-C6", False),
                     ("nerve_root_contact", "C5-C6", False)]
    assert r.cord.compression_levels == []


@pytest.mark.parametrize(("text", "mm", "klass", "congenital"), [
    ("C5-6: moderate canal stenosis, AP diameter 9.5 mm.", 9.5, "absolute", False),
    ("C6-7: mild canal stenosis, AP 1.2 cm.", 12.0, "relative", False),
    ("Congenitally narrow canal with AP diameter 11 mm at C4-5.", 11.0, "relative", True),
    ("C3-4: mild canal stenosis.", None, None, False),
])
def test_canal_measurements(extractor: Extractor, text: str, mm, klass, congenital) -> None:
    (canal,) = [f for f in extractor.extract(text).findings if f.type == "canal_stenosis"]
    assert (canal.measurement_mm, canal.canal_ap_class, canal.congenital) == (mm, klass, congenital)
