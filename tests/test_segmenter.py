"""Report-aware segmentation: lines, level headers, numbered items, dictation artefacts."""

import pytest

from extractor.segmenter import boundary_offsets


def segments(text: str) -> list[str]:
    starts = boundary_offsets(text)
    ends = [*starts[1:], len(text)]
    return [text[a:b].strip() for a, b in zip(starts, ends, strict=True)]


CASES = [
    (
        "FINDINGS:\nC2-3: Normal. C3-4: Mild bulge.",
        ["FINDINGS:", "C2-3: Normal.", "C3-4: Mild bulge."],
    ),
    (
        "IMPRESSION: 1. Severe left C5-6 stenosis. 2. Mild canal stenosis.",
        ["IMPRESSION:", "1. Severe left C5-6 stenosis.", "2. Mild canal stenosis."],
    ),
    (
        "C4-5: moderate left foraminal\nnarrowing with approx. 3 mm listhesis.",
        ["C4-5: moderate left foraminal\nnarrowing with approx. 3 mm listhesis."],
    ),
    ("Canal measures 9.5 mm. Cord normal.", ["Canal measures 9.5 mm.", "Cord normal."]),
    ("C2-3:Normal.C3-4:Normal.", ["C2-3:Normal.", "C3-4:Normal."]),
    ("Mild narrowing.Right foramen patent.", ["Mild narrowing.", "Right foramen patent."]),
    ("C2-C3 through C4-C5: Normal.", ["C2-C3 through C4-C5: Normal."]),
    ("C2-3 and C3-4: Unremarkable.", ["C2-3 and C3-4: Unremarkable."]),
    ("Severe stenosis; no cord signal change", ["Severe stenosis; no cord signal change"]),
    # a wrapped line that opens with the measurement its sentence was giving
    (
        "Moderate canal stenosis, AP diameter\n8 mm. Severe bilateral NFN.",
        ["Moderate canal stenosis, AP diameter\n8 mm.", "Severe bilateral NFN."],
    ),
    # a wrap in capitals after a word that cannot end a sentence, or a side running on into
    # its anchor
    (
        "1. CHANGES WITH\nSEVERE LEFT AND MODERATE RIGHT\nFORAMINAL STENOSIS AT C5-6.\n2. NO CORD SIGNAL.",
        ["1. CHANGES WITH\nSEVERE LEFT AND MODERATE RIGHT\nFORAMINAL STENOSIS AT C5-6.", "2. NO CORD SIGNAL."],
    ),
    ("Mild canal stenosis. At\nC6-7 there is mild narrowing.", ["Mild canal stenosis.", "At\nC6-7 there is mild narrowing."]),
    ("Severe stenosis at\nC5-6. Mild at\nC6-7.", ["Severe stenosis at\nC5-6.", "Mild at\nC6-7."]),
    # ... but not before a label, a level header or after a complete field line
    ("Canal: patent\nForamina: mild left", ["Canal: patent", "Foramina: mild left"]),
    ("C4-5 disc bulge with\nC5-6: mild narrowing", ["C4-5 disc bulge with", "C5-6: mild narrowing"]),
    ("Foramina mild right\nCanal stenosis mild", ["Foramina mild right", "Canal stenosis mild"]),
    # ... but a numbered item after an unpunctuated line starts its own segment
    (
        "IMPRESSION\n1. Mild stenosis.\n2. No cord signal.",
        ["IMPRESSION", "1. Mild stenosis.", "2. No cord signal."],
    ),
    # a list flattened onto one line: each bullet is a break
    ("Findings: • C2-3: normal • C3-4: mild", ["Findings:", "•", "C2-3: normal", "•", "C3-4: mild"]),
    # a number in brackets is not a numbered item
    ("Stenosis at C5-6 (image 12) and C6-7.", ["Stenosis at C5-6 (image 12) and C6-7."]),
    # dot leaders join a label to its value; an ellipsis after a word still ends a sentence
    ("C2-C3 ........ Normal\nC3-C4 ... mild", ["C2-C3 ........ Normal", "C3-C4 ... mild"]),
    # fields after column gaps on one line
    ("C4-C5   Disc: bulge   Canal: normal", ["C4-C5", "Disc: bulge", "Canal: normal"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_segments(text: str, expected: list[str]) -> None:
    assert segments(text) == expected


def test_overlong_runs_are_split_at_clause_breaks() -> None:
    from extractor.segmenter import MAX_SEGMENT_CHARS, boundary_offsets

    unit = "mild left foraminal narrowing at C5-6 with moderate right stenosis, "
    text = unit * 100  # one 6,800-character "sentence" with no full stop
    starts = boundary_offsets(text)
    ends = [*starts[1:], len(text)]
    assert starts[0] == 0
    assert all(b - a <= MAX_SEGMENT_CHARS for a, b in zip(starts, ends, strict=True))
    # every cut falls just after a comma, never inside a word
    assert all(text[s - 2 : s] == ", " for s in starts[1:])
    # ordinary sentences are untouched
    assert boundary_offsets("C5-6: Mild left foraminal narrowing. No canal stenosis.") == [0, 37]
