"""Builds the spaCy + medspaCy pipeline from a validated `RuleSet`.

Pipeline (data flows one way):
  tokenizer -> foramen_segmenter (sentences from layout) -> foramen_sectionizer (sections)
  -> foramen_levels (level mentions) -> span_ruler (attribute vocabulary)
  -> medspacy_target_matcher (finding anchors) -> medspacy_context (assertion and change)

medspaCy is imported here and only here: its import silences every Python warning process-wide,
so the warning filters are restored afterwards, and its loguru loggers are disabled so that no
token text can ever reach a log.
"""

import itertools
import math
import re
import warnings
from bisect import bisect_right
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from . import levels as _levels  # noqa: F401  (registers the foramen_levels factory)
from . import segmenter as _segmenter  # noqa: F401  (registers the foramen_segmenter factory)
from .levels import LEVELS_KEY
from .rules import RuleSet, expand_template, template_parts
from .segmenter import doc_text

_saved_filters = list(warnings.filters)
try:
    from medspacy.context import ConText, ConTextGraph, ConTextModifier, ConTextRule
    from medspacy.section_detection import Section, Sectionizer, SectionRule
    from medspacy.target_matcher import TargetMatcher, TargetRule
finally:
    warnings.filters[:] = _saved_filters
    warnings.resetwarnings()
    for _flt in reversed(_saved_filters):
        warnings.filters.insert(0, _flt)
# medspaCy runs an empty token Matcher beside its PhraseMatcher when all rules are phrases.
warnings.filterwarnings("ignore", message=r"\[W036\]", category=UserWarning)
try:  # pragma: no cover - depends on optional loguru presence
    from loguru import logger as _loguru

    _loguru.disable("PyRuSH")
    _loguru.disable("medspacy")
except ImportError:  # pragma: no cover
    pass

TARGETS_KEY = "foramen_targets"


class SentenceConText(ConText):
    """medspaCy's ConText, run sentence by sentence.

    Modifier scopes never cross a sentence, so the modifier-modifier and modifier-target
    comparisons of the ConText graph are made within each sentence that has a target, instead of
    across the whole document; sentences without targets are skipped. Results are the same.
    """

    @property
    def token_matcher(self) -> Matcher:
        """The token matcher of medspaCy's rule matcher, to add more patterns to a rule."""
        return self._ConText__matcher._MedspacyMatcher__matcher  # type: ignore[attr-defined]

    @property
    def phrase_matcher(self) -> PhraseMatcher:
        """The phrase matcher of medspaCy's rule matcher, to add more phrases to a rule."""
        return self._ConText__matcher._MedspacyMatcher__phrase_matcher  # type: ignore[attr-defined]

    def __call__(self, doc: Doc, targets: str | None = None) -> Doc:  # type: ignore[override]
        spans = list(doc.spans[self.span_group_name])
        matcher = self._ConText__matcher  # type: ignore[attr-defined]
        sent_starts = [s.start for s in doc.sents]
        by_sentence: dict[int, list[Span]] = {}
        for span in spans:
            k = sent_starts[bisect_right(sent_starts, span.start) - 1]
            by_sentence.setdefault(k, []).append(span)
        modifiers_by_sentence: dict[int, list[ConTextModifier]] = {}
        for match_id, start, end in matcher(doc):
            k = sent_starts[bisect_right(sent_starts, start) - 1]
            if k not in by_sentence:
                continue
            rule = matcher.rule_map[self.nlp.vocab[match_id].text]
            modifiers_by_sentence.setdefault(k, []).append(
                ConTextModifier(rule, start, end, doc, max_scope=self.max_scope)
            )
        all_modifiers: list[ConTextModifier] = []
        edges = []
        level_tokens = {i for sp in doc.spans[LEVELS_KEY] for i in range(sp.start, sp.end)}
        graded = sorted(
            sp.start
            for sp in doc.spans[LEXICON_KEY]
            if sp.label_ == "SEVERITY" and sp.id_ in _GRADES
        )
        for k, sentence_targets in by_sentence.items():
            graph = ConTextGraph(prune_on_modifier_overlap=self.prune_on_target_overlap)
            graph.targets = sentence_targets
            graph.modifiers = _without_parenthetical_commas(
                doc, k, modifiers_by_sentence.get(k, [])
            )
            graph.update_scopes()
            _inside_brackets(doc, graph.modifiers)
            graph.apply_modifiers()
            all_modifiers.extend(graph.modifiers)
            edges.extend(
                _nearest_subject(
                    _graded_after_break(graph.edges, sentence_targets, level_tokens, graded),
                    sentence_targets,
                    level_tokens,
                )
            )
        for target, modifier in edges:
            target._.modifiers += (modifier,)
        if self.context_attributes_mapping:
            self.set_context_attributes(edges)
        doc._.context_graph = ConTextGraph(targets=spans, modifiers=all_modifiers, edges=edges)
        return doc


