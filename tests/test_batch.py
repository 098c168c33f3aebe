"""`foramen batch`: every input format, every output format, error rows, registry columns, FHIR.

Whole outputs are compared (counts and order included) against results of the same Extractor.
"""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fhir.resources.R4B.bundle import Bundle

from extractor import Extractor
from extractor.batch import registry
from extractor.batch.runner import run_batch
from extractor.batch.writers import read_registry_csv

SAMPLES = Path(__file__).resolve().parent.parent / "annotated_samples" / "dev.jsonl"


def sample_reports(n: int = 8) -> list[dict[str, str]]:
    with SAMPLES.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    # the first reports plus some with red flags, cord findings and unsided cells
    picked = rows[:n]
    for want in ("red_flags", "cord_compression"):
        picked += [r for r in rows[n:] if r.get(want) and r not in picked][:2]
    return [{"id": r["id"], "text": r["text"]} for r in picked]


REPORTS = sample_reports()


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from extractor.cli import main; main()", *args],
        input=stdin, capture_output=True, timeout=300, check=False,
    )


def write_input(kind: str, folder: Path, reports: list[dict]) -> Path:
    if kind == "jsonl":
        path = folder / "in.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    elif kind == "csv":
        path = folder / "in.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, ["id", "text"])
            writer.writeheader()
            writer.writerows(reports)
    elif kind == "parquet":
        path = folder / "in.parquet"
        pq.write_table(pa.Table.from_pylist(reports), path, row_group_size=3)
    else:
        path = folder / "txt"
        path.mkdir()
        for r in reports:
            (path / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def expected(extractor: Extractor) -> dict[str, dict]:
    return {r["id"]: extractor.extract(r["text"], id=r["id"]).model_dump(mode="json") for r in REPORTS}


def jsonl_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet", "txt"])
def test_each_input_format_gives_every_report_in_order(
    kind: str, tmp_path: Path, expected: dict[str, dict]
) -> None:
    source = write_input(kind, tmp_path, REPORTS)
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(source), out, progress=False)
    ids = [r["id"] for r in REPORTS]
    if kind == "txt":
        ids = sorted(ids)  # a folder is read in file-name order
    assert jsonl_lines(out) == [expected[i] for i in ids]
    assert (summary.rows, summary.ok, summary.errors) == (len(REPORTS), len(REPORTS), 0)
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_stdin_input_through_the_command(tmp_path: Path, expected: dict[str, dict]) -> None:
    data = "".join(json.dumps(r) + "\n" for r in REPORTS).encode()
    out = tmp_path / "out.jsonl"
    proc = run_cli("batch", "-", "-o", str(out), stdin=data)
    assert proc.returncode == 0, proc.stderr
    assert jsonl_lines(out) == [expected[r["id"]] for r in REPORTS]
    # not a terminal: no progress bar, only the closing summary line
    err = proc.stderr.decode().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"foramen: {len(REPORTS)} rows in, {len(REPORTS)} ok, 0 errors, ")
    assert err[0].endswith("reports/s -> out.jsonl")


def test_csv_and_parquet_hold_the_registry_rows(
    tmp_path: Path, extractor: Extractor, expected: dict[str, dict]
) -> None:
    source = write_input("jsonl", tmp_path, REPORTS)
    run_batch(str(source), tmp_path / "out.csv", progress=False)
    run_batch(str(source), tmp_path / "out.parquet", progress=False)
    want = [
        registry.result_row(extractor.extract(r["text"], id=r["id"])) for r in REPORTS
    ]
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema == registry.arrow_schema()
    assert table.to_pylist() == want
    assert read_registry_csv(tmp_path / "out.csv") == want
    # the grid is carried whole: every cell of the result is in its column
    for row, r in zip(want, REPORTS, strict=True):
        res = expected[r["id"]]
        cells = {
            f"foraminal_{lvl.lower().replace('-', '_')}_{side}": sev
            for lvl, sides in res["foraminal_stenosis"].items()
            for side, sev in sides.items()
        }
        assert {c: row[c] for c in cells} == cells
        filled = {c for c in registry.FORAMINAL_COLUMNS.values() if row[c] is not None}
        assert filled == set(cells)
        assert row["cord_compression"] == ";".join(res["cord"]["compression_levels"])
        assert row["red_flags"] == ";".join(res["red_flags"])
    assert any(row["red_flags"] for row in want) and any(row["cord_compression"] for row in want)


