"""Whole-result table tests: canal grid, cord, red flags, modality, regions and pathway."""

import pytest

from extractor import Extractor

MRI = "EXAM: MRI CERVICAL SPINE WITHOUT CONTRAST\nFINDINGS:\n"
ALL_CANAL_NONE = {lv: "none" for lv in ("C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1")}

CASES = [
    (
        "degenerative injection candidate",
        MRI + "C5-C6: Moderate right foraminal stenosis. Mild central canal stenosis.\n"
        "C6-C7: Normal.\nIMPRESSION: Moderate right C5-6 foraminal stenosis.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild", "C6-C7": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "uncertain moderate stays conservative",
        MRI + "C5-6: Possible moderate left foraminal narrowing.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "cord flattening is compression",
        MRI + "C5-6: Disc osteophyte complex flattens the ventral cord. Moderate canal stenosis. "
        "No cord signal abnormality.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "moderate"},
         "cord": (["C5-C6"], False), "red_flags": [], "pathway": "surgical_review"},
    ),
    (
        "contact is not compression",
        MRI + "C6-7: Left paracentral protrusion contacting the ventral cord without compression. "
        "Mild left foraminal narrowing.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "severe canal with compression is urgent",
        MRI + "C4-5: Severe central canal stenosis with cord compression.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "severe"},
         "cord": (["C4-C5"], False), "red_flags": [], "pathway": "urgent_surgical_review"},
    ),
    (
        "cord signal is urgent",
        MRI + "C4-5: Cord compression with associated T2 hyperintense intramedullary signal, "
        "compatible with myelomalacia.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": (["C4-C5"], True),
         "red_flags": [], "pathway": "urgent_surgical_review"},
    ),
    (
        "T2 is a sequence, not a thoracic vertebra",
        MRI + "C4-C5: Severe canal stenosis. Focal T2 hyperintense signal within the cord, new "
        "since prior.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "severe"},
         "cord": ([], True), "red_flags": [], "pathway": "urgent_surgical_review"},
    ),
    (
        "cord signal abnormality named in the impression",
        MRI + "IMPRESSION:\n1. Moderate C4-5 canal stenosis with cord signal abnormality.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "moderate"},
         "cord": ([], True), "red_flags": [], "pathway": "urgent_surgical_review"},
    ),
    (
        "signal at a thoracic vertebra is not the cervical cord's",
        "MRI THORACIC SPINE\nFINDINGS: Mild T4-5 disc bulge. T2 hyperintense signal within the "
        "cord at T4.",
        {"modality": "MRI", "regions": ["thoracic"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "a region header keeps its statements out of the cervical grid",
        "MRI WHOLE SPINE. Cervical: Mild left C5-6 foraminal narrowing and mild canal stenosis. "
        "Thoracic: No stenosis. Lumbar: Moderate bilateral L5-S1 foraminal stenosis.",
        {"modality": "MRI", "regions": ["cervical", "thoracic", "lumbar"],
         "canal": {"C5-C6": "mild"}, "cord": ([], False), "red_flags": [],
         "pathway": "conservative_care"},
    ),
    (
        "normal cord signal is not abnormal",
        MRI + "The spinal cord is normal in caliber and signal. C5-6: Mild right foraminal narrowing.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "canal from a measurement sentence",
        MRI + "The central canal measures 8 mm in AP dimension at C5-6, consistent with severe "
        "stenosis. C3-4: The thecal sac is mildly narrowed. C4-5: A bulge effaces the ventral "
        "thecal sac.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C3-C4": "mild", "C5-C6": "severe"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "canal field with an elliptical clause",
        MRI + "Central canal: moderate stenosis at C5-6 (AP 9 mm); mild at C4-5 and C6-7.\n"
        "C2-3 and C3-4 show no significant stenosis.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {"C2-C3": "none", "C3-C4": "none", "C4-C5": "mild", "C5-C6": "moderate",
                   "C6-C7": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "fracture red flag",
        "CT CERVICAL SPINE WITHOUT CONTRAST\nFINDINGS: Acute nondisplaced fracture of the C6 "
        "lamina. Mild bilateral foraminal narrowing at C5-6.",
        {"modality": "CT", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": ["fracture"], "pathway": "red_flag_workup"},
    ),
    (
        "negated and old fractures are not red flags",
        "CT CERVICAL SPINE\nFINDINGS: No acute fracture. Old healed C7 spinous process fracture. "
        "Degenerative anterolisthesis of C4 on C5.",
        {"modality": "CT", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "infection",
        MRI + "Disc space T2 hyperintensity and endplate erosion at C5-6 with epidural phlegmon, "
        "concerning for discitis-osteomyelitis.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": ["infection"], "pathway": "red_flag_workup"},
    ),
    (
        "malignancy",
        MRI + "Marrow replacing lesion of the C6 vertebral body with epidural extension, "
        "concerning for metastasis.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": ["malignancy"], "pathway": "red_flag_workup"},
    ),
    (
        "benign mimics",
        MRI + "Typical hemangioma in the C5 vertebral body. Schmorl node at C6. No suspicious "
        "marrow lesion.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "instability",
        "RADIOGRAPHS CERVICAL SPINE WITH FLEXION AND EXTENSION VIEWS\nFINDINGS: 4 mm anterolisthesis "
        "of C4 on C5 on flexion, reducing in extension, consistent with instability.",
        {"modality": "RADIOGRAPH", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": ["instability"], "pathway": "red_flag_workup"},
    ),
    (
        "CT myelogram",
        "CT MYELOGRAM CERVICAL SPINE\nFINDINGS: C6-7: Severe left foraminal stenosis.",
        {"modality": "CT_MYELOGRAM", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "lumbar only",
        "MRI LUMBAR SPINE\nFINDINGS: L4-5: Severe bilateral foraminal stenosis. The remaining "
        "levels are unremarkable.",
        {"modality": "MRI", "regions": ["lumbar"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'the remaining findings' is not a level quantifier",
        MRI + "C6-7: Severe right foraminal stenosis. The remaining findings, including mild "
        "canal stenosis at C6-7, are unchanged.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C6-C7": "mild"}, "cord": ([], False),
         "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "table canal cell with a narrowing noun",
        MRI + "Level | Canal | Left foramen | Right foramen\nC5/6 | mild stenosis | mild | normal\n"
        "C6/7 | no stenosis | normal | normal",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild", "C6-C7": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "vertebral span is the lesion's extent, the disc level places the cord",
        MRI + "A ventral epidural collection extends from C4 to C6 and flattens the ventral cord "
        "at C5-6. Continuous OPLL from C3 to C6 with severe central canal stenosis at C4-5 and "
        "cord flattening.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "severe"},
         "cord": (["C4-C5", "C5-C6"], False), "red_flags": [],
         "pathway": "urgent_surgical_review"},
    ),
    (
        "vertebral span alone places the cord",
        MRI + "OPLL from C3 to C6 compresses the cord.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {},
         "cord": (["C3-C4", "C4-C5", "C5-C6"], False), "red_flags": [],
         "pathway": "surgical_review"},
    ),
    (
        "'central or foraminal' names the canal",
        MRI + "C6-7: No significant central or neural foraminal stenosis.\n"
        "C4-5: Mild central and moderate left foraminal stenosis.\n"
        "C5-6: Small central and left paracentral disc protrusion.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "mild", "C6-C7": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "clinical myelopathy is not cord signal",
        MRI + "The cord is normal in signal. Myelopathic signs should be sought clinically.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "perched facet and traumatic listhesis are instability",
        "CT CERVICAL SPINE\nFINDINGS: Acute right C6 superior articular process fracture with a "
        "perched right C5-C6 facet and traumatic anterolisthesis.",
        {"modality": "CT", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": ["fracture", "instability"], "pathway": "red_flag_workup"},
    ),
    (
        "a level stated normal after a canal line is not a canal grade",
        MRI + "C5-C6 level: Mild bilateral neural foraminal narrowing. Canal patent.\n"
        "C6-C7 level: No significant abnormality.\nC7-T1 level: No significant abnormality.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {"C5-C6": "none", "C6-C7": "none", "C7-T1": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "thoracic cord findings are not the cervical cord's",
        "MRI WHOLE SPINE\nFINDINGS:\nCervical spine: C5-6: mild left foraminal narrowing. Cervical cord "
        "signal is normal.\nThoracic spine: Epidural tumour at T8 compresses the thoracic cord, "
        "with T2 hyperintensity in the cord at T8.",
        {"modality": "MRI", "regions": ["cervical", "thoracic", "lumbar"], "canal": {}, "cord": ([], False),
         "red_flags": ["malignancy"], "pathway": "red_flag_workup"},
    ),
    (
        "NCCT title; suspicious is uncertain; cord surface flattened",
        "NCCT CERVICAL SPINE\nFindings:\nC3-4: Suspicious mild narrowing of left neural foramen.\n"
        "C5-C6: disc bulge flattening the ventral surface of the cord, with moderate spinal canal stenosis.",
        {"modality": "CT", "regions": ["cervical"], "canal": {"C5-C6": "moderate"},
         "cord": (["C5-C6"], False), "red_flags": [], "pathway": "surgical_review"},
    ),
    (
        "a canal expanded by laminoplasty is not a canal grade",
        MRI + "Status post open-door laminoplasty C3 to C6 with expansion of the spinal canal. "
        "There is no residual compression of the spinal cord.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'the remaining levels are normal' covers levels not discussed at all",
        MRI + "At C5/6 a disc bulge causes mild narrowing of both exit foramina. At C6/7 the canal "
        "and exit foramina are of normal calibre. The remaining levels are normal.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {"C2-C3": "none", "C3-C4": "none", "C4-C5": "none", "C6-C7": "none",
                   "C7-T1": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "a stenosis after a semicolon continues the canal",
        MRI + "C4-5: Disc bulge. AP canal diameter 9 mm with effacement of the ventral CSF; mild "
        "stenosis.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "a conditional recommendation asserts nothing",
        "CT CERVICAL SPINE\nFINDINGS: Acute nondisplaced left C6 laminar fracture. No malalignment. "
        "Recommend MRI if ligamentous injury is clinically suspected.",
        {"modality": "CT", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": ["fracture"], "pathway": "red_flag_workup"},
    ),
    (
        "a level list after a copula stays with its anchor",
        MRI + "The canal is mildly narrowed at C5-6 and C6-7 without cord deformity, and cord "
        "signal is normal.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild", "C6-C7": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "history section is not the study",
        "CLINICAL HISTORY: History of breast cancer, prior C5 fracture.\n" + MRI
        + "C5-6: Mild left foraminal narrowing.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "'both of these levels' reaches back to a pair",
        MRI + "C4/5 and C5/6 are the two abnormal levels. At the former, the right exit foramen is "
        "moderately narrowed. At the latter there is mild left foraminal narrowing. The central "
        "canal is mildly narrowed at both of these levels.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "mild", "C5-C6": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "a quantifier naming the cervical levels in a two-region study",
        "MRI CERVICAL AND UPPER THORACIC SPINE\nFINDINGS: C5-6: mild left foraminal narrowing. "
        "Moderate right foraminal narrowing at T1-2. The canal is of normal calibre at all "
        "cervical and thoracic levels.",
        {"modality": "MRI", "regions": ["cervical", "thoracic"],
         "canal": {lv: "none" for lv in ("C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1")},
         "cord": ([], False), "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "cord signal that could not be assessed is not abnormal",
        "CT MYELOGRAM CERVICAL SPINE\nFINDINGS: C5-C6: moderate canal stenosis with indentation of "
        "the ventral cord. Intramedullary signal cannot be assessed by this technique.",
        {"modality": "CT_MYELOGRAM", "regions": ["cervical"], "canal": {"C5-C6": "moderate"},
         "cord": (["C5-C6"], False), "red_flags": [], "pathway": "surgical_review"},
    ),
    (
        "hard-wrapped lines keep the level of a sentence ending on the line",
        MRI + "FINDINGS: At C5-6 there is a broad-based disc osteophyte complex with\n"
        "bilateral uncovertebral hypertrophy resulting in moderate right and severe\n"
        "left neural foraminal narrowing. There is mild central canal stenosis. At\n"
        "C6-7 there is mild left foraminal narrowing.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "no canal stenosis, then a graded foramen after a comma",
        MRI + "C5-6: No canal stenosis, moderate left foraminal narrowing.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "a grade adverb before a cord verb stays with the verb",
        MRI + "C5-6: Severe canal stenosis mildly flattens the ventral cord.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "severe"},
         "cord": (["C5-C6"], False), "red_flags": [], "pathway": "urgent_surgical_review"},
    ),
    (
        "a header word inside a sentence does not open a section",
        MRI + "IMPRESSION:\nCompared with the MRI from 2 years prior:\n"
        "1. At C5-6, foraminal stenosis is now moderate on the left (previously mild).\n"
        "2. Stable moderate central canal stenosis at C5-6.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "moderate"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "remaining levels unremarkable, without canal or foraminal narrowing: levels not discussed",
        MRI + "C5-6: Disc osteophyte complex indents the ventral thecal sac. Moderate left foraminal "
        "narrowing.\nC6-7: Mild canal stenosis.\nThe remaining disc levels are unremarkable "
        "without significant spinal canal or neural foraminal narrowing.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {"C2-C3": "none", "C3-C4": "none", "C4-C5": "none", "C6-C7": "mild", "C7-T1": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "'the stenosis is severe' grades the canal stenosis just named",
        MRI + "C5-6: Canal stenosis. The stenosis is severe.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "severe"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "preoperative canal and cord are history",
        MRI + "ACDF at C5-6. The canal is now capacious; preoperatively the canal was severely "
        "narrowed at C5-6 with cord compression.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'the remaining neural foramina are patent' says nothing of the canal",
        MRI + "C5-6: Moderate right foraminal narrowing and mild canal stenosis. The remaining "
        "neural foramina are patent.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "'the canal is no longer narrowed' is a current negative",
        MRI + "The canal is no longer narrowed at C5-6.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'remaining levels' does not reach a canal expanded by surgery",
        MRI + "Laminoplasty C3 to C6 with expansion of the spinal canal. No canal stenosis at the "
        "remaining levels.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {"C2-C3": "none", "C6-C7": "none", "C7-T1": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'no cervical canal stenosis' speaks of the region, not of the level just named",
        "MRI TOTAL SPINE\nCERVICAL: C5-6 disc bulge with mild bilat NF narrowing. C6-7 "
        "uncovertebral hypertrophy with mod L NF narrowing. No cervical canal stenosis.\n"
        "LUMBAR: L4-5 moderate canal stenosis.",
        {"modality": "MRI", "regions": ["cervical", "thoracic", "lumbar"], "canal": {},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "'these levels' after a run of one-level sentences is the run",
        MRI + "C3-4: mild left foraminal narrowing. C4-5: mild left foraminal narrowing. No canal "
        "stenosis at these levels.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C3-C4": "none", "C4-C5": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "'without stenosis' after the canal is the canal's, and 'all levels' quantifies",
        MRI + "C7-T1: patent bilaterally.\nThe central canal measures at least 12 mm AP at all "
        "levels without stenosis.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {lv: "none" for lv in ("C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1")},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "a list flattened onto one line with bullets",
        "MRI CERVICAL SPINE • Findings: • C2-3: normal • C4-5: right paracentral extrusion, the "
        "right foramen moderately narrowed; moderate canal stenosis • C7-T1: normal • "
        "IMPRESSION: • Moderate canal stenosis at C4-5",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {"C2-C3": "none", "C4-C5": "moderate", "C7-T1": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "the exam title below an addendum placed first",
        "ADDENDUM: On re-review there is moderate narrowing of the left C7-T1 neural foramen.\n\n"
        "MRI CERVICAL SPINE\nClinical information: Left hand weakness.\nTechnique: Standard "
        "protocol.\nFindings: C6-C7: No stenosis.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C6-C7": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "'normal in calibre at the other levels' under a canal label",
        MRI + "The central canal: Mildly narrowed at C5-6 by a broad disc-osteophyte complex. "
        "Normal in calibre at the other levels.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {"C2-C3": "none", "C3-C4": "none", "C4-C5": "none", "C5-C6": "mild",
                   "C6-C7": "none", "C7-T1": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "an abscess 'from C5 to C6' flattening the cord is at C5-C6",
        MRI + "C5-6 discitis. Prevertebral phlegmon extends from C4 to C7. A ventral epidural "
        "abscess from C5 to C6 flattens the ventral cord.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {},
         "cord": (["C5-C6"], False), "red_flags": ["infection"], "pathway": "red_flag_workup"},
    ),
    (
        "a grade before two whole noun phrases is the first one's",
        MRI + "Severe bilateral neural foraminal stenosis and spinal canal stenosis at C5-C6.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "unspecified"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "'the spinal canal is not narrow'; 'rachidian canal of normal amplitude at all levels'",
        MRI + "The C4/5 disc bulges slightly, the spinal canal is not narrow.\n"
        "Rachidian canal of normal amplitude at all levels. C7-T1: nothing to report.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {lv: "none" for lv in ("C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1")},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'impression on the cord' is compression",
        MRI + "Conclusion: Disco-osteophytic complex C5-C6 with impression on the cord and "
        "moderate canal stenosis.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "moderate"},
         "cord": (["C5-C6"], False), "red_flags": [], "pathway": "surgical_review"},
    ),
    (
        "'at the operated levels' are the levels of the ACDF",
        MRI + "ACDF C4-C6. At the operated levels the canal is patent. The level below, C6-C7, "
        "shows mild canal narrowing.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {"C4-C5": "none", "C5-C6": "none", "C6-C7": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "a developmentally narrow canal takes no level from the sentence before",
        "Cervical spine radiographs: AP, lateral, both obliques.\nImpression: Advanced spondylosis "
        "at C3-4 and C4-5 with marked left foraminal narrowing at both levels. Developmentally "
        "narrow canal; MRI could be obtained if there are myelopathic symptoms.",
        {"modality": "RADIOGRAPH", "regions": ["cervical"], "canal": {},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "'AP LAT OBL' is a radiograph series; 'Know' dictated for 'No'",
        "C SPINE AP LAT OBL\nObliques: The right C5-6 neural foramen is moderately narrowed. "
        "Know cord compression.",
        {"modality": "RADIOGRAPH", "regions": ["cervical"], "canal": {},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "a level after two coordinated findings is both of theirs",
        MRI + "C5-6 discitis-osteomyelitis with ventral epidural abscess from C4 to C6, causing "
        "moderate canal stenosis and mild cord flattening at C5-6.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "moderate"},
         "cord": (["C5-C6"], False), "red_flags": ["infection"], "pathway": "red_flag_workup"},
    ),
    (
        "a negation ends at 'and there is'",
        MRI + "At C5-6 the bulge touches the ventral cord surface without deforming it and there "
        "is mild central canal narrowing.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'medulla', 'myelum' and 'medullary canal' are the cord and the canal",
        MRI + "C5-C6: protrusion that reduces the diameter of the medullary canal to 9 mm, with "
        "moderate stenosis of the medullary canal and deformity of the anterior face of the "
        "medulla.\nC6-C7: The myelum is slightly impressed ventrally.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "moderate"},
         "cord": (["C5-C6", "C6-C7"], False), "red_flags": [], "pathway": "surgical_review"},
    ),
    (
        "'simple tomography' is CT",
        "SIMPLE TOMOGRAPHY OF CERVICAL SPINE\nC5-C6: foramina of adequate amplitude.",
        {"modality": "CT", "regions": ["cervical"], "canal": {},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'spinal canal of sufficient width at all levels'",
        MRI + "At C6-C7 foraminal narrowing left, moderate. Spinal canal of sufficient width at all "
        "levels.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {lv: "none" for lv in ("C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1")},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "'at this level' after a span and a disc is the disc named last",
        MRI + "Prevertebral phlegmon from C5 to T1 and a ventral epidural abscess at C6-C7, "
        "compressing the myelon. Spinal canal moderately narrowed at this level.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C6-C7": "moderate"},
         "cord": (["C6-C7"], False), "red_flags": ["infection"], "pathway": "red_flag_workup"},
    ),
    (
        "Spanish and Portuguese exam titles; 'pathological collapse' is a fracture",
        "RESONANCIA MAGNÉTICA DE COLUMNA CERVICAL\nFindings: Mild loss of height of the C6 "
        "vertebral body in keeping with pathological collapse. C2/3, C3/4 and C7/T1 remain "
        "normal. C7-T1: Right foramen without reduction.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {"C2-C3": "none", "C3-C4": "none", "C7-T1": "none"},
         "cord": ([], False), "red_flags": ["fracture"], "pathway": "red_flag_workup"},
    ),
    (
        "'TOMOGRAFÍA' is CT",
        "TOMOGRAFÍA DE COLUMNA CERVICAL\nFindings: No acute fractures. C5-6: patent foramina.",
        {"modality": "CT", "regions": ["cervical"], "canal": {},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'RTG' is a radiograph; 'spinal marrow' is the cord",
        "RTG of the cervical spine, AP, profile and both oblique projections\nC5-C6: compression "
        "of the spinal marrow. Severe canal stenosis.",
        {"modality": "RADIOGRAPH", "regions": ["cervical"], "canal": {"C5-C6": "severe"},
         "cord": (["C5-C6"], False), "red_flags": [], "pathway": "urgent_surgical_review"},
    ),
    (
        "a header with a bracketed qualifier opens its section",
        "MRI CERVICAL SPINE\nCOMPARISON (outside study): MRI 2021, moderate canal stenosis at "
        "C5-6.\nFINDINGS (abbreviated):\nC5-6: Mild canal stenosis.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "a canal statement after a level named inside a finding fills no cell",
        MRI + "Degenerative: Mild disc height loss at C4-5 and C5-6. Mild left C5-6 foraminal "
        "narrowing. No significant canal stenosis.\nC6-7: The left foramen is preserved. "
        "The canal is patent.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C6-C7": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "a canal statement after a sentence opening with its level takes the level",
        MRI + "At C6-7 there is a right foraminal disc protrusion. The left C6-7 foramen is "
        "preserved. The canal is patent.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C6-C7": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'canal narrowed by complexes to a moderate degree at C4/5 and C5/6'",
        MRI + "The canal is narrowed by disc-osteophyte complexes to a moderate degree at C4/5 "
        "and C5/6.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "moderate", "C5-C6": "moderate"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'no significant stenosis' at other levels reaches only levels not discussed",
        MRI + "C4/5 and C5/6: mild bilateral foraminal narrowing. C6/7: moderate left foraminal "
        "stenosis; canal mildly narrowed. Other cervical levels: no significant stenosis.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {"C2-C3": "none", "C3-C4": "none", "C6-C7": "mild", "C7-T1": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "the cord's own levels after a lesion's range",
        MRI + "Acute dorsal epidural haematoma C4/5 to C6/7 with mass effect on the cord at C5/6 "
        "and C6/7 and severe canal stenosis at C5/6. No cord signal change.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "severe"},
         "cord": (["C5-C6", "C6-C7"], False), "red_flags": [], "pathway": "urgent_surgical_review"},
    ),
    (
        "dorsal column signal is cord signal",
        MRI + "Symmetric T2 hyperintensity in the dorsal columns from C2 through C6. No cord "
        "expansion.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {},
         "cord": ([], True), "red_flags": [], "pathway": "urgent_surgical_review"},
    ),
    (
        "'cannot be excluded' after 'no prior imaging and' is uncertain, not negated",
        "CT CERVICAL SPINE\nFINDINGS: Mild anterior wedging of T1. No prior imaging is available "
        "for comparison and an acute fracture cannot be excluded.",
        {"modality": "CT", "regions": ["cervical"], "canal": {},
         "cord": ([], False), "red_flags": ["fracture"], "pathway": "red_flag_workup"},
    ),
    (
        "a conditional recommendation is no finding",
        "XR CERVICAL SPINE\nFINDINGS: No fracture or subluxation.\nIMPRESSION: MRI could be "
        "obtained if there is ongoing clinical concern for ligamentous injury.",
        {"modality": "RADIOGRAPH", "regions": ["cervical"], "canal": {},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "a cord phrase joins the level before it, not the next coordinated one",
        MRI + "Moderate canal stenosis at C3-4 with mild cord flattening, and mild canal stenosis at C5-6.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C3-C4": "moderate", "C5-C6": "mild"},
         "cord": (["C3-C4"], False), "red_flags": [], "pathway": "surgical_review"},
    ),
    (
        "'previously mild' between commas does not make the cord phrase after it prior",
        MRI + "C4-5: Moderate canal stenosis, previously mild, with flattening of the ventral cord "
        "contour.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "moderate"},
         "cord": (["C4-C5"], False), "red_flags": [], "pathway": "surgical_review"},
    ),
    (
        "'no imaging evidence of cord signal change'",
        MRI + "C5-6: Mild canal stenosis.\nIMPRESSION: Clinical correlation for myelopathy is "
        "suggested; no imaging evidence of cord signal change at present.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "a collection's rim enhancement is not cord signal",
        MRI + "Small ventral epidural collection at C5-C6 with rim enhancement, fitting with an "
        "epidural abscess, which impresses the myelum ventrally. No myelum signal changes.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {},
         "cord": (["C5-C6"], False), "red_flags": ["infection"], "pathway": "red_flag_workup"},
    ),
    (
        "'long T2 signal' in the cord is cord signal; 'is not seen' negates it",
        MRI + "C3/4: severe canal stenosis; the cord is compressed and patchy long T2 signal is "
        "seen in the cord at this level.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C3-C4": "severe"},
         "cord": (["C3-C4"], True), "red_flags": [], "pathway": "urgent_surgical_review"},
    ),
    (
        "'T2 hyperintensity is not seen in the cord'",
        MRI + "C5-6: Mild canal stenosis. Patchy long T2 signal is not seen in the cord. T2 "
        "hyperintensity is not seen in the cord.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'the clinical picture of myelopathy' is no imaging finding",
        MRI + "C5-6: Mild canal stenosis.\nIMPRESSION: The appearances would fit with the "
        "clinical picture of myelopathy.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "an anaphor topic carries a canal statement",
        MRI + "There is disc desiccation at C5-C6. At this level a left foraminal protrusion "
        "causes moderate left foraminal narrowing. The central canal is mildly narrowed.\n\n"
        "No significant central canal stenosis at the other levels.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {"C2-C3": "none", "C3-C4": "none", "C4-C5": "none", "C5-C6": "mild", "C6-C7": "none", "C7-T1": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "an addendum that denies a fracture takes the body's possible fracture back",
        "CT CERVICAL SPINE\nFINDINGS: Thin linear lucency through the right C6 lamina, suspicious for "
        "a nondisplaced fracture. Uncovertebral spurring moderately narrows the left C5-6 neural "
        "foramen.\nIMPRESSION: 1. Possible nondisplaced fracture of the right C6 lamina.\n\n"
        "ADDENDUM: The lucency has corticated margins and represents a vascular channel. There is "
        "no fracture of the cervical spine.",
        {"modality": "CT", "regions": ["cervical"], "canal": {},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "an amendment reducing cord compression to contact takes the compression back",
        MRI + "C5-6: Disc osteophyte complex with mild compression of the cord. Moderate canal "
        "stenosis.\nImpression: C5-6 moderate canal stenosis with mild cord compression.\n\n"
        "Attending amendment: At C5-6 the disc osteophyte complex contacts the ventral cord but "
        "does not compress or deform it.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "moderate"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'indentation over the anterior surface of the cord' is compression",
        MRI + "C5-C6: Disc protrusion causing mild indentation over the anterior surface of the "
        "cord.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {},
         "cord": (["C5-C6"], False), "red_flags": [], "pathway": "surgical_review"},
    ),
    (
        "'gait instability' in an Italian history field is no red flag",
        MRI + "C5-6: Mild canal stenosis.\nNotizie cliniche: progressive weakness of the hands, "
        "gait instability.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "the exam title names what was asked, not what was found",
        "MRI WHOLE SPINE (METASTATIC CORD COMPRESSION PROTOCOL)\nFindings:\nNo marrow-replacing "
        "lesion. C5/6: moderate canal stenosis.\nConclusion: No evidence of metastatic spinal "
        "cord compression.",
        {"modality": "MRI", "regions": ["cervical", "thoracic", "lumbar"], "canal": {"C5-C6": "moderate"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "a syrinx spanning the cervical and thoracic cord",
        "MRI CERVICAL AND THORACIC SPINE\nFindings:\nA septated syrinx extends from C3 to T6, "
        "maximal transverse diameter 7 mm at C6.",
        {"modality": "MRI", "regions": ["cervical", "thoracic"], "canal": {},
         "cord": ([], True), "red_flags": [], "pathway": "urgent_surgical_review"},
    ),
    (
        "an intramedullary cavitation (hydrosyringomyelia) is cord signal",
        MRI + "Central intramedullary cavitation of the cord from C6 to T1, with liquid signal, "
        "compatible with hydrosyringomyelia.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {},
         "cord": ([], True), "red_flags": [], "pathway": "urgent_surgical_review"},
    ),
    (
        "a grade 'in 09/2024' is the earlier study's; 'was previously flattened' is not today's",
        MRI + "C5-6: The spinal canal is now mildly narrowed, improved from moderate-severe in "
        "08/2024 and moderate in 09/2024. The cord was previously flattened at this level; it is "
        "now normal in contour.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'CCS' is central canal stenosis",
        "mri cervical spine w/o contrast. findings: c4-5: small disc bulge, mild B/L NFN, no CCS. "
        "c5-6: DOC, sev L NFN, mod R NFN; mild CCS.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "none", "C5-C6": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "French exam titles: 'TDM', 'SCANNER', 'MYELO-SCANNER', 'RMN'; 'without causing canal stenosis'",
        "SCANNER CERVICAL\n\nIndication: NCB droite C7; claustrophobia (IRM impossible).\nResults:\n"
        "Space C4 - C5: posterior disc bulge contacting the dural sac, without causing canal stenosis.",
        {"modality": "CT", "regions": ["cervical"], "canal": {"C4-C5": "none"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'MYELO-SCANNER' is a CT myelogram",
        "MYELO-SCANNER CERVICAL\nResults:\nC5-C6: moderate left foraminal stenosis.",
        {"modality": "CT_MYELOGRAM", "regions": ["cervical"], "canal": {},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "'Spinal canal no stenosis at all levels' is the canal's only",
        MRI + "- C6-C7: disc bulging, mild narrowing right neural foramen, left foramen normal.\n"
        "- Spinal canal no stenosis at all levels.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {lv: "none" for lv in ("C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1")},
         "cord": ([], False), "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "German and Spanish exam titles: 'MRT HWS', 'Röntgen HWS', 'MYELO-CT'",
        "Röntgen HWS ap/lateral and oblique bds.\nFindings: C5/6: bony foraminal narrowing left.",
        {"modality": "RADIOGRAPH", "regions": ["cervical"], "canal": {},
         "cord": ([], False), "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "'without findings suggestive of infection' is no red flag",
        MRI + "C6-C7: Degenerative endplate changes (Modic type I), without findings suggestive of "
        "infection. Mild canal stenosis.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C6-C7": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'at all the levels studied' fills the canal too",
        MRI + "Spinal canal and neural foramina of usual dimensions at all the levels studied.",
        {"modality": "MRI", "regions": ["cervical"], "canal": ALL_CANAL_NONE,
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "'C4-C5 patent' under a sided foramina label is that foramen, not the whole level",
        MRI + "Central canal: Mild stenosis at C5-C6.\nForamina, right: C5-C6 moderate. "
        "C4-C5 mild.\nForamina, left: C5-C6 mild. C4-C5 patent.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "a recommendation 'to look for' ligamentous injury is no instability",
        "CT cervical spine\nFindings:\nAlignment is normal. Mild bilateral C2/3 foraminal "
        "narrowing.\nConclusion:\nNo fracture. MRI recommended to look for marrow oedema and "
        "ligamentous injury.",
        {"modality": "CT", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "a topic level does not carry past a 'remaining levels' sentence",
        MRI + "At C5-6 there is stable moderate left foraminal stenosis, right C5-6 foramen is "
        "patent. No significant foraminal narrowing at the remaining levels. No canal stenosis "
        "is seen. Cord is normal.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "a bulleted 'Other levels are normal.' after a foramen sentence is whole levels",
        MRI + "• C6-7: mild canal stenosis and severe right neural foraminal narrowing. Left "
        "neural foramen is normal.\n• Other levels are normal.",
        {"modality": "MRI", "regions": ["cervical"],
         "canal": {**ALL_CANAL_NONE, "C6-C7": "mild"}, "cord": ([], False), "red_flags": [],
         "pathway": "injection_candidate"},
    ),
    (
        "cord signal 'cannot be assessed on CT' is no finding",
        "EXAM: CT myelogram cervical spine\nFINDINGS:\nC5-6: Mild left foraminal narrowing.\n"
        "Cord: Intramedullary signal change cannot be assessed on CT; MRI would be required.",
        {"modality": "CT_MYELOGRAM", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "'if symptoms are myelopathic' is no cord signal change",
        MRI + "C5-C6: Moderate canal stenosis with mild cord flattening. Moderate left foraminal "
        "narrowing. No cord signal abnormality.\nIMPRESSION:\n1. If symptoms are myelopathic, "
        "surgical consultation could be considered given the cord deformity.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "moderate"},
         "cord": (["C5-C6"], False), "red_flags": [], "pathway": "surgical_review"},
    ),
    (
        "German: 'Magnetresonanztomographie der Halswirbelsäule', Spinalkanal, impression of the Myelon",
        "Magnetresonanztomographie der Halswirbelsäule\nBefund:\nHWK 4/5: NFS li. hochgradig, re. "
        "mild. Spinalkanal moderately narrowed with ventral impression of the Myelon.\nHWK 5/6: "
        "Spinalkanal free.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "moderate", "C5-C6": "none"},
         "cord": (["C4-C5"], False), "red_flags": [], "pathway": "surgical_review"},
    ),
    (
        "German 'LWS:' section: its levels stay out of the cervical grid",
        "MRT HWS und LWS\nHWS:\nC5/6: NFS li. mild to moderate, re. mild.\nLWS:\nL4/5: moderate "
        "spinal canal stenosis, NFS bds. high-grade.",
        {"modality": "MRI", "regions": ["cervical", "lumbar"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "'no canal stenosis at any level in the cervical or upper thoracic spine'",
        MRI + "Spinal canal: No central canal stenosis at any level in the cervical or upper "
        "thoracic spine.",
        {"modality": "MRI", "regions": ["cervical"], "canal": ALL_CANAL_NONE,
         "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "a consultant's 'probably moderate rather than severe' replaces the grade and its certainty",
        MRI + "Provisional report: C6/7 left foraminal disc protrusion with severe left exit "
        "foraminal stenosis. Cord normal.\nConsultant review: On the axial images the left C6/7 "
        "foraminal stenosis is probably moderate rather than severe. Otherwise agree.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "a final report calling the preliminary cord signal an artefact takes it back",
        MRI + "PRELIMINARY REPORT:\nC5/6: Moderate canal stenosis. Severe bilateral exit "
        "foraminal stenosis. Possible subtle intramedullary T2 hyperintensity at this level.\n\n"
        "FINAL REPORT (Consultant neuroradiologist)\nThe apparent cord signal at C5/6 is a "
        "truncation artefact: there is no cord signal abnormality. I agree with the grading of "
        "the canal and foramina.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "moderate"},
         "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "'intramedullary T2 hypersignal' is cord signal change",
        MRI + "C5-C6: moderate canal stenosis and flattening of the cord. Intramedullary T2 "
        "hypersignal of the cord from C5 to C6, in keeping with cord contusion.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "moderate"},
         "cord": (["C5-C6"], True), "red_flags": [], "pathway": "urgent_surgical_review"},
    ),
    (
        "displacement of the cord 'without compression' is no compression",
        MRI + "C7-T1: Slight displacement of the cord to the right without compression or "
        "signal anomaly. Mild right foraminal narrowing.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "conservative_care"},
    ),
    (
        "German headings and a CT title above a history that mentions MRI",
        "CT der Halswirbelsaeule nativ\nKlinik: Neck pain, known cervical myelopathy. MRI "
        "contraindicated.\nBefund:\nC5/6: The left neuroforamen is severely narrowed.\n"
        "Beurteilung: Severe NFS C5/6 li.",
        {"modality": "CT", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "a fracture 'withdrawn' by the final report is no red flag",
        "CT CERVICAL SPINE\nPreliminary report (on-call registrar):\nPossible undisplaced fracture "
        "through the left lamina of C6.\nFinal report (consultant neuroradiologist):\nThis is a "
        "vascular channel and not a fracture. Uncovertebral osteophytes at C5/6 produce moderate "
        "right foraminal narrowing.\nConclusion: The possible C6 laminar fracture raised on the "
        "preliminary report is withdrawn.",
        {"modality": "CT", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "a level correction that calls the foramina patent takes back the injection candidate",
        MRI + "C7-T1: severe right neural foraminal stenosis.\nIMPRESSION: Severe right C7-T1 "
        "foraminal stenosis.\n\nADDENDUM: Level correction: the severe right foraminal "
        "stenosis described at C7-T1 is at T1-T2. The C7-T1 neural foramina are patent.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "no_foraminal_stenosis"},
    ),
    (
        "what 'on the preliminary read was called' is not current",
        MRI + "C6-C7: Endplate marrow edema, which on the preliminary read was called concerning "
        "for early discitis-osteomyelitis; unchanged from the outside MRI, in keeping with "
        "degenerative Modic change. Moderate left foraminal stenosis.",
        {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "injection_candidate"},
    ),
    (
        "template fields answered 'No' and a pick-list of cord findings",
        "CT CERVICAL SPINE (TEMPLATE)\nFracture: No\nMalalignment / subluxation: No\n"
        "Cord compression: [ ] present [x] absent\nC5-C6: Moderate right foraminal stenosis.",
        {"modality": "CT", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "injection_candidate"},
    ),    (
        "Spanish headings and a 'RADIOGRAFÍA' title; an old fracture in the history is no red flag",
        "RADIOGRAFÍA DE COLUMNA CERVICAL AP, LATERAL Y OBLICUAS\nAntecedente: Fracture of C6 in "
        "2015 treated conservatively.\nHallazgos:\nUncovertebral osteophytes reduce the right "
        "C5-C6 neural foramen, of moderate degree.\nConclusión:\nModerate right foraminal "
        "narrowing at C5-C6.",
        {"modality": "RADIOGRAPH", "regions": ["cervical"], "canal": {}, "cord": ([], False),
         "red_flags": [], "pathway": "injection_candidate"},
    ),
]


CASES += [
    (
        "a structure label's level lines go on after a clause about the cord",
        MRI + "Canal:\nC4-5: mild narrowing.\nC5-6: moderate stenosis; the cord is not deformed.\n"
        "C6-7: mild narrowing.\nC7-T1: patent.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C4-C5": "mild", "C5-C6": "moderate", "C6-C7": "mild", "C7-T1": "none"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "no_foraminal_stenosis",
        },
    ),
    (
        "'normal elsewhere' under the canal label reaches the canal's other levels",
        MRI + "Spinal canal: Mild narrowing at C5/6. Normal elsewhere.\n\n"
        "Exit foramina - left:\nC4/5 free.\nC5/6 moderate.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {**ALL_CANAL_NONE, "C5-C6": "mild"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
    (
        "'spinal or foraminal stenosis' names the canal",
        MRI + "C6-7: Small bulge; no spinal or foraminal stenosis.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C6-C7": "none"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "no_foraminal_stenosis",
        },
    ),
    (
        "unpunctuated dictation: a grade after 'patent' opens the next statement",
        MRI + "C6-7 there is a broad protrusion which flattens the ventral cord the right neural "
        "foramen is mildly narrowed the left is patent moderate canal stenosis",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C6-C7": "moderate"},
            "cord": (["C6-C7"], False),
            "red_flags": [],
            "pathway": "surgical_review",
        },
    ),
    (
        "a signal called truncation artefact is no cord signal change",
        MRI + "Cord: The faint central T2 hyperintensity is truncation artefact. "
        "C5-6: moderate left foraminal stenosis.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
    (
        "a registrar's report superseded by the consultant's",
        "MRI CERVICAL SPINE\nRegistrar report:\nC4-5 disc protrusion compressing the cord.\n\n"
        "Consultant report:\nC4-5: disc protrusion. Moderate right foraminal stenosis.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
    (
        "what an earlier read described is not this report's finding",
        MRI + "C5-6: moderate left foraminal stenosis; the disc abuts the cord.\n"
        "IMPRESSION: This corrects the initial interpretation, which described cord compression.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
    (
        "'MRI is more sensitive for ligamentous injury' suggests a study, it finds nothing",
        "CT CERVICAL SPINE\nFINDINGS: No fracture. C5-6: moderate right foraminal narrowing.\n"
        "IMPRESSION: No fracture. MRI would be more sensitive for ligamentous injury.",
        {
            "modality": "CT",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
    (
        "the referrer's question before the findings is not a finding",
        "MRI cervical spine\nKnown lung cancer. Neck pain. Metastases? Disc prolapse?\n"
        "Findings: No bone marrow lesion. C6-7: moderate left foraminal stenosis.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
]


CASES += [
    (
        "a bullet alone before each level line under the canal's label",
        MRI + "Spinal canal:\n- C2/3: no stenosis.\n- C3/4: mild narrowing.\n"
        "- C4/5: moderate to severe stenosis.\n\nExit foramina, right:\n- C3/4: mild narrowing.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C2-C3": "none", "C3-C4": "mild", "C4-C5": "moderate-severe"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "conservative_care",
        },
    ),
    (
        "what the first version of the report described is not a finding",
        MRI + "C6-C7: Right foraminal disc extrusion with severe right neural foraminal stenosis. "
        "Moderate spinal canal stenosis; the extrusion abuts the ventral cord.\n\n"
        "AMENDMENT: The initial version of this report described severe canal stenosis with cord "
        "compression at C6-C7. The extrusion abuts but does not compress the cord.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C6-C7": "moderate"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
    (
        "'at either level' after two sentences of one level each; a lesion 'no longer a "
        "consideration' for metastasis",
        MRI + "Indeterminate C7 vertebral body lesion; metastasis is not excluded.\n"
        "C5-6 moderate left foraminal stenosis. C6-7 mild right foraminal stenosis. "
        "No canal stenosis at either level.\n\nADDENDUM: CT shows an atypical hemangioma. "
        "This is benign; metastasis is no longer a consideration.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C5-C6": "none", "C6-C7": "none"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
    (
        "'regular' signal is normal; 'canal and foramina without stenosis' negates both; "
        "Roman numerals",
        MRI + "Intramedullary signal is regular.\nIn C.IV-V segment the canal and foramina are "
        "without stenosis.\nIn C.V-VI segment a protrusion narrows the spinal canal - mild "
        "central stenosis. The foramina are moderately narrowed, the right more.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C4-C5": "none", "C5-C6": "mild"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
]


CASES += [
    (
        "a level-less denial that closes a run of levels on one line is said of none of them",
        "MRI CERVICAL SPINE. Clinical notes: L arm pain. Findings: At C6/7 there is moderate "
        "left foraminal stenosis. At C5/6 there is mild bilateral foraminal stenosis. No central "
        "canal stenosis. Cord normal. Opinion: Moderate left C6/7 foraminal stenosis.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
    (
        "... but one within the run belongs to the level before it",
        "findings: c5-6 minimal disc bulge with slight foraminal narrowing. no canal stenosis. "
        "c6-7 and c7-t1 normal.",
        {
            "modality": "UNKNOWN",
            "regions": ["cervical"],
            "canal": {"C5-C6": "none", "C6-C7": "none", "C7-T1": "none"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "conservative_care",
        },
    ),
    (
        "a one-line report: the modality named first; an inline history ends where a level is "
        "described",
        "CT C-spine wo contrast, prelim. Clinical details: left arm pain. C5/6 broad disc bulge "
        "with mild to moderate left exit foraminal stenosis. The canal is mildly narrowed at "
        "C5/6. Consider MRI.",
        {
            "modality": "CT",
            "regions": ["cervical"],
            "canal": {"C5-C6": "mild"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "conservative_care",
        },
    ),
    (
        "cord compression caused by a lesion's span is at the level of the finding it is "
        "coordinated with",
        MRI + "IMPRESSION: C5-6 discitis osteomyelitis with ventral epidural abscess from C4-5 "
        "to C6-7, causing cord compression and severe canal stenosis at C5-6.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C5-C6": "severe"},
            "cord": (["C5-C6"], False),
            "red_flags": ["infection"],
            "pathway": "red_flag_workup",
        },
    ),
]


CASES += [
    (
        "a chronic non-union and an old fracture are no red flag; an acute one is",
        MRI + "Chronic non-union of a type II odontoid fracture is again seen. Old, consolidated "
        "fracture of the C7 spinous process. C5-6: moderate left foraminal stenosis.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
    (
        "chronic change beside an acute fracture",
        MRI + "Chronic degenerative changes with an acute fracture of the C6 lamina.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": ["fracture"],
            "pathway": "red_flag_workup",
        },
    ),
    (
        "changes after a treated infection are not an infection",
        MRI + "IMPRESSION:\n1. Post-treatment changes at C5-6 from the prior "
        "discitis-osteomyelitis, without evidence of active infection or abscess.\n"
        "2. Mild left C5-6 foraminal narrowing.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "conservative_care",
        },
    ),
]


CASES += [
    (
        "a level after a token that looked like a level ('R0 L0'); an infection outside the spine",
        MRI + "Levels\n - C2-3: canal 0; foramina R0 L0\n - C3-4: canal 1; foramina R1 L1\n"
        "Key: canal stenosis graded 0 (none), 1 (mild), 2 (moderate), 3 (severe).\n"
        "Incidental: reactive level IIa lymph nodes; correlate with any recent upper "
        "respiratory infection.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C2-C3": "none", "C3-C4": "mild"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "no_foraminal_stenosis",
        },
    ),
]


CASES += [
    (
        "a 'secondary implant' is a metastasis; a canal label with a dash over its level lines",
        MRI + "Focal enhancing lesion in the vertebral body of C7, suspicious for secondary "
        "implant.\n* Canal -\n  C4-5: mild-moderate stenosis\n  C5-6: moderate stenosis\n",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C4-C5": "mild-moderate", "C5-C6": "moderate"},
            "cord": ([], False),
            "red_flags": ["malignancy"],
            "pathway": "red_flag_workup",
        },
    ),
]


CASES += [
    (
        "'secondary bone lesions' are metastases",
        MRI + "Conclusion: Multiple secondary bone lesions, the most important in C6. "
        "C5-6: moderate left foraminal stenosis.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": ["malignancy"],
            "pathway": "red_flag_workup",
        },
    ),
]


CASES += [
    (
        f"cord signal written '{phrase}'",
        MRI + f"C5-6: Severe canal stenosis. {phrase}",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C5-C6": "severe"},
            "cord": ([], True),
            "red_flags": [],
            "pathway": "urgent_surgical_review",
        },
    )
    for phrase in (
        "High T2 signal within the cord at this level.",
        "Bright T2 signal in the cord.",
        "Increased T2/STIR signal in the cord.",
        "T2 signal abnormality in the cord at this level.",
        "Abnormal T2 signal in the cord.",
        "There is T2 high signal in the cord.",
        "Probable cord signal change at this level.",
        "Signal change in the cord at this level.",
        "T2 hyperintense signal change is present in the spinal cord.",
        "Intramedullary high intensity on T2WI is seen.",
        "Focal T2 bright lesion in the cord.",
    )
]


CASES += [
    (
        f"cord signal denied: '{phrase}'",
        MRI + f"C5-6: Severe canal stenosis. {phrase}",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C5-C6": "severe"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "no_foraminal_stenosis",
        },
    )
    for phrase in (
        "No high T2 signal within the cord.",
        "No cord signal change at this level.",
        "No abnormal signal intensity within the cord.",
        "No T2 signal abnormality in the cord.",
    )
]


CASES += [
    (
        "'Purpose:' opens the clinical question; a bare 'myelopathy symptoms' there is no finding",
        "MRI cervical spine\n\nPurpose: myelopathy symptoms (hand numbness), evaluate for "
        "compression.\n\nFindings:\nC4/5: Disc herniation. Severe spinal canal stenosis. The "
        "spinal cord is compressed, without intramedullary signal change on T2WI.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C4-C5": "severe"},
            "cord": (["C4-C5"], False),
            "red_flags": [],
            "pathway": "urgent_surgical_review",
        },
    ),
    (
        "a cord signal sentence with no level after the line's one level is at that level",
        MRI + "Compression of the cord at C4/5. There is T2 high signal in the cord.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": (["C4-C5"], True),
            "red_flags": [],
            "pathway": "urgent_surgical_review",
        },
    ),
]


CASES += [
    (
        "a primary bone tumour of the young is a tumour: osteoid osteoma",
        "CT CERVICAL SPINE\nFindings:\nIn the left C3 articular pillar there is a 6 mm lucent "
        "nidus with reactive sclerosis, characteristic of an osteoid osteoma. The sclerotic bone "
        "mildly narrows the left C2/3 exit foramen. No fracture.",
        {
            "modality": "CT",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": ["malignancy"],
            "pathway": "red_flag_workup",
        },
    ),
]


CASES += [
    (
        name,
        MRI + text + " C5-6: moderate left foraminal stenosis.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": flags,
            "pathway": "red_flag_workup" if flags else "injection_candidate",
        },
    )
    for name, text, flags in (
        (
            "the spinal instability neoplastic score names no instability",
            "Metastasis at C7. The spinal instability neoplastic score should be assessed.",
            ["malignancy"],
        ),
        ("a non-enhancing lesion is no tumour", "Stable non-enhancing lesion at C6.", []),
        (
            "'secondary determination' is a metastasis",
            "C6 lesion, aspect suggestive for secondary determination.",
            ["malignancy"],
        ),
    )
]


CASES += [
    (
        "an injury an examination is recommended for is not found",
        "CT CERVICAL SPINE\nFindings: In C6 vertebra corpus a fracture line with compression of 20% "
        "height is observed. Facet joints alignment is natural; subluxation or dislocation is not "
        "observed.\nRESULT: Acute compression fracture of C6. MR correlation is recommended for "
        "ligamentous injury.",
        {
            "modality": "CT",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": ["fracture"],
            "pathway": "red_flag_workup",
        },
    ),
]


CASES += [
    (
        "an injury that MRI 'is advised if' there is concern for is not found",
        "CT CERVICAL SPINE\nFindings: Acute undisplaced left C6 laminar fracture. Alignment "
        "maintained. MRI is advised if there is neurology or clinical concern for ligamentous "
        "injury.",
        {
            "modality": "CT",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": ["fracture"],
            "pathway": "red_flag_workup",
        },
    ),
]


CASES += [
    (
        name,
        MRI + text,
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": canal,
            "cord": cord,
            "red_flags": flags,
            "pathway": pathway,
        },
    )
    for name, text, canal, cord, flags, pathway in (
        (
            "a compression verb before coordinated objects is the cord's too",
            "C5-C6: a protrusion compressing the thecal sac and the spinal cord.",
            {},
            (["C5-C6"], False),
            [],
            "surgical_review",
        ),
        (
            "'medullary compression' is cord compression",
            "C6-C7: spondylodiscitis with epidural abscess and medullary compression.",
            {},
            (["C6-C7"], False),
            ["infection"],
            "red_flag_workup",
        ),
        (
            "'the level of maximal compression' places, it does not find",
            "C4-5: Severe canal stenosis with cord deformity.\nCord edema from C3 to C6 with "
            "enhancement immediately below the level of maximal compression.",
            {"C4-C5": "severe"},
            (["C4-C5"], True),
            [],
            "urgent_surgical_review",
        ),
    )
]


CASES += [
    (
        "a reviewer's grade of the canal, and a drafting tool's flag quoted and overruled",
        MRI + "C3/4: Canal - AI: mild; Final: mild.\nC5/6: Canal - AI: moderate; Final: moderate, "
        "cord indented.\nAI triage flag: 'possible cord compression C6/7'. Radiologist review: "
        "there is no cord compression at C6/7.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C3-C4": "mild", "C5-C6": "moderate"},
            "cord": (["C5-C6"], False),
            "red_flags": [],
            "pathway": "surgical_review",
        },
    ),
]


CASES += [
    (
        "'small' opening a lesion's phrase does not narrow the canal it lies along",
        MRI + "A small enhancing epidural soft tissue component lies along the left anterolateral "
        "canal at C7 and extends into the left C7-T1 exit foramen, which is moderately narrowed.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
]


CASES += [
    (
        "a label naming the canal and its levels gives 'no stenosis' to the canal alone",
        MRI + "Canal C2-C3 to C7-T1: no stenosis.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {lvl: "none" for lvl in ("C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1")},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "no_foraminal_stenosis",
        },
    ),
    (
        "a scale's definition of its top grade is no cord finding",
        MRI + "Scales used: Canal (Kang 2011): 0 = normal; 1 = mild; 2 = moderate, with cord "
        "deformity; 3 = severe, with cord signal change.\nC4-C5 - canal: 1. Foramina: R 1 / L 1.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C4-C5": "mild"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "conservative_care",
        },
    ),
]


CASES += [
    (
        "a cord contusion is a cord signal change",
        MRI + "Impression: Traumatic disc herniation at C6-C7 with moderate canal stenosis and "
        "cord contusion at C6-C7.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C6-C7": "moderate"},
            "cord": ([], True),
            "red_flags": [],
            "pathway": "urgent_surgical_review",
        },
    ),
    (
        "'correlate clinically for myelopathy' asks, it does not find",
        "CT CERVICAL SPINE\nImpression: Severe canal stenosis at C3-4 with cord flattening. Cord "
        "signal cannot be assessed on CT; correlate clinically for myelopathy.",
        {
            "modality": "CT",
            "regions": ["cervical"],
            "canal": {"C3-C4": "severe"},
            "cord": (["C3-C4"], False),
            "red_flags": [],
            "pathway": "urgent_surgical_review",
        },
    ),
]


