"""One input row as the batch sees it, and the rules that turn raw id/text values into it.

The same rules serve every reader and the Spark integration, so one input row gets the same id and
the same error reason whatever the entry point. Reasons never contain report text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# lone surrogates: bytes that were not UTF-8 (decoded with errors="surrogateescape"), or
# unpaired "\ud800"-style escapes in JSON; neither can be written out as UTF-8
_UNDECODABLE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Record:
    """Input row `row` (1-based): a text to extract, or the reason it cannot be extracted."""

    row: int
    id: str
    text: str | None
    error: str | None = None


def fallback_id(row: int) -> str:
    return f"row-{row}"


def record_id(raw: object, row: int | None) -> str | None:
    """The id column value when it is a non-empty string or a number; else "row-N" (None when
    there is no row number, as in Spark)."""
    if isinstance(raw, str) and raw.strip() and not _UNDECODABLE.search(raw):
        return raw
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, float) and raw == raw and raw not in (float("inf"), float("-inf")):
        return str(int(raw)) if raw.is_integer() else repr(raw)
    return fallback_id(row) if row is not None else None


MISSING = object()


def text_error(raw: object, text_col: str) -> str | None:
    """Why a raw text value cannot be extracted, or None when it is usable text."""
    if raw is MISSING:
        return f"missing text column {text_col!r}"
    if raw is None:
        return "text is null"
    if not isinstance(raw, str):
        return "text is not a string"
    if _UNDECODABLE.search(raw):
        return "text is not valid UTF-8"
    if not raw.strip():
        return "text is empty"
    return None


def make_record(row: int, raw_id: object, raw_text: object, text_col: str) -> Record:
    rid = record_id(raw_id, row)
    assert rid is not None
    reason = text_error(raw_text, text_col)
    if reason is not None:
        return Record(row, rid, None, reason)
    assert isinstance(raw_text, str)
    return Record(row, rid, raw_text)
