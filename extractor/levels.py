"""Spinal level mentions: notation parsing, normalisation, ranges, the `foramen_levels` component.

Levels are found with one regular expression over the text (so every notation variant, dictation
artefact and tokenisation is covered the same way), then stored as spans in
``doc.spans["foramen_levels"]``: label ``LEVEL`` with ``span.id_`` holding the normalised disc
levels joined by ``|`` (``"C5-C6"``, or several for ranges and vertebral spans).
"""

import itertools
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .segmenter import doc_text

LEVELS_KEY = "foramen_levels"

# Disc levels in cranio-caudal order, across regions.
_VERTEBRAE: list[str] = (
    [f"C{i}" for i in range(1, 8)]
    + [f"T{i}" for i in range(1, 13)]
    + [f"L{i}" for i in range(1, 6)]
    + ["S1"]
)
DISC_LEVELS: list[str] = [f"{a}-{b}" for a, b in itertools.pairwise(_VERTEBRAE)]
_DISC_INDEX = {lvl: i for i, lvl in enumerate(DISC_LEVELS)}
_VERT_INDEX = {v: i for i, v in enumerate(_VERTEBRAE)}
CERVICAL_LEVELS: list[str] = DISC_LEVELS[:7]  # C1-C2 ... C7-T1
# Levels that "remaining levels"/"elsewhere" expand to (contract: C2-C3 ... C7-T1).
QUANTIFIER_LEVELS: list[str] = CERVICAL_LEVELS[1:]

# German vertebra names: HWK (cervical), BWK (thoracic), LWK (lumbar) ("HWK 5/6", "HWK 7/BWK 1")
_REGION_LETTER = r"(?:HWK|BWK|LWK|C|Th|T|D|L|S)"
# One vertebra, as in "C5", "C 5", "Th1", "D1" (dorsal).
_VERT = rf"(?P<{{name}}r>{_REGION_LETTER})\s?(?P<{{name}}n>\d{{{{1,2}}}})"
# "C5-6", "C5/6", "C5 - 6", "C5~6"; and German-style "C5.6", "C7.Th1" (a dot with no space)
_SEP = r"(?:\s*(?:-|–|—|/|\\|_|~)\s*|\.(?=(?:th|t|c|d)?\d))"

_LEVEL_RE = re.compile(
    r"(?<![A-Za-z0-9])"
    + _VERT.format(name="a").replace("{{1,2}}", "{1,2}")
    + rf"(?:{_SEP}(?:(?P<br>{_REGION_LETTER})\s?)?|(?=(?:{_REGION_LETTER})\d))"
    + r"(?:(?P<br2>"
    + _REGION_LETTER
    + r"))?(?P<bn>\d{1,2})"
    + r"(?![0-9])(?!\s*-?\s*weighted)(?![A-Za-z])",
    re.IGNORECASE,
)
# A vertebral span written with words: "from C4 to C7", "C3 through C6".
_VSPAN_RE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<ar>{_REGION_LETTER})\s?(?P<an>\d{{1,2}})\s+(?:to|through|thru)\s+"
    rf"(?P<br>{_REGION_LETTER})\s?(?P<bn>\d{{1,2}})(?![0-9])(?!\s*[-–/~]\s*\d)",
    re.IGNORECASE,
)
# An interspace named by ordinals: "the fifth/sixth cervical interspace", "the sixth and seventh
# cervical disc", "the seventh cervical/first thoracic interspace".
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
_ORDINAL_RE = re.compile(
    r"\b(?P<a>second|third|fourth|fifth|sixth|seventh)(?:\s+cervical)?\s*(?:/|-|–|and|to)\s*"
    r"(?:(?P<b>third|fourth|fifth|sixth|seventh)\s+cervical|(?P<t>first)\s+thoracic|"
    r"(?P<b2>third|fourth|fifth|sixth|seventh))\s+(?:cervical\s+)?"
    r"(?:interspace|intervertebral\s+(?:space|disc|disk)|disc|disk|level|segment)s?\b",
    re.IGNORECASE,
)
# Two adjacent vertebrae naming the disc between them: "the C5 and C6 interspace", "between C5
# and C6".
_VPAIR_RE = re.compile(
    rf"(?<![A-Za-z0-9])(?:(?P<between>between)\s+)?(?P<ar>{_REGION_LETTER})\s?(?P<an>\d{{1,2}})"
    rf"\s+(?:and|&)\s+(?P<br>{_REGION_LETTER})?\s?(?P<bn>\d{{1,2}})(?![0-9])"
    r"(?P<noun>\s+(?:interspace|intervertebral|disc|disk|level|segment|space|vertebral\s+level))?",
    re.IGNORECASE,
)
# Compact cervical notations: "C56", "C5 6" (consecutive digits only; not "C5 6 mm"), and "C
# 6:07", speech recognition's clock time for "C six seven".
_COMPACT_RE = re.compile(
    r"(?<![A-Za-z0-9])C\s?(?P<an>[1-7])(?:\s|:0)?(?P<bn>[2-7]|T1)(?![0-9A-Za-z])"
    r"(?!\s*(?:mm|cm|%|x\b))",
    re.IGNORECASE,
)
# A level header that drops the "C" ("5-6: mild left foraminal narrowing"), or whose "C" speech
# recognition heard as "see" ("1. see 4-5: moderate ..."), at the start of a line, in a report
# that names no lumbar level.
_BARE_HEADER_RE = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)][ \t]*)?(?:(?:see|sea)[ \t]+)?"
    r"(?P<an>[1-7])[ \t]*[-–/][ \t]*(?P<bn>[2-7]|T1)[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)