CASES += [
    (
        "a canal-only scale defined over level lines grades the canal on them",
        MRI + "Central canal stenosis graded by Kang classification (grade 0 = no stenosis, grade "
        "1 = mild, grade 2 = moderate with cord deformity, grade 3 = severe with cord signal "
        "change).\nC2-3: grade 0.\nC3-4: grade 1. Foramina patent.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C2-C3": "none", "C3-C4": "mild"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "no_foraminal_stenosis",
        },
    ),
    (
        "a canal label's entries grade the canal before the cord's statement",
        MRI + "Central canal stenosis:\n - C3-4 and C4-5: moderate, with mild deformity of the "
        "cord at both levels.\n - C6-7: mild.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C3-C4": "moderate", "C4-C5": "moderate", "C6-C7": "mild"},
            "cord": (["C3-C4", "C4-C5"], False),
            "red_flags": [],
            "pathway": "surgical_review",
        },
    ),
]


CASES += [
    (
        "myelopathy a clinical picture 'raises concern for' is no cord signal change",
        MRI + "Severe canal stenosis and cord compression at C5/6, without cord signal change. The "
        "clinical picture raises concern for degenerative cervical myelopathy.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C5-C6": "severe"},
            "cord": (["C5-C6"], False),
            "red_flags": [],
            "pathway": "urgent_surgical_review",
        },
    ),
]


