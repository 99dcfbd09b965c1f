"""A vendor's new ticket stock: the same company, number and fields, printed in a new layout or new wording."""

from __future__ import annotations

import random
from dataclasses import replace

from ticket_assets.synth_unseen.vendors import LANDSCAPE, PORTRAIT, Vendor
from ticket_assets.synth_unseen.wording import REGISTERS, REGISTERS_BY_ROLE
from ticket_assets.synth_unseen.wording_v3 import V3_FORMS_BY_ROLE, V3_REGISTERS, V3_REGISTERS_BY_FORM

NEW_LAYOUT_SHARE = 0.8  # the rest of the new-variant pages keep their vendor's layout under new labels
NEW_FORMS = {"facility": ("thermal", "table", "under_label"),
             "supplier": ("thermal", "table", "under_label"),
             "hauler": ("under_label", "table", "thermal") + ("two_part", "load_slip") * 2}
FIELD_ORDER = ("date", "customer", "job", "po", "truck", "trailer", "driver", "pit_ticket", "source", "destination",
               "material", "manifest", "quantity", "tons", "yards", "loads", "remarks")
THERMAL_WIDTH = 3.15  # 80 mm roll
LOAD_SLIP = (7.0, 4.5)
DISPATCH_SHEET = (11.0, 8.5)
UNIT_COLUMNS = ("tons", "yards", "loads")


def restyle(vendor: Vendor, rng: random.Random) -> Vendor:
    """The vendor as a new variant: mostly a new layout with new labels, otherwise its own layout relabelled."""
    register = REGISTERS[rng.choice(REGISTERS_BY_ROLE[vendor.role])]
    if rng.random() >= NEW_LAYOUT_SHARE:
        labels = {key: _fitting_label(register[key], text, rng) for key, text in vendor.labels.items()}
        return replace(vendor, labels=labels)
    labels = {key: rng.choice(register[key]) for key in vendor.labels}
    form = rng.choice(NEW_FORMS[vendor.role])
    keys = tuple(key for key in FIELD_ORDER if any(key in row for row in vendor.rows))
    return replace(vendor, form=form, labels=labels, rows=(keys,), **_stock(form, vendor, len(keys)))


def _fitting_label(choices: tuple[str, ...], old: str, rng: random.Random) -> str:
    """A new wording that fits where the old label stood: not much longer than it."""
    fitting = [text for text in choices if len(text) <= len(old) + 3]
    return rng.choice(fitting) if fitting else min(choices, key=len)


def _stock(form: str, vendor: Vendor, fields: int) -> dict:
    """What the new paper stock changes besides the layout: size, face, paper, numbering, share written by hand."""
    if form == "thermal":
        weighs = vendor.role != "hauler"
        height = 3.4 + 0.32 * fields + (1.0 if weighs else 0.0)
        return {"size": (THERMAL_WIDTH, round(height, 2)), "face": "mono", "paper": ("thermal",),
                "hand_share": 0.05, "mark": "printed"}
    if form == "two_part":
        return {"size": PORTRAIT, "mark": "numbering", "hand_share": max(vendor.hand_share, 0.7)}
    if form == "load_slip":
        return {"size": LOAD_SLIP, "mark": "oval", "hand_share": max(vendor.hand_share, 0.7)}
    return {"size": PORTRAIT if form == "table" else LANDSCAPE}


def restyle_v3(vendor: Vendor, rng: random.Random) -> tuple[Vendor, str]:
    """The vendor's third-round stock: a v3 layout with labels from one v3 register; returns it and the register's
    name. Tons, yards and loads columns fold into one quantity field that carries its unit."""
    form = rng.choice(V3_FORMS_BY_ROLE[vendor.role])
    register = rng.choice(V3_REGISTERS_BY_FORM[form])
    keys = fold_units(vendor)
    labels = {key: rng.choice(V3_REGISTERS[register][key]) for key in ("ticket", *keys)}
    return replace(vendor, form=form, labels=labels, rows=(keys,), **_v3_stock(form, vendor)), register


def fold_units(vendor: Vendor) -> tuple[str, ...]:
    """The vendor's fields in `FIELD_ORDER`, its tons, yards and loads columns folded into one quantity."""
    held = {("quantity" if key in UNIT_COLUMNS else key) for row in vendor.rows for key in row}
    return tuple(key for key in FIELD_ORDER if key in held)


def _v3_stock(form: str, vendor: Vendor) -> dict:
    """Paper, size and pen of each v3 layout: scale software prints nearly everything, pads are filled by hand."""
    stocks = {
        "weighmaster": {"size": PORTRAIT, "face": "mono", "paper": ("white",), "hand_share": 0.05, "mark": "printed"},
        "disposal_receipt": {"size": PORTRAIT, "face": "sans", "paper": ("white", "pink"), "hand_share": 0.1,
                             "mark": "printed"},
        "label_block": {"size": LANDSCAPE},
        "margin_labels": {"size": LANDSCAPE, "mark": "numbering", "hand_share": max(vendor.hand_share, 0.6)},
        "dispatch_log": {"size": DISPATCH_SHEET, "face": "narrow", "paper": ("white", "yellow"), "mark": "numbering",
                         "hand_share": 0.9},
        "merged_grid": {"size": LANDSCAPE, "mark": "cell", "hand_share": max(vendor.hand_share, 0.7)},
    }
    return stocks[form]