def test_registry_columns_are_fixed() -> None:
    levels = ["c1_c2", "c2_c3", "c3_c4", "c4_c5", "c5_c6", "c6_c7", "c7_t1"]
    expected = [
        "id",
        "modality",
        *[f"foraminal_{lvl}_{side}" for lvl in levels for side in ("left", "right", "unspecified")],
        *[f"canal_{lvl}" for lvl in levels],
        "cord_compression",
        "cord_signal_abnormality",
        "red_flags",
        "pathway_category",
        "error",
        "schema_version",
        "extractor_version",
        "ruleset_sha256",
    ]
    columns = registry.COLUMNS
    assert columns == expected
    assert len(registry.COLUMNS) == 38


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_registry_columns_do_not_depend_on_the_input(fmt: str, tmp_path: Path) -> None:
    """An empty input, an input of error rows only and a real input give the same columns."""
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    errors_only = tmp_path / "errors.jsonl"
    errors_only.write_text('{"id": "a"}\n{"text": ""}\n', encoding="utf-8")
    real = write_input("jsonl", tmp_path, REPORTS[:2])
    schemas, counts = [], []
    for i, source in enumerate((empty, errors_only, real)):
        out = tmp_path / f"out{i}.{fmt}"
        run_batch(str(source), out, progress=False)
        if fmt == "parquet":
            table = pq.read_table(out)
            schemas.append(table.schema)
            counts.append(table.num_rows)
        else:
            with out.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.reader(fh))
            schemas.append(rows[0])
            counts.append(len(rows) - 1)
    assert counts == [0, 2, 2]
    if fmt == "parquet":
        assert all(s == registry.arrow_schema() for s in schemas)
        types = {f.name: str(f.type) for f in schemas[0]}
        assert types == {c: "bool" if c == "cord_signal_abnormality" else "string" for c in registry.COLUMNS}
    else:
        assert schemas == [registry.COLUMNS] * 3


TOO_LONG = "C5-6 severe left foraminal stenosis. " * 5500  # 203,500 characters
SECRET = "Zebrafinch"  # a word that must never reach an error reason


def test_malformed_jsonl_rows_become_error_rows_in_order(tmp_path: Path) -> None:
    good = REPORTS[0]
    lines = [
        json.dumps(good).encode(),
        b'{"id": "broken", "text": "' + SECRET.encode() + b" unterminated",
        b"",  # a blank line is not a row
        b"[1, 2, 3]",
        json.dumps({"id": "no-text", "body": SECRET}).encode(),
        json.dumps({"id": "null-text", "text": None}).encode(),
        json.dumps({"id": "num-text", "text": 42}).encode(),
        json.dumps({"id": "empty", "text": ""}).encode(),
        json.dumps({"id": "blank", "text": " \n\t "}).encode(),
        json.dumps({"id": "long", "text": TOO_LONG}).encode(),
        b'{"id": "latin", "text": "' + f"{SECRET} st\u00e9nose".encode("latin-1") + b'"}',
        b'{"id": "surrogate", "text": "' + SECRET.encode() + b' \\ud800 mild"}',
        json.dumps({"id": 17, "text": good["text"]}).encode(),
        json.dumps({"id": "", "text": good["text"]}).encode(),
        json.dumps({"text": good["text"]}).encode(),
    ]
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(source), out, progress=False)
    got = [(r["id"], r.get("error")) for r in jsonl_lines(out)]
    assert got == [
        (good["id"], None),
        ("row-2", "invalid JSON on line 2"),
        ("row-3", "line 4 is not a JSON object"),
        ("no-text", "missing text column 'text'"),
        ("null-text", "text is null"),
        ("num-text", "text is not a string"),
        ("empty", "text is empty"),
        ("blank", "text is empty"),
        ("long", "report is 203500 characters; the limit is 200000"),
        ("row-10", "line 11 is not valid UTF-8"),
        ("surrogate", "text is not valid UTF-8"),
        ("17", None),
        ("row-13", None),
        ("row-14", None),
    ]
    assert (summary.rows, summary.ok, summary.errors) == (14, 4, 10)
    # an error row is exactly {"id", "error"}: no report text anywhere
    errors = [r for r in jsonl_lines(out) if "error" in r]
    assert all(set(r) == {"id", "error"} for r in errors)
    assert SECRET not in out.read_text(encoding="utf-8")


