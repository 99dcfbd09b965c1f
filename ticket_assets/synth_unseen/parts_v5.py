"""Pieces the fifth-round (v5) layouts share: a value flush against the right edge, a label in small caps, the
manifest with its prefix on its own line or over two boxes, the amount noted in the margin with an arrow, the
office's RECEIVED stamp across the values, and the number on a perforated stub at the foot."""

from __future__ import annotations

import math

from PIL import Image

from ticket_assets.synth_unseen import fonts, parts
from ticket_assets.synth_unseen.draw import STAMP_INKS, Canvas
from ticket_assets.synth_unseen.phrasing_v5 import ARROW_TAGS, RECEIVED_WORDS
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.sheet_v5 import manifest_parts, spot
from ticket_assets.synth_unseen.wording_v5 import V5_TITLES

STUB_HEIGHT = 0.8
RECEIVED_SEE_THROUGH = 0.55  # how much of the stamp's ink shows over what is under it


def v5_title(sheet: Sheet) -> str:
    titles = V5_TITLES[sheet.vendor.form]
    return titles[sum(map(ord, sheet.vendor.token)) % len(titles)]


def field_keys(sheet: Sheet) -> tuple[str, ...]:
    return sheet.vendor.rows[0]


def bottom(c: Canvas, sheet: Sheet) -> float:
    """The lowest y the form's own fields may use: above the stub when the page has one."""
    return c.height_in - (STUB_HEIGHT + 0.15 if sheet.vendor.corner == "bottom_stub" else 0.2)


def hand_width(c: Canvas, sheet: Sheet, text: str, limit: float) -> float:
    """About how wide (inches) the page's writer writes `text`, at most `limit`."""
    writer = sheet.writer
    px = round(writer.size_pt * c.dpi / 72)
    shown = text.upper() if writer.caps else text
    natural = fonts.load(writer.font_path, px).getlength(shown) * (1.08 + writer.slant / 2) / c.dpi
    return min(natural + 0.1, limit)


def text_at(c: Canvas, sheet: Sheet, key: str, text: str, x: float, y: float, width: float, pt: float,
            right: bool = False) -> None:
    """`text` of field `key` written or printed from x (or ending at x when `right`), within `width` inches."""
    entry = sheet.entries[key]
    if entry.by_hand:
        used = hand_width(c, sheet, text, width)
        c.mark(f"value:{key}", c.write(x - used if right else x, y, text, sheet.writer, max_width=used))
        return
    while pt > 6 and c.width(text, pt, "mono") > width:
        pt -= 0.5
    c.mark(f"value:{key}", c.text(x, y, text, pt, "mono", anchor="rs" if right else "ls"))


def value(c: Canvas, sheet: Sheet, key: str, x: float, y: float, width: float, pt: float = 10.5,
          right: bool = False, prefix_at: tuple[float, float] | None = None) -> None:
    """The field's value as the page shows it there: the manifest in its v5 shape (a prefix on its own line goes
    to `prefix_at`, by default just above the value), an amount moved to the margin left out, anything else as
    written."""
    entry = sheet.entries.get(key)
    if not entry or not entry.text or spot(sheet, key) == "margin_arrow":
        return
    if key == "manifest" and spot(sheet, key) != "field":
        _manifest(c, sheet, x, y, width, pt, right, prefix_at or (x, y - 0.2))
        return
    text_at(c, sheet, key, entry.text, x, y, width, pt, right)


def _manifest(c: Canvas, sheet: Sheet, x: float, y: float, width: float, pt: float, right: bool,
              prefix_at: tuple[float, float]) -> None:
    """The prefix on a short line of its own above the rest, or the two parts in two boxes side by side."""
    head, rest = manifest_parts(sheet.entries["manifest"].text)
    if spot(sheet, "manifest") == "prefix_line":
        text_at(c, sheet, "manifest", head, *prefix_at, width, pt * 0.85, right)
        text_at(c, sheet, "manifest", rest, x, y, width, pt, right)
        return
    one, two = min(0.9, width * 0.35), min(1.6, width * 0.6)
    left = x - one - two - 0.08 if right else x
    for start, size, part in ((left, one, head), (left + one + 0.08, two, rest)):
        c.rect(start - 0.04, y - 0.24, start + size, y + 0.07, 0.8)
        text_at(c, sheet, "manifest", part, start + 0.03, y - 0.02, size - 0.08, pt)


