"""Reading report input safely: clear, text-free error messages for unusable input."""

from __future__ import annotations

import sys
from pathlib import Path

MAX_INPUT_BYTES = 50 * 1024 * 1024


class InputReadError(ValueError):
    """Input could not be read or decoded (message never contains report text)."""


def read_input_bytes(source: str) -> bytes:
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        path = Path(source)
        try:
            if path.is_dir():
                raise InputReadError(f"{path.name} is a folder, not a report file")
            with path.open("rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
        except FileNotFoundError:
            raise InputReadError(f"no such file: {path.name}") from None
        except PermissionError:
            raise InputReadError(f"permission denied: {path.name}") from None
        except OSError as exc:
            raise InputReadError(f"cannot read {path.name}: {exc.strerror}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputReadError(f"input is larger than {MAX_INPUT_BYTES} bytes")
    return data


def decode_report(data: bytes) -> str:
    """UTF-8 (with or without BOM) text; binary and non-UTF-8 input are errors."""
    if b"\x00" in data[:8192]:
        raise InputReadError("input looks binary (contains NUL bytes), not a text report")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputReadError(
            f"input is not valid UTF-8 (invalid byte at offset {exc.start})"
        ) from None
    return text
