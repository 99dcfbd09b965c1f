"""Eighth-round (v8) forms: a hauler's dispatch ticket in blocks (job, load and truck information under shaded
heads, the kinds of truck listed with the number on one's line) over a signature area; and a gate ticket whose
labels are printed white on dark bands beside open value cells, its signature lines at the foot."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.forms_v5 import pair_rows
from ticket_assets.synth_unseen.parts_v6 import field_keys, value
from ticket_assets.synth_unseen.parts_v8 import (SIGN_STEP, band_label, block_head, field_line, in_field, page_top,
                                                 sign_area, top_margin_note, truck_types, v8_title)
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.sheet_v4 import trait
from ticket_assets.synth_unseen.wording_v8 import BLOCK_HEADS, BLOCK_KEYS, SIGNERS

NUMBER_BOX = 2.0  # inches wide, the box at the top right that holds a dispatch ticket's number
BAND_WIDTHS = (1.1, 2.1)  # narrowest and widest a label band may be
BLOCK_GAP = 0.3  # inches between a block's last line and the next block's head


def draw_load_info(c: Canvas, sheet: Sheet) -> None:
    """Logo and header at the left, the number in a box at the right, the title, then the job, load and truck
    blocks, and the signature area at the foot."""
    w, h, top = c.width_in, c.height_in, page_top(sheet)
    top_margin_note(c, sheet)
    parts.logo(c, sheet, 0.3, top + 0.05, 0.45)
    y = parts.header(c, sheet, 0.85, top + 0.35, "left", 13)
    c.rect(w - 0.3 - NUMBER_BOX, top, w - 0.3, top + 0.62, 1.0)
    c.text(w - 0.22 - NUMBER_BOX, top + 0.16, sheet.vendor.labels["ticket"], 7, parts.bold(sheet.vendor.face))
    parts.value(c, sheet, "ticket", w - 0.2 - NUMBER_BOX, top + 0.5, NUMBER_BOX - 0.2, 13)
    y = max(y, top + 0.62) + 0.3
    c.text(w / 2, y, v8_title(sheet), 11, parts.bold(sheet.vendor.face), anchor="ms")
    blocks = _blocks(sheet)
    lines = sum(len(rows) for _, rows in blocks) + (2 if _typed_truck(sheet) else 0)
    sign_top = _sign_top(sheet, SIGNERS["load_info"], h)
    step = min(0.44, (sign_top - 0.5 - y - (BLOCK_GAP + 0.22) * len(blocks)) / max(lines, 1))
    y += 0.12
    for head, rows in blocks:
        y = block_head(c, sheet, head, y) + step * 0.85
        if head == BLOCK_HEADS[-1] and _typed_truck(sheet):
            y = truck_types(c, sheet, 0.4, w - 0.3, y, step)
        for row in rows:
            span = (w - 0.7) / len(row)
            for n, key in enumerate(row):
                field_line(c, sheet, key, 0.4 + n * span, 0.4 + (n + 1) * span - 0.15, y)
            y += step
        y += BLOCK_GAP - step * 0.85
    sign_area(c, sheet, SIGNERS["load_info"], 0.4, w - 0.35, sign_top)


def _blocks(sheet: Sheet) -> list[tuple[str, list[list[str]]]]:
    """Each block's head and its fields' lines, two short fields to a line; a block with no field is left out."""
    keys = field_keys(sheet)
    blocks = [(head, pair_rows(tuple(k for k in keys if k in held))) for head, held in zip(BLOCK_HEADS, BLOCK_KEYS)]
    return [(head, rows) for head, rows in blocks if rows]


def _typed_truck(sheet: Sheet) -> bool:
    return trait(sheet, "truck") == "type_row"


def _sign_top(sheet: Sheet, signers: tuple[str, ...], height: float) -> float:
    """Where the signature area's first line stands, so that its last (a manifest under the signatures on some
    pages) keeps clear of the foot."""
    lines = len(signers) + (1 if trait(sheet, "manifest") == "sign_block" else 0)
    return height - 0.35 - SIGN_STEP * (lines - 1)


def draw_reverse_band(c: Canvas, sheet: Sheet) -> None:
    """Logo and header at the left, the number and title at the right, then the fields in rows of band and cell,
    two to a row where they are short, and the signature lines at the foot."""
    w, h, top = c.width_in, c.height_in, page_top(sheet)
    top_margin_note(c, sheet)
    parts.logo(c, sheet, 0.3, top + 0.05, 0.45)
    y = parts.header(c, sheet, 0.85, top + 0.35, "left", 14)
    parts.ticket_number(c, sheet, w - 0.35, top + 0.4, "rs", 13)
    c.text(w - 0.35, top + 0.72, v8_title(sheet), 10, parts.bold(sheet.vendor.face), anchor="rs")
    rows = pair_rows(field_keys(sheet))
    signers = SIGNERS["reverse_band"]
    sign_top = _sign_top(sheet, signers, h)
    first = max(y, top + 0.8) + 0.12
    step = min(0.4, (sign_top - 0.35 - first) / max(len(rows), 1))
    band = _band_width(c, sheet)
    for k, row in enumerate(rows):
        span = (w - 0.6) / len(row)
        for n, key in enumerate(row):
            _band_cell(c, sheet, key, 0.3 + n * span, first + k * step, span - 0.08, band, step - 0.06)
    sign_area(c, sheet, signers, 0.35, w - 0.35, sign_top)


def _band_width(c: Canvas, sheet: Sheet) -> float:
    face = parts.bold(sheet.vendor.face)
    widest = max(c.width(sheet.vendor.labels[k], 7.5, face) for k in field_keys(sheet)) + 0.14
    return min(max(widest, BAND_WIDTHS[0]), BAND_WIDTHS[1])


def _band_cell(c: Canvas, sheet: Sheet, key: str, x: float, y: float, width: float, band: float,
               height: float) -> None:
    """The label on its band, the value in the open cell beside it (left blank when it stands elsewhere)."""
    band_label(c, sheet, key, x, y, band, height)
    c.rect(x + band, y, x + width, y + height, 0.6)
    if in_field(sheet, key):
        value(c, sheet, key, x + band + 0.08, y + height * 0.72, width - band - 0.16, 10.5)
