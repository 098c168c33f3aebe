"""Batch processing: many reports in (JSONL, CSV, Parquet, .txt folders), rows out (JSONL, registry
CSV/Parquet, FHIR), in input order, with exact accounting and resume. Spark in `spark.py`."""