# A level whose "C" speech recognition heard as "see" in running text ("narrowing at see 5-6"),
# in a report that names no lumbar level; adjacent vertebrae only.
_NUMBER_WORDS = {
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "too": "2",  # "C too three"
    "one": "T1",  # "C seven T one"
    "for": "4",  # "C3 for" (heard for C3-4)
}
_HEARD_LEVEL_RE = re.compile(
    r"(?<![A-Za-z0-9])(?:(?:see|sea)[ \t]+(?P<an>[2-7]|two|three|four|five|six)"
    # ... or with its "C" and the digits spelled out ("C five six")
    r"|C[ \t]+(?P<an2>two|too|three|four|for|five|six|seven)"
    # ... or its first digit as a digit and the second as a word ("C6 seven")
    r"|C(?P<an3>[2-7])(?=[ \t]+(?:three|four|five|six|seven|for)\b)"
    # ... or both digits with their letters spaced out ("C 6 C 7")
    r"|C[ \t]?(?P<an4>[1-7])(?=[ \t]+[CT][ \t]?[1-7]\b))"
    # ... and its separator spoken too ("C five slash six")
    r"[ \t]*(?:[-–/]|[ \t]+(?:slash|dash|hyphen)[ \t]+|[ \t])(?:[ \t]*[CT][ \t]?)?"
    r"[ \t]*(?P<bn>[3-7]|T[ \t]?1|three|four|five|six|seven|one|for)"
    r"(?![0-9A-Za-z])(?![ \t]*(?:mm|cm|%|millim|centim|x\b))",
    re.IGNORECASE,
)
_CHAIN_RE = re.compile(
    r"[ \t]*[/\-–][ \t]*((?:C|T)?\d{1,2})(?![0-9A-Za-z])(?![ \t]*(?:mm|cm|%|millim|centim))", re.I
)
# A disc named by its digits alone right after a cervical level: "C5-6/6-7", "C4-5, 5-6 and 6-7".
_PAIR_CHAIN_RE = re.compile(
    r"[ \t]*(?:/|,|&|,?[ \t]+(?:and|or)[ \t]+)[ \t]*(?P<an>[1-7])[ \t]*[-–/][ \t]*(?P<bn>[2-7]|T1)"
    r"(?![0-9A-Za-z])(?![ \t]*(?:mm|cm|%|millim|centim|x\b|weeks?|months?|years?|days?))",
    re.IGNORECASE,
)
# Vertebrae in Roman numerals, as in Central European reports: "C.V-VI", "C.IV-C.VII",
# "C.VII-Th.I" (upper case only: "vi" is no numeral in running text).
_ROMAN_LEVEL_RE = re.compile(
    r"(?<![A-Za-z0-9])(?P<ar>C|Th|TH|T|D)\.?[ \t]?(?P<a>VII|VI|IV|V|III|II|I)[ \t]*[-–/][ \t]*"
    r"(?:(?P<br>C|Th|TH|T|D)\.?[ \t]?)?(?P<b>VII|VI|IV|V|III|II|I)(?![A-Za-z0-9])"
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7}
# A foramen named by the cervical root that exits it: "the left C6 foramen", "the C5 and C6
# neural foramina", "the left C6 and left C7 foramina", "the right C8 exit foramen". The root
# C(n+1) exits at the disc Cn-C(n+1); C8 at C7-T1.
_ROOT_FORAMEN_RE = re.compile(
    r"(?<![A-Za-z0-9/\-–])C(?P<n>[3-8])(?![0-9A-Za-z\-–/])"
    r"(?=(?:\s*(?:,|and|&|or|/)\s*(?:(?:left|right)\s+)?C[3-8](?![0-9]))*"
    r"\s+(?:(?:neural|exit|nerve|root|bony|exiting)\s+)*foram)",
    re.IGNORECASE,
)
# ... or named after it: "the foramina of the exiting C5, C6, C7 and C8 roots"
_FORAMEN_OF_ROOTS_RE = re.compile(
    r"\bforam\w*\s+(?:of|for)\s+(?:the\s+)?(?:exiting\s+)?(?:(?:left|right)\s+)?"
    r"(?P<roots>C[3-8](?:\s*(?:,|and|&|or|/)\s*C[3-8])*)(?![0-9A-Za-z])\s+(?:nerve\s+)?roots?\b",
    re.IGNORECASE,
)
_ROOT_IN_LIST_RE = re.compile(r"C(?P<n>[3-8])", re.IGNORECASE)
_LUMBAR_RE = re.compile(r"\blumbar\b|\bL[1-5]\b", re.IGNORECASE)
_RANGE_JOIN_RE = re.compile(
    r"^\s*(?:through|thru|to|down\s+to|until|-|–|—|~)\s*(?:the\s+)?$", re.IGNORECASE
)
_RANGE_FROM_RE = re.compile(r"from\s+(?:the\s+)?$", re.IGNORECASE)