# Words that open a parenthetical insertion between commas: "The remaining foramina, including
# the left at C5-6, are patent" - the predicate after it still reaches the subject before it.
_INSERTION_OPENERS = frozenset(
    {
        "including",
        "particularly",
        "especially",
        "notably",
        "i.e.",
        "e.g.",
        "incl",
        "previously",
        "formerly",
        # a participle clause: "The left foraminal narrowing, graded mild on the prior study,
        # may now be moderate"
        "graded",
        "described",
        "reported",
        "characterized",
        "characterised",
        # a relative clause: "The right foramen, which was severely narrowed on the prior
        # study, is no longer narrowed"
        "which",
    }
)


# Words that show a comma opens a clause of its own, not the next noun of a list.
_CLAUSE_WORDS = frozenset(
    {
        "is", "are", "was", "were", "with", "which", "where", "but", "there", "show", "shows",
        "has", "have", "mild", "mildly", "moderate", "moderately", "severe", "severely",
        "marked", "minimal", "slight", "left", "right", "bilateral", "narrowing", "narrowed",
        "stenosis", "stenotic", "compromise", "encroachment", "no", "not", "without",
    }
)  # fmt: skip


# ... in a list closed by "or", the findings a denial lists ("without disc herniation, canal
# stenosis, or foraminal narrowing") are nouns of the list, not clauses
_OR_LIST_CLAUSE_WORDS = _CLAUSE_WORDS - {
    "narrowing", "stenosis", "compromise", "encroachment", "left", "right", "bilateral",
}  # fmt: skip


def _closes_noun_list(doc: Doc, i: int) -> bool:
    """A comma inside a short list of nouns that closes the sentence ("normal discs, canal and
    foramina.", "without disc herniation, canal stenosis, or foraminal narrowing."): the
    modifier before it reaches every noun of the list."""
    if doc[i].text != ",":
        return False
    words: list[str] = []
    for j in range(i + 1, min(i + 10, len(doc))):
        tok = doc[j]
        if tok.is_sent_start or tok.text in (".", ";", ":"):
            break
        words.append(tok.lower_)
    else:
        if i + 10 < len(doc):
            return False  # the rest of the sentence is no short list
    clause_words = _OR_LIST_CLAUSE_WORDS if "or" in words or "nor" in words else _CLAUSE_WORDS
    return (
        bool(words)
        and ("and" in words or "or" in words or "nor" in words)
        and words[-1] not in ("and", "or", "nor", ",")
        and all((w.isalpha() or w in (",", "-")) and w not in clause_words for w in words)
    )


