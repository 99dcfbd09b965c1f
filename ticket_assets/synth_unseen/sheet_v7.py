"""Where a seventh-round (v7) page puts a value other than in its field: the truck number in the hauler's name box
at the head of the page, and the manifest under the red ticket number or added by hand on a line at the foot.
Each choice is a trait of the page."""

from __future__ import annotations

import random
from dataclasses import replace

from ticket_assets.synth_unseen.sheet import Entry, Sheet

NAME_BOX_SHARE = 0.4  # hauler pages whose truck number stands in the company's name box, not in a field
NAME_BOX_HAND_SHARE = 0.5  # of those, the ones where the driver wrote it on the box's blank (else printed: own pad)
MANIFEST_SPOTS = ("field", "number_block", "foot_line")  # a foot line is filled in by hand
NUMBER_BLOCK_FORMS = ("scale_receipt", "kv_grid")  # a carbon set's red number stands alone on its edge or foot


def seventh_round(sheet: Sheet, rng: random.Random) -> Sheet:
    """The sheet with its v7 spots chosen, each named in the traits (`truck:name_box`, `manifest:number_block`)."""
    traits, entries = list(sheet.traits), dict(sheet.entries)
    truck = entries.get("truck")
    if sheet.vendor.role == "hauler" and truck and truck.text and rng.random() < NAME_BOX_SHARE:
        entries["truck"] = Entry(text=sheet.load.truck, by_hand=rng.random() < NAME_BOX_HAND_SHARE)
        traits.append("truck:name_box")
    manifest = entries.get("manifest")
    if manifest and manifest.text:
        where = rng.choice([s for s in MANIFEST_SPOTS
                            if s != "number_block" or sheet.vendor.form in NUMBER_BLOCK_FORMS])
        if where == "foot_line":
            entries["manifest"] = Entry(text=manifest.text, by_hand=True)
        traits.append(f"manifest:{where}")
    return replace(sheet, entries=entries, traits=tuple(traits))
