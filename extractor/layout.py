"""Markup left in exported report text, read as the layout it stands for.

Reports exported from hospital systems often keep HTML or RTF markup: "<br>" and "\\par" for line
breaks, "&nbsp;" for spaces, "<b>...</b>" around headers. The pipeline reads report layout (lines,
level headers, sections), so markup is replaced by the whitespace it means, character for
character: the text keeps its length, every offset stays valid in the original text, and findings
quote the original text.
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


def plain_layout(text: str) -> str:
    """`text` with markup replaced by the layout it stands for, of the same length."""
    if not _ANY_MARKUP_RE.search(text):
        return text
    text = _BREAK_RE.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), text)
    text = _SPACE_RE.sub(lambda m: " " * len(m.group(0)), text)
    return _ENTITY_RE.sub(
        lambda m: _ENTITIES[m.group(0).lower()] + " " * (len(m.group(0)) - 1), text
    )