def test_malformed_csv_rows(tmp_path: Path) -> None:
    good = REPORTS[0]["text"]
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "text", "site"])
        writer.writerow(["a", good, "x"])
        writer.writerow(["b", "", "x"])
        writer.writerow(["c"])  # a short row: no text cell
        writer.writerow(["", good, "x"])
    with source.open("ab") as fh:
        fh.write(b'd,"' + f"{SECRET} st\u00e9nose".encode("latin-1") + b'",x\r\n')
        fh.write(b"\r\n")  # a blank line is not a row
        fh.write(b'e,"' + good.encode() + b'",x\r\n')
    out = tmp_path / "out.csv"
    summary = run_batch(str(source), out, progress=False)
    rows = read_registry_csv(out)
    assert [(r["id"], r["error"]) for r in rows] == [
        ("a", None),
        ("b", "text is empty"),
        ("c", "missing text column 'text'"),
        ("row-4", None),
        ("d", "text is not valid UTF-8"),
        ("e", None),
    ]
    assert (summary.rows, summary.ok, summary.errors) == (6, 3, 3)
    assert SECRET not in out.read_text(encoding="utf-8")
    for row in rows:
        if row["error"]:
            assert row["pathway_category"] is None and row["modality"] is None
        else:
            assert row["pathway_category"] is not None


def test_malformed_parquet_and_txt_rows(tmp_path: Path) -> None:
    good = REPORTS[0]["text"]
    table = pa.table(
        {
            "id": pa.array([1, 2, None, 4], pa.int64()),
            "text": pa.array(
                [good.encode(), None, good.encode(), b"\xff\xfe" + SECRET.encode()], pa.binary()
            ),
        }
    )
    pq.write_table(table, tmp_path / "in.parquet")
    run_batch(str(tmp_path / "in.parquet"), tmp_path / "p.jsonl", progress=False)
    assert [(r["id"], r.get("error")) for r in jsonl_lines(tmp_path / "p.jsonl")] == [
        ("1", None),
        ("2", "text is null"),
        ("row-3", None),
        ("row-4", "text is not valid UTF-8"),
    ]
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "a.txt").write_text(good, encoding="utf-8")
    (folder / "b.txt").write_bytes(f"{SECRET} st\u00e9nose".encode("latin-1"))
    (folder / "c.txt").write_bytes(b"")
    (folder / "d.txt").write_bytes(b"\x00\x01" + SECRET.encode())
    (folder / "e.md").write_text(good, encoding="utf-8")  # not a .txt file: not a row
    summary = run_batch(str(folder), tmp_path / "t.jsonl", progress=False)
    assert [(r["id"], r.get("error")) for r in jsonl_lines(tmp_path / "t.jsonl")] == [
        ("a", None),
        ("b", "file is not valid UTF-8 (invalid byte at offset 13)"),
        ("c", "text is empty"),
        ("d", "file looks binary (contains NUL bytes), not a text report"),
    ]
    assert (summary.rows, summary.ok, summary.errors) == (4, 1, 3)
    assert SECRET not in (tmp_path / "t.jsonl").read_text(encoding="utf-8")


def test_fhir_bundles_validate(tmp_path: Path, expected: dict[str, dict]) -> None:
    reports = [*REPORTS, {"id": "empty", "text": ""}]
    source = write_input("jsonl", tmp_path, reports)
    out = tmp_path / "out.ndjson"
    run_batch(str(source), out, fmt="fhir", progress=False)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(reports)
    for line, report in zip(lines, reports, strict=True):
        bundle = Bundle.model_validate_json(line)
        assert bundle.type == "collection"
        assert bundle.identifier.value == report["id"]
        resources = [e.resource for e in bundle.entry]
        if report["id"] == "empty":
            assert [r.get_resource_type() for r in resources] == ["OperationOutcome"]
            assert resources[0].issue[0].diagnostics == "text is empty"
            continue
        res = expected[report["id"]]
        report_res, observations = resources[0], resources[1:]
        assert report_res.get_resource_type() == "DiagnosticReport"
        assert report_res.status == "preliminary"
        assert report_res.conclusionCode[0].coding[0].code == res["pathway"]["category"]
        urls = [e.fullUrl for e in bundle.entry[1:]]
        assert [ref.reference for ref in report_res.result] == urls
        assert len(set(urls)) == len(urls)
        foraminal = [o for o in observations if o.code.text == "Neural foraminal stenosis"]
        cells = [
            (lvl, side, sev)
            for lvl, sides in res["foraminal_stenosis"].items()
            for side, sev in sides.items()
        ]
        assert len(foraminal) == len(cells)
        for obs, (lvl, side, sev) in zip(foraminal, cells, strict=True):
            assert obs.code.coding[0].system == "http://snomed.info/sct"
            assert obs.valueCodeableConcept.coding[0].code == sev
            assert obs.bodySite.text.startswith(f"{lvl} intervertebral foramen")
            laterality = obs.bodySite.extension or []
            if side == "unspecified":
                assert laterality == []
            else:
                assert laterality[0].valueCodeableConcept.text == side
        canal = [o for o in observations if o.code.text == "Spinal canal stenosis"]
        assert len(canal) == len(res["canal_stenosis"])
        cord = [o for o in observations if o.code.text == "Spinal cord compression"]
        assert len(cord) == len(res["cord"]["compression_levels"])
        flags = [o for o in observations if o.code.text == "Red flag"]
        assert [o.valueCodeableConcept.text for o in flags] == res["red_flags"]
        assert len(observations) == len(cells) + len(canal) + len(cord) + 1 + len(flags)


