"""Seventh-round (v7) forms: a landfill or quarry scale receipt that weighs the truck in and out in pounds, gives
the net in tons and bills it on a charge line with a rate and an amount; a delivery record whose fields stand in a
two-column key / value grid under the hauler's framed name box; and a hauler's carbon set of underlined blanks
with the caption printed under each line, its number in red up the left edge or at the foot."""

from __future__ import annotations

import math

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.forms_v5 import pair_rows
from ticket_assets.synth_unseen.parts_v3 import fitted_label
from ticket_assets.synth_unseen.parts_v6 import value
from ticket_assets.synth_unseen.parts_v7 import (LEFT_STRIP, field_keys, foot_manifest, name_box, number_block,
                                                 pad_number, v7_title)
from ticket_assets.synth_unseen.phrasing_v7 import CHARGE_UNITS
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.wording_v7 import CHARGE_HEADS

KEY_SHADE = (228, 228, 228)
CHARGE_COLUMNS = (0.0, 2.35, 3.05, 3.5, 4.25)  # where each charge head starts, inches from the table's left
BILLED_KEYS = ("material", "quantity")  # a scale receipt prints these in its weights and charge line


def draw_scale_receipt(c: Canvas, sheet: Sheet) -> None:
    """Header at the left, the number block at the right, one `label: value` row a field, then the truck's two
    weighings in pounds with their times, the net in pounds and in tons, and the charge line."""
    w, face = c.width_in, sheet.vendor.face
    top = max(parts.header(c, sheet, 0.35, 0.55, "left", 13), number_block(c, sheet, w - 0.35, 0.55, 11))
    c.text(0.35, top + 0.15, v7_title(sheet), 10, parts.bold(face))
    parts.rule(c, top + 0.27, 0.3, w - 0.3, 1.4)
    keys = [k for k in field_keys(sheet) if k not in BILLED_KEYS]
    start = 0.35 + max(c.width(sheet.vendor.labels[k], 8.5, parts.bold(face)) for k in keys) + 0.15
    y = top + 0.55
    for key in keys:
        parts.label(c, sheet, key, 0.35, y, 8.5)
        value(c, sheet, key, start, y, w - 0.35 - start, 10)
        y += 0.29
    y = _weighings(c, sheet, y + 0.1)
    y = _charge_line(c, sheet, y + 0.25)
    foot_manifest(c, sheet, 0.35, w - 0.35, y + 0.45)
    parts.signature_line(c, sheet, "Driver", 0.35, w - 0.35, c.height_in - 0.3, signed=c.rng.random() < 0.7)


def _weighings(c: Canvas, sheet: Sheet, y: float) -> float:
    """IN and OUT weighings with their clock times (a full truck comes in to a landfill heavy and leaves a quarry
    heavy), the net in pounds, and the net in tons under the quantity's label; returns the y under them."""
    load, face, w = sheet.load, sheet.vendor.face, c.width_in
    net = round(load.quantity * 2000)
    tare = c.rng.randrange(24000, 34000, 20)
    weights = (tare + net, tare) if load.flow == "EXPORT" else (tare, tare + net)
    clock = c.rng.randint(6 * 60, 15 * 60)
    c.rect(0.3, y, w - 0.3, y + 1.3, 0.8)
    for k, (name, pounds) in enumerate(zip(("IN", "OUT"), weights)):
        row = y + 0.28 + k * 0.25
        minutes = clock + k * c.rng.randint(8, 25)
        c.text(0.45, row, f"{name}  {minutes // 60:02d}:{minutes % 60:02d}", 9, face)
        c.text(2.2, row, "GROSS" if pounds > tare else "TARE", 9, parts.bold(face))
        c.text(w - 0.45, row, f"{pounds:,} lb", 9.5, face, anchor="rs")
    c.line(2.2, y + 0.68, w - 0.45, y + 0.68, 0.6)
    c.text(2.2, y + 0.88, "NET", 9, parts.bold(face))
    c.text(w - 0.45, y + 0.88, f"{net:,} lb", 9.5, face, anchor="rs")
    parts.label(c, sheet, "quantity", 2.2, y + 1.15, 9)
    value(c, sheet, "quantity", w - 1.6, y + 1.15, 1.15, 11)
    return y + 1.3


