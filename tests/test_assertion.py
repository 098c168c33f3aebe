"""ConText regression sentences for radiology (including medspaCy's default-rule pitfalls)."""

import pytest

from extractor import Extractor
from extractor.grid import uncertain_cells

# (text, type, negated, uncertain, historical, change) of the single foraminal finding
CASES = [
    ("The patient is negative for foraminal stenosis at C5-6.", True, False, False, None),
    ("C5-6: Bilateral neural foramina are free.", True, False, False, None),
    ("C5-6: Left foraminal narrowing is doubtful.", False, True, False, None),
    ("FINDINGS: No further foraminal narrowing at C5-6.", True, False, False, None),
    ("No neural foraminal stenosis at C5-6.", True, False, False, None),
    ("Without foraminal narrowing at C5-6.", True, False, False, None),
    ("Foraminal narrowing is not identified at C5-6.", True, False, False, None),
    ("Foraminal stenosis at C5-6 is not evident.", True, False, False, None),
    ("The neural foramina at C5-6 are widely patent.", True, False, False, None),
    ("Possible mild left foraminal narrowing at C4-5.", False, True, False, None),
    ("Probable moderate left foraminal stenosis at C4-5.", False, True, False, None),
    ("Moderate left foraminal stenosis at C4-5 cannot be excluded.", False, True, False, None),
    ("Cannot exclude mild left foraminal stenosis at C4-5.", False, True, False, None),
    ("There may be some narrowing of the left foramen at C4-5.", False, True, False, None),
    ("Previously described left foraminal stenosis at C4-5.", False, False, True, None),
    ("Unchanged moderate left foraminal stenosis at C4-5.", False, False, False, "stable"),
    ("No change in the moderate left foraminal stenosis at C4-5.", False, False, False, "stable"),
    ("Moderate left foraminal stenosis at C4-5 is not significantly changed.", False, False, False, "stable"),
    ("Increased moderate left foraminal stenosis at C4-5.", False, False, False, "increased"),
    ("New moderate left foraminal stenosis at C4-5.", False, False, False, "new"),
    ("Improved left foraminal stenosis at C4-5, now mild.", False, False, False, "decreased"),
    ("Preoperatively there was severe left foraminal stenosis at C4-5.", False, False, True, None),
    ("Before the fusion the left C5-6 foramen was severely narrowed.", False, False, True, None),
    ("C4-C5: The right foramen is equivocally narrowed.", False, True, False, None),
    ("C4-C5: The right foramen is possibly mildly narrowed.", False, True, False, None),
    ("C5-6: The left foramen is no longer narrowed.", True, False, False, None),
    ("Possible narrowing of the left foramen at C5-6.", False, True, False, None),
    ("Possible narrowing of the left C5/6 foramen.", False, True, False, None),
    ("The left C5/6 foramen is possibly also narrowed, but is partly obscured.", False, True, False, None),
    ("Foramina C5/6: suspected narrowing on the left.", False, True, False, None),
]


@pytest.mark.parametrize(("text", "neg", "unc", "hist", "change"), CASES)
def test_assertion(extractor: Extractor, text: str, neg: bool, unc: bool, hist: bool,
                   change: str | None) -> None:
    found = [f for f in extractor.extract(text).findings if f.type == "foraminal_stenosis"]
    assert len(found) == 1
    f = found[0]
    assert (f.negated, f.uncertain, f.historical, f.change) == (neg, unc, hist, change)
    assert f.level == "C4-C5" or f.level == "C5-C6"


def test_scope_ends_at_semicolon(extractor: Extractor) -> None:
    r = extractor.extract("C5-6: No canal stenosis; severe left foraminal narrowing.")
    (f,) = [f for f in r.findings if f.type == "foraminal_stenosis"]
    assert not f.negated and f.severity == "severe"


def test_resolved_is_not_current(extractor: Extractor) -> None:
    r = extractor.extract("The previously seen left C5-6 foraminal narrowing has resolved.")
    assert r.foraminal_stenosis == {}


