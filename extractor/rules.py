"""Loading and validating the versioned rule files in `patterns/`.

Every file is parsed into pydantic models with ``extra="forbid"`` (a misspelt key is an error, not a
silently ignored rule) and every token pattern is checked with spaCy's own validator. The ruleset
hash covers the bytes of every file, so a result names exactly the rules that produced it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from spacy.schemas import validate_token_pattern

from .schema import PathwayCategory

PATTERN_FILES = (
    "sections.json",
    "targets.json",
    "context.json",
    "lexicon.json",
    "modality.json",
    "pathway.json",
    "codes.json",
)

TokenPattern = list[dict[str, Any]]


class RuleFileError(ValueError):
    """A rule file is missing, malformed or inconsistent."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_ALT_RE = re.compile(r"\[([^\[\]]*)\]")
MAX_EXPANSIONS = 5000


def template_parts(template: str) -> list[list[str]]:
    """A template as its parts in order: the text between alternatives (one option each) and
    each '[a|b|]' group's options ('' = optional)."""
    parts: list[list[str]] = []
    pos = 0
    for m in _ALT_RE.finditer(template):
        parts.append([template[pos : m.start()]])
        parts.append(m.group(1).split("|"))
        pos = m.end()
    parts.append([template[pos:]])
    return parts


def expand_template(template: str) -> list[str]:
    """Expand '[a|b|]' alternatives ('' = optional) into plain phrases, whitespace-normalised."""
    out = [""]
    for options in template_parts(template):
        out = [a + b for a in out for b in options]
        if len(out) > MAX_EXPANSIONS:
            raise ValueError(
                f"template expands to more than {MAX_EXPANSIONS} phrases: {template!r}"
            )
    phrases = [" ".join(p.split()) for p in out]
    return list(dict.fromkeys(p for p in phrases if p))


def _check_templates(value: list[str]) -> list[str]:
    for template in value:
        if template.count("[") != template.count("]"):
            raise ValueError(f"unbalanced brackets in {template!r}")
        expand_template(template)
    return value


def _check_token_pattern(pattern: TokenPattern | None) -> TokenPattern | None:
    if pattern is None:
        return None
    if not pattern:
        raise ValueError("empty token pattern")
    errors = validate_token_pattern(pattern)
    if errors:
        raise ValueError(f"invalid token pattern: {errors}")
    return pattern


class SectionSpec(_Strict):
    category: Literal[
        "exam", "history", "technique", "comparison", "findings", "impression", "addendum"
    ]
    literal: str
    headers: list[str] = Field(min_length=1)
    line_headers: list[str] = Field(default_factory=list)


class SectionFile(_Strict):
    version: str
    description: str
    rules: list[SectionSpec]


TargetCategory = Literal[
    "FORAMINAL",
    "CANAL",
    "GENERIC_STENOSIS",
    "CORD",
    "CORD_LESION",
    "ROOT",
    "RED_FLAG_FRACTURE",
    "RED_FLAG_INSTABILITY",
    "RED_FLAG_INFECTION",
    "RED_FLAG_MALIGNANCY",
    "EXCLUDE",
    "EXCLUDE_LOCATION",
    "EXCLUDE_MIMIC",
    "NEUTRAL",
]


class TargetSpec(_Strict):
    literal: str
    category: TargetCategory
    phrases: list[str] = Field(min_length=1)

    _validate = field_validator("phrases")(classmethod(lambda cls, v: _check_templates(v)))

    def expanded(self) -> list[str]:
        return [p for t in self.phrases for p in expand_template(t)]


class TargetFile(_Strict):
    version: str
    description: str
    rules: list[TargetSpec]


ContextCategory = Literal[
    "NEGATED_EXISTENCE",
    "POSSIBLE_EXISTENCE",
    "HISTORICAL",
    "CHANGE_STABLE",
    "CHANGE_INCREASED",
    "CHANGE_NEW",
    "CHANGE_DECREASED",
    "RESOLVED",
    "REQUEST",
    "PSEUDO",
    "COMMA",
    "TERMINATE",
    "CAUSAL",
]


class ContextSpec(_Strict):
    literal: str
    category: ContextCategory
    direction: Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"]
    phrases: list[str] = Field(min_length=1)
    max_scope: int | None = Field(default=None, gt=0)
    max_targets: int | None = Field(default=None, gt=0)
    terminated_by: list[ContextCategory] | None = None
    allowed_types: list[TargetCategory] | None = None

    _validate = field_validator("phrases")(classmethod(lambda cls, v: _check_templates(v)))

    def expanded(self) -> list[str]:
        return [p for t in self.phrases for p in expand_template(t)]


class ContextFile(_Strict):
    version: str
    description: str
    rules: list[ContextSpec]
    # category -> categories whose modifiers end its scope (medspaCy's terminating_types), for
    # every rule of that category
    terminating_types: dict[ContextCategory, list[ContextCategory]] = Field(default_factory=dict)


