"""A person's answer to a review item: checked when given, applied above every automatic value."""

from __future__ import annotations

from datetime import date

from ticket_assets.extract.fields import UNITS as QUANTITY_UNITS
from ticket_assets.extract.record import Vocabularies

CORRECTABLE = ("ticket_number", "ticket_date", "vendor", "material", "flow", "quantity", "quantity_unit",
               "truck_number", "manifest_number", "source", "destination")
CANONICAL_KINDS = ("flow", "material", "source", "destination")
UNITS = tuple(dict.fromkeys(QUANTITY_UNITS.values()))


class CorrectionError(ValueError):
    """A correction names an unknown field or a value the field cannot hold."""


def parse_correction(field: str, text: str, known: Vocabularies):
    """The stored (JSON) form of `field=text`, or CorrectionError saying what is wrong."""
    if field not in CORRECTABLE:
        raise CorrectionError(f"{field!r} cannot be corrected; fields are {', '.join(CORRECTABLE)}")
    text = text.strip()
    if text == "":
        return None
    if field == "ticket_date":
        return _parse_date(text)
    if field == "quantity":
        return _parse_quantity(text)
    if field in CANONICAL_KINDS or field in ("vendor", "quantity_unit"):
        return _canonical(field, text.upper(), known)
    return text


def corrections_of(answer: dict | None) -> dict:
    """The answer's corrections as extraction values (dates back from their stored text)."""
    if not answer:
        return {}
    corrections = dict(answer["corrections"])
    if corrections.get("ticket_date"):
        corrections["ticket_date"] = date.fromisoformat(corrections["ticket_date"])
    return corrections


def _parse_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as err:
        raise CorrectionError(f"ticket_date must be YYYY-MM-DD, not {text!r}") from err


def _parse_quantity(text: str) -> float:
    try:
        return float(text)
    except ValueError as err:
        raise CorrectionError(f"quantity must be a number, not {text!r}") from err


def _canonical(field: str, value: str, known: Vocabularies) -> str:
    if field == "vendor":
        allowed = tuple(t.vendor for t in known.templates)
    elif field == "quantity_unit":
        allowed = UNITS
    else:
        allowed = known.vocabulary.canonical_values(field)
    if value not in allowed:
        raise CorrectionError(f"{field} must be one of {', '.join(allowed)}, not {value!r}")
    return value
