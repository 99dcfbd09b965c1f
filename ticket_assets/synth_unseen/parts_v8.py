"""Pieces the eighth-round (v8) layouts share: a label printed white on a dark band, a block's shaded head, the
signature area (with the truck number beside the driver's signature and the manifest under the signatures on some
pages), the manifest noted across the top margin, the kinds of truck with the number on one's line, and the scale
house's time clock stamp."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import STAMP_INKS, Canvas
from ticket_assets.synth_unseen.parts_v3 import SMALLEST_PT
from ticket_assets.synth_unseen.parts_v6 import value
from ticket_assets.synth_unseen.phrasing_v8 import SIGN_BLOCK_TAGS, TIME_CLOCK_WORDS, TOP_MARGIN_TAGS
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.sheet_v4 import trait
from ticket_assets.synth_unseen.wording_v8 import SIGN_TRUCK_LABEL, TRUCK_TYPES, V8_TITLES

BAND_INK = (38, 42, 52)
HEAD_SHADE = (214, 214, 214)
TOP_MARGIN = 0.45  # room a page keeps over its header for a manifest noted across the top
SIGN_STEP = 0.46  # between the signature area's lines
TRUCK_BLANK = 1.5  # inches the `Truck ____` blank takes at the end of the driver's line


def v8_title(sheet: Sheet) -> str:
    titles = V8_TITLES[sheet.vendor.form]
    return titles[sum(map(ord, sheet.vendor.token)) % len(titles)]


def page_top(sheet: Sheet) -> float:
    """Where the form starts: lower on a page whose manifest is written across its top margin."""
    return 0.2 + (TOP_MARGIN if trait(sheet, "manifest") == "top_margin" else 0.0)


def in_field(sheet: Sheet, key: str) -> bool:
    """Whether the value of `key` stands in its field; a moved value leaves the field blank."""
    return trait(sheet, key, "field") == "field"


def band_label(c: Canvas, sheet: Sheet, key: str, x: float, y: float, width: float, height: float,
               pt: float = 7.5) -> None:
    """The label of `key` in white on a dark band from (x, y), shrunk until it fits the band."""
    text, face = sheet.vendor.labels[key], parts.bold(sheet.vendor.face)
    c.rect(x, y, x + width, y + height, 0.5, fill=BAND_INK, outline=BAND_INK)
    while pt > SMALLEST_PT and c.width(text, pt, face) > width - 0.12:
        pt -= 0.5
    c.mark(f"label:{key}", c.text(x + 0.06, y + height * 0.64, text, pt, face, fill=sheet.paper_rgb))


def block_head(c: Canvas, sheet: Sheet, text: str, y: float) -> float:
    """A shaded bar across the page with the block's name; returns the y under it."""
    c.rect(0.3, y, c.width_in - 0.3, y + 0.22, 0.6, fill=HEAD_SHADE)
    c.text(0.4, y + 0.16, text, 8, parts.bold(sheet.vendor.face))
    return y + 0.22


def field_line(c: Canvas, sheet: Sheet, key: str, x0: float, x1: float, y: float) -> None:
    """`Label ______` with the value on the line, or the line left blank when the value stands elsewhere."""
    start = x0 + parts.label(c, sheet, key, x0, y, 8) + 0.06
    c.line(start, y + 0.03, x1, y + 0.03, 0.6)
    if in_field(sheet, key):
        value(c, sheet, key, start + 0.05, y - 0.01, x1 - start - 0.1)


def truck_types(c: Canvas, sheet: Sheet, x0: float, x1: float, y: float, step: float) -> float:
    """The kinds of truck two to a line, the truck number written on the line of the one that came; returns the
    y of the next line."""
    came = c.rng.randrange(len(TRUCK_TYPES))
    span = (x1 - x0) / 2
    for n, kind in enumerate(TRUCK_TYPES):
        x, row = x0 + (n % 2) * span, y + (n // 2) * step
        start = x + c.width(kind, 7.5, parts.bold(sheet.vendor.face)) + 0.06
        c.text(x, row, kind, 7.5, parts.bold(sheet.vendor.face))
        c.line(start, row + 0.03, x + span - 0.15, row + 0.03, 0.6)
        if n == came:
            value(c, sheet, "truck", start + 0.05, row - 0.01, x + span - start - 0.25)
    return y + 2 * step


def sign_area(c: Canvas, sheet: Sheet, signers: tuple[str, ...], x0: float, x1: float, y: float) -> float:
    """One signature line a signer, the driver's last; the truck number beside the driver's signature and the
    manifest on a line under them on pages that put them there; a time clock stamp over the first signature.
    Returns the y under the area."""
    for k, signer in enumerate(signers):
        row = y + k * SIGN_STEP
        driver = k == len(signers) - 1
        end = x1 - TRUCK_BLANK if driver and trait(sheet, "truck") == "sign_block" else x1
        parts.signature_line(c, sheet, signer, x0, end - 0.1, row, signed=driver or c.rng.random() < 0.6)
        if end < x1:
            start = end + c.width(SIGN_TRUCK_LABEL, 7.5, parts.bold(sheet.vendor.face)) + 0.06
            c.text(end, row, SIGN_TRUCK_LABEL, 7.5, parts.bold(sheet.vendor.face))
            c.line(start, row + 0.02, x1, row + 0.02, 0.6)
            value(c, sheet, "truck", start + 0.05, row - 0.02, x1 - start - 0.1)
    end = y + (len(signers) - 1) * SIGN_STEP
    if trait(sheet, "manifest") == "sign_block":
        end += SIGN_STEP
        tagged_note(c, sheet, c.rng.choice(SIGN_BLOCK_TAGS), x0 + 0.2, end, x1 - x0 - 0.4)
    if "stamp:time_clock" in sheet.traits:
        time_clock(c, sheet, x0 + 2.0, y - 0.05)
    return end


def tagged_note(c: Canvas, sheet: Sheet, tag: str, x: float, y: float, width: float) -> None:
    """The manifest written by hand after a short tag of the writer's own."""
    tag_box = c.write(x, y, tag, sheet.writer, max_width=1.1)
    start = x + (tag_box[2] - tag_box[0]) / c.dpi + 0.05
    value(c, sheet, "manifest", start, y, width - (start - x))


def top_margin_note(c: Canvas, sheet: Sheet) -> None:
    """On a `manifest:top_margin` page, the number written across the top margin over the header."""
    if trait(sheet, "manifest") == "top_margin":
        tagged_note(c, sheet, c.rng.choice(TOP_MARGIN_TAGS), 0.35, 0.42, c.width_in * 0.7)


def time_clock(c: Canvas, sheet: Sheet, x: float, y: float) -> None:
    """A scale house's time clock stamp centred at (x, y): what it records, the day and the minute it struck."""
    day, minute = sheet.load.day, c.rng.randint(6 * 60, 16 * 60)
    words = [c.rng.choice(TIME_CLOCK_WORDS), f"{day:%Y %b %d}".upper(), f"{minute // 60:02d}:{minute % 60:02d}"]
    c.mark("stamp:time_clock", c.stamp(x, y, words, c.rng.choice(STAMP_INKS), 9, c.rng.uniform(-10, 10),
                                       oval=True))