def _without_parenthetical_commas(
    doc: Doc, sent_start: int, modifiers: list[ConTextModifier]
) -> list[ConTextModifier]:
    """The modifiers of one sentence without the clause breaks that only bracket an insertion;
    a backward scope that ends inside the insertion reaches as far again past it, so that the
    insertion does not count against the modifier's `max_scope`."""
    commas = sorted(
        (m for m in modifiers if m.category == "COMMA"), key=lambda m: m.modifier_span[0]
    )
    drop: set[int] = {id(c) for c in commas if _closes_noun_list(doc, c.modifier_span[0])}
    for a, b in itertools.pairwise(commas):
        i, j = a.modifier_span[0], b.modifier_span[0]
        if not (doc[i].text == "," and doc[j].text == "," and i + 1 < j):
            continue
        if doc[i + 1].lower_ not in _INSERTION_OPENERS and not _dated_insertion(
            doc, i, j, modifiers
        ):
            continue
        drop.update((id(a), id(b)))
        # the opener ends no scope either ("which" otherwise ends every scope it meets)
        drop.update(
            id(m) for m in modifiers if m.category == "TERMINATE" and m.modifier_span[0] == i + 1
        )
        for m in modifiers:
            start = m.scope_span[0]
            if m.modifier_span[0] > j and m.direction != "FORWARD" and i <= start <= j + 1:
                m._scope_start = max(sent_start, start - (j - i + 1))
            elif i < m.modifier_span[0] < j:
                # "Moderate canal stenosis, previously mild, with flattening of the cord": a
                # modifier inside the insertion stays inside it
                m._scope_start = max(m.scope_span[0], i + 1)
                m._scope_end = min(m.scope_span[1], j)
    return [m for m in modifiers if id(m) not in drop] if drop else modifiers


# Words that open the predicate after a subject and its insertion ("..., is no longer narrowed")
_PREDICATE_OPENERS = frozenset(
    {"is", "are", "now", "remains", "remain", "has", "have", "appears", "appear", "shows", "show"}
)


def _dated_insertion(doc: Doc, i: int, j: int, modifiers: list[ConTextModifier]) -> bool:
    """The words between the commas at i and j are an insertion that dates a past state of the
    subject before them, the predicate following it: "The left C5-6 foramen, severely narrowed
    preoperatively, is no longer narrowed"."""
    return (
        j - i <= 10
        and j + 1 < len(doc)
        and doc[j + 1].lower_ in _PREDICATE_OPENERS
        and any(m.category == "HISTORICAL" and i < m.modifier_span[0] < j for m in modifiers)
    )


def _inside_brackets(doc: Doc, modifiers: list[ConTextModifier]) -> None:
    """A modifier inside brackets does not reach past the closing one: in "moderate to severe
    right stenosis (previously mild) and mild left stenosis" "previously" dates only the
    bracket's grade. It may still look back before the opening one ("left foramen (patent)")."""
    for m in modifiers:
        start, end = m.modifier_span
        open_i = next(
            (i for i in range(start - 1, max(start - 12, -1), -1) if doc[i].text in ("(", ")")),
            None,
        )
        if open_i is None or doc[open_i].text != "(":
            continue
        close_i = next(
            (i for i in range(end, min(end + 12, len(doc))) if doc[i].text in ("(", ")")), None
        )
        if close_i is None or doc[close_i].text != ")":
            continue
        m._scope_end = min(m.scope_span[1], close_i)