LexiconLabel = Literal[
    "SEVERITY",
    "SIDE",
    "PREDICATE",
    "BLOCKER",
    "QUANTIFIER",
    "ANAPHOR",
    "CORD_COMPRESSION",
    "CORD_CONTACT",
    "CORD_SIGNAL",
    "PRIOR_MARK",
    "NOT_ACUTE",
    "NON_NEOPLASTIC",
    "FOCUS",
    "HEDGE",
    "CURRENT",
    "WIDENED",
    "LIMITED",
]


class LexiconEntry(_Strict):
    label: LexiconLabel
    id: str
    description: str | None = None
    phrases: list[str] = Field(default_factory=list)
    patterns: list[TokenPattern] = Field(default_factory=list)

    @field_validator("patterns")
    @classmethod
    def _patterns_valid(cls, value: list[TokenPattern]) -> list[TokenPattern]:
        for pattern in value:
            _check_token_pattern(pattern)
        return value

    _validate = field_validator("phrases")(classmethod(lambda cls, v: _check_templates(v)))

    def expanded(self) -> list[str]:
        return [p for t in self.phrases for p in expand_template(t)]

    @model_validator(mode="after")
    def _not_empty(self) -> LexiconEntry:
        if not self.phrases and not self.patterns:
            raise ValueError(f"lexicon entry {self.label}/{self.id} has no phrases or patterns")
        return self


class LexiconFile(_Strict):
    version: str
    description: str
    entries: list[LexiconEntry]


def _compiles(value: str) -> str:
    re.compile(value)
    return value


class _RegexRule(_Strict):
    regex: str

    _validate = field_validator("regex")(classmethod(lambda cls, v: _compiles(v)))


class ModalityRule(_RegexRule):
    modality: Literal["MRI", "CT", "CT_MYELOGRAM", "RADIOGRAPH"]


class RegionRule(_RegexRule):
    region: Literal["cervical", "thoracic", "lumbar", "all"]


class ModalityFile(_Strict):
    version: str
    description: str
    modality: list[ModalityRule]
    regions: list[RegionRule]


class PathwayThresholds(_Strict):
    injection_min_severity_imaging_only: Literal[
        "mild", "mild-moderate", "moderate", "moderate-severe", "severe"
    ]
    conservative_care_weeks_before_injection: float = Field(ge=0)
    conservative_care_weeks_before_surgery: float = Field(ge=0)
    early_symptom_weeks: float = Field(ge=0)


class PathwayRule(_Strict):
    id: str
    category: PathwayCategory
    text: str


class PathwayFile(_Strict):
    version: str
    description: str
    thresholds: PathwayThresholds
    disclaimer: str
    injection_safety_note: str
    rules: list[PathwayRule]

    @model_validator(mode="after")
    def _ids(self) -> PathwayFile:
        ids = [r.id for r in self.rules]
        expected = {f"IMG-{i}" for i in range(1, 6)} | {f"R{i}" for i in range(11)}
        if set(ids) != expected or len(ids) != len(set(ids)):
            raise ValueError(f"pathway rules must be exactly {sorted(expected)}")
        return self

    def rule(self, rule_id: str) -> PathwayRule:
        return next(r for r in self.rules if r.id == rule_id)


class CodesFile(_Strict):
    version: str
    description: str
    finding_codes: dict[Literal["foraminal_stenosis", "canal_stenosis"], list[str]]
    icd10cm_by_level: dict[str, str]
    level_codes: dict[str, str]
    laterality_codes: dict[Literal["left", "right", "bilateral"], str]
    post_operative_words: str

    _validate = field_validator("post_operative_words")(classmethod(lambda cls, v: _compiles(v)))


def default_patterns_dir() -> Path:
    """`FORAMEN_PATTERNS` if set, else the repository's `patterns/`, else the installed copy."""
    env = os.environ.get("FORAMEN_PATTERNS")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parent.parent / "patterns"
    if repo.is_dir():
        return repo
    import foramen_patterns  # installed package data (non-editable installs)

    return Path(foramen_patterns.__path__[0])


class RuleSet:
    """All rule files of one `patterns/` directory, validated."""

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_patterns_dir()
        raw: dict[str, bytes] = {}
        for name in PATTERN_FILES:
            path = self.directory / name
            try:
                raw[name] = path.read_bytes()
            except OSError as exc:
                raise RuleFileError(f"cannot read rule file {name}: {exc.strerror}") from None
        self._raw = raw
        self.sections = self._load("sections.json", SectionFile)
        self.targets = self._load("targets.json", TargetFile)
        self.context = self._load("context.json", ContextFile)
        self.lexicon = self._load("lexicon.json", LexiconFile)
        self.modality = self._load("modality.json", ModalityFile)
        self.pathway = self._load("pathway.json", PathwayFile)
        self.codes = self._load("codes.json", CodesFile)

    def _load(self, name: str, model: type[BaseModel]) -> Any:
        try:
            data = json.loads(self._raw[name].decode("utf-8"))
            return model.model_validate(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise RuleFileError(f"invalid rule file {name}: {exc}") from None

    @cached_property
    def sha256(self) -> str:
        digest = hashlib.sha256()
        for name in PATTERN_FILES:
            digest.update(name.encode())
            digest.update(b"\0")
            digest.update(self._raw[name])
        return digest.hexdigest()