def _norm_region(letter: str) -> str:
    letter = letter.upper()
    if letter in ("TH", "D", "BWK"):
        return "T"
    return {"HWK": "C", "LWK": "L"}.get(letter, letter)


@dataclass(frozen=True, slots=True)
class LevelMention:
    start: int  # character offsets
    end: int
    levels: tuple[str, ...]
    kind: str  # "disc" | "span" (vertebral span) | "range"


def region_of(level: str) -> str:
    """Spine region of a normalised disc level ("C7-T1" is cervical)."""
    first = level[0]
    return {"C": "cervical", "T": "thoracic", "L": "lumbar", "S": "lumbar"}[first]


def _vertebra(region: str, num: int) -> str | None:
    v = f"{region}{num}"
    return v if v in _VERT_INDEX else None


def _parse(m: re.Match[str], max_span: int = 8) -> tuple[tuple[str, ...], str] | None:
    ra = _norm_region(m.group("ar"))
    rb_raw = m.group("br") or (m.groupdict().get("br2"))
    rb = _norm_region(rb_raw) if rb_raw else ra
    a = _vertebra(ra, int(m.group("an")))
    b = _vertebra(rb, int(m.group("bn")))
    if a == "C7" and rb == "C" and m.group("bn") == "8":
        # "C7/8": there is no C8 vertebra; the disc below C7 (where the C8 root exits) is C7-T1
        return ("C7-T1",), "disc"
    if a is None or b is None:
        return None
    ia, ib = _VERT_INDEX[a], _VERT_INDEX[b]
    if ib == ia + 1:
        return (f"{a}-{b}",), "disc"
    if ib > ia + 1 and ib - ia <= max_span:
        # Vertebral span "C4-C7": the discs between those vertebrae.
        return tuple(DISC_LEVELS[ia:ib]), "span"
    return None


def _cervical_disc(upper: int, lower: str) -> str | None:
    """ "5", "6" -> "C5-C6"; "7", "T1" -> "C7-T1"; None unless the vertebrae are adjacent."""
    if lower == "T1":
        return "C7-T1" if upper == 7 else None
    return f"C{upper}-C{lower}" if int(lower) == upper + 1 else None


def level_range(first: str, last: str) -> tuple[str, ...]:
    i, j = _DISC_INDEX[first], _DISC_INDEX[last]
    if j < i:
        i, j = j, i
    return tuple(DISC_LEVELS[i : j + 1])


def root_disc(root: int) -> str:
    """The disc level whose foramen cervical root `root` exits: C(n+1) at Cn-C(n+1), C8 at
    C7-T1."""
    return "C7-T1" if root == 8 else f"C{root - 1}-C{root}"


def _overlaps(found: list[LevelMention], start: int, end: int) -> bool:
    """A mention already found overlaps the characters [start, end)."""
    return any(r.start < end and start < r.end for r in found)


