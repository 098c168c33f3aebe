"""Lint of the rule files in patterns/: valid, consistent, unique."""

import json
from collections import Counter
from pathlib import Path

import pytest

from extractor.rules import (
    PATTERN_FILES,
    RuleFileError,
    RuleSet,
    default_patterns_dir,
    expand_template,
)


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet()


def test_all_files_load_and_hash(rules: RuleSet) -> None:
    assert len(rules.sha256) == 64
    assert RuleSet().sha256 == rules.sha256


def test_literals_are_unique(rules: RuleSet) -> None:
    for name, items in (
        ("targets", [r.literal for r in rules.targets.rules]),
        ("context", [r.literal for r in rules.context.rules]),
        ("target phrases", [p for r in rules.targets.rules for p in r.expanded()]),
        ("context phrases", [p for r in rules.context.rules for p in r.expanded()]),
        ("sections", [r.literal for r in rules.sections.rules]),
    ):
        dupes = [k for k, n in Counter(items).items() if n > 1]
        assert not dupes, f"duplicate literals in {name}: {dupes}"


def test_lexicon_phrases_are_unique_within_a_label(rules: RuleSet) -> None:
    seen: dict[tuple[str, str], str] = {}
    for entry in rules.lexicon.entries:
        # the templates themselves are unique, and no phrase they expand to has two meanings
        templates = [p.lower() for p in entry.phrases]
        assert len(templates) == len(set(templates)), f"a template repeats in {entry.id}"
        for phrase in set(entry.expanded()):
            key = (entry.label, phrase.lower())
            assert seen.get(key, entry.id) == entry.id, (
                f"{phrase!r} in {entry.label} twice ({seen[key]}, {entry.id})"
            )
            seen[key] = entry.id


def test_section_headers_unique(rules: RuleSet) -> None:
    headers = [h for r in rules.sections.rules for h in r.headers]
    assert len(headers) == len(set(headers))


def test_terminated_by_names_a_category(rules: RuleSet) -> None:
    categories = {r.category for r in rules.context.rules}
    for r in rules.context.rules:
        for cat in r.terminated_by or []:
            assert cat in categories


def test_unknown_key_is_rejected(tmp_path: Path) -> None:
    _copy_rules(tmp_path)
    data = json.loads((tmp_path / "targets.json").read_text())
    data["rules"][0]["catgory"] = "FORAMINAL"
    (tmp_path / "targets.json").write_text(json.dumps(data))
    with pytest.raises(RuleFileError, match=r"targets\.json"):
        RuleSet(tmp_path)


def _copy_rules(tmp_path: Path) -> None:
    src = default_patterns_dir()
    for name in PATTERN_FILES:
        (tmp_path / name).write_bytes((src / name).read_bytes())


def test_bad_token_pattern_is_rejected(tmp_path: Path) -> None:
    _copy_rules(tmp_path)
    data = json.loads((tmp_path / "lexicon.json").read_text())
    data["entries"][0]["patterns"] = [[{"LOWR": "no"}]]
    (tmp_path / "lexicon.json").write_text(json.dumps(data))
    with pytest.raises(RuleFileError, match=r"(?s)lexicon\.json.*invalid token pattern"):
        RuleSet(tmp_path)


def test_bad_template_is_rejected(tmp_path: Path) -> None:
    _copy_rules(tmp_path)
    data = json.loads((tmp_path / "context.json").read_text())
    data["rules"][0]["phrases"] = ["no [significant|"]
    (tmp_path / "context.json").write_text(json.dumps(data))
    with pytest.raises(RuleFileError, match=r"(?s)context\.json.*unbalanced"):
        RuleSet(tmp_path)


def test_template_expansion() -> None:
    assert expand_template("[no|without] [significant|] stenosis") == [
        "no significant stenosis", "no stenosis", "without significant stenosis", "without stenosis"
    ]


def test_context_templates_matched_as_token_patterns_match_their_phrases(
    rules: RuleSet, extractor
) -> None:
    """A ConText template added as one token pattern matches every phrase it expands to, whole,
    and nothing of another length than a phrase."""
    from spacy.matcher import Matcher

    from extractor.pipeline import _token_patterns

    nlp = extractor.nlp
    converted = 0
    for rule in rules.context.rules:
        for template in rule.phrases:
            patterns = _token_patterns(nlp, template)
            if patterns is None:
                continue
            converted += 1
            assert all("OP" not in p[0] and isinstance(p[0]["LOWER"], str) for p in patterns)
            matcher = Matcher(nlp.vocab)
            matcher.add("T", patterns)
            phrases = expand_template(template)
            for phrase in phrases:
                doc = nlp.make_doc(phrase.lower())
                assert (0, len(doc)) in {(s, e) for _, s, e in matcher(doc)}, phrase
            lengths = {len(nlp.make_doc(p.lower())) for p in phrases}
            doc = nlp.make_doc(" ".join(phrases[:3]).lower())
            assert {e - s for _, s, e in matcher(doc)} <= lengths, template
    assert converted >= 5  # the large templates are matched as patterns
