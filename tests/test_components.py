"""The spaCy components: entry-point registration and their annotations on a Doc."""

import subprocess
import sys

from extractor import Extractor
from extractor.levels import LEVELS_KEY


def test_factories_are_found_through_entry_points() -> None:
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('foramen_segmenter'); nlp.add_pipe('foramen_levels')\n"
        "doc = nlp('C5-6: mild. C6/C7: severe left.')\n"
        "print([s.text for s in doc.sents], [s.id_ for s in doc.spans['foramen_levels']])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         check=True)
    assert out.stdout.strip() == "['C5-6: mild.', 'C6/C7: severe left.'] ['C5-C6', 'C6-C7']"


def test_level_spans_cover_every_notation(extractor: Extractor) -> None:
    text = "C5-6, C5-C6, C5/6, C5/C6, C5 - 6, C5–6, C7-T1, C7/T1, C4-5 through C6-7, C4-C7."
    doc = extractor.nlp(text)
    got = [(s.text, s.id_) for s in doc.spans[LEVELS_KEY]]
    assert got == [
        ("C5-6", "C5-C6"), ("C5-C6", "C5-C6"), ("C5/6", "C5-C6"), ("C5/C6", "C5-C6"),
        ("C5 - 6", "C5-C6"), ("C5–6", "C5-C6"), ("C7-T1", "C7-T1"), ("C7/T1", "C7-T1"),
        ("C4-5 through C6-7", "C4-C5|C5-C6|C6-C7"), ("C4-C7", "C4-C5|C5-C6|C6-C7"),
    ]


def test_sections(extractor: Extractor) -> None:
    text = ("EXAM: MRI C-spine\nCLINICAL HISTORY: pain\nTECHNIQUE: sagittal T2\n"
            "COMPARISON: none\nFINDINGS: normal\nIMPRESSION\nNormal.\nADDENDUM: none")
    doc = extractor.nlp(text)
    assert [s.category for s in doc._.sections] == [
        "exam", "history", "technique", "comparison", "findings", "impression", "addendum"
    ]
