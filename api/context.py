"""Per-request facts the access log needs, kept in the ASGI scope (never report text)."""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping
from typing import Any

SCOPE_KEY = "foramen"


def new_context(rid: str) -> dict[str, Any]:
    return {"request_id": rid, "reports": None, "chars": None, "sha": None}


def request_id(scope: MutableMapping[str, Any]) -> str | None:
    ctx = scope.get(SCOPE_KEY)
    return ctx["request_id"] if ctx else None


def note_texts(scope: MutableMapping[str, Any], texts: list[str]) -> None:
    """Record how many reports, their total length and a sha256 fingerprint for the log."""
    ctx = scope.get(SCOPE_KEY)
    if ctx is None:
        return
    digest = hashlib.sha256()
    for text in texts:
        digest.update(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest())
    ctx["reports"] = len(texts)
    ctx["chars"] = sum(len(t) for t in texts)
    ctx["sha"] = digest.hexdigest()[:12]