CASES += [
    (
        "a disrupted ligamentous complex or a ruptured longitudinal ligament is instability",
        MRI + "Disruption of the posterior ligamentous complex at C5-C6 with widening of the "
        "interspinous space. Hyperextension injury at C3-C4 with ALL rupture and a widened disc "
        "space.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": ["instability"],
            "pathway": "red_flag_workup",
        },
    ),
]


CASES += [
    (
        "'CTA neck' is a CT; a '?' before a tumour asks about it",
        "CTA neck.\nIndication: ?Vertebral artery dissection. Globus and weight loss, "
        "?hypopharyngeal tumour.\nCervical spine: No fracture. No spinal canal or foraminal "
        "stenosis at any level.",
        {
            "modality": "CT",
            "regions": ["cervical"],
            "canal": {lvl: "none" for lvl in ("C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1")},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "no_foraminal_stenosis",
        },
    ),
]


CASES += [
    (
        "prevertebral soft tissue swelling under a canal heading is no canal grade",
        "CT CERVICAL SPINE\nFINDINGS:\nSpinal canal: no canal stenosis at C6-7. No central canal "
        "stenosis at the other levels.\nMild prevertebral soft tissue swelling from C5 to C7. No "
        "fracture.",
        {
            "modality": "CT",
            "regions": ["cervical"],
            "canal": {lvl: "none" for lvl in ("C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1")},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "no_foraminal_stenosis",
        },
    ),
    (
        "an enhancing lesion consistent with demyelination is no tumour",
        "MRI CERVICAL SPINE WITH CONTRAST\nFindings: Enhancing lesion in the cord at C3, "
        "consistent with active demyelination. Mild C5-6 disc bulge with mild bilateral "
        "foraminal narrowing.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "conservative_care",
        },
    ),
    (
        "an enhancing cord lesion with no benign cause stays a red flag",
        "MRI CERVICAL SPINE WITH CONTRAST\nFindings: Enhancing lesion in the cord at C3. Mild "
        "C5-6 disc bulge with mild bilateral foraminal narrowing.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": ["malignancy"],
            "pathway": "red_flag_workup",
        },
    ),
    (
        "a risk of instability is no instability",
        "CT CERVICAL SPINE\nFindings: Flowing anterior osteophytes from C3 to C7 in keeping with "
        "DISH. Possible fracture through the ankylosed segment at C5-6. Given the high risk of "
        "instability in ankylosed spines, MRI is recommended.",
        {
            "modality": "CT",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": ["fracture"],
            "pathway": "red_flag_workup",
        },
    ),
    (
        "'at this level' after two levels in its sentence is the level named last",
        "MRI CERVICAL SPINE\nFINDINGS: Ventral epidural phlegmon at C6-C7 extends to the C5-C6 "
        "level and compresses the cord at C6-C7, with moderate canal narrowing at this level. "
        "C5-C6: mild canal narrowing.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C5-C6": "mild", "C6-C7": "moderate"},
            "cord": (["C6-C7"], False),
            "red_flags": ["infection"],
            "pathway": "red_flag_workup",
        },
    ),
    (
        "canal grades after a colon are each their own level's",
        "MRI CERVICAL SPINE\nFINDINGS: Spondylosis results in canal stenosis from C3-4 through "
        "C6-7: moderate at C3-4, severe at C4-5 and C5-6, and mild at C6-7. The cord is not "
        "compressed.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C3-C4": "moderate", "C4-C5": "severe", "C5-C6": "severe", "C6-C7": "mild"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "no_foraminal_stenosis",
        },
    ),
]