def _pair_chain(text: str, end: int) -> list[LevelMention]:
    """Discs named by digits alone after a cervical level ("C5-6/6-7": C6-C7 as well)."""
    out = []
    while (chain := _PAIR_CHAIN_RE.match(text, end)) is not None:
        level = _cervical_disc(int(chain.group("an")), chain.group("bn").upper())
        if level is None:
            break
        out.append(LevelMention(chain.start("an"), chain.end("bn"), (level,), "disc"))
        end = chain.end()
    return out


_SEQUENCE_AFTER_RE = re.compile(
    r"\s*(?:/|,|and)\s*(?:stir|flair|gre|t2\*?|t1|pd|dwi|swi|fs|fat|post|gad|mpr|tse|fse)\b|"
    r"\s*-?\s*(?:weighted|w\b|images?|sequences?)",
    re.IGNORECASE,
)
_SEQUENCE_BEFORE_RE = re.compile(
    r"\b(?:sag|sagittal|ax|axial|cor|coronal|stir)\s*[/,]?\s*$", re.IGNORECASE
)


def _is_sequence_list(text: str, m: re.Match[str]) -> bool:
    """ "T1/T2" that lists MRI sequences ("Sag T1/T2/STIR", "axial T2/T1 images"), not the
    T1-T2 disc."""
    found = m.group(0).upper().replace(" ", "")
    if found not in ("T1/T2", "T2/T1", "T1,T2", "T2,T1"):
        return False
    return bool(
        _SEQUENCE_AFTER_RE.match(text, m.end())
        or _SEQUENCE_BEFORE_RE.search(text[max(0, m.start() - 12) : m.start()])
    )


def find_levels(text: str) -> tuple[LevelMention, ...]:
    """All level mentions in ``text``, ranges merged ("C4-5 through C6-7" -> one mention)."""
    return tuple(_find(text))


