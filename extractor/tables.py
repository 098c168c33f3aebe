"""Level tables in templated reports.

    Level | Canal    | Left NF  | Right NF
    C5-6  | moderate | moderate | mild
    C6-7  | mild     | severe   | none

A header row names the columns (level, canal, left/right foramen, both foramina); each following
row that starts with a level gives one finding per graded cell, with the cell's own offsets.
Cells such as "N/A" or "not assessed" give nothing; a cell under a column of the foramina may
name its sides, in either order ("R moderate, L mild", "mild bilateral", "severe, left;
moderate, right", "L mod / R severe", "moderate, left > right"); under a column that names
neither side nor both ("Foraminal narrowing") a cell without a side is of an unnamed side. A
grade leading a cell with a note after it ("moderate, contacts cord") is the cell's. Pipes,
tabs or runs of two or more spaces separate the cells. Two more layouts are read:

- a header of sides alone over an unlabelled level column, under a line about the foramina
  ("Foraminal stenosis graded ... (0 = none, 1 = mild ...):" then "      Right   Left");
- columns named in brackets and rows of values parted by slashes ("Degenerative assessment
  (canal / right foramen / left foramen):" then "C4-C5: mild / mild / moderate", also "C3-C4
  1/0" with no colon, a note after the last value, and the bracket holding the scale before the
  column order: "(scale 0-3: 0 free, 1 mild ...; right/left)");
- pairs of foramina in the order a sentence of the report gives ("Foramina noted as right/left",
  "given as right / left") on level lines ("Level C3-C4: ... Foramina: 0/0.", "C5-C6: B / D").

- tables comparing studies, a column per study ("Level | 11-2022 (prior) | 05-2024
  (current)") under a line naming what they grade: only the current study's column is read.

Grade numbers in cells mean what the report's own scale says (``grades``); 0 is none. Codes a
legend line defines ("A = free; B = slight narrowing", "+ = mild; ++ = moderate") are read too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping

from .levels import find_levels, region_of
from .schema import Finding

_SEP_RE = re.compile(r"\s*\|\s*|\t+|\s+:\s+|\s{2,}")
_SPACED_SLASH_RE = re.compile(r"\s+/\s+")
_CELL_VALUES = {
    "none": "none",
    "nil": "none",
    "normal": "none",
    "nl": "none",
    "nml": "none",
    "patent": "none",
    "free": "none",
    "widely patent": "none",
    "nad": "none",
    "no": "none",
    "0": "none",
    "absent": "none",
    "no longer": "none",
    "ok": "none",
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
    "narrowing": "unspecified",
    "stenosis": "unspecified",
    "significant": "unspecified",
}
_SKIP_VALUES = re.compile(r"^(n/?a|not (assessed|imaged|evaluated|seen|visualized)|\?|--|)$", re.I)


_PAIR_HEADER_RE = re.compile(
    r"\(\s*(left|lt|l|right|rt|r)\s*[/,]\s*(left|lt|l|right|rt|r)\s*\)"
    # ... or closing the column's name with no bracket ("Foramina R / L")
    r"|\b(left|lt|l|right|rt|r)\s*/\s*(left|lt|l|right|rt|r)\s*$",
    re.I,
)
# Letter codes a table's legend defines: "(N = normal, Mi = mild, Mo = moderate, S = severe)"
_LEGEND_CODE_RE = re.compile(
    r"(?<![\w+-])([A-Za-z]{1,4}(?:-[A-Za-z]{1,4})?|[0-4]|\+{1,4}|(?:blank|empty)(?: cells?)?)"
    r"\s*[=:]\s*"
    r"(none|nil|normal|free|patent|no narrowing|no stenosis|not narrowed|minimal|slight|"
    r"mild to moderate|moderate to severe|mild|moderate|severe)\b",
    re.I,
)


_LEGEND_WORDS = {
    **_CELL_VALUES,
    "free": "none",
    "no narrowing": "none",
    "no stenosis": "none",
    "not narrowed": "none",
    "slight": "mild",
}


def _legend(text: str) -> dict[str, str]:
    """The codes of a legend line that defines at least two of them."""
    codes: dict[str, str] = {}
    for line in text.splitlines():
        found = _LEGEND_CODE_RE.findall(line)
        # a line of two codes or more, or a line that is one code's definition ("OK = no
        # stenosis" under a grid)
        if len(found) >= 2 or (found and _LEGEND_CODE_RE.fullmatch(line.strip().rstrip("."))):
            codes.update(
                # "Blank = normal": an empty cell
                (
                    "" if code.lower().startswith(("blank", "empty")) else code.lower(),
                    _LEGEND_WORDS[word.lower()],
                )
                for code, word in found
            )
    return codes


def _column_kind(name: str) -> tuple[str, str | None] | None:
    n = name.lower()
    foramen = re.search(r"\b(nf|nfs|foram\w*|neuroforam\w*|ivf|exit)\b", n)
    if re.search(r"\blevel|\bdisc level|^lvl$", n) and not foramen:
        return ("level", None)
    pair = _PAIR_HEADER_RE.search(n)
    if foramen and pair:
        # "Foramina (L / R)": both sides, in the order given
        first, second = (_side_name(w) for w in pair.groups() if w)
        if first != second:
            return ("foraminal", f"pair:{first}:{second}")
    if re.fullmatch(r"(left|lt|l|right|rt|r)\.?", n):
        # "LEVEL  LEFT  RIGHT  CANAL": side columns beside the level are the foramina's
        return ("foraminal", _side_name(n))
    if re.fullmatch(r"(r|l|rt|lt)n?f\.?", n):
        # "Level  CC  RF  LF": right and left foramen abbreviated
        return ("foraminal", _side_name(n))
    if n in ("cc", "cs"):
        return ("canal", None)
    if foramen:
        # (German "li." and "re.": links, rechts)
        if re.search(r"\b(left|lt|l|li|links)\b", n):
            return ("foraminal", "left")
        if re.search(r"\b(right|rt|r|re|rechts)\b", n):
            return ("foraminal", "right")
        if re.search(r"\b(foramina|neuroforamina|nfs|ivfs|both|bilat\w*)\b", n):
            return ("foraminal", "bilateral")
        # "Foraminal narrowing": a grade without a side is of an unnamed side
        return ("foraminal", "unspecified")
    if re.search(r"\b(canal|central|spinal stenosis|cs)\b", n):
        return ("canal", None)
    return None


def _cells(line: str, offset: int, slashes: bool = True) -> list[tuple[str, int, int]]:
    cells = []
    pos = 0
    stripped = line.strip().strip("|")
    base = line.find(stripped) if stripped else 0
    # "Disc level / Disc / Central canal / Rt foramen / Lt foramen" and its rows: spaced
    # slashes part the cells of a line that has no other separator
    sep_re = (
        _SPACED_SLASH_RE
        if slashes and stripped.count(" / ") >= 2 and not _SEP_RE.search(stripped)
        else _SEP_RE
    )
    for m in sep_re.finditer(stripped):
        cells.append((stripped[pos : m.start()], offset + base + pos, offset + base + m.start()))
        pos = m.end()
    cells.append((stripped[pos:], offset + base + pos, offset + base + len(stripped)))
    if line.rstrip().endswith("|") and not line.lstrip().startswith("|") and cells[-1][0].strip():
        # "C6-C7  |  broad bulge  |  mild  |  mild  |": the last cell is empty
        end = offset + base + len(stripped)
        cells.append(("", end, end))
    return [(t.strip(), s, e) for t, s, e in cells]


_NARROWING_NOUN_RE = re.compile(r"^(.*?)\s*\b(?:stenosis|stenotic|narrowing|narrowed|compromise)$")
_ADVERBS = {
    "mildly": "mild",
    "moderately": "moderate",
    "severely": "severe",
    "markedly": "marked",
    "slight": "mild",
    "slightly": "mild",
    "minimally": "minimal",
}


def _value(cell: str, grades: Mapping[str, str] | None = None) -> str | None:
    low = cell.strip().lower()
    bracket = re.search(r"\(\s*([a-z -]+?)\s*\)\s*$", low)
    text = re.sub(r"\s*\(.*\)\s*$", "", low).strip(" .").strip("?").strip()
    if grades and text in grades:
        return grades[text]
    if bracket and text in ("narrowed", "narrowing", "stenosis", "present", "yes"):
        # "narrowed (marked)": the grade in the bracket
        graded = _CELL_VALUES.get(bracket.group(1))
        if graded not in (None, "none", "unspecified"):
            return graded
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


_INLINE_GRADE_RE = re.compile(r"\b([0-4])\s*(?:=|:|-|–)?\s*(none|mild|moderate|severe)\b", re.I)
_SIDE_HEADER_RE = re.compile(r"^(?:right|rt|r|left|lt|l)\.?$", re.I)
_FORAMEN_WORD_RE = re.compile(r"foram|\bnf\b|\bnfs\b", re.I)
# "Foramina (R / L):", "* Foramina (R / L) -"
_BRACKET_COLUMNS_RE = re.compile(r"\(([^()]*(?P<sep>[/;])[^()]*)\)\s*[:\-–]?\s*$")
_ANY_BRACKET_COLUMNS_RE = re.compile(r"\([^()\n]*[/;][^()\n]*\)[ \t]*[:\-–]?[ \t]*$", re.MULTILINE)
_SLASH_ROW_RE = re.compile(r"^(\s*(?:[-*•]\s*)?)([^:]{2,20}?)\s*:\s*(.+?)\s*$")
# ... and with no colon after the level ("C3-C4 1/0")
_BARE_SLASH_ROW_RE = re.compile(
    r"^(\s*(?:[-*•]\s*)?)(C\s?[1-7]\s*[-–]\s*(?:C|T|Th)?\s?[1-8])\s+(.+?)\s*$", re.I
)


def _side_name(word: str) -> str:
    return "left" if word.lower().startswith("l") else "right"


def _side_header(
    cells: list[tuple[str, int, int]], line: str, previous: str
) -> list[tuple[str, str | None] | None] | None:
    """ "      Right   Left" over an unlabelled level column, the line before speaking of the
    foramina: the columns, with the level column first."""
    if not line[:1].isspace() or len(cells) < 2 or not _FORAMEN_WORD_RE.search(previous):
        return None
    if not all(_SIDE_HEADER_RE.match(c[0]) for c in cells):
        return None
    sides = [("foraminal", _side_name(c[0])) for c in cells]
    return [("level", None), *sides]


def _bracket_columns(line: str) -> tuple[list[tuple[str, str | None] | None], str] | None:
    """ "Degenerative assessment (canal / right foramen / left foramen):", "Foramina (right;
    left):": the columns of the rows that follow, with the level column first, and the mark
    that parts their values."""
    m = _BRACKET_COLUMNS_RE.search(line)
    if m is None:
        return None
    sep = m.group("sep")
    spec = m.group(1)
    if ";" in spec and "/" in spec.split(";")[-1]:
        # "Foramina (scale 0-3: 0 free, 1 mild ...; right/left):": the part naming the columns
        spec, sep = spec.split(";")[-1], "/"
    names = [name.strip() for name in spec.split(sep)]
    if _FORAMEN_WORD_RE.search(line[: m.start()]) and all(_SIDE_HEADER_RE.match(n) for n in names):
        # "Neural foraminal stenosis (R / L):" - the sides of the foramina the line names
        return [("level", None), *(("foraminal", _side_name(n)) for n in names)], sep
    kinds = [_column_kind(name) for name in names]
    if not kinds or any(k is None or k[0] == "level" for k in kinds):
        return None
    return [("level", None), *kinds], sep


# a note after a row's last value: " - broad disc bulge", ", with ..."
_ROW_NOTE_RE = re.compile(r"(?:\s+[-–—]\s+|\s*[,;]\s+|\s*\.\s+)(?=[A-Za-z])")


def _slash_cells(line: str, offset: int, sep: str = "/") -> list[tuple[str, int, int]]:
    """ "C4-C5: mild / mild / moderate", "C3-4: patent; mild.": the level and each value, with
    offsets."""
    m = _SLASH_ROW_RE.match(line) or _BARE_SLASH_ROW_RE.match(line)
    if m is None or sep not in m.group(3):
        return []
    cells = [(m.group(2), offset + m.start(2), offset + m.end(2))]
    pos = m.start(3)
    body = m.group(3)
    parts = body.split(sep)
    note = _ROW_NOTE_RE.search(parts[-1])
    if note is not None:
        # "C5-C6: 1 / 3 / 1 - left posterolateral disc-osteophyte complex": a note after the
        # last value is prose of its own
        parts[-1] = parts[-1][: note.start()]
    for part in parts:
        lead = len(part) - len(part.lstrip())
        cells.append((part.strip(), offset + pos + lead, offset + pos + lead + len(part.strip())))
        pos += len(part) + 1
    return cells


def _pair_parts(cell: str, offset: int) -> list[tuple[str, int, int]]:
    """The two values of a "2 / 1" cell, with offsets."""
    parts = []
    pos = 0
    for part in cell.split("/"):
        lead = len(part) - len(part.lstrip())
        parts.append((part.strip(), offset + pos + lead, offset + pos + lead + len(part.strip())))
        pos += len(part) + 1
    return parts


# "Foramina are given as right/left.", "written as R/L": the order of the sides in the pairs of
# values that follow ("C3/C4: canal normal, foramina 1/0")
_PAIR_ORDER_RE = re.compile(
    r"\b(?:given|written|listed|reported|expressed|presented|shown|recorded|noted|graded)\s+"
    r"(?:as\s+|in\s+the\s+order\s+)?\(?\s*(?P<a>right|left|rt|lt|r|l)\s*/\s*"
    r"(?P<b>right|left|rt|lt|r|l)\b",
    re.IGNORECASE,
)
_PAIR_ROW_RE = re.compile(r"^\s*(?:[-*•]\s*)?(?P<level>[^:\n]{2,30}?)\s*:\s*(?P<body>.+?)\s*$")
_PAIR_RE = re.compile(
    r"(?:^|(?P<label>\b(?:neural\s+|exit\s+)?(?:foramina|foramen|nf|nfs)\b)\s*:?\s*)"
    r"(?P<a>[0-4]|[a-z]+(?:[- ]to[- ][a-z]+|-[a-z]+)?)\s*/\s*"
    r"(?P<b>[0-4]|[a-z]+(?:[- ]to[- ][a-z]+|-[a-z]+)?)(?=\s*(?:[.,;]|$)|\s+[-–—]\s)",
    re.IGNORECASE,
)


# a run of level pairs on one line closed by their order: "C2-C3 0/0, C4-C5 1/1 (R/L)."
_LINE_PAIR_ORDER_RE = re.compile(
    r"\(\s*(?P<a>right|left|rt|lt|r|l)\s*/\s*(?P<b>right|left|rt|lt|r|l)\s*\)\s*\.?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_LEVEL_PAIR_RE = re.compile(
    r"(?P<level>\bC\s?[1-7]\s*[-–/]\s*(?:C|T|Th)?\s?[1-8])\s*:?\s+"
    r"(?P<a>[0-4])\s*/\s*(?P<b>[0-4])\b(?!\s*/)",
    re.IGNORECASE,
)


def _run_of_pairs(
    text: str, section_at: Callable[[int], str | None], grades: Mapping[str, str] | None
) -> list[Finding]:
    """Findings of lines that list level pairs and close with their order ("C2-C3 0/0, C3-C4
    0/0, C4-C5 1/1 (R/L).") and of the level pairs on the lines after them ("C7-Th1: 0/0.")."""
    out: list[Finding] = []
    sides: list[str] | None = None  # the order goes on to the level lines after it
    for line, offset in _lines(text):
        if not line.strip():
            sides = None
            continue
        order = _LINE_PAIR_ORDER_RE.search(line)
        if order is not None:
            sides = [_side_name(order.group("a")), _side_name(order.group("b"))]
        if sides is None or sides[0] == sides[1]:
            continue
        for m in _LEVEL_PAIR_RE.finditer(line):
            levels = find_levels(m.group("level"))
            if len(levels) != 1:
                continue
            for side, key in zip(sides, ("a", "b"), strict=True):
                cell = (m.group(key), offset + m.start(key), offset + m.end(key))
                out.extend(
                    _cell_findings(
                        text, section_at, ("foraminal", side), cell, levels[0].levels, grades
                    )
                )
    return out


def read_side_pairs(
    text: str,
    section_at: Callable[[int], str | None],
    grades: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Findings from level lines that give the two foramina as a pair, in the order of the
    sides a sentence of the report states ("Foramina are given as right/left." then "C5-6:
    canal mildly narrowed, foramina 3/2", "C7-T1: 0/0.")."""
    order = _PAIR_ORDER_RE.search(text)
    if order is None:
        return _run_of_pairs(text, section_at, grades) if _LINE_PAIR_ORDER_RE.search(text) else []
    legend = _legend(text)
    if legend:
        grades = {**legend, **(grades or {})}
    sides = [_side_name(order.group("a")), _side_name(order.group("b"))]
    if sides[0] == sides[1]:
        return []
    out: list[Finding] = _run_of_pairs(text, section_at, grades)
    for line, offset in _lines(text):
        if _LINE_PAIR_ORDER_RE.search(line):
            continue  # read as a run of pairs
        row = _PAIR_ROW_RE.match(line)
        if row is None:
            continue
        head = row.group("level")
        levels = find_levels(head)
        # "Level C3-C4: canal free. Foramina: 0/0."
        lead = head[: levels[0].start].strip().lower() if len(levels) == 1 else "?"
        if len(levels) != 1 or lead not in ("", "level", "segment"):
            continue
        body, body_at = row.group("body"), row.start("body")
        for m in _PAIR_RE.finditer(body):
            if m.group("label") is None and m.start() != 0:
                continue
            for side, key in zip(sides, ("a", "b"), strict=True):
                cell = (
                    m.group(key),
                    offset + body_at + m.start(key),
                    offset + body_at + m.end(key),
                )
                found = _cell_findings(
                    text, section_at, ("foraminal", side), cell, levels[0].levels, grades
                )
                if not found:
                    break  # a value that is no grade: the pair is no pair of grades
                out.extend(found)
    return out


def read_tables(
    text: str,
    section_at: Callable[[int], str | None],
    grades: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Findings from level tables in ``text`` (empty when there is none); ``grades`` maps the
    grade numbers of the report's own scale."""
    if (
        "|" not in text
        and "\t" not in text
        and "  " not in text
        and " / " not in text
        and not _ANY_BRACKET_COLUMNS_RE.search(text)
    ):
        return []
    out: list[Finding] = []
    legend = _legend(text)
    if legend:
        grades = {**legend, **(grades or {})}
    columns: list[tuple[str, str | None] | None] | None = None
    slash = False
    sep = "/"
    previous = ""
    for line, offset in _lines(text):
        if not line.strip():
            columns = None
            continue
        line_before = previous
        spaced = _cells(line, offset, slashes=False)
        dated = _dated_columns(spaced, line_before)
        if dated is not None:
            # "Level | 11-2022 (prior) | 05-2024 (current)" under "Neural foramina per level:"
            columns, slash, previous = dated, False, line
            continue
        bracketed = (
            None
            # "Level   AP canal (mm)   Central stenosis   Foraminal stenosis (L / R)": a header
            # of spaced cells, the bracket naming only its last column's pair
            if len(spaced) >= 3 and sum(1 for c in spaced if _column_kind(c[0])) >= 3
            else _bracket_columns(line)
        )
        if bracketed is not None:
            (columns, sep), slash, previous = bracketed, True, line
            continue
        cells = _slash_cells(line, offset, sep) if slash and columns else _cells(line, offset)
        side_header = _side_header(cells, line, previous)
        if side_header is not None:
            columns, slash = side_header, False
            # "Foramina (0 none, 1 mild, 2 moderate, 3 severe):" over the table
            local = dict(_INLINE_GRADE_RE.findall(previous))
            if len(local) >= 2 and not grades:
                grades = {k: _CELL_VALUES[v.lower()] for k, v in local.items()}
            previous = line
            continue
        previous = line
        if len(cells) < 3:
            columns = None
            continue
        kinds = [_column_kind(c[0]) for c in cells]
        if (
            not slash
            and sum(1 for k in kinds if k and k[0] in ("foraminal", "canal")) >= 1
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
        row_columns = columns
        if len(cells) == len(columns) + 1 and (columns[0] is None or columns[0][0] != "level"):
            # a header indented over an unlabelled level column ("      Canal   Right foramen")
            row_columns = [("level", None), *columns]
        for k, ((cell, start, end), kind) in enumerate(zip(cells, row_columns, strict=False)):
            if kind is None or kind[0] == "level":
                continue
            if k == 0:
                # "Segment: foramen re. / foramen li. / spinal canal" over "C5/6: 2 / 3 / 2":
                # the row's level heads the first column's value
                head = re.match(r"[^:]*:\s*", cell)
                if head is None:
                    continue
                cell, start = cell[head.end() :], start + head.end()
            per_side = _per_side(kind, cell, start, grades)
            if per_side is None:
                out.extend(
                    _cell_findings(
                        text, section_at, kind, (cell, start, end), levels[0].levels, grades
                    )
                )
                continue
            for side, part in per_side:
                out.extend(
                    _cell_findings(
                        text, section_at, ("foraminal", side), part, levels[0].levels, grades
                    )
                )
    return out


# a column of one study in a table that compares studies: a date, or a word naming the study
_DATE_CELL_RE = re.compile(
    r"\b(?:\d{1,2}[-/.]\d{2,4}|\d{4}|prior|previous|current|this study|now|today|baseline)\b",
    re.I,
)
_CURRENT_CELL_RE = re.compile(r"\b(?:current|this study|now|today|present)\b", re.I)


def _dated_columns(
    cells: list[tuple[str, int, int]], previous: str
) -> list[tuple[str, str | None] | None] | None:
    """The columns of a table comparing studies ("Level | 11-2022 (prior) | 05-2024
    (current)") under a line naming what it grades ("Foraminal stenosis (left/right):"): the
    current study's column is read, the earlier ones are not."""
    first = _column_kind(cells[0][0])
    if first is None or first[0] != "level" or len(cells) < 3:
        return None
    rest = cells[1:]
    if not all(_DATE_CELL_RE.search(c[0]) for c in rest):
        return None
    subject = _column_kind(previous.strip().rstrip(":").strip())
    if subject is None or subject[0] == "level":
        return None
    marked = [i for i, c in enumerate(rest) if _CURRENT_CELL_RE.search(c[0])]
    current = marked[-1] if marked else len(rest) - 1
    return [("level", None), *(subject if i == current else None for i in range(len(rest)))]


def _per_side(
    kind: tuple[str, str | None], cell: str, offset: int, grades: Mapping[str, str] | None
) -> list[tuple[str, tuple[str, int, int]]] | None:
    """The values of a cell that grades each foramen on its own, by side: "2 / 1" under
    "Foramina (L / R)" (in the header's order; none unless there are two), "R moderate, L mild"
    or "mild bilateral" under a column of both foramina. None for a cell of one value."""
    if kind[1] is not None and kind[1].startswith("pair:"):
        parts = _pair_parts(cell, offset)
        return list(zip(kind[1].split(":")[1:], parts, strict=True)) if len(parts) == 2 else []
    if kind in (("foraminal", "bilateral"), ("foraminal", "unspecified")):
        return _sided_parts(cell, offset, grades) or None
    return None


_SIDE_WORD = r"right|rt|r|left|lt|l|bilateral|bilat|both|bil"
_SIDED_RE = re.compile(
    rf"^(?:(?P<side>{_SIDE_WORD})\.?\s+(?P<value>.+)|(?P<value2>.+?)\s+(?P<side2>{_SIDE_WORD})\.?)$",
    re.IGNORECASE,
)


def _cell_side(word: str) -> str:
    """The side a side word of a cell names ("R", "left", "bilat", "both")."""
    return "bilateral" if word.lower().startswith("b") else _side_name(word)


_TRAILING_SIDE_RE = re.compile(
    rf"^(?P<value>[^,;(]+?)\s*(?:,\s*|\(\s*)(?P<side>{_SIDE_WORD})\.?(?:\s+side)?\s*\)?$",
    re.IGNORECASE,
)


def _sided_parts(
    cell: str, offset: int, grades: Mapping[str, str] | None
) -> list[tuple[str, tuple[str, int, int]]]:
    """The sides and values of a cell that names its sides ("R moderate, L mild", "mild
    bilateral"), each value with offsets; empty unless every part names a side and a grade."""
    out = []
    pos = 0
    trailing = _TRAILING_SIDE_RE.match(cell)
    if trailing and _value(trailing.group("value"), grades) is not None:
        # "mild, right" / "mild (bilateral)": the grade, then its side
        side = _cell_side(trailing.group("side"))
        start = offset + trailing.start("value")
        return [(side, (trailing.group("value"), start, start + len(trailing.group("value"))))]
    for part in re.split(r"([,;])", cell):
        if part in (",", ";"):
            pos += 1
            continue
        m = _SIDED_RE.match(part.strip())
        lead = len(part) - len(part.lstrip())
        pos_part = pos
        pos += len(part)
        if m is None:
            return _paired_parts(cell, offset, grades)
        value_text = m.group("value") or m.group("value2")
        if _value(value_text, grades) is None:
            return _paired_parts(cell, offset, grades)
        side = _cell_side(m.group("side") or m.group("side2"))
        group = "value" if m.group("value") else "value2"
        start = offset + pos_part + lead + m.start(group)
        out.append((side, (value_text, start, start + len(value_text))))
    return out


_NARROWING_NOUNS = frozenset({"narrowing", "narrowed", "stenosis"})
_COMPARED_SIDES = r"(?:left|lt|l|right|rt|r)\s*[<>]\s*(?:left|lt|l|right|rt|r)"


@functools.lru_cache(maxsize=64)
def _pair_token_re(codes: frozenset[str]) -> re.Pattern[str]:
    """Side words and grade words of a cell, the report's own grade codes among them."""
    words = sorted(
        (w for w in {*_CELL_VALUES, *codes} if len(w) > 1 and not w.isdigit()),
        key=len,
        reverse=True,
    )
    return re.compile(
        rf"(?P<both>{_COMPARED_SIDES})|(?P<side>\b(?:{_SIDE_WORD}|b/l)\b)\.?"
        rf"|(?P<grade>\b(?:{'|'.join(map(re.escape, words))})(?![\w-]))",
        re.IGNORECASE,
    )


def _paired_parts(
    cell: str, offset: int, grades: Mapping[str, str] | None
) -> list[tuple[str, tuple[str, int, int]]]:
    """Sides and grades paired in the order the cell gives them, each grade with the side
    next to it: "severe, left; moderate, right", "L mod / R severe", "moderate, left > right"
    (one grade for both sides, the left worse); empty unless every grade has a side."""
    token_re = _pair_token_re(frozenset(grades or ()))
    pairs: list[tuple[str, tuple[str, int, int]]] = []
    side: str | None = None
    grade: tuple[str, int, int] | None = None
    tokens = list(token_re.finditer(cell))
    graded = any(m.group("grade") and m.group(0).lower() not in _NARROWING_NOUNS for m in tokens)
    for m in tokens:
        if m.group("grade"):
            if graded and m.group(0).lower() in _NARROWING_NOUNS:
                continue  # "significant bilateral narrowing": the noun of a grade
            if grade is not None:
                return []  # two grades in a row: not a cell of sided grades
            grade = (m.group(0), offset + m.start(), offset + m.end())
        else:
            if side is not None:
                return []
            side = "bilateral" if m.group("both") else _cell_side(m.group(0))
        if side is not None and grade is not None:
            if _value(grade[0], grades) is None:
                return []
            pairs.append((side, grade))
            side, grade = None, None
    return pairs if pairs and side is None and grade is None else []


def _cell_findings(
    text: str,
    section_at: Callable[[int], str | None],
    kind: tuple[str, str | None],
    cell: tuple[str, int, int],
    levels: tuple[str, ...],
    grades: Mapping[str, str] | None,
) -> list[Finding]:
    """The findings of one table cell: its value at each level of its row."""
    value = _value(cell[0], grades)
    if value is None:
        # "moderate, contacts cord", "severe; cord flattened, AP 6 mm": the grade that leads
        # the cell, the rest a note
        lead = re.match(r"[^,;]+(?=\s*[,;])", cell[0])
        value = _value(lead.group(0), grades) if lead else None
        if value is None:
            return []
        cell = (lead.group(0), cell[1], cell[1] + len(lead.group(0).rstrip()))  # type: ignore[union-attr]
    _, start, end = cell
    # "?mild", "1?" (under a legend "? = equivocal"): a grade the reader is unsure of
    mark = cell[0].strip()
    uncertain = value != "none" and (mark.startswith("?") or (len(mark) > 1 and mark.endswith("?")))
    return [
        Finding(
            type="foraminal_stenosis" if kind[0] == "foraminal" else "canal_stenosis",
            level=level,
            side=kind[1] if kind[0] == "foraminal" else None,  # type: ignore[arg-type]
            severity=value,  # type: ignore[arg-type]
            negated=value == "none",
            uncertain=uncertain,
            section=section_at(start),
            text=text[start:end],
            start=start,
            end=end,
            region=region_of(level),  # type: ignore[arg-type]
            label="table",
        )
        for level in levels
    ]
