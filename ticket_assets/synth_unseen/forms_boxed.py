"""Boxed forms: rows of header cells over value boxes, and two columns of labels with their values beside them."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.sheet import Sheet

WIDE_KEYS = ("material", "customer", "source", "destination", "manifest")
HEAD_HEIGHT, BODY_HEIGHT = 0.3, 0.5


def draw_boxed(c: Canvas, sheet: Sheet) -> None:
    """Header left with its logo; every row but the last is a band of boxed cells, the last is ruled lines."""
    parts.logo(c, sheet, 0.3, 0.25, 0.7)
    parts.header(c, sheet, 1.15, 0.55, "left", 21)
    if not parts.holds_ticket(sheet):
        parts.ticket_in_corner(c, sheet, 17)
    *bands, lines = sheet.vendor.rows
    y = 1.5
    for band in bands:
        y = _band(c, sheet, band, y) + 0.15
    for k, key in enumerate(lines):
        parts.labelled_line(c, sheet, key, 0.3, c.width_in - 0.3, y + 0.35 + k * 0.42, 9)
    bottom = c.height_in - 0.35
    parts.signature_line(c, sheet, "Received by", 0.3, c.width_in * 0.55, bottom, signed=True)
    c.text(c.width_in * 0.58, bottom, "Time In ______   Time Out ______", 8, sheet.vendor.face)


def _band(c: Canvas, sheet: Sheet, keys: tuple[str, ...], top: float) -> float:
    """Header cells with their labels, value boxes under them; returns the bottom of the band."""
    weights = [2 if key in WIDE_KEYS else 1 for key in keys]
    unit = (c.width_in - 0.6) / sum(weights)
    tint = _tint(sheet.vendor.accent, sheet.paper_rgb)
    x = 0.3
    for key, weight in zip(keys, weights):
        x1 = x + unit * weight
        c.rect(x, top, x1, top + HEAD_HEIGHT, 1.0, fill=tint)
        parts.label(c, sheet, key, (x + x1) / 2, top + HEAD_HEIGHT / 2, 8.5, anchor="mm")
        c.rect(x, top + HEAD_HEIGHT, x1, top + HEAD_HEIGHT + BODY_HEIGHT, 1.0)
        parts.value(c, sheet, key, x + 0.1, top + HEAD_HEIGHT + BODY_HEIGHT - 0.13, x1 - x - 0.2, 12)
        x = x1
    return top + HEAD_HEIGHT + BODY_HEIGHT


def _tint(accent: tuple[int, int, int], paper: tuple[int, int, int]) -> tuple[int, int, int]:
    return tuple(round(a * 0.18 + p * 0.82) for a, p in zip(accent, paper))


def draw_two_column(c: Canvas, sheet: Sheet) -> None:
    """Two columns of `Label  value` pairs; a landscape sheet puts its header left, a portrait one centres it."""
    portrait = c.height_in > c.width_in
    if portrait:
        parts.logo(c, sheet, c.width_in / 2 - 0.3, 0.2, 0.6)
        top = parts.header(c, sheet, c.width_in / 2, 1.15, "center", 22)
    else:
        parts.logo(c, sheet, 0.3, 0.25, 0.6)
        top = parts.header(c, sheet, 1.05, 0.55, "left", 22)
    if not parts.holds_ticket(sheet):
        parts.ticket_in_corner(c, sheet, 17)
    parts.rule(c, top + 0.05)
    half = c.width_in / 2
    for k, column in enumerate(sheet.vendor.rows):
        _pairs(c, sheet, column, 0.3 + k * half, half - 0.45, top + 0.45, 0.5 if portrait else 0.45)
    if portrait:
        _terms_box(c, sheet, top + 0.45 + 5 * 0.5, c.height_in - 1.0)
    bottom = c.height_in - 0.4
    c.text(0.3, bottom - 0.3, "Material received in good condition. Not responsible for damage past curb.", 6.5,
           sheet.vendor.face)
    parts.signature_line(c, sheet, "Signature", 0.3, c.width_in - 0.3, bottom, signed=c.rng.random() < 0.8)


TERMS = ("DELIVERY INSTRUCTIONS / REMARKS", "", "",
         "Seller is not responsible for material after it leaves the plant scale.",
         "Driver will not deliver past curb line unless customer accepts all risk of damage.",
         "Payment due net 30 days. Past due accounts charged 1.5% per month.",
         "Weights and quantities per plant scale; claims within 24 hours of delivery.")


def _terms_box(c: Canvas, sheet: Sheet, top: float, bottom: float) -> None:
    c.rect(0.3, top, c.width_in - 0.3, bottom, 0.8)
    for k, line in enumerate(TERMS):
        face = parts.bold(sheet.vendor.face) if k == 0 else sheet.vendor.face
        c.text(0.4, top + 0.22 + k * 0.2, line, 7 if k == 0 else 6, face)
    c.text(0.4, bottom - 0.15, "Water added ____ gal    Time on job ____    Time left ____", 7, sheet.vendor.face)


def _pairs(c: Canvas, sheet: Sheet, keys: tuple[str, ...], x: float, width: float, top: float,
           step: float) -> None:
    label_width = max(c.width(sheet.vendor.labels[k], 8.5, parts.bold(sheet.vendor.face)) for k in keys) + 0.12
    for k, key in enumerate(keys):
        y = top + k * step
        parts.label(c, sheet, key, x, y, 8.5)
        c.line(x + label_width, y + 0.03, x + width, y + 0.03, 0.5, fill=(120, 120, 120))
        parts.value(c, sheet, key, x + label_width + 0.05, y - 0.01, width - label_width - 0.05, 11,
                    face=sheet.vendor.face)
