"""From an annotated Doc to plain findings.

Each target (a finding anchor from the TargetMatcher) owns a *frame*: the tokens of its sentence up
to the neighbouring anchors (other targets and other findings such as "disc bulge", which take their
own adjectives). Severity, side and level mentions inside the frame are paired in order, so
"moderate right and severe left foraminal narrowing" gives two findings and "severe on the left at
C5-6 and moderate on the right at C6-7" gives two findings at two levels. Levels missing from the
frame come from the sentence, then from the level header whose scope the sentence is in.
Negation, uncertainty, history and change come from ConText on the target.

The output is a list of plain `Finding` models: nothing downstream needs spaCy.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .levels import DISC_LEVELS, LEVELS_KEY, region_of, root_disc
from .pipeline import LEXICON_KEY, TARGETS_KEY
from .scales import parse_scale
from .schema import SEVERITY_RANK, Finding
from .segmenter import doc_text
from .tables import read_side_pairs, read_tables

# Sections whose statements are about the current study.
REPORTABLE_SECTIONS = frozenset({None, "findings", "impression", "addendum"})
SECTION_NAMES = {
    None: None,
    "exam": "EXAM",
    "history": "CLINICAL HISTORY",
    "technique": "TECHNIQUE",
    "comparison": "COMPARISON",
    "findings": "FINDINGS",
    "impression": "IMPRESSION",
    "addendum": "ADDENDUM",
}

_COPULAS = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "appears",
        "appear",
        "seems",
        "seem",
        "remains",
        "remain",
        "measures",
        "measure",
        ":",
        "-",
        "–",
        "being",
        "looks",
        "look",
        "becomes",
        "now",
        "may",
        "might",
        "could",
        "can",
        "would",
        "should",
        "must",
        "has",
        "have",
        "had",
    }
)
_COORDINATORS = frozenset(
    {"and", "with", ",", ";", "but", "while", "whereas", "also", "as", "plus"}
)
_LOCAL_NEGATORS = frozenset({"no", "without", "not", "nor", "negative", "absent", "w/o"})
_NORMAL_WORDS = frozenset(
    {"normal", "unremarkable", "unremark", "inconspicuous", "preserved", "maintained", "nl", "nml"}
)
_PLURAL_FORAMEN_RE = re.compile(
    # with the dictation garbles of "foramina" ("for a mina", "forearm in a")
    # "NFs" is the plural of NF; "NFS" is (German-style) neuroforaminal stenosis
    r"(foramina|foramens|foraminae|(?-i:NFs|nfs)|nfns|foramenae|mina|amina|forearm in a|men a|"
    r"min a|from in a|"
    r"spaces|canals|openings)\b",
    re.I,
)
_LEVEL_OPENING_RE = re.compile(
    r"^(?:at\s+)?(?:the\s+)?(?:C|T|L|HWK|BWK)\s?\d{1,2}\s*[-–/~]\s*(?:C|T|L|BWK)?\s?\d{1,2}", re.I
)
_STRUCTURE_WORD_RE = re.compile(r"foram|canal", re.I)
# a side heading alone on its line, over level lines ("Left -", "RIGHT SIDE:", "Right foramina:",
# "Neural foramina, right:")
_SIDE_HEADING_RE = re.compile(
    r"^\s*(?:[-•*]\s*)?(?:(?P<side>right|left|rt|lt)\.?(?:\s+side)?"
    r"(?:\s+(?:neural\s+|exit\s+)*foram\w*)?"
    r"|(?:(?:neural|exit)\s+)*foram\w*\s*[,(\-–]?\s*(?P<side2>right|left|rt|lt)\.?(?:\s+side)?\)?)"
    r"\s*[:\-–—]?\s*$",
    re.I,
)
_FORAMEN_WORD_RE = re.compile(r"foram", re.I)
_LEVEL_ANYWHERE_RE = re.compile(r"\b(?:C|T)\s?\d{1,2}\s*[-–/]\s*(?:C|T)?\s?\d{1,2}\b", re.I)
# words of a line that speaks of another structure or side than a side heading's foramina
_OTHER_STRUCTURE_RE = re.compile(r"\b(?:canal|cord|left|right|lt|rt|bilateral\w*)\b", re.I)
# a bullet and a side before the level of an entry ("- Left C6-7: severe")
_LINE_LEAD_RE = re.compile(r"^(?:[-•*·]\s*)?(?:(?:left|right|lt|rt|l|r)\.?\s+)?", re.I)
_BLANK_LINE_RE = re.compile(r"\n[ \t\r]*\n")
# The sentence that usually opens the findings of a report ("Normal alignment and vertebral body
# height.", "No fracture or marrow oedema.", "Alignment is maintained.")
_BODY_OPENER_RE = re.compile(
    r"^(?:(?:normal|preserved|maintained|straightening\s+of(?:\s+the)?|reversal\s+of(?:\s+the)?|"
    r"loss\s+of(?:\s+the)?)\s+)?(?:the\s+)?(?:cervical\s+)?(?:alignment|lordosis|"
    r"vertebral\s+bod(?:y|ies)|(?:bone\s+)?marrow\s+signal)\b"
    r"|^no\s+(?:acute\s+)?(?:fracture|listhesis|subluxation|malalignment)\b"
    # "There is multilevel cervical spondylosis.", "At C3-4 there is a disc osteophyte complex"
    r"|^(?:there\s+(?:is|are)\s+)?(?:mild\s+|moderate\s+|advanced\s+)?multi-?level\s+"
    r"(?:cervical\s+)?(?:spondylosis|degenerat)"
    r"|^at\s+(?:the\s+)?c\d\s*[-/]\s*(?:c|t)?\d\b[^.]*\bthere\s+(?:is|are)\b"
    # "There is a left foraminal disc protrusion at C5/6 which narrows ...": an image described
    r"|^there\s+(?:is|are)\s+(?:an?\s+)?(?:[a-z-]+\s+){0,3}(?:disc|disk|uncovertebral|facet|"
    r"osteophyt|protrusion|bulge|herniation|extrusion|spondylo)"
    # "Straightening.", "Loss of lordosis."
    r"|^(?:straightening|reversal\s+of\s+(?:the\s+)?(?:cervical\s+)?lordosis|kyphosis)\b"
    # "C5/6 broad disc bulge with ... foraminal stenosis": a level described on the images
    r"|^c\d\s*[-/]\s*(?:c|t)?\d\b[^.]{0,80}?\b(?:disc|disk|bulge|protrusion|osteophyt|"
    r"uncovertebral|foramin|canal|stenosis|narrowing)",
    re.I,
)
# the value of a field left empty ("Comparison: None.", "Prior studies: N/A.")
_EMPTY_FIELD_RE = re.compile(
    r"^(?:none|nil|n/?a|not\s+available|unavailable|no\s+(?:prior|previous|comparison)"
    r"(?:\s+(?:studies|study|imaging|exams?|examinations?|films?))?(?:\s+available)?)"
    r"(?:\s+(?:available|for\s+comparison))?\s*[.;]?$",
    re.I,
)
# a comparison named in passing in a run-on paragraph ("Clinical: ... Comparison 03/2024.
# Further degeneration at C6/7 ..."): a field of its own, after which the body begins
_COMPARISON_FIELD_RE = re.compile(
    r"^(?:comparison|compared\s+(?:to|with)|prior(?:\s+(?:study|studies|imaging))?)\s*:?\s*"
    r"(?:(?:the|a|an|prior|previous|outside|earlier|mri|mr|ct|study|exam|examination|imaging|"
    r"radiographs?|x-?rays?|of|from|dated|on|in)\s+)*"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}[/.-]\d{4}|(?:[a-z]{3,9}\s+)?\d{4}|"
    # "History: neck pain. Comparison none. There is ..."
    r"none|nil|n/?a|not\s+available|no\s+prior(?:\s+(?:studies|study|imaging))?)"
    r"(?:\s+available)?\s*[.;]?$",
    re.I,
)
# words that may open a structure heading without its colon ("Neural exit foramina")
_HEADING_LEAD_WORDS = frozenset({"neural", "neuro", "the", "bony", "osseous", "spinal", "central"})
_HEADING_SIDE_WORDS = frozenset({"right", "left", "rt", "lt", "side", "sided", "-"})
_NARROWING_WORD_RE = re.compile(r"narrow|stenos|compromise|encroach|impinge", re.I)
# (letters of any alphabet: "Indicación:", "Befund:")
_HEADER_ONLY_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ /]){0,40}:$")


def _is_header_only(body: str) -> bool:
    return bool(_HEADER_ONLY_RE.match(body))


_SUBFIELD_RE = re.compile(r"^(?:[-*•]|[A-Za-z][A-Za-z /]{1,28}:)")
_LEVEL_HEADER_TAIL_RE = re.compile(
    # ... or the level cell of a table row ("| C3-C4 | Mild facet arthropathy. No stenosis. |")
    r"^\s*(?:disc|disk)?\s*(?:level|interspace|segment)?\s*(?::|-\s|–|—|\.|\|)",
    re.I,
)
# a level alone on its line ("C5-C6\n  Central canal: ...") heads the lines under it
_LEVEL_ALONE_TAIL_RE = re.compile(r"^[ \t]*(?:disc|disk)?[ \t]*(?:level)?[ \t]*(?:\r?\n|$)", re.I)
_LEVEL_NORMAL_RE = re.compile(
    # an optional list marker ("3. C2-3 and C3-4 are normal."), or the fields of an HL7 OBX
    # segment the text stands in ("OBX|8|TX|&GDT|1|C7-T1: No significant abnormality.||||||F")
    r"^\s*(?:\(?\d{1,2}[.)]\s|[•·*▪◦-]\s*|OBX\|\d+\|[A-Z]{2,3}\|[^|\n]*\|[^|\n]*\|)?"
    # a field label that does not name one structure ("Adjacent levels: C3-4 is unremarkable.")
    # (nor a side: "Left: patent at C2-3 through C7-T1" is the left foramina's)
    r"(?:(?![^:]*(?:canal|foram|cord|nf|stenosis|\b(?:left|right|lt|rt|bilateral)\b))"
    r"[A-Za-z][A-Za-z ]{0,30}:\s*)?"
    r"[\s:.\-–—,&/()|☑✓✔☒]*(?:(?:and|the|at|of|in|levels?|discs?|disks?|interspaces?|from|through|to|two|three|"
    r"both|upper|lower|highest|lowest|uppermost|lowermost|top|bottom|first|last|cervical|"
    r"segments?|findings|appearances?|"
    # after a correction of the level count: "The true C7/T1 level is normal."
    r"true|actual|real)"
    r"\b[\s:,.&/\-–—()]*)*"
    # "Rest of the levels explored without findings."
    r"(?:(?:explored|examined|studied|evaluated|visuali[sz]ed|imaged|assessed)\s+)?"
    # (twice over in unproofread dictation: "are are normal")
    r"(?:(?:is|are|appears?|looks?|shows?|demonstrates?|reveals?|has|have|with|there is|"
    r"there are|remains?)\s+){0,2}"
    r"(?:(?:unchanged|stable)\s+and\s+)?"
    r"(?:(?:essentially|grossly|otherwise|entirely|completely|also|likewise|similarly)\s+)?"
    r"(?:normal|unremarkable|unremark|inconspicuous|negative|neg|nl|wnl|ok|okay|satisfactory|"
    r"within normal limits|clear|regular|"
    r"patent|free|"
    # British shorthand: "NAD" (nothing abnormal detected), "nil of note"
    r"nad|nil of note|nothing abnormal(?:\s+(?:detected|seen))?|"
    # "C7-T1: nothing to report." (French-style English)
    r"nothing (?:to report|to note|of note|significant)|"
    # "C2/3: no remarkable finding." (East Asian English)
    r"no (?:remarkable|particular|specific) (?:findings?|abnormalit(?:y|ies)|changes?)|"
    r"without (?:significant\s+|relevant\s+|pathological\s+|special\s+)?"
    r"(?:findings|pathology|remarks?|features)|"
    # "C2-C3 and C3-C4: without alterations." (Spanish and Portuguese-style English)
    # ... but "no significant change" compares with a prior study
    r"(?:without|no)\s+(?:(?:significant|relevant|pathologic(?:al)?)\s+)?"
    r"(?:alterations?|peculiarit(?:y|ies)|particularit(?:y|ies))|"
    r"without\s+(?:(?:significant|relevant|pathologic(?:al)?)\s+)?changes|"
    r"no\s+(?:(?:relevant|pathologic(?:al)?)\s+)?changes|"
    # in the writer's own language: French, Spanish, Italian, Portuguese, German
    r"sans particularit[ée]s?|r\.?a\.?s\.?|rien [àa] signaler|sin alteraciones|sin hallazgos|"
    r"nella norma|senza alterazioni|"
    r"sem altera[çc][õo]es|unauff(?:[äa]|ae)llig|o\.\s?b\.|"
    r"(?:no|without)\s+(?:significant\s+|relevant\s+|obvious\s+|definite\s+)?"
    r"(?:abnormalit(?:y|ies)|findings?|pathology|disease)|"
    # machine-translated: "Remaining levels not see abnormal.", "no obvious abnormal"
    r"(?:not\s+(?:see|seen|found|show)\s+(?:any\s+|obvious\s+)?|no\s+obvious\s+|no\s+)abnormal)"
    r"(?:\s+(?:(?:is|are|was|were)\s+)?(?:seen|identified|noted|detected|demonstrated|found|observed))?"
    r"(?:\s+(?:appearances?|in appearance|findings?|conditions?))?"
    # "No significant abnormality at C2-3, C3-4 or C4-5." (the levels stand after)
    r"(?:\s+(?:at|in|of)(?:[\s,]+(?:the|levels?|and|or|to|through))*)?"
    r"(?:\s*,?\s*(?:unchanged|stable|again noted|as before|as previously))?"
    # "... are unremarkable, without significant spinal canal or neural foraminal narrowing."
    r"(?:\s*,?\s*(?:without|with\s+no|and\s+no|and\s+without)\s+(?:significant\s+|appreciable\s+)?"
    r"(?:(?:central|spinal)\s+)?(?:canal|stenosis|narrowing)[^.;]*)?"
    # a gloss in brackets, often in the writer's own language ("Unremarkable (特記事項なし).")
    r"(?:\s*\([^()]{1,40}\))?"
    # "Normal appearances elsewhere, including the cord."
    r"(?:\s*,?\s*including\s+[^.;]{1,60})?"
    # "C7-T1: Unremarkable within the limits of motion." (of the study, of this examination)
    r"(?:\s*,?\s*(?:within|given)\s+the\s+limit(?:s|ations)\s+of\s+[a-z ]{1,30})?"
    # "C3-4 and C4-5 are unremarkable on the sagittal images."
    r"(?:\s+(?:on|in)\s+(?:the\s+|this\s+)?(?:sagittal|axial|coronal|oblique|available|current|"
    r"reformatted|T2|T1)?\s*(?:images?|sequences?|views?|series|reformats?|study|examination))?"
    # "The other levels are normal, without particularity." (French-style English)
    r"(?:\s*,?\s*(?:without|with\s+no)\s+(?:any\s+)?particularit(?:y|ies))?"
    # "No significant abnormality at any of these levels.", "... at either level"
    r"(?:\s+(?:at|in)\s+(?:any|each|all|either|both|every)(?:\s+of)?"
    r"(?:\s+(?:these|those|the))?(?:\s+(?:two|three|four|five|six))?"
    r"(?:\s+(?:levels?|segments?|discs?|interspaces?))?)?"
    # the end of a table row ("| C2-C3 | Normal | — |")
    # (or of an HL7 OBX segment: "... abnormality.||||||F")
    r"\s*[.;:]?(?:\s*\|\s*(?:[—–-]|n/?a|stable|unchanged|new|[FPC](?=\s*$))?)*\s*$",
    re.I,
)

SEVERE_ENOUGH_TO_HEDGE = SEVERITY_RANK["moderate"]
# "two of the fused levels", "some of these levels": a subset the report does not name.
_PARTITIVE_COUNTS = frozenset(
    {"one", "two", "three", "four", "some", "several", "few", "many", "most", "certain", "1", "2"}
)
# Verbs of change between an earlier grade and the current one ("has improved and is now").
_CHANGE_VERBS = frozenset(
    {
        "improved",
        "decreased",
        "regressed",
        "reduced",
        "lessened",
        "progressed",
        "increased",
        "worsened",
        "deteriorated",
        "advanced",
        "evolved",
        "become",
        "became",
        "changed",
    }
)
# Anchors that name the narrowing itself, not only the foramen
_NARROWING_ANCHOR_RE = re.compile(
    r"\b(?:nfs|nfns?|nfn's|(?:neuro)?foraminostenos[ei]s)\b", re.IGNORECASE
)
# An exam title alone on the first line: a modality and the spine, no sentence end
_EXAM_TITLE_RE = re.compile(
    r"\s*(?=[^\n]*\b(?:mri?|mr|ct|xr|x-?ray|radiographs?|myelogram|irm|rm|tc|tac|rtg)\b)"
    r"(?=[^\n]*\b(?:spine|spinal|cervical|c-spine|neck)\b)[^\n.]{0,160}(?=\n|$)",
    re.IGNORECASE,
)
# "PRELIMINARY REPORT" / "Prelim read:" ... "FINAL REPORT": a superseded first version
_PRELIMINARY_RE = re.compile(
    r"^[ \t*=#-]*(?:(?:preliminary|prelim|provisional)\.?"
    r"(?:[ \t]+(?:report|read|interpretation|result))?"
    # "Registrar report:", "Resident's preliminary read:"
    r"|(?:registrar|resident|trainee)(?:'s)?[ \t]+(?:preliminary[ \t]+)?"
    r"(?:report|read|interpretation)[ \t]*(?=:|$))[ \t]*:?",
    re.IGNORECASE | re.MULTILINE,
)
_FINAL_REPORT_RE = re.compile(
    # a header line ("FINAL REPORT", "*** FINAL REPORT ***", "FINAL REPORT (Consultant):"), not
    # "FINAL REPORT TO FOLLOW."
    r"^[ \t*=#-]*(?:final[ \t]+(?:report|read|interpretation)|(?:attending|consultant|"
    r"supervising|verified)(?:[ \t]+(?:final|report|read|interpretation|review|addendum|"
    r"attestation|comment|comments|amendment|amendments))+)[ \t]*(?::|$|[*(=#-])",
    re.IGNORECASE | re.MULTILINE,
)
# pick-list options: "[ ] Moderate" (not ticked), "[X] Mild" (ticked)
_UNTICKED_RE = re.compile(r"(?:\[\s?\]|\(\s?\))\s*[A-Za-z]")
_TICKED_RE = re.compile(r"(?:\[\s?[xX✓✔]\s?\]|\(\s?[xX✓✔]\s?\))\s*([A-Za-z][A-Za-z-]*)")
_NONE_OPTIONS = frozenset({"none", "no", "normal", "nil", "absent", "patent", "negative"})
# a template field answered "No" ("Fracture: No", "Cord compression: none")
_FIELD_NO_RE = re.compile(
    r"^\s*(?:[-*•]\s*)?(?P<label>[A-Za-z][A-Za-z /()-]{1,50}?)\s*:\s*"
    r"(?:no|none|nil|absent|negative|not seen|not present|n)\s*\.?\s*$",
    re.IGNORECASE,
)
_MULTILEVEL_WORDS = frozenset({"multilevel", "multi-level", "multisegmental", "multiple"})
# a correction's reference to what was said before ("described at C7-T1")
_REFERENCE_VERBS = frozenset(
    {"described", "reported", "dictated", "stated", "given", "labelled", "labeled", "placed"}
)
_DASH_ADDENDUM_RE = re.compile(
    r"^[ \t]*(?:addendum|correction|amendment|nachtrag)[ \t]*[-–—][ \t]*[A-Za-z][A-Za-z ]{0,40}:",
    re.IGNORECASE | re.MULTILINE,
)
_QUOTED_EARLIER_READ_RE = re.compile(
    r"\b(?:preliminary|prelim|provisional|initial|original|overnight|resident'?s?|registrar'?s?|"
    r"outside|external|"
    # software that drafts or flags ("AI draft", "AI triage flag: 'possible cord compression'")
    r"ai|cad|algorithm|software)"
    r"[^:\n\"“]{0,50}\b(?:read|report|interpretation|impression|dictation|draft|version|"
    r"flag|suggestion|output)"
    r"(?:\s+(?:stated|said|read|described|reported))?\s*:?\s*"
    r"(?P<quote>[\"“][^\"”\n]{3,400}[\"”]|(?<![a-z])['‘][^'’\n]{3,400}['’](?![a-z]))",
    re.IGNORECASE,
)
# a final report that keeps the preliminary one ("I have reviewed the images and agree with the
# preliminary report", "Agree with the resident's interpretation with the following amendment")
_AGREES_RE = re.compile(
    r"(?<!not )(?<!n't )\b(?:agree|agrees|agreed|concur|concurs)\b|\bas described\b"
    r"|\b(?:findings|remainder|rest)\b[^.]{0,30}"
    r"\b(?:agreed|unchanged|stands?|as (?:reported|described|dictated))\b",
    re.IGNORECASE,
)
# words after which an adverb of degree measures a change ("slightly progressed")
_CHANGE_DEGREE_WORDS = frozenset(
    {
        "progressed", "increased", "improved", "worse", "worsened", "better", "less", "more",
        "larger", "smaller", "greater", "changed", "regressed",
    }
)  # fmt: skip
_CHANGE_NOUNS = frozenset(
    {"progression", "worsening", "improvement", "increase", "decrease", "change", "regression"}
)
_CLAUSE_PUNCT = frozenset({".", ";", ":", ",", "(", ")"})
_SINGULAR_LEVEL_NOUNS = frozenset({"level", "segment", "interspace", "disc", "disk"})
_PLURAL_LEVEL_NOUNS = frozenset({"levels", "segments", "interspaces", "discs", "disks"})
_ANAPHOR_COUNTS = {"both": 2, "two": 2, "either": 2, "three": 3, "four": 4}
_TOPIC_INTRODUCERS = frozenset(
    {
        "as for",
        "as regards",
        "regarding",
        "with regard to",
        "with respect to",
        "concerning",
        "in terms of",
        "as to",
    }
)
# one cervical vertebra as a token ("at C7"), a place that is no disc level
_CERVICAL_VERTEBRA_RE = re.compile(r"c[1-7]")
# the most words a cord signal phrase may reach past the edge of the frame it touches
_LONGEST_SIGNAL_TAIL = 3
# words that carry a predicate on after a comma ("is not normal, remaining mildly narrowed")
_PREDICATE_CONTINUERS = frozenset({"still", "remaining", "now", "being", "yet", "also"})
# words between a level and the "where" that opens a relative clause on it
_RELATIVE_GAP_WORDS = frozenset(
    {",", "on", "the", "left", "right", "side", "sided", "level", "levels", "segment"}
)
# how far back from its anchor a relative clause may open ("at C5-6 where a superimposed right
# foraminal disc protrusion results in severe right foraminal stenosis")
_RELATIVE_CLAUSE_REACH = 16
# the structures a report may grade on scales of their own, by anchor label
_GRADED = {"CANAL": "canal", "FORAMINAL": "foraminal"}
_VAGUE_LEVEL_RE = re.compile(
    r"\b(multi-?level|multiple levels|several levels|diffuse|throughout|"
    # the region as a whole: "No cervical canal stenosis.", "in the cervical spine"
    r"cervical\s+(?:spinal\s+|central\s+|neural\s+)?(?:canal|foram\w*|stenosis)|"
    # a canal narrow by constitution: "Developmentally narrow canal."
    r"congenital(?:ly)?|developmental(?:ly)?|constitutional(?:ly)?|"
    r"(?:in|of)\s+the\s+cervical\s+spine)\b",
    re.I,
)
_KIND = {
    "SEVERITY": "severity",
    "SIDE": "side",
    "LEVEL": "level",
    "QUANTIFIER": "level",
    "ANAPHOR": "level",
}
_LEVEL_OWNERS = frozenset({"FORAMINAL", "CANAL", "CORD", "GENERIC_STENOSIS", "ROOT"})
_CAUSE_VERBS = frozenset(
    {
        "cause",
        "causes",
        "causing",
        "results",
        "resulting",
        "produces",
        "producing",
        "determines",
        "determining",
    }
)
# how far back a cause word ("due to", "by") may head the noun phrase of a lesion, and the
# words no such phrase runs across
_CAUSE_PHRASE_REACH = 20
_CAUSE_PHRASE_STOPS = frozenset(
    {",", ";", ":", ".", "(", ")", "which", "that", "where", "with", "while", "but", "is", "are"}
)
_CAUSE_WORDS = frozenset(
    {"due", "secondary", "caused", "related", "because", "attributable", "owing"}
)
# a sentence that corrects the report ("moderate, not severe as originally dictated")
_CORRECTION_RE = re.compile(
    r"\b(?:as (?:originally|initially|previously|first) (?:dictated|stated|reported|described|"
    r"transcribed|written)|should read|(?:is|are|was|has been|have been) (?:amended|corrected)|"
    r"amended to|corrected to|erroneously (?:dictated|stated|reported|transcribed)|"
    r"dictation error|transcription error|"
    r"as (?:described|stated|reported|dictated|indicated|mentioned|written) above|"
    r"as (?:described|stated|reported|dictated) in the "
    r"(?:original |initial |first |preliminary |prior |resident'?s? )?report|"
    r"(?:transposed|reversed|switched|swapped|dictated|"
    r"stated|reported|described|labell?ed|transcribed|given)\s+in\s+error|"
    r"(?:incorrectly|mistakenly|wrongly)\s+(?:dictated|stated|reported|described|labell?ed|"
    r"transcribed|given|recorded)|should\s+have\s+read|"
    # "The side at C4-5 was transposed in the original dictation."
    r"(?:was|were|been)\s+(?:transposed|reversed|switched|swapped)|"
    # "The levels in this report were mislabelled."
    r"\bmis-?(?:labell?ed|numbered|counted|identified)\b|"
    # "Agree ... with the following amendment: the right C6-C7 foraminal stenosis is moderate,
    # not severe"
    r"following\s+amendments?|(?:,\s*not|\band\s+not|\brather\s+than)\s+(?:minimal|mild|moderate|severe|"
    r"marked|minimally|mildly|moderately|severely|markedly|narrowed|stenotic|compressed)\b|\b(?:is|are|was|were)\s+actually\b|\bactually\s+(?:on|at|in)\b|"
    r"\bwould\s+grade\b|\b(?:level|side|grade|laterality)\s+correction\b|\blaterality\s+error\b|\b(?:is|are)\s+withdrawn\b|"
    r"\bcorrections?\s+(?:to|of)\s+(?:the\s+)?(?:level|side|grade|laterality|impression|report|findings|conclusion)\b|"
    # a reviewer's disagreement: "Agree with the above except that the left C6-7 foramen
    # appears patent to me", "I agree, with one change: ...", "patent on my review"
    r"\bagree(?:s|d)?\b[^.]{0,40}\b(?:except|with (?:one|two|three|the following|a|an|some) "
    r"(?:changes?|exceptions?|corrections?))\b|\bon my (?:review|reading|read|assessment)\b|"
    r"\bappears? \w+ to me\b|\bI (?:do not|don't) see\b|"
    r"\b(?:minimal|mild|moderate|severe) only\b|"
    # an addendum that opens "Correction." / "Correction: ..."
    r"^\W*corrections?(?=\s*[.:\-–—]))"
    # ... after a bracket, where no word boundary precedes the comma: "mild (grade 1), not
    # moderate (grade 2)"
    r"|\),\s*not\s+(?:minimal|mild|moderate|severe|marked|narrowed|stenotic)\b"
    # a statement withdrawn: "Impression item 2 was carried over in error from a template ...
    # Please disregard it. As stated in the findings, the C4-5 foramina are patent."
    r"|\b(?:carried over|copied|included|inserted|entered|pasted)\s+(?:\w+\s+){0,2}in\s+error\b"
    r"|\bplease\s+disregard\b"
    # "Addendum: On further review the C5-6 foramina are not narrowed"
    r"|\bon\s+(?:further|closer|second|repeat)\s+review\b|\bread\s+with\s+this\s+correction\b"
    r"|\bas\s+(?:stated|described|reported)\s+in\s+the\s+(?:findings|body of the report)\b",
    re.I,
)
# a correction of the impression only ("Correction to impression item 1: ...")
_IMPRESSION_ONLY_RE = re.compile(
    r"\b(?:correction|corrections|amendment)\s+(?:to|of)\s+(?:the\s+)?impression\b"
    r"|\bimpression\s+(?:item|point|number|no\.?)\s*\d",
    re.I,
)
# the closing sentence of an addendum that makes it a correction
_CORRECTION_CLOSE_RE = re.compile(
    r"\bread\s+with\s+this\s+correction\b|\bshould\s+(?:be\s+)?(?:read|amended|corrected)\b"
    r"|\b(?:is|are)\s+(?:amended|corrected|revised)\s+accordingly\b",
    re.I,
)
_CARRY_FORWARD_RE = re.compile(
    r"\b(?:this|these|which|it|they|the finding|the narrowing|the stenosis)\s+"
    r"(?:is|are|has|have|remains?|appears?)\s+(?:(?:essentially|grossly|largely)\s+)?"
    r"(?:not\s+(?:significantly\s+|substantially\s+|appreciably\s+|been\s+)?"
    r"(?:different|changed)|no different|unchanged|stable|similar|persistent|"
    r"(?:again\s+)?(?:seen|noted|demonstrated|present)\s+(?:again|today|currently|on the current))",
    re.I,
)
_GRADE_OR_SIDE_WORDS = frozenset(
    {"mild", "moderate", "severe", "marked", "minimal", "left", "right", "bilateral", "to", "-"}
)
_SLASH_SIDE = {
    "l": "left",
    "lt": "left",
    "left": "left",
    "r": "right",
    "rt": "right",
    "right": "right",
}
_SLASH_GRADE = {
    "none": "none",
    "nil": "none",
    "normal": "none",
    "no": "none",
    "patent": "none",
    "min": "mild",
    "minimal": "mild",
    "mild": "mild",
    "mod": "moderate",
    "moderate": "moderate",
    "sev": "severe",
    "severe": "severe",
    "marked": "severe",
}
# a blank slot of a template's side pair ("___ / moderate", "mild / ___", "- / mild")
_BLANK_SLOT_BEFORE_RE = re.compile(r"(?:_{2,}|-{1,3}|\?|n/?a)\s*/\s*$", re.I)
_BLANK_SLOT_AFTER_RE = re.compile(r"\s*/\s*(?:_{2,}|-{1,3}|\?|n/?a)(?!\w)", re.I)
# Phrases that say a list of grades follows a list of levels or sides in order: "mild and
# moderate, respectively", "moderate, severe and moderate in that order", "from cranial to
# caudal, mild, moderate ...", "from C2/3 to C7/T1 in turn: ..."
_ORDER_PHRASES = (
    ("respectively",),
    ("in", "that", "order"),
    ("in", "the", "same", "order"),
    ("in", "this", "order"),
    ("in", "turn"),
    ("in", "sequence"),
    ("sequentially",),
    ("craniocaudally",),
    ("from", "cranial", "to", "caudal"),
    ("from", "craniad", "to", "caudad"),
    ("from", "superior", "to", "inferior"),
    ("from", "top", "to", "bottom"),
    ("from", "above", "down"),
    ("from", "above", "downwards"),
    ("from", "above", "downward"),
)


def _names_an_order(words: list[str]) -> bool:
    return any(
        tuple(words[i : i + len(phrase)]) == phrase
        for i in range(len(words))
        for phrase in _ORDER_PHRASES
        if words[i] == phrase[0]
    )


_SLASH_SIDES_RE = re.compile(r"^\s*(l|lt|left|r|rt|right)\s*/\s*(l|lt|left|r|rt|right)\s*$", re.I)
_SLASH_GRADES_RE = re.compile(
    r"^\s*(" + "|".join(_SLASH_GRADE) + r")\s*/\s*(" + "|".join(_SLASH_GRADE) + r")\s*$", re.I
)
# anaphors that pick among the levels just named ("the lower of these levels", "the level below")
_POSITIONAL_ANAPHORS = frozenset(
    {
        "upper",
        "lower",
        "above",
        "below",
        "fusion_above",
        "fusion_below",
        "fusion_above_2",
        "fusion_below_2",
    }
)
# words that may open the subject of a new clause before its anchor ("..., the left foramen")
_SUBJECT_LEAD_WORDS = frozenset({"the", "left", "right", "lt", "rt", "l", "r", "both"})
# the words between two subjects coordinated by "and" ("foramina and spinal canal")
_SUBJECT_COORDINATORS = frozenset({"and", ",", "the"})
_WITHOUT_WORDS = frozenset(
    {
        "without",
        "significant",
        "any",
        "appreciable",
        "definite",
        "relevant",
        "are",
        "is",
        "were",
        "was",
    }
)
_AFTERTHOUGHT_ENDS = frozenset({".", ",", ";", ")", "so", "pronounced", "affected", "marked"})
# the words between the levels of a list ("C3-4, C4-5 and C5-6")
_LEVEL_LIST_GAP = frozenset({",", "and", "or", "&"})
# anaphors that point to the operated levels when the report names them ("the fused segment",
# "the level above the fusion")
_OPERATED_ANAPHORS = frozenset(
    {"operated", "fusion_above", "fusion_below", "fusion_above_2", "fusion_below_2"}
)
_LEVEL_POSITION = {lvl: i for i, lvl in enumerate(DISC_LEVELS)}
# words that open a gloss on the measurement before them ("7 mm at C4/5, representing severe
# canal stenosis")
_GLOSS_LEADS = (
    ("representing",),
    ("indicating",),
    ("in", "keeping", "with"),
    ("consistent", "with"),
    ("compatible", "with"),
    ("in", "keeping", "with", "a"),
    ("consistent", "with", "a"),
)
# a clause after a prior finding that says it has gone ("...; this is no longer evident")
_GONE_SINCE_RE = re.compile(
    r"[;,]\s*(?:and\s+)?(?:this|which|it|these|that)\s+(?:is|are|has|have|was)\s+"
    r"(?:now\s+|since\s+)?(?:no\s+longer|resolved|regressed|disappeared)\b",
    re.I,
)
# words that say a finding has gone ("no longer seen", "has resolved")
_RESOLVED_RE = re.compile(r"\b(?:no longer|resolved|resolution|regressed)\b", re.I)
_ELLIPTICAL_PAST_RE = re.compile(
    r"\b(?:previously|formerly|pre-?op(?:erative(?:ly)?)?|seen before|resolved|no longer|"
    # "the preliminary report incorrectly described this on the right"
    r"incorrectly|erroneously|wrongly|mistakenly|"
    r"(?:on|in) the (?!current|present|this|today)[a-z]+ (?:study|exam|examination|scan|mri|ct))\b",
    re.I,
)
_ROOT_NAME_RE = re.compile(r"\bC([3-8])\b", re.I)
# A thoracic vertebra ("T4", "Th6", "D2"), not an MRI sequence ("T2 hyperintense", "T2-weighted",
# "T2/STIR", "T2*")
_THORACIC_VERTEBRA_RE = re.compile(
    r"\b(?:T|Th|D)(?:[2-9]|1[0-2])\b"
    r"(?!\s*-?\s*(?i:weighted|w\b|/|\*|hyper|hypo|signal|bright|dark|images?\b|sequences?\b"
    r"|flair|stir|fat|prolongation|shine|high\s+signal|low\s+signal))"
)
_LEVEL_LIST_JOINERS = frozenset(
    {"and", "or", ",", "through", "thru", "to", "&", "/", "as", "well", "both", "at", "the", "from"}
)
_DEGREE_WORDS = frozenset({"degree", "grade", "severity", "extent", "intensity"})
# a year, alone or in a date ("2024", "09/2024", "08.2024")
_YEAR_RE = re.compile(r"^(?:\d{1,2}[/.-]){0,2}(?:19|20)\d\d$")
# A sentence that compares with an earlier state: a past-tense grade in it is the earlier one.
_COMPARISON_RE = re.compile(
    r"\b(?:compared|comparison|prior|previous(?:ly)?|preoperative(?:ly)?|before|since|when|"
    r"(?:19|20)\d\d)\b",
    re.I,
)
_DEFINITE = frozenset({"the", "this", "that"})
_ANAPHORIC_NOUNS = frozenset({"narrowing", "stenosis", "encroachment", "compromise"})
_ANAPHORIC_SUBJECTS = frozenset({"it", "they", "this", "these", "which"})
_CAUSE_COPULAS = frozenset({"is", "are", "appears", "appear", "remains", "remain", "seems", "seem"})
_SIDE_WORDS = {
    "left": "left",
    "right": "right",
    "l": "left",
    "r": "right",
    "lt": "left",
    "rt": "right",
}
_REPORTING_PARTICIPLES = frozenset(
    {
        "described",
        "noted",
        "seen",
        "reported",
        "demonstrated",
        "identified",
        "mentioned",
        "documented",
    }
)
_SIDE_CELLS = {"bilateral": {"left", "right"}}
_COMPARATIVES = frozenset({"more", "worse", "greater", "larger", "pronounced", "prominent"})
_MORE_WORDS = frozenset({"more", "worse", "greater"})
# "moderate stenosis of the foramina, of predominance on the left": both, the left worse
_PREDOMINANCE_WORDS = frozenset({"predominance", "predominantly", "predominating", "predominant"})
_CHANGE_WORDS = frozenset(
    {
        "worse",
        "worsened",
        "worsening",
        "increased",
        "increasing",
        "progressed",
        "progressing",
        "improved",
        "improving",
        "decreased",
        "decreasing",
        "better",
        "new",
        "newly",
    }
)
_ROOT_NAME_WORD_RE = re.compile(r"c[3-8]$")
_ROOT_PREMODIFIERS = frozenset({"exiting", "the", "nerve", "existing"})
_PREMODIFIER_FILLERS = frozenset(
    {
        "side",  # "on the left side foraminal narrowing"
        "the",
        "a",
        "an",
        "of",
        "neural",
        "exit",
        "bony",
        "osseous",
        "exiting",
        "traversing",
        "in",
        "within",
        "upon",
        "on",
        # "osteophytes encroach into the right C5-6 foramen"
        "into",
        "onto",
        "against",
        "perineural",
        "fat",
        "epidural",
        # "mild bilateral (L>R) foraminal narrowing"
        "(",
        ")",
        # "~~moderate~~ **mild** bilateral exit foraminal narrowing": markdown emphasis
        "*",
        "**",
        # "mild bilateral uncovertebral foraminal narrowing"
        "uncovertebral",
        "degenerative",
        "spondylotic",
        "osteophytic",
        # "flattening the ventral surface of the cord"
        "ventral",
        "dorsal",
        "anterior",
        "posterior",
        "surface",
        "aspect",
        "margin",
        "contour",
        "profile",
        "outline",
        "face",
        # "mild relative canal stenosis"
        "relative",
        "absolute",
        # "the left foramen and the remaining exit foramina appear normal"
        "remaining",
        "other",
        # "only mild residual right foraminal narrowing", "moderate new left ..."
        "residual",
        "only",
        "persistent",
        "new",
        "known",
        "stable",
        "unchanged",
        "recurrent",
    }
)
_PREMODIFIER_JOINERS = frozenset({"and", ",", "or", "/", "to", "&"})
_CONTINUABLE = frozenset({"FORAMINAL", "CANAL", "GENERIC_STENOSIS"})
_OBJECT_MARKERS = frozenset({"the", "a", "an", "on", "upon", "against", "into", "of", "both"})
_LEVEL_LABELS = frozenset({"LEVEL", "QUANTIFIER", "ANAPHOR"})
_SPLITTERS = frozenset({"and", ",", ";", "while", "whereas", "but", "with", "plus", "/"})
_CERVICAL_WORD_RE = re.compile(r"\bcervical\b|\bhws\b", re.I)
# (German "BWS"/"LWS": thoracic and lumbar spine)
_OTHER_REGION_RE = re.compile(r"\b(thoracic|lumbar|lumbosacral|sacral|bws|lws)\b", re.I)
# "mild narrowing of the left lateral recess and left neural foramen": an excluded anchor can
# share its coordination with a finding anchor
_COORDINABLE = frozenset({"FORAMINAL", "CANAL", "GENERIC_STENOSIS", "CORD", "ROOT", "EXCLUDE"})


def _without_brackets(words: list[str]) -> list[str]:
    """Words outside a bracketed aside ("( ap diameter 8 mm )")."""
    out: list[str] = []
    depth = 0
    for w in words:
        if w == "(":
            depth += 1
        elif w == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(w)
    return out if not depth else words


_BACK_REFERENCE_RE = re.compile(
    r"\b(?:as (?:described|detailed|noted|outlined|discussed|mentioned)(?: above)?|as above|"
    r"see above)\b",
    re.I,
)
_RELATIVE_PLACE_WORDS = frozenset({"above", "below", "adjacent", "next", "superior", "inferior"})
_CONSTRUCT_NOUNS = frozenset(
    {
        "fusion",
        "acdf",
        "construct",
        "plate",
        "cage",
        "arthroplasty",
        "arthrodesis",
        "corpectomy",
        "laminectomy",
        "laminoplasty",
        "foraminotomy",
        "hardware",
        "instrumentation",
        "graft",
    }
)
# words saying a grade is what an earlier study showed
_PRIOR_REPORT_WORDS = frozenset(
    {
        "described",
        "showed",
        "demonstrated",
        "reported",
        "revealed",
        "documented",
        "previously",
        "prior",
        "outside",
        "preoperatively",
        "formerly",
    }
)
_CONJUNCTION_WORDS = frozenset({"and", "or", "nor", "and/or", "&"})
# words saying a grade is an earlier version's of this report
_SUPERSEDED_VERSION_WORDS = frozenset(
    {"preliminary", "prelim", "overstated", "overcalled", "understated", "undercalled"}
)
# a drafting tool's grade, which a later grade in the sentence overrides ("AI: moderate;
# radiologist: mild-moderate", "AI suggested canal moderate; ... downgraded to mild")
_DRAFT_WORDS = frozenset({"ai", "cad", "algorithm", "software", "draft", "drafted", "suggested"})
# a reviewer keeping a drafted value ("mild -> radiologist: agree")
_KEPT_WORDS = frozenset(
    {"agree", "agreed", "agrees", "confirmed", "concur", "accepted", "unchanged"}
)
# after a grade: an editor's replacement ("L severe [edited: moderate-severe]")
_EDITED_RE = re.compile(r"^[(\[]?\s*(?:edited|amended|corrected|revised)\b", re.I)
_NARROWING_NOUNS = frozenset(
    {"stenosis", "stenoses", "narrowing", "narrowings", "encroachment", "compromise"}
)
# words after "the same" that make it a level or side anaphor, not a grade
_SAME_NOUNS = tuple(
    [w]
    for w in (
        "level",
        "levels",
        "two",
        "three",
        "segment",
        "segments",
        "side",
        "disc",
        "foramen",
        "foramina",
        "location",
        "site",
        "root",
        "study",
        "examination",
        "time",
        "day",
        "date",
        "patient",
    )
)
# words after "same" that leave it a grade ("the same as at C4-5", "the same on the left", "is
# the same bilaterally"); any other word after it is the noun it picks out ("the same motion")
_SAME_GRADE_NEXT = frozenset(
    {
        "as",
        "degree",
        "grade",
        "severity",
        "extent",
        "appearance",
        "on",
        "at",
        "in",
        "bilaterally",
        "and",
        "or",
        "to",
        "for",
        "is",
        "are",
        "was",
        "were",
        "left",
        "right",
        "bilateral",
        "with",
        "since",
        "compared",
        "when",
        "but",
        "although",
        "though",
        "except",
        "apart",
        "now",
        "today",
        "than",
        "of",
        "narrowing",
        "stenosis",
    }
)
# words that open a question a report may answer ("Is there evidence of fracture? No.")
_QUESTION_OPENERS = frozenset(
    {"is", "are", "was", "were", "does", "do", "has", "have", "any", "evidence", "can", "could"}
)
_LIST_MARK_RE = re.compile(r"^(?:[a-z]|\d{1,2})$")
# published grading scales a report may name beside a grade number ("Kang grade 1")
_NAMED_SCALES = frozenset({"kang", "kim", "park", "muhle", "lee"})
# a side and a grade number in one token ("R1", "Lt2")
_SIDE_GRADE_TOKEN_RE = re.compile(r"^(r|l|rt|lt)([0-4])$")
# finite verbs right after an anchor that make it the subject of a clause of its own
_CLAUSE_VERBS = frozenset({"is", "are", "was", "were", "appear", "appears", "remain", "remains"})
_COORD_WORDS = frozenset(
    {
        "or",
        "and",
        "/",
        ",",
        "nor",
        "&",
        "and/or",
        "neural",
        "the",
        "remaining",
        "other",
        "exit",
        "left",
        "right",
        "bilateral",
        "both",
    }
)


@dataclass(frozen=True, slots=True)
class _Sent:
    """A sentence's token and character bounds (cheaper than a spaCy Span to query)."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str


