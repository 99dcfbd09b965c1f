"""What a fifth-round ("v5") page writes in its date, area, place, material and quantity fields."""

from __future__ import annotations

import random

from ticket_assets.synth_unseen import phrasing as say
from ticket_assets.synth_unseen import phrasing_v3 as say3
from ticket_assets.synth_unseen import phrasing_v4 as say4
from ticket_assets.synth_unseen import phrasing_v5 as say5
from ticket_assets.synth_unseen.wording_v5 import V5_UNIT_LABELS
from ticket_assets.synth_unseen.values_v4 import place_writers

UNIT_COLUMN_FORMS = ("line_item",)  # the amount's unit sits in a Unit column of its own
SCALE_FORMS = ("right_edge",)  # a scale house prints tons to the hundredth


def date_text(load, by_hand: bool, rng: random.Random) -> str:
    """The day in a v5 shape; a hand writes only the short shapes and the day-month-year in words."""
    day = load.day
    style = rng.choice(say5.HAND_DATE_STYLES if by_hand else sorted(say5.V5_DATE_FORMATS))
    return say5.V5_DATE_FORMATS[style].format(
        m=day.month, d=day.day, y=day.year, yy=day.year % 100, MON=say.MONTHS[day.month - 1],
        Mon=say3.MONTH_NAMES[day.month - 1], Month=say4.MONTH_FULL[day.month - 1])


source_text, destination_text = place_writers(say5.V5_AREA_PHRASES, say5.V5_DESTINATION_PHRASES)


def material_text(load, by_hand: bool, rng: random.Random) -> str:
    text = rng.choice(say5.V5_MATERIAL_PHRASES[load.material])
    return text.format(who=say.SPOILS_OWNERS.get(load.source or "", "trade"))


def quantity_text(load, by_hand: bool, rng: random.Random) -> str:
    """The amount: `12 TN` on a line item (number and Unit column), a bare number where the label names the
    unit, else the number with a v5 unit word."""
    if load.quantity is None:
        return ""
    number = number_text(load)
    if load.vendor.form in UNIT_COLUMN_FORMS:
        return f"{number} {rng.choice(say5.UNIT_COLUMN_WORDS[load.unit])}"
    if label_names_unit(load.vendor.labels["quantity"], load.unit):
        return number
    shapes = [s for s in say5.V5_QUANTITY_FORMATS[load.unit] if not (number == "1" and s.endswith("loads"))]
    return rng.choice(shapes).format(q=number)


def label_names_unit(label: str, unit: str | None) -> bool:
    return unit is not None and label in V5_UNIT_LABELS[unit]


def number_text(load) -> str:
    """Tons off a scale to the hundredth, other amounts as short as they go (`12.5`, `14`)."""
    if load.vendor.form in SCALE_FORMS and load.unit == "TONS":
        return f"{load.quantity:.2f}"
    return f"{load.quantity:g}"


V5_WRITERS = {"date": date_text, "source": source_text, "destination": destination_text,
              "material": material_text, "quantity": quantity_text}
