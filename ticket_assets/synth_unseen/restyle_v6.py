"""A vendor's sixth-round (v6) stock: a v6 layout and labels from one v6 register printed as typed. Returns the
traits that make the page new, for the truth."""

from __future__ import annotations

import random
from dataclasses import replace

from ticket_assets.synth_unseen.loads import Load
from ticket_assets.synth_unseen.restyle import fold_units
from ticket_assets.synth_unseen.vendors import LANDSCAPE, PORTRAIT, Vendor
from ticket_assets.synth_unseen.wording_v6 import V6_FORMS_BY_ROLE, V6_REGISTERS


def restyle_v6(load: Load, rng: random.Random) -> tuple[Vendor, tuple[str, ...]]:
    """The load's vendor on its v6 stock, and the page's traits: layout and label register."""
    vendor = load.vendor
    form = rng.choice(V6_FORMS_BY_ROLE[vendor.role])
    register = rng.choice(sorted(V6_REGISTERS))
    keys = fold_units(vendor)
    labels = {key: rng.choice(V6_REGISTERS[register][key]) for key in ("ticket", *keys)}
    traits = (f"layout:{form}", f"labels:{register}")
    return replace(vendor, form=form, labels=labels, rows=(keys,), corner="top_right", **_stock(form, vendor)), traits


def _stock(form: str, vendor: Vendor) -> dict:
    """Paper, size, face and pen of each v6 layout: a carbonless set is the bottom (tinted) copy of a pad."""
    stocks = {
        "corner_label_box": {"size": LANDSCAPE, "paper": ("white", "blue"), "mark": "numbering",
                             "hand_share": max(vendor.hand_share, 0.5)},
        "side_panels": {"size": LANDSCAPE, "paper": ("white", "yellow"), "mark": "printed",
                        "hand_share": min(vendor.hand_share, 0.5)},
        "carbon_offset": {"size": PORTRAIT, "paper": ("yellow", "pink"), "mark": "numbering",
                          "hand_share": max(vendor.hand_share, 0.7)},
    }
    return stocks[form]
