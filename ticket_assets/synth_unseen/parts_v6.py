"""Pieces the sixth-round (v6) layouts share: a value as the page shows it (struck through and corrected by hand,
or in the faint ink of a carbonless copy), the manifest written beside its empty box, and the office's PAID stamp
with its own date and number."""

from __future__ import annotations

from ticket_assets.synth_unseen.draw import INK, STAMP_INKS, Canvas
from ticket_assets.synth_unseen.parts_v5 import hand_width
from ticket_assets.synth_unseen.phrasing_v6 import PAID_NUMBER_TAGS, PAID_WORDS
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.sheet_v4 import trait
from ticket_assets.synth_unseen.sheet_v6 import CARBON_INK, struck_text
from ticket_assets.synth_unseen.wording_v6 import V6_TITLES

EMPTY_BOX_WIDTH = 0.9


def v6_title(sheet: Sheet) -> str:
    titles = V6_TITLES[sheet.vendor.form]
    return titles[sum(map(ord, sheet.vendor.token)) % len(titles)]


def field_keys(sheet: Sheet) -> tuple[str, ...]:
    return sheet.vendor.rows[0]


def value(c: Canvas, sheet: Sheet, key: str, x: float, y: float, width: float, pt: float = 10.5) -> None:
    """The field's value from (x, y) within `width` inches: corrected beside a struck printed value, next to an
    empty manifest box, or plainly, printed or written."""
    entry = sheet.entries.get(key)
    if not entry or not entry.text:
        return
    if trait(sheet, "correction") == key:
        x, width = _struck(c, sheet, entry.text, x, y, width, pt)
    elif key == "manifest" and "manifest:beside_box" in sheet.traits:
        c.rect(x, y - 0.22, x + EMPTY_BOX_WIDTH, y + 0.06, 0.8)
        x, width = x + EMPTY_BOX_WIDTH + 0.1, width - EMPTY_BOX_WIDTH - 0.1
    if entry.by_hand:
        used = hand_width(c, sheet, entry.text, max(width, 0.4))
        c.mark(f"value:{key}", c.write(x, y, entry.text, sheet.writer, max_width=used))
        return
    while pt > 6 and c.width(entry.text, pt, "mono") > width:
        pt -= 0.5
    ink = CARBON_INK if sheet.vendor.form == "carbon_offset" else INK
    c.mark(f"value:{key}", c.text(x, y, entry.text, pt, "mono", fill=ink))


def _struck(c: Canvas, sheet: Sheet, text: str, x: float, y: float, width: float,
            pt: float) -> tuple[float, float]:
    """The wrong printed value with a hand's line through it; returns where the correction may start and its
    room."""
    wrong = struck_text(text)
    box = c.text(x, y, wrong, pt, "mono", fill=(60, 60, 60))
    middle = (box[1] + box[3]) / 2 / c.dpi
    left, right = box[0] / c.dpi - 0.04, box[2] / c.dpi + 0.04
    c.pen.line((c.px(left), c.px(middle + 0.02), c.px(right), c.px(middle - 0.02)), fill=sheet.writer.ink,
               width=max(1, c.dpi // 50))
    used = right - x + 0.12
    return x + used, width - used


def paid_stamp(c: Canvas, sheet: Sheet, x: float, y: float) -> None:
    """The office's PAID (POSTED, BILLED) stamp at (x, y) with its own date and a check or batch number that is
    never the ticket's."""
    if "stamp:paid" not in sheet.traits:
        return
    digits = "".join(ch for ch in sheet.load.ticket_number if ch.isdigit())
    number = str(c.rng.randint(1000, 99999))
    while number in digits or digits in number:
        number = str(c.rng.randint(1000, 99999))
    words = [c.rng.choice(PAID_WORDS), sheet.load.day.strftime("%m/%d/%y"),
             f"{c.rng.choice(PAID_NUMBER_TAGS)} {number}"]
    c.mark("stamp:paid", c.stamp(x, y, words, c.rng.choice(STAMP_INKS), 11, c.rng.uniform(-12, 12)))
