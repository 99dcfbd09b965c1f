"""Where a fifth-round (v5) page puts a value other than plainly in its field: the quantity written by hand in the
margin with an arrow to its empty field, the manifest with its prefix on a line of its own or split over two boxes,
and the office's RECEIVED stamp pressed across the value column. Each choice is a trait of the page."""

from __future__ import annotations

import random
import re
from dataclasses import replace

from ticket_assets.synth_unseen.sheet import Entry, Sheet
from ticket_assets.synth_unseen.sheet_v4 import trait

MARGIN_SHARE = 0.3  # pages whose amount was added later by hand, in the margin
MANIFEST_SPOTS = ("field", "prefix_line", "split_boxes")
LOW_BOX_FORMS = ("box_over_label",)  # a value box has no room for a second line: no prefix on a line of its own
RECEIVED_SHARE = 0.35
SEPARATOR = re.compile(r"[ _/.\-]+")


def fifth_round(sheet: Sheet, rng: random.Random) -> Sheet:
    """The sheet with its v5 spots chosen, each named in the traits (`quantity_spot:margin_arrow`,
    `manifest:prefix_line`, `stamp:received_across`)."""
    traits, entries = list(sheet.traits), dict(sheet.entries)
    quantity = entries.get("quantity")
    if quantity and quantity.text and "quantity:unit_column" not in traits and rng.random() < MARGIN_SHARE:
        entries["quantity"] = Entry(text=quantity.text, by_hand=True)
        traits.append("quantity_spot:margin_arrow")
    manifest = entries.get("manifest")
    if manifest and manifest.text and SEPARATOR.search(manifest.text):
        spots = [s for s in MANIFEST_SPOTS if not (s == "prefix_line" and sheet.vendor.form in LOW_BOX_FORMS)]
        traits.append(f"manifest:{rng.choice(spots)}")
    if rng.random() < RECEIVED_SHARE:
        traits.append("stamp:received_across")
    return replace(sheet, entries=entries, traits=tuple(traits))


def manifest_parts(text: str) -> tuple[str, str]:
    """The manifest cut at its first separator: the prefix and the rest, each shown apart on some v5 pages."""
    head, rest = SEPARATOR.split(text, maxsplit=1)
    return head, rest


def spot(sheet: Sheet, key: str) -> str:
    """How the page shows `key`: "field", or the v5 spot `fifth_round` chose for it."""
    if key == "quantity":
        return trait(sheet, "quantity_spot", "field")
    if key == "manifest":
        return trait(sheet, "manifest", "field")
    return "field"
