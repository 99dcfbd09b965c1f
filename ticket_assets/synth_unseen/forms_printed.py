"""Computer-printed tickets: a scale house printout with its weights, and a narrow receipt with values under labels."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.sheet import Sheet

TITLES = ("SCALE TICKET - INBOUND", "BILL OF LADING")
FINE_PRINT = ("Customer certifies this load contains no hazardous waste as defined by 40 CFR 261.",
              "Weights certified by a licensed public weigher. Retain for your records.")


def draw_printout(c: Canvas, sheet: Sheet) -> None:
    """Header and title, `Label: value` lines in two columns, a weights table, the net amount large."""
    vendor = sheet.vendor
    parts.logo(c, sheet, 0.35, 0.3, 0.7)
    top = parts.header(c, sheet, 1.2, 0.6, "left", 20)
    c.text(c.width_in / 2, top + 0.25, TITLES[vendor.variant], 11, parts.bold(vendor.face), anchor="ms")
    parts.rule(c, top + 0.35)
    y = top + 0.75
    for row in vendor.rows:
        y = _printout_row(c, sheet, row, y)
    _fine_print(c, sheet, max(y + 0.2, c.height_in - 1.9))


def _printout_row(c: Canvas, sheet: Sheet, row: tuple[str, ...], y: float) -> float:
    """One row of the printout; returns the y of the next row."""
    if row == ("weights",):
        return _weights(c, sheet, y)
    if row == ("quantity",):
        width = parts.label(c, sheet, "quantity", 0.35, y + 0.05, 13)
        parts.value(c, sheet, "quantity", 0.55 + width, y + 0.05, 2.0, 15, parts.bold(sheet.vendor.face))
        return y + 0.5
    column = (c.width_in - 0.7) / len(row)
    for k, key in enumerate(row):
        x = 0.35 + k * column
        width = parts.label(c, sheet, key, x, y, 8.5)
        c.text(x + width, y, ":", 8.5, sheet.vendor.face)
        parts.value(c, sheet, key, x + width + 0.12, y, column - width - 0.2, 10, sheet.vendor.face)
    return y + 0.36


def _weights(c: Canvas, sheet: Sheet, y: float) -> float:
    """Gross, tare and net in pounds, agreeing with the net tons; none when the load was not weighed."""
    load = sheet.load
    if load.unit != "TONS" or load.quantity is None:
        return y
    net = round(load.quantity * 2000)
    tare = c.rng.randrange(26000, 36000, 20)
    c.rect(0.35, y - 0.22, c.width_in - 0.35, y + 0.9, 0.8)
    face = sheet.vendor.face
    minute = c.rng.randint(6 * 60, 16 * 60)
    times = (f"In {minute // 60:02d}:{minute % 60:02d}", f"Out {(minute + 14) // 60:02d}:{(minute + 14) % 60:02d}", "")
    for k, (name, pounds) in enumerate((("Gross", tare + net), ("Tare", tare), ("Net", net))):
        row_y = y + 0.08 + k * 0.27
        c.text(0.5, row_y, name, 9.5, parts.bold(face))
        c.text(3.2, row_y, f"{pounds:,} lb", 9.5, face, anchor="rs")
        c.text(c.width_in - 0.5, row_y, times[k], 9.5, face, anchor="rs")
    return y + 1.2


def _fine_print(c: Canvas, sheet: Sheet, y: float) -> None:
    parts.signature_line(c, sheet, "Driver", 0.35, c.width_in - 0.35, y + 0.3, signed=c.rng.random() < 0.7)
    for k, line in enumerate(FINE_PRINT):
        c.text(0.35, y + 0.6 + k * 0.15, line, 5.5, sheet.vendor.face)
    _barcode(c, y + 0.95)


def _barcode(c: Canvas, y: float) -> None:
    x = c.width_in / 2 - 1.0
    while x < c.width_in / 2 + 1.0:
        bar = c.rng.choice((0.012, 0.02, 0.03))
        c.rect(x, y, x + bar, y + 0.35, 0.1, fill=(20, 20, 20), outline=(20, 20, 20))
        x += bar + c.rng.choice((0.012, 0.02, 0.03))


def draw_stacked(c: Canvas, sheet: Sheet) -> None:
    """A receipt: centred header, then each label small on its own line with the value under it."""
    vendor = sheet.vendor
    parts.logo(c, sheet, c.width_in / 2 - 0.3, 0.2, 0.6)
    top = parts.header(c, sheet, c.width_in / 2, 1.15, "center", 22)
    if not parts.holds_ticket(sheet):
        parts.ticket_in_corner(c, sheet, 15)
    parts.rule(c, top + 0.05, weight=1.5)
    y = top + 0.1
    for row in vendor.rows:
        column = (c.width_in - 0.6) / len(row)
        for k, key in enumerate(row):
            x = 0.3 + k * column
            c.text(x, y + 0.2, vendor.labels[key].upper(), 7.5, vendor.face, fill=(80, 80, 80))
            parts.value(c, sheet, key, x + 0.08, y + 0.52, column - 0.2, 13, parts.bold(vendor.face))
        y += 0.68
        parts.rule(c, y - 0.06, weight=0.5)
    parts.signature_line(c, sheet, "Received", 0.3, c.width_in - 0.3, min(y + 0.5, c.height_in - 0.35), True)
