"""Report-aware sentence segmentation (the `foramen_segmenter` component).

Radiology reports are laid out in lines, level headers ("C5-C6:") and numbered impression items far
more than in prose sentences, so boundaries come from the layout: line breaks (except dictation
line-wraps, where a line without end punctuation continues in lower case or after a word that
cannot end a sentence), sentence-final
punctuation, inline level headers, and inline numbered items. Boundaries are computed on the text
with regular expressions and written to the Doc in one array operation.
"""

import re
from bisect import bisect_left

import numpy as np
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

# A dictation artefact: a sentence glued to the next ("narrowing.Right foramen",
# "narrowing.C6-7: ..."), in capitals too before a level ("CALIBER.C2-C3: NO DISC HERNIATION").
_GLUED_END_RE = re.compile(r"(?<=[a-z]{2}[.;])(?=[A-Z][a-z]|[CTL]\d)|(?<=[A-Z]{2}[.;])(?=[CTL]\d)")
# End of a sentence inside a line: . ! ? followed by space and a non-space character.
_SENT_END_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=\S)")
# a dot leader between a label and its value: four dots or more, or three after a space
_DOT_LEADER_RE = re.compile(r"(?:\.{4,}|(?<=\s)\.{3})$")
# Words whose trailing period does not end a sentence.
_ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "vs", "approx", "dr", "no", "fig", "etc", "cf", "incl", "mr", "mrs", "ms", "st"}
    | {"al"}  # "Park et al. (0 - none, ...)"
    | {"n.f"}  # "C5-C6 N.F. are patent" (neural foramina)
)
# Side abbreviations ("severe Lt. neural foraminal stenosis"): not an end before a lower-case
# word or an abbreviation of the foramen ("Rt. NF stenosis"); an end before a new sentence.
_SIDE_ABBREVIATIONS = frozenset({"lt", "rt", "bilat", "bil", "li", "re", "bds", "l", "sin", "dx"})
# ... nor before a level that closes its phrase ("NFS bds. C5/6.", "NFS li. HWK 6/7,"); a level
# that opens a statement of its own starts a sentence ("mildly dx. C6-C7 slightly narrowed")
_AFTER_SIDE_ABBREVIATION_RE = re.compile(
    r"\s*(?:[a-z(/,;<>=]|NFN?S?\b|IVF|(?:C|HWK|Th)\s?\d\s*[-/]\s*(?:C|Th|BWK)?\s?\d{1,2}"
    # ... or before a level that premodifies the foramen ("Mild Rt. C6-7 foraminal stenosis")
    r"\s*(?:[.,;]|$|\s+(?:and|und)\b|\s+(?:neural\s+|exit\s+|intervertebral\s+)?[Ff]oram))"
)
# An inline level header ("... normal. C6-7: ...", "...; C6-C7: ...") or numbered item ("2. ").
_INLINE_BREAK_RE = re.compile(
    r"(?<=[\s;,.])(?<!left\s)(?<!right\s)(?<!lt\s)(?<!rt\s)"
    r"(?=(?:C|T|L|HWK|BWK)\s?\d{1,2}\s*[-–/~]\s*(?:C|T|L|BWK)?\s?\d{1,2}\s*(?:level)?\s*:)"
    # ... spoken without its hyphen ("... foraminal narrowing C 6 7: Large disc ...")
    r"|(?<=\s)(?=C\s?[1-7]\s[2-7]\s*:)"
    # a numbered item, not the number of a grade or type ("mild (grade 1) right ...")
    r"|(?<=\s)(?<!grade\s)(?<!type\s)(?<!stage\s)(?<!class\s)"
    # ... nor a value after a structure's label ("C3-C4 - canal: 1. Foramina: R 1 / L 1.")
    r"(?<!canal:\s)(?<!foramen:\s)(?<!foramina:\s)(?<!left:\s)(?<!right:\s)(?<!grade:\s)"
    r"(?=\d{1,2}[.)]\s+[A-Za-z])"
    # ... after a word: a number ending its sentence ("C4-5: left 3, right 1. Large ...")
    r"(?<![A-Za-z]\s)",
    re.IGNORECASE,
)
# "C2-3 through C4-5:", "C2-3 and C3-4:" — a level list or range, not a new header.
_LIST_JOIN_RE = re.compile(
    r"(?:\d\s*[,&]?\s*(?:through|thru|to|and|&|,|-|–|~)?|\b(?:at|of|from|in|on|the|to|through))\s*$",
    re.IGNORECASE,
)
_INLINE_BULLET_RE = re.compile(r"(?<=\S[ \t])[•·▪●◦‣][ \t]+(?=\S)")
# Labelled fields of a template kept on one line and parted by a slash or bar ("Central canal:
# patent / Right foramen: mild / Left foramen: patent"): each field is a segment of its own.
# a field after a separator, or after a column gap ("C4-C5   Disc: bulge   Canal: normal")
_INLINE_FIELD_RE = re.compile(
    r"(?<=\S[ \t])[/|][ \t]+(?=[A-Za-z][A-Za-z .-]{0,30}:)"
    r"|(?<=\S)(?: {3,}|\t+)(?!(?:narrow|stenos|mild|moderate|severe|normal|patent)\w*:)"
    r"(?=[A-Za-z][A-Za-z-]{0,20}(?: [A-Za-z-]{1,20}){0,2}(?: ?\([A-Za-z /,]{1,10}\))?[ \t]*:)"
    # ... or a level after a column gap ("C4-C5 [X] none   C5-C6 [X] mild")
    r"|(?<=\S)(?: {3,}|\t+)(?=[Cc]\d{1,2}\s*[-/]\s*(?:[CcTt])?\d{1,2}\b)"
)
_LINE_RE = re.compile(r"[^\n]*(?:\n|$)")
# a line that opens with a field label followed by its value ("Foraminal, left:   [x] Mild")
_FIELD_LINE_RE = re.compile(r"[A-Za-z][A-Za-z ,/()-]{0,30}:[ \t]+\S")
_LEVEL_LINE_RE = re.compile(
    r"(?:at\s+)?(?:c|hwk)\s?\d{1,2}\s*[-–/~]?\s*(?:c|t|bwk)?\s?\d{1,2}\b", re.I
)
# a level as speech recognition hears it opening a line ("see 4 5 mild disc bulge")
_HEARD_LEVEL_LINE_RE = re.compile(r"(?:see|sea)\s+[2-7]\s*[-/]?\s*(?:[3-7]|t\s?1)\b", re.I)
_LEVEL_HEADER_LINE_RE = re.compile(_LEVEL_LINE_RE.pattern + r"\s*(?:level)?\s*:", re.I)
_LINE_END_PUNCT = frozenset(".:;!?")
# A line-wrap in any case: the line ends on a word that cannot end a sentence ("... WITH", "of
# the"), or a grade or side runs on into the anchor it qualifies ("SEVERE LEFT AND MODERATE
# RIGHT\nFORAMINAL STENOSIS AT C5-6").
_JOINING_END_RE = re.compile(
    r"\b(?:and|or|with|of|the|a|an|to|at|in|on|by|from|for|which|that|resulting|causing|"
    r"producing|there\s+is|there\s+are)\s*$",
    re.IGNORECASE,
)
# a line that opens with the rest of the levels ("other levels nl") is a statement of its own
_REST_OF_LEVELS_LINE_RE = re.compile(
    r"(?:the\s+)?(?:remaining|other|rest\s+of\s+the)\s+(?:cervical\s+)?(?:levels|segments)\b",
    re.I,
)
# a level line that ends calling the level normal ("C7-T1 unremark", "C2-3 C3-4 nl", "other
# levels nl") is a whole statement: a lower-case line after it is a new one
_NORMAL_LEVEL_LINE_RE = re.compile(
    rf"(?:{_LEVEL_LINE_RE.pattern}|{_REST_OF_LEVELS_LINE_RE.pattern})"
    r"(?:\s*:)?[^.;:]*\b(?:normal|nl|unremarkable|unremark|neg|negative|wnl|patent)\s*$",
    re.I,
)
_QUALIFIER_END_RE = re.compile(
    r"\b(?:left|right|bilateral|mild|moderate|severe|marked|minimal)\s*$", re.IGNORECASE
)
_ANCHOR_START_RE = re.compile(
    r"(?:neural|neuro|foramin|canal|central|spinal|narrow|stenosis|encroach)\w*\b(?!\s*:)",
    re.IGNORECASE,
)
# ... a grade or side dangles only when its line has no anchor of its own ("Foramina mild right")
_ANCHOR_WORD_RE = re.compile(r"\b(?:neural|neuro|foramin|canal|narrow|stenos|encroach)", re.I)