def _find(text: str) -> list[LevelMention]:
    raw: list[LevelMention] = []
    pos = 0
    while (m := _LEVEL_RE.search(text, pos)) is not None:
        parsed = _parse(m)
        # no level ("foramina R0 L0\n - C3-4"): look again from the next character, so that
        # a level inside what was matched is found
        pos = m.end() if parsed is not None else m.start() + 1
        if parsed is None:
            continue
        levels, kind = parsed
        end = m.end()
        if _is_sequence_list(text, m):
            continue  # "Sag T1/T2/STIR": MRI sequences, not the T1-T2 disc
        if kind == "disc":
            # "C5/6/7": the next vertebra chained on names the next disc too
            while (chain := _CHAIN_RE.match(text, end)) is not None:
                last = levels[-1].split("-")[1]
                k = _VERT_INDEX[last] + 1
                nxt = _VERTEBRAE[k] if k < len(_VERTEBRAE) else None
                if nxt is None or chain.group(1).upper() not in (nxt, nxt[1:]):
                    break
                levels = (*levels, f"{last}-{nxt}")
                end, kind = chain.end(), "range"
        raw.append(LevelMention(m.start(), end, levels, kind))
        if levels[-1] in CERVICAL_LEVELS:
            raw.extend(_pair_chain(text, end))
    compact = [(m, m.start(), m.end()) for m in _COMPACT_RE.finditer(text)]
    lumbar = bool(_LUMBAR_RE.search(text))
    if not lumbar:
        compact += [(m, m.start("an"), m.end("bn")) for m in _BARE_HEADER_RE.finditer(text)]
    # a spoken level ("see 5-6" only where no lumbar level is named; "C five six" anywhere)
    compact += [
        (m, m.start(), m.end("bn"))
        for m in _HEARD_LEVEL_RE.finditer(text)
        if not (lumbar and m.group(0)[:1].lower() == "s")
    ]
    for m, start, end in compact:
        groups = m.groupdict()
        a_raw = groups.get("an2") or groups.get("an3") or groups.get("an4") or m.group("an")
        an = _NUMBER_WORDS.get(a_raw.lower(), a_raw)
        b_raw = "".join(m.group("bn").split())  # "T 1" -> "T1"
        bn = _NUMBER_WORDS.get(b_raw.lower(), b_raw)
        level = _cervical_disc(int(an), bn.upper())
        if level and not _overlaps(raw, start, end):
            raw.append(LevelMention(start, end, (level,), "disc"))
    for m in _VPAIR_RE.finditer(text):
        if not (m.group("between") or m.group("noun")):
            continue  # "C5 and C6 vertebral bodies" names two vertebrae, not a disc
        if _overlaps(raw, m.start(), m.end()):
            continue
        ra = _norm_region(m.group("ar"))
        rb = _norm_region(m.group("br")) if m.group("br") else ra
        a, b = _vertebra(ra, int(m.group("an"))), _vertebra(rb, int(m.group("bn")))
        if a is not None and b is not None and _VERT_INDEX[b] == _VERT_INDEX[a] + 1:
            raw.append(LevelMention(m.start("ar"), m.end("bn"), (f"{a}-{b}",), "disc"))
    for m in _ORDINAL_RE.finditer(text):
        if _overlaps(raw, m.start(), m.end()):
            continue
        a = _ORDINALS[m.group("a").lower()]
        if m.group("t"):
            level = "C7-T1" if a == 7 else None
        else:
            b = _ORDINALS[(m.group("b") or m.group("b2")).lower()]
            level = f"C{a}-C{b}" if b == a + 1 else None
        if level:
            raw.append(LevelMention(m.start(), m.end(), (level,), "disc"))
    for m in _ROMAN_LEVEL_RE.finditer(text):
        if _overlaps(raw, m.start(), m.end()):
            continue
        ra = _norm_region(m.group("ar"))
        rb = _norm_region(m.group("br")) if m.group("br") else ra
        a, b = _vertebra(ra, _ROMAN[m.group("a")]), _vertebra(rb, _ROMAN[m.group("b")])
        if a is None or b is None or not 0 < _VERT_INDEX[b] - _VERT_INDEX[a] <= 7:
            continue
        discs = tuple(
            f"{_VERTEBRAE[i]}-{_VERTEBRAE[i + 1]}" for i in range(_VERT_INDEX[a], _VERT_INDEX[b])
        )
        raw.append(LevelMention(m.start(), m.end(), discs, "disc" if len(discs) == 1 else "span"))
    for m in _ROOT_FORAMEN_RE.finditer(text):
        if _overlaps(raw, m.start(), m.end()):
            continue
        raw.append(LevelMention(m.start(), m.end(), (root_disc(int(m.group("n"))),), "disc"))
    for m in _FORAMEN_OF_ROOTS_RE.finditer(text):
        for r in _ROOT_IN_LIST_RE.finditer(m.group("roots")):
            start, end = m.start("roots") + r.start(), m.start("roots") + r.end()
            if _overlaps(raw, start, end):
                continue
            raw.append(LevelMention(start, end, (root_disc(int(r.group("n"))),), "disc"))
    for m in _VSPAN_RE.finditer(text):
        if _overlaps(raw, m.start(), m.end()):
            continue
        # a span written in words may be long ("a syrinx from C3 to T6")
        parsed = _parse(m, max_span=len(_VERTEBRAE))
        if parsed is not None:
            # "from C4 to C7": the discs between; "from C5 to C6": the one disc between
            raw.append(LevelMention(m.start(), m.end(), parsed[0], parsed[1]))
    raw.sort(key=lambda r: r.start)
    merged: list[LevelMention] = []
    i = 0
    while i < len(raw):
        cur = raw[i]
        if i + 1 < len(raw):
            nxt = raw[i + 1]
            between = text[cur.end : nxt.start]
            if (cur.kind == "disc" and nxt.kind == "disc" and _RANGE_JOIN_RE.match(between)) or (
                cur.kind == "disc"
                and nxt.kind == "disc"
                and between.strip().lower() in ("-", "–", "—", "to")
                and _RANGE_FROM_RE.search(text[max(0, cur.start - 12) : cur.start])
            ):
                merged.append(
                    LevelMention(
                        cur.start, nxt.end, level_range(cur.levels[0], nxt.levels[-1]), "range"
                    )
                )
                i += 2
                continue
        merged.append(cur)
        i += 1
    return merged


class LevelTagger:
    """spaCy component: writes level mentions to ``doc.spans["foramen_levels"]``."""

    def __init__(self, nlp: Language, name: str = "foramen_levels") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for mention in _find(doc_text(doc)):
            span = doc.char_span(mention.start, mention.end, label="LEVEL", alignment_mode="expand")
            if span is None:
                continue
            span.id_ = "|".join(mention.levels)
            span.kb_id_ = mention.kind  # "disc" | "span" (vertebral span) | "range"
            spans.append(span)
        doc.spans[LEVELS_KEY] = spans
        return doc


@Language.factory("foramen_levels")
def make_level_tagger(nlp: Language, name: str) -> LevelTagger:
    return LevelTagger(nlp, name=name)
