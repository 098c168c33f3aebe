"""Report-defined grading scales: "grade N" is a severity only where the report defines it."""

import pytest

from extractor import Extractor
from extractor.grid import uncertain_cells
from extractor.scales import GradingScale, parse_scale

PARK = (
    "Foraminal stenosis is graded on the oblique sagittal images using the Park system: "
    "grade 0 = none; grade 1 = mild; grade 2 = moderate; grade 3 = severe."
)


@pytest.mark.parametrize(
    ("text", "grades", "foraminal", "canal"),
    [
        (PARK, {"0": "none", "1": "mild", "2": "moderate", "3": "severe"}, True, False),
        ("Foramina graded 0-3 (0 none, 1 mild, 2 moderate, 3 severe).",
         {"0": "none", "1": "mild", "2": "moderate", "3": "severe"}, True, False),
        ("Canal stenosis grading: grade 1 mild, grade 2 moderate, grade 3 severe.",
         {"1": "mild", "2": "moderate", "3": "severe"}, False, True),
        ("Grade 2 narrowing of the left neural foramen at C6-7.", {}, False, False),
        ("Grading at C3-4 mild, C4-5 moderate.", {}, False, False),
        # a level's line gives the level's grades, it defines no scale
        ("C6/7: right grade 3 (severe, deformation of the exiting C7 root), left grade 1 (mild).", {}, False, False),
    ],
)
def test_parse_scale(text: str, grades: dict, foraminal: bool, canal: bool) -> None:
    scale = parse_scale([(0, text)])
    assert (scale.grades, scale.foraminal, scale.canal) == (grades, foraminal, canal)
    assert scale.definitions == (((0, len(text)),) if grades else ())


def test_definition_sentences_are_known() -> None:
    scale = GradingScale({"2": "moderate"}, foraminal=True, definitions=((10, 50),))
    assert [scale.is_definition(c) for c in (9, 10, 49, 50)] == [False, True, True, False]


def test_defined_scale_grades_the_report(extractor: Extractor) -> None:
    text = (
        f"{PARK}\n\nFindings:\nC2-3, C3-4: grade 0 bilaterally; no canal stenosis.\n"
        "C4-5: L grade 1, R grade 0. Canal patent.\nC5-6: grade 2 bilaterally. Mild canal stenosis.\n"
        "C6-7: R grade 3, L grade 1.\n\nConclusion: Right C6-7 grade 3 foraminal stenosis."
    )
    r = extractor.extract(text)
    none = {"left": "none", "right": "none"}
    assert r.foraminal_stenosis == {
        "C2-C3": none,
        "C3-C4": none,
        "C4-C5": {"left": "mild", "right": "none"},
        "C5-C6": {"left": "moderate", "right": "moderate"},
        "C6-C7": {"left": "mild", "right": "severe"},
    }
    assert r.canal_stenosis == {"C2-C3": "none", "C3-C4": "none", "C4-C5": "none", "C5-C6": "mild"}
    # the definition sentence itself is not a finding
    assert not any(f.start < len(PARK) for f in r.findings if f.type == "foraminal_stenosis")
    assert r.pathway.category == "injection_candidate"


def test_grade_without_a_scale_is_unspecified(extractor: Extractor) -> None:
    r = extractor.extract("C6-7: Grade 2 narrowing of the left neural foramen.")
    assert r.foraminal_stenosis == {"C6-C7": {"left": "unspecified"}}


PERCENT = (
    "NOTE ON GRADING: Foraminal stenosis is expressed as the estimated percentage reduction of "
    "foraminal area: less than 25% = mild, 25-50% = moderate, more than 50% = severe."
)


@pytest.mark.parametrize(
    ("text", "bands"),
    [
        (PERCENT, ((0.0, 24.5, "mild"), (25.0, 50.0, "moderate"), (50.5, 100.0, "severe"))),
        ("Foraminal grading: <30%: mild; 30–60%: moderate; >60%: severe.",
         ((0.0, 29.5, "mild"), (30.0, 60.0, "moderate"), (60.5, 100.0, "severe"))),
        ("There is 50% narrowing of the left foramen.", ()),
    ],
)
def test_percentage_bands(text: str, bands: tuple) -> None:
    scale = parse_scale([(0, text)])
    assert scale.percent == bands
    assert [scale.percent_grade(v) for v in (10, 40, 80)] == (
        [b[2] for b in bands] if bands else [None, None, None]
    )


