"""Office-printed pads: a ruled `field | value` table, and a form whose labels sit under the line they label."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.wording import TITLES

WIDE_KEYS = ("customer", "source", "destination", "material", "manifest", "remarks")
LABEL_COLUMN = 1.9


def title(sheet: Sheet) -> str:
    """The vendor's title for its new stock, the same on every ticket of that vendor."""
    titles = TITLES[sheet.vendor.role]
    return titles[sum(map(ord, sheet.vendor.token)) % len(titles)]


def draw_table(c: Canvas, sheet: Sheet) -> None:
    """Header, a title bar, then one ruled row a field: the label in a tinted cell, the value beside it."""
    parts.logo(c, sheet, 0.3, 0.25, 0.6)
    top = parts.header(c, sheet, 1.05, 0.55, "left", 19)
    c.rect(0.3, top + 0.05, c.width_in - 0.3, top + 0.37, 0.5, fill=sheet.vendor.accent, outline=sheet.vendor.accent)
    c.text(c.width_in / 2, top + 0.28, title(sheet), 11, parts.bold(sheet.vendor.face), fill=sheet.paper_rgb,
           anchor="ms")
    keys = ("ticket", *sheet.vendor.rows[0])
    if sheet.vendor.mark == "stamp":  # a stamped number sits over the corner, not in a cell
        keys = keys[1:]
        parts.ticket_number(c, sheet, c.width_in - 1.2, 0.75, "ms", 15)
    bottom = _table(c, sheet, keys, top + 0.55, c.height_in - 1.1)
    parts.signature_line(c, sheet, "Received by", 0.3, c.width_in - 0.3, max(bottom + 0.5, c.height_in - 0.45),
                         signed=c.rng.random() < 0.7)


def _table(c: Canvas, sheet: Sheet, keys: tuple[str, ...], top: float, limit: float) -> float:
    """The ruled table from `top`; returns its bottom."""
    height = min(0.44, (limit - top) / len(keys))
    x0, x1, split = 0.3, c.width_in - 0.3, 0.3 + LABEL_COLUMN
    tint = tuple(round(a * 0.15 + p * 0.85) for a, p in zip(sheet.vendor.accent, sheet.paper_rgb))
    for k, key in enumerate(keys):
        y0 = top + k * height
        c.rect(x0, y0, split, y0 + height, 0.8, fill=tint)
        c.rect(split, y0, x1, y0 + height, 0.8)
        pt = 8.5
        while pt > 6 and c.width(sheet.vendor.labels[key], pt, parts.bold(sheet.vendor.face)) > LABEL_COLUMN - 0.15:
            pt -= 0.5
        parts.label(c, sheet, key, x0 + 0.08, y0 + height * 0.62, pt)
        parts.value(c, sheet, key, split + 0.12, y0 + height - 0.1, x1 - split - 0.25, 11)
    return top + len(keys) * height


def draw_under_label(c: Canvas, sheet: Sheet) -> None:
    """Values on lines with each label printed small under its line, as under a signature; number top right."""
    parts.logo(c, sheet, 0.3, 0.25, 0.6)
    top = parts.header(c, sheet, 1.05, 0.55, "left", 21)
    c.text(c.width_in - 0.3, 0.32, title(sheet), 9, parts.bold(sheet.vendor.face), anchor="rs")
    x = c.width_in - (1.5 if sheet.vendor.mark == "stamp" else 0.3)
    parts.ticket_number(c, sheet, x, 0.8 if sheet.vendor.mark == "stamp" else 0.68, "rs", 16)
    rows = _pack(sheet.vendor.rows[0])
    first = max(top + 0.55, 1.55)
    step = min(0.68, (c.height_in - 1.1 - first) / len(rows))
    for k, row in enumerate(rows):
        _captioned_row(c, sheet, row, first + k * step)
    bottom = c.height_in - 0.4
    _caption_line(c, sheet, "Driver's Signature", 0.3, 4.0, bottom, signed=True)
    _caption_line(c, sheet, "Received By (Print & Sign)", 4.4, c.width_in - 0.3, bottom, signed=c.rng.random() < 0.5)


def _pack(keys: tuple[str, ...]) -> list[list[str]]:
    """Rows of up to four units, a wide field counting two."""
    rows: list[list[str]] = [[]]
    for key in keys:
        used = sum(2 if k in WIDE_KEYS else 1 for k in rows[-1])
        if used + (2 if key in WIDE_KEYS else 1) > 4:
            rows.append([])
        rows[-1].append(key)
    return rows


def _captioned_row(c: Canvas, sheet: Sheet, row: list[str], y: float) -> None:
    unit = (c.width_in - 0.6) / 4
    x = 0.3
    for key in row:
        x1 = x + unit * (2 if key in WIDE_KEYS else 1)
        c.line(x, y, x1 - 0.15, y, 0.7)
        parts.label(c, sheet, key, x, y + 0.15, 7)
        parts.value(c, sheet, key, x + 0.06, y - 0.05, x1 - x - 0.25, 12)
        x = x1


def _caption_line(c: Canvas, sheet: Sheet, text: str, x0: float, x1: float, y: float, signed: bool) -> None:
    c.line(x0, y, x1, y, 0.6)
    c.text(x0, y + 0.14, text, 7, sheet.vendor.face)
    if signed:
        c.signature(x0 + 0.3, y - 0.02, min(1.5, x1 - x0 - 0.4), sheet.writer.ink)
