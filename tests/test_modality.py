"""Modality of the reported study, read from the title, the technique or a line that opens with
the exam's name."""

import pytest

from extractor import Extractor

CASES = [
    ("an English title", "MRI CERVICAL SPINE\nFindings: C5-6 mild left foraminal narrowing.", "MRI"),
    ("'magnetic ressonance' misspelt", "MAGNETIC RESSONANCE OF CERVICAL SPINE\n\nReport:\nC5-C6: mild left foraminal stenosis.", "MRI"),
    ("'sequences weighted in T1 and T2'", "Technique: Multiplanar sequences weighted in T1 and T2.\n\nReport:\nC5-C6: mild left foraminal stenosis.", "MRI"),
    ("a title run into Japanese characters", "頸椎MRI (Gd enhanced)\nClinical: Lt arm numbness.\nFindings: C5/6: mild left foraminal stenosis.", "MRI"),
    ("a Spanish CT myelogram title", "MIELO-TC DE COLUMNA CERVICAL\n\nClinical history: pacemaker not compatible with MRI.\nFindings: C5-C6: moderate left foraminal stenosis.", "CT_MYELOGRAM"),
    ("an exam name that opens a line of findings", "Clinical: Pain left middle finger since 5 weeks.\nMRI cervical spine, standard protocol: Osteochondrosis C6/7 with moderate NFS left.", "MRI"),
    ("a CT title", "CT CERVICAL SPINE WITHOUT CONTRAST\nFindings: No fracture.", "CT"),
    ("radiograph projections named in either order", "Cervical spine, lateral and AP. Dysphagia, DISH?\nFlowing anterior ossification C3-C7. No fracture.", "RADIOGRAPH"),
    ("no modality named", "Findings: C5-6 mild left foraminal narrowing.", "UNKNOWN"),
    ("a CT title over a technique with intrathecal contrast", "CT CERVICAL SPINE\nTECHNIQUE: Axial images approximately 1 hour after intrathecal contrast administration for myelography.\nFINDINGS: C5-6: mild left foraminal narrowing.", "CT_MYELOGRAM"),
    ("a CT technique denying intrathecal contrast", "CT CERVICAL SPINE\nTECHNIQUE: Axial images without intrathecal contrast.\nFINDINGS: C5-6: mild left foraminal narrowing.", "CT"),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_modality(extractor: Extractor, name: str, text: str, expected: str) -> None:
    assert extractor.extract(text).modality == expected
