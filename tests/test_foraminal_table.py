"""Table-driven whole-grid tests for the foraminal phrasing families (contract field meanings).

Each case asserts the entire `foraminal_stenosis` grid, so a missing or an extra cell fails.
"""

import pytest

from extractor import Extractor

B = {"left": "none", "right": "none"}

CASES: list[tuple[str, str, dict[str, dict[str, str]]]] = [
    # --- severity words and half-steps -----------------------------------------------------
    ("severity mild", "C5-6: Mild left foraminal narrowing.", {"C5-C6": {"left": "mild"}}),
    ("severity minimal", "C4-5: Minimal right neuroforaminal narrowing.", {"C4-C5": {"right": "mild"}}),
    ("severity slight", "Slight narrowing of the left neural foramen at C4/C5.", {"C4-C5": {"left": "mild"}}),
    ("mild to moderate", "Mild to moderate left foraminal stenosis at C3-4.", {"C3-C4": {"left": "mild-moderate"}}),
    ("mild-moderate", "C3-C4: mild-moderate right NF stenosis.", {"C3-C4": {"right": "mild-moderate"}}),
    ("moderate", "Moderate right foraminal stenosis at C6-7.", {"C6-C7": {"right": "moderate"}}),
    ("moderately severe", "Moderately severe right foraminal stenosis at C6-7.", {"C6-C7": {"right": "moderate-severe"}}),
    ("moderate to severe", "C6-C7: Moderate to severe left foraminal stenosis.", {"C6-C7": {"left": "moderate-severe"}}),
    ("severe", "Severe left neural foraminal stenosis at C5-C6.", {"C5-C6": {"left": "severe"}}),
    ("marked", "Marked right foraminal narrowing at C5-6.", {"C5-C6": {"right": "severe"}}),
    ("high-grade", "High-grade left C5-6 foraminal stenosis.", {"C5-C6": {"left": "severe"}}),
    ("tight", "Tight left C6-7 foramen due to uncovertebral osteophyte.", {"C6-C7": {"left": "severe"}}),
    ("adverb", "The left neural foramen at C5-6 is severely narrowed.", {"C5-C6": {"left": "severe"}}),
    ("significant is not a grade", "Significant left foraminal stenosis at C4-C5.", {"C4-C5": {"left": "unspecified"}}),
    ("no grade", "Left foraminal narrowing at C5-6.", {"C5-C6": {"left": "unspecified"}}),
    ("grade number is not a grade", "Grade 2 narrowing of the left neural foramen at C6-7.", {"C6-C7": {"left": "unspecified"}}),
    ("at least moderate", "There is at least moderate right foraminal narrowing at C5/6.", {"C5-C6": {"right": "moderate"}}),
    # --- sides -----------------------------------------------------------------------------
    ("bilateral", "Mild bilateral foraminal narrowing at C4-5.", {"C4-C5": {"left": "mild", "right": "mild"}}),
    ("bilaterally post-posed", "Foraminal narrowing is moderate bilaterally at C5-6.", {"C5-C6": {"left": "moderate", "right": "moderate"}}),
    ("plural foramina", "At C6-7 both neural foramina are moderately narrowed.", {"C6-C7": {"left": "moderate", "right": "moderate"}}),
    ("split severities", "C5-C6: Disc osteophyte complex with moderate right and severe left neural foraminal narrowing.", {"C5-C6": {"left": "severe", "right": "moderate"}}),
    ("split, side first", "C4-5: Right moderate, left mild foraminal stenosis.", {"C4-C5": {"left": "mild", "right": "moderate"}}),
    ("split, post-posed", "Bilateral foraminal narrowing at C5-6: moderate on the right, mild on the left.", {"C5-C6": {"left": "mild", "right": "moderate"}}),
    ("left greater than right", "Marked bilateral foraminal narrowing at C5-C6, left greater than right.", {"C5-C6": {"left": "severe", "right": "severe"}}),
    ("R>L", "C5-6: severe bilat NF stenosis, R>L.", {"C5-C6": {"left": "severe", "right": "severe"}}),
    ("unsided", "Moderate foraminal stenosis at C5-6.", {"C5-C6": {"unspecified": "moderate"}}),
    ("terse abbreviations", "C5/6 - mod R NF stenosis.", {"C5-C6": {"right": "moderate"}}),
    ("side of a disc is not a foraminal side", "C3-C4: facet arthropathy R>L, mild R NF narrowing.", {"C3-C4": {"right": "mild"}}),
    # --- levels ----------------------------------------------------------------------------
    ("distributive", "Mild bilateral foraminal narrowing at C4-5 and C5-6.", {"C4-C5": {"left": "mild", "right": "mild"}, "C5-C6": {"left": "mild", "right": "mild"}}),
    ("level list first", "At C5-6 and C6-7 there is moderate bilateral neural foraminal narrowing.", {"C5-C6": {"left": "moderate", "right": "moderate"}, "C6-C7": {"left": "moderate", "right": "moderate"}}),
    ("range", "Mild bilateral foraminal narrowing from C3-4 to C5-6.", {lv: {"left": "mild", "right": "mild"} for lv in ("C3-C4", "C4-C5", "C5-C6")}),
    ("through", "Moderate left foraminal stenosis C4-5 through C6-7.", {lv: {"left": "moderate"} for lv in ("C4-C5", "C5-C6", "C6-C7")}),
    ("vertebral span", "Uncovertebral hypertrophy from C4-C7 results in mild bilateral foraminal narrowing.", {lv: {"left": "mild", "right": "mild"} for lv in ("C4-C5", "C5-C6", "C6-C7")}),
    ("per-group levels", "Bony foraminal narrowing is severe on the left at C5-6 and moderate on the right at C6-7.", {"C5-C6": {"left": "severe"}, "C6-C7": {"right": "moderate"}}),
    ("unsided then sided", "Foraminal narrowing at C5-C6 and on the left at C6-C7.", {"C5-C6": {"unspecified": "unspecified"}, "C6-C7": {"left": "unspecified"}}),
    ("greatest at", "Foraminal narrowing is present bilaterally at C4-5 through C6-7, greatest at C5-6 where it is severe on the left.",
     {"C4-C5": {"left": "unspecified", "right": "unspecified"}, "C5-C6": {"left": "severe", "right": "unspecified"}, "C6-C7": {"left": "unspecified", "right": "unspecified"}}),
    ("at both levels", "Disc bulges at C5-6 and C6-7 with moderate left foraminal narrowing at both levels.", {"C5-C6": {"left": "moderate"}, "C6-C7": {"left": "moderate"}}),
    ("header scope", "C5-C6:\n  Disc: bulge\n  Left foramen: severe\n  Right foramen: patent", {"C5-C6": {"left": "severe", "right": "none"}}),
    ("topic sentence carries its level", "At C5-6 there is a broad disc bulge. Mild bilateral foraminal narrowing is present.", {"C5-C6": {"left": "mild", "right": "mild"}}),
    ("thoracic and lumbar stay out", "T6-T7: Moderate right foraminal narrowing. L4-5: severe bilateral foraminal stenosis. C6-7: mild left foraminal narrowing.", {"C6-C7": {"left": "mild"}}),
    ("no level word fills no cell", "Multilevel foraminal stenosis.", {}),
    ("respectively, levels", "There is mild, moderate and severe left foraminal narrowing at C4-5, C5-6 and C6-7, respectively.",
     {"C4-C5": {"left": "mild"}, "C5-C6": {"left": "moderate"}, "C6-C7": {"left": "severe"}}),
    ("respectively, sides", "C5-6: The right and left neural foramina are mildly and moderately narrowed, respectively.",
     {"C5-C6": {"left": "moderate", "right": "mild"}}),
    ("grades after the cause", "From C3-4 to C5-6 there is bilateral foraminal narrowing due to uncovertebral hypertrophy, mild at C3-4 and C4-5 and moderate at C5-6.",
     {"C3-C4": {"left": "mild", "right": "mild"}, "C4-C5": {"left": "mild", "right": "mild"}, "C5-C6": {"left": "moderate", "right": "moderate"}}),
    ("negated, except a graded level", "No foraminal stenosis except at C5-6 where there is moderate bilateral narrowing.",
     {"C5-C6": {"left": "moderate", "right": "moderate"}}),
    ("normal at all levels except one", "The neural foramina are normal at all levels except C5-6 where there is moderate bilateral narrowing.",
     {"C2-C3": B, "C3-C4": B, "C4-C5": B, "C5-C6": {"left": "moderate", "right": "moderate"}, "C6-C7": B, "C7-T1": B}),
    ("except", "Bilateral neuroforaminal narrowing from C4-5 through C6-7, which is mild except on the right at C5-6, where it is moderate to severe.",
     {"C4-C5": {"left": "mild", "right": "mild"}, "C5-C6": {"left": "mild", "right": "moderate-severe"}, "C6-C7": {"left": "mild", "right": "mild"}}),
    ("versus", "The right-sided foraminal narrowing is greater at C5-6 than at C6-7 (severe versus mild to moderate).",
     {"C5-C6": {"right": "severe"}, "C6-C7": {"right": "mild-moderate"}}),
    ("cause grade is not the foramen's", "Moderate left foraminal narrowing at C4-5 due to severe facet arthropathy.", {"C4-C5": {"left": "moderate"}}),
    ("grade after cause and copula", "Foraminal stenosis secondary to facet arthropathy is moderate on the right at C4-5.", {"C4-C5": {"right": "moderate"}}),
    ("'from' cause, split grades", "Bony neural foraminal narrowing from uncovertebral spurring is severe on the left at C5-6 and moderate on the right at C6-7.",
     {"C5-C6": {"left": "severe"}, "C6-C7": {"right": "moderate"}}),
    ("verb 'encroaches on' the sided foramen", "Uncovertebral joint hypertrophy encroaches on the right C6-7 neural foramen, likely contacting the exiting right C7 root.",
     {"C6-C7": {"right": "unspecified"}}),
    ("grades per level in a list", "Left-sided foraminal stenosis from C4-5 to C6-7, mild at C4-5, moderate at C5-6 and severe at C6-7 with impingement on the left C7 root.",
     {"C4-C5": {"left": "mild"}, "C5-C6": {"left": "moderate"}, "C6-C7": {"left": "severe"}}),
    ("level table", "Level | Canal | Left NF | Right NF\nC4-5 | none | mild | none\nC5-6 | moderate | severe | N/A",
     {"C4-C5": {"left": "mild", "right": "none"}, "C5-C6": {"left": "severe"}}),
    ("field lines", "C5-C6:\n  Foraminal stenosis: right mild; left none.", {"C5-C6": {"left": "none", "right": "mild"}}),
    # --- negation --------------------------------------------------------------------------
    ("patent", "C4-5: Mild disc bulge. Neural foramina are patent.", {"C4-C5": dict(B)}),
    ("no stenosis", "C7-T1: No significant canal or foraminal stenosis.", {"C7-T1": dict(B)}),
    ("level normal", "C2-C3: Normal.\nC3-4 and C4-5: Unremarkable.", {"C2-C3": dict(B), "C3-C4": dict(B), "C4-C5": dict(B)}),
    ("unqualified no stenosis", "C6-7: No stenosis.", {"C6-C7": dict(B)}),
    ("post-posed negation", "Foraminal stenosis is not seen at C3-4.", {"C3-C4": dict(B)}),
    ("side patent", "C6-C7: Left uncovertebral spurring causes severe left foraminal stenosis. Right foramen patent.", {"C6-C7": {"left": "severe", "right": "none"}}),
    ("elliptical side", "C6-7: DOC, severe L NFN, R patent.", {"C6-C7": {"left": "severe", "right": "none"}}),
    ("scope breaker", "C5-6: No canal stenosis; moderate left foraminal narrowing.", {"C5-C6": {"left": "moderate"}}),
    ("but", "No disc herniation at C5-6, but there is mild right foraminal narrowing.", {"C5-C6": {"right": "mild"}}),
    ("no high-grade fills no cell", "No high-grade foraminal stenosis at C5-6.", {}),
    ("bare negation fills no cell", "No significant foraminal narrowing is present.", {}),
    ("remaining levels", "C5-6: Moderate left foraminal stenosis. The neural foramina are patent at the remaining levels.",
     {"C2-C3": dict(B), "C3-C4": dict(B), "C4-C5": dict(B), "C5-C6": {"left": "moderate"}, "C6-C7": dict(B), "C7-T1": dict(B)}),
    ("elsewhere", "Severe right foraminal stenosis at C6-7. No foraminal stenosis elsewhere.",
     {"C2-C3": dict(B), "C3-C4": dict(B), "C4-C5": dict(B), "C5-C6": dict(B), "C6-C7": {"right": "severe"}, "C7-T1": dict(B)}),
    ("remaining levels normal", "C5-6: Mild right foraminal narrowing.\nThe remaining levels are unremarkable.",
     {"C2-C3": dict(B), "C3-C4": dict(B), "C4-C5": dict(B), "C5-C6": {"right": "mild"}, "C6-C7": dict(B), "C7-T1": dict(B)}),
    # --- uncertainty, history, change ------------------------------------------------------
    ("uncertain included", "Mild narrowing of the right neural foramen may be present at C5-6.", {"C5-C6": {"right": "mild"}}),
    ("questionable", "Questionable minimal right neuroforaminal encroachment at C6-7.", {"C6-C7": {"right": "mild"}}),
    ("pseudo-negation", "No change in the moderate left foraminal stenosis at C5-6.", {"C5-C6": {"left": "moderate"}}),
    ("unchanged is current", "Unchanged moderate bilateral foraminal narrowing at C6-7.", {"C6-C7": {"left": "moderate", "right": "moderate"}}),
    ("progression keeps the current grade", "Severe left foraminal stenosis at C5-6 has progressed from moderate on the prior study.", {"C5-C6": {"left": "severe"}}),
    ("prior only", "C3-4: On the prior study there was mild right foraminal narrowing.", {}),
    ("request is not a finding", "CLINICAL HISTORY: Neck pain, r/o foraminal stenosis at C5-6.\nFINDINGS: C5-6: Normal.", {"C5-C6": dict(B)}),
    ("worst wins across impression", "FINDINGS:\nC5-6: Moderate left foraminal narrowing.\nIMPRESSION:\n1. Severe left C5-6 foraminal stenosis.", {"C5-C6": {"left": "severe"}}),
    # --- confounders -----------------------------------------------------------------------
    ("foramen magnum", "The foramen magnum is normal. C5-6: mild right foraminal narrowing.", {"C5-C6": {"right": "mild"}}),
    ("transverse foramina", "Vertebral artery flow voids are preserved within the transverse foramina at C5-6.", {}),
    ("foraminal disc protrusion", "Left foraminal disc protrusion at C6-7 without significant foraminal narrowing.", {"C6-C7": dict(B)}),
    ("enlarged foramen", "Schwannoma expanding an enlarged left C5-6 neural foramen.", {}),
    ("previous state then current", "C6-7: The left foramen, which was mildly narrowed previously, is now patent.", {"C6-C7": {"left": "none"}}),
    ("lateral recess", "L4-5: Severe right lateral recess stenosis.", {}),
    ("coordinated with an excluded anchor", "Disc bulge at C4-5 causing mild narrowing of the left lateral recess and left neural foramen.", {"C4-C5": {"left": "mild"}}),
    ("level list with its own negative grade", "Neural foraminal narrowing: C4-5 mild bilateral, C5-6 moderate left, C6-7 none.",
     {"C4-C5": {"left": "mild", "right": "mild"}, "C5-C6": {"left": "moderate"}, "C6-C7": dict(B)}),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_foraminal_grid(extractor: Extractor, name: str, text: str, expected: dict) -> None:
    result = extractor.extract(text)
    assert result.foraminal_stenosis == expected
