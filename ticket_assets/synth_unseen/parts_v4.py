"""Pieces the fourth-round (v4) layouts share: the ticket number in a circle, under a round stamp or over bars;
a value moved out of its field (stamped, noted by hand, written big); unit tick boxes; a scale's weight lines."""

from __future__ import annotations

from dataclasses import replace

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import INK, STAMP_INKS, Canvas
from ticket_assets.synth_unseen.phrasing_v4 import DATE_STAMP_TITLES, MATERIAL_STAMP_TITLES, NOTE_TAGS
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.sheet_v4 import spot
from ticket_assets.synth_unseen.wording_v4 import V4_TITLES

UNIT_BOXES = (("TONS", "Tons"), ("CY", "Cu Yds"), ("LOADS", "Loads"))


def v4_title(sheet: Sheet) -> str:
    titles = V4_TITLES[sheet.vendor.form]
    return titles[sum(map(ord, sheet.vendor.token)) % len(titles)]


def field_keys(sheet: Sheet) -> tuple[str, ...]:
    """The fields the layout prints in its own places: all but those moved to a v4 spot."""
    return tuple(k for k in sheet.vendor.rows[0] if spot(sheet, k) == "field")


def circled_number(c: Canvas, sheet: Sheet, x: float, y: float, diameter: float) -> None:
    """A printed circle centred at (x, y), white inside, its label small over the number."""
    r = diameter / 2
    c.pen.ellipse((c.px(x - r), c.px(y - r), c.px(x + r), c.px(y + r)), fill=(252, 252, 250),
                  outline=sheet.vendor.accent, width=max(2, c.dpi // 40))
    label, number = sheet.vendor.labels["ticket"], sheet.load.ticket_number
    pt = 12.0
    while pt > 7 and c.width(number, pt, "mono_bold") > diameter * 0.86:
        pt -= 0.5
    c.text(x, y - 0.1, label, min(7.0, pt * 0.6), parts.bold(sheet.vendor.face), anchor="ms")
    c.mark("ticket", c.text(x, y + 0.16, number, pt, "mono_bold", anchor="ms"))


def round_stamp(c: Canvas, sheet: Sheet, x: float, y: float, pt: float = 13) -> None:
    """The ticket number under an oval rubber stamp, centred near (x, y)."""
    lines = [sheet.vendor.labels["ticket"].upper(), sheet.load.ticket_number]
    c.mark("ticket", c.stamp(x, y, lines, parts.stamp_ink(sheet.vendor.token), pt, c.rng.uniform(-10, 10),
                             oval=True))


def barred_number(c: Canvas, sheet: Sheet, x: float, y: float, width: float) -> None:
    """A barcode from `x` across `width` inches above y, the label and number printed under it."""
    bar_x = x
    while bar_x < x + width:
        bar = c.rng.choice((0.012, 0.024, 0.036))
        c.rect(bar_x, y - 0.5, bar_x + bar, y - 0.2, 0.1, fill=INK, outline=INK)
        bar_x += bar + c.rng.choice((0.012, 0.024))
    text = f"{sheet.vendor.labels['ticket']} {sheet.load.ticket_number}"
    c.mark("ticket", c.text(x + width / 2, y, text, 10, "mono_bold", anchor="ms"))


def moved_values(c: Canvas, sheet: Sheet, stamps_at: tuple[tuple[float, float], ...],
                 notes_at: tuple[float, float, float], top_at: tuple[float, float]) -> None:
    """Draw every value the page keeps outside its fields: the date's and the material's stamps centred at the
    first and second of `stamps_at` (each spot has room for a stamp about 2 inches wide), the notes box (x, y,
    width) and the truck number written big from `top_at`."""
    for (x, y), (key, titles) in zip(stamps_at, (("date", DATE_STAMP_TITLES), ("material", MATERIAL_STAMP_TITLES))):
        entry = sheet.entries.get(key)
        if spot(sheet, key) == "stamp" and entry:
            box = c.stamp(x, y, [c.rng.choice(titles), entry.text], c.rng.choice(STAMP_INKS), 8,
                          c.rng.uniform(-5, 5))
            c.mark(f"value:{key}", box)
    _notes(c, sheet, *notes_at)
    if spot(sheet, "truck") == "big_hand":
        writer = replace(sheet.writer, size_pt=26, bold=True)
        c.mark("value:truck", c.write(top_at[0], top_at[1], f"#{sheet.entries['truck'].text}", writer, 1.6))


def _notes(c: Canvas, sheet: Sheet, x: float, y: float, width: float) -> None:
    """A ruled notes box; the manifest written in it by hand after a short tag, when the page keeps it there."""
    c.rect(x, y, x + width, y + 0.62, 0.7)
    c.text(x + 0.06, y + 0.14, "NOTES / SPECIAL INSTRUCTIONS", 6, parts.bold(sheet.vendor.face))
    entry = sheet.entries.get("manifest")
    if spot(sheet, "manifest") != "notes" or not entry:
        return
    tag = c.write(x + 0.1, y + 0.48, c.rng.choice(NOTE_TAGS), sheet.writer, max_width=1.0)
    start = x + 0.1 + (tag[2] - tag[0]) / c.dpi + 0.05
    c.mark("value:manifest", c.write(start, y + 0.48, entry.text, sheet.writer, max_width=width - (start - x) - 0.1))


def unit_boxes(c: Canvas, sheet: Sheet, x: float, y: float, pt: float = 8) -> None:
    """Tick boxes for the units; the load's unit ticked (by the hand that wrote the number). The boxes are kept
    clear of the office's stamp like a value."""
    start = x
    for unit, text in UNIT_BOXES:
        c.checkbox(x, y, text, ticked=sheet.load.unit == unit and sheet.load.quantity is not None, pt=pt,
                   face=sheet.vendor.face)
        x += c.width(text, pt, sheet.vendor.face) + 0.35
    c.mark("value:unit", (c.px(start), c.px(y - pt / 72), c.px(x), c.px(y + 0.03)))


def weight_lines(c: Canvas, sheet: Sheet, x0: float, x1: float, y: float) -> float:
    """GROSS, TARE and NET in pounds with dot leaders, the net the page's own tons times 2000; returns the y below.
    Nothing unless the load was weighed in tons."""
    load = sheet.load
    if load.unit != "TONS" or load.quantity is None:
        return y
    net = round(load.quantity * 2000)
    tare = c.rng.randrange(24000, 34000, 20)
    for k, (name, pounds) in enumerate((("GROSS", tare + net), ("TARE", tare), ("NET", net))):
        leader(c, sheet, name, f"{pounds:,} lb", x0, x1, y + k * 0.24, 9)
    return y + 3 * 0.24


def leader(c: Canvas, sheet: Sheet, name: str, text: str, x0: float, x1: float, y: float, pt: float) -> None:
    """`name ....... text`: the name at x0, the text right-aligned at x1, dots between them."""
    face = sheet.vendor.face
    start = x0 + c.width(name, pt, face) + 0.05
    end = x1 - c.width(text, pt, face) - 0.05
    dots = "." * max(0, int((end - start) / max(c.width(".", pt, face), 0.01)))
    c.text(x0, y, name, pt, face)
    c.text(start, y, dots, pt, face, fill=(90, 90, 90))
    c.text(x1, y, text, pt, face, anchor="rs")
