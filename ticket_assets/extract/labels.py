"""The labels forms put before their values, read from templates/labels.yaml into patterns that forgive
OCR's usual confusions (`MANlFEST`, `TRUCK#`, `C0MMODITY`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

LABELS_FILE = Path(__file__).resolve().parent.parent / "templates" / "labels.yaml"
CONFUSED = {"I": "[I1L|!]", "L": "[L1I|]", "O": "[O0Q]", "S": "[S5$]", "M": "(?:M|RN)", " ": r"\s*", ".": r"\.?"}
NUMBER_WORD = r"(?:\s*(?:#|N[O0º°]\.?|NUMBER|NUM\.?)(?![A-Z]))?\s*:?"


@dataclass(frozen=True)
class Labels:
    by_field: dict[str, re.Pattern]
    quantity_units: dict[str, str | None]  # quantity label, as written in the file -> its unit
    quantity_patterns: tuple[tuple[re.Pattern, str | None], ...]
    not_labels: re.Pattern
    any_label: re.Pattern
    form_titles: re.Pattern

    def of(self, field: str) -> re.Pattern:
        return self.by_field[field]


def spelling_pattern(spelling: str) -> str:
    """A label's spelling as a pattern: OCR's confusions allowed, a number word or colon after it taken with it."""
    needs_colon = spelling.endswith(":")
    body = "".join(CONFUSED.get(char, re.escape(char)) for char in spelling.upper().rstrip(":"))
    ending = r"\s*:" if needs_colon else rf"(?![A-Z]){NUMBER_WORD}"
    return rf"(?<![A-Z0-9]){body}{ending}"


def _alternatives(spellings) -> re.Pattern:
    longest_first = sorted(spellings, key=len, reverse=True)
    return re.compile("|".join(f"(?:{spelling_pattern(s)})" for s in longest_first), re.I)


@lru_cache(maxsize=1)
def form_labels(path: Path = LABELS_FILE) -> Labels:
    data = yaml.safe_load(path.read_text())
    quantity = data.pop("quantity")
    not_labels = data.pop("not_labels")
    form_titles = data.pop("form_titles")
    by_field = {field: _alternatives(spellings) for field, spellings in data.items()}
    every = [s for spellings in data.values() for s in spellings] + list(quantity)
    return Labels(
        by_field=by_field,
        quantity_units=quantity,
        quantity_patterns=tuple((_alternatives([label]), unit) for label, unit in quantity.items()),
        not_labels=_alternatives(not_labels),
        any_label=_alternatives(every),
        form_titles=_alternatives(form_titles),
    )
