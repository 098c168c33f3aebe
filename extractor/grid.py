"""Report-level aggregation of findings into the registry grids (contract field meanings).

Pure functions over plain `Finding` models: worst severity wins per cell across findings and
impression, except where a correction of the report grades the cell (its grade replaces the
others); statements about a prior study and statements outside the current-study sections are
left out; "remaining levels" statements fill the cervical levels with no other statement of the
same kind; an unsided mention is absorbed by the sided cells of its level.
"""

from __future__ import annotations

from collections.abc import Iterable

from .levels import CERVICAL_LEVELS, QUANTIFIER_LEVELS
from .schema import SEVERITY_RANK, Finding

_CURRENT_SECTIONS = frozenset({None, "FINDINGS", "IMPRESSION", "ADDENDUM"})
_LEVEL_ORDER = {lvl: i for i, lvl in enumerate(CERVICAL_LEVELS)}


def is_current(f: Finding) -> bool:
    """A statement about the current study, in a section that reports it."""
    return f.section in _CURRENT_SECTIONS and not f.historical


def _cell_value(f: Finding) -> str | None:
    """The grid value a finding asserts, or None when it fills no cell."""
    if f.negated:
        # "no high-grade stenosis" keeps its grade and only rules out high grades: no cell.
        return "none" if f.severity in (None, "none") else None
    return f.severity or "unspecified"


def _worse(a: str | None, b: str) -> str:
    if a is None:
        return b
    return b if SEVERITY_RANK[b] > SEVERITY_RANK[a] else a


def _sides(side: str | None) -> tuple[str, ...]:
    if side in (None, "bilateral"):
        return ("left", "right")
    return (side,)


def _sorted_levels(levels: Iterable[str]) -> list[str]:
    return sorted(levels, key=lambda lvl: _LEVEL_ORDER.get(lvl, 99))


def _corrected_cells(findings: list[Finding], ftype: str) -> set[tuple[str, str | None]]:
    """(level, side) cells that a correction grades: its grade replaces the others there."""
    cells: set[tuple[str, str | None]] = set()
    for f in findings:
        if not (f.correction and f.type == ftype and f.level and is_current(f)):
            continue
        if _cell_value(f) in (None, "unspecified"):
            continue  # only a stated grade replaces other grades
        if ftype != "foraminal_stenosis":
            cells.add((f.level, None))
        elif f.side in ("left", "right", "bilateral"):
            cells.update((f.level, s) for s in _sides(f.side))
    return cells


def without_superseded(findings: list[Finding], ftype: str) -> list[Finding]:
    """The findings of type `ftype` less those a correction has replaced at their cells."""
    corrected = _corrected_cells(findings, ftype)
    return [f for f in findings if f.type == ftype and not _superseded(f, corrected)]


def _superseded(f: Finding, corrected: set[tuple[str, str | None]]) -> bool:
    if f.correction or not corrected or f.level is None:
        return False
    if f.type == "canal_stenosis":
        return (f.level, None) in corrected
    sides = _sides(f.side if f.side != "unspecified" else None)
    return all((f.level, s) in corrected for s in sides)


def _discussed_levels(findings: list[Finding]) -> set[str]:
    """Levels with a statement of their own about the foramina or the canal: "the remaining
    levels are normal" (a whole-level quantifier) covers only the levels not discussed at all."""
    graded = {
        f.level
        for f in findings
        if is_current(f)
        and f.level in _LEVEL_ORDER
        and f.type in ("foraminal_stenosis", "canal_stenosis", "level_normal")
        and _cell_value(f) is not None
    }
    return (
        graded
        | _resolved_levels(findings, ("foraminal_stenosis", "canal_stenosis"))
        | _widened_levels(findings, ("foramen_widened", "canal_widened"))
    )


def _widened_levels(findings: list[Finding], types: tuple[str, ...]) -> set[str]:
    """Levels where the report calls the foramen enlarged or the canal expanded: a statement
    about the level that fills no cell."""
    return {f.level for f in findings if is_current(f) and f.type in types and f.level}


def _resolved_levels(findings: list[Finding], types: tuple[str, ...]) -> set[str]:
    """Levels where the report says a narrowing has resolved ("the left C4-5 foraminal
    narrowing has resolved"): a statement about the level that fills no cell, so a "remaining
    levels" statement does not reach it."""
    return {
        f.level
        for f in findings
        if f.section in _CURRENT_SECTIONS
        and f.historical
        and f.change == "decreased"
        and f.type in types
        and f.level in _LEVEL_ORDER
    }


