"""Third-round (v3) scale-house pages: a truck-scale software's weighmaster certificate (a label block beside a
value block, gross/tare/net in pounds and tons, scale and sequence numbers near the ticket number), and a
landfill's gate receipt in sections with a charges table."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.parts_v3 import form_keys, manifest_elsewhere, v3_title
from ticket_assets.synth_unseen.sheet import Sheet

CERTIFICATION = ("THIS IS TO CERTIFY that the following described commodity was weighed, measured or counted",
                 "by a weighmaster whose signature is on this certificate, who is a recognized authority of",
                 "accuracy, as prescribed by the state's weights and measures law.")
RECEIPT_SECTIONS = (("GENERATOR", ("customer", "job", "po", "source")),
                    ("TRANSPORTER", ("truck", "trailer", "driver", "pit_ticket")),
                    ("WASTE RECEIVED", ("date", "destination", "material", "manifest", "quantity", "remarks")))
DISPOSAL_RATES = {"TONS": 32.5, "CY": 18.0, "LOADS": 285.0}
GATE_FEES = (("Environmental fee", 6.75), ("Fuel surcharge", 4.1))


def draw_weighmaster(c: Canvas, sheet: Sheet) -> None:
    """Header and title, the ticket with scale numbers beside it, the label block | value block, the weights."""
    face = sheet.vendor.face
    parts.logo(c, sheet, 0.3, 0.25, 0.55)
    top = parts.header(c, sheet, c.width_in / 2 + 0.3, 0.55, "center", 17)
    c.text(c.width_in / 2, top + 0.2, v3_title(sheet), 10.5, parts.bold(face), anchor="ms")
    parts.rule(c, top + 0.3, weight=1.4)
    y = _scale_numbers(c, sheet, top + 0.58)
    y = _label_value_blocks(c, sheet, form_keys(sheet), y + 0.15, 0.29)
    y = _weights_in_tons(c, sheet, y + 0.15)
    manifest_elsewhere(c, sheet, 0.35, y + 0.45)
    _certify(c, sheet, max(y + 1.1, c.height_in - 1.15))


def _scale_numbers(c: Canvas, sheet: Sheet, y: float) -> float:
    """The ticket number with the software's other numbers around it: scale, lane, sequence, weighmaster."""
    face = sheet.vendor.face
    label = sheet.vendor.labels["ticket"]
    c.mark("ticket", c.text(0.35, y, f"{label}: {sheet.load.ticket_number}", 10.5, parts.bold(face)))
    c.text(c.width_in - 0.35, y, f"SCALE {c.rng.randint(1, 3)}  LANE {'AB'[c.rng.randrange(2)]}", 8, face,
           anchor="rs")
    c.text(0.35, y + 0.22, f"SEQ {c.rng.randint(1, 999):05d}   TERMINAL {c.rng.randint(10, 99)}", 8, face)
    c.text(c.width_in - 0.35, y + 0.22, f"WM LIC {c.rng.randint(100000, 999999)}", 8, face, anchor="rs")
    return y + 0.3


def _label_value_blocks(c: Canvas, sheet: Sheet, keys: tuple[str, ...], top: float, step: float) -> float:
    """All labels right-aligned in one block, a rule, all values in a second block; returns the y below them."""
    split = 2.2
    c.line(split, top - 0.05, split, top + step * len(keys) - 0.1, 0.8)
    for k, key in enumerate(keys):
        y = top + (k + 0.7) * step
        parts.label(c, sheet, key, split - 0.12, y, 8, anchor="rs")
        parts.value(c, sheet, key, split + 0.15, y, c.width_in - split - 0.5, 9.5, sheet.vendor.face)
    return top + step * len(keys)


def _weights_in_tons(c: Canvas, sheet: Sheet, y: float) -> float:
    """GROSS, TARE and NET in pounds and in tons; none unless the load was weighed in tons."""
    load, face = sheet.load, sheet.vendor.face
    if load.unit != "TONS" or load.quantity is None:
        return y
    net = round(load.quantity * 2000)
    tare = c.rng.randrange(24000, 34000, 20)
    c.rect(0.35, y, c.width_in - 0.35, y + 1.05, 0.8)
    for k, head in enumerate(("", "LB", "TONS", "")):
        c.text(1.9 + k * 1.3, y + 0.2, head, 7.5, parts.bold(face), anchor="rs")
    for k, (name, pounds) in enumerate((("GROSS", tare + net), ("TARE", tare), ("NET", net))):
        row = y + 0.45 + k * 0.22
        c.text(0.5, row, name, 9, parts.bold(face))
        c.text(3.2, row, f"{pounds:,}", 9, face, anchor="rs")
        c.text(4.5, row, f"{pounds / 2000:.2f}", 9, face, anchor="rs")
    return y + 1.05


