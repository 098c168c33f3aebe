"""Modality and spine regions of the reported study, from the exam title and technique."""

from __future__ import annotations

import re

from .levels import region_of
from .rules import ModalityFile

_TITLE_SECTIONS = ("exam", "technique")
# A line that is only an exam title: few words, naming the spine or neck, no sentence.
_TITLE_LINE_RE = re.compile(
    r"^[ \t]*(?=[^.:;\n]{0,80}\b(?:spine|cervical|c-spine|neck)\b)[A-Za-z0-9 /&(),+-]{3,80}[ \t]*$",
    re.I,
)
_SKIP_SECTIONS = frozenset({"history", "comparison"})
# where a title that opens a line ends ("MRI cervical spine, standard protocol: ...")
_LINE_HEAD_RE = re.compile(r"[,:;]")
_REGION_ORDER = ("cervical", "thoracic", "lumbar")
# a denial just before a myelographic cue ("No intrathecal contrast was given")
_DENIED_BEFORE_RE = re.compile(r"\b(?:no|not|without|nor)\b[^.;:]*$", re.I)


class ModalityDetector:
    def __init__(self, spec: ModalityFile) -> None:
        self._modality = [(r.modality, re.compile(r.regex, re.I)) for r in spec.modality]
        self._myelogram = next(rx for name, rx in self._modality if name == "CT_MYELOGRAM")
        self._regions = [(r.region, re.compile(r.regex, re.I)) for r in spec.regions]

    def title_text(self, text: str, sections: list[tuple[str | None, int, int]]) -> str:
        """Exam title and technique text; else the text before findings/impression.

        ``sections`` holds (category, start_char, end_char) in document order.
        """
        parts = [text[s:e] for cat, s, e in sections if cat in _TITLE_SECTIONS]
        if sections and sections[0][0] is None:
            parts.insert(0, text[sections[0][1] : sections[0][2]][:300])  # the untitled first line
        if parts:
            return "\n".join(parts)
        head = []
        for cat, s, e in sections:
            if cat in ("findings", "impression", "addendum"):
                break
            if cat not in _SKIP_SECTIONS:
                head.append(text[s:e])
        joined = "\n".join(head).strip()
        if joined:
            return joined[:600]
        # No layout at all: the first line usually names the study.
        return text.lstrip().split("\n", 1)[0][:300]

    def modality(self, title: str, body: str) -> str:
        # the title line first ("CT der Halswirbelsaeule" above "Klinik: MRI contraindicated")
        first = title.strip().split("\n", 1)[0]
        # the one it names first ("CT C-spine wo contrast ... consider MRI" on one line), but a
        # myelogram anywhere in it makes the CT a CT myelogram ("CT ... (CT MYELOGRAM)")
        named = [(m.start(), name) for name, rx in self._modality if (m := rx.search(first))]
        if any(name == "CT_MYELOGRAM" for _, name in named):
            return "CT_MYELOGRAM"
        if named:
            first_named = min(named)[1]
            if first_named == "CT" and self._myelographic(title[len(first) :]):
                # "CT CERVICAL SPINE / Technique: ... after intrathecal contrast for
                # myelography": a CT myelogram under a plain title
                return "CT_MYELOGRAM"
            return first_named
        for name, rx in self._modality:
            if rx.search(title):
                return name
        if self._myelogram.search(body):
            return "CT_MYELOGRAM"
        # an exam title line elsewhere ("MRI CERVICAL SPINE" below an addendum put first), or
        # one that opens a line of findings ("MRI cervical spine, standard protocol: ...")
        titles = "\n".join(
            head
            for line in body[:3000].splitlines()
            for head in (line, _LINE_HEAD_RE.split(line, maxsplit=1)[0])
            if _TITLE_LINE_RE.match(head)
        )
        if titles:
            for name, rx in self._modality:
                if rx.search(titles):
                    return name
        return "UNKNOWN"

    def _myelographic(self, technique: str) -> bool:
        """The technique names intrathecal contrast or a myelogram, not denied ("no
        intrathecal contrast")."""
        return any(
            not _DENIED_BEFORE_RE.search(technique[max(m.start() - 25, 0) : m.start()])
            for m in self._myelogram.finditer(technique)
        )

    def regions(self, title: str, levels: list[str]) -> list[str]:
        found: set[str] = set()
        for name, rx in self._regions:
            if rx.search(title):
                if name == "all":
                    found.update(_REGION_ORDER)
                else:
                    found.add(name)
        if not found:
            found.update(region_of(lvl) for lvl in levels)
        else:
            # A level far outside the titled region means the report covers it too.
            for lvl in levels:
                region = region_of(lvl)
                if region not in found and lvl not in ("T1-T2", "T2-T3"):
                    found.add(region)
        return [r for r in _REGION_ORDER if r in found]
