"""Third-round (v3) pads: a label block with its values far to the right across a long empty gap, a form whose
labels sit in a tinted left margin beside long value lines, and a dispatcher's load sheet with one load on it."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.forms_table import WIDE_KEYS
from ticket_assets.synth_unseen.parts_v3 import fitted_label, form_keys, manifest_elsewhere, v3_title
from ticket_assets.synth_unseen.sheet import Sheet

MARGIN_WIDTH = 1.35
LOG_ROWS = 9


def draw_label_block(c: Canvas, sheet: Sheet) -> None:
    """Labels stacked at the left edge and values from the middle of the page on, nothing between them."""
    parts.logo(c, sheet, 0.3, 0.22, 0.5)
    top = parts.header(c, sheet, 0.95, 0.5, "left", 17)
    c.text(c.width_in - 0.3, 0.3, v3_title(sheet), 8, parts.bold(sheet.vendor.face), anchor="rs")
    parts.ticket_in_corner(c, sheet, parts.stamp_pt(c, sheet, 15, 2.0))
    keys = form_keys(sheet)
    first = max(top + 0.35, 1.45)
    step = min(0.34, (c.height_in - 1.0 - first) / len(keys))
    gap_x = c.width_in * 0.46
    for k, key in enumerate(keys):
        y = first + (k + 0.6) * step
        fitted_label(c, sheet, key, 0.35, y, gap_x - 0.6, 8.5)
        parts.value(c, sheet, key, gap_x, y, c.width_in - gap_x - 0.35, 11, sheet.vendor.face)
    bottom = c.height_in - 0.35
    manifest_elsewhere(c, sheet, 0.35, bottom - 0.38)
    parts.signature_line(c, sheet, "Rec'd", c.width_in * 0.5, c.width_in - 0.3, bottom, signed=c.rng.random() < 0.7)


def draw_margin_labels(c: Canvas, sheet: Sheet) -> None:
    """A tinted strip down the left edge holds every label, the title runs up it; values sit on long lines."""
    vendor = sheet.vendor
    tint = tuple(round(a * 0.2 + p * 0.8) for a, p in zip(vendor.accent, sheet.paper_rgb))
    c.rect(0, 0, MARGIN_WIDTH + 0.3, c.height_in, 0.1, fill=tint, outline=tint)
    c.turned_text(0.17, c.height_in / 2, v3_title(sheet), 9, parts.bold(vendor.face))
    top = parts.header(c, sheet, MARGIN_WIDTH + 0.5, 0.5, "left", 18)
    parts.ticket_number(c, sheet, c.width_in - 0.3, 0.5, "rs", 14)
    keys = form_keys(sheet)
    first = max(top + 0.3, 1.35)
    step = min(0.42, (c.height_in - 0.95 - first) / len(keys))
    for k, key in enumerate(keys):
        y = first + (k + 0.7) * step
        fitted_label(c, sheet, key, MARGIN_WIDTH + 0.2, y, MARGIN_WIDTH - 0.1, 7.5, anchor="rs")
        c.line(MARGIN_WIDTH + 0.45, y + 0.03, c.width_in - 0.3, y + 0.03, 0.5, fill=(140, 140, 140))
        parts.value(c, sheet, key, MARGIN_WIDTH + 0.55, y - 0.01, c.width_in - MARGIN_WIDTH - 1.0, 11)
    bottom = c.height_in - 0.3
    manifest_elsewhere(c, sheet, c.width_in - 3.3, bottom - 0.42)
    parts.signature_line(c, sheet, "Driver", MARGIN_WIDTH + 0.5, c.width_in - 3.5, bottom, signed=True)


def draw_dispatch_log(c: Canvas, sheet: Sheet) -> None:
    """A letter sheet ruled into a log: the day and the sheet number on top, the labels as column heads, one
    load written in the first row and the other rows left blank."""
    face = sheet.vendor.face
    parts.logo(c, sheet, 0.4, 0.3, 0.55)
    top = parts.header(c, sheet, 1.1, 0.6, "left", 20)
    c.text(c.width_in / 2, 0.55, v3_title(sheet), 14, parts.bold(face), anchor="ms")
    parts.ticket_number(c, sheet, c.width_in - 0.4, 0.6, "rs", 15)
    keys = form_keys(sheet)
    if "date" in keys:
        parts.labelled_line(c, sheet, "date", c.width_in / 2 - 1.4, c.width_in / 2 + 1.6, 1.0, 10)
        keys = tuple(k for k in keys if k != "date")
    c.text(c.width_in - 3.4, 1.0, "Dispatcher ________________", 9, face)
    bottom = _log_table(c, sheet, keys, max(top + 0.3, 1.35))
    manifest_elsewhere(c, sheet, 0.5, bottom + 0.55)
    parts.signature_line(c, sheet, "Foreman", c.width_in - 4.4, c.width_in - 0.4, c.height_in - 0.45, signed=True)


def _log_table(c: Canvas, sheet: Sheet, keys: tuple[str, ...], top: float) -> float:
    """Column heads, the numbered rows, the load in row 1; returns the table's bottom."""
    head, row = 0.5, 0.5
    weights = [2 if key in WIDE_KEYS else 1 for key in keys]
    unit = (c.width_in - 1.15) / sum(weights)
    c.rect(0.4, top, 0.75, top + head + LOG_ROWS * row, 0.8)
    for n in range(LOG_ROWS):
        c.text(0.57, top + head + (n + 0.65) * row, str(n + 1), 8, sheet.vendor.face, anchor="ms")
    x = 0.75
    for key, weight in zip(keys, weights):
        x1 = x + unit * weight
        c.rect(x, top, x1, top + head, 0.8, fill=(232, 232, 226))
        fitted_label(c, sheet, key, x + 0.05, top + head - 0.1, x1 - x - 0.1, 7.5)
        for n in range(LOG_ROWS):
            c.rect(x, top + head + n * row, x1, top + head + (n + 1) * row, 0.5)
        parts.value(c, sheet, key, x + 0.05, top + head + row - 0.12, x1 - x - 0.1, 9)
        x = x1
    return top + head + LOG_ROWS * row