def _sentences(doc: Doc, text: str) -> list[_Sent]:
    idx = doc.to_array([IDX]).ravel().tolist() if len(doc) else []
    starts = [i for i, flag in enumerate(doc.to_array([SENT_START]).ravel().tolist()) if flag == 1]
    if len(doc) and (not starts or starts[0] != 0):
        starts.insert(0, 0)
    out = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(doc)
        start_char = idx[start]
        end_char = idx[end] if end < len(doc) else len(text)
        out.append(_Sent(start, end, start_char, end_char, text[start_char:end_char]))
    return out


class _Frame(NamedTuple):
    """A target with its frame: the tokens [left, right) of its sentence that it owns."""

    sent: _Sent
    sent_i: int
    frames: list[tuple[Span, int, int]]
    target: Span
    left: int
    right: int


@dataclass(frozen=True, slots=True)
class _Context:
    """ConText attributes of one target, read once from its underscore extensions."""

    negated: bool
    uncertain: bool
    historical: bool
    resolved: bool
    request: bool
    change: str | None


@dataclass(slots=True)
class _Item:
    start: int  # token indices
    end: int
    label: str
    value: str
    prior: bool = False
    # a grade in the past tense ("was severe"): prior only beside a current grade
    past_tense: bool = False
    grade_number: bool = False  # "grade 2": a grade is stated, whatever the scale makes of it


@dataclass(slots=True)
class _Group:
    severities: list[_Item] = field(default_factory=list)
    sides: list[_Item] = field(default_factory=list)
    levels: list[_Item] = field(default_factory=list)
    order: list[_Item] = field(default_factory=list)
    focus: bool = False  # starts at "greatest at" / "most pronounced at" / "except"
    exception: bool = False  # starts at "except (at)": not under the frame's negation


_DEGREE_NOUNS = frozenset({"degree", "extent"})
# Words inside the level list of an exception phrase ("except at the C5-6 and C6-7 levels").
_EXCEPTION_LIST_WORDS = frozenset(
    {"at", "the", "for", "level", "levels", ",", "and", "or", "&", "/"}
)
# Words before the level of a sentence that opens with it as its topic ("At the C5-6 level, ...").
_TOPIC_LEVEL_LEAD = frozenset(
    {"at", "on", "in", "the", "level", "of", "segment", "disc", "space", "-", "*", "•", "("}
    | {"again", "also", "seen", "noted", "there", "is", "are"}
)
# Words between the cord and the level it is compressed at ("the cord at the level of C5-6").
# words that put an infection in the past ("the previous discitis", "treated osteomyelitis")
_PAST_INFECTION_WORDS = frozenset({"prior", "previous", "remote", "old", "treated", "healed"})
_DATE_TOKEN_RE = re.compile(r"^(?:\d{1,2}[/.-])?(?:19|20)\d{2}$|^\d{1,2}/\d{2}$")
# a grade and the hedged next one after it ("moderate, possibly severe")
_HEDGED_RANGES = {("mild", "moderate"): "mild-moderate", ("moderate", "severe"): "moderate-severe"}
_ACUTE_WORDS = frozenset({"acute", "new", "fresh", "recent", "subacute", "hyperacute"})
# words that make what follows the result of the lesion named before
_CAUSING_WORDS = frozenset({"causing", "producing", "resulting", "in", "with"})
_CORD_RESULT_NOUNS = frozenset({"compression", "flattening", "deformity", "indentation"})
_CORD_LEVEL_LEAD = frozenset({"at", "the", "level", "levels", "of", "from", "on", "in"})
# Words between a hedge and the level it qualifies ("and possibly also at C6-7").
_HEDGE_FILLERS = frozenset({"also", "at", "the", "in", "on"})