CASES += [
    (
        "'along the right ventral canal' places a finding, it grades no canal",
        "MRI CERVICAL SPINE\nFINDINGS: C6-7: Mild epidural extension along the right ventral canal "
        "indents the thecal sac without cord compression.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "no_foraminal_stenosis",
        },
    ),
    (
        "'at both levels' after a range and two levels is the last two",
        "CT MYELOGRAM\nIMPRESSION: Continuous OPLL from C3 through C6 producing severe canal "
        "stenosis at C4-5 and moderate to severe stenosis at C5-6, with cord flattening at both "
        "levels.",
        {
            "modality": "CT_MYELOGRAM",
            "regions": ["cervical"],
            "canal": {"C4-C5": "severe", "C5-C6": "moderate-severe"},
            "cord": (["C4-C5", "C5-C6"], False),
            "red_flags": [],
            "pathway": "urgent_surgical_review",
        },
    ),
]


CASES += [
    (
        "an unchecked box says the line's finding is absent",
        "CT C-SPINE WITHOUT CONTRAST - TRAUMA PROTOCOL\nChecklist\n[x] Fracture: nondisplaced fracture "
        "through the right C6 lamina.\n[ ] Malalignment\n[ ] Facet widening / perched facet\n"
        "Degenerative: moderate bilateral foraminal stenosis at C5-6.",
        {
            "modality": "CT",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": ["fracture"],
            "pathway": "red_flag_workup",
        },
    ),
    (
        "a cord flattened after a thoracic level is no cervical cord compression",
        "MRI CERVICAL AND THORACIC SPINE\nCERVICAL: moderate right C7-T1 foraminal narrowing.\n"
        "THORACIC\nT10-T11: Large central disc extrusion with severe canal stenosis.\nThe cord is "
        "displaced dorsally and flattened over two vertebral segments.",
        {
            "modality": "MRI",
            "regions": ["cervical", "thoracic"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
]


CASES += [
    (
        "unticked boxes before checklist items deny them",
        "CT C-SPINE WITHOUT CONTRAST - TRAUMA PROTOCOL\nAcute findings:\n☑ Fracture: nondisplaced "
        "fracture through the right C6 lamina.\n☐ Malalignment\n☐ Facet perching / dislocation\n"
        "Degenerative findings: C5-6: moderate left foraminal narrowing.",
        {
            "modality": "CT",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": ["fracture"],
            "pathway": "red_flag_workup",
        },
    ),
    (
        "an addendum naming a haemangioma withdraws a suspected metastasis",
        "MRI C-spine without contrast\nFindings: There is a 9 mm T2 hyperintense lesion in the C7 "
        "vertebral body. Metastasis cannot be excluded. C5-6: moderate right foraminal narrowing.\n"
        "Addendum: The C7 lesion shows coarse vertical trabeculae, typical of a vertebral "
        "hemangioma. The lesion is benign.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
]


CASES += [
    (
        "levels with ticked grades on one line under a canal heading",
        "MR CERVICAL SPINE WO\nCENTRAL CANAL\nC4-C5 [X] none   C5-C6 [X] mild   C6-C7 [X] mild",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {"C4-C5": "none", "C5-C6": "mild", "C6-C7": "mild"},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "no_foraminal_stenosis",
        },
    ),
    (
        "'T2-hyperintense' is a sequence, not the T2 vertebra",
        "MRI cervical spine\nFindings: Two known T2-hyperintense intramedullary lesions at the "
        "level of C2 and C4, unchanged in size. No canal or foraminal stenosis at any level.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {lvl: "none" for lvl in ("C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1")},
            "cord": ([], True),
            "red_flags": [],
            "pathway": "urgent_surgical_review",
        },
    ),
]


CASES += [
    (
        "'a myelopathic component should be excluded clinically' is no cord signal",
        "MRI CERVICAL SPINE\nImpression: Moderate bilateral C4-5 foraminal stenosis. The arm "
        "symptoms could be radicular, but a myelopathic component should be excluded clinically.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "injection_candidate",
        },
    ),
]


CASES += [
    (
        "an unticked option is denied, a ticked 'no' before a finding too",
        "C-SPINE MRI - REPORT FORM\nMarrow:    [x] no suspicious lesion    [ ] suspicious - describe: "
        "______\nFracture:  [ ] yes    [x] no\nC4-C5:  at most mild right foraminal narrowing.",
        {
            "modality": "MRI",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "conservative_care",
        },
    ),
    (
        "pick-list options on the line under their heading",
        "XR CERVICAL SPINE - FLEXION AND EXTENSION\nFracture\n[ ] Present   [x] None identified\n"
        "Other: Disc height loss at C5-6. Neural foramina not assessed on these views.",
        {
            "modality": "RADIOGRAPH",
            "regions": ["cervical"],
            "canal": {},
            "cord": ([], False),
            "red_flags": [],
            "pathway": "no_foraminal_stenosis",
        },
    ),
]


CASES += [
    ("'multilevel NFN, none high grade' is narrowing of no stated grade", "MRI C SPINE WO\nmultilevel DDD. multilevel NFN, none high grade. no CCS. cord nl.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False), "red_flags": [], "pathway": "conservative_care"}),
    ("a verb between a lesion and an article-less cord compresses it", "MRI C SPINE WO\nC4-5: DOC indenting ventral cord, mod CCS, mild bilat NFN",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "moderate"}, "cord": (["C4-C5"], False), "red_flags": [], "pathway": "surgical_review"}),
    ("'given the clinical concern for myelopathy' is no cord finding", "MRI CERVICAL SPINE\nIMPRESSION:\n1. Mild canal stenosis at C5-6. No cord signal abnormality.\nNeurosurgical correlation is suggested given the clinical concern for myelopathy.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "mild"}, "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"}),
]


CASES += [
    ("'Same as C3-4' copies the canal grade too", "MRI CERVICAL SPINE\nC3-4: Mild bilateral foraminal narrowing. Moderate canal stenosis.\nC4-5: Same as C3-4.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C3-C4": "moderate", "C4-C5": "moderate"}, "cord": ([], False), "red_flags": [], "pathway": "conservative_care"}),
    ("'myelo Malaysia' is speech recognition's 'myelomalacia'", "MRI OF THE CERVICAL SPINE\nIMPRESSION:\n1 period Severe canal stenosis at C4-5 with cord compression and myelo Malaysia period",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "severe"}, "cord": (["C4-C5"], True), "red_flags": [], "pathway": "urgent_surgical_review"}),
]


