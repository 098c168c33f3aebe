"""Property-based tests: extract never raises on text, offsets are exact, output is deterministic."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Extractor

FRAGMENTS = [
    "C5-6", "C5/C6", "C7-T1", "L4-5", "T2", ":", ".", ",", ";", "\n", " ", "left", "right",
    "bilateral", "L>R", "mild", "moderate", "severe", "to", "no", "not", "patent", "foraminal",
    "neural foramina", "narrowing", "stenosis", "canal", "cord", "compression", "fracture",
    "remaining levels", "at this level", "IMPRESSION:", "FINDINGS:", "1.", "may", "unchanged",
    "prior", "through", "and", "hemangioma", "myelomalacia", "NF", "foramen magnum",
]

report_like = st.lists(st.sampled_from(FRAGMENTS), min_size=0, max_size=60).map(" ".join)
any_text = st.text(max_size=400)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(extractor: Extractor, text: str) -> None:
    first = extractor.extract(text, id="p")
    for f in first.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text
    for ev in (e for flag in first.pathway.flags for e in flag.evidence):
        assert 0 <= ev[0] <= ev[1] <= len(text)
    second = extractor.extract(text, id="p")
    assert first.model_dump() == second.model_dump()
    for level, cells in first.foraminal_stenosis.items():
        assert level.startswith("C")
        assert set(cells) <= {"left", "right", "unspecified"}


@SETTINGS
@given(text=any_text)
def test_arbitrary_unicode(extractor: Extractor, text: str) -> None:
    _check(extractor, text)


@SETTINGS
@given(text=report_like)
def test_report_like_text(extractor: Extractor, text: str) -> None:
    _check(extractor, text)