def small_caps(c: Canvas, sheet: Sheet, key: str, x: float, y: float, pt: float = 8.0) -> float:
    """The label of `key` in small caps: each word's first letter full size, the rest smaller capitals; returns
    the x where it ends."""
    face = parts.bold(sheet.vendor.face)
    start = x
    for word in sheet.vendor.labels[key].split(" "):
        first, tail = word[:1].upper(), word[1:].upper()
        box = c.text(x, y, first, pt, face)
        x += c.width(first, pt, face)
        if tail:
            c.text(x, y, tail, pt * 0.74, face)
            x += c.width(tail, pt * 0.74, face)
        x += c.width(" ", pt, face)
        c.mark(f"label:{key}", box)
    c.mark(f"label:{key}", (c.px(start), c.px(y - pt / 72), c.px(x), c.px(y + 0.03)))
    return x


def margin_note(c: Canvas, sheet: Sheet, at: tuple[float, float], target: tuple[float, float]) -> None:
    """The amount written by hand at `at` (left end of its line), an arrow drawn by the same hand to `target`."""
    entry = sheet.entries.get("quantity")
    if spot(sheet, "quantity") != "margin_arrow" or not entry:
        return
    tag = c.rng.choice(ARROW_TAGS)
    x, y = at
    if tag:
        box = c.write(x, y, tag, sheet.writer, max_width=0.6)
        x += (box[2] - box[0]) / c.dpi + 0.04
    box = c.write(x, y, entry.text, sheet.writer, max_width=1.6)
    c.mark("value:quantity", box)
    start = ((box[0] + box[2]) / 2 / c.dpi, box[1] / c.dpi - 0.02) if target[1] < y else (box[2] / c.dpi, y - 0.1)
    arrow(c, sheet, start, target)


def arrow(c: Canvas, sheet: Sheet, start: tuple[float, float], end: tuple[float, float]) -> None:
    """A hand-drawn arrow: a slightly bowed shaft and two strokes at its head."""
    (x0, y0), (x1, y1) = start, end
    bow = c.rng.uniform(-0.15, 0.15)
    points = [(x0 + (x1 - x0) * t + bow * math.sin(math.pi * t), y0 + (y1 - y0) * t) for t in (0, .25, .5, .75, 1)]
    ink, weight = sheet.writer.ink, max(1, c.dpi // 60)
    c.pen.line([(c.px(px), c.px(py)) for px, py in points], fill=ink, width=weight, joint="curve")
    angle = math.atan2(y1 - points[-2][1], x1 - points[-2][0])
    for turn in (2.6, -2.6):
        tip = (x1 + 0.13 * math.cos(angle + turn), y1 + 0.13 * math.sin(angle + turn))
        c.pen.line((c.px(x1), c.px(y1), c.px(tip[0]), c.px(tip[1])), fill=ink, width=weight)


def received_across(c: Canvas, sheet: Sheet, x: float, y: float) -> None:
    """The office's RECEIVED stamp with the day's date, pressed over the values at (x, y); the values show
    through its ink."""
    if "stamp:received_across" not in sheet.traits:
        return
    before = c.image.copy()
    words = [c.rng.choice(RECEIVED_WORDS), sheet.load.day.strftime("%b %d %Y").upper()]
    box = c.stamp(x, y, words, c.rng.choice(STAMP_INKS), 15, c.rng.uniform(-14, 14))
    c.image.paste(Image.blend(before, c.image, RECEIVED_SEE_THROUGH))
    c.mark("stamp:received", box)


def ticket_or_stub(c: Canvas, sheet: Sheet, x: float, y: float, anchor: str = "rs", pt: float = 14) -> None:
    """The number where the layout prints it, or, on a stub page, only on the perforated stub at the foot."""
    if sheet.vendor.corner != "bottom_stub":
        parts.ticket_number(c, sheet, x, y, anchor, pt)
        return
    stub_number(c, sheet)


def stub_number(c: Canvas, sheet: Sheet) -> None:
    """A perforated stub across the foot of the page, the ticket's label and number in red at its right."""
    top = c.height_in - STUB_HEIGHT
    for k in range(int(c.width_in / 0.12)):
        c.line(k * 0.12 + 0.02, top, k * 0.12 + 0.08, top, 0.7, fill=(110, 110, 110))
    face = sheet.vendor.face
    c.text(c.width_in / 2, top - 0.05, "DETACH AND KEEP STUB", 5.5, face, fill=(110, 110, 110), anchor="ms")
    c.text(0.3, top + 0.3, "STUB - " + sheet.vendor.header[0], 8, parts.bold(face))
    c.text(0.3, top + 0.52, "Present this stub with your invoice", 6.5, face)
    label, number = sheet.vendor.labels["ticket"], sheet.load.ticket_number
    c.text(c.width_in - 0.3, top + 0.24, label, 7, parts.bold(face), anchor="rs")
    c.mark("ticket", c.text(c.width_in - 0.3, top + 0.55, number, 14, "mono", fill=parts.NUMBERING_RED, anchor="rs"))
