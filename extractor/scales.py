"""Grading scales that a report defines for itself.

A grade number alone ("grade 2 narrowing") is not a severity: the contract makes it "unspecified"
unless the report defines its scale. Some reports do ("Foraminal stenosis is graded using the
Park system: grade 0 = none; grade 1 = mild; grade 2 = moderate; grade 3 = severe"); then each
"grade N" of the report means the severity the report gave it.

Pure functions over text: no spaCy, so they can be tested and reused alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_GRADE_WORD = (
    r"(no(?:ne)?\b|normal|free|minimal|slight|mild(?:\s*(?:to|-)\s*moderate)?|"
    r"moderate(?:\s*(?:to|-)\s*severe)?|severe|marked)"
)
# "grade 1 = mild", "grade 2: moderate", "2 = moderate", "grade 3 (severe)", "grade 0 - none",
# and in a list "(0 none, 1 mild, 2 moderate, 3 severe)"; a grade may be written out of the
# scale's top grade ("0/3 none, 1/3 mild")
_OUT_OF = r"(?:\s*/\s*[2-4](?![0-9]))?"
_DEFINITION_RE = re.compile(
    r"(?:\b(?:grade\s*)?([0-4]|iv|i{1,3})(?:st|nd|rd|th)?" + _OUT_OF + r"\s*(?:degree\s*)?"
    r"(?:=|:|-|–|—|\(|\bis\b|\bmeans\b|\bindicates\b|\brepresents\b|"
    # "grade 1 = non-severe (moderate) stenosis": a word of the report's own before the grade;
    # "grade 1 = perineural fat obliteration less than 50% (mild)": a description before it
    r"\bcorresponds to\b)\s*\(?\s*(?:[^;=()\n]{0,90}?\(\s*)?" + _GRADE_WORD + r")"
    # ... and in a list parted by spaced dashes or slashes ("0 none - 1 mild - 2 moderate")
    # ... or after a comma ("grade 0, no stenosis; grade 1, mild (...)")
    r"|(?:(?:[(,;:]|\s[-–/]|\bgrade)\s*([0-4])" + _OUT_OF + r"(?:\s*,\s*|\s+)" + _GRADE_WORD + r")",
    re.I,
)
# grades written as plus signs: "+ = mild; ++ = moderate; +++ = severe"
_SYMBOL_DEFINITION_RE = re.compile(r"(?<![\w+])(\+{1,4})\s*(?:=|:|–|—)\s*" + _GRADE_WORD, re.I)
# a grade named by a word: "low-grade (mild), middle-grade (moderate), high-grade (severe)"
_TERM_DEFINITION_RE = re.compile(
    r"\b(?:(?P<term>low|middle|medium|intermediate|mid|high)[\s-]*grade"
    # ... and in German ("geringgradig = mild, mittelgradig = moderate, hochgradig = severe")
    r"|(?P<de>gering|leicht|mittel|hoch)gradig[a-z]*)\s*"
    r"(?:=|:|-|–|—|\(|\bis\b|\bmeans\b)\s*\(?\s*(?P<sev>" + _GRADE_WORD + r")",
    re.I,
)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_TERM_KEYS = {
    "medium": "middle",
    "intermediate": "middle",
    "mid": "middle",
    "gering": "low",
    "leicht": "low",
    "mittel": "middle",
    "hoch": "high",
}
# a percentage band: "less than 25% = mild", "25-50% = moderate", "> 50%: severe"
_PERCENT_BAND_RE = re.compile(
    r"(?:(?P<below>less than|under|below|<|≤|up to)\s*(?P<b>\d{1,3})\s*%"
    r"|(?P<lo>\d{1,3})\s*%?\s*(?:-|–|—|to)\s*(?P<hi>\d{1,3})\s*%"
    r"|(?P<above>more than|over|above|greater than|>|≥)\s*(?P<a>\d{1,3})\s*%)"
    r"\s*(?:=|:|-|–|—|\bis\b|\bmeans\b|\bindicates\b)?\s*\(?\s*(?P<sev>" + _GRADE_WORD + r")",
    re.I,
)
# a line that opens with a disc level reports that level ("C6/7: right grade 3 (severe), left
# grade 1 (mild)"), it does not define a scale
_LEVEL_LINE_RE = re.compile(
    r"\s*(?:[-*•]\s*)?(?:at\s+)?C\s?[1-7]\s*(?:-|/|–|to)\s*(?:C|T|Th)?\s?[1-8]\b", re.I
)
# "(foraminal narrowing: 0 none, 1 mild, 2 moderate, 3 severe)": a list of grades with no word
# about grading
_BARE_LIST_RE = re.compile(
    r"\b0\s*(?:=|:|-|–)?\s*(?:none|no|normal)\b.{0,20}\b1\s*(?:=|:|-|–)?\s*mild", re.I
)
# a sentence that speaks of grading ("graded", "grading", "scale", "Park system")
_SCALE_CUE_RE = re.compile(
    r"\b(grad(?:e|ed|es|ing)|scales?|system|classification|legend|key|expressed as|defined as|"
    r"park|kim|kang|muhle|"
    r"according to|(?:assessed|classified|rated) (?:as|by|on|with))\b",
    re.I,
)
_FORAMEN_RE = re.compile(r"foram", re.I)
_CANAL_RE = re.compile(r"\bcanal|central|spinal stenosis", re.I)

_WORD_SEVERITY = {
    "no": "none",
    "none": "none",
    "normal": "none",
    "free": "none",
    "minimal": "mild",
    "slight": "mild",
    "mild": "mild",
    "moderate": "moderate",
    "severe": "severe",
    "marked": "severe",
}


@dataclass(frozen=True, slots=True)
class GradingScale:
    """Grade number -> severity, for the findings the definition names.

    A report may grade the foramina and the canal on scales of their own ("Foramen (modified
    Kim): grade 1 = moderate; central canal (Kang): grade 1 = mild"): a definition that names
    one of them only is also kept for it alone (`foraminal_grades`, `canal_grades`)."""

    grades: dict[str, str] = field(default_factory=dict)
    foraminal_grades: dict[str, str] = field(default_factory=dict)
    canal_grades: dict[str, str] = field(default_factory=dict)
    # percentage bands (low, high, severity), inclusive, for "approximately 30% narrowing"
    percent: tuple[tuple[float, float, str], ...] = ()
    foraminal: bool = False
    canal: bool = False
    # character ranges of the sentences that define the scale (not findings themselves)
    definitions: tuple[tuple[int, int], ...] = ()

    def grades_for(self, structure: str | None) -> dict[str, str]:
        """The grades of the scale that grades `structure` ("canal" or "foraminal")."""
        own = self.canal_grades if structure == "canal" else self.foraminal_grades
        return own or self.grades

    def is_definition(self, start_char: int) -> bool:
        return any(a <= start_char < b for a, b in self.definitions)

    def percent_grade(self, value: float) -> str | None:
        """The severity the report's percentage bands give `value`, if any."""
        return next((sev for lo, hi, sev in self.percent if lo <= value <= hi), None)


