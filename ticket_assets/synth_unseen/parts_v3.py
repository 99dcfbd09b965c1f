"""Pieces the third-round (v3) layouts share: labels fitted into a cell, the fields a form prints itself, and the
manifest where a v3 page keeps it outside its fields (a rubber stamp, a sticker, a hand-written margin note)."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.phrasing_v3 import MARGIN_TAGS, STAMP_TITLES, STICKER_TITLES
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.wording_v3 import V3_TITLES

STICKER_PAPER = (253, 251, 236)
STICKER_EDGE = (150, 150, 150)
SMALLEST_PT = 5.0


def v3_title(sheet: Sheet) -> str:
    """The layout's title, the same on every ticket of one vendor."""
    titles = V3_TITLES[sheet.vendor.form]
    return titles[sum(map(ord, sheet.vendor.token)) % len(titles)]


def form_keys(sheet: Sheet) -> tuple[str, ...]:
    """The fields the layout prints in its own places: all but a manifest kept on a stamp, sticker or margin."""
    keys = sheet.vendor.rows[0]
    return keys if sheet.manifest_spot == "field" else tuple(k for k in keys if k != "manifest")


def fitted_label(c: Canvas, sheet: Sheet, key: str, x: float, y: float, width: float, pt: float = 8.0,
                 anchor: str = "ls") -> None:
    """The label of `key` within `width` inches: a two-language label breaks at its slash onto two lines (the
    second under the first), then the type shrinks until each line fits."""
    text, face = sheet.vendor.labels[key], parts.bold(sheet.vendor.face)
    lines = [part.strip() for part in text.split(" / ")] if " / " in text else [text]
    lines = [f"{lines[0]} /", *lines[1:]] if len(lines) > 1 else lines
    while pt > SMALLEST_PT and max(c.width(line, pt, face) for line in lines) > width:
        pt -= 0.5
    step = pt / 72 * 1.15
    for k, line in enumerate(lines):
        c.mark(f"label:{key}", c.text(x, y + (k - len(lines) + 1) * step, line, pt, face, anchor=anchor))


def manifest_elsewhere(c: Canvas, sheet: Sheet, x: float, y: float) -> None:
    """The manifest at (x, y), when the page keeps it outside its fields; nothing when a field holds it."""
    entry = sheet.entries.get("manifest")
    if sheet.manifest_spot == "field" or not entry or not entry.text:
        return
    draw = {"stamp": _stamped, "sticker": _sticker, "margin": _margin_note}[sheet.manifest_spot]
    c.mark("value:manifest", draw(c, sheet, entry.text, x, y))


def _stamped(c: Canvas, sheet: Sheet, text: str, x: float, y: float):
    """A receiving clerk's stamp with the number set in it, centred at (x, y)."""
    lines = [c.rng.choice(STAMP_TITLES), text]
    return c.stamp(x + 1.1, y, lines, parts.stamp_ink(sheet.vendor.token), 10, c.rng.uniform(-6, 6))


def _sticker(c: Canvas, sheet: Sheet, text: str, x: float, y: float):
    """A printed adhesive label from the manifest pad: a pale box, its title, bars, and the number."""
    width, height = 2.3, 0.78
    c.rect(x, y - 0.3, x + width, y - 0.3 + height, 0.8, fill=STICKER_PAPER, outline=STICKER_EDGE)
    c.text(x + 0.1, y - 0.14, c.rng.choice(STICKER_TITLES), 6.5, "sans_bold")
    bar_x = x + 0.1
    while bar_x < x + width - 0.2:
        bar = c.rng.choice((0.01, 0.02, 0.03))
        c.rect(bar_x, y - 0.09, bar_x + bar, y + 0.11, 0.1, fill=(30, 30, 30), outline=(30, 30, 30))
        bar_x += bar + c.rng.choice((0.01, 0.02))
    return c.text(x + width / 2, y + 0.38, text, 10, "mono_bold", anchor="ms")


def _margin_note(c: Canvas, sheet: Sheet, text: str, x: float, y: float):
    """The number added by hand in a free margin, after a short tag of the writer's own."""
    tag = c.rng.choice(MARGIN_TAGS)
    tag_box = c.write(x, y, tag, sheet.writer, max_width=0.9)
    start = x + (tag_box[2] - tag_box[0]) / c.dpi + 0.02
    return c.write(start, y, text, sheet.writer, max_width=2.3)
