"""A vendor's fifth-round (v5) stock: a v5 layout, labels from one v5 register printed as typed, where its ticket
number sits and how its quantity carries a unit. Returns the traits that make the page new, for the truth."""

from __future__ import annotations

import random
from dataclasses import replace

from ticket_assets.synth_unseen.loads import Load
from ticket_assets.synth_unseen.restyle import fold_units
from ticket_assets.synth_unseen.values_v5 import UNIT_COLUMN_FORMS
from ticket_assets.synth_unseen.vendors import LANDSCAPE, PORTRAIT, Vendor
from ticket_assets.synth_unseen.wording_v5 import V5_FORMS_BY_ROLE, V5_REGISTERS, V5_REGISTERS_BY_ROLE, V5_UNIT_LABELS

UNIT_LABEL_SHARE = 0.4  # pages whose quantity label names the unit, so the value is a bare number
STUB_SHARE = 0.35  # pages whose ticket number is printed only on the perforated stub at the foot
TICKET_SPOTS = {"right_edge": "top_right", "line_item": "title_block", "caps_over_line": "top_right",
                "box_over_label": "top_box"}


def restyle_v5(load: Load, rng: random.Random) -> tuple[Vendor, tuple[str, ...]]:
    """The load's vendor on its v5 stock, and the page's traits: layout, register, where the ticket number sits
    and how the quantity shows its unit."""
    vendor = load.vendor
    form = rng.choice(V5_FORMS_BY_ROLE[vendor.role])
    register = rng.choice(V5_REGISTERS_BY_ROLE[vendor.role])
    keys = fold_units(vendor)
    labels = {key: rng.choice(V5_REGISTERS[register][key]) for key in ("ticket", *keys)}
    style = _quantity_style(load, form, rng) if "quantity" in keys else None
    if style == "unit_label":
        labels["quantity"] = rng.choice(V5_UNIT_LABELS[load.unit])
    corner = "bottom_stub" if rng.random() < STUB_SHARE else TICKET_SPOTS[form]
    traits = (f"layout:{form}", f"labels:{register}", f"ticket:{corner}", *([f"quantity:{style}"] if style else ()))
    return replace(vendor, form=form, labels=labels, rows=(keys,), corner=corner, **_stock(form, vendor)), traits


def _quantity_style(load: Load, form: str, rng: random.Random) -> str:
    """How the amount shows its unit: a Unit column of its own, the label, or a unit word after the number."""
    if form in UNIT_COLUMN_FORMS:
        return "unit_column"
    if load.quantity is not None and rng.random() < UNIT_LABEL_SHARE:
        return "unit_label"
    return "unit_word"


def _stock(form: str, vendor: Vendor) -> dict:
    """Paper, size, face and pen of each v5 layout: a scale house and an invoice printer print nearly all, a
    hauler's pad is filled in by hand."""
    stocks = {
        "right_edge": {"size": PORTRAIT, "face": "sans", "paper": ("white", "pink"), "mark": "printed",
                       "hand_share": min(vendor.hand_share, 0.3)},
        "line_item": {"size": LANDSCAPE, "paper": ("white",), "mark": "printed", "hand_share": 0.1},
        "caps_over_line": {"size": PORTRAIT, "mark": "numbering", "hand_share": max(vendor.hand_share, 0.8)},
        "box_over_label": {"size": LANDSCAPE, "paper": ("white", "yellow", "pink"), "mark": "printed",
                           "hand_share": max(vendor.hand_share, 0.6)},
    }
    return stocks[form]
