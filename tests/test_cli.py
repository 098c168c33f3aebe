"""The command line, run as a real subprocess."""

import json
import subprocess
import sys
from pathlib import Path

REPORT = "MRI CERVICAL SPINE\nFINDINGS:\nC5-6: Severe left foraminal stenosis.\n"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from extractor.cli import main; main()", *args],
        input=stdin, capture_output=True, timeout=120, check=False,
    )


def test_extract_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    proc = run("extract", str(path), "--id", "r-1")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["id"] == "r-1"
    assert result["foraminal_stenosis"] == {"C5-C6": {"left": "severe"}}
    assert result["schema_version"] == "1"


def test_extract_stdin() -> None:
    proc = run("extract", "-", "--compact", stdin=REPORT.encode())
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["pathway"]["category"] == "injection_candidate"


def _one_line_error(proc: subprocess.CompletedProcess[bytes]) -> str:
    assert proc.returncode != 0
    err = proc.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("foramen: error: ")
    assert "Traceback" not in err
    return err


def test_errors_are_one_line_without_text(tmp_path: Path) -> None:
    missing = _one_line_error(run("extract", str(tmp_path / "nope.txt")))
    assert "no such file" in missing
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert "empty" in _one_line_error(run("extract", str(empty)))
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\x01secret report text\x00")
    err = _one_line_error(run("extract", str(binary)))
    assert "binary" in err and "secret" not in err
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Sténose foraminale sévère".encode("latin-1"))
    err = _one_line_error(run("extract", str(latin)))
    assert "UTF-8" in err and "Sténose" not in err


def test_evaluate_json(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "g1", "text": REPORT, "modality": "MRI",
        "foraminal": {"C5-C6": {"left": "severe"}}, "foraminal_uncertain": [], "canal": {},
        "cord_compression": [], "cord_signal_abnormality": False, "red_flags": [],
        "pathway": "injection_candidate"}) + "\n", encoding="utf-8")
    proc = run("evaluate", str(gold), "--json", "--errors")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)["gold"]
    assert out["scores"]["foraminal"]["exact_severity"]["f1"] == 1.0
    assert out["scores"]["reports_fully_correct"]["correct"] == 1
    assert out["errors"] == []


def test_evaluate_reports_errors(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "g2", "text": REPORT, "modality": "CT",
        "foraminal": {"C5-C6": {"left": "moderate"}}, "foraminal_uncertain": [], "canal": {},
        "cord_compression": [], "cord_signal_abnormality": False, "red_flags": [],
        "pathway": "injection_candidate"}) + "\n", encoding="utf-8")
    proc = run("evaluate", str(gold), "--errors")
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert "foraminal C5-C6 left: expected moderate, got severe" in text
    assert "modality: expected CT, got MRI" in text


def test_extract_with_clinical_context(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    ctx = tmp_path / "ctx.json"
    ctx.write_text(json.dumps({"symptom_sides": ["left"], "roots": ["C6"],
                               "radicular_symptoms": True, "conservative_care_weeks": 2}))
    proc = run("extract", str(report), "--clinical", str(ctx))
    assert proc.returncode == 0, proc.stderr
    pathway = json.loads(proc.stdout)["pathway"]
    assert pathway["category"] == "conservative_care"
    assert pathway["clinical_context_used"] is True
    assert [f["rule"] for f in pathway["flags"]] == ["IMG-4", "R3"]


def test_bad_clinical_context_is_a_one_line_error(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    ctx = tmp_path / "ctx.json"
    ctx.write_text(json.dumps({"roots": ["L5"], "colour": "blue"}))
    err = _one_line_error(run("extract", str(report), "--clinical", str(ctx)))
    assert "invalid clinical context" in err and "roots" in err