def test_two_workers_give_the_same_bytes_as_one(tmp_path: Path) -> None:
    reports = [
        {"id": f"{r['id']}-{i}", "text": r["text"]} for i in range(4) for r in REPORTS
    ]
    reports.insert(7, {"id": "empty", "text": ""})
    source = write_input("jsonl", tmp_path, reports)
    with source.open("ab") as fh:
        fh.write(b"not json\n")
    one = tmp_path / "one.jsonl"
    run_batch(str(source), one, progress=False)
    two = tmp_path / "two.jsonl"
    proc = run_cli("batch", str(source), "-o", str(two), "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    assert two.read_bytes() == one.read_bytes()
    assert len(one.read_bytes().splitlines()) == len(reports) + 1
    assert f"{len(reports) + 1} rows in, {len(reports) - 1} ok, 2 errors" in proc.stderr.decode()


def _one_line_error(proc: subprocess.CompletedProcess[bytes]) -> str:
    assert proc.returncode == 2, proc.stderr
    err = proc.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("foramen: error: "), err
    return err


def test_unusable_invocations_are_one_line_errors(tmp_path: Path) -> None:
    out = str(tmp_path / "out.jsonl")
    assert "no such file or folder: nope.jsonl" in _one_line_error(
        run_cli("batch", str(tmp_path / "nope.jsonl"), "-o", out)
    )
    odd = tmp_path / "in.dat"
    odd.write_text("x", encoding="utf-8")
    assert "cannot tell the format of in.dat" in _one_line_error(run_cli("batch", str(odd), "-o", out))
    source = write_input("csv", tmp_path, REPORTS[:1])
    assert "unknown format 'xml'" in _one_line_error(
        run_cli("batch", str(source), "-o", out, "--format", "xml")
    )
    assert "--workers must be at least 1" in _one_line_error(
        run_cli("batch", str(source), "-o", out, "--workers", "0")
    )
    assert "has no column 'body'" in _one_line_error(
        run_cli("batch", str(source), "-o", out, "--text-col", "body")
    )
    (tmp_path / "out.jsonl.partial").mkdir()
    assert "holds an unfinished run: re-run with --resume" in _one_line_error(
        run_cli("batch", str(source), "-o", out)
    )


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    """stderr on a pseudo-terminal: a progress bar with rows, rate and ETA, then the summary."""
    import os
    import pty
    import select

    source = write_input("jsonl", tmp_path, REPORTS)
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from extractor.cli import main; main()", "batch", str(source),
         "-o", str(tmp_path / "out.csv")],
        stderr=slave, stdout=subprocess.DEVNULL,
    )
    os.close(slave)
    screen = b""
    try:
        while select.select([master], [], [], 120)[0]:
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not data:
                break
            screen += data
    finally:
        os.close(master)
        proc.wait(timeout=60)
    assert proc.returncode == 0
    text = screen.decode("utf-8", "replace")
    assert f"{len(REPORTS)} rows, " in text and "reports/s" in text and "ETA" in text
    assert "100%" in text
    last = text.rstrip().splitlines()[-1]
    assert f"foramen: {len(REPORTS)} rows in, {len(REPORTS)} ok, 0 errors, " in last
    assert last.endswith("reports/s -> out.csv")