class ReportSectionizer(Sectionizer):
    """medspaCy's Sectionizer, without the per-token `token._.section` it also sets.

    Sections are read from `doc._.sections` (a sorted list of spans); setting a Python attribute
    on every token of the report cost more than the rest of section detection. Each section runs
    from its header to the next header, as in medspaCy with no `max_scope`, no parent sections
    and no start/end-of-line requirement (this pipeline uses none of them); a header must open a
    line or a segment.
    """

    # header words -> the rule of "<header> :", for headers with a bracketed qualifier
    bracket_rules: dict[str, SectionRule]

    def __call__(self, doc: Doc) -> Doc:
        matcher = self._Sectionizer__matcher  # type: ignore[attr-defined]
        # a header opens a line or a segment ("... normal. IMPRESSION: ..."); a header word
        # inside a sentence is not one ("Compared with the MRI from 2 years prior: 1. ...")
        matches = [
            (start, end, matcher.rule_map[self.nlp.vocab.strings[match_id]])
            for match_id, start, end in matcher(doc)
            if _opens_segment(doc, start)
        ]
        matches = sorted(
            [*matches, *self._bracketed(doc), *self._appended_priors(doc)], key=lambda m: m[0]
        )
        sections: list[Section] = []
        starts = [start for start, _, _ in matches]
        if not starts or starts[0] != 0:
            sections.append(Section(None, 0, 0, 0, starts[0] if starts else len(doc)))
        ends = [*starts[1:], len(doc)] if starts else []
        for (start, end, rule), next_start in zip(matches, ends, strict=True):
            # a header is its own sentence, and the text after it starts another
            doc[start].sent_start = True
            if end < len(doc):
                doc[end].sent_start = True
            sections.append(Section(rule.category, start, end, end, next_start, None, rule))
        doc._.sections = sections
        return doc

    def _appended_priors(self, doc: Doc) -> list[tuple[int, int, SectionRule]]:
        """A line that introduces an earlier report copied below the current one ("PRIOR
        REPORT, MRI CERVICAL SPINE 06/2020 (for reference):"): everything after it is that
        earlier study's."""
        out = []
        for m in _APPENDED_PRIOR_RE.finditer(doc_text(doc)):
            span = doc.char_span(m.start("h"), m.end("h"), alignment_mode="expand")
            if span is not None:
                out.append((span.start, span.end, APPENDED_PRIOR_RULE))
        return out

    def _bracketed(self, doc: Doc) -> list[tuple[int, int, SectionRule]]:
        """Headers with a qualifier in brackets before the colon ("ADDENDUM (same day):",
        "FINDINGS (continued):"), found on the text: a token pattern per header would cost
        more than the rest of section detection."""
        out = []
        for m in _BRACKET_HEADER_RE.finditer(doc_text(doc)):
            rule = self.bracket_rules.get(" ".join(m.group("h").lower().split()))
            span = doc.char_span(m.start("h"), m.end(), alignment_mode="expand")
            if rule is not None and span is not None and _opens_segment(doc, span.start):
                out.append((span.start, span.end, rule))
        return out


APPENDED_PRIOR_RULE = SectionRule(literal="appended prior report", category="comparison")
_APPENDED_PRIOR_RE = re.compile(
    r"^[ \t]*(?:[-=*_]{3,}[ \t]*\n[ \t]*)?(?P<h>(?:prior|previous|outside|old|earlier|original)"
    r"[ \t]+(?:report|study|examination|exam|mri|ct)[^\n]{0,100}?(?:report|reference|comparison)"
    r"[^\n]{0,40}?:|(?:prior|previous|outside|old|earlier)[ \t]+report[^\n]{0,100}?:)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_BRACKET_HEADER_RE = re.compile(
    r"(?:^|(?<=[.:]\s))[ \t]*(?P<h>[A-Za-z][A-Za-z /&]{0,40}?)[ \t]*\([^()\n]{1,60}\)[ \t]*:",
    re.MULTILINE,
)


def _opens_segment(doc: Doc, start: int) -> bool:
    if start == 0 or doc[start].is_sent_start:
        return True
    prev = doc[start - 1]
    return "\n" in prev.whitespace_ or "\n" in prev.text


@Language.factory("foramen_sectionizer")
def make_report_sectionizer(nlp: Language, name: str) -> ReportSectionizer:
    return ReportSectionizer(
        nlp, name=name, rules=None, span_attrs=None, apply_sentence_boundary=True
    )


# Words that coordinate two targets under one predicate ("the foramina and canal are patent",
# "the left C6/7 foramen and both C7/T1 foramina are patent"); level mentions may stand among
# them too.
_COORDINATION = frozenset(
    {"and", "or", "nor", ",", "/", "&", "the", "as", "well", "both", "left", "right", "either"}
)


