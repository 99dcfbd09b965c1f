"""What a seventh-round (v7) page writes in its date, area, place, material, quantity and truck fields."""

from __future__ import annotations

import random

from ticket_assets.synth_unseen import phrasing as say
from ticket_assets.synth_unseen import phrasing_v3 as say3
from ticket_assets.synth_unseen import phrasing_v7 as say7
from ticket_assets.synth_unseen.values_v4 import place_writers
from ticket_assets.synth_unseen.wording_v7 import WEIGHED_FORMS

TRAILER_MARK = "Trlr"  # a truck label naming the trailer too: the value is `truck/trailer`


def date_text(load, by_hand: bool, rng: random.Random) -> str:
    """The day in a v7 shape; a hand writes only the numeric ones without a weekday."""
    day = load.day
    style = rng.choice(say7.HAND_DATE_STYLES if by_hand else sorted(say7.V7_DATE_FORMATS))
    return say7.V7_DATE_FORMATS[style].format(m=day.month, d=day.day, y=day.year, yy=day.year % 100,
                                              Mon=say3.MONTH_NAMES[day.month - 1],
                                              DOW=say7.WEEKDAYS[day.weekday()])


source_text, destination_text = place_writers(say7.V7_AREA_PHRASES, say7.V7_DESTINATION_PHRASES)


def material_text(load, by_hand: bool, rng: random.Random) -> str:
    text = rng.choice(say7.V7_MATERIAL_PHRASES[load.material])
    return text.format(who=say.SPOILS_OWNERS.get(load.source or "", "trade"))


def quantity_text(load, by_hand: bool, rng: random.Random) -> str:
    """A scale receipt's net tons to the hundredth under a label that names them, else the amount with a v7 unit
    word; one load is never written in a plural."""
    if load.quantity is None:
        return ""
    if load.vendor.form in WEIGHED_FORMS:
        return f"{load.quantity:.2f}"
    shapes = [s for s in say7.V7_QUANTITY_FORMATS[load.unit] if not (load.quantity == 1 and s.endswith("s."))]
    return rng.choice(shapes).format(q=f"{load.quantity:g}")


def truck_text(load, by_hand: bool, rng: random.Random) -> str:
    """The truck number; under a `Trk/Trlr` label on a form without a trailer field of its own, the trailer's
    number follows it after a slash."""
    if not load.truck:
        return ""
    if TRAILER_MARK in load.vendor.labels["truck"] and "trailer" not in load.vendor.labels:
        return f"{load.truck}/{rng.randint(10, 399)}"
    return load.truck


V7_WRITERS = {"date": date_text, "source": source_text, "destination": destination_text,
              "material": material_text, "quantity": quantity_text, "truck": truck_text}
