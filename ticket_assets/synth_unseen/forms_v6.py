"""Sixth-round (v6) forms: a grid of boxes whose labels are printed tiny in each box's top-left corner, the value
below in the same box; a ticket split into two side-by-side panels, LOADED and DELIVERED, each with its own
labels; and the bottom copy of a carbonless set, its values faint and drifted half a line off the printed grid."""

from __future__ import annotations

import math

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.parts_v6 import field_keys, paid_stamp, v6_title, value
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.sheet_v4 import trait
from ticket_assets.synth_unseen.wording_v6 import PANEL_HEADS

FOOT = 0.95  # room at the foot for the signature and the office's stamp
LOADED_KEYS = ("date", "truck", "trailer", "driver", "source", "material", "manifest", "pit_ticket", "job")
PANEL_TIMES = {"run_together": ("TIMEOUT:", "TIMEIN:"), "spanish_only": ("Hora de Salida:", "Hora de Llegada:")}
GRID_GREY = (120, 120, 120)


def corner_label(c: Canvas, sheet: Sheet, key: str, x: float, y: float) -> None:
    """The label of `key` in tiny type tucked into a box's top-left corner at (x, y)."""
    c.mark(f"label:{key}", c.text(x + 0.05, y + 0.11, sheet.vendor.labels[key], 5.5, parts.bold(sheet.vendor.face)))


def draw_corner_label_box(c: Canvas, sheet: Sheet) -> None:
    """Header at the left, the number in a box of its own at the right, then two columns of boxes, each holding
    its label in its corner and its value below."""
    w, h = c.width_in, c.height_in
    parts.logo(c, sheet, 0.3, 0.25, 0.45)
    top = parts.header(c, sheet, 0.9, 0.5, "left", 13)
    c.rect(w - 2.4, 0.25, w - 0.3, 0.8, 1.0)
    c.text(w - 2.35, 0.36, v6_title(sheet), 5.5, parts.bold(sheet.vendor.face))
    parts.ticket_number(c, sheet, w - 0.4, 0.7, "rs", 12)
    keys = field_keys(sheet)
    rows = math.ceil(len(keys) / 2)
    first = max(top, 0.95)
    step = min(0.62, (h - FOOT - first) / rows)
    span = (w - 0.6) / 2
    for n, key in enumerate(keys):
        x, y = 0.3 + (n % 2) * span, first + (n // 2) * step
        c.rect(x, y, x + span, y + step, 0.8)
        corner_label(c, sheet, key, x, y)
        value(c, sheet, key, x + 0.12, y + step - 0.1, span - 0.24, 10.5)
    end = first + rows * step
    paid_stamp(c, sheet, w * 0.72, end + 0.45)
    parts.signature_line(c, sheet, "X", 0.3, w / 2, h - 0.3, signed=c.rng.random() < 0.7)


def draw_side_panels(c: Canvas, sheet: Sheet) -> None:
    """Header across the top, the number at the right, then two framed panels side by side, LOADED (where and
    what it was loaded) and DELIVERED (where it went and how much), each with its own time row."""
    w, h = c.width_in, c.height_in
    top = parts.header(c, sheet, w / 2, 0.5, "center", 14)
    c.text(0.3, top + 0.1, v6_title(sheet), 8.5, parts.bold(sheet.vendor.face))
    parts.ticket_number(c, sheet, w - 0.3, top + 0.1, "rs", 12)
    keys = field_keys(sheet)
    loaded = [k for k in keys if k in LOADED_KEYS]
    delivered = [k for k in keys if k not in LOADED_KEYS]
    register = trait(sheet, "labels")
    first, last, span = top + 0.3, h - FOOT, (w - 0.7) / 2
    out = c.rng.randint(6 * 60, 15 * 60)  # minutes after midnight the truck left; it arrives 20 to 80 later
    clocks = [f"{t // 60:02d}:{t % 60:02d}" for t in (out, out + c.rng.randint(20, 80))]
    for n, (head, time, panel) in enumerate(zip(PANEL_HEADS[register], zip(PANEL_TIMES[register], clocks),
                                               (loaded, delivered))):
        _panel(c, sheet, head, time, panel, 0.3 + n * (span + 0.1), first, span, last)
    paid_stamp(c, sheet, w * 0.7, last + 0.42)
    parts.signature_line(c, sheet, "Driver", 0.3, w / 2 - 0.2, h - 0.3, signed=True)


def _panel(c: Canvas, sheet: Sheet, head: str, time: tuple[str, str], keys: list[str], x: float, y: float,
           span: float, last: float) -> None:
    """One framed panel: a shaded heading, its time row, then one ruled row a field, label then value."""
    c.rect(x, y, x + span, last, 1.0)
    c.rect(x, y, x + span, y + 0.28, 0.8, fill=(215, 215, 215))
    c.text(x + span / 2, y + 0.2, head, 9.5, parts.bold(sheet.vendor.face), anchor="ms")
    face = parts.bold(sheet.vendor.face)
    step = min(0.36, (last - y - 0.35) / (len(keys) + 1))
    rows = [("time", time[0]), *((key, sheet.vendor.labels[key]) for key in keys)]
    for k, (key, text) in enumerate(rows):
        base = y + 0.28 + (k + 0.75) * step
        box = c.text(x + 0.08, base, text, 7, face)
        start = box[2] / c.dpi + 0.08
        c.line(start, base + 0.03, x + span - 0.08, base + 0.03, 0.5, fill=GRID_GREY)
        if key == "time":
            c.write(start + 0.05, base, time[1], sheet.writer)
            continue
        c.mark(f"label:{key}", box)
        value(c, sheet, key, start + 0.05, base - 0.01, x + span - 0.12 - start, 9.5)


def draw_carbon_offset(c: Canvas, sheet: Sheet) -> None:
    """The copy under the top sheet of a carbonless pad: the grid printed in black, the values in faint carbon
    ink, all drifted about half a line of writing down and a little right of their boxes, the way the set slipped."""
    w, h = c.width_in, c.height_in
    top = parts.header(c, sheet, w / 2, 0.5, "center", 13)
    c.text(w / 2, top + 0.08, v6_title(sheet), 8, parts.bold(sheet.vendor.face), anchor="ms")
    parts.ticket_number(c, sheet, w - 0.3, top + 0.35, "rs", 12)
    keys = field_keys(sheet)
    first = top + 0.5
    step = min(0.45, (h - FOOT - first) / len(keys))
    drift_x, drift_y = c.rng.uniform(0.08, 0.2), c.rng.uniform(0.2, 0.33) * step
    split = 1.75
    for k, key in enumerate(keys):
        y = first + k * step
        c.rect(0.3, y, w - 0.3, y + step, 0.6)
        c.line(split, y, split, y + step, 0.6)
        c.mark(f"label:{key}", c.text(0.38, y + step * 0.65, sheet.vendor.labels[key], 7.5,
                                      parts.bold(sheet.vendor.face)))
        value(c, sheet, key, split + 0.1 + drift_x, y + step * 0.62 + drift_y, w - split - 0.6 - drift_x, 10)
    paid_stamp(c, sheet, w * 0.65, first + len(keys) * step + 0.5)
    parts.signature_line(c, sheet, "Rec'd by", 0.3, w - 0.3, h - 0.3, signed=c.rng.random() < 0.6)