def _certify(c: Canvas, sheet: Sheet, y: float) -> None:
    for k, line in enumerate(CERTIFICATION):
        c.text(0.35, y + k * 0.13, line, 5, sheet.vendor.face)
    parts.signature_line(c, sheet, "WEIGHMASTER", 0.35, c.width_in - 0.35, y + 0.62, signed=True)


def draw_disposal_receipt(c: Canvas, sheet: Sheet) -> None:
    """A landfill's gate receipt: header, the number boxed top right, headed sections, then the charges."""
    face = sheet.vendor.face
    parts.logo(c, sheet, 0.3, 0.25, 0.5)
    top = parts.header(c, sheet, 0.95, 0.5, "left", 15)
    c.rect(c.width_in - 1.85, 0.2, c.width_in - 0.3, 0.78, 1.0)
    c.text(c.width_in - 1.75, 0.38, sheet.vendor.labels["ticket"], 7, parts.bold(face))
    c.mark("ticket", c.text(c.width_in - 0.4, 0.68, sheet.load.ticket_number, 11, "mono_bold", anchor="rs"))
    c.text(c.width_in / 2, top + 0.3, v3_title(sheet), 10, parts.bold(face), anchor="ms")
    y = top + 0.45
    shown = form_keys(sheet)
    for heading, keys in RECEIPT_SECTIONS:
        y = _section(c, sheet, heading, [k for k in keys if k in shown], y)
    y = _charges(c, sheet, y + 0.1)
    manifest_elsewhere(c, sheet, 0.35, y + 0.45)
    parts.signature_line(c, sheet, "Driver", 0.3, c.width_in - 0.3, c.height_in - 0.35, signed=True)


def _section(c: Canvas, sheet: Sheet, heading: str, keys: list[str], top: float) -> float:
    """A tinted heading bar and its `Label  value` lines; returns the y below the section."""
    if not keys:
        return top
    face = sheet.vendor.face
    c.rect(0.3, top, c.width_in - 0.3, top + 0.2, 0.5, fill=(225, 225, 225))
    c.text(0.38, top + 0.15, heading, 7, parts.bold(face))
    for k, key in enumerate(keys):
        y = top + 0.43 + k * 0.3
        width = parts.label(c, sheet, key, 0.4, y, 7.5)
        parts.value(c, sheet, key, max(1.75, 0.5 + width), y, c.width_in - max(1.75, 0.5 + width) - 0.4, 9.5, face)
    return top + 0.3 + len(keys) * 0.3


def _charges(c: Canvas, sheet: Sheet, top: float) -> float:
    """Disposal per unit and gate fees with their amounts; the disposal line repeats the page's own amount."""
    load, face = sheet.load, sheet.vendor.face
    c.line(0.3, top, c.width_in - 0.3, top, 0.8)
    for k, head in enumerate(("CHARGE", "UNITS", "RATE", "AMOUNT")):
        c.text(0.4 + k * 1.25, top + 0.17, head, 7, parts.bold(face))
    lines = list(GATE_FEES)
    if load.quantity is not None and load.unit:
        units = f"{load.quantity:.2f}" if load.unit == "TONS" else f"{load.quantity:g}"
        c.text(0.4, top + 0.4, "Disposal", 8, face)
        c.text(1.65, top + 0.4, units, 8, face)
        rate = DISPOSAL_RATES[load.unit]
        c.text(2.9, top + 0.4, f"${rate:.2f}", 8, face)
        c.text(4.15, top + 0.4, f"${rate * load.quantity:,.2f}", 8, face)
    for k, (name, fee) in enumerate(lines, start=1):
        c.text(0.4, top + 0.4 + k * 0.2, name, 8, face)
        c.text(4.15, top + 0.4 + k * 0.2, f"${fee:.2f}", 8, face)
    return top + 0.45 + len(lines) * 0.2
