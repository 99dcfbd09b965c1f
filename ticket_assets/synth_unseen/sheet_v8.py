"""Where an eighth-round (v8) page puts a value other than in its field: the truck number written on the line of
its kind of truck (tandem, end dump...) or beside the driver's signature, the manifest added by hand in the
signature area or across the top margin, and the scale house's time clock stamp. Each choice is a trait of the
page."""

from __future__ import annotations

import random
from dataclasses import replace

from ticket_assets.synth_unseen.sheet import Entry, Sheet
from ticket_assets.synth_unseen.sheet_v4 import trait

TRUCK_SPOTS = ("field", "sign_block", "type_row")  # both away from the field are written by the driver
TYPE_ROW_FORMS = ("load_info",)  # only a hauler's dispatch form lists its kinds of truck
MANIFEST_SPOTS = ("field", "sign_block", "top_margin")  # both away from the field are written by hand
TIME_CLOCK_SHARE = 0.35
MOVED_BY_HAND = {"truck": TRUCK_SPOTS[1:], "manifest": MANIFEST_SPOTS[1:]}


def eighth_round(sheet: Sheet, rng: random.Random) -> Sheet:
    """The sheet with its v8 spots chosen, each named in the traits (`truck:type_row`, `manifest:top_margin`,
    `stamp:time_clock`); a value moved out of its field is written by hand."""
    traits, entries = list(sheet.traits), dict(sheet.entries)
    for key, spots in (("truck", _truck_spots(sheet)), ("manifest", MANIFEST_SPOTS)):
        entry = entries.get(key)
        if entry and entry.text:
            where = rng.choice(spots)
            if where in MOVED_BY_HAND[key]:
                entries[key] = Entry(text=entry.text, by_hand=True)
            traits.append(f"{key}:{where}")
    if rng.random() < TIME_CLOCK_SHARE:
        traits.append("stamp:time_clock")
    return replace(sheet, entries=entries, traits=tuple(traits))


def _truck_spots(sheet: Sheet) -> tuple[str, ...]:
    if sheet.vendor.role == "hauler" and sheet.vendor.form in TYPE_ROW_FORMS:
        return TRUCK_SPOTS
    return TRUCK_SPOTS[:2]


def moved(sheet: Sheet, key: str) -> bool:
    """Whether the page shows `key` somewhere other than its field."""
    return trait(sheet, key, "field") != "field"