def _quantified_levels(
    f: Finding, stated: set[str], discussed: set[str], whole: list[tuple[int, int]]
) -> list[str]:
    """The levels a "remaining levels" statement reaches: those with no statement in this grid,
    or, for a whole-level statement ("the remaining levels are unremarkable, without canal or
    foraminal narrowing"), those not discussed at all; never the levels the statement itself
    excepts ("at all levels except C2-3")."""
    whole_level = f.type == "level_normal" or any(a <= f.start < b for a, b in whole)
    skip = (stated | discussed if whole_level else stated).union(f.excepted_levels)
    return [level for level in QUANTIFIER_LEVELS if level not in skip]


def _whole_level_spans(findings: list[Finding]) -> list[tuple[int, int]]:
    """Spans of the "remaining levels" statements about whole levels: a level stated normal,
    or stenosis denied without naming the canal or the foramina ("Other cervical levels: no
    significant stenosis"), which is one statement for both grids."""
    canal, foraminal = (
        {
            (f.start, f.end)
            for f in findings
            if f.type == ftype and f.label == "remaining_levels" and is_current(f)
        }
        for ftype in ("canal_stenosis", "foraminal_stenosis")
    )
    both = canal & foraminal
    return [
        (f.start, f.end)
        for f in findings
        if f.type == "level_normal" and f.label == "remaining_levels" and is_current(f)
    ] + sorted(both)


def foraminal_grid(findings: list[Finding]) -> dict[str, dict[str, str]]:
    grid: dict[str, dict[str, str]] = {}
    remaining: list[Finding] = []
    unsided: dict[str, str] = {}
    corrected = _corrected_cells(findings, "foraminal_stenosis")

    def put(level: str, side: str, value: str) -> None:
        cells = grid.setdefault(level, {})
        cells[side] = _worse(cells.get(side), value)

    for f in findings:
        if not is_current(f):
            continue
        if f.type == "level_normal":
            if f.level in _LEVEL_ORDER:
                for side in ("left", "right"):
                    put(f.level, side, "none")
            elif f.label == "remaining_levels":
                remaining.append(f)
            continue
        if f.type != "foraminal_stenosis" or _superseded(f, corrected):
            continue
        value = _cell_value(f)
        if value is None:
            continue
        if f.level is None:
            if f.label == "remaining_levels":
                remaining.append(f)
            continue
        if f.level not in _LEVEL_ORDER:
            continue
        if f.side == "unspecified" and value != "none":
            unsided[f.level] = _worse(unsided.get(f.level), value)
            continue
        for side in _sides(f.side if f.side != "unspecified" else None):
            put(f.level, side, value)

    widened = _widened_levels(findings, ("foramen_widened",))
    for level, value in unsided.items():
        cells = grid.get(level, {})
        positive = [s for s in ("left", "right") if cells.get(s) not in (None, "none")]
        if not cells:
            grid[level] = {"unspecified": value}
        elif len(positive) == 1:
            put(level, positive[0], value)
        elif (
            not positive and len(cells) == 1 and "unspecified" not in cells and level not in widened
        ):
            # "Tissue extends into the right C5/6 foramen with moderate foraminal narrowing.
            # The left exit foramen is patent.": the narrowing is the other side's
            put(level, "right" if "left" in cells else "left", value)
        else:
            # "encroaching upon both neural foramina with mild to moderate foraminal
            # narrowing": the grade is the ungraded sides'
            for side in positive:
                if cells[side] == "unspecified":
                    put(level, side, value)

    stated = set(grid) | _resolved_levels(findings, ("foraminal_stenosis",)) | widened
    discussed = _discussed_levels(findings)
    whole = _whole_level_spans(findings)
    sided = [f for f in remaining if f.side in ("left", "right")]
    for f in remaining:
        value = _cell_value(f)
        if value is None or f.side in ("left", "right"):
            continue
        for level in _quantified_levels(f, stated, discussed, whole):
            for side in _sides(f.side if f.side != "unspecified" else None):
                put(level, side, value)
    unstated = stated - set(grid)  # levels resolved or widened: a statement, but no cell
    for f in sided:
        # "All other left-sided foramina are patent": every foramen of that side with no
        # statement of its own, also where only the other side's is described
        value = _cell_value(f)
        if value is None:
            continue
        for level in QUANTIFIER_LEVELS:
            if (
                level not in unstated
                and level not in f.excepted_levels
                and f.side not in grid.get(level, {})
            ):
                put(level, f.side, value)
    return {lvl: dict(sorted(grid[lvl].items())) for lvl in _sorted_levels(grid)}


