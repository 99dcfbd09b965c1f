"""No formulas smuggled in from paper: text a spreadsheet would run is written as text."""

from __future__ import annotations

# Leading characters that make Excel/LibreOffice read a cell as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    """True for text a spreadsheet would evaluate; numbers (a negative quantity) are never text."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def csv_text(value: str) -> str:
    """The value as CSV cell text, quoted with a leading `'` when it would run as a formula."""
    return "'" + value if looks_like_formula(value) else value
