"""Pieces the seventh-round (v7) layouts share: the hauler's name box (with its truck number on some pages), the
number block with the red ticket number and, on some pages, the manifest under it, the red number of a carbon set
up its left edge or at its foot, and the manifest line at the foot that a hand fills in."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.parts_v6 import value
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.sheet_v4 import trait
from ticket_assets.synth_unseen.wording_v7 import NAME_BOX_TRUCK_LABELS, V7_TITLES

PAD_RED = parts.NUMBERING_RED
LEFT_STRIP = 0.6  # the margin a number printed up the left edge keeps for itself
NUMBER_BLOCK_WIDTH = 2.0  # inches the manifest under the ticket number may take, label over value


def v7_title(sheet: Sheet) -> str:
    titles = V7_TITLES[sheet.vendor.form]
    return titles[sum(map(ord, sheet.vendor.token)) % len(titles)]


def field_keys(sheet: Sheet) -> tuple[str, ...]:
    """The fields the form's body prints: all but a truck in the name box and a manifest placed elsewhere."""
    moved = {"truck"} if "truck:name_box" in sheet.traits else set()
    if trait(sheet, "manifest", "field") != "field":
        moved.add("manifest")
    return tuple(key for key in sheet.vendor.rows[0] if key not in moved)


def name_box(c: Canvas, sheet: Sheet, x0: float, y0: float, x1: float, pt: float = 14) -> float:
    """The company's name and address framed in a box from (x0, y0) to x1; on a `truck:name_box` page the box's
    right end holds the truck number, printed or written on its blank. Returns the y under the box."""
    parts.logo(c, sheet, x0 + 0.1, y0 + 0.1, 0.45)
    bottom = max(parts.header(c, sheet, x0 + 0.65, y0 + 0.35, "left", pt), y0 + 0.7)
    c.rect(x0, y0, x1, bottom, 1.2)
    if "truck:name_box" in sheet.traits:
        label = NAME_BOX_TRUCK_LABELS[sum(map(ord, sheet.vendor.token)) % len(NAME_BOX_TRUCK_LABELS)]
        left = x1 - 1.25
        c.line(left - 0.1, y0, left - 0.1, bottom, 0.8)
        c.text(left, y0 + 0.2, label, 7, parts.bold(sheet.vendor.face))
        c.line(left, bottom - 0.12, x1 - 0.1, bottom - 0.12, 0.6)
        value(c, sheet, "truck", left + 0.05, bottom - 0.15, 1.1, 13)
    return bottom


def number_block(c: Canvas, sheet: Sheet, x: float, y: float, pt: float = 13) -> float:
    """The ticket number right-aligned at (x, y) and, on a `manifest:number_block` page, the manifest under it;
    returns the y under the block."""
    parts.ticket_number(c, sheet, x, y, "rs", pt)
    if trait(sheet, "manifest") != "number_block":
        return y + 0.1
    start = x - NUMBER_BLOCK_WIDTH
    parts.label(c, sheet, "manifest", start, y + 0.28, 8)
    value(c, sheet, "manifest", start, y + 0.52, NUMBER_BLOCK_WIDTH, 10)
    return y + 0.62


def pad_number(c: Canvas, sheet: Sheet, pt: float = 13) -> None:
    """A carbon set's red number: up the left edge, read from the bottom, or at the foot's left."""
    text = f"{sheet.vendor.labels['ticket']} {sheet.load.ticket_number}"
    if sheet.vendor.corner == "left_edge":
        box = c.turned_text(LEFT_STRIP / 2, c.height_in / 2, text, pt, "mono", fill=PAD_RED)
    else:
        box = c.text(0.35, c.height_in - 0.22, text, pt, "mono", fill=PAD_RED)
    c.mark("ticket", box)


def foot_manifest(c: Canvas, sheet: Sheet, x0: float, x1: float, y: float) -> None:
    """On a `manifest:foot_line` page, `Manifest label ______` at the foot with the number written on it."""
    if trait(sheet, "manifest") != "foot_line":
        return
    start = x0 + parts.label(c, sheet, "manifest", x0, y, 8) + 0.08
    c.line(start, y + 0.03, x1, y + 0.03, 0.6)
    value(c, sheet, "manifest", start + 0.05, y - 0.01, x1 - start - 0.1)