def test_percentages_read_by_the_report_bands(extractor: Extractor) -> None:
    text = (
        f"{PERCENT}\nC3-4: right foramen reduced approx 20%; left foramen normal.\n"
        "C5-6: foramina reduced 40% on the right and 55% on the left."
    )
    assert extractor.extract(text).foraminal_stenosis == {
        "C3-C4": {"left": "none", "right": "mild"},
        "C5-C6": {"left": "severe", "right": "moderate"},
    }
    # without bands a percentage is no grade
    assert extractor.extract("C3-4: right foramen reduced approx 20%.").foraminal_stenosis == {
        "C3-C4": {"right": "unspecified"}
    }


def test_word_grades_defined_by_the_report(extractor: Extractor) -> None:
    text = (
        "Grading of stenoses: low-grade = mild, middle-grade = moderate, high-grade = severe.\n"
        "C4/5: Middle-grade neuroforaminal stenosis right, low-grade left.\n"
        "C5/6: Neuroforaminal stenosis bilateral, middle-grade."
    )
    assert extractor.extract(text).foraminal_stenosis == {
        "C4-C5": {"left": "mild", "right": "moderate"},
        "C5-C6": {"left": "moderate", "right": "moderate"},
    }
    # without the definition a middle grade is no grade
    assert extractor.extract(
        "C4/5: Middle-grade neuroforaminal stenosis right."
    ).foraminal_stenosis == {"C4-C5": {"right": "unspecified"}}


TWO_SCALES = (
    "Grading used in this report\n"
    "- Foramen (modified Kim, axial T2): grade 0 = normal; grade 1 = moderate; grade 2 = severe.\n"
    "- Central canal (Kang): grade 0 = normal; grade 1 = mild; grade 2 = moderate; grade 3 = severe.\n"
)


def test_foramina_and_canal_on_scales_of_their_own() -> None:
    scale = parse_scale([(0, TWO_SCALES.splitlines()[1]), (100, TWO_SCALES.splitlines()[2])])
    assert scale.grades_for("foraminal") == {"0": "none", "1": "moderate", "2": "severe"}
    assert scale.grades_for("canal") == {"0": "none", "1": "mild", "2": "moderate", "3": "severe"}
    # a scale that names neither grades both
    park = parse_scale([(0, "Graded 0-3 (0 none, 1 mild, 2 moderate, 3 severe).")])
    assert park.grades_for("canal") == park.grades_for("foraminal") == park.grades


def test_each_structure_read_on_its_own_scale(extractor: Extractor) -> None:
    text = (
        f"{TWO_SCALES}\nFindings\n1. C3-4: Canal Kang 0. Foramen grade 0 bilaterally.\n"
        "2. C4-5: Canal Kang 1. Foramen Rt grade 1, Lt grade 1.\n"
        "3. C5-6: Canal Kang 2. Foramen Rt grade 2, Lt grade 1.\n"
        "4. C6-7: Canal Kang 0. Foramen Rt grade 1 (possible), Lt grade 0.\n"
    )
    r = extractor.extract(text)
    assert r.foraminal_stenosis == {
        "C3-C4": {"left": "none", "right": "none"},
        "C4-C5": {"left": "moderate", "right": "moderate"},
        "C5-C6": {"left": "moderate", "right": "severe"},
        "C6-C7": {"left": "none", "right": "moderate"},
    }
    assert r.canal_stenosis == {"C3-C4": "none", "C4-C5": "mild", "C5-C6": "moderate", "C6-C7": "none"}
    assert uncertain_cells(r.findings, r.foraminal_stenosis) == ["C6-C7:right"]


def test_grades_written_out_of_the_top_grade(extractor: Extractor) -> None:
    text = (
        "[Grading] Neural foraminal stenosis (NFS) is graded out of 3 on oblique sagittal T2 "
        "(0/3 none, 1/3 mild, 2/3 moderate, 3/3 severe).\n\nFindings\n"
        "- C3-4: disc bulging. NFS Rt 1/3, Lt 1/3.\n- C4-5: NFS 0/3 both.\n"
        "- C5-6: disc protrusion. NFS Lt 3/3, Rt 2/3.\n"
    )
    assert parse_scale([(0, text.split("\n\n")[0])]).grades == {
        "0": "none", "1": "mild", "2": "moderate", "3": "severe"
    }
    assert extractor.extract(text).foraminal_stenosis == {
        "C3-C4": {"left": "mild", "right": "mild"},
        "C4-C5": {"left": "none", "right": "none"},
        "C5-C6": {"left": "severe", "right": "moderate"},
    }
    # a fraction that is not out of the scale's top grade is no grade
    assert extractor.extract(text + "- C6-7: NFS Rt 2/5.\n").foraminal_stenosis["C6-C7"] == {
        "right": "unspecified"
    }