def _severity_word(raw: str) -> str:
    words = re.split(r"\s*(?:to|-)\s*", raw.lower())
    if len(words) == 2:
        return f"{_WORD_SEVERITY[words[0]]}-{_WORD_SEVERITY[words[1]]}"
    return _WORD_SEVERITY[words[0]]


def parse_scale(sentences: list[tuple[int, str]]) -> GradingScale:
    """The scale defined in a report, from its sentences as (start offset, text).

    A definition is a sentence about grading that gives at least two grade numbers their
    severity words; it applies to the foramina and/or the canal it names (the foramina when it
    names neither).
    """
    grades: dict[str, str] = {}
    own: dict[str, dict[str, str]] = {"foraminal": {}, "canal": {}}
    percent: list[tuple[float, float, str]] = []
    foraminal = canal = False
    definitions: list[tuple[int, int]] = []
    for start, text in sentences:
        if _LEVEL_LINE_RE.match(text):
            continue
        cue = _SCALE_CUE_RE.search(text)
        if not cue and not _BARE_LIST_RE.search(text) and "%" not in text:
            continue
        bands = [_band(m) for m in _PERCENT_BAND_RE.finditer(text)]
        found = {
            _ROMAN.get(
                (m.group(1) or m.group(3)).lower(), m.group(1) or m.group(3)
            ): _severity_word(m.group(2) or m.group(4))
            for m in _DEFINITION_RE.finditer(text)
        }
        for m in _SYMBOL_DEFINITION_RE.finditer(text):
            found[m.group(1)] = _severity_word(m.group(2))
        for m in _TERM_DEFINITION_RE.finditer(text):
            term = (m.group("term") or m.group("de")).lower()
            found[_TERM_KEYS.get(term, term)] = _severity_word(m.group("sev"))
        if not cue and len(found) < 3 and len(bands) < 2:
            continue  # without a word about grading, only a full list defines a scale
        names_foramen = bool(_FORAMEN_RE.search(text))
        names_canal = bool(_CANAL_RE.search(text))
        if len(bands) >= 2:
            percent.extend(bands)
        elif len(found) < 2:
            continue
        else:
            grades.update(found)
            if names_canal != names_foramen:
                own["canal" if names_canal else "foraminal"].update(found)
        foraminal = foraminal or names_foramen or not names_canal
        canal = canal or names_canal
        definitions.append((start, start + len(text)))
    return GradingScale(
        grades,
        own["foraminal"],
        own["canal"],
        tuple(percent),
        foraminal,
        canal,
        tuple(definitions),
    )


def _band(m: re.Match[str]) -> tuple[float, float, str]:
    """(low, high, severity) of a percentage band; "less than 25%" is [0, 24.5]."""
    severity = _severity_word(m.group("sev"))
    if m.group("below"):
        return 0.0, float(m.group("b")) - 0.5, severity
    if m.group("above"):
        return float(m.group("a")) + 0.5, 100.0, severity
    return float(m.group("lo")), float(m.group("hi")), severity