CASES += [
    ("'does not meet radiographic criteria for instability' is no red flag", "XR CERVICAL SPINE WITH FLEXION AND EXTENSION\nThere is 2 mm anterolisthesis of C3 on C4 which increases to 3 mm in flexion. This does not meet radiographic criteria for instability. Oblique views: moderate right C5-C6 foraminal narrowing.",
     {"modality": "RADIOGRAPH", "regions": ["cervical"], "canal": {}, "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"}),
]


CASES += [
    ("a lesion's extent before 'with' is not the coordinated findings' level", "MRI CERVICAL SPINE WITH CONTRAST\nFINDINGS:\nA rim-enhancing ventral epidural collection extends from C4 to C7, measuring up to 6 mm in thickness at C5-6, with severe central canal stenosis and compression of the cord at C5-6, and moderate canal stenosis at C4-5 and C6-7.\nIMPRESSION:\nEpidural abscess with severe canal stenosis and cord compression at C5-6.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "moderate", "C5-C6": "severe", "C6-C7": "moderate"}, "cord": (["C5-C6"], False), "red_flags": ["infection"], "pathway": "red_flag_workup"}),
    ("'Unremarkable within the limits of motion' is a normal level", "MRI CERVICAL SPINE\nFINDINGS:\nC5-6: Mild left foraminal narrowing. No canal stenosis.\nC7-T1: Unremarkable within the limits of motion.\nC2-3: Normal, within the limitations of this study.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C2-C3": "none", "C5-C6": "none", "C7-T1": "none"}, "cord": ([], False), "red_flags": [], "pathway": "conservative_care"}),
]


