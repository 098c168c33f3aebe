"""Interrupted batch runs: kill -9 of the command or of a worker, then --resume.

Real processes: the command runs as a subprocess, is killed with SIGKILL once its journal holds
some rows, and is re-run with --resume; the output must equal an uninterrupted run exactly.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extractor.batch.runner import run_batch

SAMPLES = Path(__file__).resolve().parent.parent / "annotated_samples" / "dev.jsonl"
ROWS = 320


def make_input(folder: Path) -> Path:
    with SAMPLES.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    lines = []
    for i in range(ROWS):
        if i % 50 == 7:
            lines.append(json.dumps({"id": f"r{i}", "text": ""}))
        elif i % 50 == 23:
            lines.append('{"id": "broken"')
        else:
            lines.append(json.dumps({"id": f"r{i}", "text": texts[i % len(texts)]}))
    path = folder / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def command(source: Path, out: Path, fmt: str, workers: int, *extra: str) -> list[str]:
    return [
        sys.executable, "-c", "from extractor.cli import main; main()", "batch", str(source),
        "-o", str(out), "--format", fmt, "--workers", str(workers), *extra,
    ]


def journal_rows(out: Path) -> int:
    try:
        return (out.with_name(out.name + ".partial") / "rows.jsonl").read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def wait_for_rows(proc: subprocess.Popen[bytes], out: Path, rows: int) -> None:
    deadline = time.monotonic() + 240
    while journal_rows(out) < rows:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline, "no progress in the journal"
        time.sleep(0.02)


def spawned_workers(parent: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == parent and b"spawn_main" in cmdline:
            pids.append(int(entry.name))
    return pids


def read_output(out: Path, fmt: str) -> object:
    if fmt == "parquet":
        return pq.read_table(out).to_pylist()
    return out.read_bytes()


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_input(tmp_path_factory.mktemp("resume"))


@pytest.fixture(scope="module")
def reference(source: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("reference")
    refs = {}
    for fmt in ("jsonl", "parquet"):
        out = folder / f"out.{fmt}"
        summary = run_batch(str(source), out, fmt=fmt, progress=False)
        assert (summary.rows, summary.errors) == (ROWS, 2 * (ROWS // 50) + 1)
        refs[fmt] = read_output(out, fmt)
    return refs


@pytest.mark.parametrize(("fmt", "workers"), [("jsonl", 1), ("parquet", 2)])
def test_kill_9_then_resume_gives_the_uninterrupted_output(
    fmt: str, workers: int, source: Path, reference: dict[str, object], tmp_path: Path
) -> None:
    out = tmp_path / f"out.{fmt}"
    proc = subprocess.Popen(
        command(source, out, fmt, workers), stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        wait_for_rows(proc, out, 40)
        workers_before = spawned_workers(proc.pid)
        assert len(workers_before) == (workers if workers > 1 else 0)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        # the workers notice their parent is gone and end: no orphan keeps the CPU
        deadline = time.monotonic() + 30
        while any(Path(f"/proc/{pid}").exists() for pid in workers_before):
            assert time.monotonic() < deadline, "worker processes outlived their parent"
            time.sleep(0.1)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.stderr.close()  # type: ignore[union-attr]
    done = journal_rows(out)
    assert 40 <= done < ROWS
    assert not out.exists()  # the output only ever exists complete

    resumed = subprocess.run(
        command(source, out, fmt, workers, "--resume"), capture_output=True, timeout=600
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"foramen: {ROWS} rows in ({done} from the earlier run), " in resumed.stderr.decode()
    assert read_output(out, fmt) == reference[fmt]
    assert not out.with_name(out.name + ".partial").exists()

    again = subprocess.run(
        command(source, out, fmt, workers, "--resume"), capture_output=True, timeout=300
    )
    assert again.returncode == 0
    assert again.stderr.decode() == f"foramen: nothing to resume: {out.name} is complete\n"


def test_a_killed_worker_stops_the_run_and_resume_finishes_it(
    source: Path, reference: dict[str, object], tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        command(source, out, "jsonl", 2), stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        wait_for_rows(proc, out, 40)
        workers = spawned_workers(proc.pid)
        assert len(workers) == 2
        os.kill(workers[0], signal.SIGKILL)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 1
    message = err.decode()
    assert message.count("\n") == 1, message
    assert message.startswith("foramen: error: a worker process ended abnormally after ")
    assert message.endswith("re-run with --resume to finish\n")
    assert not out.exists()

    resumed = subprocess.run(
        command(source, out, "jsonl", 2, "--resume"), capture_output=True, timeout=600
    )
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == reference["jsonl"]


def test_resume_refuses_a_journal_of_another_run(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    partial.mkdir()
    (partial / "meta.json").write_text(json.dumps({"journal_version": 1, "format": "csv"}))
    (partial / "rows.jsonl").write_text("")
    proc = subprocess.run(
        command(source, out, "jsonl", 1, "--resume"), capture_output=True, timeout=300
    )
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.startswith("foramen: error: out.jsonl.partial was written for a different run")
    assert "remove it to start again" in err and err.count("\n") == 1
    assert not out.exists()


def test_resume_drops_a_torn_last_line(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stop in the middle of writing a row: the partial line is dropped and redone."""
    from extractor.batch import runner

    small = tmp_path / "small.jsonl"
    small.write_bytes(b"".join(source.read_bytes().splitlines(keepends=True)[:30]))
    reference = tmp_path / "reference.jsonl"
    run_batch(str(small), reference, progress=False)

    out = tmp_path / "out.jsonl"

    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "finalize", stop)
    with pytest.raises(runner.BatchError, match="interrupted after 30 rows"):
        run_batch(str(small), out, progress=False)
    monkeypatch.undo()
    rows = out.with_name("out.jsonl.partial") / "rows.jsonl"
    lines = rows.read_bytes().splitlines(keepends=True)
    assert len(lines) == 30
    rows.write_bytes(b"".join(lines[:11]) + lines[11][: len(lines[11]) // 2])

    summary = run_batch(str(small), out, resume=True, progress=False)
    assert (summary.rows, summary.resumed, summary.ok, summary.errors) == (30, 11, 28, 2)
    assert out.read_bytes() == reference.read_bytes()