def _nearest_subject(
    edges: list[tuple[Span, ConTextModifier]], targets: list[Span], level_tokens: set[int]
) -> list[tuple[Span, ConTextModifier]]:
    """A negation placed after its targets belongs to the nearest subject and to the targets
    coordinated with it.

    It is dropped from a target when another target, not coordinated with it, stands in between:
    in "... foraminal narrowing R>L canal patent" "patent" is the canal's. It is extended to a
    coordinated target that its scope does not reach: in "the left C6/7 foramen and both C7/T1
    foramina are patent" both are patent.
    """
    if not edges:
        return edges
    doc = targets[0].doc

    def coordinated(a: Span, b: Span) -> bool:
        gap = doc[a.end : b.start]
        if not all(
            tok.lower_ in _COORDINATION
            or tok.i in level_tokens
            # "stenosis of the spinal canal and of the foramina"
            or (tok.lower_ == "of" and tok.i > 0 and doc[tok.i - 1].lower_ in _CONJUNCTIONS)
            for tok in gap
        ):
            return False
        # a finding and the structure named after it with no conjunction are two statements
        # run together ("mild right foraminal narrowing the left foramen is patent")
        return not _STATEMENT_NOUN_RE.search(a.text) or any(
            tok.lower_ in _CONJUNCTIONS or tok.text == "," for tok in gap
        )

    out = []
    for target, modifier in edges:
        m_start = modifier.modifier_span[0]
        if modifier.category == "NEGATED_EXISTENCE" and m_start >= target.end:
            between = [
                t
                for t in targets
                if target.end <= t.start and t.end <= m_start and not _inserted(doc, t, m_start)
            ]
            if not all(coordinated(target, t) for t in between):
                continue
        out.append((target, modifier))
    ordered = sorted(targets, key=lambda t: t.start)
    negated = {id(t) for t, m in out if m.category == "NEGATED_EXISTENCE"}
    for k in range(len(ordered) - 2, -1, -1):
        target, nxt = ordered[k], ordered[k + 1]
        if id(target) in negated or id(nxt) not in negated or not coordinated(target, nxt):
            continue
        gap = [tok.lower_ for tok in doc[target.end : nxt.start]]
        if not any(w in _CONJUNCTIONS for w in gap) or "," in gap:
            continue
        if _STATEMENT_NOUN_RE.search(target.text):
            continue  # "narrowing ... and the canal is patent": a statement, not a subject
        for t, m in list(out):
            if (
                t is nxt
                and m.category == "NEGATED_EXISTENCE"
                and m.modifier_span[0] >= nxt.end
                and m.allows(target.label_)
            ):
                out.append((target, m))
                negated.add(id(target))
                break
    # a negation before a list of structures reaches every one of them: "without narrowing of
    # the spinal canal or of the neural foramina"
    for k in range(len(ordered) - 1):
        target, nxt = ordered[k], ordered[k + 1]
        if id(target) not in negated or id(nxt) in negated:
            continue
        gap = [tok.lower_ for tok in doc[target.end : nxt.start]]
        if not (gap and set(gap) <= _LIST_JOINERS and set(gap) & _CONJUNCTIONS):
            continue
        for t, m in list(out):
            if (
                t is target
                and m.category == "NEGATED_EXISTENCE"
                and m.modifier_span[1] <= target.start
                and m.allows(nxt.label_)
            ):
                out.append((nxt, m))
                negated.add(id(nxt))
                break
    return out


# Severity ids of the lexicon that grade a finding present.
_GRADES = frozenset(
    {"mild", "mild-moderate", "moderate", "moderate-severe", "severe", "grade_1", "grade_1-2",
     "grade_2", "grade_2-3", "grade_3", "grade_4", "grade_low", "grade_middle"}
)  # fmt: skip