CASES += [
    ("a gloss grades the measurement at its level; a 'with' phrase takes the level before it", "CT CERVICAL SPINE\nFINDINGS:\nThe AP canal diameter is reduced to 7 mm at C4/5, representing severe canal stenosis, and to 10 mm at C3/4, where there is moderate canal stenosis.\nIMPRESSION:\nC5/6 discitis-osteomyelitis with a ventral epidural abscess from C4 to C7, causing cord compression at C5/6 with severe canal stenosis.",
     {"modality": "CT", "regions": ["cervical"], "canal": {"C3-C4": "moderate", "C4-C5": "severe", "C5-C6": "severe"}, "cord": (["C5-C6"], False), "red_flags": ["infection"], "pathway": "red_flag_workup"}),
    ("'none of these indent the cord' negates; a measured aside keeps 'at all levels'", "MRI CERVICAL SPINE\nFINDINGS:\nThere is early disc desiccation from C4/5 to C6/7 with small posterior disc bulges at these levels. None of these indent the cord. Spinal canal is of adequate calibre at all levels (narrowest AP diameter 11 mm at C5-C6).",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C2-C3": "none", "C3-C4": "none", "C4-C5": "none", "C5-C6": "none", "C6-C7": "none", "C7-T1": "none"}, "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"}),
]


CASES += [
    ("the level that closes a coordination after the stenosis, not the lesion's extent", "MRI CERVICAL SPINE\nIMPRESSION:\nSpondylodiscitis C6/7 with a ventral epidural abscess C5-Th1, causing high-grade spinal canal stenosis and compression of the myelon at C6/7.\nOPLL C3-C5 with severe spinal stenosis, cord compression and myelomalacia at C3-C4, and moderate spinal stenosis with cord indentation at C4-C5.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C3-C4": "severe", "C4-C5": "moderate", "C6-C7": "severe"}, "cord": (["C3-C4", "C4-C5", "C6-C7"], True), "red_flags": ["infection"], "pathway": "red_flag_workup"}),
    ("a 'with' phrase takes the level inside the stenosis phrase it follows", "MRI CERVICAL SPINE\nIMPRESSION:\nCord contusion from C3-4 to C4-5 in the setting of moderate to severe C3-4 canal stenosis with cord flattening.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C3-C4": "moderate-severe"}, "cord": (["C3-C4"], True), "red_flags": [], "pathway": "urgent_surgical_review"}),
    ("'question of' in a referral line asks, it does not find", "CT CERVICAL SPINE\nReferral: Right-sided C6 radiculopathy, question of early myelopathy.\nFindings:\nNormal alignment. The spinal canal at C5-C6 is wide. Mild right C5-C6 foraminal narrowing.",
     {"modality": "CT", "regions": ["cervical"], "canal": {"C5-C6": "none"}, "cord": ([], False), "red_flags": [], "pathway": "conservative_care"}),
    ("a canal expanded by surgery and stated capacious is not narrowed", "MRI CERVICAL SPINE\nFINDINGS:\nOpen-door laminoplasty from C3 to C7. The canal is expanded and now capacious at every operated level. No cord compression.\nC4-5: moderate right foraminal stenosis.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C3-C4": "none", "C4-C5": "none", "C5-C6": "none", "C6-C7": "none"}, "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"}),
]