def test_hedged_elliptical_clause_is_uncertain(extractor: Extractor) -> None:
    text = (
        "FINDINGS:\nC3-4: There may be minimal left foraminal narrowing; this is equivocal.\n"
        "IMPRESSION: Equivocal minimal left C3-4 narrowing. Mild right C5-6 foraminal narrowing; "
        "mild left narrowing."
    )
    r = extractor.extract(text)
    assert r.foraminal_stenosis == {"C3-C4": {"left": "mild"}, "C5-C6": {"left": "mild", "right": "mild"}}
    uncertain = {
        (f.level, f.side) for f in r.findings if f.type == "foraminal_stenosis" and f.uncertain
    }
    certain = {
        (f.level, f.side) for f in r.findings if f.type == "foraminal_stenosis" and not f.uncertain
    }
    assert ("C3-C4", "left") in uncertain and ("C3-C4", "left") not in certain
    assert ("C5-C6", "left") in certain and ("C5-C6", "left") not in uncertain


# (text, {(level, side): (negated, uncertain)}) of every foraminal finding: a forward negation or
# hedge covers a later target with a grade of its own only when no comma separates them
SCOPE_CASES = [
    ("C5-6: No canal stenosis, moderate left foraminal narrowing.", {("C5-C6", "left"): (False, False)}),
    ("C5-6: No canal stenosis and moderate left foraminal narrowing.", {("C5-C6", "left"): (False, False)}),
    ("C5-6: No disc herniation, severe left foraminal stenosis.", {("C5-C6", "left"): (False, False)}),
    ("C5-6: No canal or foraminal stenosis.", {("C5-C6", "unspecified"): (True, False)}),
    (
        "Possible mild left foraminal narrowing at C4-5, and severe right foraminal stenosis at C5-6.",
        {("C4-C5", "left"): (False, True), ("C5-C6", "right"): (False, False)},
    ),
    (
        "Possible mild left foraminal narrowing at C4-5 and canal stenosis at C5-6.",
        {("C4-C5", "left"): (False, True)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SCOPE_CASES)
def test_scope_across_anchors(extractor: Extractor, text: str, expected: dict) -> None:
    found = {
        (f.level, f.side): (f.negated, f.uncertain)
        for f in extractor.extract(text).findings
        if f.type == "foraminal_stenosis"
    }
    assert found == expected


@pytest.mark.parametrize(
    ("text", "severity", "uncertain"),
    [
        ("C5-6: Mild (possibly moderate) right foraminal stenosis.", "mild-moderate", False),
        ("C5-6: Moderate (possibly severe) right foraminal stenosis.", "moderate-severe", False),
        ("C5-6: Moderate or severe right foraminal stenosis.", "moderate-severe", False),
        ("C5-6: Possibly moderate right foraminal stenosis.", "moderate", True),
    ],
)
def test_range_in_one_phrase_is_a_half_step_not_a_hedge(
    extractor: Extractor, text: str, severity: str, uncertain: bool
) -> None:
    (f,) = [f for f in extractor.extract(text).findings if f.type == "foraminal_stenosis"]
    assert (f.level, f.side, f.severity, f.uncertain) == ("C5-C6", "right", severity, uncertain)


def test_a_hedge_before_one_level_of_a_list_is_that_level_s(extractor: Extractor) -> None:
    """'narrowing of the left C5/6 foramen and possibly C6/7': only C6/7 is uncertain."""
    result = extractor.extract(
        "IMPRESSION: Bony narrowing of the left C5/6 exit foramen and possibly C6/7."
    )
    assert result.foraminal_stenosis == {
        "C5-C6": {"left": "unspecified"},
        "C6-C7": {"left": "unspecified"},
    }
    assert uncertain_cells(result.findings, result.foraminal_stenosis) == ["C6-C7:left"]


UNCERTAIN_CELL_CASES = [
    ("a hedge after a participle insertion", "C6-7: The left foraminal narrowing, graded mild on the prior study, may now be moderate.", ["C6-C7:left"]),
    ("'would be difficult to exclude'", "C4-5: Moderate right foraminal narrowing would be difficult to exclude given the motion.", ["C4-C5:right"]),
    ("a hedge before a degree phrase", "C5/6: osteophytes encroach on the right C5/6 exit foramen, possibly to a moderate degree.", ["C5-C6:right"]),
    ("'though this is equivocal' looks back", "C5-6: the left foramen appears mildly narrowed, though this is equivocal.", ["C5-C6:left"]),
    ("a hedge on the later side only", "C4-5: Moderate right and suspected severe left neural foraminal stenosis.", ["C4-C5:left"]),
    ("a hedge on each side", "Impression: Questionable mild left C4-5 and possible mild left C5-6 foraminal narrowing.", ["C4-C5:left", "C5-C6:left"]),
    ("'there is equivocal' after a clause break", "IMPRESSION: No convincing neural compromise; there is equivocal right C4/5 exit foraminal narrowing.", ["C4-C5:right"]),
    ("'likely causing moderate'", "C6-C7: Left uncovertebral hypertrophy, likely causing moderate left neural foraminal narrowing.", ["C6-C7:left"]),
    (
        "a hedge stops at a structure that opens its own clause",
        "C6/7: a left foraminal osteophyte severely narrows the left exit foramen with probable impingement of the exiting left C7 root the right exit foramen is mildly narrowed.",
        [],
    ),
    (
        "a hedged upper grade after a comma makes a range, not a hedged finding",
        "C4-5: Moderate right foraminal stenosis, possibly severe.",
        [],
    ),
    ("a hedge on the verb that causes the finding covers every side it names", "At C5/6, uncovertebral spurring probably causes severe left and moderate right exit foraminal narrowing.", ["C5-C6:left", "C5-C6:right"]),
    ("a hedge before a side the label's statement goes on to", "C6-C7: Neural foramina: likely right narrowing (partial volume limits), left patent", ["C6-C7:right"]),
    ("'(possible)' after a grade hedges it", "C6-7: Foramen Rt grade 2 (possible). Left foramen patent.", ["C6-C7:right"]),
    (
        "a hedged change is not a hedged finding",
        "C4-5: The left foraminal narrowing is again seen, perhaps slightly more pronounced than before.",
        [],
    ),
    ("a hedge on the finding's relevance to the symptoms is no hedge on the finding", "Impression: Moderate left C5/6 foraminal narrowing may account for the left arm symptoms. Right C4-C5 foraminal narrowing from a prominent uncovertebral spur, likely relevant to the patient's right arm symptoms.", []),
    ("'but this is not confirmed' looks back over a level list", "Left foramina: on the axial images there appears to be mild narrowing of the left foramina at C4-5, C5-6 and C6-7, but this is not confirmed on the oblique reformats and may be related to head rotation.", ["C4-C5:left", "C5-C6:left", "C6-C7:left"]),
    ("a definite ungraded narrowing leaves a hedged grade uncertain", "Findings: At C5/6 a disc-osteophyte complex narrows the right exit foramen.\nOpinion: Right C5/6 disc-osteophyte complex, probably causing moderate right exit foraminal narrowing.", ["C5-C6:right"]),
    ("a definite grade makes the cell certain beside a hedged worse one", "Findings: C5-C6: mild right foraminal narrowing.\nImpression: On the sagittal images, moderate right C5-C6 foraminal narrowing cannot be excluded.", []),
    ("'the sagittal images suggest' hedges", "Findings: A C6-7 disc-osteophyte complex is present, and the sagittal images suggest moderate right foraminal narrowing at C6-7.", ["C6-C7:right"]),
    ("a hedge on the finding stays beside a relevance clause", "Impression: Possible mild right C3-4 foraminal narrowing, which could be relevant to the right C4 symptoms.", ["C3-C4:right"]),
]


@pytest.mark.parametrize(("name", "text", "expected"), UNCERTAIN_CELL_CASES, ids=[c[0] for c in UNCERTAIN_CELL_CASES])
def test_uncertain_cells(extractor: Extractor, name: str, text: str, expected: list[str]) -> None:
    result = extractor.extract(text)
    assert uncertain_cells(result.findings, result.foraminal_stenosis) == expected