def _graded_after_break(
    edges: list[tuple[Span, ConTextModifier]],
    targets: list[Span],
    level_tokens: set[int],
    graded: list[int],
) -> list[tuple[Span, ConTextModifier]]:
    """A negation before its target does not reach it over a new statement: a grade that
    stands after a level or another finding opens one, as in unpunctuated dictation ("the
    right foramen is patent C6-7 mild right foraminal narrowing", "without cord deformity mild
    canal stenosis"). A grade right after the negation is negated ("no severe stenosis")."""
    if not graded or not edges:
        return edges
    doc = targets[0].doc
    named = level_tokens | {i for t in targets for i in range(t.start, t.end)}
    out = []
    for target, modifier in edges:
        m_end = modifier.modifier_span[1]
        if modifier.category == "NEGATED_EXISTENCE" and m_end <= target.start:
            lo = bisect_right(graded, m_end - 1)
            hi = bisect_right(graded, target.start - 1)
            # a negation that may also look back ("patent", "normal") does not grade what
            # follows it: "... is patent moderate canal stenosis"
            if graded[lo:hi] and (
                modifier.direction != "FORWARD"
                or any(_opens_statement(doc, m_end, g, named) for g in graded[lo:hi])
            ):
                continue
        out.append((target, modifier))
    return out


def _opens_statement(doc: Doc, lo: int, grade: int, named: set[int]) -> bool:
    """The grade at token `grade` follows a level or a finding named after token `lo` with no
    conjunction or comma between them ("patent C6-7 mild", not "no canal or minimal
    stenosis")."""
    for i in range(grade - 1, lo - 1, -1):
        if i in named:
            return True
        if doc[i].lower_ in _CONJUNCTIONS or doc[i].text == ",":
            return False  # a list: "No canal stenosis, severe foraminal narrowing or ..."
    return False


def _inserted(doc: Doc, t: Span, before: int) -> bool:
    """The target stands in an insertion between commas before token `before` ("The right
    foramen, which was narrowed by phlegmon in 10/2024, is no longer narrowed")."""
    i = t.start - 1
    while i >= 0 and doc[i].text != "," and not doc[i].is_sent_start:
        i -= 1
    if i < 0 or doc[i].text != "," or doc[i + 1].lower_ not in _INSERTION_OPENERS:
        return False
    return any(tok.text == "," for tok in doc[t.end : before])


_CONJUNCTIONS = frozenset({"and", "or", "nor", "/", "&"})
_LIST_JOINERS = _CONJUNCTIONS | {"of", "the", "both"}
# A target that states a finding ("foraminal narrowing") rather than naming a structure.
_STATEMENT_NOUN_RE = re.compile(r"narrow|stenos|encroach|compromis|impinge|compress", re.I)


@Language.factory("foramen_context")
def make_sentence_context(
    nlp: Language,
    name: str,
    rules: str | None,
    input_span_type: str,
    span_group_name: str,
    span_attrs: dict[str, dict[str, Any]] | None,
) -> SentenceConText:
    return SentenceConText(
        nlp,
        name=name,
        rules=rules,
        input_span_type=input_span_type,
        span_group_name=span_group_name,
        span_attrs=span_attrs,
    )


LEXICON_KEY = "foramen_lexicon"

# ConText category -> Span extension values it sets on the targets it modifies.
CONTEXT_ATTRIBUTES: dict[str, dict[str, object]] = {
    "NEGATED_EXISTENCE": {"is_negated": True},
    "POSSIBLE_EXISTENCE": {"is_uncertain": True},
    "HISTORICAL": {"is_historical": True},
    "RESOLVED": {"foramen_resolved": True},
    "REQUEST": {"foramen_request": True},
    "CHANGE_STABLE": {"foramen_change": "stable"},
    "CHANGE_INCREASED": {"foramen_change": "increased"},
    "CHANGE_NEW": {"foramen_change": "new"},
    "CHANGE_DECREASED": {"foramen_change": "decreased"},
}


def _register_extensions() -> None:
    for name, default in (
        ("is_negated", False),
        ("is_uncertain", False),
        ("is_historical", False),
        ("foramen_resolved", False),
        ("foramen_request", False),
        ("foramen_change", None),
    ):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


