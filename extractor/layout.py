"""Markup and dictated punctuation left in report text, read as the layout they stand for.

Reports exported from hospital systems often keep HTML or RTF markup: "<br>" and "\\par" for line
breaks, "&nbsp;" for spaces, "<b>...</b>" around headers; some exports put a bar where a line
broke ("Alignment is normal.|C3/4: Mild spurring."). Speech recognition left uncorrected
keeps punctuation as the words dictated: "stenosis period The right foramen", "C5-6 colon",
"new paragraph". A checklist box opening a line ("[ ] Malalignment", "[x] Fracture: ...") stands
for the answer it gives; the options a field's label lists ("(none/mild/mod/severe):") are no
answer. The pipeline reads report layout (lines, level headers, sections, clauses), so all are
replaced by what they mean, padded with spaces: the text keeps its length, every offset stays
valid in the original text, and findings quote the original text.
"""

from __future__ import annotations

import re

# line breaks: <br>, <br/>, block tags (<p>, </div>, <li>, <tr> ...), RTF \par and \line
_BREAK_RE = re.compile(
    r"<\s*br\s*/?\s*>"
    r"|<\s*/?\s*(?:p|div|li|ul|ol|tr|table|h[1-6]|pre|blockquote)(?:\s+[a-z-]+\s*=\s*[^<>]{0,120})?\s*/?\s*>"
    r"|\\(?:par|line)\b",
    re.IGNORECASE,
)
# inline markup read as spaces: formatting tags (with attributes) and non-breaking spaces;
# only known tag names, so that "L<R and R>L" is never taken for a tag
_SPACE_RE = re.compile(
    r"<\s*/?\s*(?:b|i|u|em|strong|span|font|sup|sub|td|th|small|big|body|html|head)"
    r"(?:\s+[a-z-]+\s*=\s*[^<>]{0,120})?\s*/?\s*>"
    r"|&nbsp;|&#160;|\\(?:b|i|ul|ulnone|b0|i0|tab)\b",
    re.IGNORECASE,
)
# character entities: the character, then spaces to keep the length
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&apos;": "'"}
_ENTITY_RE = re.compile("|".join(map(re.escape, _ENTITIES)), re.IGNORECASE)
_ANY_MARKUP_RE = re.compile(r"[<&\\]")
# a bar that stands for a lost line break: right after a sentence or a header ends and before
# the next one starts ("normal.|C3/4:", "Findings:|Old healed"), not a table's cell bar
# ("| C2-C3 | Normal |", "C2-3|Normal")
_BAR_BREAK_RE = re.compile(r"(?<=[.:)])\|(?=[A-Z0-9])")


# punctuation dictated as a word: the mark goes right after the word before it
_DICTATED_RE = re.compile(
    r"(?P<before>\S+)(?P<gap>[ \t]+)(?P<word>period|full[ \t]+stop|comma|semicolon|colon)"
    # (also before a mark typed as well: "normal period.")
    r"(?=(?P<after>[ \t]+\S+|[ \t]*$|[ \t]*[\r\n]|[.,;:]))",
    re.IGNORECASE | re.MULTILINE,
)
_MARKS = {"period": ".", "full stop": ".", "comma": ",", "semicolon": ";", "colon": ":"}
# "a period of six weeks", "the follow-up period": the word, not the mark
_PERIOD_BEFORE = frozenset(
    {"a", "an", "the", "this", "that", "same", "time", "interval", "follow-up", "followup",
     "treatment", "observation", "short", "long", "brief", "waiting", "trial", "week", "month",
     "year", "day", "postoperative", "post-operative", "perioperative", "latency"}
)  # fmt: skip
# "history of colon cancer", "sigmoid colon": the organ
_COLON_BEFORE = frozenset(
    {"of", "the", "sigmoid", "ascending", "descending", "transverse", "right", "left", "and"}
)
_COLON_AFTER = frozenset(
    {"cancer", "carcinoma", "ca", "mass", "polyp", "polyps", "resection", "malignancy",
     "tumour", "tumor", "adenocarcinoma", "primary"}
)  # fmt: skip
_NEW_LINE_RE = re.compile(r"[ \t]*\b(?:new|next)[ \t]+(?P<kind>paragraph|line)\b", re.IGNORECASE)
_ANY_DICTATED_RE = re.compile(r"period|full stop|comma|colon|paragraph|new line", re.IGNORECASE)


# a checklist box that opens a line: "[ ] Malalignment" says there is none, "[x] Fracture: ..."
# that the line's finding is present
_CHECKBOX_RE = re.compile(r"^(?P<lead>[ \t]*(?:[-•*][ \t]*)?)\[(?P<mark>[ xX✓✔])\]", re.MULTILINE)
# another box on its line: the line is a pick-list ("[ ] Present   [x] None identified")
_OTHER_BOX_RE = re.compile(r"\[\s?[xX✓✔]?\s?\]")
# the options of a template field listed in its label: "R foramen (none/mild/mod/severe): mild"
_OPTION = r"\s*(?:none|nil|normal|minimal|mild|mod|moderate|sev|severe|n|0|1|2|3)\s*"
_OPTION_LIST_RE = re.compile(rf"\((?:{_OPTION}/){{2,}}{_OPTION}\)(?=\s*:)", re.IGNORECASE)


def plain_layout(text: str) -> str:
    """`text` with markup, checklist boxes and dictated punctuation replaced by the layout they
    stand for, of the same length."""
    if _ANY_MARKUP_RE.search(text):
        text = _BREAK_RE.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), text)
        text = _SPACE_RE.sub(lambda m: " " * len(m.group(0)), text)
        text = _ENTITY_RE.sub(
            lambda m: _ENTITIES[m.group(0).lower()] + " " * (len(m.group(0)) - 1), text
        )
    if "|" in text:
        text = _BAR_BREAK_RE.sub("\n", text)
    if "/" in text:
        text = _OPTION_LIST_RE.sub(lambda m: " " * len(m.group(0)), text)
    if "[" in text:
        text = _CHECKBOX_RE.sub(_checkbox, text)
    if _ANY_DICTATED_RE.search(text):
        text = _DICTATED_RE.sub(_dictated_mark, text)
        text = _NEW_LINE_RE.sub(_new_line, text)
    return text


def _checkbox(m: re.Match[str]) -> str:
    """The answer of a box that opens a line, unless the line is a pick-list of boxes ("[ ]
    Present   [x] None identified"), which the findings read option by option."""
    line_end = m.string.find("\n", m.end())
    rest = m.string[m.end() : line_end if line_end >= 0 else len(m.string)]
    if _OTHER_BOX_RE.search(rest):
        return m.group(0)
    return m.group("lead") + ("No " if m.group("mark") == " " else "   ")


def _dictated_mark(m: re.Match[str]) -> str:
    word = " ".join(m.group("word").lower().split())
    before = m.group("before").lower().strip(".,;:")
    after = (m.group("after") or "").strip().lower().strip(".,;:")
    if (
        before in _MARKS  # "comma period": only the first is read
        or (word == "period" and (before in _PERIOD_BEFORE or after == "of"))
        or (word == "colon" and (before in _COLON_BEFORE or after in _COLON_AFTER))
        or before.endswith((".", ",", ";", ":"))
    ):
        return m.group(0)
    pad = len(m.group("gap")) + len(m.group("word")) - 1
    return m.group("before") + _MARKS[word] + " " * pad


def _new_line(m: re.Match[str]) -> str:
    breaks = "\n\n" if m.group("kind").lower() == "paragraph" else "\n"
    return breaks + " " * (len(m.group(0)) - len(breaks))
