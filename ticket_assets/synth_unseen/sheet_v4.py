"""Where a fourth-round (v4) page puts a value outside its field: the date under the scale house's rubber stamp,
the material stamped across the load block, the manifest added by hand in the notes box, the truck number written
big by the driver across the top margin. Each choice is a trait of the page."""

from __future__ import annotations

import random
from dataclasses import replace

from ticket_assets.synth_unseen.sheet import Entry, Sheet

SPOTS = {  # value: (where it goes instead of its field, share of pages that do it, whether a hand puts it there)
    "date": ("stamp", 0.3, False),
    "material": ("stamp", 0.25, False),
    "manifest": ("notes", 0.4, True),
    "truck": ("big_hand", 0.3, True),
}
STAMPED_MATERIALS = ("CLASS_2_CONTAMINATED", "SPOILS")  # a landfill's gate stamps the waste it takes in
PRINTED_ONLY_FORMS = ("leader_receipt",)  # a scale printer's slip has no margin for a driver's hand


def fourth_round(sheet: Sheet, rng: random.Random) -> Sheet:
    """The sheet with some values moved to their v4 spots, each move named in the traits (`date:stamp`...)."""
    traits, entries = list(sheet.traits), dict(sheet.entries)
    for key, (spot, share, by_hand) in SPOTS.items():
        entry = entries.get(key)
        if entry and entry.text and _may_move(sheet, key) and rng.random() < share:
            entries[key] = Entry(text=entry.text, by_hand=by_hand)
            traits.append(f"{key}:{spot}")
    return replace(sheet, entries=entries, traits=tuple(traits))


def _may_move(sheet: Sheet, key: str) -> bool:
    if key == "material":
        return sheet.load.material in STAMPED_MATERIALS
    if key == "truck":
        return sheet.vendor.form not in PRINTED_ONLY_FORMS
    return True


def spot(sheet: Sheet, key: str) -> str:
    """Where the page shows `key`: "field", or the spot `fourth_round` moved it to."""
    return trait(sheet, key, "field") if key in SPOTS else "field"


def trait(sheet: Sheet, name: str, default: str | None = None) -> str | None:
    """The value of the page's `name:value` trait, or `default` when it has none."""
    return next((t.split(":", 1)[1] for t in sheet.traits if t.startswith(f"{name}:")), default)