def _section_rules(rules: RuleSet) -> list[SectionRule]:
    out = []
    for spec in rules.sections.rules:
        for header in spec.headers:
            out.append(SectionRule(literal=f"{header} :", category=spec.category))
        for header in spec.line_headers:
            # A header alone on its line ("IMPRESSION\n").
            for newline in ("\n", "\n\n", "\n\n\n", "\n \n"):
                out.append(SectionRule(literal=f"{header}{newline}", category=spec.category))
    return out


# Typed and dictated reports often drop the space after punctuation ("at C5-6,severe",
# "C5-C6:Severe", "6;mild", "C5-6.Mild"): split there too, so the words stay matchable. Decimals
# ("8.5 mm"), numbers ("1,000") and abbreviations ("e.g.", "U.S.") are untouched.
_EXTRA_INFIXES = (
    r"(?<=[0-9A-Za-z])[,;:](?=[A-Za-z])",
    r"(?<=[0-9])\.(?=[A-Z][a-z])",
    r"(?<=[a-z]{2})\.(?=[A-Z])",
    r"(?<=[A-Z]{2})\.(?=[CTL][0-9])",
    r"(?<=[A-Za-z])\((?=[A-Za-z])",
    # a table cell bar with no spaces ("C2-3|Normal")
    r"\|",
)


def _tokenizer_for_reports(nlp: Language) -> None:
    # all special cases set at once: spaCy reloads every special case each time one is added
    rules = dict(nlp.tokenizer.rules or {})
    # "N.F." (neural foramen) is one token as spaCy reads capitals with stops; the lower-case
    # phrase the rules match it with must be one token too
    rules["n.f."] = [{"ORTH": "n.f."}]
    # "NF mild B/L": bilateral, not the left's "L."
    for form in ("B/L", "b/l", "B/l"):
        rules[form] = [{"ORTH": form}]
        rules[form + "."] = [{"ORTH": form}, {"ORTH": "."}]
    # grades written as runs of plus signs under a legend ("foramen right ++", "+ = mild")
    for n in range(2, 5):
        rules["+" * n] = [{"ORTH": "+" * n}]
    nlp.tokenizer.rules = rules
    infixes = [*nlp.Defaults.infixes, *_EXTRA_INFIXES]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def build_pipeline(rules: RuleSet) -> Language:
    """A fresh pipeline for ``rules``; build once per process and reuse."""
    _register_extensions()
    nlp = spacy.blank("en")
    _tokenizer_for_reports(nlp)
    nlp.add_pipe("foramen_segmenter")
    sectionizer: Sectionizer = nlp.add_pipe("foramen_sectionizer")
    with nlp.select_pipes(enable=[]):
        section_rules = _section_rules(rules)
        sectionizer.add(section_rules)
    sectionizer.bracket_rules = {
        r.literal[: -len(" :")]: r for r in section_rules if r.literal.endswith(" :")
    }
    nlp.add_pipe("foramen_levels")
    ruler = nlp.add_pipe(
        "span_ruler",
        name="foramen_lexicon",
        config={"spans_key": LEXICON_KEY, "phrase_matcher_attr": "LOWER", "validate": True},
    )
    ruler_patterns: list[dict[str, object]] = []
    for entry in rules.lexicon.entries:
        for phrase in entry.expanded():
            ruler_patterns.append({"label": entry.label, "id": entry.id, "pattern": phrase})
        for pattern in entry.patterns:
            ruler_patterns.append({"label": entry.label, "id": entry.id, "pattern": pattern})
    # as for the matchers below: the phrases need the tokenizer only, not the components before
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns)
    target_matcher: TargetMatcher = nlp.add_pipe(
        "medspacy_target_matcher",
        config={"result_type": "group", "span_group_name": TARGETS_KEY},
    )
    # medspaCy tokenises each phrase by running `nlp`: run only the tokenizer while adding rules.
    with nlp.select_pipes(enable=[]):
        target_matcher.add(
            [
                TargetRule(literal=phrase, category=t.category)
                for t in rules.targets.rules
                for phrase in t.expanded()
            ]
        )
    context: ConText = nlp.add_pipe(
        "foramen_context",
        config={
            "rules": None,
            "input_span_type": "group",
            "span_group_name": TARGETS_KEY,
            "span_attrs": CONTEXT_ATTRIBUTES,
        },
    )
    with nlp.select_pipes(enable=[]):
        # One ConText rule per rule of the file, matched by all its phrases: medspaCy would add
        # each phrase as a rule of its own, with a vocabulary entry for its id (tens of thousands
        # of them: most of the start-up time). Matches and modifiers are the same.
        # A template whose every option is one token is matched as one token pattern instead
        # ("[prior|previous|...] [mri|ct|...] [showed|...]": thousands of phrases).
        grouped: list[tuple[ConTextRule, list[str]]] = []
        for c in rules.context.rules:
            options = {
                "category": c.category,
                "direction": c.direction,
                "max_scope": c.max_scope,
                "max_targets": c.max_targets,
                "terminated_by": [
                    *(c.terminated_by or []),
                    *rules.context.terminating_types.get(c.category, []),
                ]
                or None,
                "allowed_types": set(c.allowed_types) if c.allowed_types else None,
            }
            phrases: list[str] = []
            for template in c.phrases:
                patterns = _token_patterns(nlp, template)
                if patterns is None:
                    phrases.extend(expand_template(template))
                else:
                    rule = ConTextRule(literal=template, pattern=patterns[0], **options)
                    grouped.append((rule, patterns[1:]))
            phrases = list(dict.fromkeys(phrases))
            if phrases:
                grouped.append((ConTextRule(literal=phrases[0], **options), phrases[1:]))
        context.add([rule for rule, _ in grouped])
        for rule, more in grouped:
            if not more:
                continue
            if rule.pattern is not None:
                context.token_matcher.add(rule._rule_id, more)
            else:
                docs = list(nlp.tokenizer.pipe(p.lower() for p in more))
                context.phrase_matcher.add(rule._rule_id, docs)
    return nlp


