"""Haulers' carbon books: a ruled form with values on the lines, and a grid of boxes with a label in each."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.sheet import Sheet

LEFT, RIGHT = 0.3, 8.2


def draw_ruled(c: Canvas, sheet: Sheet) -> None:
    """Labels on the left of long rules; the header centred when a pit ticket box takes the top-left corner."""
    if "pit_ticket" in sheet.vendor.labels:
        _pit_ticket_box(c, sheet)
        parts.logo(c, sheet, 4.0, 0.12, 0.45)
        bottom = parts.header(c, sheet, 4.25, 0.85, "center", 19)
    else:
        parts.logo(c, sheet, LEFT, 0.25, 0.6)
        bottom = parts.header(c, sheet, LEFT + 0.75, 0.55, "left", 22)
    parts.ticket_in_corner(c, sheet)
    y = _ruled_rows(c, sheet, max(bottom, 1.35))
    _truck_kind(c, sheet, y + 0.3)
    parts.signature_line(c, sheet, "DRIVER SIGNATURE", LEFT, 4.6, 5.0, signed=True)
    parts.signature_line(c, sheet, "RECEIVED BY", 4.8, RIGHT, 5.0, signed=c.rng.random() < 0.6)


def _pit_ticket_box(c: Canvas, sheet: Sheet) -> None:
    c.rect(LEFT, 0.22, 2.6, 0.62, 1.2)
    parts.label(c, sheet, "pit_ticket", LEFT, 0.8, 8)
    parts.value(c, sheet, "pit_ticket", LEFT + 0.1, 0.52, 2.1)


def _ruled_rows(c: Canvas, sheet: Sheet, top: float) -> float:
    rows = sheet.vendor.rows
    height = min(0.55, (4.2 - top) / len(rows))
    y = top
    for row in rows:
        y += height
        width = (RIGHT - LEFT) / len(row)
        for k, key in enumerate(row):
            parts.labelled_line(c, sheet, key, LEFT + k * width, LEFT + (k + 1) * width - 0.15, y)
    return y


def _truck_kind(c: Canvas, sheet: Sheet, y: float) -> None:
    ticked = c.rng.randrange(4)
    for k, kind in enumerate(("TANDEM", "TRAILER", "END DUMP", "TRIAXLE")):
        c.checkbox(LEFT + k * 1.5, y, kind, ticked == k, 8.5, sheet.vendor.face)


def draw_grid(c: Canvas, sheet: Sheet) -> None:
    """Two columns of boxes; variant 0 puts the value under its label, variant 1 beside it."""
    parts.logo(c, sheet, 1.2, 0.2, 0.55)
    parts.header(c, sheet, 4.25, 0.45, "center", 18)
    parts.ticket_in_corner(c, sheet, 17)
    if sheet.vendor.variant == 0:
        c.checkbox(LEFT, 0.45, "DAYWORK", c.rng.random() < 0.5, 8)
        c.checkbox(LEFT, 0.7, "NIGHTWORK", False, 8)
    left, right = sheet.vendor.rows
    _grid_column(c, sheet, left, LEFT, 3.9)
    _grid_column(c, sheet, right, 3.9, RIGHT)
    parts.signature_line(c, sheet, "Trucker Signature", LEFT, 4.0, 5.3, signed=True)
    parts.signature_line(c, sheet, "Customer Signature", 4.2, RIGHT, 5.3, signed=c.rng.random() < 0.5)


def _grid_column(c: Canvas, sheet: Sheet, keys: tuple[str, ...], x0: float, x1: float) -> None:
    top, bottom = 1.3, 4.95
    height = (bottom - top) / len(keys)
    for k, key in enumerate(keys):
        y0 = top + k * height
        c.rect(x0, y0, x1, y0 + height, 1.0)
        if sheet.vendor.variant == 0:
            parts.label(c, sheet, key, x0 + 0.06, y0 + 0.15, 7)
            parts.value(c, sheet, key, x0 + 0.3, y0 + height - 0.12, x1 - x0 - 0.45, 12)
        else:
            width = parts.label(c, sheet, key, x0 + 0.06, y0 + height * 0.45, 8)
            parts.value(c, sheet, key, x0 + width + 0.2, y0 + height - 0.1, x1 - x0 - width - 0.3, 12)
