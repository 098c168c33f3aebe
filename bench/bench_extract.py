"""Throughput, start-up time and peak memory of the full pipeline.

Prints reports/s of `Extractor.extract` against spaCy's bare English tokenizer on the same texts,
measured in the same run, and the ratio between them. Texts are the bundled annotated samples,
joined up to at least --min-words words (default 200: typical 200-400-word reports) and repeated
to the requested count.

Usage: python bench/bench_extract.py [--reports 2000] [--repeat 3] [--min-words 200]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_texts(n: int, min_words: int) -> list[str]:
    """`n` report texts; samples shorter than `min_words` are joined with the next ones, as a
    report of several studies would be, to reach the typical 200-400-word length."""
    texts = []
    for name in ("dev.jsonl", "test.jsonl"):
        with (ROOT / "annotated_samples" / name).open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    joined: list[str] = []
    current: list[str] = []
    for text in texts:
        current.append(text)
        if sum(len(t.split()) for t in current) >= min_words:
            joined.append("\n\n".join(current))
            current = []
    out = []
    while len(out) < n:
        out.extend(joined)
    return out[:n]


def startup_seconds() -> float:
    code = (
        "import time; t=time.perf_counter(); from extractor import Extractor; "
        "e=Extractor(); e.extract('C5-6: mild left foraminal narrowing.'); "
        "print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--min-words", type=int, default=200)
    args = ap.parse_args()

    import spacy

    from extractor import Extractor

    texts = load_texts(args.reports, args.min_words)
    words = sum(len(t.split()) for t in texts) / len(texts)
    tokenizer = spacy.blank("en").tokenizer
    ex = Extractor()
    for t in texts[:50]:  # warm caches for both
        tokenizer(t)
        ex.extract(t)

    def rate(fn) -> float:
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            for t in texts:
                fn(t)
            runs.append(len(texts) / (time.perf_counter() - start))
        return statistics.median(runs)

    base = rate(tokenizer)
    full = rate(ex.extract)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"reports: {len(texts)} (mean {words:.0f} words), median of {args.repeat} runs")
    print(f"spaCy bare tokenizer : {base:9.1f} reports/s")
    print(f"foramen full pipeline: {full:9.1f} reports/s")
    print(f"ratio (full / tokenizer): {full / base:.2f}")
    print(f"start-up (import + build + first report, fresh process): {startup_seconds():.2f} s")
    print(f"peak resident memory of this process: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
