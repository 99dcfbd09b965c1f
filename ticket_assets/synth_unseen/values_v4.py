"""What a fourth-round ("v4") page writes in its date, area, place, material and quantity fields."""

from __future__ import annotations

import random
from collections.abc import Callable

from ticket_assets.synth_unseen import phrasing as say
from ticket_assets.synth_unseen import phrasing_v3 as say3
from ticket_assets.synth_unseen import phrasing_v4 as say4
from ticket_assets.synth_unseen.wording_v4 import UNIT_LABELS

BARE_QUANTITY_FORMS = ("stub_ticket", "carbon_set")  # their unit is a ticked box beside the number
SCALE_FORMS = ("leader_receipt",)  # a scale prints tons to the hundredth


def date_text(load, by_hand: bool, rng: random.Random) -> str:
    """The day in a v4 shape; a hand never writes the printer's compact `20241017`."""
    day = load.day
    style = rng.choice(say4.HAND_DATE_STYLES if by_hand else sorted(say4.V4_DATE_FORMATS))
    return say4.V4_DATE_FORMATS[style].format(
        m=day.month, d=day.day, y=day.year, yy=day.year % 100, Month=say4.MONTH_FULL[day.month - 1],
        Mon=say3.MONTH_NAMES[day.month - 1], dow=say4.WEEKDAY_FULL[day.weekday()])


def place_writers(area_phrases: dict, destination_phrases: dict) -> tuple[Callable, Callable]:
    """A round's source and destination writers: its own phrase for a known place, else a supplier's yard or
    a job's address (places no vocabulary names)."""
    def source_text(load, by_hand: bool, rng: random.Random) -> str:
        return rng.choice(area_phrases[load.source]) if load.source else rng.choice(say.SUPPLY_PLACES)

    def destination_text(load, by_hand: bool, rng: random.Random) -> str:
        if load.destination:
            return rng.choice(destination_phrases[load.destination])
        return rng.choice(say.JOB_ADDRESSES)

    return source_text, destination_text


source_text, destination_text = place_writers(say4.V4_AREA_PHRASES, say4.V4_DESTINATION_PHRASES)


def material_text(load, by_hand: bool, rng: random.Random) -> str:
    text = rng.choice(say4.V4_MATERIAL_PHRASES[load.material])
    text = text.format(who=say.SPOILS_OWNERS.get(load.source or "", "trade"))
    return text.upper() if not by_hand and rng.random() < 0.3 else text


def quantity_text(load, by_hand: bool, rng: random.Random) -> str:
    """The amount: a bare number where the label or a ticked box names the unit, else with a v4 unit word."""
    if load.quantity is None:
        return ""
    if load.vendor.form in BARE_QUANTITY_FORMS or label_names_unit(load.vendor.labels["quantity"], load.unit):
        return number_text(load)
    return rng.choice(say4.V4_QUANTITY_FORMATS[load.unit]).format(q=number_text(load))


def label_names_unit(label: str, unit: str | None) -> bool:
    """Whether `label` (in any case, with any ending) is one of the labels that name `unit`."""
    return unit is not None and _bare(label) in {_bare(text) for text in UNIT_LABELS[unit]}


def _bare(label: str) -> str:
    return label.rstrip(":-.# ").casefold()


def number_text(load) -> str:
    """Tons off a scale to the hundredth, other amounts as short as they go (`12.5`, `14`)."""
    if load.vendor.form in SCALE_FORMS and load.unit == "TONS":
        return f"{load.quantity:.2f}"
    return f"{load.quantity:g}"


V4_WRITERS = {"date": date_text, "source": source_text, "destination": destination_text,
              "material": material_text, "quantity": quantity_text}
