"""Counts per phenomenon in annotated_samples/{dev,test}.jsonl (printed as a Markdown table).

Usage: python scripts/corpus_stats.py
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from extractor.levels import find_levels

ROOT = Path(__file__).resolve().parent.parent / "annotated_samples"

TEXT_PATTERNS = {
    "notation C5/6 or C5/C6": r"\bC\d/C?\d\b",
    "notation with en dash (C5–6)": r"C\d\s?–\s?C?\d",
    "level range (through / to / from)": r"C\d-?C?\d\s+(through|to)\s+C\d",
    "C7-T1 / C7/T1": r"C7[-/]T1",
    "'remaining levels' / 'elsewhere' / 'other levels'": r"remaining|elsewhere|other (cervical )?levels|all other|any (cervical )?level",
    "'at this level' / 'both levels'": r"(this|both|these|that) levels?",
    "left greater than right / L>R / R>L": r"greater than|worse than|L>R|R>L|L > R|R > L",
    "negation: patent": r"\bpatent\b",
    "negation: no / without": r"\b(no|without)\b[^.]{0,40}(foramin|stenos|narrow)",
    "negation: postposed (not seen / not identified)": r"not (seen|identified|evident|demonstrated)",
    "pseudo-negation: no change in / not significantly changed": r"no (interval )?change|not significantly (changed|different)",
    "uncertainty (may / possible / cannot exclude / questionable)": r"\b(may|possibl[ey]|probabl[ey]|cannot be excluded|cannot exclude|questionabl[ey]|suspected|likely)\b",
    "history/change (prior / unchanged / increased / new / resolved)": r"\b(prior|previous(ly)?|unchanged|stable|increased|progress\w*|new|resolved|improved)\b",
    "confounder: foramen magnum": r"foramen magnum",
    "confounder: transverse foramina": r"transverse foramin|foramen transversarium|foramina transversaria",
    "confounder: foraminal disc protrusion/extrusion": r"foraminal (disc |disk )?(protrusion|extrusion|herniation)",
    "confounder: lateral recess": r"lateral recess",
    "abbreviation NF / NFN / IVF": r"\b(NF|NFN|NFS|IVF)\b",
    "level table (pipes)": r"\|.*\|",
    "post-operative (ACDF / fusion / foraminotomy)": r"ACDF|fusion|foraminotomy|laminectomy|hardware",
}


def main() -> None:
    rows: list[tuple[str, int, int]] = []
    data = {}
    for split in ("dev", "test"):
        with (ROOT / f"{split}.jsonl").open(encoding="utf-8") as fh:
            data[split] = [json.loads(line) for line in fh if line.strip()]

    def count(fn) -> tuple[int, int]:
        return sum(1 for r in data["dev"] if fn(r)), sum(1 for r in data["test"] if fn(r))

    rows.append(("reports", len(data["dev"]), len(data["test"])))
    for modality in ("MRI", "CT", "CT_MYELOGRAM", "RADIOGRAPH", "UNKNOWN"):
        rows.append((f"modality {modality}", *count(lambda r, m=modality: r["modality"] == m)))
    for pathway in ("red_flag_workup", "urgent_surgical_review", "surgical_review",
                    "injection_candidate", "conservative_care", "no_foraminal_stenosis"):
        rows.append((f"pathway {pathway}", *count(lambda r, p=pathway: r["pathway"] == p)))
    for sev in ("none", "mild", "mild-moderate", "moderate", "moderate-severe", "severe",
                "unspecified"):
        cells = [
            sum(1 for cells in r["foraminal"].values() for v in cells.values() if v == sev)
            for r in data["dev"]
        ], [
            sum(1 for cells in r["foraminal"].values() for v in cells.values() if v == sev)
            for r in data["test"]
        ]
        rows.append((f"foraminal cells '{sev}'", sum(cells[0]), sum(cells[1])))
    per_level = Counter()
    for split in ("dev", "test"):
        for r in data[split]:
            for lvl, cells in r["foraminal"].items():
                if any(v != "none" for v in cells.values()):
                    per_level[(split, lvl)] += 1
    for lvl in ("C1-C2", "C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1"):
        rows.append((f"reports narrowed at {lvl}", per_level[("dev", lvl)], per_level[("test", lvl)]))
    rows.append(("cells with side 'unspecified'",
                 *count(lambda r: any("unspecified" in c for c in r["foraminal"].values()))))
    rows.append(("reports with uncertain-only cells", *count(lambda r: bool(r["foraminal_uncertain"]))))
    rows.append(("reports with canal cells", *count(lambda r: bool(r["canal"]))))
    rows.append(("reports with cord compression", *count(lambda r: bool(r["cord_compression"]))))
    rows.append(("reports with cord signal abnormality", *count(lambda r: r["cord_signal_abnormality"])))
    for flag in ("fracture", "instability", "infection", "malignancy"):
        rows.append((f"red flag {flag}", *count(lambda r, f=flag: f in r["red_flags"])))
    rows.append(("non-cervical levels mentioned (T/L)", *count(lambda r: bool(re.search(r"\b[TL]\d{1,2}-[TLS]?\d", r["text"])))))
    rows.append(("ALL CAPS reports", *count(lambda r: sum(c.isupper() for c in r["text"]) > 0.6 * sum(c.isalpha() for c in r["text"]))))
    rows.append(("impression-only reports", *count(lambda r: not re.search(r"findings|report:", r["text"], re.I) and re.search(r"impression|conclusion|imp:", r["text"], re.I))))
    rows.append(("vertebral span (C4-C7, from C4 to C7)",
                 *count(lambda r: any(m.kind == "span" for m in find_levels(r["text"])))))
    for name, rx in TEXT_PATTERNS.items():
        pattern = re.compile(rx, re.I)
        rows.append((name, *count(lambda r, p=pattern: bool(p.search(r["text"])))))
    print("| phenomenon | dev | test |")
    print("|---|---:|---:|")
    for name, d, t in rows:
        print(f"| {name} | {d} | {t} |")


if __name__ == "__main__":
    main()
