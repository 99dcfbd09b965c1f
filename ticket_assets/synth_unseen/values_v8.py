"""What an eighth-round (v8) page writes in its date, area, place, material and quantity fields."""

from __future__ import annotations

import random

from ticket_assets.synth_unseen import phrasing as say
from ticket_assets.synth_unseen import phrasing_v3 as say3
from ticket_assets.synth_unseen import phrasing_v8 as say8
from ticket_assets.synth_unseen.values_v4 import place_writers

ORDINAL_ENDS = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def date_text(load, by_hand: bool, rng: random.Random) -> str:
    """The day in a v8 shape; a hand writes only the ordinal and the spaced-out numeric ones."""
    day = load.day
    style = rng.choice(say8.HAND_DATE_STYLES if by_hand else sorted(say8.V8_DATE_FORMATS))
    return say8.V8_DATE_FORMATS[style].format(m=day.month, d=day.day, y=day.year, yy=day.year % 100,
                                              Mon=say3.MONTH_NAMES[day.month - 1], MON=say.MONTHS[day.month - 1],
                                              Dow=say3.WEEKDAYS[day.weekday()], th=ORDINAL_ENDS.get(day.day, "th"))


source_text, destination_text = place_writers(say8.V8_AREA_PHRASES, say8.V8_DESTINATION_PHRASES)


def material_text(load, by_hand: bool, rng: random.Random) -> str:
    text = rng.choice(say8.V8_MATERIAL_PHRASES[load.material])
    return text.format(who=say.SPOILS_OWNERS.get(load.source or "", "trade"))


def quantity_text(load, by_hand: bool, rng: random.Random) -> str:
    """The amount with a v8 unit word: tons a scale or a plant weighed to the hundredth, others as short as they
    go."""
    if load.quantity is None:
        return ""
    weighed = load.unit == "TONS" and load.vendor.role != "hauler"
    number = f"{load.quantity:.2f}" if weighed else f"{load.quantity:g}"
    return rng.choice(say8.V8_QUANTITY_FORMATS[load.unit]).format(q=number)


V8_WRITERS = {"date": date_text, "source": source_text, "destination": destination_text,
              "material": material_text, "quantity": quantity_text}
