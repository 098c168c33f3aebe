"""The registry layout: one row per report with a fixed column set, whatever the input.

Columns, in this order:

- `id`, `modality`
- `foraminal_<level>_<side>` for every cervical disc level C1-C2 … C7-T1 (in that order) and side
  `left`, `right`, `unspecified` — the `unspecified` column holds narrowing the report gave no
  side for, so nothing in the result's grid is lost
- `canal_<level>` for the same levels
- `cord_compression`: the compression levels joined with ";" ("" when none)
- `cord_signal_abnormality`: boolean
- `red_flags`: the red flags joined with ";" ("" when none)
- `pathway_category`
- `error`: the reason an input row could not be extracted (null on extracted rows)
- `schema_version`, `extractor_version`, `ruleset_sha256`

Every column is a string except `cord_signal_abnormality` (boolean). A level the report does not
discuss is null (an empty CSV cell); "none" means explicitly not narrowed. On an error row every
finding column is null and `error` holds the reason.
"""

from __future__ import annotations

from typing import Any

from ..levels import CERVICAL_LEVELS
from ..schema import SCHEMA_VERSION, ExtractorInfo, ReportResult

SIDES = ("left", "right", "unspecified")


def _slug(level: str) -> str:
    return level.lower().replace("-", "_")


FORAMINAL_COLUMNS: dict[tuple[str, str], str] = {
    (level, side): f"foraminal_{_slug(level)}_{side}" for level in CERVICAL_LEVELS for side in SIDES
}
CANAL_COLUMNS: dict[str, str] = {level: f"canal_{_slug(level)}" for level in CERVICAL_LEVELS}

COLUMNS: list[str] = [
    "id",
    "modality",
    *FORAMINAL_COLUMNS.values(),
    *CANAL_COLUMNS.values(),
    "cord_compression",
    "cord_signal_abnormality",
    "red_flags",
    "pathway_category",
    "error",
    "schema_version",
    "extractor_version",
    "ruleset_sha256",
]
BOOLEAN_COLUMNS = frozenset({"cord_signal_abnormality"})
LIST_SEPARATOR = ";"


def arrow_schema() -> Any:
    """The explicit pyarrow schema of the registry (so empty inputs keep the same columns)."""
    import pyarrow as pa

    return pa.schema(
        [pa.field(c, pa.bool_() if c in BOOLEAN_COLUMNS else pa.string()) for c in COLUMNS]
    )


def spark_ddl() -> str:
    """The same schema as a Spark DDL string."""
    return ", ".join(f"`{c}` {'boolean' if c in BOOLEAN_COLUMNS else 'string'}" for c in COLUMNS)


def _empty_row() -> dict[str, Any]:
    return dict.fromkeys(COLUMNS)


def result_row(result: ReportResult) -> dict[str, Any]:
    """A ReportResult as one registry row."""
    row = _empty_row()
    row["id"] = result.id
    row["modality"] = result.modality
    for level, sides in result.foraminal_stenosis.items():
        for side, severity in sides.items():
            column = FORAMINAL_COLUMNS.get((level, side))
            if column is not None:
                row[column] = severity
    for level, severity in result.canal_stenosis.items():
        column = CANAL_COLUMNS.get(level)
        if column is not None:
            row[column] = severity
    row["cord_compression"] = LIST_SEPARATOR.join(result.cord.compression_levels)
    row["cord_signal_abnormality"] = result.cord.signal_abnormality
    row["red_flags"] = LIST_SEPARATOR.join(result.red_flags)
    row["pathway_category"] = result.pathway.category
    row["schema_version"] = result.schema_version
    row["extractor_version"] = result.extractor.version
    row["ruleset_sha256"] = result.extractor.ruleset_sha256
    return row


def error_row(rid: str | None, reason: str, info: ExtractorInfo) -> dict[str, Any]:
    """An input row that could not be extracted: id, reason and versions; findings null."""
    row = _empty_row()
    row["id"] = rid
    row["error"] = reason
    row["schema_version"] = SCHEMA_VERSION
    row["extractor_version"] = info.version
    row["ruleset_sha256"] = info.ruleset_sha256
    return row