# templates with fewer phrases than this are added as phrases (a token pattern costs more to
# match than a phrase)
_PATTERN_MIN_PHRASES = 200


def _token_patterns(nlp: Language, template: str) -> list[list[dict[str, object]]] | None:
    """Token patterns matching exactly the phrases of `template` (lower case), when each of its
    options is one token or none; else None. Each pattern opens with one word: a set of words
    or an optional token first is tested at every token of every report, a word only where it
    stands."""
    pattern = _token_pattern(nlp, template)
    return None if pattern is None else _literal_first(pattern)


def _literal_first(pattern: list[dict[str, object]]) -> list[list[dict[str, object]]]:
    """`pattern` as patterns that each open with a required single word."""
    first, rest = pattern[0], pattern[1:]
    value = first["LOWER"]
    words = value["IN"] if isinstance(value, dict) else [value]  # type: ignore[index]
    if isinstance(value, str) and "OP" not in first:
        return [pattern]
    out = [[{"LOWER": w}, *rest] for w in words]
    if first.get("OP") == "?" and rest:
        out.extend(_literal_first(rest))
    return out


def _token_pattern(nlp: Language, template: str) -> list[dict[str, object]] | None:
    """The token pattern matching exactly the phrases of `template` (lower case), when each of
    its options is one token or none; else None."""
    parts = template_parts(template)
    if math.prod(len(options) for options in parts) < _PATTERN_MIN_PHRASES:
        return None  # (the product of the option counts: the phrases, before duplicates go)
    pattern: list[dict[str, object]] = []
    for options in parts:
        if len(options) == 1:
            text = " ".join(options[0].lower().split())
            pattern.extend({"LOWER": t.text} for t in nlp.make_doc(text) if text)
            continue
        words = [o.strip().lower() for o in options if o.strip()]
        if any(len(nlp.make_doc(w)) != 1 for w in words):
            return None
        token: dict[str, object] = {"LOWER": {"IN": words}}
        if len(words) < len(options):
            token["OP"] = "?"
        pattern.append(token)
    return pattern
