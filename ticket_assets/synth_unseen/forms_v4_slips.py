"""Fourth-round (v4) slips: a scale printer's narrow receipt (labels left, dot leaders, values flush right, the
weights, the number over a barcode at the foot), a carbon set whose top half is terms and signatures and whose
load block sits at the bottom of the page, and a hauler's ticket with a tear-off stub at its left edge."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.forms_table import WIDE_KEYS
from ticket_assets.synth_unseen.parts_v3 import fitted_label
from ticket_assets.synth_unseen.parts_v4 import (barred_number, field_keys, moved_values, unit_boxes, v4_title,
                                                 weight_lines)
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.sheet_v4 import spot

TERMS = ("Carrier agrees to transport the material described below in accordance with all applicable federal,",
         "state and local regulations. Shipper certifies the material is properly described, classified and",
         "in proper condition for transportation. Waiting time over 15 minutes billed at the posted hourly rate.",
         "Claims for shortage must be made at time of delivery. Not responsible for damage beyond the curb line.")
COPIES = ("PART 2 - DRIVER COPY", "PART 3 - CUSTOMER COPY", "PART 1 - OFFICE COPY")
STUB_WIDTH = 2.1


def draw_leader_receipt(c: Canvas, sheet: Sheet) -> None:
    """Centred header and title, a line a field with dot leaders, the weights, notes, the barcode at the foot."""
    face = sheet.vendor.face
    top = parts.header(c, sheet, c.width_in / 2, 0.5, "center", 15)
    c.text(c.width_in / 2, top + 0.2, v4_title(sheet), 10, parts.bold(face), anchor="ms")
    c.text(c.width_in / 2, top + 0.38, "-" * 38, 8, face, anchor="ms")
    y = top + 0.65
    for key in field_keys(sheet):
        y = _leader_value(c, sheet, key, y) + 0.27
    if "quantity:gross_tare" in sheet.traits:
        y = weight_lines(c, sheet, 0.3, c.width_in - 0.3, y + 0.05) + 0.1
    moved_values(c, sheet, ((c.width_in / 2, y + 0.5), (c.width_in / 2, y + 1.2)),
                 (0.3, c.height_in - 1.85, c.width_in - 0.6), (0, 0))
    parts.signature_line(c, sheet, "DRIVER", 0.3, c.width_in - 0.3, c.height_in - 0.95, signed=True)
    barred_number(c, sheet, 0.6, c.height_in - 0.3, c.width_in - 1.2)


def _leader_value(c: Canvas, sheet: Sheet, key: str, y: float) -> float:
    """`LABEL ..... value` with the value flush right; a value too long for the line drops to the next one, still
    flush right. Returns the y of the last line used."""
    face, right = sheet.vendor.face, c.width_in - 0.3
    label, entry = sheet.vendor.labels[key], sheet.entries.get(key)
    text = entry.text if entry else ""
    c.mark(f"label:{key}", c.text(0.3, y, label, 8.5, face))
    start = 0.3 + c.width(label, 8.5, face) + 0.06
    fits = c.width(text, 9, face) <= right - start - 0.3
    end = right - (c.width(text, 9, face) + 0.06 if fits and text else 0)
    c.text(start, y, "." * max(0, int((end - start) / c.width(".", 8.5, face))), 8.5, face, fill=(110, 110, 110))
    line = y if fits else y + 0.22
    if text and entry.by_hand:  # a hand fills in on the line below, from an indent
        line = y + 0.3
        parts.value(c, sheet, key, 0.6, line, right - 0.6, 9, face)
    elif text:
        parts.value(c, sheet, key, right, line, right - 0.5, 9, face, anchor="rs")
    return line


def draw_carbon_set(c: Canvas, sheet: Sheet) -> None:
    """Header, the copy's name, the terms and two signatures; the load block fills the lower half, its number
    printed in red at the bottom right."""
    vendor = sheet.vendor
    parts.logo(c, sheet, 0.3, 0.22, 0.5)
    top = parts.header(c, sheet, 0.95, 0.5, "left", 15)
    c.text(c.width_in / 2, top + 0.15, v4_title(sheet), 9, parts.bold(vendor.face), anchor="ms")
    copy = COPIES[sum(map(ord, vendor.token)) % len(COPIES)]
    c.rect(0.3, top + 0.27, c.width_in - 0.3, top + 0.5, 0.1, fill=(60, 60, 60), outline=(60, 60, 60))
    c.text(c.width_in / 2, top + 0.44, copy, 8, parts.bold(vendor.face), fill=sheet.paper_rgb, anchor="ms")
    y = top + 0.72
    for k, line in enumerate(TERMS):
        c.text(0.3, y + k * 0.12, line, 4.8, vendor.face)
    parts.signature_line(c, sheet, "Shipper", 0.3, 2.6, y + 0.85, signed=c.rng.random() < 0.6)
    parts.signature_line(c, sheet, "Carrier", 2.9, c.width_in - 0.3, y + 0.85, signed=True)
    block = max(y + 1.6, c.height_in * 0.45)
    middle = (y + 0.85 + block + 0.3) / 2
    moved_values(c, sheet, ((1.35, middle), (4.1, middle)), (0.3, c.height_in - 1.0, 2.3), (c.width_in - 2.0, 0.95))
    _load_block(c, sheet, block + 0.45, c.height_in - 1.15)
    parts.ticket_number(c, sheet, c.width_in - 0.3, c.height_in - 0.3, "rs", 12)


def _load_block(c: Canvas, sheet: Sheet, top: float, bottom: float) -> None:
    """`LOAD INFORMATION` over ruled lines, label small at the left of each line, the quantity with unit boxes."""
    face = parts.bold(sheet.vendor.face)
    c.text(0.3, top - 0.12, "LOAD INFORMATION", 9, face)
    c.line(0.3, top - 0.05, c.width_in - 0.3, top - 0.05, 1.6)
    keys = field_keys(sheet)
    step = min(0.36, (bottom - top) / max(len(keys), 1))
    for k, key in enumerate(keys):
        y = top + (k + 0.8) * step
        fitted_label(c, sheet, key, 0.3, y, 1.25, 7.5)
        c.line(1.6, y + 0.03, c.width_in - 0.3, y + 0.03, 0.5, fill=(120, 120, 120))
        width = 1.2 if key == "quantity" else c.width_in - 2.0
        parts.value(c, sheet, key, 1.7, y - 0.01, width, 10.5)
        if key == "quantity":
            unit_boxes(c, sheet, 3.0, y, 7.5)


def draw_stub_ticket(c: Canvas, sheet: Sheet) -> None:
    """A stub the driver tears off at the left (number, blank date and signature lines), the ticket at the right:
    header, the number in red at its top-left, labelled lines, unit boxes, notes and stamps."""
    _stub(c, sheet)
    x0 = STUB_WIDTH + 0.25
    parts.ticket_number(c, sheet, x0, 0.42, "ls", 12)
    top = parts.header(c, sheet, c.width_in - 0.3, 0.42, "right", 15)
    c.text(x0, 0.7, v4_title(sheet), 9, parts.bold(sheet.vendor.face))
    keys = field_keys(sheet)
    first = max(top + 0.1, 1.05) + (0.35 if spot(sheet, "truck") == "big_hand" else 0)
    h = c.height_in
    _stub_lines(c, sheet, keys, x0, first, h - 1.6)
    moved_values(c, sheet, ((6.95, h - 1.12), (6.95, h - 0.42)), (x0, h - 1.45, 3.0), (x0 + 0.1, first - 0.1))
    parts.signature_line(c, sheet, "Rec'd", x0, x0 + 3.0, h - 0.15, signed=c.rng.random() < 0.6)


def _stub(c: Canvas, sheet: Sheet) -> None:
    """The tear-off stub: a perforation down its right edge, the number, and lines the driver rarely fills."""
    for k in range(int(c.height_in / 0.1)):
        c.line(STUB_WIDTH, k * 0.1 + 0.02, STUB_WIDTH, k * 0.1 + 0.07, 0.6, fill=(120, 120, 120))
    face = sheet.vendor.face
    c.text(0.2, 0.4, "DRIVER'S STUB", 8, parts.bold(face))
    parts.ticket_number(c, sheet, 0.2, 0.75, "ls", 11)
    for k, blank in enumerate(("Date", "Job", "Signed")):
        y = 1.35 + k * 0.5
        c.text(0.2, y, blank, 7.5, face)
        c.line(0.75, y + 0.02, STUB_WIDTH - 0.2, y + 0.02, 0.5)
    c.text(0.2, c.height_in - 0.3, "Keep for your records", 6, face)


def _stub_lines(c: Canvas, sheet: Sheet, keys: tuple[str, ...], x0: float, top: float, bottom: float) -> None:
    """Two narrow fields to a line or one wide one, `Label: ______`; the quantity followed by the unit boxes."""
    rows: list[list[str]] = []
    for key in keys:
        if rows and len(rows[-1]) == 1 and not {rows[-1][0], key} & {*WIDE_KEYS, "quantity"}:
            rows[-1].append(key)
        else:
            rows.append([key])
    step = min(0.4, (bottom - top) / max(len(rows), 1))
    width = c.width_in - 0.3 - x0
    for k, row in enumerate(rows):
        y = top + (k + 0.7) * step
        for n, key in enumerate(row):
            start = x0 + n * width / len(row)
            end = start + (1.9 if key == "quantity" else width / len(row) - 0.15)
            parts.labelled_line(c, sheet, key, start, end, y, 8)
            if key == "quantity":
                unit_boxes(c, sheet, end + 0.15, y, 8)
