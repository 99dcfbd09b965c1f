"""Where a sixth-round (v6) page departs from a plain field: a printed value struck through with the right one
written beside it, the manifest written by hand next to its printed but empty box, the office's PAID stamp with a
number of its own, and the faint, drifted bottom copy of a carbonless set. Each choice is a trait of the page."""

from __future__ import annotations

import random
from dataclasses import replace

from ticket_assets.synth_unseen.sheet import Entry, Sheet

CORRECTION_SHARE = 0.35  # pages where a printed value was wrong and a hand put the right one beside it
CORRECTED_KEYS = ("truck", "quantity")
BESIDE_BOX_SHARE = 0.5  # contaminated panel pages whose manifest was added by hand next to its empty box
BESIDE_BOX_FORMS = ("side_panels",)
PAID_SHARE = 0.35
CARBON_INK = (108, 118, 172)  # what a ballpoint leaves on the bottom copy of a carbonless set


def sixth_round(sheet: Sheet, rng: random.Random) -> Sheet:
    """The sheet with its v6 spots chosen, each named in the traits (`correction:truck`, `manifest:beside_box`,
    `stamp:paid`); the bottom copy of a carbonless set is written in its faint ink."""
    traits, entries = list(sheet.traits), dict(sheet.entries)
    keys = [k for k in CORRECTED_KEYS if entries.get(k) and entries[k].text]
    if keys and rng.random() < CORRECTION_SHARE:
        key = rng.choice(keys)
        entries[key] = Entry(text=entries[key].text, by_hand=True)
        traits.append(f"correction:{key}")
    manifest = entries.get("manifest")
    if manifest and manifest.text and sheet.vendor.form in BESIDE_BOX_FORMS and rng.random() < BESIDE_BOX_SHARE:
        entries["manifest"] = Entry(text=manifest.text, by_hand=True)
        traits.append("manifest:beside_box")
    if rng.random() < PAID_SHARE:
        traits.append("stamp:paid")
    writer, carbon = sheet.writer, sheet.carbon
    if sheet.vendor.form == "carbon_offset":
        writer, carbon = replace(writer, ink=CARBON_INK, bold=False), True
    return replace(sheet, entries=entries, traits=tuple(traits), writer=writer, carbon=carbon)


def struck_text(text: str) -> str:
    """The wrong value the printer put there first: the right one with its first digit changed (never to 0)."""
    at = next(k for k, ch in enumerate(text) if ch.isdigit())
    return text[:at] + str((int(text[at]) + 4) % 9 + 1) + text[at + 1:]
