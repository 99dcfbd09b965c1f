"""One review item as the station shows it: each field's value, confidence, source and suggestions, the
lines of the page each value was read from, and the answer a submitted form makes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from starlette.datastructures import FormData

from ticket_assets.config import Settings
from ticket_assets.extract.corrections import CANONICAL_KINDS, UNITS
from ticket_assets.extract.record import Vocabularies
from ticket_assets.schema import CORRECTABLE_FIELDS

READ_FROM_PAGE = ("page", "text_layer", "template", "ocr")  # provenance sources whose value sits on the page


@dataclass(frozen=True)
class FieldView:
    name: str
    value: str  # as the form shows and sends it
    confidence: float | None
    source: str | None
    suggestions: tuple[str, ...]
    asked: bool  # the item is about this field


@dataclass(frozen=True)
class Outline:
    field: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in the upright page's pixels
    text: str


def vocabularies(settings: Settings) -> dict[str, tuple[str, ...]]:
    """The values each field with a vocabulary accepts, as `tickets review resolve` checks them."""
    known = Vocabularies.of(settings)
    chosen = {kind: known.vocabulary.canonical_values(kind) for kind in CANONICAL_KINDS}
    return {**chosen, "vendor": tuple(sorted(t.vendor for t in known.templates)), "quantity_unit": UNITS,
            "job_code": tuple(job.code for job in settings.jobs)}


def shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def field_views(record: dict | None, item: dict, page_reviews: list[dict]) -> list[FieldView]:
    """Every field a person may correct, with what the run found and what the page's open items suggest."""
    record = record or {}
    provenance = record.get("provenance") or {}
    suggested = _suggestions(row for row in page_reviews if not row["resolved"])
    return [FieldView(name, shown(record.get(name)), provenance.get(name, {}).get("confidence"),
                      provenance.get(name, {}).get("source"), suggested.get(name, ()), name == item["field_name"])
            for name in CORRECTABLE_FIELDS]


def _suggestions(reviews) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for review in reviews:
        for name, value in (review["suggested_fixes"] or {}).items():
            values = value if isinstance(value, list) else [value]
            found.setdefault(name, []).extend(shown(v) for v in values if isinstance(v, (str, int, float)))
    return {name: tuple(dict.fromkeys(values)) for name, values in found.items()}


def outlines(reading: dict | None, views: list[FieldView]) -> list[Outline]:
    """The lines of the page that hold each value read from it (the OCR and text-layer boxes)."""
    if not reading:
        return []
    lines = reading["words"] or []
    found = []
    for view in views:
        if not view.value or view.source not in READ_FROM_PAGE:
            continue
        wanted = _squashed(view.value)
        found.extend(Outline(view.name, tuple(line["box"]), line["text"]) for line in lines
                     if wanted and wanted in _squashed(line["text"]))
    return found


def _squashed(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def repeated_sets(form: FormData) -> list[str]:
    """Every value of a field the form sent more than once, as `FIELD=VALUE`: the answer's parser refuses two
    different ones rather than keep the last. The station's own form sends each field once."""
    repeated = [key for key in dict.fromkeys(form.keys()) if key.startswith("set_") and len(form.getlist(key)) > 1]
    return [f"{key.removeprefix('set_')}={value}" for key in repeated for value in form.getlist(key)]


def answer_sets(form: dict[str, str], views: list[FieldView], needs_value: bool) -> list[str]:
    """The `FIELD=VALUE` corrections of a submitted form, as `tickets review resolve --set` takes them: the
    field the item is about when it needs its value (the value shown is then confirmed), and every other
    field the person changed."""
    sets = []
    for view in views:
        sent = form.get(f"set_{view.name}")
        if sent is None:
            continue
        sent = sent.strip()
        if (needs_value and view.asked and sent) or sent != view.value:
            sets.append(f"{view.name}={sent}")
    return sets
