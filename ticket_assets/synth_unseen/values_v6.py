"""What a sixth-round (v6) page writes in its date, area, place, material and quantity fields."""

from __future__ import annotations

import random

from ticket_assets.synth_unseen import phrasing as say
from ticket_assets.synth_unseen import phrasing_v6 as say6
from ticket_assets.synth_unseen.values_v4 import place_writers


def date_text(load, by_hand: bool, rng: random.Random) -> str:
    """The day in a v6 shape; a hand writes only the plain numeric ones."""
    day = load.day
    style = rng.choice(say6.HAND_DATE_STYLES if by_hand else sorted(say6.V6_DATE_FORMATS))
    return say6.V6_DATE_FORMATS[style].format(m=day.month, d=day.day, y=day.year, MON=say.MONTHS[day.month - 1])


source_text, destination_text = place_writers(say6.V6_AREA_PHRASES, say6.V6_DESTINATION_PHRASES)


def material_text(load, by_hand: bool, rng: random.Random) -> str:
    text = rng.choice(say6.V6_MATERIAL_PHRASES[load.material])
    return text.format(who=say.SPOILS_OWNERS.get(load.source or "", "trade"))


def quantity_text(load, by_hand: bool, rng: random.Random) -> str:
    """The amount with a v6 unit word; one load is never written in a plural."""
    if load.quantity is None:
        return ""
    shapes = [s for s in say6.V6_QUANTITY_FORMATS[load.unit] if not (load.quantity == 1 and s.endswith(("(S)", "s")))]
    return rng.choice(shapes).format(q=f"{load.quantity:g}")


V6_WRITERS = {"date": date_text, "source": source_text, "destination": destination_text,
              "material": material_text, "quantity": quantity_text}
