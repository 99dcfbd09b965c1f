"""Haulers' slips: a two-part form (the hauler's half on top, the receiving site's scale slip below a perforation),
and a small load ticket with its number stamped big in an oval in the bottom-left corner."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.forms_table import WIDE_KEYS, title
from ticket_assets.synth_unseen.sheet import Sheet

RECEIVER_KEYS = ("destination", "quantity", "tons", "yards", "loads", "remarks")
CLASS_BOXES = (("CLASS_2_CONTAMINATED", "Contaminated / Class 2"), ("NON_CONTAMINATED", "Clean / Non-Contam."),
               ("SPOILS", "Spoils"), ("IMPORT", "Import / Delivery"))


def draw_two_part(c: Canvas, sheet: Sheet) -> None:
    """Top: the hauler's copy; bottom, past the perforation: the receiving site's slip, numbered alike."""
    keys = sheet.vendor.rows[0]
    mid = c.height_in / 2
    parts.logo(c, sheet, 0.3, 0.22, 0.55)
    top = parts.header(c, sheet, 1.0, 0.5, "left", 17)
    c.text(c.width_in - 0.3, 0.3, "HAULER'S COPY", 7.5, parts.bold(sheet.vendor.face), anchor="rs")
    parts.ticket_number(c, sheet, c.width_in - 0.3, 0.62, "rs", _fitting_pt(c, sheet, 14, 2.3))
    _lines(c, sheet, [k for k in keys if k not in RECEIVER_KEYS], max(top + 0.3, 1.4), mid - 0.45)
    parts.signature_line(c, sheet, "Driver", 0.3, c.width_in - 0.3, mid - 0.2, signed=True)
    _perforation(c, mid)
    export = sheet.load.flow == "EXPORT"
    heading = "RECEIVING FACILITY - SCALE SLIP" if export else "JOB SITE - DELIVERY RECEIPT"
    c.text(0.3, mid + 0.4, heading, 9.5, parts.bold(sheet.vendor.face))
    parts.ticket_number(c, sheet, c.width_in - 0.3, mid + 0.4, "rs", _fitting_pt(c, sheet, 11, 2.0))
    y = _lines(c, sheet, [k for k in keys if k in RECEIVER_KEYS], mid + 0.85, c.height_in - 1.5)
    _scale_blanks(c, sheet, y + 0.35, export)
    parts.signature_line(c, sheet, "Weighmaster / Attendant" if export else "Received by", 0.3,
                         c.width_in - 0.3, c.height_in - 0.35, signed=c.rng.random() < 0.75)


def _fitting_pt(c: Canvas, sheet: Sheet, pt: float, width: float) -> float:
    """The size at which the printed `label number` fits in `width` inches."""
    text = f"{sheet.vendor.labels['ticket']} {sheet.load.ticket_number}"
    while pt > 9 and c.width(text, pt, "mono") > width:
        pt -= 0.5
    return pt


def _lines(c: Canvas, sheet: Sheet, keys: list[str], top: float, limit: float) -> float:
    """Labelled lines, two narrow fields to a line or one wide one; returns the y of the last line."""
    rows: list[list[str]] = []
    for key in keys:
        if rows and len(rows[-1]) == 1 and rows[-1][0] not in WIDE_KEYS and key not in WIDE_KEYS:
            rows[-1].append(key)
        else:
            rows.append([key])
    step = min(0.42, (limit - top) / max(1, len(rows) - 1))
    half = (c.width_in - 0.6) / 2
    for k, row in enumerate(rows):
        y = top + k * step
        for n, key in enumerate(row):
            x1 = c.width_in - 0.3 if len(row) == 1 or n == 1 else 0.3 + half - 0.1
            parts.labelled_line(c, sheet, key, 0.3 + n * half, x1, y, 8)
    return top + (len(rows) - 1) * step


def _perforation(c: Canvas, y: float) -> None:
    x = 0.1
    while x < c.width_in - 0.1:
        c.line(x, y, x + 0.08, y, 0.8, fill=(120, 120, 120))
        x += 0.15
    c.text(c.width_in / 2, y - 0.06, "DETACH HERE", 6, "sans", fill=(110, 110, 110), anchor="ms")


def _scale_blanks(c: Canvas, sheet: Sheet, y: float, export: bool) -> None:
    face = sheet.vendor.face
    c.text(0.3, y, "Time In ______   Time Out ______", 8, face)
    if export:
        c.checkbox(3.4, y, "Accepted", True, 8, face)
        c.checkbox(4.4, y, "Rejected", False, 8, face)


def draw_load_slip(c: Canvas, sheet: Sheet) -> None:
    """A small pad: header centred, the class ticked, fields in two columns, the number stamped in an oval."""
    parts.logo(c, sheet, 0.3, 0.2, 0.5)
    top = parts.header(c, sheet, c.width_in / 2, 0.45, "center", 16)
    c.text(c.width_in - 0.3, 0.3, title(sheet), 7.5, parts.bold(sheet.vendor.face), anchor="rs")
    _class_boxes(c, sheet, top + 0.2)
    keys = sheet.vendor.rows[0]
    narrow = [k for k in keys if k not in WIDE_KEYS]
    wide = [k for k in keys if k in WIDE_KEYS]
    first, limit = top + 0.6, c.height_in - 1.15
    for column, (x0, x1) in ((narrow, (0.3, 2.9)), (wide, (3.05, c.width_in - 0.3))):
        step = min(0.4, (limit - first) / max(1, len(column) - 1))
        for k, key in enumerate(column):
            parts.labelled_line(c, sheet, key, x0, x1, first + k * step, 8)
    parts.ticket_number(c, sheet, 1.3, c.height_in - 0.72, "ms", parts.stamp_pt(c, sheet, 17, 1.2))
    parts.signature_line(c, sheet, "Driver", 3.05, c.width_in - 0.3, c.height_in - 0.35, signed=True)


def _class_boxes(c: Canvas, sheet: Sheet, y: float) -> None:
    """What the load is, ticked: one of the export classes, or an import delivery."""
    load = sheet.load
    ticked = load.material if load.flow == "EXPORT" else "IMPORT"
    x = 0.3
    for value, text in CLASS_BOXES:
        c.checkbox(x, y, text, value == ticked, 8, sheet.vendor.face)
        x += 0.45 + c.width(text, 8, sheet.vendor.face)