def canal_grid(findings: list[Finding]) -> dict[str, str]:
    grid: dict[str, str] = {}
    remaining: list[Finding] = []
    corrected = _corrected_cells(findings, "canal_stenosis")
    for f in findings:
        if not is_current(f):
            continue
        if f.type == "level_normal":
            if f.level in _LEVEL_ORDER:
                grid[f.level] = _worse(grid.get(f.level), "none")
            elif f.label == "remaining_levels":
                remaining.append(f)
            continue
        if f.type != "canal_stenosis" or _superseded(f, corrected):
            continue
        value = _cell_value(f)
        if value is None:
            continue
        if f.level is None:
            if f.label == "remaining_levels":
                remaining.append(f)
            continue
        if f.level in _LEVEL_ORDER:
            grid[f.level] = _worse(grid.get(f.level), value)
    stated = (
        set(grid)
        | _resolved_levels(findings, ("canal_stenosis",))
        | _widened_levels(findings, ("canal_widened",))
    )
    discussed = _discussed_levels(findings)
    whole = _whole_level_spans(findings)
    for f in remaining:
        value = _cell_value(f)
        if value is None:
            continue
        for level in _quantified_levels(f, stated, discussed, whole):
            grid[level] = _worse(grid.get(level), value)
    return {lvl: grid[lvl] for lvl in _sorted_levels(grid)}


def _revises(f: Finding) -> bool:
    return f.correction or f.section == "ADDENDUM"


def retractions(findings: list[Finding]) -> set[tuple[str, str]]:
    """What an addendum or a correction takes back: a red flag it denies ("ADDENDUM: ... it
    represents a vascular channel. There is no fracture."), cord compression it denies or
    reduces to contact ("At C5-6 the disc contacts the cord but does not compress it"), a cord
    signal change it calls normal."""
    out: set[tuple[str, str]] = set()
    for f in findings:
        if not _revises(f):
            continue
        if f.type == "red_flag" and f.negated and f.label:
            out.add(("red_flag", f.label))
        elif f.level and ((f.type == "cord_compression" and f.negated) or f.type == "cord_contact"):
            out.add(("cord_compression", f.level))
        elif f.type == "cord_signal_abnormality" and f.negated and is_current(f):
            # "the apparent cord signal is an artefact ... the cord signal is normal"
            out.add(("cord_signal_abnormality", "any"))
    return out


def is_retracted(f: Finding, retracted: set[tuple[str, str]]) -> bool:
    """A finding of the body that an addendum or a correction took back."""
    if not retracted or _revises(f):
        return False
    if f.type == "red_flag":
        key = f.label
    elif f.type == "cord_signal_abnormality":
        key = "any"
    else:
        key = f.level
    return key is not None and (f.type, key) in retracted


def cord_compression_levels(findings: list[Finding]) -> list[str]:
    retracted = retractions(findings)
    levels = {
        f.level
        for f in findings
        if f.type == "cord_compression"
        and is_current(f)
        and not f.negated
        and f.level in _LEVEL_ORDER
        and not is_retracted(f, retracted)
    }
    return _sorted_levels(levels)


def cord_signal_abnormality(findings: list[Finding]) -> bool:
    retracted = retractions(findings)
    return any(
        f.type == "cord_signal_abnormality"
        and is_current(f)
        and not f.negated
        and (f.region in (None, "cervical"))
        and not is_retracted(f, retracted)
        for f in findings
    )


def red_flags(findings: list[Finding]) -> list[str]:
    retracted = retractions(findings)
    return sorted(
        {
            f.label
            for f in findings
            if f.type == "red_flag"
            and is_current(f)
            and not f.negated
            and f.label
            and not is_retracted(f, retracted)
        }
    )


def uncertain_cells(findings: list[Finding], grid: dict[str, dict[str, str]]) -> list[str]:
    """Cells ("C4-C5:left") whose every positive graded mention is uncertain: a definite
    "narrows the right foramen" with no grade does not make certain the "probably moderate"
    the cell holds (a definite "mild" does)."""
    certain: set[str] = set()
    uncertain: set[str] = set()
    for f in without_superseded(findings, "foraminal_stenosis"):
        if not is_current(f) or f.negated or f.level is None:
            continue
        sides = _sides(f.side) if f.side != "unspecified" else ("unspecified",)
        value = _cell_value(f)
        for side in sides:
            key = f"{f.level}:{side}"
            if f.uncertain:
                uncertain.add(key)
            elif value != "unspecified" or grid.get(f.level, {}).get(side) == "unspecified":
                certain.add(key)
    out = []
    for level, cells in grid.items():
        for side, value in cells.items():
            key = f"{level}:{side}"
            if value != "none" and key in uncertain and key not in certain:
                out.append(key)
    return out