CASES += [
    ("an unsteady gait is no spinal instability", "MRI C-SPINE\nClinical info: numbness both hands, gait unstable 2 months; walking unstable.\nFindings:\nMild left C5-6 foraminal narrowing. No canal stenosis at C5-6.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "none"}, "cord": ([], False), "red_flags": [], "pathway": "conservative_care"}),
    ("'not to be mistaken for a fracture' and 'CT is insensitive for ligamentous injury' flag nothing", "CT CERVICAL SPINE\nFindings:\nCongenital cleft of the posterior arch of C1, a normal variant not to be mistaken for a fracture. No acute fracture. Note that CT is insensitive for ligamentous injury; if there is ongoing clinical concern, MRI could be considered.",
     {"modality": "CT", "regions": ["cervical"], "canal": {}, "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"}),
    ("'Spinal canal wide.' is patent, but not at a level merely named before it", "MRI cervical spine.\nFindings: C5/6: Discrete disc bulge, neuroforamina free on both sides. Spinal canal wide.\nMild cervical kyphosis centred at C4-C5. Spinal canal wide.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "none"}, "cord": ([], False), "red_flags": [], "pathway": "no_foraminal_stenosis"}),
]


CASES += [
    ("'given the history' does not date a pathological fracture", "MRI CERVICAL SPINE\nIMPRESSION:\n1. Infiltrative lesion of the C6 vertebral body with an epidural component, highly suggestive of metastatic disease given the history, with a pathological fracture of C6 with mild collapse.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False), "red_flags": ["fracture", "malignancy"], "pathway": "red_flag_workup"}),
    ("'limits sensitivity for a fracture' and symptoms that 'may reflect myelopathy' find nothing", "CT CERVICAL SPINE\nFINDINGS:\nNo acute fracture or subluxation. Diffuse osteopenia limits sensitivity for a nondisplaced fracture.\nIMPRESSION:\nModerate left C5-6 foraminal narrowing. Bilateral hand numbness may reflect radiculopathy or myelopathy; MRI recommended.",
     {"modality": "CT", "regions": ["cervical"], "canal": {}, "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"}),
]


CASES += [
    ("a 'spine series' is radiographs", "CERVICAL SPINE SERIES\nClinical data: Neck pain radiating to R arm.\nFindings:\nAP, lateral, both obliques and odontoid views.\nThe right oblique shows moderate bony narrowing of the right C5-6 neural foramen by uncovertebral osteophytes.",
     {"modality": "RADIOGRAPH", "regions": ["cervical"], "canal": {}, "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"}),
    ("requests and resolved findings about the cord find nothing", "MRI C-spine.\nFINDINGS:\nThe cord oedema previously seen at C6 has resolved. Moderate right C5-6 foraminal narrowing.\nIMPRESSION:\n1. Resolved cord oedema and collections.\n2. Recommend correlation with neurological exam for myelopathy. Clinical assessment for myelopathy is suggested.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"}),
    ("a partial collapse of a vertebral body is a fracture; disc space collapse is not", "MRI CERVICAL SPINE WITH CONTRAST\nFINDINGS:\nDestruction of the adjoining endplates and partial collapse of the C5 vertebral body (about 30% loss of height), with prevertebral and epidural abscesses. Disc space collapse at C6-7.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": ([], False), "red_flags": ["fracture", "infection"], "pathway": "red_flag_workup"}),
]


CASES += [
    ("'Kang grade 1' keeps no grade under a report-defined Kim scale for the foramina", "MRI C-spine\n* Foraminal stenosis graded by Kim classification on axial T2WI: grade 0, normal; grade 1, moderate; grade 2, severe.\nFindings:\nC5-6: broad-based disc protrusion.\n - central canal stenosis, Kang grade 1. No cord deformity or abnormal cord signal.\n - Rt. foraminal stenosis, Kim grade 2.\n - Lt. foraminal stenosis, Kim grade 1.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C5-C6": "unspecified"}, "cord": ([], False), "red_flags": [], "pathway": "injection_candidate"}),
    ("a cord 'impressed' is compressed; a normal 'intramedullary signal of the spinal cord' is no signal change", "MRI CERVICAL SPINE\nFINDINGS:\nThe intramedullary signal of the spinal cord is homogeneous throughout the examined area.\nAt C4-C5: disc protrusion that impresses the anterior profile of the cord, with moderate canal stenosis. Moderate right foraminal stenosis.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {"C4-C5": "moderate"}, "cord": (["C4-C5"], False), "red_flags": [], "pathway": "surgical_review"}),
]


