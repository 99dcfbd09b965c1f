"""A vendor's seventh-round (v7) stock: a v7 layout, labels from one v7 register printed as typed, and where its
red ticket number sits. Returns the traits that make the page new, for the truth."""

from __future__ import annotations

import random
from dataclasses import replace

from ticket_assets.synth_unseen.loads import Load
from ticket_assets.synth_unseen.restyle import fold_units
from ticket_assets.synth_unseen.vendors import LANDSCAPE, PORTRAIT, Vendor
from ticket_assets.synth_unseen.wording_v7 import NET_TON_LABELS, V7_FORMS_BY_ROLE, V7_REGISTERS, WEIGHED_FORMS

PAD_NUMBER_SPOTS = ("left_edge", "bottom_left")  # where a hauler's carbon set prints its red number


def restyle_v7(load: Load, rng: random.Random) -> tuple[Vendor, tuple[str, ...]]:
    """The load's vendor on its v7 stock, and the page's traits: layout, label register and where the ticket
    number sits. A scale receipt is drawn only for a load weighed in tons, and labels its quantity as net tons."""
    vendor = load.vendor
    weighed = load.unit == "TONS" and load.quantity is not None
    form = rng.choice([f for f in V7_FORMS_BY_ROLE[vendor.role] if weighed or f not in WEIGHED_FORMS])
    register = rng.choice(sorted(V7_REGISTERS))
    keys = fold_units(vendor)
    labels = {key: rng.choice(V7_REGISTERS[register][key]) for key in ("ticket", *keys)}
    if form in WEIGHED_FORMS:
        labels["quantity"] = rng.choice(NET_TON_LABELS)
    corner = rng.choice(PAD_NUMBER_SPOTS) if form == "caption_under" else "top_right"
    traits = (f"layout:{form}", f"labels:{register}", f"ticket:{corner}")
    return replace(vendor, form=form, labels=labels, rows=(keys,), corner=corner, **_stock(form, vendor)), traits


def _stock(form: str, vendor: Vendor) -> dict:
    """Paper, size, face and pen of each v7 layout: a scale house prints everything, a hauler's carbon set is
    filled in by hand."""
    stocks = {
        "scale_receipt": {"size": PORTRAIT, "face": "mono", "paper": ("white", "pink"), "mark": "printed",
                          "hand_share": 0.05},
        "kv_grid": {"size": LANDSCAPE, "paper": ("white", "yellow", "blue"), "mark": "numbering",
                    "hand_share": vendor.hand_share},
        "caption_under": {"size": PORTRAIT, "paper": ("white", "yellow", "pink"), "mark": "numbering",
                          "hand_share": max(vendor.hand_share, 0.75)},
    }
    return stocks[form]