def _last_sentence(line: str) -> str:
    cut = max(line.rfind(". "), line.rfind("; "), line.rfind(": "))
    return line[cut + 1 :]


# A line that opens a new item whatever the line before ends with: a label ("Foramina:"), a
# numbered item, a level header
_NEW_ITEM_RE = re.compile(r"[A-Za-z][\w /&-]{0,30}:|\d{1,2}[.)]\s|[-*•]\s", re.IGNORECASE)
# A wrapped line may open with the measurement its sentence was giving ("AP diameter\n8 mm.").
_MEASUREMENT_LINE_RE = re.compile(r"\d+(?:\.\d+)?\s*(?:mm|cm|millimet|centimet)", re.I)


def _is_abbreviation_end(text: str, period_at: int) -> bool:
    start = period_at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:period_at].lower().strip("(\"'")
    if word.isdigit():
        # a list marker ("1. Mild ...", "IMPRESSION: 2. ..."), not a number ending a sentence
        # ("... R grade 0. Canal patent.")
        before = text[:start].rstrip()
        return not before or before[-1] in ":.;"
    if word in _SIDE_ABBREVIATIONS:
        return bool(_AFTER_SIDE_ABBREVIATION_RE.match(text, period_at + 1))
    return word in _ABBREVIATIONS