CASES += [
    ("a question the report answers 'No' finds nothing", "MRI CERVICAL SPINE\nFINDINGS:\n(a) Is there evidence of fracture or ligamentous injury? No. There is no fracture, no bone marrow oedema.\n(b) Is there cord compression? Yes, at C5-6 the cord is flattened. Moderate right C5-6 foraminal narrowing.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": (["C5-C6"], False), "red_flags": [], "pathway": "surgical_review"}),
    ("a 'non-neoplastic' lesion is no malignancy", "MRI CERVICAL SPINE\nIMPRESSION:\nNon-neoplastic retro-odontoid pseudotumor related to CPPD causing compression of the upper cervical cord at C1-C2. Mild left C5-6 foraminal narrowing.",
     {"modality": "MRI", "regions": ["cervical"], "canal": {}, "cord": (["C1-C2"], False), "red_flags": [], "pathway": "surgical_review"}),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_report(extractor: Extractor, name: str, text: str, expected: dict) -> None:
    r = extractor.extract(text, id=name)
    got = {
        "modality": r.modality,
        "regions": r.regions,
        "canal": r.canal_stenosis,
        "cord": (r.cord.compression_levels, r.cord.signal_abnormality),
        "red_flags": r.red_flags,
        "pathway": r.pathway.category,
    }
    assert got == expected


def test_pathway_flags_carry_rule_and_evidence(extractor: Extractor) -> None:
    text = MRI + "C5-6: Severe left foraminal stenosis."
    r = extractor.extract(text)
    assert r.pathway.category == "injection_candidate"
    assert [f.rule for f in r.pathway.flags] == ["IMG-4"]
    assert r.pathway.candidate_levels == ["C5-C6"]
    (start, end) = r.pathway.flags[0].evidence[0]
    assert "Severe left foraminal stenosis" in text[start:end]
    assert any("Decision support" in line for line in r.pathway.rationale)


def test_injection_threshold_is_configurable() -> None:
    ex = Extractor(injection_threshold="severe")
    r = ex.extract(MRI + "C5-6: Moderate left foraminal stenosis.")
    assert r.pathway.category == "conservative_care"
