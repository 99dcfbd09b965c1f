"""Fourth-round (v4) office forms: a header band with the ticket number in a circle at its top-left over a
two-column table of ruled `label | value` cells, and a grid of value boxes whose labels are tiny, above and left of
each box, with the number under a round rubber stamp in a bottom corner."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.forms_table import WIDE_KEYS
from ticket_assets.synth_unseen.parts_v3 import fitted_label
from ticket_assets.synth_unseen.parts_v4 import circled_number, field_keys, moved_values, round_stamp, v4_title
from ticket_assets.synth_unseen.restyle_v4 import dress_label
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.sheet_v4 import spot, trait

BAND = (0.15, 0.95)  # top and bottom of the header band
LABEL_CELL = 1.25
COLUMNS = 4
BLANK_ROWS = ("Time In", "Time Out", "Gate #", "Rate", "Wash Out")  # printed on the stock, rarely filled in


def draw_ruled_pairs(c: Canvas, sheet: Sheet) -> None:
    """Band, circled number, then the fields in two side-by-side columns of ruled cells; notes and stamps below."""
    _band(c, sheet)
    circled_number(c, sheet, 0.85, 0.72, 1.05)
    top = BAND[1] + (0.65 if spot(sheet, "truck") == "big_hand" else 0.35)
    bottom = c.height_in - 1.2
    keys = field_keys(sheet)
    _pairs(c, sheet, keys + BLANK_ROWS[:max(0, 10 - len(keys))], top, bottom)
    h = c.height_in
    moved_values(c, sheet, ((5.1, h - 0.62), (7.3, h - 0.62)), (0.3, h - 1.1, 3.6), (c.width_in - 2.2, BAND[1] + 0.5))
    parts.signature_line(c, sheet, "Rec'd by", 0.3, 3.9, h - 0.15, signed=c.rng.random() < 0.7)


def _band(c: Canvas, sheet: Sheet) -> None:
    """A solid band in the vendor's colour, its name and contact in the paper's colour, the title at the right."""
    vendor, paper = sheet.vendor, sheet.paper_rgb
    c.rect(0, BAND[0], c.width_in, BAND[1], 0.1, fill=vendor.accent, outline=vendor.accent)
    name, *rest = vendor.header
    c.mark("header", c.text(1.55, BAND[0] + 0.36, name, 17, parts.bold(vendor.face), fill=paper))
    line = "  ".join((*rest, *vendor.contact))
    c.text(1.55, BAND[0] + 0.62, line, 7.5, vendor.face, fill=paper)
    c.text(c.width_in - 0.25, BAND[0] + 0.36, v4_title(sheet), 10, parts.bold(vendor.face), fill=paper,
           anchor="rs")


def _pairs(c: Canvas, sheet: Sheet, keys: tuple[str, ...], top: float, bottom: float) -> None:
    """Keys filled down the left column, then down the right: a tinted label cell, a white value cell; a blank row
    of the stock shows only its printed label."""
    per_column = -(-len(keys) // 2)
    height = min(0.45, (bottom - top) / max(per_column, 1))
    half = (c.width_in - 0.6) / 2
    tint = tuple(round(a * 0.12 + p * 0.88) for a, p in zip(sheet.vendor.accent, sheet.paper_rgb))
    for n, key in enumerate(keys):
        x0, y0 = 0.3 + (n // per_column) * half, top + (n % per_column) * height
        c.rect(x0, y0, x0 + LABEL_CELL, y0 + height, 0.8, fill=tint)
        c.rect(x0 + LABEL_CELL, y0, x0 + half, y0 + height, 0.8)
        if key in BLANK_ROWS:
            text = dress_label(key, trait(sheet, "label_case", "as_typed"), "")
            c.text(x0 + 0.06, y0 + height * 0.62, text, 8, parts.bold(sheet.vendor.face))
            continue
        fitted_label(c, sheet, key, x0 + 0.06, y0 + height * 0.62, LABEL_CELL - 0.12, 8)
        parts.value(c, sheet, key, x0 + LABEL_CELL + 0.1, y0 + height - 0.1, half - LABEL_CELL - 0.2, 10.5)


def draw_tiny_label_boxes(c: Canvas, sheet: Sheet) -> None:
    """Logo and header, then rows of boxes, each with its label in tiny type just above its top-left corner."""
    parts.logo(c, sheet, 0.3, 0.2, 0.5)
    top = parts.header(c, sheet, 0.95, 0.48, "left", 16)
    c.text(c.width_in - 0.3, 0.32, v4_title(sheet), 9, parts.bold(sheet.vendor.face), anchor="rs")
    first = max(top + 0.1, 1.2) + (0.3 if spot(sheet, "truck") == "big_hand" else 0)
    rows = _rows(field_keys(sheet))
    step = min(0.66, (c.height_in - 1.55 - first) / max(len(rows), 1))
    for k, row in enumerate(rows):
        _box_row(c, sheet, row, first + k * step, step - 0.2)
    left, h = sheet.vendor.corner == "circle_bottom_left", c.height_in
    round_stamp(c, sheet, 1.25 if left else c.width_in - 1.25, h - 0.75)
    notes_x, stamps_x = (2.45, c.width_in - 1.3) if left else (0.3, 4.95)
    moved_values(c, sheet, ((stamps_x, h - 1.15), (stamps_x, h - 0.45)), (notes_x, h - 1.35, 3.5),
                 (c.width_in - 2.2, 1.15))
    parts.signature_line(c, sheet, "Driver", notes_x, notes_x + 3.5, h - 0.3, signed=True)


def _rows(keys: tuple[str, ...]) -> list[list[str]]:
    rows: list[list[str]] = [[]]
    for key in keys:
        if sum(2 if k in WIDE_KEYS else 1 for k in rows[-1]) + (2 if key in WIDE_KEYS else 1) > COLUMNS:
            rows.append([])
        rows[-1].append(key)
    return rows


def _box_row(c: Canvas, sheet: Sheet, row: list[str], top: float, height: float) -> None:
    """One row of boxes with gaps between them; the last box stretches to the right margin."""
    unit = (c.width_in - 0.6) / COLUMNS
    x = 0.3
    for n, key in enumerate(row):
        x1 = c.width_in - 0.3 if n == len(row) - 1 else x + unit * (2 if key in WIDE_KEYS else 1) - 0.1
        fitted_label(c, sheet, key, x + 0.02, top + 0.1, x1 - x, 5.5)
        c.rect(x, top + 0.15, x1, top + 0.15 + height, 0.9)
        parts.value(c, sheet, key, x + 0.08, top + 0.15 + height - 0.09, x1 - x - 0.16, 11)
        x = x1 + 0.1