def boundary_offsets(text: str) -> list[int]:
    """Character offsets where a segment starts (always includes the first non-space char)."""
    starts: list[int] = []
    prev_line_continues = False
    prev_line = ""
    for m in _LINE_RE.finditer(text):
        line = m.group(0)
        if not line:
            break
        stripped = line.strip()
        if not stripped:
            prev_line_continues = False
            continue
        first = m.start() + (len(line) - len(line.lstrip()))
        # a dictation line-wrap continues in lower case or with a measurement, but a line that
        # opens with a level ("c4-5 disc bulge ...") starts a new segment even in an
        # all-lower-case report
        wrapped = prev_line_continues and (
            (
                stripped[0].islower()
                and not _LEVEL_LINE_RE.match(stripped)
                and not _HEARD_LEVEL_LINE_RE.match(stripped)
                and not (
                    _NORMAL_LEVEL_LINE_RE.match(re.split(r"[.;]\s", prev_line)[-1])
                    and stripped.split()[0].lower() not in _CLAUSE_JOINERS
                )
                and not _REST_OF_LEVELS_LINE_RE.match(stripped)
            )
            or _MEASUREMENT_LINE_RE.match(stripped)
            or (
                not _NEW_ITEM_RE.match(stripped)
                and not _LEVEL_HEADER_LINE_RE.match(stripped)
                # "Foraminal, left:  [ ] None  [x] Mild" after a pick-list line: a field
                and not _FIELD_LINE_RE.match(stripped)
                and (
                    # "... At\nC6-7 there is ...", but not "c4-5 disc bulge" after a level line
                    _JOINING_END_RE.search(prev_line)
                    or (
                        _QUALIFIER_END_RE.search(prev_line)
                        and not _ANCHOR_WORD_RE.search(_last_sentence(prev_line))
                        and _ANCHOR_START_RE.match(stripped)
                    )
                )
            )
        )
        if not wrapped:
            starts.append(first)
        body = line.rstrip()
        for sm in _SENT_END_RE.finditer(body):
            period_at = sm.start() - 1
            while period_at > 0 and body[period_at] in "\"')]":
                period_at -= 1
            if body[period_at] == "." and _is_abbreviation_end(body, period_at):
                continue
            if _DOT_LEADER_RE.search(body, 0, period_at + 1):
                continue  # "C2-C3 ........ Normal": dots leading to the value
            starts.append(m.start() + sm.end())
        for gm in _GLUED_END_RE.finditer(body):
            starts.append(m.start() + gm.start())
        for im in _INLINE_BREAK_RE.finditer(body):
            if im.start() > 0 and not _LIST_JOIN_RE.search(body[: im.start()]):
                head = body[: im.start()]
                if head.count("(") > head.count(")"):
                    continue  # "(image 12) and": a number inside brackets, not an item
                starts.append(m.start() + im.start())
        for fm in _INLINE_FIELD_RE.finditer(body):
            starts.append(m.start() + fm.end())
        for seg_start, seg_end in _unpunctuated_runs(body) if len(body) > 200 else ():
            # "... C2-C3 C3-C4 unremarkable C4-C5 mild disc bulge foramina patent C5-C6 disc
            # osteophyte complex ...": a run of dictation with no sentence punctuation opens
            # each level's statement with the level, unless a word joins it to what precedes
            opening_ends = set()  # ends of the levels that open a statement
            for lm in _RUN_ON_LEVEL_RE.finditer(body, seg_start, seg_end):
                before = body[seg_start : lm.start()].split()
                # "C2-C3 C3-C4 unremarkable": a list of levels after an opening level
                listed = any(0 < lm.start() - e <= 2 for e in opening_ends)
                if not before or (before[-1].lower() not in _LEVEL_JOINERS and not listed):
                    if before:
                        starts.append(m.start() + lm.start())
                    opening_ends.add(lm.end())
                elif listed:
                    opening_ends.add(lm.end())
            # "... no marrow abnormality at C5 6 there is right uncovertebral hypertrophy":
            # "there is", "the remaining levels" and "impression" open a statement
            for tm in _STATEMENT_OPENER_RE.finditer(body, seg_start, seg_end):
                # "... at C5 6 there is ...": the level opens the statement with it
                lead = _AT_LEVEL_END_RE.search(body, seg_start, tm.start())
                starts.append(m.start() + (lead.start() if lead else tm.start()))
        for cm in _CLAUSE_SUBJECT_RE.finditer(body):
            # "... compression of the exiting left C6 nerve root the right exit foramen is
            # mildly narrowed": a structure that is the subject of its own clause, run on
            # after a word that does not lead into it, opens a statement
            clause = _LAST_CLAUSE_RE.search(body, 0, cm.start())
            before = clause.group(0).split() if clause else []
            if (
                before
                and before[-1].isalpha()
                and before[-1].lower() not in _CLAUSE_JOINERS
                and _STATED_RE.search(clause.group(0))
            ):
                starts.append(m.start() + cm.start())
        for lm in _NORMAL_THEN_LEVEL_RE.finditer(body):
            starts.append(m.start() + lm.start("level"))
        for gm in _NONE_THEN_GRADE_RE.finditer(body):
            # "... the left is patent moderate canal stenosis": a grade right after a word
            # that calls something normal opens the next statement
            starts.append(m.start() + gm.start("grade"))
        for bm in _INLINE_BULLET_RE.finditer(body):
            # "... normal • C3-4: normal • IMPRESSION: ...": a bullet inside a line (a list
            # flattened onto one line) is a segment of its own before the next item
            starts.extend((m.start() + bm.start(), m.start() + bm.end()))
        prev_line_continues = stripped[-1] not in _LINE_END_PUNCT
        prev_line = stripped
    return _split_long_segments(text, sorted(set(starts)))


