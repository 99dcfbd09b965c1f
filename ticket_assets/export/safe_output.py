"""What every report writer shares: whole files only, and no formulas smuggled in from paper."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Callable

# Leading characters that make Excel/LibreOffice read a cell as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    """True for text a spreadsheet would evaluate; numbers (a negative quantity) are never text."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def csv_text(value: str) -> str:
    """The value as CSV cell text, quoted with a leading `'` when it would run as a formula."""
    return "'" + value if looks_like_formula(value) else value


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Let `write` fill a temporary file beside `path`, then rename it into place.

    A reader sees the old file or the new one, never half of one.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(temporary)
        _flush_to_disk(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _flush_to_disk(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
