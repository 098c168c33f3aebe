"""Bounded memory: readers stream, and the pool keeps a bounded window of chunks in flight."""

import json
import tracemalloc
from pathlib import Path

import pytest

from extractor.batch.pool import OrderedPool
from extractor.batch.readers import open_reader

ROWS = 50_000


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_readers_stream_without_loading_the_input(kind: str, tmp_path: Path) -> None:
    text = "C5-6: moderate left foraminal narrowing. " * 3
    path = tmp_path / f"in.{kind}"
    with path.open("w", encoding="utf-8") as fh:
        if kind == "csv":
            fh.write("id,text\n")
        for i in range(ROWS):
            fh.write(json.dumps({"id": f"r{i}", "text": text}) + "\n" if kind == "jsonl" else f"r{i},{text}\n")
    assert path.stat().st_size > 5_000_000
    reader = open_reader(str(path))
    tracemalloc.start()
    count = 0
    last = ""
    for record in reader.records():
        count += 1
        last = record.id
        assert record.text == text
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert (count, last) == (ROWS, f"r{ROWS - 1}")
    assert peak < 1_000_000  # bytes: a few rows at a time, not the 5+ MB file


def test_pool_keeps_a_bounded_window_in_order() -> None:
    consumed = 0

    def chunks():  # type: ignore[no-untyped-def]
        nonlocal consumed
        for i in range(1, 21):
            consumed += 1
            yield [(i, f"r{i}", None, "text is empty")]

    seen = []
    with OrderedPool("jsonl", workers=2) as pool:
        for k, encoded in enumerate(pool.map(chunks()), 1):
            assert consumed <= k + 2 * 2  # never more than 2 * workers chunks ahead
            seen.extend(json.loads(line)["id"] for line, is_error in encoded if is_error)
    assert seen == [f"r{i}" for i in range(1, 21)]