# A level in an unpunctuated dictation ("C4-C5", "C4/5", "C 5 6", "C five six")
_RUN_ON_LEVEL_RE = re.compile(
    r"(?<![\w/-])C\s?[1-7]\s*[-/]\s*(?:C|T)?\s?[1-7]\b"
    r"|(?<![\w/-])C[1-7]\s(?:[2-7]|T1)\b"  # "C5 6"
    r"|(?<![\w/-])C\s?[1-7][2-7]\b"  # "C 56"
    r"|(?<![\w/-])C\s?[1-7]\s[CT]\s?[1-7]\b"  # "C5 C6", "C 7 T 1"
    r"|(?<![\w/-])C\s?(?:[1-7]|two|three|four|five|six|seven)\s(?:C\s|T\s)?"
    r"(?:three|four|five|six|seven|one)\b",
    re.IGNORECASE,
)
_STATEMENT_OPENER_RE = re.compile(
    r"(?<=\s)(?:there\s+(?:is|are)|impression|conclusion|opinion|"
    r"(?:the\s+)?(?:remaining|other)\s+(?:cervical\s+)?levels)\b",
    re.IGNORECASE,
)
_CLAUSE_SUBJECT_RE = re.compile(
    r"(?<=\s)the\s+(?:(?:right|left|write|lift)\s+)?(?:(?:neural|exit|spinal|central)\s+)?"
    r"(?:foramen|foramina|neuroforamen|neuroforamina|canal|cord"
    # ... as speech recognition hears the foramina ("the neural for Amina are")
    r"|for\s+amina|for\s+a\s+mina|fora\s+mina|for\s+a\s+men(?:\s+a)?)\s+(?:is|are)\b"
    # ... or the other side alone: "the right foramen is mildly narrowed the left is patent"
    r"|(?<=\s)the\s+(?:right|left|write|lift)\s+(?:one\s+)?is\b",
    re.IGNORECASE,
)
# "C2-3 nl C3-4 nl C7-T1 nl": a level right after a word that calls the one before normal
# opens its own statement
_NORMAL_THEN_LEVEL_RE = re.compile(
    r"(?<=\s)(?:nl|normal|unremarkable|unremark|neg|negative|wnl)\s+"
    r"(?P<level>C\s?[1-7]\s*[-/]\s*(?:C|T)?\s?[1-7]\b)",
    re.IGNORECASE,
)
_NONE_THEN_GRADE_RE = re.compile(
    r"(?<=\s)(?:patent|normal|unremarkable|unremark)\s+"
    r"(?P<grade>(?:mild|mildly|moderate|moderately|severe|severely|marked|markedly|minimal)\b)",
    re.IGNORECASE,
)
# the words since the last punctuation mark
_LAST_CLAUSE_RE = re.compile(r"[^.,;:!?()]*$")
# ... and whether they state a finding already ("At the remaining levels the foramina are
# patent" is one clause)
_STATED_RE = re.compile(
    r"\b(?:narrow\w*|stenos[ie]s|stenotic|compress\w*|protrusion|bulge|osteophytes?|"
    r"hypertrophy|complex|herniation|extrusion|spurs?|spurring|normal|patent|unremarkable|unremark|"
    r"preserved|effac\w*|imping\w*|encroach\w*|root|signal)\b",
    re.IGNORECASE,
)
# words after which such a clause continues the one before ("and the canal is patent")
_CLAUSE_JOINERS = frozenset(
    {
        "and", "or", "nor", "but", "whereas", "while", "whilst", "where", "that", "which",
        "with", "of", "at", "in", "on", "to", "by", "from", "as", "because", "since", "than",
        "if", "when", "although", "though", "so", "however", "also", "then", "both", "all",
        "is", "are", "was", "were", "not", "only", "thus", "hence", "therefore",
    }
)  # fmt: skip
_AT_LEVEL_END_RE = re.compile(
    r"\bat\s+(?:the\s+)?(?:C|see|sea)\s?(?:[1-7]|two|three|four|five|six|seven)\s*[-/]?\s*(?:C|T)?\s?"
    r"(?:[1-7]|one|two|three|four|five|six|seven)\s+$",
    re.IGNORECASE,
)
# words that join a level to what precedes it ("at C5-6", "C4-5 and C5-6", "from C3 to C6")
_LEVEL_JOINERS = frozenset(
    {
        "at",
        "and",
        "or",
        "to",
        "through",
        "thru",
        "from",
        "of",
        "in",
        "on",
        "between",
        "including",
        "&",
        "-",
        "–",
        "than",
        "above",
        "below",
        "level",
        "with",
        "vs",
        "into",
        # premodifiers of a level ("the left C7/T1 exit foramen", "severe C5-6 stenosis")
        "left",
        "right",
        "bilateral",
        "lt",
        "rt",
        "mild",
        "moderate",
        "severe",
        "minimal",
        "marked",
        "mildly",
        "moderately",
        "severely",
    }
)


