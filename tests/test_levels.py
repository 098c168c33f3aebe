"""Level notation parsing: every notation family normalises to C{n}-C{n+1}."""

import pytest

from extractor.levels import find_levels, level_range, region_of

CASES = [
    ("C5-6", [("C5-C6",)]),
    ("C5-C6", [("C5-C6",)]),
    ("C5/6", [("C5-C6",)]),
    ("C5/C6", [("C5-C6",)]),
    ("C5 - 6", [("C5-C6",)]),
    ("C5–6", [("C5-C6",)]),
    ("C5–C6", [("C5-C6",)]),
    ("C5~6", [("C5-C6",)]),
    ("C 5-6", [("C5-C6",)]),
    ("C5C6", [("C5-C6",)]),
    ("c5-6:mild", [("C5-C6",)]),
    ("C7-T1", [("C7-T1",)]),
    ("C7/T1", [("C7-T1",)]),
    ("C7-Th1", [("C7-T1",)]),
    ("the C5-6 level", [("C5-C6",)]),
    ("the C5-C6 interspace", [("C5-C6",)]),
    ("at the level of C5-6", [("C5-C6",)]),
    ("C4-5 through C6-7", [("C4-C5", "C5-C6", "C6-C7")]),
    ("from C3-4 to C5-6", [("C3-C4", "C4-C5", "C5-C6")]),
    ("C3-C4 to C6-C7", [("C3-C4", "C4-C5", "C5-C6", "C6-C7")]),
    ("C4-C7", [("C4-C5", "C5-C6", "C6-C7")]),
    ("from C4 to C7", [("C4-C5", "C5-C6", "C6-C7")]),
    ("an abscess from C5 to C6", [("C5-C6",)]),
    ("at the C5 and C6 interspace", [("C5-C6",)]),
    ("the disc between C6 and C7", [("C6-C7",)]),
    ("the C5 and C6 vertebral bodies", []),
    ("C5 and C7 levels", []),
    ("at C5-6 and C6-7", [("C5-C6",), ("C6-C7",)]),
    ("C7-T1, T1-2:", [("C7-T1",), ("T1-T2",)]),
    ("L4-5 and L5-S1", [("L4-L5",), ("L5-S1",)]),
    ("C56: mild", [("C5-C6",)]),
    ("at C5 6 there is", [("C5-C6",)]),
    ("C7 T1", [("C7-T1",)]),
    ("5-6: mild left foraminal narrowing", [("C5-C6",)]),
    ("1. 7-T1: normal", [("C7-T1",)]),
    ("L4-5: severe\n4-5: mild", [("L4-L5",)]),  # a report naming lumbar levels: no bare header
    ("C5 6 mm lesion", []),
    ("C57", []),
    ("T2-weighted images", []),
    ("T1 and T2 sequences", []),
    ("T2 hyperintense signal", []),
    ("the C6 nerve root", []),
    # the next vertebra chained on: the next disc too
    ("C5/6/7", [("C5-C6", "C6-C7")]),
    ("C4-5-6-7", [("C4-C5", "C5-C6", "C6-C7")]),
    ("C6/7/T1", [("C6-C7", "C7-T1")]),
    ("C5/6 - 7 mm", [("C5-C6",)]),
    ("C5-6/C6-7", [("C5-C6",), ("C6-C7",)]),
    # discs named by their digits alone after a cervical level
    ("C5-6/6-7", [("C5-C6",), ("C6-C7",)]),
    ("at C4-5, 5-6 and 6-7", [("C4-C5",), ("C5-C6",), ("C6-C7",)]),
    ("C6-7 or 7-T1", [("C6-C7",), ("C7-T1",)]),
    ("C5-6, 2-3 mm bulge", [("C5-C6",)]),
    ("C5-6 and 6-8", [("C5-C6",)]),
    ("L4-5/5-6", [("L4-L5",)]),
    # a foramen named by the root that exits it (C(n+1) at Cn-C(n+1), C8 at C7-T1)
    ("the left C6 foramen", [("C5-C6",)]),
    ("the C5 and C6 neural foramina", [("C4-C5",), ("C5-C6",)]),
    ("the left C7 and left C8 exit foramina", [("C6-C7",), ("C7-T1",)]),
    ("the foramina of the exiting C5, C6 and C7 roots", [("C4-C5",), ("C5-C6",), ("C6-C7",)]),
    ("the C6 transverse foramen", []),
    ("the C6 vertebral body", []),
    ("from C3-C4 down to C5-C6", [("C3-C4", "C4-C5", "C5-C6")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_level_notations(text: str, expected: list[tuple[str, ...]]) -> None:
    found = [m.levels for m in find_levels(text)]
    assert found == expected


def test_offsets_cover_the_mention() -> None:
    text = "Moderate stenosis at C5–6 and C6/C7."
    spans = [text[m.start : m.end] for m in find_levels(text)]
    assert spans == ["C5–6", "C6/C7"]


def test_regions_and_ranges() -> None:
    assert region_of("C7-T1") == "cervical"
    assert region_of("T1-T2") == "thoracic"
    assert region_of("L5-S1") == "lumbar"
    assert level_range("C6-C7", "C4-C5") == ("C4-C5", "C5-C6", "C6-C7")