def _opens_line(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    return "\n" in prev.whitespace_ or "\n" in prev.text


# the words that state a level looks like another ("same as", "identical appearance to")
_COPY_LEAD_RE = re.compile(
    r"\b(?:the )?(?:same|identical|similar)(?: (?:appearance|findings|changes|morphology))?"
    r" (?:as|to)(?: at| in)?(?: the)?$"
)
_COMPARED_WITH = frozenset(
    {"compared", "comparison", "relative", "than", "versus", "vs", "vs.", "against"}
)


# anchors of the findings a line of the report body states
_FINDING_LABELS = frozenset(
    {"FORAMINAL", "CANAL", "GENERIC_STENOSIS", "CORD", "CORD_LESION", "ROOT",
     "RED_FLAG_FRACTURE", "RED_FLAG_INSTABILITY", "RED_FLAG_INFECTION", "RED_FLAG_MALIGNANCY"}
)  # fmt: skip
# words that compare a finding with the symptoms ("does not match the symptomatic side")
_MATCHING_WORDS = frozenset(
    {"match", "matches", "matching", "concordant", "discordant", "correspond", "corresponds",
     "corresponding", "correlate", "correlates", "explain", "explains", "account"}
)  # fmt: skip


def _symptom_side(doc: Doc) -> str | None:
    """The one side the clinical history gives the symptoms ("L arm radicular pain",
    "right-sided neck and shoulder pain"), or None."""
    sides = set()
    for section in doc._.sections:
        if section.category != "history":
            continue
        text = doc[section.title_start : section.body_end].text
        sides |= {_SIDE_WORDS[m.group(1).lower()] for m in _SYMPTOM_SIDE_RE.finditer(text)}
    return next(iter(sides)) if len(sides) == 1 else None


def _relative_sides(spans: list[Span], symptom_side: str | None = None) -> list[Span]:
    """Sides named relative to another ("left facet arthrosis narrowing the ipsilateral
    foramen"): the left or right named last before them in the same sentence or the one
    before ("Severe right stenosis at C5-6. The contralateral foramen is mildly narrowed."),
    or its opposite; dropped when there is none. The side of the symptoms ("on the
    symptomatic side", "contralateral to the symptoms") is the one the history names."""
    out: list[Span] = []
    last: Span | None = None
    for sp in spans:
        if sp.label_ == "SIDE" and sp.id_ in ("symptomatic", "asymptomatic"):
            before = {t.lower_ for t in sp.doc[max(sp.start - 4, 0) : sp.start]}
            if symptom_side is None or before & _MATCHING_WORDS:
                # (nor is "which does not match the symptomatic side" the finding's side)
                continue
            side = symptom_side
            if sp.id_ == "asymptomatic":
                side = "right" if side == "left" else "left"
            sp = Span(sp.doc, sp.start, sp.end, label=sp.label_, span_id=side)
        if sp.label_ == "SIDE" and sp.id_ in ("left", "right"):
            last = sp
        elif sp.label_ == "SIDE" and sp.id_ in ("ipsilateral", "contralateral"):
            doc = sp.doc
            if (
                last is None
                or sum(bool(doc[i].is_sent_start) for i in range(last.end, sp.start + 1)) > 1
                # "narrowed, estimated 50% compared with the contralateral side": the side
                # measured against is no finding's
                or any(t.lower_ in _COMPARED_WITH for t in doc[max(sp.start - 4, 0) : sp.start])
            ):
                continue
            side = last.id_
            if sp.id_ == "contralateral":
                side = "right" if side == "left" else "left"
            sp = Span(doc, sp.start, sp.end, label=sp.label_, span_id=side)
        out.append(sp)
    return out


# a side the symptoms are given ("L arm radicular pain", "right-sided neck and shoulder pain")
_SYMPTOM_SIDE_RE = re.compile(
    r"\b(left|right|lt|rt|l|r)\b\.?(?:[\s-]*sided)?\s+(?:[a-z]+\s+){0,4}?"
    r"(?:pain|symptoms?|radiculopathy|radicular|paraesthesiae?|paresthesias?|numbness|weakness|"
    r"tingling|brachialgia|sciatica)\b",
    re.I,
)


def _sorted_spans(spans: Iterable[Span]) -> list[Span]:
    return sorted(spans, key=lambda s: (s.start, -s.end))


class _SentenceIndex:
    """Spans sorted by start, for quick lookup of the spans inside a token range."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = list(spans)
        self.starts = [s.start for s in self.spans]
        self.ends = [s.end for s in self.spans]

    def within(self, start: int, end: int) -> list[Span]:
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end, i)
        if i == j:
            return []
        ends = self.ends
        return [self.spans[k] for k in range(i, j) if ends[k] <= end]

    def starting_at(self, start: int) -> list[Span]:
        return self.spans[bisect_left(self.starts, start) : bisect_right(self.starts, start)]


def _section_lookup(doc: Doc) -> tuple[list[int], list[str | None]]:
    starts: list[int] = []
    cats: list[str | None] = []
    for section in doc._.sections:
        starts.append(section.section_span[0] if hasattr(section, "section_span") else 0)
        cats.append(section.category)
    return starts, cats


def _other_region_sections(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sections whose header names another region only ("Thoracic:",
    "LUMBAR SPINE:") in a report of several regions."""
    out = []
    for section in doc._.sections:
        title = doc[section.title_start : section.title_end].text
        if _OTHER_REGION_RE.search(title) and not re.search(r"cervical|\bhws\b", title, re.I):
            out.append((section.title_start, section.body_end))
    return out


def _section_of(lookup: tuple[list[int], list[str | None]], token_i: int) -> str | None:
    starts, cats = lookup
    k = bisect_right(starts, token_i) - 1
    return cats[k] if k >= 0 else None


def _restates(restated: Finding, earlier: Finding) -> bool:
    """A correction's finding restates an earlier one: the same type and polarity, and for the
    foramina a side in common."""
    if restated.type != earlier.type or restated.negated != earlier.negated:
        return False
    if restated.type != "foraminal_stenosis" or restated.side in (None, "unspecified"):
        return True
    mine = {"left", "right"} if restated.side == "bilateral" else {restated.side}
    theirs = (
        {"left", "right"} if earlier.side in ("bilateral", None, "unspecified") else {earlier.side}
    )
    return bool(mine & theirs)


def _levels_of(span: Span) -> list[str]:
    return span.id_.split("|") if span.id_ else []


class FindingBuilder:
    """Builds findings from one processed Doc."""

    def __init__(self, doc: Doc, operated: Iterable[str] = ()) -> None:
        self.doc = doc
        # levels operated on (ACDF, fusion ...), in cranio-caudal order
        self.operated = sorted(set(operated), key=lambda lvl: _LEVEL_POSITION.get(lvl, 99))
        self.text = doc_text(doc)
        self.lowers: list[str] = [t.lower_ for t in doc]
        self.semicolons = [i for i, w in enumerate(self.lowers) if w == ";"]
        self.percent_signs = [i for i, w in enumerate(self.lowers) if w == "%"]
        self._ctx: dict[tuple[int, int], _Context] = {}
        self.excluded: dict[tuple[int, int], tuple[int, int]] = {}
        self._built: list[Finding] = []  # the findings so far, while build() runs
        self.topic_ends: list[int] = []  # where each field label or topic phrase ends
        self.shared: dict[tuple[int, int], list[tuple[int, int, bool]]] = {}
        targets = [t for t in _sorted_spans(doc.spans[TARGETS_KEY]) if not self._names_a_foramen(t)]
        self.targets = targets
        lex = doc.spans[LEXICON_KEY]
        by_label: dict[str, list[Span]] = {}
        for span in lex:
            by_label.setdefault(span.label_, []).append(span)
        # Severity and side compete for tokens ("L" vs "L>R"): longest wins within each group.
        # "progressed from mild to moderate-severe": after "from", "mild to moderate" is a
        # change, not a range ("ranging from mild to moderate" is one)
        severities = [
            s
            for s in by_label.get("SEVERITY", [])
            if not (
                " to " in s.text.lower()
                and self.lowers[s.start - 1 : s.start] == ["from"]
                and self._change_before(s.start - 1)
            )
            # "possibly slightly progressed", "slightly less marked than before": the degree of
            # a change, not a grade
            and not (
                s.end - s.start == 1
                and self.lowers[s.start].endswith("ly")
                and self.lowers[s.end : s.end + 1] != []
                and self.lowers[s.end] in _CHANGE_DEGREE_WORDS
            )
        ]
        self.attr_spans = _relative_sides(
            _sorted_spans(filter_spans(severities + by_label.get("SIDE", []))), _symptom_side(doc)
        )
        target_tokens = {i for t in targets for i in range(t.start, t.end)}
        self.blockers = _sorted_spans(
            s
            for s in filter_spans(by_label.get("BLOCKER", []))
            if not any(i in target_tokens for i in range(s.start, s.end))
        )
        if "HEDGE" in by_label:
            # "possibly slightly less marked than before": the change is hedged, not the finding
            by_label["HEDGE"] = [s for s in by_label["HEDGE"] if not self._hedges_change(s.end)]
        self.lex = {
            # longest match wins within a label; then phrases that only look like a quantifier
            # ("the remaining findings") are dropped
            k: _SentenceIndex(_sorted_spans(s for s in filter_spans(v) if s.id_ != "not_levels"))
            for k, v in by_label.items()
        }
        self.levels = _SentenceIndex(_sorted_spans(doc.spans[LEVELS_KEY]))
        self.vertebral_span_starts = {s.start for s in doc.spans[LEVELS_KEY] if s.kb_id_ == "span"}
        self.attrs = _SentenceIndex(self.attr_spans)
        self._root_clause_commas(targets)
        self.sections = _section_lookup(doc)
        self.other_region_sections = _other_region_sections(doc)
        self.sents = _sentences(doc, self.text)
        self.sent_starts = [s.start for s in self.sents]
        self._amending_from: int | None = None
        self.sent_sections = self._sentence_sections()
        self.sent_start_chars = [s.start_char for s in self.sents]
        self.sent_correction = [
            bool(_CORRECTION_RE.search(s.text))
            or (self._amending_from is not None and s.start_char >= self._amending_from)
            for s in self.sents
        ]
        self._carry_corrections()
        self.scale = parse_scale([(s.start_char, s.text) for s in self.sents])
        self.header_levels = self._header_scopes()
        self._block_labels: list[str | None] | None = None
        self._inline_labelled: set[int] = set()  # sentences ruled by an inline label only
        self._side_block_cache: list[str | None] | None = None

    def _hedges_change(self, i: int) -> bool:
        """The words from token i measure a change ("slightly less", "progressed")."""
        words = self.lowers[i : i + 2]
        if words[:1] and words[0].endswith("ly") and words[0] not in _CHANGE_DEGREE_WORDS:
            words = words[1:]
        return bool(words) and words[0] in _CHANGE_DEGREE_WORDS

    def _change_before(self, i: int) -> bool:
        """A change word shortly before token i ("progressed from mild to moderate"), so that
        "from ... to ..." is a change, not a range ("narrowing of the left foramen from
        moderate to marked degree")."""
        for w in reversed(self.lowers[max(i - 6, 0) : i]):
            if w in (".", ";", ":"):
                return False
            if w in _CHANGE_VERBS or w in _CHANGE_NOUNS:
                return True
        return False

    def _carry_corrections(self) -> None:
        """An addendum that announces an error ("The sides were transposed in error at C5-6.")
        corrects with the sentences that follow it in the addendum."""
        correcting = False
        for i, section in enumerate(self.sent_sections):
            if section != "addendum":
                correcting = False
            elif self.sent_correction[i]:
                correcting = True
            elif correcting:
                self.sent_correction[i] = True
        # ... and an addendum that closes on one ("The findings and impression should be read
        # with this correction.") corrects with the sentences before it in the addendum
        closing = False
        for i in range(len(self.sent_sections) - 1, -1, -1):
            if self.sent_sections[i] != "addendum":
                closing = False
            elif closing:
                self.sent_correction[i] = True
            elif _CORRECTION_CLOSE_RE.search(self.sents[i].text):
                closing = True

    def _sentence_sections(self) -> list[str | None]:
        """Section of each sentence. A non-reporting section (history, comparison, technique,
        exam title) ends at a line that opens with a level header, or at a blank line after
        its content: what follows without a header is the body of the report (findings)."""
        out: list[str | None] = []
        override: str | None = None
        inline_header: bool | None = False
        prev_cat: str | None = "\0"
        has_content = False
        empty_field = False  # the section's only content so far is "none" / "N/A"
        prev_content_end = 0
        for sent in self.sents:
            cat = _section_of(self.sections, sent.start)
            body = sent.text.strip()
            if body in ("-", "•", "*", "·"):
                body = ""  # a bullet split off its entry: the entry's line starts after it
            gap = self.text[prev_content_end : sent.start_char]
            header_only = _is_header_only(body)
            if cat != prev_cat:
                override, has_content, empty_field, prev_cat = None, False, False, cat
                # a header alone: the next sentence tells whether it is inline (same line)
                inline_header = None if header_only else False
            if inline_header is None and body and not header_only:
                inline_header = "\n" not in gap
            if cat not in REPORTABLE_SECTIONS and override is None and body:
                new_line = "\n" in gap
                # ("- C4-5: ..." - a bulleted level entry too)
                opens_with_level = bool(_LEVEL_OPENING_RE.match(_LINE_LEAD_RE.sub("", body)))
                if (
                    (new_line and opens_with_level)
                    # "Technique: sag T1 T2 STIR ... C5-6 mild DDD, mild L NFS.": no technique
                    # sentence opens with a level
                    or (opens_with_level and cat == "technique")
                    or (has_content and _BLANK_LINE_RE.search(gap))
                    # "HX: neck pain.\nNo fracture ..." - an inline header rules its own line
                    or (new_line and inline_header and body[:1].isupper())
                    # "Technique: sag T1 T2 STIR\nenhancing mass expanding the R C4-5 NF ...":
                    # a line of findings in lower case after a technique or comparison line
                    or (
                        new_line
                        and inline_header
                        and cat in ("technique", "comparison", "exam")
                        and any(
                            t.label_ in _FINDING_LABELS and sent.start <= t.start < sent.end
                            for t in self.targets
                        )
                    )
                    # a field left empty in a run-on paragraph: "Comparison: none. Alignment
                    # normal. ..." - what follows is the body
                    or (empty_field and body[:1].isupper())
                    # "Indication: neck pain. Normal alignment. ..." in one paragraph: the
                    # survey of the spine that opens a findings body
                    or (inline_header and has_content and _BODY_OPENER_RE.match(body))
                ):
                    override = "findings"
            if body:
                prev_content_end = sent.start_char + len(sent.text.rstrip())
                if not header_only:
                    empty_field = (not has_content and bool(_EMPTY_FIELD_RE.match(body))) or bool(
                        inline_header and _COMPARISON_FIELD_RE.match(body)
                    )
                    has_content = True
            out.append(override or cat)
        # an earlier report copied below the current one: the rest of the document is prior
        appended = [
            sec.title_start
            for sec in self.doc._.sections
            if getattr(sec.rule, "literal", None) == "appended prior report"
        ]
        if appended:
            self._relabel(out, self.doc[appended[0]].idx, len(self.text), "comparison")
        # the exam title on the first line ("MRI WHOLE SPINE (METASTATIC CORD COMPRESSION
        # PROTOCOL)") names what was asked, not what was found
        title = _EXAM_TITLE_RE.match(self.text)
        named = self.levels.within(0, len(self.doc))
        if title and (not named or named[0].start_char >= title.end()):
            self._relabel(out, 0, title.end(), "exam", only_unset=True)
        # "Addendum - transcription error: ..." (a header with a subtitle after a dash) opens
        # an addendum that runs to the next section header
        for m in _DASH_ADDENDUM_RE.finditer(self.text):
            later = [
                self.doc[sec.title_start].idx
                for sec in self.doc._.sections
                if self.doc[sec.title_start].idx > m.start()
            ]
            self._relabel(out, m.start(), min(later, default=len(self.text)), "addendum")
        # a first read quoted in the final one ('Preliminary (overnight) read: "Moderate right
        # C5-6 foraminal stenosis."') is what was said before, not what is found
        starts = [sent.start_char for sent in self.sents]
        for m in _QUOTED_EARLIER_READ_RE.finditer(self.text):
            # from the start of its sentence ("The registrar's draft stated "...".")
            lo = starts[max(bisect_right(starts, m.start()) - 1, 0)]
            self._relabel(out, lo, m.end("quote"), "comparison")
        # a preliminary report pasted before the final one is superseded by it
        prelim = _PRELIMINARY_RE.search(self.text)
        final = _FINAL_REPORT_RE.search(self.text, prelim.end() if prelim else 0)
        if final and not prelim and final.start() > 0 and self.text[: final.start()].strip():
            # "Report (ST4 registrar): ... Consultant review: ...": a review of the report above
            # corrects it where it speaks
            self._amending_from = final.start()
        if prelim and final:
            if _AGREES_RE.search(self.text, final.start(), final.start() + 600):
                # the final report keeps the preliminary one and amends it: what it states
                # corrects the preliminary at the cells it names
                self._amending_from = final.start()
            else:
                self._relabel(out, prelim.start(), final.start(), "comparison")
        return out

    def _relabel(
        self, out: list[str | None], lo: int, hi: int, section: str, only_unset: bool = False
    ) -> None:
        """Give the sentences that start in characters [lo, hi) the section `section` (with
        `only_unset`, only those with none yet)."""
        for k, sent in enumerate(self.sents):
            if lo <= sent.start_char < hi and not (only_unset and out[k] is not None):
                out[k] = section

    # ----- level context -------------------------------------------------------------------
    def _header_scopes(self) -> list[list[str]]:
        """For each sentence, the levels of the level header whose scope it is in.

        A header ("C5-C6:", "At C5-6:", "C2-3 and C3-4:") rules its own line; it also rules the
        lines after it when it stands alone on its line or they are sub-fields ("  Canal: mild",
        "- Left foramen: severe"). A blank line, a new section or a line naming its own level ends
        the scope.
        """
        scopes: list[list[str]] = []
        current: list[str] = []
        header_alone = False
        prev_section = None
        prev_content_end = 0
        for sent in self.sents:
            section = self.sent_sections[len(scopes)]
            gap = self.text[prev_content_end : sent.start_char]
            new_line = "\n" in gap
            if section != prev_section or re.search(r"\n[ \t\r]*\n", gap):
                current = []
            elif new_line and current and not header_alone:
                line = self.text[sent.start_char : sent.start_char + 40]
                indent = gap.rsplit("\n", 1)[-1]
                if not (indent or _SUBFIELD_RE.match(line)):
                    current = []
            prev_section = section
            prev_content_end = sent.start_char + len(sent.text.rstrip())
            lv = self.levels.within(sent.start, sent.end)
            if lv and new_line:
                current = []
            lead = self.text[sent.start_char : lv[0].start_char] if lv else ""
            if lv and lead.strip(" \t-*•#0123456789.)(|").lower() in ("", "at", "level"):
                header = [lv[0]]
                # "C2-3 and C3-4: Normal." / "C7-T1, T1-2:" - several levels in one header.
                k = 1
                while k < len(lv) and re.fullmatch(
                    r"[\s,&/]*(?:and)?[\s,&/]*", self.text[lv[k - 1].end_char : lv[k].start_char]
                ):
                    header.append(lv[k])
                    k += 1
                tail = self.text[header[-1].end_char : header[-1].end_char + 24]
                if _LEVEL_HEADER_TAIL_RE.match(tail) or _LEVEL_ALONE_TAIL_RE.match(tail):
                    current = [lvl for h in header for lvl in _levels_of(h)]
                    rest = self.text[header[-1].end_char : sent.end_char]
                    header_alone = not re.sub(
                        r"^\s*(?:disc|disk)?\s*(?:level|interspace)?\s*[:\-–—.]",
                        "",
                        rest,
                        flags=re.I,
                    ).strip()
                elif not header_alone:
                    # "C2-C3 through C4-C5: negative. At C5-C6 there is ...": a sentence that
                    # opens on a level of its own ends an inline header's scope
                    current = []
            scopes.append(current)
        return scopes

    def _sentence_index(self, token_i: int) -> int:
        return bisect_right(self.sent_starts, token_i) - 1

    def _previous_levels(
        self, sent_i: int, through_anaphors: bool = True, count: int | None = None
    ) -> list[str]:
        """Levels of the most recent earlier sentence that names a level (for 'this level');
        with `through_anaphors`, also one placed by a positional anaphor ("the lower one").
        With `count` ("both of these levels": 2), the most recent set of that many levels, if
        there is one, else the most recent set."""
        first: list[str] | None = None
        # "C5-6: ... . C6-7: ... . No canal stenosis at either level.": the sets of the
        # sentences just before, together
        gathered: list[str] | None = []
        for found in self._previous_level_sets(sent_i, through_anaphors):
            if count is None or len(set(found)) == count:
                return found
            first = found if first is None else first
            if gathered is not None and len(set(found)) < count:
                gathered = [*found, *gathered]
                if len(set(gathered)) == count:
                    return gathered
                if len(set(gathered)) > count:
                    gathered = None
            else:
                gathered = None
        return first or []

    def _previous_level_sets(self, sent_i: int, through_anaphors: bool) -> Iterator[list[str]]:
        if self.header_levels[sent_i]:
            yield self.header_levels[sent_i]
        for k in range(sent_i - 1, -1, -1):
            sent = self.sents[k]
            lv = self.levels.within(sent.start, sent.end)
            if lv:
                yield [lvl for s in lv for lvl in _levels_of(s)]
                continue
            if self.header_levels[k]:
                yield self.header_levels[k]
                continue
            # "At the lower one ... . The right foramen here is narrowed.": a sentence placed
            # by a positional anaphor places the next
            for span in self._has_label("ANAPHOR", sent.start, sent.end):
                value = self._anaphor_value(span)
                if through_anaphors and value in _POSITIONAL_ANAPHORS:
                    yield _positional(value, self._anaphor_base(value, k))
                    break

    # ----- frames --------------------------------------------------------------------------
    def _graded_predicate_follows(self, i: int, end: int) -> bool:
        """A graded predicate with no subject of its own opens at token i ("is not normal,
        remaining mildly narrowed by ..."): it goes on saying what the subject before is."""
        while i < end and self.lowers[i] in _PREDICATE_CONTINUERS:
            i += 1
        grade = next((sp for sp in self.attrs.starting_at(i) if sp.label_ == "SEVERITY"), None)
        return grade is not None and any(
            p.start == grade.end and p.id_ == "narrowing"
            for p in self._has_label("PREDICATE", grade.end, end)
        )

    def _split_gap(self, start: int, end: int, after_target: bool = True) -> int:
        """Token index splitting the tokens between two anchors: left part -> previous anchor.
        A level the previous anchor is placed at ("narrowing at C3-C4 compressing exiting nerve
        roots") stays with it."""
        split = self._split_gap_words(start, end, after_target)
        if after_target and split < end:
            i = start + (self.lowers[start : start + 1] == ["at"])
            placed = self.levels.starting_at(i) if i > start else []
            if placed and split < placed[0].end <= end:
                return placed[0].end
        return split

    def _split_gap_words(self, start: int, end: int, after_target: bool = True) -> int:
        if start >= end:
            return start
        doc = self.doc
        first = start
        while first < end and doc[first].text in (",",):
            first += 1
        for i in range(first, end):
            if self.lowers[i] in _CAUSE_WORDS:
                # "stenosis, moderate, due to hypertrophy": what precedes the cause is the
                # first anchor's
                return i
        for i in range(first, end):
            if (
                doc[i].is_space
                and "\n" not in doc[i].text
                and len(doc[i].text) >= 2
                and _UNTICKED_RE.search(self._line_around(doc[i : i + 1])[1])
            ):
                # "Canal (x) normal ( ) narrowed    Foramina ( ) normal (x) narrowed": a wide gap
                # between two pick-lists on a line parts them
                return i
        if after_target and self.lowers[start - 1] in ("and", "or"):
            # "moderate central and | right foraminal narrowing": an anchor that ends on its
            # coordinator hands the words after it to the next anchor
            return start
        for sp in self.attrs.within(first, end):
            if (
                sp.label_ == "SIDE"
                and sp.start > first
                and self.lowers[sp.end : sp.end + 1] in (["without"], ["no"], ["not"])
            ):
                # "high-grade stenosis right, left without stenosis": the side of the negation
                return sp.start
        commas = [i for i in range(first, end) if self.lowers[i] == ","]
        if (
            after_target
            and commas
            and (
                self.lowers[commas[-1] + 1] in ("the", "a", "an")
                or (
                    self._premodifiers_only(commas[-1] + 1, end)
                    # not in a list joined by a coordinator ("at C5-C6 and moderate right, mild
                    # left foraminal stenosis at C6-C7")
                    and not any(w in _COORDINATORS for w in self.lowers[first : commas[-1]])
                )
            )
        ):
            # "NF stenosis: Rt grade 1, Lt grade 3, the left C6 root is compressed",
            # "moderate to severe NFS C6/7 left, mild NFS C5/6": a noun phrase opened after the
            # last comma is the next anchor's
            return commas[-1] + 1
        cord_verbs = self._has_label("CORD_COMPRESSION", first, end)
        governing = [
            *(p for p in self._has_label("PREDICATE", first, end) if p.id_ == "narrowing"),
            # "... and deformity of the anterior face of the medulla"
            *cord_verbs,
        ]
        for p in sorted(governing, key=lambda sp: sp.start):
            after = self.lowers[p.end : p.end + 1]
            governs = (
                after == ["of"]
                # "mild indentation over the anterior surface of the cord"
                or (p in cord_verbs and after in (["over"], ["on"], ["upon"], ["onto"]))
                or self.lowers[p.end - 1] in ("of", "the", "both")
            )
            if governs and p.start > first:
                # "..., with additional mild narrowing of the left C4-5 and right C5-6 foramina":
                # a narrowing noun governing the next anchor opens that anchor's statement; a
                # grade before a comma is not a compression's ("of the 3rd degree, compression
                # of the right C7 root")
                joiners = _PREMODIFIER_JOINERS - {","} if p in cord_verbs else _PREMODIFIER_JOINERS
                return self._grade_run_start(first, p.start, joiners)
        for q in self._has_label("QUANTIFIER", first, end):
            if self.lowers[q.start] == "otherwise" or self.lowers[q.start - 1] in (",", ";"):
                # "narrowing at C5-6, otherwise no foraminal narrowing": the rest of the levels
                # open the next anchor's statement
                return q.start
        if after_target and first < end and self.lowers[first] in _COPULAS:
            # "the canal is mildly narrowed, and there is mild and moderate foraminal ...":
            # split at the last coordinator that does not join two grades or sides
            attrs = self.attrs.within(start, end)
            # coordinators joining two grades, two sides or two levels ("at C5-6 and C6-7") do
            # not split
            joined = [*attrs, *self.levels.within(start, end)]
            attr_ends = {sp.end for sp in joined}
            attr_starts_at = {sp.start for sp in joined}
            last_coord = None
            for i in range(first + 2, end):  # not "is also moderately narrowed"
                if (
                    self.lowers[i] in _COORDINATORS
                    and not (i in attr_ends and i + 1 in attr_starts_at)
                    and not self._graded_predicate_follows(i + 1, end)
                ):
                    last_coord = i
            split = last_coord if last_coord is not None else end
            # "both foramina are narrowed: the left exit foramen ...": the next anchor's own
            # premodifiers stay with it, a participle among them ("is compressed within a
            # severely narrowed foramen")
            run = self._premodifier_start(
                start,
                end,
                {sp.start: sp for sp in [*attrs, *self._has_label("PREDICATE", start, end)]},
            )
            return min(split, run) if first < run < end else split
        attr_starts = {}
        adjacent = start
        predicates = self._has_label("PREDICATE", start, end)
        predicate_ends = {sp.end for sp in predicates}
        # a verb a grade adverb may qualify ("mildly flattens the cord")
        predicate_starts = {
            sp.start
            for label in ("PREDICATE", "CORD_COMPRESSION", "CORD_CONTACT")
            for sp in self._has_label(label, start, end)
        }
        level_ends = {sp.start: sp.end for sp in self.levels.within(start, end)}
        for span in self.attrs.within(start, end):
            # "Middle-grade NFS C5/6 left and ...": a level right after the anchor is its own,
            # and so is the side after that level
            while adjacent in level_ends:
                adjacent = level_ends[adjacent]
            if (
                span.label_ == "SIDE"
                and ";" not in self.lowers[start : span.start]
                # "left foraminal narrowing right foramen patent" (no punctuation): the side
                # word alone between two anchors premodifies the second
                and not (
                    span.start == start
                    and span.end == end
                    and span.text.lower() in ("left", "right", "lt", "rt")
                )
                and (
                    (
                        span.text.lower().startswith(("on ", "to "))
                        # "encroaches on the right C6-7 foramen": the object of the verb, not a
                        # side post-posed to the anchor before
                        and span.start not in predicate_ends
                        # "..., and to a lesser extent on the right C5-6 foramen": the next
                        # anchor's premodifier
                        and not self._premodifies(span.end, end)
                    )
                    or span.text.lower() == "bilaterally"
                    or span.start == adjacent
                )
            ):
                # a post-posed side ("narrowing on the left", "arthropathy R>L,") stays with
                # the anchor before it
                adjacent = span.end
                continue
            if (
                span.label_ == "SEVERITY"
                and span.start == adjacent
                and self.lowers[span.end - 1].endswith("ly")
                and span.end not in predicate_starts
            ):
                # "narrows the left foramen severely and the right foramen mildly": an adverb
                # right after the anchor is its grade ("severely narrowed foramen" is not)
                adjacent = span.end
                continue
            if (
                span.label_ == "SEVERITY"
                and span.start == adjacent
                and span.end < end
                and self.lowers[span.end] in (",", ";")
            ):
                # "right foramen grade 1, left foramen grade 2": a grade right after the anchor
                # and closed by a comma is that anchor's
                adjacent = span.end
                continue
            if (
                span.label_ == "SEVERITY"
                and self.lowers[span.start - 1] == "of"
                # (not "in the setting of moderate to severe C3-4 canal stenosis": a grade
                # before the next anchor's own level and noun is that anchor's)
                and not (span.end < end and self.levels.starting_at(span.end))
            ):
                # "stenosis on the right side, of moderate degree, left foramen free": a
                # post-posed grade stays with the anchor before it
                adjacent = span.end + (self.lowers[span.end] in _DEGREE_WORDS)
                continue
            attr_starts.setdefault(span.start, span)
        for label in ("PREDICATE", "CORD_COMPRESSION", "CORD_CONTACT"):
            # a verb between two anchors ("complex flattens the cord") goes with the second;
            # a noun right after the first ("cord compression with ...") stays with it
            for span in self._has_label(label, start, end):
                if span.start == adjacent and (
                    # (but after a lesion, which is no anchor of a finding, a verb right before
                    # the next anchor is that anchor's: "bulge indenting ventral cord")
                    (span.end >= end and after_target)
                    or (span.end < end and self.lowers[span.end] not in _OBJECT_MARKERS)
                ):
                    adjacent = span.end
                    continue
                attr_starts.setdefault(span.start, span)
        first = max(first, adjacent) if adjacent > start else first
        return max(first, self._premodifier_start(start, end, attr_starts))

    def _premodifies(self, start: int, end: int) -> bool:
        """Only a level or a grade, and fillers, stand between `start` and the anchor at `end`
        ("on the right C5-6 foramen", "on the left side mild neuroforaminal stenosis")."""
        level_tokens = {i for lv in self.levels.within(start, end) for i in range(lv.start, lv.end)}
        grade_tokens = {
            i
            for sp in self.attrs.within(start, end)
            if sp.label_ == "SEVERITY"
            for i in range(sp.start, sp.end)
        }
        return bool(level_tokens or grade_tokens) and all(
            i in level_tokens or i in grade_tokens or self.lowers[i] in _PREMODIFIER_FILLERS
            for i in range(start, end)
        )

    def _bracketed_grade_start(
        self, close: int, start: int, span_at_end: dict[int, tuple[int, str]]
    ) -> int | None:
        """The "(" of a bracket closed at token `close` that holds only a grade ("(mildly)"),
        when it opens at or after `start`."""
        if close <= start or self.lowers[close] != ")":
            return None
        inner = span_at_end.get(close - 1)
        if inner is None or inner[1] != "SEVERITY":
            return None
        open_i = inner[0] - 1
        if open_i <= start or self.lowers[open_i] != "(":
            return None
        # only after a side ("the right (mildly)"), not after an anchor ("foramen (moderate)")
        return open_i if span_at_end.get(open_i - 1, (0, ""))[1] == "SIDE" else None

    def _premodifier_start(self, start: int, end: int, spans: dict[int, Span]) -> int:
        """Start of the run of words that modify the anchor at `end`, read backwards from it:
        grades, sides, levels, narrowing verbs and fillers ("moderate right and severe left",
        "narrowing the left C5-6"); coordinators only join grades and sides. What precedes the
        run belongs to the anchor before (", mild at C4-5 and severe at C6-7 with impingement
        on | the left C7 root")."""
        span_at_end: dict[int, tuple[int, str]] = {}
        for sp in spans.values():
            span_at_end[sp.end - 1] = (sp.start, sp.label_)
        for lv in self.levels.within(start, end):
            span_at_end[lv.end - 1] = (lv.start, "LEVEL")
        run_start = end
        pos = end - 1
        last = None
        while pos >= start:
            if pos in span_at_end:
                sp_start, kind = span_at_end[pos]
                run_start, pos, last = sp_start, sp_start - 1, kind
                continue
            word = self.lowers[pos]
            if word in _PREMODIFIER_FILLERS or word.isspace() or _ROOT_NAME_WORD_RE.match(word):
                # "the left C7 exit foramen": the root the foramen transmits
                run_start, pos = pos, pos - 1
                continue
            bracket = self._bracketed_grade_start(pos, start, span_at_end) if word == ")" else None
            if bracket is not None:
                # "narrow the right (mildly) and left (moderately) exit foramina": a side's
                # grade in its own bracket
                run_start, pos, last = bracket, bracket - 1, "SEVERITY"
                continue
            if word.isdigit() and pos > start and self.lowers[pos - 1] == "grade":
                # "mild (grade 1) right foraminal stenosis": the scale number of a stated grade
                run_start, pos = pos - 1, pos - 2
                continue
            before = span_at_end[pos - 1][1] if pos - 1 in span_at_end else None
            if before is None and self._bracketed_grade_start(pos - 1, start, span_at_end):
                before = "SEVERITY"
            if word in _PREMODIFIER_JOINERS and (
                (last in ("SEVERITY", "SIDE") and before in ("SEVERITY", "SIDE"))
                # "severe bilateral C5/6 and moderate-severe right C4/5 foraminal stenosis":
                # graded levels in a list
                or (
                    last in ("SEVERITY", "SIDE")
                    and before == "LEVEL"
                    and span_at_end.get(span_at_end[pos - 1][0] - 1, (0, ""))[1]
                    in ("SEVERITY", "SIDE")
                )
                # "the left C5-6 and C6-7 neural foramina": a level list
                or (last == "LEVEL" and before == "LEVEL")
                # "the left C4-5 and right C5-6 foramina": side-level pairs
                or (last == "SIDE" and before == "LEVEL")
            ):
                run_start, pos = pos, pos - 1
                continue
            break
        return run_start

    def _anchors(self, sent: Span) -> list[tuple[int, int, Span | None]]:
        anchors: list[tuple[int, int, Span | None]] = []
        targets = self.targets_in(sent)
        for k, t in enumerate(targets):
            if t.label_ == "NEUTRAL":
                continue
            if t.label_ == "GENERIC_STENOSIS" and self._stenosis_of(t, targets[k + 1 : k + 2]):
                continue  # "severe stenosis of the right C6-7 neural foramen": the foramen's
            if t.label_ == "GENERIC_STENOSIS" and self._graded_head(t, targets[k - 1 : k]):
                continue  # "Bilateral foramen mild stenosis": the foramen's
            if (
                t.label_ == "CANAL"
                and self.lowers[t.end - 1] in _COORD_WORDS
                and not (
                    k + 1 < len(targets)
                    and targets[k + 1].label_ == "FORAMINAL"
                    and all(
                        w in _PREMODIFIER_FILLERS or w in _GRADE_OR_SIDE_WORDS
                        for w in self.lowers[t.end : targets[k + 1].start]
                    )
                )
            ):
                # "central or" is the canal only before "(moderate left) foraminal ..."
                continue
            topic_end = self._is_topic(t)
            later = [
                o for o in targets if o.start > t.end and o.label_ in (t.label_, "GENERIC_STENOSIS")
            ]
            if topic_end and later and not self._label_states_first(topic_end, later[0].start):
                # a field label ("Central canal: no canal stenosis") or a topic ("As for the
                # foramina, on the left there is mild narrowing") is not a finding, and what
                # the topic phrase says ("at the operated levels") is not the statement's
                if self.doc[topic_end - 1].text != ":":  # a label's words ("Left foramen:")
                    self.topic_ends.append(topic_end)  # are the statement's
                continue
            anchors.append((t.start, t.end, t))
        for b in self.blocker_index.within(sent.start, sent.end):
            if self._label_cause(b):
                continue  # "Foramina: uncarthrosis with mild bilateral narrowing."
            anchors.append((b.start, b.end, None))
        anchors.sort(key=lambda a: (a[0], -a[1]))
        return anchors

    def _graded_before(self, start: int, end: int) -> bool:
        """A current grade lies between tokens `start` and `end`."""
        return any(
            sp.label_ == "SEVERITY" and not self._in_prior_bracket(sp.start)
            for sp in self.attrs.within(start, end)
        )

    def _appositive_cause(self, b: Span, start: int) -> bool:
        """A lesion named after the graded narrowing and a comma ("C4-5: mild narrowing,
        uncovertebral spurring."): the narrowing's cause."""
        comma = next(
            (
                i
                for i in range(b.start - 1, max(b.start - 4, start) - 1, -1)
                if self.lowers[i] in (",", "(")
            ),
            None,
        )
        if comma is not None and self.lowers[comma] == "(":
            # "C2-3: mild right (facet arthropathy)": the cause in a bracket after the grade
            return any(sp.label_ == "SEVERITY" for sp in self.attrs.within(start, comma))
        return comma is not None and any(
            p.id_ == "narrowing" and p.end <= comma
            for p in self._has_label("PREDICATE", start, comma)
        )

    def _label_cause(self, b: Span) -> bool:
        """A lesion that opens the statement of a field label and causes its finding
        ("Foramina: uncarthrosis with mild bilateral narrowing"): part of the label's frame."""
        # (a word or two may stand before the lesion: "Exit foramina: Uncovertebral
        # osteophytes cause moderate bilateral narrowing at C4/5")
        colon = next(
            (i for i in range(b.start - 1, max(b.start - 3, 1) - 1, -1) if self.lowers[i] == ":"),
            None,
        )
        if colon is None or any(
            not self.lowers[i].isalpha() or self.target_index.within(i, i + 1)
            for i in range(colon + 1, b.start)
        ):
            return False
        label = self.target_index.within(max(colon - 5, 0), colon)
        return (
            bool(label)
            and label[-1].label_ in ("FORAMINAL", "CANAL")
            and label[-1].end == colon
            and self.lowers[b.end : b.end + 1]
            in (
                ["with"],
                ["causing"],
                ["cause"],
                ["causes"],
                ["resulting"],
                ["result"],
                ["results"],
                ["producing"],
                ["produce"],
                ["produces"],
                ["narrowing"],
                ["narrow"],
                ["narrows"],
            )
        )

    def _label_states_first(self, topic_end: int, next_start: int) -> bool:
        """A field label with a statement of its own before a clause that names the finding
        again: "Foramina: right none; left mild stenosis." """
        gap = self.lowers[topic_end:next_start]
        if ";" in gap:
            first = gap[: gap.index(";")]
            return any(w not in _CLAUSE_PUNCT for w in first)
        if "," not in gap:
            return False
        # "Foramina: mild narrowing on the right, left foramen not narrowed."
        cut = len(gap) - 1 - gap[::-1].index(",")
        first, after = gap[:cut], gap[cut + 1 :]
        return (
            all(w in _SUBJECT_LEAD_WORDS for w in after)
            and bool(
                self._has_label("SEVERITY", topic_end, topic_end + cut)
                or self._has_label("PREDICATE", topic_end, topic_end + cut)
            )
            and any(w in _SIDE_WORDS for w in first)
        )

    def _stenosis_of(self, generic: Span, following: list[Span]) -> bool:
        """'stenosis of the [side] [level] neural foramen / central canal'."""
        if not following or following[0].label_ not in ("FORAMINAL", "CANAL"):
            return False
        nxt = following[0]
        gap = self.lowers[generic.end : nxt.start]
        return (
            gap[:1] == ["of"]
            and len(gap) <= 7
            and not any(w in (",", ";", ".", ":", "and", "or", "with") for w in gap)
        )

    def _taken_back(self, span: Span) -> bool:
        """A grade or side the dictation takes back at once and replaces with another of its
        kind ("moderate, scratch that, mild", "severe left, I mean right, ...")."""
        k = span.end
        if self.lowers[k : k + 1] == [","]:
            k += 1
        words = self.lowers[k : k + 3]
        taken = words[:2] in (
            ["i", "mean"],
            ["scratch", "that"],
            ["strike", "that"],
            ["or", "rather"],
        ) or words[:1] == ["rather"]
        if not taken:
            return False
        k += 1 if words[:1] == ["rather"] else 2
        if self.lowers[k : k + 1] == [","]:
            k += 1
        return any(sp.label_ == span.label_ and sp.start == k for sp in self.attrs.within(k, k + 4))

    def _graded_after(self, end: int, rest: list[_Item]) -> bool:
        """A grade follows token `end` among the remaining items before the next level."""
        for it in rest:
            if it.label in _LEVEL_LABELS:
                return False
            if it.label == "SEVERITY":
                return True
        return False

    def _level_only_bracket(self, i: int) -> bool:
        """The bracket token i is in holds levels and nothing else ("(C5-6)", "(C4-5 and
        C5-6)")."""
        open_i = next((k for k in range(i, max(i - 3, 0) - 1, -1) if self.lowers[k] == "("), None)
        close = next(
            (k for k in range(i, min(i + 12, len(self.lowers))) if self.lowers[k] == ")"), None
        )
        if open_i is None or close is None:
            return False
        covered = {k for lv in self.levels.within(open_i, close) for k in range(lv.start, lv.end)}
        return bool(covered) and all(
            k in covered or self.lowers[k] in (",", "and", "&", "/")
            for k in range(open_i + 1, close)
        )

    def _bracket_names_level(self, i: int) -> bool:
        """The bracket token i is in names a level ("(marked on left at C6-C7)")."""
        close = next(
            (k for k in range(i, min(i + 12, len(self.lowers))) if self.lowers[k] == ")"), None
        )
        return close is not None and bool(self.levels.within(i, close))

    def _share_predicate_grade(self, groups: list[_Group], target: Span) -> None:
        """A grade in the predicate after the anchor is every listed foramen's: "The left C5-6
        and left L5-S1 foramina are mildly narrowed"."""
        if len(groups) < 2 or not groups[-1].severities:
            return
        grade = groups[-1].severities
        if grade[0].start < target.end or any(g.severities for g in groups[:-1]):
            return
        if any(it.start >= target.end for it in groups[-1].levels):
            return  # "are narrowed, moderately at C7-T1": the grade of the level it names
        if not all(it.end <= target.end for g in groups[:-1] for it in g.order):
            return
        between = self.lowers[target.end : grade[0].start]
        if not between or between[0] not in _COPULAS:
            return  # "are mildly narrowed": a predicate, not the next item of a list
        for g in groups[:-1]:
            if g.levels or g.sides:
                g.severities = list(grade)

    def _premodifiers_only(self, start: int, end: int) -> bool:
        """Every token in [start, end) is a grade, a side or a level (words that premodify the
        anchor after them)."""
        if start >= end:
            return False
        covered = {
            i
            for sp in [*self.attrs.within(start, end), *self.levels.within(start, end)]
            for i in range(sp.start, sp.end)
        }
        return all(i in covered for i in range(start, end))

    def _graded_head(self, generic: Span, before: list[Span]) -> bool:
        """'[side] foramen [grade] stenosis': the stenosis heads the foramen just named, with only
        a grade between ("Bilateral foramen mild stenosis", "left foramen moderate stenosis")."""
        if not before or before[0].label_ not in ("FORAMINAL", "CANAL"):
            return False
        gap = self.lowers[before[0].end : generic.start]
        return 0 < len(gap) <= 2 and all(w in _GRADE_OR_SIDE_WORDS for w in gap)

    def targets_in(self, sent: Span) -> list[Span]:
        return self.target_index.within(sent.start, sent.end)

    def _cause_span_end(
        self, anchors: list[tuple[int, int, Span | None]], bounds: list[int], k: int
    ) -> tuple[int, int] | None:
        """Index of the last anchor of a cause phrase right after target k ("due to ...") and
        the cause's first token, if the cause is followed by more of the target's attributes
        (after a comma, or a copula)."""
        if k + 1 >= len(anchors):
            return None
        nxt = anchors[k + 1][2]
        if nxt is not None and not (
            # "narrowed by tumor, moderately at C7-T1": a lesion named as the cause
            nxt.label_.startswith("RED_FLAG_")
            and any(
                self._cause_word(i) for i in range(max(nxt.start - 3, anchors[k][1]), nxt.start)
            )
        ):
            return None
        cause_start = bounds[k]
        if self.lowers[cause_start] not in _CAUSE_WORDS:
            # "narrowing from uncovertebral spurring is severe", "Foramina: residual narrowing
            # from spurring, moderate on the right": the first cause word after the target
            level_starts = {lv.start for lv in self.levels.within(anchors[k][1], anchors[k + 1][0])}
            found = None
            for i in range(anchors[k][1], anchors[k + 1][0]):
                w = self.lowers[i]
                if w == "," and self._level_list_goes_on(i):
                    continue  # "bilaterally at C4-5, C5-6 and C6-7 by uncovertebral osteophytes"
                if w in (",", ";", "."):
                    break
                if self._cause_word(i) and (w not in ("from", "by") or i + 1 not in level_starts):
                    found = i
                    break
            if found is None:
                return None
            cause_start = found
        j = k + 1
        while j + 1 < len(anchors) and anchors[j + 1][2] is None:
            gap = self.lowers[anchors[j][1] : anchors[j + 1][0]]
            if any(w in (",", ";") for w in gap):
                break
            j += 1
        tail_end = bounds[j] if j < len(anchors) - 1 else None
        tail = self.lowers[anchors[j][1] : tail_end] if tail_end else self.lowers[anchors[j][1] :]
        # the target's attributes resume after a comma or a colon ("narrowing due to facet
        # hypertrophy: C4-C5 moderate on the right; ..."), or as the predicate of a copula
        # ("narrowing due to spurring is severe on the left")
        # ... or with the degree of the narrowing ("narrowed by disc-osteophyte complexes to a
        # moderate degree at C4/5")
        resumes = bool(tail) and (
            tail[0] in (",", ":", "-", "–", "—")
            or tail[0] in _CAUSE_COPULAS
            or any(
                w == "to" and any(d in _DEGREE_NOUNS for d in tail[i + 1 : i + 5])
                for i, w in enumerate(tail[:3])
            )
        )
        return (j, cause_start) if resumes else None

    def _frames(self, sent: Span) -> list[tuple[Span, int, int]]:
        anchors = self._anchors(sent)
        frames: list[tuple[Span, int, int]] = []
        bounds: list[int] = []  # split points between consecutive anchors
        for k in range(len(anchors) - 1):
            bounds.append(
                self._split_gap(anchors[k][1], anchors[k + 1][0], anchors[k][2] is not None)
            )
        clauses = self._clauses(sent)
        leads = {k: lead for k in range(len(anchors)) if (lead := self._leading_aside(anchors, k))}
        aside_ends: dict[int, int] = {}  # anchor -> where the "with" aside it stands in closes
        for k, (_s, _e, target) in enumerate(anchors):
            if target is None:
                continue
            left = bounds[k - 1] if k > 0 else sent.start
            right = bounds[k] if k < len(anchors) - 1 else sent.end
            right = min(right, aside_ends.get(k, right))
            if k in leads:
                # "severe left (with impingement on the exiting left C6 root) and mild right
                # neural foraminal stenosis": the grades before the bracketed aside are this
                # anchor's, the aside is left out
                left, open_i, close_i = leads[k]
                self.excluded[(target.start, target.end)] = (open_i, close_i + 1)
            if k + 2 in leads:
                right = min(right, leads[k + 2][0])
            cause = self._cause_span_end(anchors, bounds, k)
            if cause is not None:
                # "narrowing due to uncovertebral hypertrophy, mild at C3-4 and moderate at
                # C5-6": the frame reads on past the cause, which itself is left out
                j, cause_start = cause
                self.excluded[(target.start, target.end)] = (cause_start, anchors[j][1])
                right = bounds[j] if j < len(anchors) - 1 else sent.end
            aside = None if k + 2 in leads or k in leads else self._aside(anchors, k, sent)
            if aside is not None and cause is None:
                # "narrowed: right - pronounced (the right C6 root is compressed), left - mild":
                # a finding in a bracketed aside does not end the frame, which reads on past it
                j, open_i, close_i = aside
                self.excluded[(target.start, target.end)] = (open_i, close_i + 1)
                right = bounds[j] if j < len(anchors) - 1 else sent.end
                if self.lowers[close_i] == ",":
                    # "... with compression of the C6 root, and moderately at C6/7": the root's
                    # frame ends with the aside
                    aside_ends[j] = close_i
            # a frame never crosses ';' ("... severely narrowed; at the other levels ...")
            c_start, c_end = next((a, b) for a, b in clauses if a <= target.start < b)
            left, right = max(left, c_start), min(right, c_end)
            # nor reaches back into a topic phrase ("As for the foramina at the fused levels,")
            left = max([left, *(e for e in self.topic_ends if sent.start < e <= target.start)])
            if k == 0 or anchors[k - 1][2] is None:
                left = self._own_clause_start(left, target)
            frames.append((target, min(left, target.start), max(right, target.end)))
        return self._share_coordinated(frames)

    def _own_clause_start(self, left: int, target: Span) -> int:
        """ "Correction: this is on the left, the right C4-5 foramen is patent.": a clause with
        its own verb before ", the <anchor>" is a statement of its own, not the anchor's."""
        for i in range(target.start - 1, left, -1):
            if self.lowers[i] == "," and self.lowers[i + 1 : i + 2] in (["the"], ["a"], ["an"]):
                head = self.lowers[left:i]
                if any(w in _COPULAS for w in head) and not self.levels.within(left, i):
                    return i + 1
                return left
        return left

    def _words_before(self, token_i: int, skip: tuple[str, ...]) -> list[str]:
        """The four words before token i, without the `skip` words."""
        return [w for w in self.lowers[max(token_i - 4, 0) : token_i] if w not in skip]

    def _comparative_side(self, token_i: int) -> bool:
        """A side after a comparative ("more on the right", "worse on right side")."""
        before = self._words_before(token_i, ("the", "on"))
        return bool(before) and before[-1] in _COMPARATIVES

    def _more_on_side(self, token_i: int, end: int) -> bool:
        """A side after "more", "worse" or "greater" ("more to the left"), not after a grade
        ("pronounced on the left") or a superlative ("most pronounced on the left")."""
        before = self._words_before(token_i, ("the", "on", "to"))
        if before[-1:] in ([","], ["("]):
            # "foramina moderately narrowed, the right more." - an afterthought that puts the
            # side first
            # "..., the right is more."
            after = [
                w for w in self.lowers[end : end + 4] if w not in ("side", "is", "was", "being")
            ][:2]
            return (
                after[:1] != []
                and after[0] in _MORE_WORDS
                and (after[1:] in ([], ["so"]) or after[1] in _AFTERTHOUGHT_ENDS)
            )
        return (
            bool(before)
            and (
                before[-1] in _MORE_WORDS
                or (
                    before[-1] in _PREDOMINANCE_WORDS
                    # "predominantly on the left", not "predominantly left-sided"
                    and (
                        self.lowers[token_i] in ("on", "to")
                        or [w for w in self.lowers[max(token_i - 2, 0) : token_i] if w != "the"][
                            -1:
                        ]
                        in (["on"], ["to"])
                    )
                )
            )
            and (len(before) < 2 or before[-2] not in ("most", "much"))
        )

    def _leading_aside(
        self, anchors: list[tuple[int, int, Span | None]], k: int
    ) -> tuple[int, int, int] | None:
        """(start of the grades, '(' index, ')' index) when anchor k's grades and sides stand
        before a bracket that holds only the anchor before it: "severe left (with impingement
        on the exiting left C6 root) and mild right neural foraminal stenosis"."""
        if k < 1 or anchors[k][2] is None or anchors[k][2].label_ not in _CONTINUABLE:
            return None
        inner_start, inner_end, _t = anchors[k - 1]
        floor = anchors[k - 2][1] if k >= 2 else self.sents[self._sentence_index(inner_start)].start
        open_i = next(
            (i for i in range(inner_start - 1, floor - 1, -1) if self.lowers[i] in ("(", ")")),
            None,
        )
        close_i = next(
            (i for i in range(inner_end, anchors[k][0]) if self.lowers[i] in ("(", ")")), None
        )
        if (
            open_i is None
            or close_i is None
            or self.lowers[open_i] != "("
            or self.lowers[close_i] != ")"
        ):
            return None
        graded = {
            i
            for sp in self.attrs.within(floor, anchors[k][0])
            if sp.label_ in ("SEVERITY", "SIDE")
            for i in range(sp.start, sp.end)
        }
        after = range(close_i + 1, anchors[k][0])
        if not all(
            i in graded or self.lowers[i] in _PREMODIFIER_FILLERS or self.lowers[i] in _COORD_WORDS
            for i in after
        ):
            return None
        run_start = open_i
        while run_start - 1 >= floor and (
            run_start - 1 in graded or self.lowers[run_start - 1] in ("to", "-")
        ):
            run_start -= 1
        if run_start == open_i or self.lowers[run_start - 1] not in (",", "and", "or", "with"):
            return None  # "high-grade NFS left (C6 root) and ...": a side post-posed to the anchor
        return run_start, open_i, close_i

    def _aside(
        self, anchors: list[tuple[int, int, Span | None]], k: int, sent: Span
    ) -> tuple[int, int, int] | None:
        """(last anchor inside, '(' index, ')' index) when the anchors after anchor k open a
        bracketed aside that closes before the sentence ends and more words follow it."""
        if k + 1 >= len(anchors):
            return None
        with_aside = self._with_aside(anchors, k, sent)
        if with_aside is not None:
            return with_aside
        # the last bracket between the two anchors opens, the first after the next one closes
        open_i = next(
            (
                i
                for i in range(anchors[k + 1][0] - 1, anchors[k][1] - 1, -1)
                if self.lowers[i] in (")", "(")
            ),
            None,
        )
        if open_i is None or self.lowers[open_i] != "(":
            return None
        close_i = next(
            (i for i in range(anchors[k + 1][1], sent.end) if self.lowers[i] in (")", "(")),
            None,
        )
        if close_i is None or self.lowers[close_i] != ")" or close_i + 1 >= sent.end:
            return None
        if self.lowers[close_i + 1] in (".", ";"):
            return None
        inside = [j for j in range(k + 1, len(anchors)) if anchors[j][0] < close_i]
        if any(anchors[j][1] > close_i for j in inside):
            return None
        return inside[-1], open_i, close_i

    def _with_aside(
        self, anchors: list[tuple[int, int, Span | None]], k: int, sent: Span
    ) -> tuple[int, int, int] | None:
        """ "narrowed: mildly at C4/5, severely at C5/6 with compression of the exiting C6
        root, and moderately at C6/7": a root or cord finding in a "with" phrase after a graded
        level is an aside; the list of grades goes on past it."""
        first, nxt = anchors[k][2], anchors[k + 1][2]
        if first is None or nxt is None or first.label_ not in ("FORAMINAL", "GENERIC_STENOSIS"):
            return None
        if nxt.label_ not in ("ROOT", "CORD"):
            return None
        open_i = next(
            (i for i in range(nxt.start - 1, anchors[k][1] - 1, -1) if self.lowers[i] == "with"),
            None,
        )
        if open_i is None or self._level_ending_at(open_i, 6) is None:
            return None  # the "with" follows a level: "severely at C5/6 with ..."
        if any(self.lowers[i] in (",", ";", "(", ")") for i in range(open_i, nxt.start)):
            return None
        comma = next(
            (i for i in range(nxt.end, sent.end) if self.lowers[i] in (",", ";", ".", "(", ")")),
            None,
        )
        if comma is None or self.lowers[comma] != ",":
            return None
        after = comma + 1 + (self.lowers[comma + 1 : comma + 2] == ["and"])
        grade = next((sp for sp in self.attrs.starting_at(after) if sp.label_ == "SEVERITY"), None)
        placed = self.levels.within(grade.end, min(grade.end + 8, sent.end)) if grade else []
        if not placed or placed[0].start > grade.end + 2:  # "moderately at C6/7"
            return None
        if any(a[0] < sent.end and a[0] >= comma for a in anchors[k + 2 :]):
            return None  # another finding follows: the list does not go on
        return k + 1, open_i, comma

    def _share_coordinated(
        self, frames: list[tuple[Span, int, int]]
    ) -> list[tuple[Span, int, int]]:
        """Coordinated anchors ("no canal or foraminal stenosis at C5-6") share the words around
        the coordination: each keeps its own frame, plus the prefix before the first and the
        suffix after the last as shared ranges (used where its own frame is silent)."""
        self.shared = {}
        if len(frames) < 2:
            return frames
        doc = self.doc
        groups: list[list[int]] = [[0]]
        for k in range(1, len(frames)):
            prev, cur = frames[k - 1][0], frames[k][0]
            gap = [t.lower_ for t in doc[prev.end : cur.start]]
            # "narrowing of the spinal canal (AP diameter 8 mm) and of both neural foramina"
            gap = _without_brackets(gap)
            gap = [
                w
                for i, w in enumerate(gap)
                if not (w == "of" and gap[i - 1 : i] in (["and"], ["or"]))
            ]
            if (
                prev.label_ in _COORDINABLE
                and cur.label_ in _COORDINABLE
                # "no canal stenosis, and the neural foramina are patent at all levels": the
                # second anchor opens a clause of its own, with its own verb
                and not (
                    "," in gap and " ".join(self.lowers[cur.end : cur.end + 1]) in _CLAUSE_VERBS
                )
                and (
                    (gap and all(w in _COORD_WORDS for w in gap) and any(w != "," for w in gap))
                    # "moderate canal stenosis and mild cord flattening at C5-6": the second
                    # anchor's own grade may stand between
                    or (
                        gap
                        and all(w in _COORD_WORDS or w in _GRADE_OR_SIDE_WORDS for w in gap)
                        and any(w in _CONJUNCTION_WORDS for w in gap)
                        and self._ends_with_noun(prev)
                    )
                    # "no central or foraminal stenosis": the coordinator ends the first anchor
                    or (not gap and doc[prev.end - 1].lower_ in _COORD_WORDS)
                )
            ):
                groups[-1].append(k)
            else:
                groups.append([k])
        for g in groups:
            if len(g) < 2:
                continue
            first_t, first_left = frames[g[0]][0], frames[g[0]][1]
            last_t, last_right = frames[g[-1]][0], frames[g[-1]][2]
            for k in g:
                t = frames[k][0]
                ranges = []
                if k != g[0]:
                    # "severe foraminal stenosis and canal stenosis": two whole noun phrases;
                    # the first one's grade is not the second one's
                    whole = self._ends_with_noun(first_t) and self._ends_with_noun(t)
                    ranges.append((first_left, first_t.start, not whole))
                if k != g[-1]:
                    # the shared suffix ends at a clause break (", and C6-7 shows ..."), not
                    # inside a level list ("at C2-3, C4-5 or C7-T1")
                    suffix_end = next(
                        (
                            i
                            for i in range(last_t.end, last_right)
                            if self.lowers[i] == ";"
                            or (self.lowers[i] == "," and not self._level_list_goes_on(i))
                        ),
                        last_right,
                    )
                    ranges.append((last_t.end, suffix_end, True))
                self.shared[(t.start, t.end)] = ranges
        return frames

    def _level_list_goes_on(self, comma: int) -> bool:
        """The comma at `comma` separates two levels of a list ("at C2-3, C4-5 or C7-T1")."""
        if not any(lv.end == comma for lv in self.levels.within(max(comma - 8, 0), comma)):
            return False
        i = comma + 1
        i += self.lowers[i : i + 1] in (["and"], ["or"], ["&"])
        i += self.lowers[i : i + 1] == ["at"]
        return bool(self.levels.starting_at(i))

    def _ends_with_noun(self, t: Span) -> bool:
        return self.lowers[t.end - 1] in _NARROWING_NOUNS

    # ----- items ---------------------------------------------------------------------------
    def _level_follows(self, i: int) -> bool:
        """A level right after token i, with "at" or "in" before it ("mild at C4-5")."""
        if self.lowers[i : i + 1] not in (["at"], ["in"]):
            return False
        return any(sp.start == i + 1 for sp in self.levels.within(i + 1, i + 8))

    def _is_prior_severity(self, span: Span) -> bool:
        doc = self.doc
        if self.sent_correction[self._sentence_index(span.start)] and (
            self.lowers[span.start - 1 : span.start] == ["not"]
            or self.lowers[max(span.start - 2, 0) : span.start] == ["rather", "than"]
        ):
            return True  # "moderate, not severe as originally dictated": the replaced grade
        for i in range(span.start - 1, max(span.start - 2, 0) - 1, -1):
            if self.lowers[i] in _CLAUSE_PUNCT:
                break  # "... since the prior. Mild right stenosis": another sentence's word
            if self.lowers[i] in ("previously", "formerly", "from", "prior", "previous", "prev"):
                if self.lowers[i] == "from" and (
                    self.lowers[i - 1 : i] in (["apart"], ["aside"])
                    or (" to " in span.text.lower() and not self._change_before(i))
                    or self._level_follows(span.end)
                ):
                    # "no narrowing apart from minimal right-sided narrowing"; "narrowing of
                    # the left foramen from moderate to marked degree" (a range, not a change);
                    # "increasing from mild at C4-5 to severe at C6-7" (along the spine)
                    break
                if i == span.start - 2 and self.lowers[i + 1] in _REPORTING_PARTICIPLES:
                    # "the previously described severe stenosis is again seen": the finding
                    # was described before; its grade is prior only when a current one
                    # follows ("... is now moderate")
                    return self._grade_follows(span)
                return True
        before3 = self.lowers[max(span.start - 3, 0) : span.start]
        if (
            before3[-1:] == ["as"]
            and before3[-2:-1] in (["described"], ["graded"], ["reported"], ["called"])
            and before3[:1] in (["previously"], ["formerly"], ["initially"], ["originally"])
        ):
            return True  # "narrowing, previously described as moderate, is graded mild today"
        if self.lowers[max(span.start - 3, 0) : span.start][-3:-1] in (
            ["outside", "report"],
            ["preliminary", "report"],
            ["prior", "report"],
            ["previous", "report"],
        ) and self.lowers[span.start - 1] in (":", "-", "="):
            return True  # "(outside report: moderate)"
        if self._dated_in_bracket(span.start):
            return True  # "no longer narrowed (10/2023: high-grade NFS li.)"
        for i in range(span.start - 1, max(span.start - 8, 0) - 1, -1):
            if self.lowers[i] in _CLAUSE_PUNCT:
                break
            if self.lowers[i] in _SUPERSEDED_VERSION_WORDS or (
                # "(outside report graded severe bilaterally)", "(outside report: moderate)"
                self.lowers[i] in ("outside", "external")
                and self.lowers[i + 1 : i + 2]
                in (["report"], ["read"], ["interpretation"], ["grading"], ["assessment"])
            ):
                # "the preliminary report overstated this as severe"
                return True
        before = self._words_in_clause_before(span.start, 8)  # nearest first
        if any(
            w in ("preoperatively", "preop")
            or (w == "operatively" and before[k + 1 : k + 3] == ["-", "pre"])
            for k, w in enumerate(before[:6])
        ):
            return True  # "the right foramen is now patent; pre-operatively it was severe"
        if any(w in _DRAFT_WORDS for w in before) and self._grade_follows(span):
            return True  # "AI: moderate; radiologist: mild-moderate"
        end = span.end
        if self.lowers[end : end + 1] == ["("] and ")" in self.lowers[end : end + 8]:
            # "moderate (confidence: medium) -> radiologist: mild": past the bracket
            end = self.lowers.index(")", end) + 1
        after = self.lowers[end : end + 2]
        # the arrow's length in tokens ("->" or "-", ">"), 0 when there is none
        arrow = (
            1
            if after[:1] in (["->"], ["→"], ["=>"], ["⇒"])
            else 2
            if after in (["-", ">"], ["=", ">"])
            else 0
        )
        if arrow and not (
            # "mild -> radiologist: agree": the reviewer keeps it
            set(self.lowers[end + arrow : end + arrow + 4]) & _KEPT_WORDS
        ):
            return True  # "(severe -> mild)": the grade before the arrow is the earlier one
        if _EDITED_RE.match(self.text[span.end_char : span.end_char + 20].lstrip()):
            return True  # "L severe [edited: moderate-severe]"
        if self.text[max(span.start_char - 2, 0) : span.start_char] == "~~":
            return True  # "~~moderate~~ **mild**": a grade struck through
        for i in range(span.end, min(span.end + 9, len(doc))):
            if i >= span.end + 6 and not (
                # further on, only "previously, now ...": "Moderate narrowing of the right C6-7
                # foramen previously, now mild."
                self.lowers[i] in ("previously", "formerly")
                and self.lowers[i + 1 : i + 2] in ([","], ["now"], [";"])
            ):
                if self.lowers[i] in (".", ";", "and", ",", "("):
                    break
                continue
            if self.lowers[i] in ("prior", "previous", "preoperatively", "previously", "formerly"):
                if self.lowers[i + 1 : i + 2] and self.lowers[i + 1] in _REPORTING_PARTICIPLES:
                    if self.lowers[i - 1] == "as":
                        break  # "moderate narrowing as previously described" is current
                    # "the severe stenosis previously seen has improved; there is now mild
                    # narrowing": the grade is prior when a current one follows
                    return self._grade_follows(span)
                if any(sp.label_ == "SEVERITY" for sp in self.attrs.starting_at(i + 1)):
                    break  # "severe stenosis previously moderate": the grade after is prior
                return True  # "Moderate narrowing C6-7 previously, now mild."
            if _YEAR_RE.match(self.lowers[i]) and self.lowers[i - 1] in ("in", "on", "of"):
                return True  # "mildly narrowed in 2024, is now moderately narrowed"
            if self.lowers[i] in (".", ";", "and", ",", "("):
                break
        return False

    def _level_ending_at(self, i: int, reach: int) -> Span | None:
        """The level mention that ends at token i and starts at most `reach` tokens before."""
        return next((lv for lv in self.levels.within(max(i - reach, 0), i) if lv.end == i), None)

    def _sided_stenosis(self, target: Span) -> bool:
        """A side, and at most a level, right before an unqualified stenosis ("the left C6-7
        stenosis is mild rather than moderate")."""
        i = target.start
        level = self._level_ending_at(i, 6)
        if level is not None:
            i = level.start
        return any(
            sp.label_ == "SIDE" and sp.end == i and sp.id_ in ("left", "right", "bilateral")
            for sp in self.attrs.within(max(i - 3, 0), i)
        )

    def _in_prior_bracket(self, token_i: int) -> bool:
        """Token i lies in a bracket about an earlier study: "(previously moderate on the
        left)", "(prior: severe)"."""
        for i in range(token_i - 1, max(token_i - 8, 0) - 1, -1):
            if self.lowers[i] in (")", ".", ";", "\n"):
                return False
            if self.lowers[i] == "(":
                return self.lowers[i + 1 : i + 2] in (
                    ["previously"],
                    ["formerly"],
                    ["prior"],
                    ["previous"],
                    ["before"],
                    ["was"],
                )
        return False

    def _copied_level(self, sent: Span, sent_i: int) -> list[Finding]:
        """ "C4-5: Same as C3-4.", "C6-7: Identical appearance to C5-6.": a level stated to
        look like another has that level's foraminal and canal findings; "..., but the left
        side is now severe" restates one side."""
        header = self.header_levels[sent_i]
        if len(header) != 1 or any(
            t.label_ in ("FORAMINAL", "CANAL", "GENERIC_STENOSIS")
            for t in self.target_index.within(sent.start, sent.end)
        ):
            return []
        ref = next(
            (
                lv
                for lv in self.levels.within(sent.start, sent.end)
                if _COPY_LEAD_RE.search(
                    " ".join(self.lowers[max(lv.start - 5, sent.start) : lv.start])
                )
            ),
            None,
        )
        if ref is None:
            return []
        source = _levels_of(ref)
        if len(source) != 1 or source == header:
            return []
        lead = next(
            i
            for i in range(max(ref.start - 5, sent.start), ref.start)
            if self.lowers[i] in ("same", "identical", "similar")
        )
        evidence = self.doc[lead : ref.end]
        at = evidence.start_char
        copied: dict[tuple[object, ...], Finding] = {}
        for f in self._built:
            if (
                f.level == source[0]
                and f.type in ("foraminal_stenosis", "canal_stenosis")
                and f.start < at
                and not f.historical
            ):
                key = (f.type, f.side, f.severity, f.negated, f.uncertain)
                copied[key] = f.model_copy(
                    update={
                        "level": header[0],
                        "text": evidence.text,
                        "start": at,
                        "end": evidence.end_char,
                    }
                )
        out = list(copied.values())
        but = next((i for i in range(ref.end, sent.end) if self.lowers[i] == "but"), None)
        if but is None or not out:
            return out
        # "Same as C4-5, but the left side is now severe"
        clause_end = next(
            (i for i in range(but + 1, sent.end) if self.lowers[i] in (",", ";", ".")), sent.end
        )
        sides = [
            sp for sp in self._has_label("SIDE", but, clause_end) if sp.id_ in ("left", "right")
        ]
        grades = [
            sp
            for sp in self._has_label("SEVERITY", but, clause_end)
            if SEVERITY_RANK.get(sp.id_, 0) > SEVERITY_RANK["unspecified"]
        ]
        template = next((f for f in out if f.type == "foraminal_stenosis"), None)
        if len(sides) != 1 or len(grades) != 1 or template is None:
            return out
        side = sides[0].id_
        restated = self.doc[but + 1 : clause_end]
        out = [
            f for f in out if f.type != "foraminal_stenosis" or f.side not in (side, "bilateral")
        ] + [
            f.model_copy(update={"side": "right" if side == "left" else "left"})
            for f in out
            if f.type == "foraminal_stenosis" and f.side == "bilateral"
        ]
        out.append(
            template.model_copy(
                update={
                    "side": side,
                    "severity": grades[0].id_,
                    "negated": False,
                    "uncertain": False,
                    "text": restated.text,
                    "start": restated.start_char,
                    "end": restated.end_char,
                }
            )
        )
        return out

    def _same_grade(self, token_i: int, items: list[_Item]) -> str:
        """The grade "the same", "equally" or "likewise" refers to: the last grade before it in
        the statement, else that of the last foraminal finding before it in the report."""
        at = self.doc[token_i].idx
        compared = next(
            (
                lv
                for lv in self.levels.within(token_i, min(token_i + 9, len(self.doc)))
                if "as" in self.lowers[token_i : lv.start]
            ),
            None,
        )
        before = [it for it in items if it.label == "SEVERITY" and it.start < token_i]
        if before and compared is None:
            return before[-1].value
        for f in reversed(self._built):
            # "to the same degree as at C4-C5": the grade of the level compared with
            if compared is not None and f.level not in _levels_of(compared):
                continue
            if f.type == "foraminal_stenosis" and f.start < at and f.severity is not None:
                grade = "none" if f.negated else f.severity
                return "significant" if grade == "unspecified" else grade
        return "significant"

    def _words_in_clause_before(self, token_i: int, reach: int) -> list[str]:
        """Up to `reach` words before token i, back to the start of its clause."""
        words: list[str] = []
        for i in range(token_i - 1, max(token_i - reach, 0) - 1, -1):
            if self.lowers[i] in (".", ";", "\n"):
                break
            words.append(self.lowers[i])
        return words

    def _dated_in_bracket(self, token_i: int) -> bool:
        """Token i follows "(<date>:" in an open bracket: what an earlier study showed."""
        for i in range(token_i - 1, max(token_i - 8, 0) - 1, -1):
            if self.lowers[i] in (")", ".", ";"):
                return False
            if self.lowers[i] == ":" and i >= 2 and self.lowers[i - 2] == "(":
                return bool(_DATE_TOKEN_RE.match(self.lowers[i - 1]))
        return False

    def _grade_follows(self, span: Span) -> bool:
        """Another grade follows `span` in its sentence."""
        sent = self.sents[self._sentence_index(span.start)]
        return any(
            sp.label_ == "SEVERITY" and sp.start >= span.end
            for sp in self.attrs.within(span.end, sent.end)
        )

    def _items(self, start: int, end: int) -> list[_Item]:
        items: list[_Item] = []
        for span in self.attrs.within(start, end):
            if span.id_ == "ignore":
                continue
            if span.label_ in ("SEVERITY", "SIDE") and self._taken_back(span):
                continue  # "moderate, scratch that, mild", "severe left, I mean right,"
            if (
                span.label_ == "SEVERITY"
                and span.id_ != "significant"
                and self.lowers[span.start - 1 : span.start] in (["not"], ["none"])
            ):
                # "narrowing, which is not severe", "multilevel narrowing, none high grade": a
                # grade the finding does not have; "the left foramen is not normal": no denial
                continue
            if (
                span.label_ == "SEVERITY"
                and span.text.lower() == "none"
                and any(
                    g.start == span.end and g.label_ == "SEVERITY"
                    for g in self.attrs.starting_at(span.end)
                )
            ):
                continue  # (the "none" of "none high grade" denies that grade, no other)
            if span.label_ == "SEVERITY" and self.lowers[span.start - 1 : span.start] in (
                ["more"],
                ["less"],
            ):
                continue  # "the left foramen is more severely affected": a comparison, no grade
            if span.label_ == "SEVERITY" and self.lowers[span.end : span.end + 1] in (
                ["lesser"],
                ["less"],
                ["greater"],
                ["smaller"],
            ):
                continue  # "to a slightly lesser extent": the size of a comparison, no grade
            if span.label_ == "SIDE" and self._both_levels(span):
                continue  # "narrows both the C4-C5 and C5-C6 foramina": both levels, not sides
            if span.label_ == "SIDE" and self._in_prior_bracket(span.start):
                continue  # "mild bilateral narrowing (previously moderate on the left)"
            if span.label_ == "SEVERITY" and self._unticked_before(span.start):
                continue  # "[ ] Moderate", "( ) normal": an option not ticked
            # (a side phrase may hold its preposition: "to the right")
            lead = self.lowers[
                max(span.start - 3, 0) : span.start + (self.lowers[span.start] == "to")
            ]
            if span.label_ == "SIDE" and [w for w in lead if w != "the"][-2:] in (
                ["not"],
                [",", "not"],
                ["rather", "than"],
                ["and", "not"],
                ["relative", "to"],
                ["compared", "with"],
                ["compared", "to"],
                ["less", "than"],
                ["worse", "than"],
                ["milder", "than"],
            ):
                # "on the right, not the left": a side the finding is not on; "narrows the left
                # foramen by 50% relative to the right": the side it is measured against
                continue
            item = _Item(span.start, span.end, span.label_, span.id_ or span.label_)
            if span.label_ == "SEVERITY" and item.value == "same":
                nxt = self.lowers[span.end] if span.end < len(self.lowers) else ""
                if [nxt] in _SAME_NOUNS or (
                    self.lowers[span.end - 1] == "same"
                    and nxt.isalpha()
                    and nxt not in _SAME_GRADE_NEXT
                ):
                    # "at the same level", "the same two levels", "the same side", "limited by
                    # the same motion": a noun the word picks out, not a grade
                    continue
                item.value = self._same_grade(span.start, items)
            if span.label_ == "SEVERITY":
                item.prior = self._is_prior_severity(span)
                item.past_tense = not item.prior and any(
                    w in ("was", "were") for w in self.lowers[max(span.start - 2, 0) : span.start]
                )
                if item.value.startswith("grade_") and self._restates_grade(span):
                    continue  # "mild (grade 1), not moderate (grade 2)": the word's number
                if item.value.startswith("grade_"):
                    # a grade number means what the report's own scale says, else no grade
                    # (but grade 0 is no narrowing on every scale)
                    number = item.value[6:]
                    default = "none" if number == "0" else "significant"
                    item.value = (
                        default
                        if self._other_named_scale(span)
                        else self._scale_grade(number, default, self._graded(span))
                    )
                    item.grade_number = True
            items.append(item)
        if any(it.past_tense for it in items) and (
            any(it.label == "SEVERITY" and not it.prior and not it.past_tense for it in items)
            or _COMPARISON_RE.search(self.sents[self._sentence_index(start)].text)
        ):
            # "which was mildly narrowed, is now moderately narrowed", "increased compared
            # with 2022, when it was mild": the past grade is prior; a report dictated in the
            # past tense ("there was moderate narrowing") is current
            for it in items:
                it.prior = it.prior or it.past_tense
        self._mark_superseded(items)
        items.extend(self._percent_items(start, end))
        items.extend(self._side_grade_numbers(start, end, items))
        for span in self.levels.within(start, end):
            if self._names_construct(span):
                continue  # "at C4-C5 above the C5-C7 fusion": the fusion's levels
            if self._denied_level(span):
                continue  # "is at C5-6, not C6-7": a level the finding is not at
            if self._reference_level(span):
                continue  # "narrowed by 70% compared with C3-C4": a yardstick, not a place
            ex = self.excepted.get(span.start)
            if ex is not None:
                # "Except for C5-6, the foramina are patent": every other level
                if not any(it.start == ex.start for it in items):
                    items.append(_Item(ex.start, ex.end, "QUANTIFIER", "remaining"))
                continue
            items.append(_Item(span.start, span.end, "LEVEL", span.id_))
        quantifiers = self._quantifier_items(start, end)
        if any(it.label == "QUANTIFIER" and it.start in self._exception_starts for it in items):
            # "Except at C2-3, there is mild narrowing at every level": the exception has
            # already said "every other level"
            quantifiers = [it for it in quantifiers if it.label != "QUANTIFIER"]
        items.extend(quantifiers)
        items.sort(key=lambda it: it.start)
        return items

    def _quantifier_items(self, start: int, end: int) -> list[_Item]:
        """The quantifiers ("the remaining levels") and level anaphors ("at this level") in
        [start, end) that place a finding."""
        items: list[_Item] = []
        for label in ("QUANTIFIER", "ANAPHOR"):
            for span in self._has_label(label, start, end):
                if label == "ANAPHOR" and self._in_apposition(span):
                    continue  # "the adjacent level C4/5": the level says which
                if label == "ANAPHOR" and self._reference_level(span):
                    continue  # "similar to the level above, with ...": the level compared with
                if label == "QUANTIFIER" and self._summary_otherwise(span):
                    continue
                value = self._anaphor_value(span) if label == "ANAPHOR" else span.id_
                if value is not None:
                    items.append(_Item(span.start, span.end, label, value))
        return items

    def _root_clause_commas(self, targets: list[Span]) -> None:
        """A comma after a root phrase that opens a side and its grade ("NFS right high-grade
        with compression of the C6 root, left mild.", "... the exiting right C6 root, moderate
        left.") parts two clauses, as a semicolon does: the words after it grade the other
        foramen, not the root."""
        for k, t in enumerate(targets):
            if t.label_ != "ROOT":
                continue
            comma = t.end
            while comma < len(self.lowers) and self.lowers[comma] not in (",", ".", ";", "\n"):
                comma += 1
            if (
                comma >= len(self.lowers)
                or self.lowers[comma] != ","
                or comma - t.end > 3
                or any(w in ("(", ")") for w in self.lowers[t.end : comma])
            ):
                continue  # not "(the right C6 root is compressed), left - mild"
            end = comma + 1
            while end < len(self.lowers) and (
                self.lowers[end] not in (",", ".", ";")
                # the period of a side abbreviation ("li.", "re.")
                or any(sp.start < end < sp.end for sp in self.attrs.within(end - 2, end + 1))
            ):
                end += 1
            if targets[k + 1 : k + 2] and targets[k + 1].start < end:
                continue
            clause = self.attrs.within(comma + 1, end)
            if (
                len(clause) == 2
                and clause[0].start == comma + 1
                and {clause[0].label_, clause[1].label_} == {"SIDE", "SEVERITY"}
            ):
                self.lowers[comma] = ";"
                insort(self.semicolons, comma)

    def _denied_level(self, span: Span) -> bool:
        """A level the statement says the finding is not at ("at C5-6, not C6-7", "at C5-6
        rather than C6-7")."""
        before = [
            w
            for w in self.lowers[max(span.start - 3, 0) : span.start]
            if w not in ("at", "the", "as")
        ]
        if before[-2:] in ([",", "not"], ["(", "not"], ["rather", "than"], ["instead", "of"]):
            return True
        # "Level correction: the severe right foraminal stenosis described at C7-T1 is at T1-T2"
        # ... "the findings described under C5-C6 are actually at C6-C7"
        if before[-1:] in (["under"], ["for"]):
            before = before[:-1]
        return bool(
            before[-1:]
            and before[-1] in _REFERENCE_VERBS
            and self.sent_correction[self._sentence_index(span.start)]
        )

    def _summary_otherwise(self, span: Span) -> bool:
        """ "Mild multilevel foraminal narrowing otherwise.": a summary of the levels described,
        not a statement about every other level."""
        if self.lowers[span.start : span.end] != ["otherwise"]:
            return False
        sent = self.sents[self._sentence_index(span.start)]
        return any(w in _MULTILEVEL_WORDS for w in self.lowers[sent.start : sent.end])

    def _in_apposition(self, span: Span) -> bool:
        """An anaphor set beside a level it describes ("the adjacent level C4/5", "C4-5, the
        level above"): only punctuation stands between them."""
        after = span.end
        while after < len(self.doc) and self.lowers[after] in (",", "(", ":"):
            after += 1
        before = span.start
        while before > 0 and self.lowers[before - 1] in (",", "("):
            before -= 1
        if span.id_ in ("upper", "lower") and len(self._levels_listed_before(before)) > 1:
            return False  # "at C3-4 and C5-6, the latter with ...": it picks one of them
        return bool(self.levels.starting_at(after)) or any(
            s.end == before for s in self.levels.within(max(before - 6, 0), before)
        )

    def _levels_listed_before(self, end: int) -> list[str]:
        """The levels of the list of levels that ends at token `end` ("C3-4 and C5-6")."""
        spans = self.levels.within(max(end - 12, 0), end)
        listed: list[str] = []
        for s in reversed(spans):
            if s.end != end and not all(w in _LEVEL_LIST_GAP for w in self.lowers[s.end : end]):
                break
            listed[:0] = _levels_of(s)
            end = s.start
            while end > 0 and self.lowers[end - 1] in ("at", "the"):
                end -= 1
        return listed

    def _anaphor_base(self, value: str, sent_i: int) -> list[str]:
        if value in _OPERATED_ANAPHORS and self.operated:
            return self.operated
        return self._previous_levels(sent_i, False)

    def _anaphor_value(self, span: Span) -> str | None:
        """The operated levels and the levels next to a fusion ("the fused segment", "the level
        above the fusion") are pointed to unless the sentence names its own level ("C3-4, the
        level above the fusion"; "moderate C5-6 narrowing at the fused level"): then they only
        describe it."""
        if span.id_ not in _OPERATED_ANAPHORS:
            return span.id_
        if self.lowers[max(span.start - 2, 0) : span.start + 1][-2:-1] in (
            ["remaining"],
            ["other"],
        ):
            return None  # "the remaining instrumented levels": the quantifier says which
        sent_i = self._sentence_index(span.start)
        sent = self.sents[sent_i]
        if self.levels.within(sent.start, sent.end) or self.header_levels[sent_i]:
            return None
        return span.id_

    def _other_named_scale(self, span: Span) -> bool:
        """The grade number names a published scale the report does not define ("Kang grade
        1" under a report-defined Kim scale for the foramina): no report grade applies."""
        name = next(
            (
                w
                for w in (
                    self.lowers[span.start],
                    self.lowers[span.start - 1] if span.start else "",
                )
                if w in _NAMED_SCALES
            ),
            None,
        )
        if name is None:
            return False
        return not any(name in self.text[a:b].lower() for a, b in self.scale.definitions)

    def _scale_grade(self, number: str, default: str, structure: str | None = None) -> str:
        """The severity the report's scale for `structure` gives a grade number, or a range of
        two ("grade II-III" = moderate-severe where II is moderate and III severe)."""
        grades = self.scale.grades_for(structure)
        low, _, high = number.partition("-")
        if not high:
            return grades.get(number, default)
        a, b = grades.get(low), grades.get(high)
        if a is None or b is None:
            return default
        return f"{a}-{b}" if f"{a}-{b}" in SEVERITY_RANK else b

    def _past_relative_clause(self, target: Span) -> bool:
        """The target lies in a relative clause set off by commas (", which caused X on the
        prior study,") that holds its history modifier, and every change modifier of the
        target lies outside that clause."""
        sent = self.sents[self._sentence_index(target.start)]
        opener = None
        for i in range(target.start - 1, sent.start, -1):
            if self.lowers[i] in (",", ";", "(", ")"):
                break
            if self.lowers[i] in ("which", "that") and self.lowers[i - 1] == ",":
                opener = i
                break
        if opener is None:
            return False
        close = next(
            (i for i in range(target.end, sent.end) if self.lowers[i] in (",", ";", ")")), None
        )
        if close is None:
            return False
        inside = [m.modifier_span for m in target._.modifiers if m.category == "HISTORICAL"]
        changes = [m.modifier_span for m in target._.modifiers if m.category.startswith("CHANGE")]
        return any(opener <= a and b <= close for a, b in inside) and all(
            b <= opener or a >= close for a, b in changes
        )

    def _graded(self, span: Span) -> str | None:
        """The structure a grade number grades, where the report grades the canal and the
        foramina on scales of their own: that of the nearest anchor in its sentence, an
        earlier one first ("Canal Kang 1. Foramen Rt grade 1")."""
        if not (self.scale.canal_grades or self.scale.foraminal_grades):
            return None
        sent = self.sents[self._sentence_index(span.start)]
        anchors = [t for t in self.target_index.within(sent.start, sent.end) if t.label_ in _GRADED]
        if not anchors:
            return None
        nearest = min(
            anchors,
            key=lambda t: (
                (span.start - t.end, 0) if t.end <= span.start else (t.start - span.end, 1)
            ),
        )
        return _GRADED[nearest.label_]

    def _fronted_exceptions(self) -> dict[int, Span]:
        """Levels named by an exception phrase that opens its statement ("Except for C5-6,
        the foramina are patent", "At all levels apart from C5/6, the exit foramina are free",
        "Other than C5-C6 and C6-C7, all cervical levels are unremarkable"): levels the
        statement is not about. Level start -> the exception phrase. An exception after the
        finding ("No foraminal stenosis except at C5-6") is the finding's and stays."""
        out: dict[int, Span] = {}
        for ex in self._has_label("FOCUS", 0, len(self.doc)):
            if ex.id_ != "exception":
                continue
            sent = self.sents[self._sentence_index(ex.start)]
            if any(
                t.label_ in _LEVEL_OWNERS
                # "Right foramina: apart from C4-5, patent at ...": a label is no owner
                and ":" not in self.lowers[t.end : ex.start]
                for t in self.target_index.within(sent.start, ex.start)
            ):
                continue
            pos, named = ex.end, []
            for lv in self.levels.within(ex.end, sent.end):
                if not all(w in _EXCEPTION_LIST_WORDS for w in self.lowers[pos : lv.start]):
                    break
                named.append(lv)
                pos = lv.end
            if named:
                # "apart from C4-5 as described, ...": a pointer back to the level's finding
                pos += _back_reference_length(self.lowers[pos : pos + 3])
            if named and self.lowers[pos : pos + 1] == [","]:
                out.update((lv.start, ex) for lv in named)
        return out

    def _reference_level(self, span: Span) -> bool:
        """A level the finding is measured against ("narrows the foramen by 70% compared with
        C3-C4", "relative to the C3-4 level"); not one it is also found at ("greater at C5-6
        than at C6-7")."""
        before = [w for w in self.lowers[max(span.start - 3, 0) : span.start] if w != "the"]
        if before[-2:] in (["compared", "with"], ["compared", "to"], ["relative", "to"]):
            return True
        # "severe left narrowing, worse than at C4-5", "mild, less than on the right at C6-7":
        # the level a grade is compared with
        words = [
            w
            for w in self.lowers[max(span.start - 7, 0) : span.start]
            if w not in ("the", "at", "on", "side", "left", "right", "that", "of", "seen")
        ]
        if (
            words[-2:] in (["similar", "to"], ["identical", "to"])
            or (words[-1:] == ["as"] and "same" in words[-4:])
            or words[-1:] == ["like"]
            # "the right foramen is mildly narrowed, as at C5-C6", "as with C4-5"
            or [w for w in self.lowers[max(span.start - 3, 0) : span.start] if w != "the"][-2:]
            in (["as", "at"], ["as", "in"], ["as", "with"], ["as", "on"])
        ):
            # "left foramen mildly narrowed, similar to C5-6", "same as at C4-C5"
            return True
        if words[-1:] != ["than"] or words[-2:-1] not in (
            ["worse"],
            ["less"],
            ["milder"],
            ["lesser"],
            ["more"],
            ["greater"],
        ):
            return False
        # ... but "right greater than left C5-6 foraminal narrowing" is at C5-6
        between = self.lowers[max(span.start - 7, 0) : span.start]
        after_than = between[len(between) - between[::-1].index("than") :]
        return not any(w in ("left", "right") for w in after_than) or between[-1:] == ["at"]

    def _names_construct(self, span: Span) -> bool:
        """A level that names the operated construct a finding is placed next to ("above the
        C5-C7 fusion", "adjacent to the C5-6 ACDF")."""
        before = self.lowers[max(span.start - 3, 0) : span.start]
        return (
            before[-1:] == ["the"]
            and any(w in _RELATIVE_PLACE_WORDS for w in before[:-1])
            and self.lowers[span.end : span.end + 1] != []
            and self.lowers[span.end] in _CONSTRUCT_NOUNS
        )

    def _side_grade_numbers(self, start: int, end: int, items: list[_Item]) -> list[_Item]:
        """A bare number after a side, under the report's own scale ("graded according to
        Park: 0 - no stenosis, 1 - mild ...; foraminal stenosis right 1, left 0")."""
        if not self.scale.grades:
            return []
        out = []
        # ... and after an anchor of a kind the scale names ("canal 2; foramina R 2 / L 3")
        anchor_ends = [
            # "canal: 1" - past the label's colon
            t.end + (self.lowers[t.end : t.end + 1] == [":"])
            for t in self.target_index.within(start, end)
            if (t.label_ == "CANAL" and self.scale.canal)
            or (t.label_ == "FORAMINAL" and self.scale.foraminal)
        ]
        for i in [it.end for it in items if it.label == "SIDE"] + anchor_ends:
            if i >= end:
                continue
            # (grade 0 is no narrowing on every scale, defined or not)
            grades = self._scale_grades(self._graded(self.doc[i : i + 1]))
            # "NFS Rt 2/3": a grade written out of the scale's top grade
            word, _, top = self.lowers[i].partition("/")
            if top and top != max((g for g in grades if g.isdigit()), default=None):
                continue
            after = self.lowers[i + 1 : i + 3]
            if (
                word in grades
                and not (
                    after[:1] in (["mm"], ["cm"], ["%"], ["-"])
                    # "right 5/6": a fraction or a level, not a grade ("R 0 / L 1" is a grade)
                    or (after[:1] == ["/"] and after[1:2] != [] and after[1].isdigit())
                )
            ):
                out.append(_Item(i, i + 1, "SEVERITY", grades[word], grade_number=True))
        for it in items:
            # "Foramina 1 right, 0 left": the number before the side
            i = it.start - 1
            if (
                it.label != "SIDE"
                or i < start
                or self.lowers[i - 1 : i] in (["-"], ["/"], ["–"], ["grade"])
                or self.levels.within(i, i + 1)
            ):
                continue
            grades = self._scale_grades(self._graded(self.doc[i : i + 1]))
            if self.lowers[i] in grades and not any(o.start == i for o in out):
                out.append(_Item(i, i + 1, "SEVERITY", grades[self.lowers[i]], grade_number=True))
        for i, side, grade in self._side_grade_tokens(start, end):
            out.append(_Item(i, i + 1, "SIDE", side))
            out.append(_Item(i, i + 1, "SEVERITY", grade, grade_number=True))
        return out

    def _scale_grades(self, structure: str | None) -> dict[str, str]:
        """The report's own grades for `structure`; grade 0 is no narrowing on every scale,
        defined or not."""
        return {"0": "none", **self.scale.grades_for(structure)}

    def _side_grade_tokens(self, start: int, end: int) -> list[tuple[int, str, str]]:
        """Side and grade written as one token under the report's own scale ("foramina R1 L0",
        "C3-C4: R2 L2"): (token, side, severity)."""
        if not self.scale.grades or not self.scale.foraminal:
            return []
        in_levels = {i for lv in self.levels.within(start, end) for i in range(lv.start, lv.end)}
        out = []
        for i in range(start, end):
            m = _SIDE_GRADE_TOKEN_RE.match(self.lowers[i])
            if m is None or i in in_levels:
                continue
            grade = self._scale_grades("foraminal").get(m.group(2))
            if grade is not None:
                out.append((i, "left" if m.group(1).startswith("l") else "right", grade))
        return out

    def _percent_items(self, start: int, end: int) -> list[_Item]:
        """Percentages read by the report's own percentage bands ("less than 25% = mild ..."):
        "right foramen reduced approx 20%" is mild. Without such bands a percentage is no
        grade, as the contract says."""
        if not self.scale.percent:
            return []
        out = []
        for i in self.percent_signs:
            if start < i < end and self.doc[i - 1].like_num:
                try:
                    value = float(self.lowers[i - 1])
                except ValueError:
                    continue
                grade = self.scale.percent_grade(value)
                if grade is not None:
                    out.append(_Item(i - 1, i + 1, "SEVERITY", grade, grade_number=True))
        return out

    def _restates_grade(self, span: Span) -> bool:
        """A grade number in a bracket right after a grade word ("mild (grade 1)")."""
        if self.lowers[span.start - 1 : span.start] != ["("]:
            return False
        return any(
            sp.label_ == "SEVERITY" and sp.end == span.start - 1 and not sp.id_.startswith("grade_")
            for sp in self.attrs.within(max(span.start - 5, 0), span.start - 1)
        )

    def _mark_superseded(self, items: list[_Item]) -> None:
        """A grade that a change verb carries to a "now" grade is the earlier state: "the
        severe left stenosis reported previously has improved and is now mild"."""
        sevs = [it for it in items if it.label == "SEVERITY" and not it.prior]
        for later in sevs[1:]:
            now = [
                i
                for i in range(max(later.start - 3, 0), later.start)
                if self.lowers[i] in ("now", "today", "currently")
            ]
            if not now:
                continue
            for earlier in sevs:
                if (
                    earlier.end <= now[0]
                    and (
                        any(w in _CHANGE_VERBS for w in self.lowers[earlier.end : now[0]])
                        # "the outside MRI described severe ... stenosis, which today is moderate"
                        or any(
                            w in _PRIOR_REPORT_WORDS
                            for w in self.lowers[max(earlier.start - 8, 0) : earlier.start]
                        )
                    )
                ):
                    earlier.prior = True

    def _hedged_upper_bounds(self, groups: list[_Group]) -> list[_Group]:
        """A grade with a hedged higher one after a comma is a range: "moderate right foraminal
        stenosis, possibly severe" is moderate-severe."""
        out: list[_Group] = []
        for g in groups:
            prev = out[-1] if out else None
            if (
                prev is not None
                and len(prev.severities) == 1
                and len(g.severities) == 1
                and not g.sides
                and not g.levels
                and self._hedged_bound(g.severities[0])
            ):
                low, high = prev.severities[0], g.severities[0]
                joined = _HEDGED_RANGES.get((_sev_value(low.value), _sev_value(high.value)))
                if joined is not None:
                    prev.severities = [_Item(low.start, high.end, "SEVERITY", joined)]
                    continue
            out.append(g)
        return out

    def _hedged_bound(self, sev: _Item) -> bool:
        """The grade follows ", possibly" (", perhaps", ", maybe", ", possibly even")."""
        words = [w for w in self.lowers[max(sev.start - 3, 0) : sev.start] if w != "even"]
        return words[-2:] in ([",", "possibly"], [",", "perhaps"], [",", "maybe"])

    def _hedged(self, severities: list[_Item]) -> bool:
        """A hedge word just before a grade ("probably moderate", "possibly mild")."""
        for sev in severities:
            for hedge in self._has_label("HEDGE", max(sev.start - 4, 0), sev.start):
                # "probably moderate", "likely causing moderate", "possibly to a moderate degree"
                if hedge.end <= sev.start and (
                    hedge.start >= sev.start - 2
                    or all(w in ("to", "a", "an", "of") for w in self.lowers[hedge.end : sev.start])
                ):
                    return True
        return False

    def _hedge_after(self, g: _Group, target: Span, left: int, right: int) -> bool:
        """Every uncertainty modifier of the target lies inside its frame after this group's
        words, right before a grade of a later group."""
        if not g.order or not g.severities or self._hedged(g.severities):
            # only a group graded on its own ("Moderate right and ..."), not one with a hedge
            # of its own ("Questionable mild left C4-5 and possible mild left C5-6")
            return False
        mods = [m for m in target._.modifiers if m.category == "POSSIBLE_EXISTENCE"]
        g_end = max(it.end for it in g.order)
        return bool(mods) and all(
            left <= m.modifier_span[0] < right
            and m.modifier_span[0] >= g_end
            and any(
                sp.start - m.modifier_span[1] <= 1
                for sp in self.attrs.within(m.modifier_span[1], m.modifier_span[1] + 2)
                if sp.label_ == "SEVERITY"
            )
            for m in mods
        )

    def _hedged_levels(self, g: _Group) -> set[str]:
        """Levels with a hedge just before them ("narrowing of the left C5/6 foramen and
        possibly C6/7"): uncertain for those levels only."""
        out: set[str] = set()
        for it in g.levels:
            if it.label == "LEVEL" and any(
                all(w in _HEDGE_FILLERS for w in self.lowers[h.end : it.start])
                for h in self._has_label("HEDGE", max(it.start - 3, 0), it.start)
            ):
                out.update(it.value.split("|"))
        return out

    def _has_label(self, label: str, start: int, end: int) -> list[Span]:
        index = self.lex.get(label)
        return index.within(start, end) if index is not None else []

    def _locally_negated(self, span: Span) -> bool:
        doc = self.doc
        for i in range(max(span.start - 3, 0), span.start):
            if self.lowers[i] in _LOCAL_NEGATORS:
                return True
        after = self.lowers[span.end : span.end + 3]
        if after[:1] == ["not"] or (
            after[:1] in (["is"], ["are"], ["was"], ["were"]) and after[1:2] == ["not"]
        ):
            return True  # "T2 hyperintensity is not seen in the cord"
        for i in range(span.end, min(span.end + 3, len(doc))):
            if self.lowers[i] in _NORMAL_WORDS:
                return True
            if self.lowers[i] in (".", ";", ",", "and", "with"):
                break
        return any(
            self.lowers[i] in _NORMAL_WORDS for i in range(max(span.start - 2, 0), span.start)
        )

    # ----- conjuncts: pairing severities, sides and levels --------------------------------
    def _respectively(
        self,
        items: list[_Item],
        left: int,
        right: int,
        context_levels: Callable[[], list[str]] | None = None,
    ) -> list[_Group] | None:
        """ "mild, moderate and severe left narrowing at C4-5, C5-6 and C6-7, respectively":
        the n-th grade goes with the n-th level (or side). With no level in the frame, the
        levels of its context ("at these two levels ..., mild and moderate ..., respectively")."""
        slashed = self._slash_pairs(items)
        if slashed is not None:
            return slashed
        words = self.lowers[left:right]
        if not (any(w in ("versus", "vs", "vs.") for w in words) or _names_an_order(words)):
            return None  # also "greater at C5-6 than at C6-7 (severe versus mild)"
        sevs = [it for it in items if it.label == "SEVERITY" and not it.prior]
        levels = [it for it in items if it.label == "LEVEL"]
        sides = [it for it in items if it.label == "SIDE"]
        if "respectively" in words:
            # "left and right narrowing at C5/6 and C6/7 respectively, both moderate": the
            # "both" after the pairs is theirs, no side
            after = left + words.index("respectively")
            sides = [s for s in sides if not (s.start > after and self.lowers[s.start] == "both")]
        if len(sides) == 1 and sides[0].value == "bilateral":
            # "the right and left foramina ... respectively": two sides in one phrase
            named = [w for w in self.lowers[sides[0].start : sides[0].end] if w in _SIDE_WORDS]
            if len(named) == 2:
                sides = [_Item(sides[0].start, sides[0].end, "SIDE", _SIDE_WORDS[w]) for w in named]
        if len(sevs) < 2:
            if len(levels) == len(sides) > 1 and "respectively" in words:
                # "mild right and left narrowing at C4-5 and C5-6, respectively": one grade (or
                # none), each side at its own level
                return [
                    _Group(
                        severities=list(sevs), sides=[side], levels=[lvl], order=[*sevs, side, lvl]
                    )
                    for side, lvl in zip(sides, levels, strict=True)
                ]
            return None
        if not levels and context_levels is not None:
            context = [_Item(left, left, "LEVEL", lvl) for lvl in context_levels()]
            # "C3/4 and C4/5: ... mild right and mild left narrowing respectively": with as many
            # levels as grades and sides, each grade has its own side and level; with fewer,
            # the sides pair with the grades at every level
            if len(sides) != len(sevs) or len(context) == len(sevs):
                levels = context
        if len(levels) > len(sevs):
            # "C4/5 and C5/6: the left root canals at C4/5 and C5/6 are mildly and moderately
            # narrowed respectively": a header repeated in the statement counts once
            unique = list({it.value: it for it in reversed(levels)}.values())[::-1]
            if len(unique) == len(sevs):
                levels = sorted(unique, key=lambda it: it.start)
        if len(levels) != len(sevs):
            # "from C2/3 to C7/T1 in turn: normal, mildly narrowed, ...": a range's levels in order
            spread = [
                _Item(it.start, it.end, "LEVEL", v) for it in levels for v in it.value.split("|")
            ]
            if len(spread) == len(sevs):
                levels = spread
        if len(levels) == len(sevs) == len(sides) > 1:
            # "severe left and moderate right stenosis at C5-6 and C6-7, respectively": each
            # grade with its own side and level
            return [
                _Group(severities=[sev], sides=[side], levels=[lvl], order=[sev, side, lvl])
                for sev, side, lvl in zip(sevs, sides, levels, strict=True)
            ]
        if len(levels) == len(sevs):
            return [
                _Group(severities=[sev], sides=list(sides), levels=[lvl], order=[sev, *sides, lvl])
                for sev, lvl in zip(sevs, levels, strict=True)
            ]
        if len(sides) == len(sevs):
            return [
                _Group(
                    severities=[sev], sides=[side], levels=list(levels), order=[sev, side, *levels]
                )
                for sev, side in zip(sevs, sides, strict=True)
            ]
        return None

    def _grade_list_before(self, sent: Span, left: int, right: int) -> int:
        """ "mild, moderate, and severe right narrowing at C4-5, C5-6 and C6-7, respectively":
        the grades listed just before a frame that pairs in order are the frame's own."""
        if not _names_an_order(self.lowers[left:right]):
            return left
        graded = {
            i
            for sp in self._has_label("SEVERITY", max(left - 16, sent.start), left)
            for i in range(sp.start, sp.end)
        }
        i = left
        while i > sent.start and (i - 1 in graded or self.lowers[i - 1] in (",", "and", "or")):
            i -= 1
        while i < left and i not in graded:
            i += 1
        return i

    def _slash_pairs(self, items: list[_Item]) -> list[_Group] | None:
        """Template pairs "(L/R): mild/moderate": the n-th grade goes with the n-th side."""
        sides = [it for it in items if it.label == "SIDE"]
        sevs = [it for it in items if it.label == "SEVERITY"]
        if len(sides) != 1 or not 1 <= len(sevs) <= 2:
            return None
        side_m = _SLASH_SIDES_RE.match(self.doc[sides[0].start : sides[0].end].text)
        levels = [it for it in items if it.label in _LEVEL_LABELS]
        sev_text = self.doc[sevs[0].start : sevs[-1].end].text
        if side_m and len(sevs) == 1 and not _SLASH_GRADES_RE.match(sev_text):
            # "(R/L): ___ / moderate-severe": a blank slot of the pair, the other graded
            sev = sevs[0]
            line_start, line = self._line_around(self.doc[sev.start : sev.end])
            before = line[: self.doc[sev.start].idx - line_start]
            after = line[self.doc[sev.end - 1].idx + len(self.doc[sev.end - 1]) - line_start :]
            slot = (
                1
                if _BLANK_SLOT_BEFORE_RE.search(before)
                else 0
                if _BLANK_SLOT_AFTER_RE.match(after)
                else None
            )
            if slot is None:
                return None
            side = _Item(
                sides[0].start, sides[0].end, "SIDE", _SLASH_SIDE[side_m.group(slot + 1).lower()]
            )
            return [_Group(severities=[sev], sides=[side], levels=list(levels), order=[sev, side])]
        # "mild/moderate" is one grade span; "moderate/mild" two, joined by the slash
        sev_m = _SLASH_GRADES_RE.match(sev_text)
        if not (side_m and sev_m):
            return None
        groups = []
        for side_word, grade_word in zip(side_m.groups(), sev_m.groups(), strict=True):
            side = _Item(sides[0].start, sides[0].end, "SIDE", _SLASH_SIDE[side_word.lower()])
            sev = _Item(sevs[0].start, sevs[0].end, "SEVERITY", _SLASH_GRADE[grade_word.lower()])
            groups.append(
                _Group(severities=[sev], sides=[side], levels=list(levels), order=[sev, side])
            )
        return groups

    def _conjuncts(
        self,
        items: list[_Item],
        focus: list[int],
        exceptions: Iterable[int] = (),
        context_levels: bool = False,
    ) -> list[_Group]:
        """Split the frame's items at coordinators ("and", ",", ";") into conjuncts.

        A coordinator between two level mentions is a level list ("C5-6 and C6-7"), not a split.
        A conjunct holding only levels joins its neighbour when that neighbour names no level
        ("At C5-6, moderate bilateral ..."). "Greatest at C5-6" (focus) always starts a conjunct.
        With `context_levels` (the sentence names the levels outside the frame), a conjunct with
        no level does not take those of a focus after it: in "from C4 to C7 ... mild bilateral
        narrowing, most pronounced at C5-6" the mild grade is the whole extent's.
        """
        focus_iter = sorted(focus)
        exception_starts = set(exceptions)
        # "at the lower levels, C5/6 and C6/7": the comma sets the levels beside the words
        # that name them, it parts no statements
        appositive = (
            {
                i
                for i in range(items[0].start, items[-1].start)
                if self.lowers[i] == ","
                and self.lowers[i - 1] in ("levels", "segments", "level", "segment")
                and self.levels.starting_at(i + 1)
            }
            if items
            else set()
        )
        if items:
            # "Right foramina: apart from C4-5, patent at C2-3 and C3-4": the comma closes a
            # fronted exception, whose levels the statement is not about; it parts nothing
            for ex_start in self._exception_starts:
                if items[0].start <= ex_start < items[-1].start:
                    comma = next(
                        (i for i in range(ex_start, items[-1].start) if self.lowers[i] == ","),
                        None,
                    )
                    if comma is not None:
                        appositive.add(comma)
        # "no stenosis except at C5-6, where ...": every item follows the exception
        groups: list[_Group] = [
            _Group(exception=bool(items) and any(f < items[0].start for f in exception_starts))
        ]
        for k, it in enumerate(items):
            if k > 0:
                prev = items[k - 1]
                between = range(prev.end, it.start)
                split = any(f in between or f == it.start for f in focus_iter)
                if (
                    not split
                    and prev.label == "LEVEL"
                    and it.label == "LEVEL"
                    and self.lowers[prev.end : it.start] in ([",", "at"], [",", "and", "at"])
                    and self._graded_after(it.end, items[k + 1 :])
                ):
                    # "right at C5-C6 and C6-C7, at C6-C7 also mild left": a level opened by
                    # its own "at" after a comma starts a statement of its own
                    split = True
                if not split and not (prev.label in _LEVEL_LABELS and it.label in _LEVEL_LABELS):
                    split = (
                        any(self.lowers[i] in _SPLITTERS and i not in appositive for i in between)
                        # "at C5-C6 and C6-C7 (marked on left at C6-C7)": a bracket naming a
                        # level of its own is a statement of its own
                        or (
                            "(" in self.lowers[prev.end : it.start]
                            and self._bracket_names_level(it.start)
                            # (but "severe left C6 (C5-6), mild left C4 (C3-4)": a bracket
                            # holding only a level places the grade and side before it)
                            and not (
                                self._level_only_bracket(it.start)
                                and not any(x.label in _LEVEL_LABELS for x in groups[-1].order)
                            )
                        )
                        # "narrowing of the left foramen (the right is normal)": a bracket
                        # opening on a side states that side on its own
                        or (
                            it.label == "SIDE"
                            and any(x.label == "SEVERITY" for x in groups[-1].order)
                            and "(" in self.lowers[prev.end : it.start]
                            and set(
                                self.lowers[
                                    prev.end
                                    + self.lowers[prev.end : it.start].index("(") : it.start
                                ]
                            )
                            <= {"(", "the"}
                            and any(
                                nxt.label == "SEVERITY"
                                and ")" not in self.lowers[it.end : nxt.start]
                                for nxt in items[k + 1 :]
                            )
                        )
                        # "foramina R1 L0", "right 1 left 0": a side after a side and its
                        # grade opens a pair of its own
                        or (
                            prev.label == "SEVERITY"
                            and it.label == "SIDE"
                            and not self.lowers[prev.end : it.start]
                            and k >= 2
                            and items[k - 2].label == "SIDE"
                            and not self.lowers[items[k - 2].end : prev.start]
                        )
                        # "Lt (severe) > Rt (moderate)": each side graded on its own
                        or (
                            prev.label == "SEVERITY"
                            and it.label == "SIDE"
                            and any(self.lowers[i] in (">", "<") for i in between)
                        )
                        # "canal stenosis from C3-4 through C6-7: moderate at C3-4, severe at
                        # C4-5": the grades after the colon are each their own level's
                        or (
                            prev.label in _LEVEL_LABELS
                            and it.label == "SEVERITY"
                            and ":" in self.lowers[prev.end : it.start]
                            and items[k + 1 : k + 2] != []
                            and items[k + 1].label == "LEVEL"
                            and self.lowers[it.end : items[k + 1].start] in (["at"], ["at", "the"])
                        )
                        # "increasing from mild at C4-5 to moderate at C5-6": a grade along the
                        # spine, each at its own level
                        or (
                            prev.label == "LEVEL"
                            and it.label == "SEVERITY"
                            and self.lowers[prev.end : it.start] == ["to"]
                            and any(x.label == "SEVERITY" for x in groups[-1].order)
                            and self._level_follows(it.end)
                        )
                    )
                elif not split and prev.label == "LEVEL" and it.label == "LEVEL":
                    # "at C5-6 (2.1 mm) and C6-7 (severe)": the grade in a level's own
                    # bracket is that level's only
                    words = self.lowers[prev.end : it.start]
                    split = "(" in words and ")" in words and self._bracket_grade(it.end, items)
                elif not split and prev.label == "LEVEL" and it.label == "QUANTIFIER":
                    # "at C5-C6, elsewhere patent" / "C5-C6 otherwise patent": the rest of the
                    # levels are a conjunct of their own, not part of the level list
                    split = "otherwise" in self.lowers[it.start : it.end] or any(
                        self.lowers[i] in (",", ";") for i in between
                    )
                if split:
                    starts = [f for f in focus_iter if f in between or f == it.start]
                    groups.append(
                        _Group(
                            focus=bool(starts),
                            exception=any(f in exception_starts for f in starts),
                        )
                    )
            groups[-1].order.append(it)
        for g in groups:
            for it in g.order:
                if it.label == "SEVERITY":
                    if not it.prior:
                        g.severities.append(it)
                elif it.label == "SIDE":
                    g.sides.append(it)
                else:
                    g.levels.append(it)
            if len(g.sides) > 1 and g.sides[0].value == "bilateral":
                # "moderate bilateral narrowing more on right side": both sides, the right worse
                g.sides = [s for s in g.sides if not self._comparative_side(s.start)]
            elif (
                g.sides
                and all(
                    s.value in ("left", "right") and self._more_on_side(s.start, s.end)
                    for s in g.sides
                )
                and not any(h.sides for h in groups if h is not g)
            ):
                # "mild reduction of the neural foramina, more to the left": both sides with
                # one grade, as "left greater than right"
                g.sides = [_Item(s.start, s.end, "SIDE", "bilateral") for s in g.sides[:1]]
            if len(g.sides) > 1 and any(s.value != "bilateral" for s in g.sides):
                # "bilateral: moderate on the right, mild on the left" - the specific sides win
                g.sides = [s for s in g.sides if s.value != "bilateral"]
        groups = [g for g in groups if g.severities or g.sides or g.levels] or groups[:1]
        groups = self._hedged_upper_bounds(groups)
        last = groups[-1]
        first = last.order[0].start if last.order else 0
        lead = self.lowers[max(first - 2, 0) : first]
        if (
            len(groups) > 2
            and last.sides
            and not last.severities
            and not last.levels
            and ("all" in lead or "each" in lead)
        ):
            # "mild at C4-5, moderate at C5-6 and C6-7, all bilateral": the side of every conjunct
            for g in groups[:-1]:
                g.sides = g.sides or list(last.sides)
            groups = groups[:-1]
        # "left foraminal stenosis, moderate" / "moderate, left-sided": one unit split by a comma.
        joined: list[_Group] = []
        for g in groups:
            if joined:
                a = joined[-1]
                complementary = (a.sides and not a.severities and g.severities and not g.sides) or (
                    a.severities and not a.sides and g.sides and not g.severities
                )
                if complementary and not (a.levels and g.levels):
                    a.order += g.order
                    a.severities += g.severities
                    a.sides += g.sides
                    a.levels += g.levels
                    continue
            joined.append(g)
        groups = joined
        # Level-only conjuncts lend their levels to a neighbour that has none.
        merged: list[_Group] = []
        pending: list[_Item] = []
        pending_exception = pending_focus = False
        for g in groups:
            if g.focus and pending:
                # "from C4-5 to C6-7, greatest at C5-6 ...": the range keeps to itself
                merged.append(
                    _Group(levels=pending, order=list(pending), exception=pending_exception)
                )
                pending = []
            if g.levels and not g.severities and not g.sides:
                if not pending:
                    pending_exception, pending_focus = g.exception, g.focus
                pending.extend(g.levels)
                continue
            if pending and not g.levels:
                # "except at C5-6, where they are moderately narrowed": the grade is the
                # exception's
                g.levels = pending + g.levels
                g.exception = g.exception or pending_exception
                pending = []
            elif pending:
                merged.append(
                    _Group(levels=pending, order=list(pending), exception=pending_exception)
                )
                pending = []
            merged.append(g)
        if pending:
            target = next((g for g in reversed(merged) if not g.levels), None)
            if context_levels and pending_focus and not pending_exception:
                target = None  # "mild ..., most pronounced at C5-6": the focus keeps to itself
            if pending_exception and target is not None and not target.exception:
                target = None  # "no narrowing except at C5-6": not the negated conjunct's level
            if target is not None:
                target.levels = pending
            else:
                merged.append(
                    _Group(
                        levels=pending,
                        order=list(pending),
                        focus=pending_focus,
                        exception=pending_exception,
                    )
                )
        # Conjuncts without levels take those of the next conjunct that has some, else previous;
        # where each level opens its conjunct ("at C5/6 moderate on the left and mild on the
        # right, and at C6/7 ..."), those of the previous one.
        with_levels = [g for g in merged if g.levels and g.order]
        levels_first = bool(with_levels) and all(
            g.order[0].label in _LEVEL_LABELS for g in with_levels
        )
        for k, g in enumerate(merged):
            if g.levels:
                continue
            # an exception's levels are not the levels of what it is an exception to
            later = next(
                (
                    h
                    for h in merged[k + 1 :]
                    if h.levels and not h.exception and not (context_levels and h.focus)
                ),
                None,
            )
            earlier = next((h for h in reversed(merged[:k]) if h.levels), None)
            source = (earlier or later) if levels_first else (later or earlier)
            if source is not None:
                g.levels = list(source.levels)
        return merged or [_Group()]

    @staticmethod
    def _pair(group: _Group) -> list[tuple[str | None, str | None]]:
        """(severity, side) pairs for one conjunct; None = not stated."""
        sevs = group.severities
        if len(sevs) > 1:
            sevs = [max(sevs, key=lambda s: SEVERITY_RANK[_sev_value(s.value)])]
        sev = sevs[0].value if sevs else None
        if not group.sides:
            return [(sev, None)]
        return [(sev, s.value) for s in group.sides]

    # ----- levels for a group --------------------------------------------------------------
    def _resolve_levels(
        self, group_levels: list[_Item], sent_i: int, fallback: list[_Item]
    ) -> tuple[list[str], bool]:
        """(levels, remaining) for one conjunct."""
        levels: list[str] = []
        remaining = False
        for it in group_levels or fallback:
            if it.label == "LEVEL":
                levels.extend(it.value.split("|"))
            elif it.label == "QUANTIFIER" and it.value == "each":
                # "C4-5, C5-6 and C6-7, where ... narrowing at each level": the levels named
                # before it in the sentence, else every level
                named = (
                    self._anaphor_levels(sent_i, it.start)
                    if self._named_before(sent_i, it.start)
                    else []
                )
                if named:
                    levels.extend(named)
                else:
                    remaining = True
            elif it.label == "QUANTIFIER":
                remaining = True
            elif it.label == "ANAPHOR" and not self._partitive(it.start):
                base = (
                    self.operated
                    if it.value in _OPERATED_ANAPHORS and self.operated
                    else self._anaphor_levels(sent_i, it.start)
                )
                kind = "previous" if it.value == "operated" else it.value
                levels.extend(_positional(kind, base))
        return list(dict.fromkeys(levels)), remaining

    def _names_cervical(self, items: list[_Item]) -> bool:
        return any(
            it.label == "QUANTIFIER" and "cervical" in self.lowers[it.start : it.end]
            for it in items
        )

    def _partitive(self, token_i: int) -> bool:
        """'at two of the fused levels': an unnamed subset of the levels, which places nothing."""
        before = self.lowers[max(token_i - 2, 0) : token_i]
        return len(before) == 2 and before[1] == "of" and before[0] in _PARTITIVE_COUNTS

    def _named_before(self, sent_i: int, token_i: int) -> bool:
        return bool(self.levels.within(self.sents[sent_i].start, token_i))

    def _outside_neck(self, sent_i: int) -> bool:
        """True when the level context of a sentence is thoracic or lumbar only."""
        sent = self.sents[sent_i]
        context = [lvl for s in self.levels.within(sent.start, sent.end) for lvl in _levels_of(s)]
        context = context or self._previous_levels(sent_i)
        return bool(context) and all(region_of(lvl) != "cervical" for lvl in context)

    def _anaphor_levels(self, sent_i: int, token_i: int) -> list[str]:
        """'at this level' / 'at both levels': the levels named just before, in the same
        sentence if any, else the header or the last sentence naming levels."""
        sent = self.sents[sent_i]
        anaphors = self.lex.get("ANAPHOR")
        here = anaphors.starting_at(token_i) if anaphors is not None else []
        words = {w for sp in here for w in sp.text.lower().split()}
        singular = bool(words & _SINGULAR_LEVEL_NOUNS and words & {"this", "that", "same"})
        # "both of these levels" / "all three levels": the last set of that many levels
        count = next((n for w, n in _ANAPHOR_COUNTS.items() if w in words), None)
        before = self.levels.within(sent.start, token_i)
        if before:
            named = [lvl for s in before for lvl in _levels_of(s)]
            if singular and len(set(named)) > 1:
                # "phlegmon at C6-C7 extends to the C5-C6 level and compresses the cord at
                # C6-C7, with moderate canal narrowing at this level": the level named last
                return _levels_of(before[-1])
            if count is not None and len(set(named)) > count:
                # "OPLL from C3 through C6 producing severe stenosis at C4-5 and moderate at
                # C5-6, with cord flattening at both levels": the last two named
                last: list[str] = []
                for s in reversed(before):
                    last[:0] = _levels_of(s)
                    if len(set(last)) >= count:
                        break
                if len(set(last)) == count:
                    return last
            return named
        # a positional anaphor picks among the levels last named, not the last one placed
        positional = any(self._anaphor_value(sp) in _POSITIONAL_ANAPHORS for sp in here)
        found = self._previous_levels(sent_i, through_anaphors=not positional, count=count)
        if count is None and not positional and singular and len(set(found)) > 1:
            # "... phlegmon from C5 to T1 and an abscess at C6-C7. Canal narrowed at this
            # level.": one level, the one named last
            return found[-1:]
        if count is None and words & _PLURAL_LEVEL_NOUNS and len(set(found)) == 1:
            # "C3-4: mild narrowing. C4-5: mild narrowing. No canal stenosis at these levels."
            run = self._level_run(sent_i)
            if found[0] in run and len(run) > 1:
                return run
        return found

    def _level_run(self, sent_i: int) -> list[str]:
        """The levels of the run of one-level sentences just before a sentence, within one
        paragraph ("C3-4: X. C4-5: Y. ..." -> C3-C4, C4-C5)."""
        run: list[str] = []
        for k in range(sent_i - 1, -1, -1):
            if k + 1 < sent_i and self._paragraph_break(k + 1):
                break
            named = {
                lvl
                for s in self.levels.within(self.sents[k].start, self.sents[k].end)
                for lvl in _levels_of(s)
            }
            if len(named) != 1:
                break
            run = [*named, *run]
        return list(dict.fromkeys(run))

    def _fallback_levels(
        self, sent: Span, sent_i: int, frames: list[tuple[Span, int, int]], target: Span
    ) -> list[_Item]:
        """Level items for a target whose own frame names none, nearest context first."""
        relative = self._relative_clause_level(sent, target)
        if relative is not None:
            return [relative]
        with_level = self._level_before_with_phrase(target)
        if with_level is None or "|" in with_level.value:
            # "causing high-grade canal stenosis and compression of the myelon at C6/7": the
            # level that closes the coordination the target opens (before the extent of a
            # lesion it is attached to: "OPLL C3-C5 with severe stenosis, cord compression and
            # myelomalacia at C3-C4")
            with_level = (
                self._coordinated_level_after(target)
                or with_level
                or self._level_before_bracket(target)
            )
        if with_level is not None:
            # "causing cord compression at C5/6 with severe canal stenosis": the level the
            # "with" phrase is attached to
            return [with_level]
        owned: set[int] = set()
        for t, left, right in frames:
            if t is target or t.label_ not in _LEVEL_OWNERS:
                continue
            if t.label_ == "ROOT" and target.label_ == "FORAMINAL":
                continue  # the exiting root runs through the foramen: its level is shared
            if self._sac_without_narrowing(t.label_, t, left, right):
                # "bulges at C3-C4 and C4-C5 indenting the thecal sac and encroaching upon
                # both foramina": an indented sac states no stenosis and owns no level
                continue
            owned.update(range(left, right))
        c_start, c_end = self._clause_of(sent, target.start)
        level_items = self._level_items(c_start, c_end)
        if not level_items:
            # other clauses of the sentence may name the level, not quantify it; but a
            # quantifier that labels the sentence ("Other segments: discs of normal height; the
            # foramina are not narrowed") covers all of its clauses
            level_items = [
                it
                for it in self._level_items(sent.start, sent.end)
                # "... hypertrophy at this level, and ...; the right foramen looks capacious"
                if it.label == "LEVEL"
                # (not a red flag's: "collapse of L3 ... at this level" is a vertebra's)
                or (it.label == "ANAPHOR" and not target.label_.startswith("RED_FLAG_"))
                or self._labels_sentence(it, sent)
            ]
        free = [it for it in level_items if it.start not in owned]
        if free:
            return self._nearest_level_list(free, target)
        before = [it for it in level_items if it.end <= target.start]
        if before:
            # the nearest level list ("C5/6 and C6/7: Mild canal narrowing; the foramina are
            # patent")
            return self._nearest_level_list(before, target)
        earlier = [
            it
            for it in self._level_items(sent.start, c_start)
            if it.label == "LEVEL" and it.start not in owned
        ]
        if earlier and all(
            it.start in owned and self._owner_opens_clause(frames, target, it.start)
            for it in level_items
        ):
            # "A protrusion at C5-C6 indents the thecal sac; no canal stenosis, and the foramina
            # are patent at this and all other levels": the levels of the clause are the other
            # anchor's; the sentence's level before it is this one's
            return self._nearest_level_list(earlier, target)
        label = self._line_quantifier_label(sent_i)
        if label is not None:
            # "Other levels: no disc disease. The canal and foramina are patent.": the line's
            # label quantifies its later sentences too
            return [label]
        if self.header_levels[sent_i]:
            return [_Item(sent.start, sent.start, "LEVEL", "|".join(self.header_levels[sent_i]))]
        if level_items and not any(
            w in _MULTILEVEL_WORDS
            for w in self.lowers[
                (
                    c_start if self._no_level_between(c_start, target.start) else target.start - 4
                ) : target.start
            ]
        ):
            # (but "multilevel mild foraminal stenosis and severe left C6-7 foraminal
            # narrowing": the multilevel finding is not the other one's level, nor in
            # "multilevel spondylosis with mild foraminal narrowing and mild C5-6 canal
            # stenosis")
            return [min(level_items, key=lambda it: abs(it.start - target.end))]
        carried = self._same_line_levels(
            sent_i,
            # (a statement of no narrowing, negated or "patent", as with "No canal stenosis.")
            sole_topic=self.ctx(target).negated
            or any(
                sp.label_ == "SEVERITY" and sp.id_ == "none"
                for sp in self.attrs.within(c_start, c_end)
            ),
        )
        if carried:
            return [_Item(sent.start, sent.start, "LEVEL", "|".join(carried))]
        return []

    def _line_quantifier_label(self, sent_i: int) -> _Item | None:
        """The quantifier label ("Other levels:", "Remaining levels:") that opens the line of a
        later sentence on it, as an item at that sentence's start."""
        k = self._line_first_sentence(sent_i)
        if k == sent_i:
            return None
        first = self.sents[k]
        for it in self._level_items(first.start, first.end):
            if it.label == "QUANTIFIER" and self._labels_sentence(it, first):
                sent = self.sents[sent_i]
                return _Item(sent.start, sent.start, "QUANTIFIER", it.value)
        return None

    def _no_level_between(self, start: int, end: int) -> bool:
        return not self.levels.within(max(start, 0), end)

    def _names_a_foramen(self, t: Span) -> bool:
        """A root anchor that only names the foramina it exits ("the foramina of the exiting C5,
        C6, C7 and C8 roots are patent"): the statement is the foramina's."""
        if t.label_ != "ROOT":
            return False
        words = self.lowers[max(t.start - 14, 0) : t.start]
        if "of" not in words:
            return False
        k = len(words) - 1 - words[::-1].index("of")
        return (
            k > 0
            and _FORAMEN_WORD_RE.search(words[k - 1]) is not None
            and all(
                w in ("the", "exiting", "left", "right", ",", "and", "&", "or", "/")
                or re.fullmatch(r"c[3-8]", w) is not None
                for w in words[k + 1 :]
            )
        )

    def _agent_of_narrowing_before(self, left: int) -> bool:
        """The frame opens on "into/upon/on" right after a lesion that a narrowing noun names
        as its agent ("encroachment of osteophytes | into the right foramen")."""
        if self.lowers[left : left + 1] not in (["into"], ["upon"], ["on"], ["onto"]):
            return False
        blocker = next(
            (b for b in self.blocker_index.within(max(left - 3, 0), left) if b.end == left), None
        )
        if blocker is None:
            return False
        k = blocker.start - 1
        while k >= 0 and k >= blocker.start - 4 and self.lowers[k] != "of":
            k -= 1
        return (
            k > 0
            and self.lowers[k] == "of"
            and any(
                p.id_ == "narrowing" and p.end == k
                for p in self._has_label("PREDICATE", max(k - 3, 0), k)
            )
        )

    def _sac_without_narrowing(self, label: str, t: Span, left: int, right: int) -> bool:
        """The thecal sac read as the canal, with no narrowing word in its frame ("effaces the
        thecal sac"): no canal stenosis."""
        return (
            label == "CANAL"
            and "sac" in t.text.lower()
            and not any(sp.id_ == "narrowing" for sp in self._has_label("PREDICATE", left, right))
        )

    def _owner_opens_clause(
        self, frames: list[tuple[Span, int, int]], target: Span, token_i: int
    ) -> bool:
        """The anchor whose frame holds token i comes after `target` in a clause of its own
        (", and the neural foramina are patent at all levels")."""
        owner = next((t for t, left, right in frames if left <= token_i < right), None)
        if owner is None or owner.start < target.end:
            return False
        gap = self.lowers[target.end : owner.start]
        return "," in gap and any(w in ("and", "but", "while", "whereas") for w in gap)

    def _labels_sentence(self, item: _Item, sent: Span) -> bool:
        """A quantifier that opens the sentence as its label ("Other levels: ...")."""
        return (
            item.label == "QUANTIFIER"
            and item.start - sent.start <= 1
            and item.end < sent.end
            and self.lowers[item.end] == ":"
        )

    def _relative_clause_level(self, sent: Span, target: Span) -> _Item | None:
        """The level a relative clause opens on: in "most pronounced at C5-6, where the left
        foramen is moderately narrowed" the target is C5-6's."""
        for i in range(
            target.start - 1, max(sent.start, target.start - _RELATIVE_CLAUSE_REACH) - 1, -1
        ):
            word = self.lowers[i]
            if word in (".", ";", ":"):
                return None
            if word == "where":
                before = self.levels.within(sent.start, i)
                if not before:
                    return None
                last = before[-1]
                # "most severe at C5-C6 on the left where the foramen is severely narrowed"
                if not all(w in _RELATIVE_GAP_WORDS for w in self.lowers[last.end : i]):
                    return None
                # "most notable at C5-6 and C6-7, where ...": the whole list
                named = [last]
                for prev in reversed(before[:-1]):
                    gap = self.lowers[prev.end : named[0].start]
                    if not all(w in _LEVEL_LIST_JOINERS for w in gap):
                        break
                    named.insert(0, prev)
                value = "|".join(lvl for sp in named for lvl in _levels_of(sp))
                return _Item(named[0].start, last.end, "LEVEL", value)
        return None

    def _relative_clause_side(self, sent: Span, target: Span) -> _Item | None:
        """The side named between a level and the relative clause the target stands in ("at
        C5-C6 on the left where the foramen is severely narrowed")."""
        placed = self._relative_clause_level(sent, target)
        if placed is None:
            return None
        where = next(i for i in range(placed.end, target.start) if self.lowers[i] == "where")
        sides = [sp for sp in self.attrs.within(placed.end, where) if sp.label_ == "SIDE"]
        if len(sides) != 1 or sides[0].id_ not in ("left", "right"):
            return None
        return _Item(sides[0].start, sides[0].end, "SIDE", sides[0].id_)

    def _nearest_level_list(self, items: list[_Item], target: Span) -> list[_Item]:
        """Of several separate level lists before a target ("bulges at C4-5 and C6-7 and a
        protrusion at C5-6 ..., with moderate left foraminal narrowing"), the one nearest to
        it; a single list ("at C4-5 and C5-6") is kept whole."""
        lists: list[list[_Item]] = [[items[0]]]
        for prev, it in itertools.pairwise(items):
            gap = self.lowers[prev.end : it.start]
            if all(w in _LEVEL_LIST_JOINERS for w in gap):
                lists[-1].append(it)
            else:
                lists.append([it])
        if len(lists) == 1:
            return items
        before = [lst for lst in lists if lst[-1].end <= target.start]
        return before[-1] if before else items

    def _level_items(self, start: int, end: int) -> list[_Item]:
        items = [
            _Item(s.start, s.end, "LEVEL", s.id_)
            for s in self.levels.within(start, end)
            if not self._names_construct(s)
            and not self._reference_level(s)
            and not self._denied_level(s)
            and s.start not in self.excepted
        ]
        items.extend(self._quantifier_items(start, end))
        return sorted(items, key=lambda it: it.start)

    def _opens_with_anaphor(self, sent: Span) -> bool:
        """The sentence opens with "At this level" / "At the same level"."""
        return any(
            a.id_ == "previous"
            and all(w in _TOPIC_LEVEL_LEAD for w in self.lowers[sent.start : a.start])
            for a in self._has_label("ANAPHOR", sent.start, min(sent.start + 4, sent.end))
        )

    def _opening_operated_anaphor(self, sent: Span) -> Span | None:
        """The anaphor to the operated levels a sentence opens with ("The level above the
        fusion shows ...", "At the level below the construct ...")."""
        return next(
            (
                a
                for a in self._has_label("ANAPHOR", sent.start, min(sent.start + 12, sent.end))
                if a.id_ in _OPERATED_ANAPHORS
                and a.id_ != "operated"
                and a.start - sent.start <= 2
                and all(w in _TOPIC_LEVEL_LEAD for w in self.lowers[sent.start : a.start])
            ),
            None,
        )

    def _same_line_levels(self, sent_i: int, sole_topic: bool = False) -> list[str]:
        """Levels of an earlier sentence on the same line ("At C5-6 there is X. Y is seen."),
        or ending on it (a sentence wrapped over several lines). With `sole_topic`, only when
        the line has no other level before that one: "At C6/7 there is X. At C5/6 there is Y.
        No canal stenosis." denies stenosis at no one level."""
        start_char = self.sents[sent_i].start_char
        line_start = self.text.rfind("\n", 0, start_char) + 1
        if _VAGUE_LEVEL_RE.search(self.sents[sent_i].text):
            return []
        named: set[str] = set()
        for k in range(sent_i - 1, -1, -1):
            sent = self.sents[k]
            if sent.start_char + len(sent.text.rstrip()) <= line_start:
                break
            lv = self.levels.within(sent.start, sent.end)
            if not lv:
                if self._has_label("QUANTIFIER", sent.start, sent.end):
                    # "... at the remaining levels." turns from the topic's level to the others
                    return []
                if self._opens_with_anaphor(sent):
                    # "At this level a left foraminal protrusion ... The central canal is
                    # mildly narrowed.": the level the anaphor points to
                    levels = self._previous_levels(k, False)
                    return levels if levels and named <= set(levels) else []
                operated = self._opening_operated_anaphor(sent)
                if operated is not None and self.operated:
                    # "The level above the fusion shows ... Moderate canal stenosis."
                    levels = _positional(operated.id_, self.operated)
                    return levels if levels and named <= set(levels) else []
                continue
            levels = [lvl for s in lv for lvl in _levels_of(s)]
            # only a sentence that opens with its level sets the topic ("At C5-6 there is X.",
            # "Adjacent segment disease at C4-C5: ..."), not one that names a level inside a
            # finding ("Mild left C5-6 foraminal narrowing. No significant canal stenosis.");
            # such a sentence only repeats the topic's level ("At C6-7 there is X. The left
            # C6-7 foramen is preserved. The canal is patent.")
            first = lv[0]
            lead = self.lowers[sent.start : first.start]
            if ":" in lead:  # "Underlying spondylosis: C5-6 disc osteophyte complex ..."
                lead = lead[len(lead) - lead[::-1].index(":") :]
            topic = all(w in _TOPIC_LEVEL_LEAD for w in lead) or (
                first.end < sent.end and self.lowers[first.end] == ":"
            )
            if topic:
                if not named <= set(levels):
                    return []
                if sole_topic and self._closes_level_run(sent_i, k, line_start, set(levels)):
                    return []
                return levels
            if (
                not sole_topic
                and not named
                and len(levels) == 1
                and not self._other_levels_on_line(k, line_start, set())
                and not self._names_vertebra(sent_i)
            ):
                # a finding stated without a level right after the line's one level ("* Disc
                # protrusion at C5-C6 causing moderate canal stenosis. Bilateral neural foramina
                # are mildly narrowed."): it is at that level. A denial is not carried: "Mild
                # left C5-6 foraminal narrowing. No canal stenosis." may speak of every level.
                return levels
            named.update(levels)
        return []

    def _names_vertebra(self, sent_i: int) -> bool:
        """The sentence places its finding at a vertebra ("epidural extension along the
        ventral canal at C7"), not at a disc level."""
        sent = self.sents[sent_i]
        return any(_CERVICAL_VERTEBRA_RE.fullmatch(w) for w in self.lowers[sent.start : sent.end])

    def _closes_level_run(
        self, sent_i: int, topic_i: int, line_start: int, levels: set[str]
    ) -> bool:
        """Sentence `sent_i`, with no level of its own, closes a run of sentences about several
        levels on the line that starts at `line_start`, the last of them `levels` (named in
        sentence `topic_i`)."""
        return (
            # a sentence of its own, not a statement cut from unpunctuated dictation
            self.sents[sent_i - 1].text.rstrip().endswith(".")
            and self._other_levels_on_line(topic_i, line_start, levels)
            # ... and closes the run: "c5-6 ... . no canal stenosis. c6-7 and c7-t1 normal."
            # goes level by level
            and not self._levels_follow(sent_i)
        )

    def _levels_follow(self, sent_i: int) -> bool:
        """A later sentence of the same line and section names a level."""
        line_end = self.text.find("\n", self.sents[sent_i].start_char)
        line_end = len(self.text) if line_end < 0 else line_end
        for k in range(sent_i + 1, len(self.sents)):
            sent = self.sents[k]
            if sent.start_char >= line_end or self.sent_sections[k] != self.sent_sections[sent_i]:
                return False
            if self.levels.within(sent.start, sent.end) or self._has_label(
                "QUANTIFIER", sent.start, sent.end
            ):
                return True  # "... Canal is patent. Other levels are unremarkable."
        return False

    def _other_levels_on_line(self, sent_i: int, line_start: int, levels: set[str]) -> bool:
        """An earlier sentence on the line (from `line_start`) names a level not in `levels`."""
        for k in range(sent_i - 1, -1, -1):
            sent = self.sents[k]
            if sent.start_char + len(sent.text.rstrip()) <= line_start:
                return False
            for span in self.levels.within(sent.start, sent.end):
                if not set(_levels_of(span)) <= levels:
                    return True
        return False

    # ----- main ----------------------------------------------------------------------------
    def build(self) -> list[Finding]:
        self.target_index = _SentenceIndex(self.targets)
        self.blocker_index = _SentenceIndex(self.blockers)
        self.excepted = self._fronted_exceptions()
        self._exception_starts = {ex.start for ex in self.excepted.values()}
        findings: list[Finding] = []
        self._built = findings  # what "the same" and "likewise" look back to
        last_target: Span | None = None
        self._last_foraminal_levels: list[str] = []
        self._pending_levels: list[str] = []
        self._target_sides: dict[tuple[int, int], str] = {}
        scale_subject: Span | None = None
        for sent_i, sent in enumerate(self.sents):
            if (
                sent_i
                and (last_target is not None or self._pending_levels)
                and (self._paragraph_break(sent_i))
            ):
                last_target = None
                self._pending_levels = []
            self._last_foraminal_levels = self._pending_levels
            findings.extend(self._level_normal(sent, sent_i))
            findings.extend(self._limited(sent, sent_i))
            has_targets = bool(self.target_index.within(sent.start, sent.end))
            if self.scale.is_definition(sent.start_char):
                # "Foraminal stenosis is graded: grade 0 = none; grade 1 = mild ...": not a
                # finding; its foraminal anchor is the subject of the graded lines that follow
                own = self.target_index.within(sent.start, sent.end)
                scale_subject = next(
                    (t for t in own if t.label_ == "FORAMINAL"),
                    # "Central canal stenosis graded by Kang (grade 0 = no stenosis, ...)." over
                    # "C3-4: grade 1.": the canal's lines
                    next((t for t in own if t.label_ == "CANAL"), scale_subject),
                )
                if scale_subject is None and self.scale.foraminal and not self.scale.canal:
                    # "Grading used in this review: grade 0 = no stenosis, grade 1 = mild ...":
                    # a scale that names no structure grades the foramina the report names
                    scale_subject = next((t for t in self.targets if t.label_ == "FORAMINAL"), None)
                continue
            if not has_targets and last_target is None and scale_subject is None:
                continue
            frames = self._frames(sent) if has_targets else []
            for target, left, right in frames:
                found = self._from_frame(_Frame(sent, sent_i, frames, target, left, right))
                sides = {
                    f.side for f in found if f.type in ("foraminal_stenosis", "foramen_widened")
                } or self._premodifier_sides(target)
                if "bilateral" in sides or {"left", "right"} <= sides:
                    sides = {"bilateral"}
                self._target_sides[(target.start, target.end)] = (
                    next(iter(sides)) if len(sides) == 1 and None not in sides else "unspecified"
                )
                findings.extend(found)
            findings.extend(self._copied_level(sent, sent_i))
            for start, end in self._clauses(sent):
                own = [t for t, _l, _r in frames if start <= t.start < end]
                if (
                    own
                    and last_target is not None
                    and last_target.label_ in ("FORAMINAL", "CANAL")
                    and all(self._definite_anaphor(t, start) for t in own)
                    and not self.ctx(own[0]).negated
                    and not any(w in _LOCAL_NEGATORS for w in self.lowers[start:end])
                    and self._field_label(sent, own[0]) is None
                    and self._clause_subject(sent, own[0]) is None
                ):
                    # "Right foraminal stenosis. The stenosis is severe.": the finding just named
                    findings.extend(self._elliptical(sent_i, start, end, last_target))
                elif (
                    own
                    and not any(t.label_ == "FORAMINAL" for t in own)
                    and scale_subject is not None
                    and any(
                        sp.id_.startswith("grade_") for sp in self.attrs.within(start, own[0].start)
                    )
                ):
                    # "C7-T1 and C2-3: Grade 0 bilateral, no canal stenosis.": under a defined
                    # foraminal scale the grades before the canal's statement are the foramina's
                    # ("C6/7: right grade 3 (severe, deformation of the exiting C7 root), left
                    # grade 1": a root's statement is the foramen's own, the grades go on)
                    for a, b in self._around_roots(start, end, own):
                        findings.extend(self._elliptical(sent_i, a, b, scale_subject, True))
                elif (
                    own
                    and not any(t.label_ in _CONTINUABLE for t in own)
                    and last_target is not None
                    and last_target.label_ in _CONTINUABLE
                    and self.lowers[start : start + 1] in (["radiologist"], ["final"])
                ):
                    # "Canal - AI: moderate; Final: moderate, cord indented.": the reviewer's
                    # grade heads the clause, before the cord's own statement
                    head_end = self._clause_head_end(start, own[0].start)
                    if head_end > start:
                        findings.extend(self._elliptical(sent_i, start, head_end, last_target))
                elif (
                    own
                    and not any(t.label_ in _CONTINUABLE for t in own)
                    and last_target is not None
                    # "(no stenosis)" on the line before is the label's foramina too
                    and self._block_label(sent_i) in ("FORAMINAL", "CANAL")
                    and last_target.label_ in (self._block_label(sent_i), "GENERIC_STENOSIS")
                ):
                    # ("Central canal stenosis:\n - C3-4: moderate, with mild deformity of the
                    # cord": the canal's grade before the cord's statement)
                    # "Foramina:\n- Left C6-7: severe, due to a left foraminal disc extrusion,
                    # compressing the exiting left C7 root.": the entry's head grades the
                    # labelled foramen; the label stays the antecedent of the entries after it
                    # the head ends at a comma before the anchor's phrase ("Tiny left
                    # foraminal disc protrusion" grades the protrusion, not the foramen)
                    for a, b in self._around_roots(start, end, own):
                        findings.extend(self._elliptical(sent_i, a, b, last_target))
                elif own:
                    # the antecedent of a following elliptical clause is the last stenosis
                    # anchor ("Foramina: left obscured by phlegmon; right mild narrowing")
                    last_target = next(
                        (t for t in reversed(own) if t.label_ in _CONTINUABLE),
                        # "...; the right C5 root sleeve is short. Left patent.": the exiting
                        # root is the foramen's, whose statement goes on
                        last_target
                        if last_target is not None
                        and last_target.label_ in _CONTINUABLE
                        and (
                            all(t.label_ == "ROOT" for t in own)
                            # "Canal:\nC5-6: moderate stenosis; the cord is not deformed.\n
                            # C6-7: mild narrowing.": the label's lines go on after the cord
                            or self._block_label(sent_i) in ("CANAL", "FORAMINAL")
                        )
                        else own[-1],
                    )
                elif (
                    scale_subject is not None
                    and (
                        any(sp.id_.startswith("grade_") for sp in self.attrs.within(start, end))
                        # "C3-4: right 1, left 0." - bare numbers of the scale after the sides
                        or any(
                            sp.label_ == "SIDE"
                            and sp.end < end
                            and self.lowers[sp.end] in self.scale.grades
                            for sp in self.attrs.within(start, end)
                        )
                        # "C3-C4: right 20%, left 10%." under the report's percentage bands
                        or (self.scale.percent and "%" in self.lowers[start:end])
                        # "C4-C5: R1 L2."
                        or bool(self._side_grade_tokens(start, end))
                    )
                ):
                    # "C4-5: L grade 1, R grade 0." under a defined foraminal scale
                    findings.extend(self._elliptical(sent_i, start, end, scale_subject, True))
                elif last_target is not None and last_target.label_ in _CONTINUABLE:
                    findings.extend(self._elliptical(sent_i, start, end, last_target))
        findings = self._table_rows_win(
            findings, read_tables(self.text, self._section_at_char, self.scale.grades)
        )
        findings.extend(read_side_pairs(self.text, self._section_at_char, self.scale.grades))
        for at, end, moves in self._level_moves():
            # "Correction to level. The adjacent segment degeneration described above is at
            # C4-5, not C3-4.": what was said of C3-4 before is said of C4-5. A correction that
            # restates its finding ("the protrusion with moderate left foraminal narrowing is at
            # C6/7, not C5/6") moves only what it restates. The moves of one correction ("C6/7
            # is C5/6 and C7/T1 is C6/7") are made together, each finding moved once.
            moved: dict[int, str] = {}
            # "Correction to impression item 1: the level is C6-7, not C5-6.": the impression's
            # statement moves, what the findings said of C5-6 stays
            only = "IMPRESSION" if _IMPRESSION_ONLY_RE.search(self.text[at:end]) else None
            for old, new in moves:
                restated = [f for f in findings if at <= f.start < end and f.level == new]
                for k, f in enumerate(findings):
                    if (
                        f.level == old
                        and not f.correction
                        and f.start < at
                        and (only is None or f.section == only)
                        and (not restated or any(_restates(r, f) for r in restated))
                    ):
                        moved[k] = new
            findings = [
                f.model_copy(update={"level": moved[k]}) if k in moved else f
                for k, f in enumerate(findings)
            ]
        findings = self._benign_on_review(findings)
        unique: dict[tuple[object, ...], Finding] = {}
        for f in findings:
            key = (f.type, f.level, f.side, f.severity, f.negated, f.start, f.end, f.label)
            unique.setdefault(key, f)
        return list(unique.values())

    def _benign_on_review(self, findings: list[Finding]) -> list[Finding]:
        """A tumour the report only suspected ("metastasis cannot be excluded") is withdrawn by
        an addendum or correction after it that names a benign mimic ("Addendum: ... typical of
        a vertebral hemangioma. The lesion is benign.")."""
        review = next(
            (
                sent.start_char
                for k, sent in enumerate(self.sents)
                if (self.sent_sections[k] == "addendum" or self.sent_correction[k])
                and any(t.label_ == "EXCLUDE_MIMIC" for t in self.targets_in(sent))
            ),
            None,
        )
        if review is None:
            return findings
        return [
            f
            for f in findings
            if not (
                f.type == "red_flag"
                and f.label == "malignancy"
                and f.uncertain
                and not f.negated
                and f.start < review
            )
        ]

    def _clause_head_end(self, start: int, anchor_start: int) -> int:
        """Where the words heading a clause before its first anchor end: at the first comma
        between them ("Final: moderate, cord indented"), else at `start` (no head)."""
        return next((i for i in range(start, anchor_start) if self.lowers[i] == ","), start)

    def _table_rows_win(self, findings: list[Finding], table: list[Finding]) -> list[Finding]:
        """`findings` with the table's added: a table row read as a sentence ("C4-C5  mild
        loss  no stenosis  R moderate, L mild") gives the columns' grades to the wrong
        structure, so where the row's cells grade a structure, the sentence reading of that
        row says nothing of it."""
        rows = {
            (f.type, f.level, self.text.rfind("\n", 0, f.start) + 1)
            for f in table
            if f.level is not None
        }
        if not rows:
            return findings
        # (nor does a row's first cell make the whole level normal: "C6-C7  Normal  Mild right"
        # under "LEVEL  CANAL  NEURAL FORAMINA")
        row_levels = {(level, line) for _type, level, line in rows}
        kept = []
        for f in findings:
            line = self.text.rfind("\n", 0, f.start) + 1
            if (f.type, f.level, line) in rows:
                continue
            if f.type == "level_normal" and (f.level, line) in row_levels:
                continue
            kept.append(f)
        return [*kept, *table]

    def _level_moves(self) -> list[tuple[int, int, list[tuple[str, str]]]]:
        """Corrections that move what was described at one level to another ("... described
        above is at C4-5, not C3-4"): (where the correction starts and ends, its moves as pairs
        of the level denied and the level meant)."""
        out = []
        for k, sent in enumerate(self.sents):
            if not self.sent_correction[k]:
                continue
            spans = self.levels.within(sent.start, sent.end)
            if not spans or len(spans) % 2:
                continue
            # "at C4-5, not C3-4" or "the disc described as C6/7 is C5/6, and the level
            # described as C7/T1 is C6/7": each pair is one level denied and one meant
            pairs = [spans[j : j + 2] for j in range(0, len(spans), 2)]
            moves = []
            for pair in pairs:
                denied = [sp for sp in pair if self._denied_level(sp)]
                meant = [sp for sp in pair if sp not in denied]
                if len(denied) != 1 or len(meant) != 1:
                    break
                old, new = _levels_of(denied[0]), _levels_of(meant[0])
                if len(old) != 1 or len(new) != 1 or old == new:
                    break
                moves.append((old[0], new[0]))
            else:
                out.append((sent.start_char, sent.end_char, moves))
        return out

    def _paragraph_break(self, sent_i: int) -> bool:
        prev = self.sents[sent_i - 1]
        gap = self.text[prev.start_char + len(prev.text.rstrip()) : self.sents[sent_i].start_char]
        return bool(_BLANK_LINE_RE.search(gap)) or (
            self.sent_sections[sent_i] != self.sent_sections[sent_i - 1]
        )

    def _section_at_char(self, char: int) -> str | None:
        k = bisect_right(self.sent_start_chars, char) - 1
        section = self.sent_sections[k] if k >= 0 else None
        return SECTION_NAMES.get(section, section)

    def _clause_of(self, sent: Span, token_i: int) -> tuple[int, int]:
        """Token range of the clause of `sent` that holds token `token_i`."""
        return next(
            ((a, b) for a, b in self._clauses(sent) if a <= token_i < b), (sent.start, sent.end)
        )

    def _clauses(self, sent: Span) -> list[tuple[int, int]]:
        """Token ranges of the clauses of a sentence (split at ';')."""
        lo = bisect_left(self.semicolons, sent.start)
        hi = bisect_left(self.semicolons, sent.end)
        cuts = self.semicolons[lo:hi]
        bounds = [sent.start, *[c + 1 for c in cuts], sent.end]
        return [(a, b) for a, b in itertools.pairwise(bounds) if a < b]

    def _elliptical(
        self, sent_i: int, start: int, end: int, antecedent: Span, scaled: bool = False
    ) -> list[Finding]:
        """A clause with a side and a grade but no anchor of its own continues the foraminal
        statement before it: "... severe left foraminal stenosis; right normal.",
        "C4-5: right mild, left mild." (after "foraminal narrowing as follows:"). With `scaled`,
        the antecedent is the subject of a report-defined scale and a graded clause needs no
        side ("C5-6: grade 2.")."""
        if scaled:
            # "C4/5: left uncovertebral osteophyte, left grade 1, right grade 0.": under a
            # report-defined scale the lesion named before the grades is the grades' cause
            grade_at = next(
                (sp.start for sp in self.attrs.within(start, end) if sp.id_.startswith("grade_")),
                # "C3-C4: uncovertebral spurs, R2 L2."
                next((i for i, _side, _grade in self._side_grade_tokens(start, end)), None),
            )
            comma = next(
                (i for i in range(start, grade_at or start) if self.lowers[i] == ","), None
            )
            if comma is not None and self.blocker_index.within(start, comma):
                start = comma + 1
        if any(
            not self._is_cause(b.start, start, end) and not self._appositive_cause(b, start)
            for b in self.blocker_index.within(start, end)
        ) or any(
            # (a finding named as the cause does not: "Right C5-6: moderately narrowed by
            # tumour.")
            not self._definite_anaphor(t, start)
            and not self._is_cause(t.start, start, end)
            # (nor the root the graded narrowing affects: "C5-6: severe, ... which flattens
            # the exiting C6 root")
            and not (t.label_ == "ROOT" and self._graded_before(start, t.start))
            for t in self.target_index.within(start, end)
        ):
            return []
        kind = antecedent.label_
        if kind == "GENERIC_STENOSIS":
            home = self.sents[self._sentence_index(antecedent.start)]
            kind = self._field_label(home, antecedent) or self._clause_subject(home, antecedent)
        if kind == "CANAL":
            return self._elliptical_canal(sent_i, start, end)
        if kind != "FORAMINAL":
            return []
        # "it is not severe": a negated grade says what the finding is not
        all_items = self._items(start, end)
        items = [
            it
            for it in all_items
            if not (
                it.label == "SEVERITY"
                and it.value != "none"
                and any(
                    w in ("not", "no") for w in self.lowers[max(it.start - 2, start) : it.start]
                )
            )
        ]
        narrowing = any(sp.id_ == "narrowing" for sp in self._has_label("PREDICATE", start, end))
        negator = next(
            (i for i in range(start, end) if self.lowers[i] in ("no", "not", "without")), None
        )
        if (
            negator is not None
            and (
                narrowing
                # "right not significant" is a negative; "it is not severe" is not
                or any(it.value == "significant" for it in all_items if it not in items)
            )
            and not any(
                it.label == "SEVERITY" and it.value not in ("none", "significant") for it in items
            )
        ):
            # "; no significant narrowing on the right", "; right not significant": the
            # clause's side is not narrowed
            items = [it for it in items if it.label != "SEVERITY"]
            items.append(_Item(negator, negator + 1, "SEVERITY", "none"))
            items.sort(key=lambda it: it.start)
        inherited: str | None = None
        label_side = self._line_side_label(sent_i)
        if scaled:
            if not any(it.label == "SEVERITY" and it.value != "significant" for it in items):
                return []
            inherited = "unspecified"
        elif not any(it.label == "SIDE" for it in items):
            # "bilateral foraminal narrowing at C3-4 through C6-7. At C3-4 and C4-5 it is
            # mild.": a pronoun subject takes the antecedent's sides
            graded = any(it.label == "SEVERITY" and it.value != "significant" for it in items)
            if graded and label_side is not None and any(it.label == "LEVEL" for it in items):
                # "Left: C4-5 at least moderate; C5-6 moderate; C3-4 patent.": the side the
                # line is labelled with
                inherited = label_side
            elif (
                graded
                and self._opens_with_level(start, end)
                and (
                    self._sentence_index(antecedent.start) == sent_i
                    # "Neural foraminal narrowing:\nC4-5 - mild bilateral\nC6-7 - none"
                    or self.lowers[antecedent.end : antecedent.end + 1] == [":"]
                    # "Foraminal assessment:\nC5-6: no narrowing."
                    or self._block_label(sent_i) == "FORAMINAL"
                )
            ):
                # "Foraminal stenosis: C4-5 mild bilateral; C6-7 none.": an entry of the
                # anchor's own list that names its level and grades it, with no side; under a
                # label that names a side ("Left foramina - C5-6 moderate; C6-7 mild"), its side
                inherited = self._labelled_side(antecedent) or "unspecified"
            elif (
                graded
                and self.lowers[start : start + 1] in (["radiologist"], ["reviewer"], ["final"])
                and self._sentence_index(antecedent.start) == sent_i
            ):
                # "Left exit foramen - AI: moderate; radiologist: mild-moderate": the reviewer's
                # grade of the foramen the drafted one graded
                inherited = self._labelled_side(antecedent) or self._target_sides.get(
                    (antecedent.start, antecedent.end), "unspecified"
                )
            elif (
                graded
                and any(it.label == "LEVEL" for it in items)
                and self._sentence_index(antecedent.start) == sent_i
            ):
                # "moderate to severe left foraminal narrowing at C5-6; moderate at C4-5 and
                # C6-7": a grade and levels of its own, on the anchor's side
                inherited = self._target_sides.get(
                    (antecedent.start, antecedent.end), "unspecified"
                )
            elif (
                graded
                and (
                    any(w in _ANAPHORIC_SUBJECTS for w in self.lowers[start:end])
                    or self._definite_subject(start, end)
                    # "the left C5-6 foramen is widened; residual mild narrowing cannot be
                    # excluded": what is left of the narrowing of the foramen just named
                    or self.lowers[start : start + 1] in (["residual"], ["persistent"])
                )
            ):
                # a grade of its own ("it is mild"), not "this is not significantly different"
                inherited = self._target_sides.get(
                    (antecedent.start, antecedent.end), "unspecified"
                )
            elif graded and any(it.label == "QUANTIFIER" for it in items):
                # "Left neural foramen: moderate narrowing at C5-6; patent elsewhere." - the
                # labelled side; after a plain statement ("moderate left foraminal narrowing at
                # C5-6; patent elsewhere") the other levels are patent on both sides
                labelled = self.lowers[antecedent.end : antecedent.end + 1] == [":"]
                inherited = (
                    self._target_sides.get((antecedent.start, antecedent.end), "unspecified")
                    if labelled
                    else "unspecified"
                )
            else:
                return []
        elif not (narrowing or any(it.label == "SEVERITY" for it in items)):
            return []
        sent = self.sents[sent_i]
        # "Equivocal minimal left C3-4 narrowing.": a hedge in the clause makes it uncertain;
        # "the severe narrowing seen previously has resolved" is not the current study
        hedged = bool(self._has_label("HEDGE", start, end))
        clause = self.doc[start:end]
        # (a prior grade beside the current one dates its own grade only: "C5-6: severe
        # (previously moderate).", "C5-6: moderate, previously mild.")
        past = bool(
            _ELLIPTICAL_PAST_RE.search(clause.text)
            and not (
                any(it.label == "SEVERITY" and it.prior for it in items)
                and any(it.label == "SEVERITY" and not it.prior for it in items)
            )
        ) and not self._has_label("CURRENT", start, end)
        fallback = self._fallback_levels(sent, sent_i, [], antecedent)
        groups = self._conjuncts(items, [])
        span = self.doc[start:end]
        out: list[Finding] = []
        prev_sev: str | None = None
        prev_side: str | None = None
        for g in groups:
            levels, remaining = self._resolve_levels(g.levels, sent_i, fallback)
            # "...; patent elsewhere": the levels the grid leaves unstated
            label = "remaining_levels" if remaining and not levels else "elliptical"
            for sev_raw, side_raw in self._pair(g):
                sev_raw = sev_raw if sev_raw is not None else prev_sev
                if sev_raw is None and narrowing:
                    sev_raw = "significant"  # "on the right there is grade 1 narrowing"
                prev_sev = sev_raw
                # "Right: C5/6 moderate, C6/7 mild.": the side goes on to the next level
                side_raw = side_raw if side_raw is not None else (prev_side or inherited)
                prev_side = side_raw if side_raw != "unspecified" else prev_side
                if sev_raw is None or side_raw is None:
                    continue
                severity = _sev_value(sev_raw)
                common = self._plain_common(sent_i, span.start_char, span.text, severity == "none")
                if hedged:
                    common["uncertain"] = True
                if past:
                    common["historical"] = True
                for level in levels or [None]:
                    out.append(
                        _make(
                            "foraminal_stenosis",
                            level,
                            side_raw,
                            severity,
                            common,
                            label=label,
                        )
                    )
        return out

    def _line_side_label(self, sent_i: int) -> str | None:
        """The side label of the line a sentence is on ("Right side: C6-7 severe narrowing.
        C5-6 mild."), else of the side heading above its level lines ("Left -\n C4/5 mild\n
        C5/6 moderate")."""
        first = self.sents[self._line_first_sentence(sent_i)]
        return self._side_label(first) or self._side_blocks()[sent_i]

    def _line_first_sentence(self, sent_i: int) -> int:
        """The index of the first sentence on the line a sentence is on."""
        line_start = self.text.rfind("\n", 0, self.sents[sent_i].start_char) + 1
        k = sent_i
        while k > 0 and self.sents[k - 1].start_char >= line_start:
            k -= 1
        return k

    def _side_blocks(self) -> list[str | None]:
        """For each sentence, the side of the side heading alone on a line above it ("Left:",
        "Left -", "RIGHT SIDE:") whose level lines it is on; None elsewhere."""
        if self._side_block_cache is not None:
            return self._side_block_cache
        out: list[str | None] = []
        current: str | None = None
        foramina = False  # the heading names the foramina ("Right foramina:")
        prev_end = 0
        for sent in self.sents:
            gap = self.text[prev_end : sent.start_char]
            if _BLANK_LINE_RE.search(gap):
                current = None
            if "\n" in gap or prev_end == 0:
                line_end = self.text.find("\n", sent.start_char)
                line = self.text[sent.start_char : line_end if line_end >= 0 else len(self.text)]
                heading = _SIDE_HEADING_RE.match(line)
                if heading:
                    side = heading.group("side") or heading.group("side2")
                    current = "left" if side.lower().startswith("l") else "right"
                    foramina = bool(_FORAMEN_WORD_RE.search(line))
                    out.append(None)
                    prev_end = sent.start_char + len(sent.text.rstrip())
                    continue
                if not _LEVEL_OPENING_RE.match(_LINE_LEAD_RE.sub("", line.strip())) and not (
                    # under "Right foramina:", "Patent at C2-3 and C3-4; mild narrowing at
                    # C5-6" speaks of that side's foramina too
                    foramina
                    and _LEVEL_ANYWHERE_RE.search(line)
                    and not _OTHER_STRUCTURE_RE.search(line)
                ):
                    current = None
            out.append(current)
            if sent.text.strip():
                prev_end = sent.start_char + len(sent.text.rstrip())
        self._side_block_cache = out
        return out

    def _inline_label(self, sent: Span) -> tuple[str, str | None] | None:
        """A sentence that opens with a structure label and its colon, a side in the label or
        not ("Foramina, right: C5-C6 moderate.", "Right foramina: ...", "Neural foramina
        (left): ..."): the label's anchor kind and side."""
        own = self.target_index.within(sent.start, min(sent.start + 8, sent.end))
        if not own or own[0].label_ not in ("CANAL", "FORAMINAL"):
            return None
        anchor = own[0]
        colon = next(
            (i for i in range(anchor.end, min(anchor.end + 5, sent.end)) if self.lowers[i] == ":"),
            None,
        )
        if colon is None:
            return None
        side: str | None = None
        for i in [*range(sent.start, anchor.start), *range(anchor.end, colon)]:
            if self.lowers[i] in ("-", "•", "*", "(", ")", ",", "side", "sided"):
                continue
            # "Right", or "Right-sided" as one span
            found = [sp for sp in self.attrs.starting_at(i) if sp.label_ == "SIDE"]
            if not found or found[0].id_ not in ("left", "right"):
                return None
            side = found[0].id_
        return anchor.label_, side

    def _line_side_item(self, sent_i: int) -> _Item | None:
        """The side label of the line, for a later sentence on it ("Left: facet hypertrophy
        narrows the C5/6 foramen. The C6/7 foramen is mildly narrowed.")."""
        side = self._line_side_label(sent_i)
        if side is None:
            return None
        sent = self.sents[sent_i]
        return _Item(sent.start, sent.start, "SIDE", side)

    def _side_label(self, sent: Span) -> str | None:
        """The side a line is labelled with ("Left: C4-5 mild; C5-6 moderate.", "Right side:
        C6-7 severe.", "Foramina, right: C5-C6 moderate. C6-C7 mild.")."""
        inline = self._inline_label(sent)
        if inline is not None and inline[1] is not None:
            return inline[1]
        for sp in self.attrs.within(sent.start, min(sent.start + 4, sent.end)):
            if sp.label_ != "SIDE" or sp.id_ not in ("left", "right"):
                continue
            lead = self.lowers[sent.start : sp.start]
            after = self.lowers[sp.end : sp.end + 2]
            if all(w in ("-", "*", "•") for w in lead) and (
                after[:1] in ([":"], ["-"], ["–"]) or after in (["side", ":"], ["side", "-"])
            ):
                return sp.id_  # "Right: C4/5 mild", "Right - C4/5 mild; C5/6 moderate"
        return None

    def _definite_subject(self, start: int, end: int) -> bool:
        """The clause opens on "the/this narrowing" or "the/this stenosis" (the finding just
        named: "Right neural foraminal narrowing. The narrowing is severe.")."""
        words = self.lowers[start : min(start + 2, end)]
        return len(words) == 2 and words[0] in _DEFINITE and words[1] in _ANAPHORIC_NOUNS

    def _definite_anaphor(self, target: Span, start: int) -> bool:
        """A bare 'stenosis' anchor that is the clause's definite subject."""
        return (
            target.label_ == "GENERIC_STENOSIS"
            and target.start == start + 1
            and self._definite_subject(start, target.end)
        )

    def _around_roots(self, start: int, end: int, own: list[Span]) -> list[tuple[int, int]]:
        """The pieces of a clause that grade its label's foramen: the head before the other
        anchors and, when those are only roots (a root's statement is its foramen's own), the
        grades after them ("C6/7: right grade 3 (severe, deformation of the exiting C7 root),
        left grade 1 (mild)")."""
        head_end = self._clause_head_end(start, own[0].start)
        if head_end == start and all(self._is_cause(t.start, start, end) for t in own):
            # "Right C5-6: moderately narrowed by tumour.": the anchors are the cause named
            # in the clause that grades the foramen
            return [(start, end)]
        if head_end == start:
            # "right grade 3 (right C6 root flattened)": the head ends where the bracket opens
            head_end = next((i for i in range(start, own[0].start) if self.lowers[i] == "("), start)
        pieces = [(start, head_end)] if head_end > start else []
        if all(t.label_ == "ROOT" for t in own):
            tail = next(
                (i + 1 for i in range(own[-1].end, end) if self.lowers[i] in (",", ";")), end
            )
            if tail < end:
                pieces.append((tail, end))
        return pieces

    def _opens_with_level(self, start: int, end: int) -> bool:
        """The clause's first word is a level ("C6-7 none", "C6-7: mild")."""
        levels = self.levels.within(start, end)
        first = start
        while first < end and self.lowers[first] in (",", ";", "and"):
            first += 1
        return bool(levels) and levels[0].start == first

    def _plain_common(self, sent_i: int, start: int, text: str, negated: bool) -> dict[str, object]:
        """Provenance of a finding read from a clause rather than from a target's ConText."""
        section = self.sent_sections[sent_i]
        return {
            "negated": negated,
            "uncertain": False,
            "historical": False,
            "change": None,
            "section": SECTION_NAMES.get(section, section),
            "text": text,
            "start": start,
            "end": start + len(text),
            "correction": self.sent_correction[sent_i],
        }

    def ctx(self, target: Span) -> _Context:
        key = (target.start, target.end)
        found = self._ctx.get(key)
        if found is None:
            ext = target._
            line_start, line = self._line_around(target)
            picked = _picked_option(self._own_options(target, line_start, line))
            rest = line[target.end_char - line_start :].strip(" \t:")
            if picked is None and not rest:
                # "Fracture\n[ ] Present   [x] None identified": the options on the next line
                nxt = self.text[line_start + len(line) + 1 :].split("\n", 1)[0]
                picked = _picked_option(nxt)
            found = _Context(
                # (with no option ticked, the words decide: "[x] no suspicious lesion [ ] ...")
                negated=(bool(ext.is_negated) if not picked else picked in _NONE_OPTIONS)
                or _field_answered_no(line, target.end_char - line_start)
                # "[x] normal   [ ] suspicious lesion": an option not ticked
                or self._unticked_before(target.start),
                uncertain=bool(ext.is_uncertain),
                historical=bool(ext.is_historical),
                resolved=bool(ext.foramen_resolved),
                request=bool(ext.foramen_request),
                change=ext.foramen_change,
            )
            self._ctx[key] = found
        return found

    def _unticked_before(self, token_i: int) -> bool:
        """An empty box right before token i ("[ ] Moderate", "( ) normal")."""
        return self.lowers[max(token_i - 2, 0) : token_i] in (["[", "]"], ["(", ")"])

    def _own_options(self, target: Span, line_start: int, line: str) -> str:
        """The part of a line that holds a target's pick-list: up to the next structure named on
        the line ("Canal (x) normal ( ) narrowed    Foramina ( ) normal (x) narrowed")."""
        line_end = line_start + len(line)
        nxt = next(
            (
                t.start_char
                for t in self.target_index.within(target.end, len(self.doc))
                if t.label_ in ("CANAL", "FORAMINAL", "CORD") and t.start_char < line_end
            ),
            line_end,
        )
        return line[target.start_char - line_start : nxt - line_start]

    def _line_around(self, span: Span) -> tuple[int, str]:
        """The start and the text of the line (or lines) a span is on."""
        line_start = self.text.rfind("\n", 0, span.start_char) + 1
        line_end = self.text.find("\n", span.end_char)
        return line_start, self.text[line_start : line_end if line_end >= 0 else len(self.text)]

    def _elliptical_canal(self, sent_i: int, start: int, end: int) -> list[Finding]:
        """ "Central canal: moderate stenosis at C5-6; mild at C4-5 and C6-7." """
        items = self._items(start, end)
        sevs = [it for it in items if it.label == "SEVERITY" and not it.prior]
        levels = [lvl for it in items if it.label == "LEVEL" for lvl in it.value.split("|")]
        if not levels and self._definite_subject(start, end):
            # "C5-6: Canal stenosis. The stenosis is severe.": the level of the finding named
            levels = self._previous_levels(sent_i)
        if not levels and self.lowers[start : start + 1] in (["radiologist"], ["final"]):
            # "C3/4: Canal - AI: mild; Final: mild.": the reviewer's grade at the line's level
            levels = self.header_levels[sent_i]
        remaining = any(it.label == "QUANTIFIER" and it.value == "remaining" for it in items)
        if (
            not levels
            and remaining
            and len(sevs) == 1
            and _sev_value(sevs[0].value) == "none"
            and not _OTHER_REGION_RE.search(self.doc[start:end].text)
            and not self._outside_neck(sent_i)
        ):
            # "Central canal: mildly narrowed at C5-6. Normal in calibre at the other levels."
            span = self.doc[start:end]
            common = self._plain_common(sent_i, span.start_char, span.text, True)
            return [_make("canal_stenosis", None, None, "none", common, label="remaining_levels")]
        if len(sevs) != 1 or not levels or sevs[0].value == "significant":
            return []  # not "C6-7: No significant abnormality." (a level stated normal)
        if any(w in _LOCAL_NEGATORS for w in self.lowers[start:end]):
            return []
        severity = _sev_value(sevs[0].value)
        span = self.doc[start:end]
        common = self._plain_common(sent_i, span.start_char, span.text, severity == "none")
        return [
            _make("canal_stenosis", lvl, None, severity, common, label="elliptical")
            for lvl in levels
        ]

    def _common(self, target: Span, start_tok: int, end_tok: int) -> dict[str, object]:
        sent_i = self._sentence_index(target.start)
        section = self.sent_sections[sent_i]
        span = self.doc[start_tok:end_tok]
        c = self.ctx(target)
        correction = self.sent_correction[sent_i]
        # "as originally dictated" speaks of the report, not of a prior study; "on the prior
        # study there was X; this is not significantly different today" is current
        carried = c.historical and bool(
            _CARRY_FORWARD_RE.search(self.text, target.end_char, self.sents[sent_i].end_char)
        )
        # ("Resolved cord oedema": the word right before the anchor)
        resolved = c.resolved or self.lowers[target.start - 1 : target.start] == ["resolved"]
        historical = (c.historical and not correction and not carried) or resolved
        if historical and not resolved and self._has_label("CURRENT", start_tok, end_tok):
            historical = False  # "the foramina are now patent"
        change = "stable" if carried and c.change is None else c.change
        if resolved or (
            historical
            and _GONE_SINCE_RE.search(self.text, target.end_char, self.sents[sent_i].end_char)
        ):
            # "On the previous study there was mild right foraminal narrowing; this is no
            # longer evident": what the prior study showed has gone
            change = "decreased"
        elif change is not None and historical and self._past_relative_clause(target):
            # "The extrusion, which caused severe stenosis on the prior study, has regressed":
            # the change is the extrusion's; what it caused then is past
            change = None
        elif change is not None:
            historical = False
        return {
            "negated": c.negated and not resolved,
            "uncertain": c.uncertain,
            "historical": historical,
            "change": change,
            "section": SECTION_NAMES.get(section, section),
            "text": span.text,
            "start": span.start_char,
            "end": span.end_char,
            "correction": correction,
        }

    def _from_frame(self, fr: _Frame) -> list[Finding]:
        target = fr.target
        label = target.label_
        if self.ctx(target).request or self._queried(fr.sent_i, target):
            return []  # "r/o foraminal stenosis" asks a question; it is not a finding
        # the frame may end at a noun of the target's own phrase ("signal change cannot be
        # assessed on CT"): look a few words on, up to the next anchor
        reach = max(fr.right, min(target.end + 6, fr.sent.end))
        nxt = [t for t in self.target_index.within(target.end, reach) if t.start > target.start]
        if nxt:
            reach = max(fr.right, nxt[0].start)
        if any(
            sp.id_ == "not_assessed"
            and not self._has_label("PREDICATE", target.end, sp.start)
            and not self._has_label("SEVERITY", target.end, sp.start)
            for sp in self._has_label("LIMITED", target.end, reach)
        ):
            # "intramedullary signal cannot be assessed by this technique" (but "the foramen is
            # narrowed, grade not assessable" is a finding)
            return []
        if label in ("FORAMINAL", "CANAL", "GENERIC_STENOSIS", "EXCLUDE_LOCATION"):
            return self._stenosis(fr)
        if label in ("CORD", "CORD_LESION"):
            return self._cord(fr)
        if label.startswith("RED_FLAG_"):
            return self._red_flag(fr)
        if label == "ROOT":
            return self._root(fr)
        return []

    def _queried(self, sent_i: int, target: Span) -> bool:
        """ "Metastasis? Radiculopathy?" in the untitled lines before the findings: the
        referrer's question."""
        if (
            target.label_.startswith("RED_FLAG_")
            and "?" in self.lowers[max(target.start - 2, 0) : target.start]
        ):
            return True  # "Globus and weight loss, ?hypopharyngeal tumour."
        if self._answered_no(sent_i):
            # "Is there evidence of fracture or ligamentous injury? No.": a question the report
            # answers in the negative
            return True
        if self.lowers[target.end : target.end + 1] != ["?"] or self.sent_sections[sent_i]:
            return False
        return any(sec in ("findings", "impression") for sec in self.sent_sections[sent_i + 1 :])

    def _answered_no(self, sent_i: int) -> bool:
        """The sentence asks a question ("Is there ...?", "Any ...?") and the report answers it
        "No" right after."""
        sent = self.sents[sent_i]
        words = [w for w in self.lowers[sent.start : sent.end] if w.strip()]
        if not words or words[-1] != "?":
            return False
        first = next((w for w in words if w not in ("(", ")") and not _LIST_MARK_RE.match(w)), "")
        if first not in _QUESTION_OPENERS:
            return False
        after = [w for w in self.lowers[sent.end : sent.end + 3] if w.strip()]
        return after[:1] in (["no"], ["none"], ["negative"])

    def _field_label(self, sent: _Sent, target: Span) -> str | None:
        """The label of a "Canal:" / "Foramina:" field or an "As for the foramina," topic that
        a statement fills, if any."""
        for t in reversed(self.target_index.within(sent.start, target.start)):
            if t.label_ in ("CANAL", "FORAMINAL") and self._is_topic(t) > 0:
                return t.label_
        return self._block_label(self._sentence_index(sent.start))

    def _block_label(self, sent_i: int) -> str | None:
        """The anchor of a label line ("Foramina:", "Foraminal measurements (mm):") that heads
        the lines of its paragraph a sentence is in."""
        if self._block_labels is None:
            labels: list[str | None] = []
            current: str | None = None
            inline: str | None = None  # an inline label rules the rest of its line
            inline_side: str | None = None
            for k, sent in enumerate(self.sents):
                if k and self._paragraph_break(k):
                    current = None
                if k and "\n" in self.text[self.sents[k - 1].start_char : sent.start_char + 1]:
                    inline = None
                own = self.target_index.within(sent.start, sent.end)
                if (
                    len(own) == 1
                    and own[0].label_ in ("CANAL", "FORAMINAL")
                    and (
                        (
                            sent.text.rstrip().endswith(":")
                            and (
                                self._is_topic(own[0]) >= sent.end - 1
                                # "Foraminal grading according to Park:" over its level lines
                                or (
                                    self.lowers[own[0].end : own[0].end + 1]
                                    in (["grading"], ["grades"], ["classification"])
                                    and not self._has_label("SEVERITY", own[0].end, sent.end)
                                )
                            )
                        )
                        # "* Canal -" over its level lines
                        or (
                            sent.text.rstrip().endswith((" -", " –"))
                            and all(
                                w.strip() in ("", "-", "–")
                                for w in self.lowers[own[0].end : sent.end]
                            )
                            and set(self.lowers[sent.start : own[0].start]) <= {"*", "-", "•"}
                        )
                        # "Neural exit foramina", "RIGHT FORAMINA" alone on its line: a heading
                        # without its colon
                        or (
                            sent.text.strip().endswith(own[0].text)
                            and sent.text.endswith("\n")
                            and set(self.lowers[sent.start : own[0].start])
                            <= _HEADING_LEAD_WORDS | _HEADING_SIDE_WORDS
                            and not _NARROWING_WORD_RE.search(own[0].text)
                        )
                    )
                ):
                    labels.append(None)
                    current = own[0].label_
                    continue
                new_line = (
                    k and "\n" in self.text[self.sents[k - 1].start_char : sent.start_char + 1]
                )
                line_text = _LINE_LEAD_RE.sub("", sent.text.strip())
                if (
                    new_line
                    # a bullet alone ("- ") before its level line
                    and line_text
                    and not _LEVEL_OPENING_RE.match(line_text)
                    # "Right: moderate stenosis at C3/C4 ..." under "Foramina:"
                    and self._side_label(sent) is None
                    # "Left -" over its level lines
                    and not _SIDE_HEADING_RE.match(sent.text)
                ):
                    current = None  # the level lines under the label have ended
                labels.append(current or inline)
                if current is None and inline is not None and inline_side is not None:
                    self._inline_labelled.add(k)
                label = self._inline_label(sent) if (new_line or k == 0) else None
                if label is not None:
                    # "Foramina, right: C5-C6 moderate. C6-C7 mild. C4-C5 patent."
                    inline, inline_side = label
            self._block_labels = labels
        return self._block_labels[sent_i]

    def _bracket_grade(self, token_i: int, items: list[_Item]) -> bool:
        """A bracket opening at `token_i` holds a grade: "C6-7 (severe, 2.4 mm)"."""
        if token_i >= len(self.lowers) or self.lowers[token_i] != "(":
            return False
        close = next(
            (
                i
                for i in range(token_i, min(token_i + 12, len(self.lowers)))
                if ")" in self.lowers[i]
            ),
            None,
        )
        return close is not None and any(
            it.label == "SEVERITY" and token_i < it.start < close for it in items
        )

    def _grade_run_start(
        self, first: int, end: int, joiners: frozenset[str] = _PREMODIFIER_JOINERS
    ) -> int:
        """Start of the grades (and sides) joined before a narrowing noun: "causes | mild and
        moderate narrowing of ..."."""
        spans = {
            sp.end: sp for sp in self.attrs.within(first, end) if sp.label_ in ("SEVERITY", "SIDE")
        }
        start = end
        # "causes moderate bony narrowing of ...": a material word before the noun
        while (
            start not in spans
            and start - 1 >= first
            and self.lowers[start - 1] in ("bony", "osseous", "bone")
        ):
            start -= 1
        while True:
            sp = spans.get(start)
            if sp is None and start - 1 >= first and self.lowers[start - 1] in joiners:
                sp = spans.get(start - 1)
                if sp is not None and sp.label_ != "SEVERITY":
                    sp = None  # "foramina bilaterally and | moderate narrowing of ..."
            if sp is None:
                return start
            start = sp.start

    def _both_levels(self, span: Span) -> bool:
        """'both' that coordinates two levels ("both the C4-C5 and C5-C6 foramina", "at both
        levels")."""
        if self.lowers[span.start : span.end] != ["both"]:
            return False
        if self.lowers[span.end : span.end + 1] in (["levels"], ["segments"], ["interspaces"]):
            return True  # "which is moderate at both levels"
        if (
            (
                self.lowers[span.start - 1 : span.start] == ["of"]
                # "into the right C5-6 and C6-7 foramina, severely narrowing both"
                or any(
                    p.end == span.start
                    for p in self._has_label("PREDICATE", max(span.start - 2, 0), span.start)
                )
            )
            and self.lowers[span.end : span.end + 1] in ([","], ["."], [";"], [])
            and self._two_levels_before(span.start)
        ):
            return True  # "the left C5-6 and C6-7 foramina with severe narrowing of both"
        i = span.end + (self.lowers[span.end : span.end + 1] == ["the"])
        first = self.levels.starting_at(i)
        if not first:
            return False
        j = first[0].end
        j += self.lowers[j : j + 1] in (["and"], ["&"])
        return bool(self.levels.starting_at(j)) or bool(
            self.lowers[j : j + 1] == ["the"] and self.levels.starting_at(j + 1)
        )

    def _governing_start(self, target: Span) -> int:
        """Where a verb that governs `target` would start: "expanding (the right) foramen"."""
        i = target.start
        while i > 0:
            if self.lowers[i - 1] in ("the", "left", "right", "both", "neural", "exit"):
                i -= 1
                continue
            # "expanding the left C4-5 neural foramen": a level between them
            level = self._level_ending_at(i, 6)
            if level is None:
                break
            i = level.start
        return max(i - 1, 0)

    def _clause_start(self, token_i: int) -> int:
        sent = self.sents[self._sentence_index(token_i)]
        return self._clause_of(sent, token_i)[0]

    def _two_levels_before(self, token_i: int) -> bool:
        """Two or more levels are named in the clause before token i."""
        start = self._clause_start(token_i)
        return len({lvl for s in self.levels.within(start, token_i) for lvl in _levels_of(s)}) >= 2

    def _is_cause(self, token_i: int, start: int, end: int | None = None) -> bool:
        """A finding named as the cause of the narrowing ("55% narrowing from uncovertebral
        hypertrophy", "mild, due to facet arthropathy", "osteophyte may cause mild
        narrowing")."""
        # (further back for the second of two causes: "due to uncovertebral and facet
        # hypertrophy", and for the complement of the cause: "due to enlargement of the
        # uncovertebral osteophyte")
        reach = (
            8
            if any(w in ("and", "or", ",", "of") for w in self.lowers[token_i - 3 : token_i])
            else 4
        )
        if any(self._cause_word(i) for i in range(max(token_i - reach, start), token_i)):
            return True
        # "owing to a new small right foraminal disc protrusion": a longer noun phrase, up to
        # the words that close one
        for i in range(token_i - 1, max(token_i - _CAUSE_PHRASE_REACH, start) - 1, -1):
            if self.lowers[i] in _CAUSE_PHRASE_STOPS:
                break
            if self._cause_word(i):
                return True
        after = self.lowers[token_i + 1 : token_i + 4 if end is None else min(token_i + 4, end)]
        return any(w in _CAUSE_VERBS for w in after)

    def _cause_word(self, i: int) -> bool:
        """Token i introduces a cause: "due to", "secondary to", "by", "from" (but not "apart
        from", "aside from")."""
        w = self.lowers[i]
        if w == "from":
            return self.lowers[i - 1 : i] not in (["apart"], ["aside"])
        return w in _CAUSE_WORDS or w == "by"

    def _label_line_end(self, t: Span) -> int:
        """A label line that opens with the anchor and ends with a colon, words of a label
        between ("Foraminal measurements (minimum width on oblique reformats):"): the token
        after the colon, else 0."""
        doc = self.doc
        lead = t.start
        # "Neural exit foramina (assessed on oblique images):" - heading words before the anchor
        while (
            lead > 0 and not _opens_line(doc, lead) and self.lowers[lead - 1] in _HEADING_LEAD_WORDS
        ):
            lead -= 1
        if not _opens_line(doc, lead):
            return 0
        for i in range(t.end, min(t.end + 14, len(doc))):
            if doc[i].text in (":", "):"):
                if (
                    i + 1 < len(doc)
                    and "\n" not in doc[i].whitespace_
                    and "\n" not in doc[i + 1].text
                ):
                    return 0  # "Foraminal narrowing at C5-6: mild" is a statement
                return i + 1
            if "\n" in doc[i].text or "\n" in doc[i - 1].whitespace_:
                return 0
        return 0

    def _is_topic(self, t: Span) -> int:
        """A field label ("Foramina:") or a topic phrase ("As for the foramina (at the operated
        levels),") rather than a statement about the canal or foramina: the token after the
        label or topic phrase, else 0."""
        if t.end < len(self.doc) and self.doc[t.end].text == ":":
            return t.end + 1
        label_end = self._label_line_end(t)
        if label_end:
            return label_end
        before = self.lowers[max(t.start - 4, 0) : t.start]
        while before and before[-1] in ("the", "both", "neural", "exit"):
            before = before[:-1]
        if not any(" ".join(before[k:]) in _TOPIC_INTRODUCERS for k in range(len(before))):
            return 0
        # the topic phrase ends at the comma that opens the statement
        for i in range(t.end, min(t.end + 6, len(self.doc))):
            if self.lowers[i] == ",":
                return i + 1
            if self.lowers[i] in (".", ";", ":") or self._has_label("SEVERITY", i, i + 1):
                return 0
        return 0

    def _adjacent_subject(self, target: Span) -> str | None:
        """The canal or foramen anchor that ends just before "no/without [significant]" and
        the stenosis anchor."""
        i = target.start
        while i > 0 and self.lowers[i - 1] in ("no", "without", "significant", "any"):
            i -= 1
        if i == target.start:
            return None
        if i > 0 and self.lowers[i - 1] == ":":
            # "Canal C2-C3 to C7-T1: no stenosis": a label naming its levels
            j = i - 1
            while j > 0:
                level = self._level_ending_at(j, 16)
                if level is None and self.lowers[j - 1] not in ("to", "through", "and", ","):
                    break
                j = level.start if level is not None else j - 1
            if j < i - 1:
                i = j
        before = [t for t in self.target_index.within(max(i - 4, 0), i) if t.end == i]
        return before[0].label_ if before and before[0].label_ in ("CANAL", "FORAMINAL") else None

    def _location_side(self, target: Span, frames: list[tuple[Span, int, int]]) -> _Item | None:
        """The one side of the foraminal disc lesion, or of the foramen, a stenosis follows in
        its sentence ("Left foramen with mild stenosis.")."""
        before = [
            (t, lo, hi)
            for t, lo, hi in frames
            if t.label_ in ("EXCLUDE_LOCATION", "FORAMINAL") and t.end <= target.start
        ]
        if not before:
            return None
        _t, lo, hi = before[-1]
        sides = [sp for sp in self.attrs.within(lo, hi) if sp.label_ == "SIDE"]
        if len({sp.id_ for sp in sides}) != 1:
            return None
        return _Item(sides[0].start, sides[0].end, "SIDE", sides[0].id_)

    def _coordinated_subjects(self, target: Span) -> bool:
        """The foramina and the canal, coordinated right before `target` ("foramina and spinal
        canal without stenosis", "canal and foramina without stenosis")."""
        before = self.target_index.within(max(target.start - 12, 0), target.start)
        if len(before) < 2:
            return False
        first, second = before[-2], before[-1]
        return (
            {first.label_, second.label_} == {"CANAL", "FORAMINAL"}
            and all(w in _SUBJECT_COORDINATORS for w in self.lowers[first.end : second.start])
            and "and" in self.lowers[first.end - 1 : second.start + 1]
            and all(w in _WITHOUT_WORDS for w in self.lowers[second.end : target.start])
        )

    def _clause_subject(self, sent: _Sent, target: Span, same_clause: bool = False) -> str | None:
        """The canal or foramen named earlier in the clause of an unqualified 'stenosis' (or,
        unless `same_clause`, the subject a clause with no anchor continues)."""
        c_start = max((a for a, b in self._clauses(sent) if a <= target.start), default=sent.start)
        for t in reversed(self.target_index.within(c_start, target.start)):
            if t.label_ in ("CANAL", "FORAMINAL"):
                return t.label_
            if t.label_ == "EXCLUDE_LOCATION" and "foramin" in t.text.lower():
                # "a foraminal disc osteophyte complex results in moderate stenosis"
                return "FORAMINAL"
            if t.label_ not in ("GENERIC_STENOSIS",):
                return None
        if same_clause:
            return None
        if c_start > sent.start and not self.target_index.within(c_start, target.start):
            # "AP canal diameter 9 mm with effacement of the ventral CSF; mild stenosis": a
            # clause with no anchor before the stenosis continues the subject of the one before
            before = self.target_index.within(sent.start, c_start)
            if before and before[-1].label_ in ("CANAL", "FORAMINAL"):
                return before[-1].label_
        return None

    def _frame_items(self, target: Span, left: int, right: int) -> tuple[list[_Item], bool]:
        """Items of a target's own frame, completed from the ranges it shares by coordination
        (kinds of item its own frame lacks); and whether a narrowing word is present."""
        items = self._items(left, right)
        has_predicate = any(
            # "A small enhancing epidural component lies along the canal": the size of the
            # phrase the word opens, not the canal's
            not (self.lowers[p.start] in ("small", "smaller") and p.end < target.start - 2)
            for p in self._has_label("PREDICATE", left, right)
        )
        excluded = self.excluded.get((target.start, target.end))
        if excluded is not None:
            items = [it for it in items if not excluded[0] <= it.start < excluded[1]]
        glossed = self._glossed_level(target)
        if glossed is not None:
            # "reduced to 7 mm at C4/5, representing severe canal stenosis, and to 10 mm at
            # C3/4, where ...": the gloss grades the measurement at its level
            items = _with_level(items, glossed)
        elif self._levels_before_with(items, left, target):
            after = self._coordinated_level_after(target)
            if after is not None:
                # "a collection extends from C4 to C7, with severe canal stenosis and
                # compression of the cord at C5-6": the lesion's extent before "with" is not
                # where the findings coordinated after it are
                items = _with_level(items, after)
        plural = bool(_PLURAL_FORAMEN_RE.search(target.text))
        own_predicate = has_predicate
        own_levels = {it.value for it in items if it.label == "LEVEL"}
        for s_left, s_right, grades in self.shared.get((target.start, target.end), []):
            extra = self._items(s_left, s_right)
            shared_levels = {it.value for it in extra if it.label == "LEVEL"}
            if (
                not grades
                or (
                    own_levels
                    and shared_levels
                    and own_levels != shared_levels
                    # (but "The right C5-C6 foramen and the foramina at C2-C3 through C4-C5 are
                    # patent": a predicate after a plural copula is every subject's)
                    and not any(
                        it.label == "SEVERITY"
                        and self.lowers[it.start - 1 : it.start] in (["are"], ["were"], ["remain"])
                        for it in extra
                    )
                )
            ):
                # (nor is it when each names its own level: "a tight right C6-7 foramen and
                # bilateral foraminal encroachment at C5-6")
                extra = [it for it in extra if it.label != "SEVERITY"]
            if own_predicate:
                # "narrowing the left foramen, the right foramen patent": a narrowed foramen
                # does not take the other one's "patent"
                extra = [it for it in extra if not (it.label == "SEVERITY" and it.value == "none")]
            have = {_KIND[it.label] for it in items}
            if plural:
                have.add("side")  # "the left foramen and the remaining foramina": both sides
            if (
                s_left >= target.end
                and self._level_with_before(left)
                and self._graded_alike_ending_at(target, s_left)
            ):
                # "degeneration at C4-5 with moderate foraminal stenosis and mild right
                # foraminal narrowing at C7-T1": the level before "with" is this one's
                have.add(_KIND["LEVEL"])
            items.extend(it for it in extra if _KIND[it.label] not in have)
            has_predicate = has_predicate or bool(self._has_label("PREDICATE", s_left, s_right))
        items.sort(key=lambda it: it.start)
        items = self._without_measured_asides(items)
        return _drop_restated_levels(items, target), has_predicate

    def _without_measured_asides(self, items: list[_Item]) -> list[_Item]:
        """Levels of a bracketed measurement aside are not the statement's when it places
        itself outside the bracket ("adequate calibre at all levels (narrowest AP diameter 11 mm
        at C5-C6)")."""
        # "... narrowed, measuring 2.5 mm on the oblique reformat (left side 5.5 mm)": the
        # other side measured for comparison is not narrowed
        items = [
            it for it in items if not (it.label == "SIDE" and self._in_measured_bracket(it.start))
        ]
        inside = [it for it in items if it.label == "LEVEL" and self._in_measured_bracket(it.start)]
        if not inside or not any(
            it.label in ("LEVEL", "QUANTIFIER") and it not in inside for it in items
        ):
            return items
        return [it for it in items if it not in inside]

    def _in_measured_bracket(self, token_i: int) -> bool:
        """Token i lies in a bracket that holds a measurement and no grade."""
        open_i = next(
            (
                k
                for k in range(token_i - 1, max(token_i - 12, 0) - 1, -1)
                if self.lowers[k] in ("(", ")")
            ),
            None,
        )
        if open_i is None or self.lowers[open_i] != "(":
            return False
        close = next(
            (
                k
                for k in range(token_i, min(token_i + 12, len(self.lowers)))
                if self.lowers[k] == ")"
            ),
            None,
        )
        if close is None:
            return False
        words = self.lowers[open_i:close]
        return any(w in ("mm", "cm", "millimetres", "millimeters") for w in words) and not any(
            sp.label_ == "SEVERITY" for sp in self.attrs.within(open_i, close)
        )

    def _levels_before_with(self, items: list[_Item], left: int, target: Span) -> bool:
        """Every level of the frame lies before a "with" or a causing verb that leads to the
        target ("abscess from C4 to C7, with ...", "OPLL C3-C5 with ...", "..., causing")."""
        levels = [it for it in items if it.label == "LEVEL"]
        if not levels or any(it.end > target.start for it in levels):
            return False
        gap = self.lowers[levels[-1].end : target.start]
        return any(w in ("with", "causing", "producing", "resulting") for w in gap)

    def _coordinated_level_after(self, target: Span) -> _Item | None:
        """The level that closes a coordination after the target, in its clause ("severe canal
        stenosis and compression of the cord at C5-6")."""
        sent = self.sents[self._sentence_index(target.start)]
        stops = {
            k
            for sp in [
                *self.attrs.within(target.end, min(target.end + 14, sent.end)),
                *self.target_index.within(target.end, min(target.end + 14, sent.end)),
            ]
            if sp.label_
            in (
                "SEVERITY",
                "FORAMINAL",
                "CANAL",
                "GENERIC_STENOSIS",
                "ANAPHOR",
                "QUANTIFIER",
                "ROOT",
            )
            for k in range(sp.start, sp.end)
        }
        for i in range(target.end, min(target.end + 14, sent.end)):
            if i in stops or self.lowers[i] in (";", ".", "which", "where", "but"):
                return None
            if self.lowers[i] == "," and (
                self.lowers[i + 1 : i + 2]
                in (["and"], ["but"], ["while"], ["whereas"], ["at"], ["with"], ["which"])
                or self.levels.starting_at(i + 1)
            ):
                return None  # ", and at C3-4 the canal ...": a clause of its own
            found = self.levels.starting_at(i)
            if found:
                between = self.lowers[target.end : i]
                # "moderate spinal stenosis with cord indentation at C4-C5": a "with" phrase on
                # the cord shares the level too
                if "and" not in between and not (
                    "with" in between and any(w in ("cord", "myelon", "myelum") for w in between)
                ):
                    return None
                return self._level_item(found[0])
        return None

    def _graded_alike_ending_at(self, target: Span, end: int) -> bool:
        """The anchor ending at token `end` names the same structure as `target` with a grade
        of its own ("... foraminal stenosis, and mild right foraminal narrowing at C7-T1")."""
        last = next((t for t in self.target_index.within(target.end, end) if t.end == end), None)
        return (
            last is not None
            and last.label_ == target.label_
            and any(
                sp.label_ == "SEVERITY"
                for sp in self.attrs.within(max(last.start - 3, 0), last.start)
            )
        )

    def _level_with_before(self, token_i: int) -> bool:
        """A level and "with" just before token i ("... at C4-5 with <token i>")."""
        return (
            self.lowers[token_i - 1 : token_i] == ["with"]
            and self._level_ending_at(token_i - 1, 7) is not None
        )

    def _level_item(self, level: Span) -> _Item | None:
        """The level item a level mention reads as."""
        return next((it for it in self._items(level.start, level.end) if it.label == "LEVEL"), None)

    def _glossed_level(self, target: Span) -> _Item | None:
        """The level of a measurement the target's phrase glosses ("7 mm at C4/5, representing
        severe canal stenosis", "10 mm at C3/4, in keeping with moderate stenosis")."""
        i = self._grade_run_start(max(target.start - 6, 0), target.start)
        for lead in _GLOSS_LEADS:
            n = len(lead)
            if self.lowers[i - n : i] == list(lead) and self.lowers[i - n - 1 : i - n] == [","]:
                level = self._level_ending_at(i - n - 1, 7)
                if level is None:
                    return None
                return self._level_item(level)
        return None

    def _level_before_bracket(self, target: Span) -> _Item | None:
        """The level right before a bracket the target's phrase opens ("more evident at C5-C6
        level (mild to moderate foraminal narrowing)")."""
        i = self._grade_run_start(max(target.start - 6, 0), target.start)
        if self.lowers[i - 1 : i] != ["("]:
            return None
        k = i - 1
        if self.lowers[k - 1 : k] in (["level"], ["levels"]):
            k -= 1
        level = self._level_ending_at(k, 7)
        if level is None:
            return None
        return self._level_item(level)

    def _level_of_phrase_before_with(self, i: int) -> _Item | None:
        """ "moderate to severe C3-4 canal stenosis with | cord flattening": the level inside
        the stenosis phrase the "with" phrase is attached to."""
        if self.lowers[i - 1 : i] != ["with"]:
            return None
        owner = next(
            (
                t
                for t in self.target_index.within(max(i - 6, 0), i - 1)
                if t.end == i - 1 and t.label_ in ("CANAL", "FORAMINAL", "GENERIC_STENOSIS")
            ),
            None,
        )
        if owner is None:
            return None
        level = self._level_ending_at(owner.start, 3)
        if level is None:
            return None
        return self._level_item(level)

    def _level_before_with_phrase(self, target: Span) -> _Item | None:
        """The level right before a "with" phrase that names the target ("at C5/6 with severe
        canal stenosis")."""
        graded = {
            i
            for sp in self.attrs.within(max(target.start - 6, 0), target.start)
            if sp.label_ in ("SEVERITY", "SIDE")
            for i in range(sp.start, sp.end)
        }
        i = target.start
        while i > 0 and (i - 1 in graded or self.lowers[i - 1] in ("a", "an", "the", "-", "to")):
            i -= 1
        if not self._level_with_before(i):
            return self._level_of_phrase_before_with(i)
        level = self._level_ending_at(i - 1, 7)
        if level is None:
            return None
        first = level
        # "at C4-C5 and C5-C6 with mild foraminal narrowing": the whole list before "with"
        while True:
            k = first.start
            while k > 0 and self.lowers[k - 1] in (",", "and", "or", "&"):
                k -= 1
            if k == first.start:
                break
            earlier = self._level_ending_at(k, 7)
            if earlier is None:
                break
            first = earlier
        levels = [it.value for it in self._items(first.start, level.end) if it.label == "LEVEL"]
        return _Item(first.start, level.end, "LEVEL", "|".join(levels)) if levels else None

    def _coordinated_object(self, frames: list[tuple[Span, int, int]], target: Span) -> bool:
        """The second object of one narrowing verb: "spurring encroaches on the left foramina
        at C5-6 and C6-7 and, to a lesser extent, on the right C5-6 foramen"."""
        before = [(t, lo, hi) for t, lo, hi in frames if t.end <= target.start]
        if not before:
            return False
        prev, lo, _hi = before[-1]
        between = self.lowers[prev.end : target.start]
        return (
            prev.label_ == "FORAMINAL"
            and any(sp.id_ == "narrowing" for sp in self._has_label("PREDICATE", lo, prev.start))
            and any(w in ("and", "or") for w in between)
            and not any(w in (";", ".", "but", "while", "whereas") for w in between)
            and not self.ctx(target).negated
        )

    def _stenosis(self, fr: _Frame, as_label: str | None = None) -> list[Finding]:
        sent, sent_i, frames, target, left, right = fr
        left = self._grade_list_before(sent, left, right)
        label = target.label_
        items, has_predicate = self._frame_items(target, left, right)
        if not has_predicate and self._agent_of_narrowing_before(left):
            # "encroachment of uncovertebral osteophytes into the right C4-C5 foramen": the
            # narrowing noun before the lesion that encroaches is the foramen's
            has_predicate = True
        items = self._own_levels(target, items)
        if not has_predicate and label == "FORAMINAL":
            # "NFS right to a lesser degree": the abbreviation names the narrowing itself
            has_predicate = bool(
                _NARROWING_ANCHOR_RE.search(target.text)
            ) or self._coordinated_object(frames, target)
        severities = [it for it in items if it.label == "SEVERITY" and not it.prior]
        negated = (
            self.ctx(target).negated
            and not self._modifier_left_behind("NEGATED_EXISTENCE", target, left, right, severities)
            and not self._negates_grade_only(target)
        )
        if negated and self._only_no_new(target):
            return []  # "no new foraminal stenosis": says nothing of what was there before
        if label == "EXCLUDE_LOCATION":
            # "foraminal disc protrusion": a location, unless narrowing is stated with it.
            narrowing = [
                sp for sp in self._has_label("PREDICATE", left, right) if sp.id_ == "narrowing"
            ]
            if not narrowing or negated:
                return []
            if narrowing[0].end <= target.start and _RESOLVED_RE.search(
                self.doc[narrowing[0].end : target.start].text
            ):
                # "the narrowing ... is no longer seen, following regression of the left
                # foraminal disc extrusion": the narrowing has gone, the lesion is its past cause
                return []
            label = "FORAMINAL"
        if label == "GENERIC_STENOSIS":
            field = as_label or self._field_label(sent, target)
            if field is None and not negated:
                field = self._clause_subject(sent, target)
                if field is None and self._sided_stenosis(target):
                    # "the left C6-7 stenosis is mild rather than moderate": a side is the
                    # foramen's, the canal has none
                    field = "FORAMINAL"
            elif (
                field is None and "without" in self.lowers[max(target.start - 3, 0) : target.start]
            ):
                # "the central canal measures 12 mm at all levels without stenosis": the
                # stenosis the canal is without
                field = self._clause_subject(sent, target, same_clause=True)
                if field is not None and self._coordinated_subjects(target):
                    # "foramina and spinal canal without stenosis": the stenosis of both
                    return self._stenosis(fr, "FORAMINAL") + self._stenosis(fr, "CANAL")
            elif field is None:
                # "Spinal canal no stenosis at all levels": a subject named right before the
                # negation, as a label without its colon
                field = self._adjacent_subject(target)
            if field is not None:
                # "Canal: no stenosis"; "the canal measures 8 mm, consistent with severe
                # stenosis": the stenosis is the canal's (or the foramen's)
                label = field
            elif not negated:
                return []
            location_side = self._location_side(target, frames) if label == "FORAMINAL" else None
            if location_side is not None and not any(it.label == "SIDE" for it in items):
                # "left foraminal disc protrusion results in moderate stenosis": its side
                items = sorted([*items, location_side], key=lambda it: it.start)
        if self._sac_without_narrowing(label, target, left, right):
            return []  # "effaces the thecal sac" is not canal stenosis
        if (
            label in ("FORAMINAL", "CANAL")
            # (but "the canal is expanded and now capacious": stated patent as well)
            and not (label == "CANAL" and any(s.value == "none" for s in severities))
        ) and any(
            # "mildly narrowed by the expanded pedicle": the cause is enlarged, not the foramen
            not self._is_cause(w.start, left, right)
            # "a lesion centred in and expanding the right neural foramen": the verb right
            # before the foramen too
            for w in self._has_label("WIDENED", min(left, self._governing_start(target)), right)
        ):
            # an enlarged foramen (a mass) or a canal expanded by surgery is not narrowing; the
            # level is discussed all the same ("the remaining levels" do not reach it)
            if negated or self.ctx(target).negated:
                return []
            levels, _ = self._resolve_levels(
                [it for it in items if it.label == "LEVEL"],
                sent_i,
                self._fallback_levels(sent, sent_i, frames, target),
            )
            sides = [it.value for it in items if it.label == "SIDE"]
            side = (
                _side(sides[0] if sides else None, False, label) if label == "FORAMINAL" else None
            )
            common = self._common(target, left, right)
            ftype = "foramen_widened" if label == "FORAMINAL" else "canal_widened"
            return [_make(ftype, lv, side, None, common) for lv in levels]
        if not (
            has_predicate
            or negated
            or any(s.value != "significant" or s.grade_number for s in severities)
        ):
            return []
        limited = self._has_label("LIMITED", left, right)
        graded = [it for it in severities if limited and it.start < limited[0].start]
        if limited and not graded and not has_predicate and not negated:
            return []  # "where the foramina are not well assessed": assessability only
        if graded:
            # "the left is patent and the right cannot be assessed": the conjunct of its own
            # side that cannot be assessed is left out
            cut = next(
                (
                    i
                    for i in range(limited[0].start - 1, graded[-1].end - 1, -1)
                    if self.lowers[i] in ("and", ",", ";", "but", "while", "whereas")
                ),
                None,
            )
            if cut is not None and any(
                it.label == "SIDE" and cut < it.start < limited[0].start for it in items
            ):
                items = [it for it in items if it.start < cut]
        fallback = self._fallback_levels(sent, sent_i, frames, target)
        focus_spans = [
            sp
            for sp in self._has_label("FOCUS", left, right)
            # "Right foramina: apart from C4-5, patent at ...": a fronted exception after a
            # label is the statement's frame, not one of its conjuncts
            if sp.start not in self._exception_starts
        ]
        focus = [sp.start for sp in focus_spans]
        exceptions = [sp.start for sp in focus_spans if sp.id_ == "exception"]
        groups = self._respectively(
            items, left, right, lambda: self._resolve_levels(fallback, sent_i, [])[0]
        ) or self._conjuncts(items, focus, exceptions, context_levels=bool(fallback))
        self._share_predicate_grade(groups, target)
        common = self._common(target, left, right)
        if self._dated_in_bracket(target.start):
            common["historical"] = True  # "(10/2023: high-grade NFS li.)": the earlier study's
        if common["negated"] and not negated:
            common["negated"] = False  # the negation was left behind
        if common["uncertain"] and self._hedges_inside_grade(target):
            # "moderate (possibly severe)": a range stated as one phrase, not a hedge
            common["uncertain"] = False
        if common["uncertain"] and self._modifier_left_behind(
            "POSSIBLE_EXISTENCE", target, left, right, severities
        ):
            # "possible mild left narrowing at C4-5, and severe right stenosis at C5-6"
            common["uncertain"] = False
        ftype = {
            "FORAMINAL": "foraminal_stenosis",
            "CANAL": "canal_stenosis",
            "GENERIC_STENOSIS": "generic_stenosis",
        }[label]
        # "... with narrowing of the foramina as described": a summary that points back; its
        # plural is no statement of both sides
        # ... or an abbreviation with a plural verb ("C5-C6 N.F. are patent")
        plural = bool(
            _PLURAL_FORAMEN_RE.search(target.text)
            or (
                label == "FORAMINAL"
                and target.end - target.start == 1
                and self.lowers[target.end : target.end + 1] in (["are"], ["were"])
            )
        ) and not _BACK_REFERENCE_RE.search(sent.text)
        other_region = bool(_OTHER_REGION_RE.search(sent.text))
        out: list[Finding] = []
        prev_sev: str | None = None
        prev_side: str | None = None
        prev_positive = False  # a conjunct before the negation was graded positive
        sides_done: set[str] = set()  # sides the conjuncts so far have stated
        if (
            label == "FORAMINAL"
            and not any(g.levels for g in groups)
            and not self.levels.within(sent.start, sent.end)
        ):
            # "the right C7 root sleeve fails to fill and the right foramen is severely
            # narrowed": the named root's foramen (C7 -> C6-C7) before any carried level
            # (but an anaphor of its own clause places it: "The former ... giving moderate right
            # narrowing; the latter, a protrusion which may contact the exiting left C7 root")
            c_start, c_end = self._clause_of(sent, target.start)
            if not any(it.label == "ANAPHOR" and c_start <= it.start < c_end for it in fallback):
                fallback = self._root_levels(sent) or fallback
        if (
            label == "FORAMINAL"
            and not fallback
            and not any(g.levels for g in groups)
            and any(g.sides for g in groups)
            and self._last_foraminal_levels
        ):
            # "Right foramen narrowed at C5-6. Left foramen patent." - the other side, same level
            fallback = [
                _Item(sent.start, sent.start, "LEVEL", "|".join(self._last_foraminal_levels))
            ]
        if label == "FORAMINAL" and not negated and not any(g.sides for g in groups):
            # "On the right at C6-7 a disc osteophyte complex causes mild foraminal
            # narrowing": a side fronted at the start of the sentence is the topic's side
            fronted = (
                self._fronted_side(sent, target)
                or self._relative_clause_side(sent, target)
                or self._root_side(sent)
                or self._cause_side(sent_i, target)
                or self._line_side_item(sent_i)
            )
            if fronted is not None:
                for g in groups:
                    g.sides = [fronted]
        elif label == "FORAMINAL" and negated and not any(g.sides for g in groups):
            # "Left: marked narrowing of the C5/6 foramen. The C6/7 foramen is patent."
            own = self._line_side_item(sent_i)
            if own is not None:
                for g in groups:
                    g.sides = [own]
        if (
            label == "FORAMINAL"
            and negated
            and not any(g.sides for g in groups)
            and self.lowers[target.start - 1 : target.start] == ["the"]
        ):
            # "a small right foraminal disc protrusion which does not narrow the foramen": the
            # foramen of the lesion's side
            own = self._cause_side(sent_i, target)
            if own is not None:
                for g in groups:
                    g.sides = [own]
        if negated and groups and groups[0].exception and groups[0].levels:
            # "No foraminal stenosis except at C5-6.": the negation is the other levels'
            groups = [_Group(), *groups]
        excepted = {} if negated else self._excepted_cells(groups, sent_i, target, right)
        # the levels a "remaining levels" conjunct leaves out ("mild narrowing at all levels
        # except C2-3", "Except at C2-3, ...", "patent at all levels except C5-6")
        except_levels = list(
            dict.fromkeys(
                [
                    *excepted,
                    *(
                        level
                        for g in groups
                        if g.exception
                        for level in self._resolve_levels(g.levels, sent_i, [])[0]
                    ),
                    *self._fronted_excepted_levels(sent),
                ]
            )
        )
        for gi, g in enumerate(groups):
            levels, remaining = self._resolve_levels(g.levels, sent_i, fallback)
            if (
                negated
                and not g.levels
                and not g.exception
                and any(h.exception and h.levels for h in groups[gi + 1 :])
            ):
                # "no foraminal narrowing except at C5-6, where ...": every other level
                levels, remaining = [], True
            if label == "FORAMINAL" and levels and not remaining:
                self._pending_levels = levels
            if (
                remaining
                and not levels
                and (other_region or self._outside_neck(sent_i))
                and not self._names_cervical(g.levels)
                # "at any level in the cervical or upper thoracic spine"
                and not _CERVICAL_WORD_RE.search(sent.text)
            ):
                # "remaining lumbar levels": not the cervical quantifier ("at all cervical and
                # thoracic levels" is)
                continue
            if not g.levels and self._other_region_only(sent):
                continue  # "No lumbar canal or foraminal stenosis.": not a cervical level's
            # "narrowing, which is probably moderate": a hedge on the grade itself
            pair_common = common
            group_plural = plural
            group_negated = negated
            if (
                negated
                and g.exception
                and not g.severities
                and any(t.start >= target.end for t, _l, _r in frames)
            ):
                # "patent at all levels except C6-7, where the right foramen is mildly
                # narrowed": what the exception is, the later statement says
                continue
            if not negated and g.exception and not g.severities:
                # "mild narrowing at all levels except C2-3": the excepted level is not graded
                # by the statement it is excepted from ("except on the right at C5-6, where
                # ... severe": the later statement grades it)
                continue
            if negated and (
                # "except at C5-6": the exception is not under the negation, graded or not
                (g.exception and all(s.value != "none" for s in g.severities))
                or self._before_negation(g, target)
                or (gi > 0 and self._after_negation(g, groups[gi - 1], target))
            ):
                # "no foraminal stenosis except at C5-6, where there is moderate narrowing":
                # the exception is positive; so is "mild left" in "mild left and no right
                # foraminal narrowing", and "moderate on the left" in "no right foraminal
                # stenosis, moderate on the left"
                group_negated = False
                pair_common = {**common, "negated": False}
                prev_positive = True
                if g.exception and not g.severities and prev_sev == "none":
                    # "the foramina are patent at all levels except C5-6": narrowed there, by
                    # no stated grade, on no stated side ("no high-grade stenosis at any level
                    # other than C6-7": high-grade there)
                    prev_sev = None
                    group_plural = False
            elif prev_positive:
                # "mild left and no right ...": the negated side does not take the grade
                prev_sev = None
            if (
                gi > 0
                and not g.severities
                and any(it.label == "SEVERITY" and it.prior for it in g.order)
            ):
                continue  # "moderate right, mild left, previously mild bilaterally"
            if gi > 0 and not g.severities and self._change_between(groups[gi - 1], g):
                # "mild right and severe left stenosis, worse on the right since the prior":
                # a change of a side already graded, not a finding of its own; on a side not yet
                # graded ("severe left stenosis, new on the right") it is ungraded
                if g.sides and all(
                    _SIDE_CELLS.get(sd.value, {sd.value}) <= sides_done for sd in g.sides
                ):
                    continue
                prev_sev = None
            if g.severities and not common["uncertain"] and self._hedged(g.severities):
                pair_common = {**pair_common, "uncertain": True}
            elif (
                not g.severities
                and g.sides
                and not common["uncertain"]
                and self._hedged(g.sides[:1])
                and g.sides[0].start > target.end
            ):
                # "Neural foramina: likely right narrowing, left patent": the hedge of a side
                # the label's statement goes on to
                pair_common = {**pair_common, "uncertain": True}
            elif common["uncertain"] and self._hedge_after(g, target, left, right):
                # "Moderate right and suspected severe left stenosis": the hedge is the later
                # side's, not this one's
                pair_common = {**pair_common, "uncertain": False}
            hedged_levels = set() if pair_common["uncertain"] else self._hedged_levels(g)
            for sev_raw, side_raw in self._pair(g):
                own_none = sev_raw == "none" and side_raw is None
                sev_raw = sev_raw if sev_raw is not None else prev_sev
                if not own_none:  # "..., C6-7 none": a negative grade of its own is two-sided
                    side_raw = side_raw if side_raw is not None else prev_side
                prev_sev, prev_side = sev_raw, side_raw
                if side_raw is not None:
                    sides_done |= _SIDE_CELLS.get(side_raw, {side_raw})
                severity = _severity(sev_raw, group_negated)
                side = _side(side_raw, group_plural, label)
                level_list: list[str | None] = list(levels) if levels else [None]
                if remaining and levels and _quantifier_last(g):
                    level_list.append(None)  # "at C5-6 or elsewhere" (not "Other levels: C3-4")
                qlabel = "remaining_levels" if remaining else None
                for level in level_list:
                    left_out = except_levels if remaining and level is None else ()
                    if ftype == "generic_stenosis":
                        # "no stenosis" at a level: neither the canal nor the foramina are narrowed
                        out.append(
                            _make(
                                "canal_stenosis",
                                level,
                                None,
                                severity,
                                pair_common,
                                qlabel,
                                left_out,
                            )
                        )
                        out.append(
                            _make(
                                "foraminal_stenosis",
                                level,
                                "bilateral",
                                severity,
                                pair_common,
                                qlabel,
                                left_out,
                            )
                        )
                    else:
                        cell_side = (
                            side
                            if g.exception or level not in excepted
                            else _side_left_over(side, excepted[level])
                        )
                        if cell_side is None and side is not None:
                            continue
                        out.append(
                            _make(
                                ftype,
                                level,
                                cell_side,
                                severity,
                                {**pair_common, "uncertain": True}
                                if level in hedged_levels
                                else pair_common,
                                qlabel if level is None else None,
                                left_out,
                            )
                        )
                        if level is None and remaining and ftype == "foraminal_stenosis":
                            # "mild at all levels except on the right at C5-6": the left C5-6
                            # foramen is among the remaining ones
                            out.extend(
                                _make(ftype, lv, other, severity, pair_common)
                                for lv, cells in excepted.items()
                                if (
                                    other := _side_left_over(
                                        side if side in ("left", "right") else "bilateral", cells
                                    )
                                )
                            )
        return out

    def _fronted_excepted_levels(self, sent: Span) -> list[str]:
        """Levels of the sentence named by an exception that opens it ("Except for C5-6, the
        foramina are patent")."""
        return [
            level
            for span in self.levels.within(sent.start, sent.end)
            if span.start in self.excepted
            for level in _levels_of(span)
        ]

    def _excepted_cells(
        self, groups: list[_Group], sent_i: int, target: Span, right: int
    ) -> dict[str, set[str]]:
        """Level -> sides that an exception of a positive statement takes out of it ("moderate
        at each of these levels, except on the right at C5-6, where ... patent"), in its frame
        or opening the statement after it."""
        out: dict[str, set[str]] = {}
        excepted: list[tuple[list[_Item], list[_Item]]] = [
            (g.levels, g.sides) for g in groups if g.exception and g.levels
        ]
        sent = self.sents[sent_i]
        for ex in self._has_label("FOCUS", right, sent.end):
            if ex.id_ != "exception" or ex.start > right + 1:
                continue
            end = next(
                (i for i in range(ex.end, sent.end) if self.lowers[i] in ("where", ",", ";")),
                sent.end,
            )
            items = self._items(ex.end, end)
            excepted.append(
                (
                    [it for it in items if it.label == "LEVEL"],
                    [it for it in items if it.label == "SIDE"],
                )
            )
        for level_items, side_items in excepted:
            levels, _ = self._resolve_levels(level_items, sent_i, [])
            sides = {c for sd in side_items for c in _SIDE_CELLS.get(sd.value, {sd.value})}
            for level in levels:
                out.setdefault(level, set()).update(sides or {"left", "right"})
        return out

    def _only_no_new(self, target: Span) -> bool:
        negations = [
            m.modifier_span for m in target._.modifiers if m.category == "NEGATED_EXISTENCE"
        ]
        return bool(negations) and all(
            self.lowers[end - 1] in ("new", "additional") for _start, end in negations
        )

    def _hedges_inside_grade(self, target: Span) -> bool:
        """Every hedge of the target lies inside a grade phrase ("moderate (possibly
        severe)")."""
        hedges = [m.modifier_span for m in target._.modifiers if m.category == "POSSIBLE_EXISTENCE"]
        if not hedges:
            return False
        grades = [
            sp
            for sp in self.attrs.within(max(hedges[0][0] - 6, 0), hedges[-1][1] + 6)
            if sp.label_ == "SEVERITY"
        ]
        return all(
            any(g.start < start and end <= g.end for g in grades)
            # "moderate right foraminal stenosis, possibly severe"
            or any(
                g.start == end and self._hedged_bound(_Item(g.start, g.end, "", "")) for g in grades
            )
            for start, end in hedges
        )

    def _negates_grade_only(self, target: Span) -> bool:
        """Every negation of the target is a "not" before a grade ("moderate, not severe,
        left foraminal narrowing"): the grade is denied, not the finding."""
        negations = [
            m.modifier_span for m in target._.modifiers if m.category == "NEGATED_EXISTENCE"
        ]
        if not negations:
            return False
        grades = {
            sp.start
            for sp in self.attrs.within(max(target.start - 8, 0), target.end + 8)
            if sp.label_ == "SEVERITY" and sp.id_ not in ("none", "significant")
        }
        return all(
            end - start == 1 and self.lowers[start] == "not" and end in grades
            for start, end in negations
        )

    def _modifier_left_behind(
        self, category: str, target: Span, left: int, right: int, severities: list[_Item]
    ) -> bool:
        """A forward negation or hedge that stops at an earlier anchor ("No canal stenosis,
        moderate left foraminal narrowing", "no disc herniation, mild foraminal narrowing"): a
        target with a positive grade of its own, after a comma or "and" that follows the other
        anchor and with no "or"/"nor" list around it, is not under it."""
        if not any(
            left <= s.start < right and s.value not in ("none", "significant") for s in severities
        ):
            return False
        negations = [m.modifier_span for m in target._.modifiers if m.category == category]
        if not negations or any(end > target.start for _start, end in negations):
            return False
        neg_end = max(end for _start, end in negations)
        between = sorted(
            (
                t
                for index in (self.target_index, self.blocker_index)
                for t in index.within(neg_end, target.start)
                if t.end <= target.start
            ),
            key=lambda t: t.end,
        )
        if not between:
            return False
        gap = self.lowers[between[-1].end : target.start]
        # a hedge before "X and Y" may cover both: only a comma leaves it behind
        separators = (",", ";", "and") if category == "NEGATED_EXISTENCE" else (",", ";")
        if not any(w in separators for w in gap):
            return False
        sent = self.sents[self._sentence_index(target.start)]
        clause_end = self._clause_of(sent, target.start)[1]
        return not any(w in ("or", "nor") for w in self.lowers[neg_end:clause_end])

    def _change_between(self, prev: _Group, g: _Group) -> bool:
        """A change word opens conjunct `g` ("..., increased on the right")."""
        if not prev.order or not g.order:
            return False
        return any(w in _CHANGE_WORDS for w in self.lowers[prev.order[-1].end : g.order[0].start])

    def _after_negation(self, g: _Group, prev: _Group, target: Span) -> bool:
        """A graded conjunct of its own side or level after a negated one ("Foramina: R
        patent, L moderate", "no right foraminal stenosis, moderate on the left"): the negation
        ends before it."""
        if not g.order or not prev.order or not (g.sides or g.levels):
            return False
        if not any(s.value not in ("none", "significant") and not s.prior for s in g.severities):
            return False
        ends = [m.modifier_span[1] for m in target._.modifiers if m.category == "NEGATED_EXISTENCE"]
        first = g.order[0].start
        if not ends or max(ends) > first:
            return False
        gap = self.lowers[prev.order[-1].end : first]
        # ("R none / L mild": the slash of a template's side pair parts them too)
        return any(w in (",", ";", "and", "but", "while", "whereas", "/") for w in gap)

    def _before_negation(self, g: _Group, target: Span) -> bool:
        """A graded conjunct coordinated before the negation of its anchor ("mild left and no
        significant right foraminal narrowing"): the negation is the later conjunct's only."""
        if not g.order or not any(s.value not in ("none", "significant") for s in g.severities):
            return False
        starts = [
            m.modifier_span[0]
            for m in target._.modifiers
            if m.category == "NEGATED_EXISTENCE" and m.modifier_span[0] < target.start
        ]
        if not starts:
            return False
        neg = min(starts)
        last = g.order[-1].end
        return last <= neg and any(w in ("and", ",", "but", "with") for w in self.lowers[last:neg])

    def _without_spans(self, items: list[_Item]) -> list[_Item]:
        """Level items without the vertebral spans, when a disc level is among them: in "OPLL
        from C3 to C6 ... cord flattening at C4-5" the span is the lesion's extent and the disc
        level places the cord finding."""
        if any(it.label == "LEVEL" and not self._is_span(it) for it in items):
            return [it for it in items if not self._is_span(it)]
        return items

    def _is_span(self, item: _Item) -> bool:
        return item.label == "LEVEL" and item.start in self.vertebral_span_starts

    def _labelled_side(self, target: Span) -> str | None:
        """The side of a label the target heads ("Left foramina -", "Right neural foramen:")."""
        if self.lowers[target.end : target.end + 1] not in ([":"], ["-"], ["–"], ["—"]):
            return None
        side = next(
            (
                sp
                for sp in self.attrs.within(max(target.start - 2, 0), target.start)
                if sp.label_ == "SIDE" and sp.end == target.start
            ),
            None,
        )
        return side.id_ if side is not None and side.id_ in ("left", "right") else None

    def _fronted_side(self, sent: Span, target: Span) -> _Item | None:
        """The side phrase that opens the sentence ("On the right at C6-7, ..."), when no other
        anchor stands between it and the target (a negative statement with no side of its own
        stays two-sided)."""
        sides = [
            sp
            for sp in self.attrs.within(sent.start, target.start)
            if sp.label_ == "SIDE" and not self._both_levels(sp)
        ]
        opening = sent.start
        colon = next(
            (
                i
                for i in range(sent.start, min(sent.start + 5, target.start))
                if self.lowers[i] == ":"
            ),
            None,
        )
        if colon is not None and not self.levels.within(sent.start, colon):
            opening = colon + 1  # "Oblique views: right sided osteophytes encroach on ..."
        if not sides or sides[0].start > opening + 1 or len(sides) > 1:
            return None
        side = sides[0]
        after = side.end + (self.lowers[side.end : side.end + 1] == ["side"])
        # "On the left side, the C5/6 foramen is moderately narrowed and the C6/7 foramen is
        # mildly narrowed": a side set off by a comma is the topic of the whole sentence
        set_off = self.lowers[after : after + 1] == [","]
        if not set_off and any(
            t.label_ in _CONTINUABLE for t in self.target_index.within(sent.start, target.start)
        ):
            return None
        return _Item(side.start, side.end, "SIDE", side.id_)

    def _cause_side(self, sent_i: int, target: Span) -> _Item | None:
        """The one side of the lesion that narrows an unsided, singular foramen: "right facet
        hypertrophy narrowing the foramen moderately", "left uncovertebral spurring. The
        foramen is moderately narrowed." A plural or coordinated foramen takes none."""
        if (
            _PLURAL_FORAMEN_RE.search(target.text)
            or "bilateral" in self.lowers[max(target.start - 3, 0) : target.end]
        ):
            return None
        sent = self.sents[sent_i]
        start = sent.start
        if self.lowers[target.start - 1 : target.start] in (["this"], ["that"], ["same"]):
            # "extends into the left C6-7 neural foramen, with mild narrowing of this foramen":
            # the foramen just named
            named = [
                t
                for t in self.target_index.within(sent.start, target.start)
                if t.label_ in ("FORAMINAL", "EXCLUDE_LOCATION")
            ]
            if named:
                own = {
                    sp.id_
                    for sp in self.attrs.within(max(named[-1].start - 6, sent.start), named[-1].end)
                    if sp.label_ == "SIDE"
                }
                if len(own) == 1 and own <= {"left", "right"}:
                    side_id = own.pop()
                    return _Item(named[-1].start, named[-1].start, "SIDE", side_id)
        if self.lowers[target.start - 1 : target.start] in (["the"], ["this"]) and sent_i > 0:
            # "the foramen" in the sentence after its cause
            start = self.sents[sent_i - 1].start
        before = [
            t
            for t in self.target_index.within(start, target.start)
            if t.label_ in _CONTINUABLE or t.label_ == "ROOT"
        ]
        if before:
            # "Right foraminal stenosis at C5-6, left foraminal herniation causing severe
            # foraminal stenosis at C6-7": a clause of its own after the other finding
            if "," not in self.lowers[before[-1].end : target.start]:
                return None
            start = before[-1].end
        sides = [sp for sp in self.attrs.within(start, target.start) if sp.label_ == "SIDE"]
        if len({sp.id_ for sp in sides}) != 1 or sides[0].id_ not in ("left", "right", "bilateral"):
            return None  # ("uncovertebral spurring left greater than right results in ...")
        side = sides[-1]
        lesions = [
            *self.blocker_index.within(start, target.start),
            # "a small right foraminal disc protrusion which does not narrow the foramen"
            *(
                t
                for t in self.target_index.within(start, target.start)
                if t.label_ == "EXCLUDE_LOCATION"
            ),
        ]
        if not any(0 <= b.start - side.end <= 3 or 0 <= side.start - b.end <= 1 for b in lesions):
            # the side is the lesion's ("left uncovertebral spurring", "hypertrophy on the left")
            return None
        return _Item(side.start, side.end, "SIDE", side.id_)

    def _root_side(self, sent: Span) -> _Item | None:
        """The side of the one nerve root named in the sentence ("the exiting right C6 root is
        compressed within a severely narrowed foramen"): the root's foramen is on its side."""
        roots = [t for t in self.target_index.within(sent.start, sent.end) if t.label_ == "ROOT"]
        if len(roots) != 1:
            return None
        root = roots[0]
        sides = [
            sp
            for sp in self.attrs.within(max(sent.start, root.start - 3), root.end)
            if sp.label_ == "SIDE"
            and all(w in _ROOT_PREMODIFIERS for w in self.lowers[sp.end : root.start])
        ]
        if len(sides) != 1 or sides[0].id_ not in ("left", "right"):
            return None
        return _Item(sides[0].start, sides[0].end, "SIDE", sides[0].id_)

    def _premodifier_sides(self, target: Span) -> set[str]:
        """The side named right before an anchor ("the left C6 foramen", "the right neural
        foramen"), whatever its clause says of it."""
        for sp in self.attrs.within(max(target.start - 4, 0), target.start):
            if sp.label_ == "SIDE" and sp.id_ in ("left", "right", "bilateral"):
                level_tokens = {
                    k
                    for lv in self.levels.within(sp.end, target.start)
                    for k in range(lv.start, lv.end)
                }
                if all(
                    k in level_tokens or self.lowers[k] in ("neural", "exit")
                    for k in range(sp.end, target.start)
                ):
                    return {sp.id_}
        return set()

    def _root_levels(self, sent: Span) -> list[_Item]:
        """The disc level whose foramen the one cervical root named in the sentence exits."""
        roots = {
            m.group(1)
            for t in self.target_index.within(sent.start, sent.end)
            if t.label_ == "ROOT"
            for m in _ROOT_NAME_RE.finditer(t.text)
        }
        if len(roots) != 1:
            return []
        return [_Item(sent.start, sent.start, "LEVEL", root_disc(int(roots.pop())))]

    def _other_region_only(self, sent: Span) -> bool:
        """The sentence speaks of another region ("thoracic cord", "lumbar canal", "at T8")
        and names no cervical level or the cervical spine."""
        text = sent.text
        in_other_section = any(a <= sent.start < b for a, b in self.other_region_sections)
        if not (
            in_other_section or _OTHER_REGION_RE.search(text) or _THORACIC_VERTEBRA_RE.search(text)
        ):
            return False
        if re.search(r"\bcervical\b", text, re.I):
            return False
        return not any(
            region_of(lvl) == "cervical"
            for span in self.levels.within(sent.start, sent.end)
            for lvl in _levels_of(span)
        )

    def _cord(self, fr: _Frame) -> list[Finding]:
        sent, sent_i, frames, target, left, right = fr
        if self._other_region_only(sent):
            return []  # the cord fields describe the cervical cord only
        negated = self.ctx(target).negated
        common = self._common(target, left, right)
        fallback = self._fallback_levels(sent, sent_i, frames, target)
        items = self._own_cord_levels(
            target,
            self._without_spans(
                [it for it in self._items(left, right) if it.label in ("LEVEL", "ANAPHOR")]
            ),
        )
        if not items:
            # "abscess from C4-5 to C6-7, causing cord compression and severe canal stenosis at
            # C5-6": the level of the finding it is coordinated with, not the lesion's span
            items = self._coordinated_result_levels(frames, target)
        if not items and fallback and all(self._is_span(it) for it in fallback):
            # the disc levels named elsewhere in the clause place the cord finding
            c_start, c_end = self._clause_of(sent, target.start)
            discs = [it for it in self._level_items(c_start, c_end) if it.label == "LEVEL"]
            fallback = self._without_spans(discs) if discs else fallback
        levels, _ = self._resolve_levels(items, sent_i, self._without_spans(fallback))
        if not levels and self._outside_neck(sent_i):
            # "T10-T11: ... compressing the cord. The cord is displaced and flattened over two
            # segments.": the thoracic cord, which the cord fields do not describe
            return []
        out: list[Finding] = []
        sig: list[Span] = []
        if target.label_ == "CORD_LESION":
            signal = True
            compression = False
        else:
            # "... immediately below the level of maximal compression": a place, not a finding
            comp = [
                x for x in self._has_label("CORD_COMPRESSION", left, right) if x.id_ != "reference"
            ] or [
                # "compressing the thecal sac and the spinal cord": the verb before coordinated
                # objects is each one's
                x
                for a, b, _ in self.shared.get((target.start, target.end), [])
                if b <= target.start
                for x in self._has_label("CORD_COMPRESSION", a, b)
                if x.id_ != "reference"
            ]
            # "normal in caliber and signal": a bare "signal" asserts nothing abnormal
            # ... that reaches into the frame ("probable cord signal change", where the frame
            # stops at "change", a word that bounds frames), or that such a word cut off from it
            # ("T2 hyperintense signal change is present in the cord")
            sig = [
                x
                for x in self._has_label("CORD_SIGNAL", sent.start, right + _LONGEST_SIGNAL_TAIL)
                if x.start < right
                and (x.end > left or self._cut_off_signal(x, target))
                and x.id_ != "neutral"
                and not self._other_clause_before(x, target)
            ]
            # "The cord was previously flattened at this level; it is now normal in contour."
            comp = [
                x
                for x in comp
                if not any(
                    w in ("previously", "formerly", "initially", "preoperatively")
                    for w in self.lowers[max(x.start - 2, 0) : x.start]
                )
            ]
            compression = any(not self._locally_negated(s) for s in comp) and not any(
                # "slight displacement of the cord without compression": the writer denies
                # compression in so many words; the other verbs only describe
                self._locally_negated(s) and self.lowers[s.start].startswith("compress")
                for s in comp
            )
            signal = any(not self._locally_negated(s) for s in sig)
            contact = [
                s
                for s in self._has_label("CORD_CONTACT", left, right)
                if not self._locally_negated(s)
            ]
            if contact and not compression and not negated:
                # abutment / contact / CSF effacement: recorded, but it is not compression
                out.extend(
                    _make("cord_contact", level, None, None, common) for level in levels or [None]
                )
            if not comp and not sig:
                return out
            if comp and not compression and not signal:
                negated = True
        if compression or (negated and self._has_label("CORD_COMPRESSION", left, right)):
            for level in levels or [None]:
                out.append(
                    _make("cord_compression", level, None, None, {**common, "negated": negated})
                )
        if signal or (negated and (target.label_ == "CORD_LESION" or sig)):
            out.append(
                _make(
                    "cord_signal_abnormality",
                    levels[0] if levels else None,
                    None,
                    None,
                    {**common, "negated": negated},
                )
            )
        return out

    def _cut_off_signal(self, signal: Span, target: Span) -> bool:
        """A cord signal phrase before the target that holds or ends on a word bounding
        frames ("signal change", "T2 hyperintense signal change") and nothing else bounding
        frames between them."""
        if signal.end >= target.start:
            return False
        inner = self.blocker_index.within(signal.start, signal.end + 1)
        end = max(b.end for b in inner) if inner else signal.end
        between = [
            *self.blocker_index.within(end, target.start),
            *self.target_index.within(end, target.start),
        ]
        return bool(inner) and not between and ";" not in self.lowers[signal.end : target.start]

    def _other_clause_before(self, span: Span, target: Span) -> bool:
        """A word before the target in a clause of its own ("a collection with rim enhancement,
        which impresses the cord"): the enhancement is the collection's, not the cord's."""
        return span.end <= target.start and any(
            w in (",", ";", "which", "that") for w in self.lowers[span.end : target.start]
        )

    def _own_levels(self, target: Span, items: list[_Item]) -> list[_Item]:
        """Levels named right after a finding are its own, not those of the lesion it comes
        "with" ("disc bulges at C3-C4 and C4-C5, with bilateral neural foraminal narrowing at
        C3-C4"; "Spondylosis deformans C4-C7 with foraminal narrowing dx. C5-C6 and C6-C7")."""
        after = [it for it in items if it.label == "LEVEL" and it.start >= target.end]
        before = [it for it in items if it.label == "LEVEL" and it.end <= target.start]
        if not after or not before:
            return items
        lead = self.lowers[target.end : after[0].start]
        if not all(w in _CORD_LEVEL_LEAD or w in _GRADE_OR_SIDE_WORDS for w in lead) and not (
            self._premodifiers_only(target.end, after[0].start)
        ):
            return items
        if "with" not in self.lowers[before[-1].end : target.start]:
            return items
        dropped = {id(it) for it in before}
        return [it for it in items if id(it) not in dropped]

    def _coordinated_result_levels(
        self, frames: list[tuple[Span, int, int]], target: Span
    ) -> list[_Item]:
        """The levels after the next finding when `target` is coordinated with it as a result
        of a lesion ("causing cord compression and severe canal stenosis at C5-6")."""
        lead = self.lowers[max(target.start - 2, 0) : target.start]
        if not any(w in _CAUSING_WORDS for w in lead):
            return []
        nxt = next(((t, hi) for t, _lo, hi in frames if t.start >= target.end), None)
        if nxt is None:
            return []
        gap = self.lowers[target.end : nxt[0].start]
        if (
            "and" not in gap
            or "," in gap
            or not all(
                w in _COORD_WORDS or w in _GRADE_OR_SIDE_WORDS or w in _CORD_RESULT_NOUNS
                for w in gap
            )
        ):
            return []
        after = [
            it
            for it in self._level_items(nxt[0].end, nxt[1])
            if it.label == "LEVEL"
            and all(w in _CORD_LEVEL_LEAD for w in self.lowers[nxt[0].end : it.start])
        ]
        return after[:1]

    def _own_cord_levels(self, target: Span, items: list[_Item]) -> list[_Item]:
        """The levels named right after the cord ("haematoma C4/5 to C6/7 with mass effect on
        the cord at C5/6 and C6/7"): the cord's, not those of the lesion named before it."""
        after = [it for it in items if it.start >= target.end]
        if not after:
            return items
        if all(w in _CORD_LEVEL_LEAD for w in self.lowers[target.end : after[0].start]):
            return after if len(after) < len(items) else items
        if self._with_cord(target) and "," in self.lowers[target.end : after[0].start]:
            # "canal stenosis at C3-4 with mild cord flattening, and at C5-6": the cord phrase
            # joins the level before it, not the next coordinated one
            before = [
                it
                for it in self._level_items(target.sent.start, target.start)
                if it.label == "LEVEL"
            ]
            return self._nearest_level_list(before, target) if before else items
        return items

    def _with_cord(self, target: Span) -> bool:
        """The cord is named in a "with" phrase ("with mild cord flattening", "likely with
        compression of the cord")."""
        for i in range(target.start - 1, max(target.start - 7, 0) - 1, -1):
            w = self.lowers[i]
            if w == "with":
                return True
            if w in (",", ";", ".", "and", "at") or self.levels.within(i, i + 1):
                return False
        return False

    def _not_acute(self, sent: Span, target: Span) -> bool:
        """An old, healed or chronic lesion: a word saying so in the phrase before the target
        ("Chronic non-union of a type II odontoid fracture"), with no "acute" nearer to it."""
        start = max(target.start - 10, sent.start)
        for i in range(target.start - 1, start - 1, -1):
            if self.lowers[i] in (";", ".", ":") or self.lowers[i] in _ACUTE_WORDS:
                start = i + 1
                break
        return any(
            s.start >= start for s in self._has_label("NOT_ACUTE", start, target.end)
        ) or any(
            s.start >= target.end for s in self._has_label("NOT_ACUTE", target.end, target.end + 1)
        )

    def _red_flag(self, fr: _Frame) -> list[Finding]:
        sent, sent_i, frames, target, _left, _right = fr
        category = target.label_.removeprefix("RED_FLAG_").lower()
        not_acute = self._not_acute(sent, target)
        if not_acute and category in ("fracture", "instability"):
            return []
        if category == "infection" and any(
            w in _PAST_INFECTION_WORDS for w in self.lowers[max(target.start - 3, 0) : target.start]
        ):
            return []  # "post-treatment changes from the prior discitis-osteomyelitis"
        if (
            category == "malignancy"
            # a benign mimic ("haemangioma") or a non-neoplastic cause ("consistent with
            # active demyelination") in the sentence explains an unnamed lesion
            and (
                any(t.label_ == "EXCLUDE_MIMIC" for t in self.targets_in(sent))
                or self._has_label("NON_NEOPLASTIC", sent.start, sent.end)
            )
            and not re.search(
                r"metasta|tumou?r|neoplas|malignan|lymphoma|myeloma", target.text, re.I
            )
        ):
            return []
        common = self._common(target, target.start, target.end)
        levels, _ = self._resolve_levels(
            [], sent_i, self._fallback_levels(sent, sent_i, frames, target)
        )
        return [
            _make("red_flag", levels[0] if levels else None, None, None, common, label=category)
        ]

    def _root(self, fr: _Frame) -> list[Finding]:
        sent, sent_i, frames, target, left, right = fr
        comp = [
            s
            for s in self._has_label("CORD_COMPRESSION", left, right)
            if not self._locally_negated(s)
        ]
        contact = [
            s for s in self._has_label("CORD_CONTACT", left, right) if not self._locally_negated(s)
        ]
        if not (comp or contact) or self.ctx(target).negated:
            return []
        ftype = "nerve_root_compression" if comp else "nerve_root_contact"
        common = self._common(target, left, right)
        items = self._items(left, right)
        fallback = self._fallback_levels(sent, sent_i, frames, target)
        levels, _ = self._resolve_levels(
            [it for it in items if it.label == "LEVEL"], sent_i, fallback
        )
        sides = [it.value for it in items if it.label == "SIDE"]
        side = _side(sides[0] if sides else None, False, "ROOT")
        return [_make(ftype, lv, side, None, common) for lv in (levels or [None])]

    def _limited(self, sent: _Sent, sent_i: int) -> list[Finding]:
        """ "Foraminal evaluation is limited by motion at C6-7": assessability, not negation."""
        limited = self._has_label("LIMITED", sent.start, sent.end)
        if not limited:
            return []
        levels = [lvl for s in self.levels.within(sent.start, sent.end) for lvl in _levels_of(s)]
        levels = levels or self.header_levels[sent_i]
        if not levels and not any(
            t.label_ == "FORAMINAL" for t in self.target_index.within(sent.start, sent.end)
        ):
            return []  # a study "limited by motion" as a whole says nothing of the foramina
        common = self._plain_common(sent_i, sent.start_char, sent.text.rstrip(), False)
        return [_make("assessment_limited", lvl, None, None, common) for lvl in levels or [None]]

    def _operated_level_normal(self, sent: Span, sent_i: int) -> list[Finding]:
        """ "The level below the fusion is unremarkable.": a level named by its place next to
        the operated levels, stated normal as a whole."""
        span = self._opening_operated_anaphor(sent) if self.operated else None
        if span is None:
            return []
        levels = _positional(span.id_, self.operated)
        offset = sent.start_char
        remainder = sent.text[: span.start_char - offset] + sent.text[span.end_char - offset :]
        if not levels or not _LEVEL_NORMAL_RE.match(remainder):
            return []
        common = self._plain_common(sent_i, sent.start_char, sent.text.rstrip(), True)
        return [_make("level_normal", level, None, "none", common) for level in levels]

    def _level_normal(self, sent: Span, sent_i: int) -> list[Finding]:
        """ "C2-C3: Normal." / "The remaining levels are unremarkable." (whole level normal)."""
        lv = self.levels.within(sent.start, sent.end)
        if not lv and not self._has_label("QUANTIFIER", sent.start, sent.end):
            return self._operated_level_normal(sent, sent_i)
        quant = [
            q
            for q in self._has_label("QUANTIFIER", sent.start, sent.end)
            if q.id_ != "remaining_discs"
        ]
        # "Other than C5-C6 and C6-C7, all cervical levels are unremarkable.": the levels of a
        # fronted exception are not the statement's; its words are left out like a quantifier's
        excepted = [s for s in lv if s.start in self.excepted]
        exceptions = list({id(e): e for e in (self.excepted[s.start] for s in excepted)}.values())
        lv = [s for s in lv if s.start not in self.excepted]
        if (
            not lv
            and not quant
            and not any(s.start in self.excepted for s in self.levels.within(sent.start, sent.end))
        ):
            return []
        if (
            quant
            and not lv
            and (_OTHER_REGION_RE.search(sent.text) or self._outside_neck(sent_i))
            and not any("cervical" in self.lowers[q.start : q.end] for q in quant)
        ):
            return []  # "the remaining lumbar levels", not "the rest of the cervical levels"
        if any(_STRUCTURE_WORD_RE.search(q.text) for q in quant):
            return []  # "The remaining neural foramina are patent": the foramina, not the levels
        offset = sent.start_char
        text = sent.text
        pieces = []
        cursor = 0
        for s in sorted([*lv, *quant, *excepted, *exceptions], key=lambda x: x.start_char):
            if s.start_char - offset < cursor:
                # overlapping spans ("the remaining" / "remaining levels"): leave out their union
                cursor = max(cursor, s.end_char - offset)
                continue
            pieces.append(text[cursor : s.start_char - offset])
            cursor = s.end_char - offset
        pieces.append(text[cursor:])
        remainder = " ".join(pieces)
        if not _LEVEL_NORMAL_RE.match(remainder):
            return []
        block_label = self._block_label(sent_i)  # also fills self._inline_labelled
        if (
            # "Spinal canal: mild narrowing at C5/6. Normal elsewhere.": the labelled
            # structure's other levels, not whole levels
            (not lv and block_label is not None)
            or sent_i in self._inline_labelled
            or self._side_blocks()[sent_i] is not None
        ):
            # "Foramina, left: C5-C6 mild. C4-C5 patent." fills the labelled field of one side,
            # not the whole level
            return []
        common = self._plain_common(sent_i, sent.start_char, sent.text.rstrip(), True)
        levels = [lvl for s in lv for lvl in _levels_of(s)]
        if not levels:
            if not quant and not exceptions:
                return []
            return [
                _make(
                    "level_normal",
                    None,
                    None,
                    "none",
                    common,
                    "remaining_levels",
                    self._fronted_excepted_levels(sent),
                )
            ]
        return [_make("level_normal", level, None, "none", common) for level in levels]


def _drop_restated_levels(items: list[_Item], target: Span) -> list[_Item]:
    """Levels named before the anchor and each named again, graded, after it ("Right C5-C6
    and C6-C7 foraminal stenosis (moderate to severe at C5-C6, at least moderate at C6-C7)"):
    the later mentions pair with their grades; the first ones only announce them."""
    before = [it for it in items if it.label == "LEVEL" and it.end <= target.start]
    after = [it for it in items if it.label == "LEVEL" and it.start >= target.end]
    if len(before) < 2 or {it.value for it in before} != {it.value for it in after}:
        return items
    if len(after) != len({it.value for it in after}):
        return items
    graded_after = [
        it for it in items if it.label == "SEVERITY" and it.start >= target.end and not it.prior
    ]
    if len(graded_after) < len(after):
        return items
    return [it for it in items if it not in before]


def _picked_option(line: str) -> str | None:
    """The option ticked on a pick-list line ("Left foramen: [ ] None [X] Mild [ ] Moderate"),
    lower-case; None when the line is no pick-list."""
    if not _UNTICKED_RE.search(line):
        return None
    ticked = _TICKED_RE.search(line)
    return ticked.group(1).lower() if ticked else ""


def _field_answered_no(line: str, anchor_end: int) -> bool:
    """A template field answered "No" ("Fracture: No", "Cord signal abnormality: No",
    "Malalignment / subluxation: none"): the anchor ending at `anchor_end` (an offset in the
    line) is in the label, so the finding it names is denied."""
    if ":" not in line:
        return False
    m = _FIELD_NO_RE.match(line)
    return bool(m) and anchor_end <= m.end("label")


def _positional(kind: str, named: list[str]) -> list[str]:
    """The levels an anaphor points to among the levels just named: all of them ("these
    levels"), the upper or lower one, or the disc level above or below ("the level below")."""
    ordered = sorted(dict.fromkeys(named), key=lambda lvl: _LEVEL_POSITION.get(lvl, 99))
    if kind == "previous" or not ordered:
        return named
    if kind == "upper":
        return ordered[:1]
    if kind == "lower":
        return ordered[-1:]
    if kind.startswith(("fusion_above", "fusion_below")):
        # the level next to the operated (or named) levels as a whole ("two levels above the
        # fusion": the one above that)
        above = kind.startswith("fusion_above")
        edge = ordered[0] if above else ordered[-1]
        if edge not in _LEVEL_POSITION:
            return []
        step = 2 if kind.endswith("_2") else 1
        k = _LEVEL_POSITION[edge] + (-step if above else step)
        return [DISC_LEVELS[k]] if 0 <= k < len(DISC_LEVELS) else []
    if len(ordered) != 1 or ordered[0] not in _LEVEL_POSITION:
        return []
    k = _LEVEL_POSITION[ordered[0]] + (-1 if kind == "above" else 1)
    return [DISC_LEVELS[k]] if 0 <= k < len(DISC_LEVELS) else []


def _quantifier_last(group: _Group) -> bool:
    quantifiers = [it.start for it in group.levels if it.label == "QUANTIFIER"]
    named = [it.start for it in group.levels if it.label == "LEVEL"]
    return bool(quantifiers) and (not named or max(quantifiers) > max(named))


def _sev_value(raw: str | None) -> str:
    if raw is None or raw == "significant":
        return "unspecified"
    return raw


def _severity(raw: str | None, negated: bool) -> str:
    if negated:
        # "no high-grade stenosis" rules out only the high grades: kept as the grade, negated.
        if (
            raw is not None
            and raw != "significant"
            and SEVERITY_RANK[raw] >= SEVERE_ENOUGH_TO_HEDGE
        ):
            return raw
        return "none"
    return _sev_value(raw)


def _with_level(items: list[_Item], level: _Item) -> list[_Item]:
    """The items with their levels replaced by `level`."""
    return sorted([*(it for it in items if it.label != "LEVEL"), level], key=lambda it: it.start)


def _back_reference_length(words: list[str]) -> int:
    """Length of a pointer back to a finding described elsewhere that opens `words` ("as
    described", "as detailed above", "as noted"); 0 when there is none."""
    if words[:1] != ["as"] or words[1:2] not in (
        ["described"],
        ["detailed"],
        ["noted"],
        ["discussed"],
        ["above"],
        ["mentioned"],
    ):
        return 0
    return 3 if words[2:3] in (["above"], ["previously"], ["below"]) else 2


def _side_left_over(side: str | None, taken: set[str]) -> str | None:
    """What is left of a finding's side once the `taken` sides are excepted from it (None when
    nothing is)."""
    cells = _SIDE_CELLS.get(side, {side}) if side in ("left", "right", "bilateral") else set()
    left_over = cells - taken
    if not cells:
        return None if {"left", "right"} <= taken else side
    if left_over == cells:
        return side
    return next(iter(left_over)) if len(left_over) == 1 else None


def _side(raw: str | None, plural: bool, label: str) -> str | None:
    if label in ("CANAL", "GENERIC_STENOSIS"):
        return None
    if raw is None:
        return "bilateral" if plural else "unspecified"
    return raw


_FINDING_SIDES = frozenset({None, "left", "right", "bilateral", "unspecified"})


def _make(
    ftype: str,
    level: str | None,
    side: str | None,
    severity: str | None,
    common: dict[str, object],
    label: str | None = None,
    excepted: Iterable[str] = (),
) -> Finding:
    if side not in _FINDING_SIDES:
        side = "unspecified"  # a side word the rules could not resolve never reaches the schema
    return Finding.model_construct(
        codes=[],  # given, so that pydantic does not inspect the default factory on every call
        excepted_levels=list(excepted),
        type=ftype,  # type: ignore[arg-type]
        level=level,
        side=side,  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]
        region=region_of(level) if level else None,  # type: ignore[arg-type]
        label=label,
        **common,  # type: ignore[arg-type]
    )


def build_findings(doc: Doc, operated: Iterable[str] = ()) -> list[Finding]:
    """Findings of one processed report; `operated` are the levels the report says were
    operated on, which "the fused segment" and "the level above the fusion" point to."""
    return FindingBuilder(doc, operated).build()