def _unpunctuated_runs(line: str) -> list[tuple[int, int]]:
    """Stretches of a line of 30 words or more with no punctuation at all."""
    out = []
    pos = 0
    for piece in re.split(r"(?<=[.;:!?])\s+", line):
        start = line.find(piece, pos)
        pos = start + len(piece)
        if len(piece.split()) >= 30 and "," not in piece:
            out.append((start, pos))
    return out


# No real sentence is this long; splitting longer runs (at a comma or semicolon, else a space)
# keeps the per-sentence work of ConText and the finding builder bounded, so that a report with
# no sentence punctuation costs time in proportion to its length.
MAX_SEGMENT_CHARS = 1000
_SOFT_BREAK_RE = re.compile(r"[,;]\s+|\s+")


def _split_long_segments(text: str, starts: list[int]) -> list[int]:
    out = list(starts)
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        pos = a
        while b - pos > MAX_SEGMENT_CHARS:
            lo, hi = pos + MAX_SEGMENT_CHARS // 2, pos + MAX_SEGMENT_CHARS
            breaks = list(_SOFT_BREAK_RE.finditer(text, lo, hi))
            clause_cuts = [m.end() for m in breaks if m.group(0)[0] in ",;"]
            cut = (clause_cuts or [m.end() for m in breaks] or [hi])[-1]
            out.append(cut)
            pos = cut
    return sorted(set(out)) if len(out) != len(starts) else starts


TEXT_KEY = "foramen_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc (spaCy joins every token's text on each access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


class Segmenter:
    """spaCy component: sets sentence starts from report layout."""

    def __init__(self, nlp: Language, name: str = "foramen_segmenter") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        token_starts = doc.to_array([IDX]).ravel().tolist()
        sent_starts = np.full((n, 1), -1, dtype="int32")
        sent_starts[0, 0] = 1
        for offset in boundary_offsets(doc_text(doc)):
            i = bisect_left(token_starts, offset)
            if i < n:
                sent_starts[i, 0] = 1
        doc.from_array([SENT_START], sent_starts.astype("uint64"))
        return doc


@Language.factory("foramen_segmenter")
def make_segmenter(nlp: Language, name: str) -> Segmenter:
    return Segmenter(nlp, name=name)
