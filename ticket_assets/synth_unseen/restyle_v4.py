"""A vendor's fourth-round (v4) stock: a v4 layout, labels from one v4 register printed in one case and with one
ending, and the way its quantity carries a unit. Returns the traits that make the page new, for the truth."""

from __future__ import annotations

import random
from dataclasses import replace

from ticket_assets.synth_unseen.loads import Load
from ticket_assets.synth_unseen.restyle import fold_units
from ticket_assets.synth_unseen.values_v4 import BARE_QUANTITY_FORMS
from ticket_assets.synth_unseen.vendors import LANDSCAPE, Vendor
from ticket_assets.synth_unseen.wording_v4 import (LABEL_CASES, LABEL_ENDS, UNIT_LABELS, V4_FORMS_BY_ROLE,
                                                   V4_REGISTERS, V4_REGISTERS_BY_ROLE)

RECEIPT_WIDTH = 4.25  # a scale printer's slip, as long as its lines need
CARBON_SET = (5.5, 8.5)
UNIT_LABEL_SHARE = 0.4  # pages whose quantity label names the unit, so the value is a bare number
TICKET_SPOTS = {"ruled_pairs": ("circle_top_left",), "leader_receipt": ("bottom_bars",),
                "tiny_label_boxes": ("circle_bottom_left", "circle_bottom_right"),
                "carbon_set": ("bottom_numbering",), "stub_ticket": ("stub_and_top_left",)}


def restyle_v4(load: Load, rng: random.Random) -> tuple[Vendor, tuple[str, ...]]:
    """The load's vendor on its v4 stock, and the page's traits: layout, register, label case and ending,
    quantity style and where the ticket number sits."""
    vendor = load.vendor
    form = rng.choice(V4_FORMS_BY_ROLE[vendor.role])
    register = rng.choice(V4_REGISTERS_BY_ROLE[vendor.role])
    keys = fold_units(vendor)
    labels = {key: rng.choice(V4_REGISTERS[register][key]) for key in ("ticket", *keys)}
    style = _quantity_style(load, form, rng) if "quantity" in keys else None
    if style == "unit_label":
        labels["quantity"] = rng.choice(UNIT_LABELS[load.unit])
    case, end = rng.choice(LABEL_CASES), rng.choice(sorted(LABEL_ENDS))
    labels = {key: dress_label(text, case, LABEL_ENDS[end]) for key, text in labels.items()}
    corner = rng.choice(TICKET_SPOTS[form])
    traits = (f"layout:{form}", f"labels:{register}", f"label_case:{case}", f"label_end:{end}", f"ticket:{corner}",
              *([f"quantity:{style}"] if style else ()))
    stock = _stock(form, vendor, len(keys))
    return replace(vendor, form=form, labels=labels, rows=(keys,), corner=corner, **stock), traits


def _quantity_style(load: Load, form: str, rng: random.Random) -> str:
    """How the amount shows its unit: a ticked box, a scale's gross/tare/net block, the label, or a unit word."""
    if form in BARE_QUANTITY_FORMS:
        return "checkbox"
    if form == "leader_receipt" and load.unit == "TONS" and load.quantity is not None:
        return "gross_tare"
    if load.quantity is not None and rng.random() < UNIT_LABEL_SHARE:
        return "unit_label"
    return "unit_word"


def dress_label(text: str, case: str, end: str) -> str:
    """The label as the stock prints it: in `case`, followed by `end` unless its own last mark already ends it."""
    text = {"upper": text.upper(), "lower": text.lower(), "title": _title(text)}.get(case, text)
    if text[-1] in ".@" or (end == "." and text[-1] in "#)"):
        return text
    return f"{text}{end}"


def _title(text: str) -> str:
    """Title case that leaves short all-capital tokens (`PO`, `ID`, `CY`, `T`) as they are."""
    return " ".join(w if w.isupper() and len(w) <= 3 else w.capitalize() for w in text.split(" "))


def _stock(form: str, vendor: Vendor, fields: int) -> dict:
    """Paper, size, face and pen of each v4 layout: scale printers print nearly all, carbon sets are hand-filled."""
    stocks = {
        "ruled_pairs": {"size": LANDSCAPE, "mark": "printed"},
        "leader_receipt": {"size": (RECEIPT_WIDTH, 6.0 + 0.4 * fields), "face": "mono", "paper": ("white",),
                           "hand_share": 0.05, "mark": "printed"},
        "tiny_label_boxes": {"size": LANDSCAPE, "mark": "stamp", "hand_share": max(vendor.hand_share, 0.6)},
        "carbon_set": {"size": CARBON_SET, "paper": ("yellow", "pink", "white"), "mark": "numbering",
                       "hand_share": max(vendor.hand_share, 0.85)},
        "stub_ticket": {"size": LANDSCAPE, "mark": "numbering", "hand_share": max(vendor.hand_share, 0.75)},
    }
    return stocks[form]
