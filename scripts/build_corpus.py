"""Build annotated_samples/{dev,test}.jsonl from the two independent annotations.

Inputs (annotated_samples/work/):
  <batch>_a.jsonl  first annotation (report writer)
  <batch>_b.jsonl  second annotation, made blind on the text alone
  adjudication.jsonl  one line per resolved disagreement:
     {"id": ..., "field": ..., "A": ..., "B": ..., "resolved": ..., "reason": ...}

A field where A and B agree is taken as is; a field where they disagree must have an
adjudication line (the build fails otherwise). The split is fixed by a hash of the id: about 30% of
reports go to the test split, which no rule is tuned on.

Usage: python scripts/build_corpus.py [--allow-missing-b]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "annotated_samples"
WORK = ROOT / "work"
FIELDS = [
    "modality",
    "foraminal",
    "foraminal_uncertain",
    "canal",
    "cord_compression",
    "cord_signal_abnormality",
    "red_flags",
    "pathway",
]
TEST_FRACTION = 0.30


def is_test(report_id: str) -> bool:
    h = int(hashlib.sha256(report_id.encode()).hexdigest()[:8], 16)
    return (h % 1000) < TEST_FRACTION * 1000


def _norm(field: str, value: object) -> object:
    if field in ("foraminal_uncertain", "cord_compression", "red_flags"):
        return sorted(value or [])  # type: ignore[arg-type]
    return value


def _read(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def main(argv: list[str]) -> int:
    allow_missing_b = "--allow-missing-b" in argv
    adjudications: dict[tuple[str, str], dict] = {}
    adj_path = WORK / "adjudication.jsonl"
    if adj_path.exists():
        for rec in _read(adj_path):
            adjudications[(rec["id"], rec["field"])] = rec
    dev, test = [], []
    stats = {"reports": 0, "fields": 0, "agreed": 0, "adjudicated": 0}
    for a_path in sorted(WORK.glob("*_a.jsonl")):
        b_path = a_path.with_name(a_path.name.replace("_a.jsonl", "_b.jsonl"))
        a_recs = _read(a_path)
        b_recs = {r["id"]: r for r in _read(b_path)} if b_path.exists() else {}
        if not b_recs and not allow_missing_b:
            print(f"missing second annotation {b_path.name}", file=sys.stderr)
            return 1
        for a in a_recs:
            b = b_recs.get(a["id"])
            out = {"id": a["id"], "text": a["text"]}
            for field in FIELDS:
                stats["fields"] += 1
                va = _norm(field, a[field])
                if b is None or va == _norm(field, b[field]):
                    stats["agreed"] += b is not None
                    out[field] = va
                    continue
                adj = adjudications.get((a["id"], field))
                if adj is None:
                    print(f"unresolved disagreement: {a['id']} {field}", file=sys.stderr)
                    return 1
                stats["adjudicated"] += 1
                out[field] = _norm(field, adj["resolved"])
            if a.get("notes"):
                out["notes"] = a["notes"]
            stats["reports"] += 1
            (test if is_test(a["id"]) else dev).append(out)
    for name, recs in (("dev", dev), ("test", test)):
        with (ROOT / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for rec in recs:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(json.dumps({**stats, "dev": len(dev), "test": len(test)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
