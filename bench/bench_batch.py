"""Batch throughput: `foramen batch` with 1 and 2 workers, the scaling ratio, and Spark local.

Builds a JSONL input of --reports reports (the bundled samples joined to typical 200-400-word
reports, as bench_extract.py does, with unique ids), runs the batch runner end to end (reading,
extraction, journal, final output) with 1 and 2 workers, and prints reports/s, the ratio between
them, CPU time per report and peak memory (best of --repeat runs per setting: the machine may be
shared). With pyspark and Java available it also times `extract_registry` in local[2] mode on the
same reports (Spark start-up excluded, pipeline build included).

Usage: python bench/bench_batch.py [--reports 2000] [--repeat 3] [--format jsonl] [--no-spark]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_extract import load_texts  # the sibling script (its folder is on sys.path)


def run_batch_process(
    source: Path, out: Path, fmt: str, workers: int
) -> tuple[float, float, float]:
    """(seconds, CPU seconds of all its processes, peak MB of the largest process so far) of one
    `foramen batch` run in a subprocess."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "from extractor.cli import main; main()", "batch", str(source),
         "-o", str(out), "--format", fmt, "--workers", str(workers)],
        check=True, capture_output=True,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, cpu, after.ru_maxrss / 1024


def spark_rate(source_rows: list[tuple[str, str]]) -> float | None:
    if shutil.which("java") is None:
        return None
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        return None
    from extractor.batch.spark import extract_registry

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.createDataFrame(source_rows, "id string, text string").repartition(2).cache()
    df.count()
    start = time.perf_counter()
    n = extract_registry(df).count()
    elapsed = time.perf_counter() - start
    spark.stop()
    return n / elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--min-words", type=int, default=200)
    ap.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet", "fhir"])
    ap.add_argument("--repeat", type=int, default=3, help="runs per setting; the best counts")
    ap.add_argument("--no-spark", action="store_true")
    args = ap.parse_args()

    texts = load_texts(args.reports, args.min_words)
    rows = [(f"b{i}", t) for i, t in enumerate(texts)]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_text(
            "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf-8"
        )
        print(f"reports: {len(rows)}, output format {args.format}, {os.cpu_count()} CPUs")
        rates = {}
        for workers in (1, 2):
            # best of --repeat runs: the machine may be shared, and interference only slows
            elapsed, cpu, peak_mb = min(
                run_batch_process(
                    source, Path(tmp) / f"out{workers}.{args.format}", args.format, workers
                )
                for _ in range(args.repeat)
            )
            rates[workers] = len(rows) / elapsed
            print(
                f"foramen batch --workers {workers}: {rates[workers]:7.1f} reports/s "
                f"({elapsed:.1f} s wall, start-up included; {cpu:.1f} CPU s in all processes, "
                f"{1000 * cpu / len(rows):.1f} CPU ms/report; peak process memory {peak_mb:.0f} MB)"
            )
        print(f"scaling ratio (2 workers / 1): {rates[2] / rates[1]:.2f}")
        same = (Path(tmp) / f"out1.{args.format}").read_bytes() == (
            Path(tmp) / f"out2.{args.format}"
        ).read_bytes()
        print(f"outputs of 1 and 2 workers identical: {same}")
    if not args.no_spark:
        rate = spark_rate(rows)
        if rate is None:
            print("Spark local[2]: skipped (pyspark or Java missing)")
        else:
            print(f"Spark local[2] extract_registry: {rate:7.1f} reports/s")


if __name__ == "__main__":
    main()
