"""Level tables in templated reports.

    Level | Canal    | Left NF  | Right NF
    C5-6  | moderate | moderate | mild
    C6-7  | mild     | severe   | none

A header row names the columns (level, canal, left/right foramen, both foramina); each following
row that starts with a level gives one finding per graded cell, with the cell's own offsets.
Cells such as "N/A" or "not assessed" give nothing. Pipes, tabs or runs of two or more spaces
separate the cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .levels import find_levels, region_of
from .schema import Finding

_SEP_RE = re.compile(r"\s*\|\s*|\t+|\s{2,}")
_CELL_VALUES = {
    "none": "none",
    "normal": "none",
    "nl": "none",
    "patent": "none",
    "no": "none",
    "0": "none",
    "absent": "none",
    "-": "none",
    "minimal": "mild",
    "mild": "mild",
    "mild-moderate": "mild-moderate",
    "mild to moderate": "mild-moderate",
    "mild/moderate": "mild-moderate",
    "mild-mod": "mild-moderate",
    "mild to mod": "mild-moderate",
    "mild/mod": "mild-moderate",
    "moderate": "moderate",
    "mod": "moderate",
    "moderate-severe": "moderate-severe",
    "moderate to severe": "moderate-severe",
    "moderate/severe": "moderate-severe",
    "mod-severe": "moderate-severe",
    "mod-sev": "moderate-severe",
    "mod to severe": "moderate-severe",
    "mod/severe": "moderate-severe",
    "moderately severe": "moderate-severe",
    "severe": "severe",
    "sev": "severe",
    "marked": "severe",
    "present": "unspecified",
    "yes": "unspecified",
    "narrowed": "unspecified",
}
_SKIP_VALUES = re.compile(r"^(n/?a|not (assessed|imaged|evaluated|seen|visualized)|\?|--|)$", re.I)


def _column_kind(name: str) -> tuple[str, str | None] | None:
    n = name.lower()
    foramen = re.search(r"\b(nf|nfs|foram\w*|neuroforam\w*|ivf|exit)\b", n)
    if re.search(r"\blevel|\bdisc level|^lvl$", n) and not foramen:
        return ("level", None)
    if foramen:
        if re.search(r"\b(left|lt|l)\b", n):
            return ("foraminal", "left")
        if re.search(r"\b(right|rt|r)\b", n):
            return ("foraminal", "right")
        return ("foraminal", "bilateral")
    if re.search(r"\b(canal|central|spinal stenosis|cs)\b", n):
        return ("canal", None)
    return None


def _cells(line: str, offset: int) -> list[tuple[str, int, int]]:
    cells = []
    pos = 0
    stripped = line.strip().strip("|")
    base = line.find(stripped) if stripped else 0
    for m in _SEP_RE.finditer(stripped):
        cells.append((stripped[pos : m.start()], offset + base + pos, offset + base + m.start()))
        pos = m.end()
    cells.append((stripped[pos:], offset + base + pos, offset + base + len(stripped)))
    return [(t.strip(), s, e) for t, s, e in cells]


_NARROWING_NOUN_RE = re.compile(r"^(.*?)\s*\b(?:stenosis|stenotic|narrowing|narrowed|compromise)$")
_ADVERBS = {"mildly": "mild", "moderately": "moderate", "severely": "severe", "markedly": "marked"}


def _value(cell: str) -> str | None:
    text = re.sub(r"\s*\(.*\)\s*$", "", cell.strip().lower()).strip(" .")
    if _SKIP_VALUES.match(text):
        return None
    # "mild stenosis", "moderately narrowed", "no stenosis", "stenosis": the grade word decides
    noun = _NARROWING_NOUN_RE.match(text)
    if noun:
        text = _ADVERBS.get(noun.group(1), noun.group(1)) or "present"
    return _CELL_VALUES.get(text)


def _lines(text: str) -> Iterator[tuple[str, int]]:
    offset = 0
    for line in text.split("\n"):
        yield line, offset
        offset += len(line) + 1


def read_tables(text: str, section_at: Callable[[int], str | None]) -> list[Finding]:
    """Findings from level tables in ``text`` (empty when there is none)."""
    if "|" not in text and "\t" not in text and "  " not in text:
        return []
    out: list[Finding] = []
    columns: list[tuple[str, str | None] | None] | None = None
    for line, offset in _lines(text):
        if not line.strip():
            columns = None
            continue
        cells = _cells(line, offset)
        if len(cells) < 3:
            columns = None
            continue
        kinds = [_column_kind(c[0]) for c in cells]
        if (
            sum(1 for k in kinds if k and k[0] in ("foraminal", "canal")) >= 1
            and ((kinds[0] is not None and kinds[0][0] == "level") or not find_levels(cells[0][0]))
            and not find_levels(line)
        ):
            columns = kinds
            continue
        if columns is None:
            continue
        levels = find_levels(cells[0][0])
        if not levels:
            continue
        for (cell, start, end), kind in zip(cells, columns, strict=False):
            if kind is None or kind[0] == "level":
                continue
            value = _value(cell)
            if value is None:
                continue
            for level in levels[0].levels:
                out.append(
                    Finding(
                        type="foraminal_stenosis" if kind[0] == "foraminal" else "canal_stenosis",
                        level=level,
                        side=kind[1] if kind[0] == "foraminal" else None,  # type: ignore[arg-type]
                        severity=value,  # type: ignore[arg-type]
                        negated=value == "none",
                        section=section_at(start),
                        text=text[start:end],
                        start=start,
                        end=end,
                        region=region_of(level),  # type: ignore[arg-type]
                        label="table",
                    )
                )
    return out
