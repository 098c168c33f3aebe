"""Bad input gets a clear error or a warning, never a traceback, a hang or lost text."""

import pytest

from extractor import Extractor, InputError, ReportTooLongError


def test_empty_and_whitespace(extractor: Extractor) -> None:
    for text in ("", "   \n\t  "):
        r = extractor.extract(text, id="e")
        assert r.warnings == ["empty report: no text to analyse"]
        assert r.findings == [] and r.foraminal_stenosis == {}
        assert r.pathway.category == "no_foraminal_stenosis"
        assert r.id == "e"


def test_binary_looking(extractor: Extractor) -> None:
    text = "\x00\x01\x02\x03PK\x03\x04" * 50
    r = extractor.extract(text)
    assert r.warnings == ["input looks like binary or corrupted data: not analysed"]
    assert r.findings == []


def test_non_english_gets_a_warning(extractor: Extractor) -> None:
    text = "IRM du rachis cervical. À l'étage C5-C6 : rétrécissement foraminal gauche modéré."
    r = extractor.extract(text)
    assert "text does not look like English; results may be incomplete" in r.warnings


def test_huge_input_is_a_clear_error(extractor: Extractor) -> None:
    text = "C5-6: Mild left foraminal narrowing. " * 150_000  # about 5.5 MB
    with pytest.raises(ReportTooLongError) as info:
        extractor.extract(text)
    assert "limit" in str(info.value)
    assert "foraminal" not in str(info.value)  # never report text in an error


def test_long_report_under_the_limit(extractor: Extractor) -> None:
    text = "C5-6: Mild left foraminal narrowing.\n" * 3000
    r = extractor.extract(text)
    assert r.foraminal_stenosis == {"C5-C6": {"left": "mild"}}


def test_non_string_is_an_input_error(extractor: Extractor) -> None:
    with pytest.raises(InputError):
        extractor.extract(b"C5-6 narrowing")  # type: ignore[arg-type]


def test_no_findings_warning(extractor: Extractor) -> None:
    r = extractor.extract("The patient tolerated the procedure well.")
    assert r.warnings == ["no spine findings recognised in this text"]


def test_extract_many_streams_in_order(extractor: Extractor) -> None:
    reports = [(f"r{i}", f"C{i}-{i + 1}: Mild left foraminal narrowing.") for i in range(2, 7)]
    results = list(extractor.extract_many(iter(reports)))
    assert [r.id for r in results] == ["r2", "r3", "r4", "r5", "r6"]
    assert [next(iter(r.foraminal_stenosis)) for r in results] == [
        "C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7"
    ]