def _charge_line(c: Canvas, sheet: Sheet, y: float) -> float:
    """`Description | Qty | UM | Rate | Amount`: the material billed by the net ton at the site's rate."""
    face, left = sheet.vendor.face, 0.35
    rate = c.rng.randint(1800, 4500) / 100
    tons = sheet.load.quantity
    for head, at in zip(CHARGE_HEADS, CHARGE_COLUMNS):
        c.text(left + at, y, head, 7.5, parts.bold(face))
    parts.rule(c, y + 0.06, 0.3, c.width_in - 0.3, 0.6)
    row = y + 0.3
    if "material" in sheet.entries:
        value(c, sheet, "material", left, row, CHARGE_COLUMNS[1] - 0.1, 9)
    cells = (f"{tons:.2f}", c.rng.choice(CHARGE_UNITS), f"{rate:.2f}", f"{tons * rate:,.2f}")
    for text, at in zip(cells, CHARGE_COLUMNS[1:]):
        c.text(left + at, row, text, 9, face)
    return row


def draw_kv_grid(c: Canvas, sheet: Sheet) -> None:
    """The name box at the left, title and number block at the right, then the fields in a grid of two key /
    value pairs a row, each key in a shaded cell."""
    w, h = c.width_in, c.height_in
    c.text(w - 0.3, 0.42, v7_title(sheet), 9, parts.bold(sheet.vendor.face), anchor="rs")
    top = max(name_box(c, sheet, 0.3, 0.2, w * 0.6), number_block(c, sheet, w - 0.3, 0.8))
    keys = field_keys(sheet)
    rows = math.ceil(len(keys) / 2)
    first = top + 0.2
    step = min(0.52, (h - 0.95 - first) / rows)
    span, key_width = (w - 0.6) / 2, 1.4
    for n, key in enumerate(keys):
        x, y = 0.3 + (n % 2) * span, first + (n // 2) * step
        c.rect(x, y, x + key_width, y + step, 0.7, fill=KEY_SHADE)
        c.rect(x + key_width, y, x + span, y + step, 0.7)
        fitted_label(c, sheet, key, x + 0.06, y + step * 0.68, key_width - 0.12)
        value(c, sheet, key, x + key_width + 0.08, y + step * 0.7, span - key_width - 0.16, 10.5)
    end = first + rows * step
    foot_manifest(c, sheet, 0.3, w / 2, end + 0.32)
    parts.signature_line(c, sheet, "Rec'd", w / 2 + 0.2, w - 0.3, h - 0.3, signed=c.rng.random() < 0.6)


def draw_caption_under(c: Canvas, sheet: Sheet) -> None:
    """The name box across the top, the title, then the fields as underlined blanks, two to a line where they are
    short, each with its caption printed under the line; the red number up the left edge or at the foot."""
    w, h = c.width_in, c.height_in
    x0 = LEFT_STRIP if sheet.vendor.corner == "left_edge" else 0.3
    top = name_box(c, sheet, x0, 0.2, w - 0.3, 12)
    c.text((x0 + w - 0.3) / 2, top + 0.3, v7_title(sheet), 10.5, parts.bold(sheet.vendor.face), anchor="ms")
    rows = pair_rows(field_keys(sheet))
    first = top + 0.85
    step = min(0.62, (h - 1.3 - first) / max(len(rows), 1))
    for k, row in enumerate(rows):
        y, span = first + k * step, (w - 0.3 - x0) / len(row)
        for n, key in enumerate(row):
            _blank(c, sheet, key, x0 + n * span, y, span - 0.15)
    end = first + (len(rows) - 1) * step
    foot_manifest(c, sheet, x0, w - 0.3, end + 0.5)
    parts.signature_line(c, sheet, "Driver", w / 2, w - 0.3, h - 0.55, signed=True)
    pad_number(c, sheet)


def _blank(c: Canvas, sheet: Sheet, key: str, x: float, y: float, width: float) -> None:
    """An underlined blank with the value on the line and the field's caption in small type under it."""
    c.line(x, y + 0.03, x + width, y + 0.03, 0.7)
    value(c, sheet, key, x + 0.05, y - 0.02, width - 0.1, 10.5)
    c.mark(f"label:{key}", c.text(x, y + 0.16, sheet.vendor.labels[key], 6, parts.bold(sheet.vendor.face)))
