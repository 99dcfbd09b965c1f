"""A vendor's eighth-round (v8) stock: a v8 layout and labels from one v8 register, numbered in print order on a
numbered form. Returns the traits that make the page new, for the truth."""

from __future__ import annotations

import random
from dataclasses import replace

from ticket_assets.synth_unseen.loads import Load
from ticket_assets.synth_unseen.restyle import fold_units
from ticket_assets.synth_unseen.vendors import LANDSCAPE, PORTRAIT, Vendor
from ticket_assets.synth_unseen.wording_v8 import BLOCK_KEYS, NUMBERED_REGISTERS, V8_FORMS_BY_ROLE, V8_REGISTERS


def restyle_v8(load: Load, rng: random.Random) -> tuple[Vendor, tuple[str, ...]]:
    """The load's vendor on its v8 stock, and the page's traits: layout and label register."""
    vendor = load.vendor
    form = rng.choice(V8_FORMS_BY_ROLE[vendor.role])
    register = rng.choice(sorted(V8_REGISTERS))
    keys = fold_units(vendor)
    if form == "load_info":  # its blocks print the fields in their own order
        keys = tuple(sorted(keys, key=lambda key: next(n for n, held in enumerate(BLOCK_KEYS) if key in held)))
    words = {key: rng.choice(V8_REGISTERS[register][key]) for key in ("ticket", *keys)}
    if register in NUMBERED_REGISTERS:
        words.update({key: f"{n}. {words[key]}" for n, key in enumerate(keys, start=1)})
    traits = (f"layout:{form}", f"labels:{register}")
    return replace(vendor, form=form, labels=words, rows=(keys,), corner="top_right", **_stock(form, vendor)), traits


def _stock(form: str, vendor: Vendor) -> dict:
    """Paper, size and pen of each v8 layout: a scale house prints its gate ticket, a dispatch form is filled in
    by hand as often as the hauler's own pad."""
    stocks = {
        "load_info": {"size": PORTRAIT, "paper": ("white", "yellow", "pink"), "mark": "numbering",
                      "hand_share": max(vendor.hand_share, 0.6)},
        "reverse_band": {"size": LANDSCAPE, "paper": ("white", "blue"), "mark": "printed",
                         "hand_share": min(vendor.hand_share, 0.3)},
    }
    return stocks[form]
