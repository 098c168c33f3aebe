"""Spark integration in local[2] mode: the same rows as `foramen batch` for the same input.

Skipped when Java or pyspark is missing on a developer machine; under CI (CI=true) a missing
Java or pyspark fails, since .ci/run installs both.
"""

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extractor.batch import registry
from extractor.batch.runner import run_batch

SAMPLES = Path(__file__).resolve().parent.parent / "annotated_samples" / "dev.jsonl"


def _require_spark() -> None:
    reason = None
    if shutil.which("java") is None:
        reason = "Java is not installed"
    else:
        try:
            import pyspark  # noqa: F401
        except ImportError:
            reason = "pyspark is not installed"
    if reason is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}, but CI must run the Spark tests")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    _require_spark()
    from pyspark.sql import SparkSession

    # executors' Python workers must use this interpreter (and so this environment)
    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ.update(dict.fromkeys(saved, sys.executable))
    session = (
        SparkSession.builder.master("local[2]")
        .appName("foramen-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def reports() -> list[dict]:
    with SAMPLES.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()][:30]
    out: list[dict] = [{"id": r["id"], "text": r["text"]} for r in rows]
    out.insert(3, {"id": "empty", "text": ""})
    out.insert(9, {"id": "null", "text": None})
    out.insert(12, {"id": "long", "text": "C5-6 mild foraminal stenosis. " * 7000})
    return out


def test_spark_rows_equal_the_batch_rows(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from extractor.batch.spark import extract_registry

    data = reports()
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in data), encoding="utf-8")
    out = tmp_path / "out.parquet"
    run_batch(str(source), out, progress=False)
    batch_rows = pq.read_table(out).to_pylist()

    df = spark.createDataFrame([(r["id"], r["text"]) for r in data], "id string, text string")
    df = df.repartition(2)  # rows cross partitions and come back in any order
    result = extract_registry(df)
    assert result.columns == registry.COLUMNS
    assert {f.name: f.dataType.typeName() for f in result.schema.fields} == {
        c: "boolean" if c == "cord_signal_abnormality" else "string" for c in registry.COLUMNS
    }
    spark_rows = sorted((r.asDict() for r in result.collect()), key=lambda r: r["id"])
    assert len(spark_rows) == len(data)
    assert spark_rows == sorted(batch_rows, key=lambda r: r["id"])
    errors = {r["id"]: r["error"] for r in spark_rows if r["error"]}
    assert errors == {
        "empty": "text is empty",
        "null": "text is null",
        "long": "report is 210000 characters; the limit is 200000",
    }


def test_spark_checks_its_columns(spark) -> None:  # type: ignore[no-untyped-def]
    from extractor.batch.spark import extract_registry

    df = spark.createDataFrame([("a", 1)], "id string, body int")
    with pytest.raises(ValueError, match="no column 'text'"):
        extract_registry(df)
    with pytest.raises(ValueError, match="'body' is not a string column"):
        extract_registry(df, text_col="body")
