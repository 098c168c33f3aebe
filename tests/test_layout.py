"""Exported markup is read as the layout it stands for; offsets and quoted text stay the input's."""

import pytest

from extractor import Extractor
from extractor.layout import plain_layout

MARKUP_CASES = [
    ("line breaks", "FINDINGS:<br>C5-6: mild<br/>C6-7: none", "FINDINGS:\n   C5-6: mild\n    C6-7: none"),
    ("block tags", "<p>C5-6: mild</p>", "\n  C5-6: mild\n   "),
    ("spaces and entities", "canal&nbsp;patent &amp; foramina", "canal      patent &     foramina"),
    ("RTF", "FINDINGS:\\par C5-6: mild", "FINDINGS:\n    C5-6: mild"),
    ("a comparison sign is not a tag", "narrowing L<R and R>L at C5-6", "narrowing L<R and R>L at C5-6"),
    ("plain text is returned as is", "C5-6: mild left foraminal narrowing.", "C5-6: mild left foraminal narrowing."),
    ("dictated punctuation", "stenosis comma previously mild period Right foramen", "stenosis,      previously mild.       Right foramen"),
    ("a dictated colon and paragraph", "normal period new paragraph C3/4 colon disc bulge", "normal.\n\n                   C3/4:      disc bulge"),
    ("'a period of' and the organ colon are words", "a period of weeks; history of colon cancer", "a period of weeks; history of colon cancer"),
    ("a bar for a lost line break", "Findings:|Alignment is normal.|C3/4: Mild.", "Findings:\nAlignment is normal.\nC3/4: Mild."),
    ("a table's cell bars stay", "| C2-C3 | Normal |\nC2-3|Normal", "| C2-C3 | Normal |\nC2-3|Normal"),
    ("checklist boxes that open a line", "[x] Fracture: C6 lamina.\n[ ] Malalignment\n - [ ] Perched facet\nCord: [ ] present", "    Fracture: C6 lamina.\nNo  Malalignment\n - No  Perched facet\nCord: [ ] present"),
]


@pytest.mark.parametrize(("name", "text", "expected"), MARKUP_CASES, ids=[c[0] for c in MARKUP_CASES])
def test_plain_layout_keeps_length(name: str, text: str, expected: str) -> None:
    out = plain_layout(text)
    assert out == expected
    assert len(out) == len(text)


def test_html_export_reads_its_layout_and_quotes_the_input(extractor: Extractor) -> None:
    text = (
        "MRI CERVICAL SPINE<br><br>FINDINGS:<br>C2-C3: Unremarkable.<br>"
        "C5-C6: Disc bulge. Moderate right&nbsp;foraminal stenosis. Left foramen patent.<br>"
        "C6-C7: No canal stenosis. Neural foramina are patent.<br>IMPRESSION:<br>"
        "1. Moderate right C5-C6 foraminal stenosis.<br>Electronically signed by: ___, MD"
    )
    r = extractor.extract(text)
    assert r.foraminal_stenosis == {
        "C2-C3": {"left": "none", "right": "none"},
        "C5-C6": {"left": "none", "right": "moderate"},
        "C6-C7": {"left": "none", "right": "none"},
    }
    assert r.canal_stenosis == {"C2-C3": "none", "C6-C7": "none"}
    assert r.modality == "MRI"
    for f in r.findings:
        assert text[f.start : f.end] == f.text
    assert any("&nbsp;" in f.text for f in r.findings)
