"""A third-round (v3) grid with merged cells: each label small in its cell's corner, wide fields spanning two
columns, and a tall cell at the right, merged over several rows, holding the ticket number and the manifest."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.forms_table import WIDE_KEYS
from ticket_assets.synth_unseen.parts_v3 import fitted_label, form_keys, manifest_elsewhere, v3_title
from ticket_assets.synth_unseen.sheet import Sheet

LEFT, SIDE_WIDTH, COLUMNS = 0.3, 2.5, 4


def draw_merged_grid(c: Canvas, sheet: Sheet) -> None:
    """Header above the grid; cells in rows of four columns; the merged side cell at the right."""
    parts.logo(c, sheet, LEFT, 0.22, 0.5)
    top = parts.header(c, sheet, LEFT + 0.65, 0.5, "left", 17)
    c.text(c.width_in - 0.3, 0.35, v3_title(sheet), 9, parts.bold(sheet.vendor.face), anchor="rs")
    keys = [k for k in form_keys(sheet) if k != "manifest"]
    rows = _rows(keys)
    first, bottom = max(top + 0.2, 1.3), c.height_in - 0.8
    height = (bottom - first) / len(rows)
    split = c.width_in - 0.3 - SIDE_WIDTH
    for k, row in enumerate(rows):
        _cells(c, sheet, row, first + k * height, height, split)
    _side_cell(c, sheet, split, first, bottom)
    if sheet.manifest_spot == "margin":
        manifest_elsewhere(c, sheet, LEFT, c.height_in - 0.35)
    parts.signature_line(c, sheet, "Signed", c.width_in - 3.6, c.width_in - 0.3, c.height_in - 0.3, signed=True)


def _rows(keys: list[str]) -> list[list[str]]:
    """Rows of `COLUMNS` columns, a wide field taking two."""
    rows: list[list[str]] = [[]]
    for key in keys:
        if sum(_span(k) for k in rows[-1]) + _span(key) > COLUMNS:
            rows.append([])
        rows[-1].append(key)
    return rows


def _span(key: str) -> int:
    return 2 if key in WIDE_KEYS else 1


def _cells(c: Canvas, sheet: Sheet, row: list[str], top: float, height: float, split: float) -> None:
    """One row: each cell boxed, its label in the top-left corner, its value low in the cell; the last cell
    stretches to the side cell."""
    unit = (split - LEFT) / COLUMNS
    x = LEFT
    for n, key in enumerate(row):
        x1 = split if n == len(row) - 1 else x + unit * _span(key)
        c.rect(x, top, x1, top + height, 0.9)
        fitted_label(c, sheet, key, x + 0.05, top + 0.14, x1 - x - 0.1, 6.5)
        parts.value(c, sheet, key, x + 0.1, top + height - 0.1, x1 - x - 0.2, 11)
        x = x1


def _side_cell(c: Canvas, sheet: Sheet, x0: float, top: float, bottom: float) -> None:
    """The merged cell: the ticket number in its upper part, the manifest below (in its field, on a sticker or
    under a stamp)."""
    x1 = c.width_in - 0.3
    c.rect(x0, top, x1, bottom, 1.2)
    c.text(x0 + 0.08, top + 0.18, sheet.vendor.labels["ticket"], 7, parts.bold(sheet.vendor.face))
    parts.value(c, sheet, "ticket", x0 + 0.15, top + 0.6, x1 - x0 - 0.25, 13)
    c.line(x0, top + 0.85, x1, top + 0.85, 0.7)
    if "manifest" in form_keys(sheet):
        fitted_label(c, sheet, "manifest", x0 + 0.08, top + 1.05, x1 - x0 - 0.16, 7)
        parts.value(c, sheet, "manifest", x0 + 0.1, top + 1.5, x1 - x0 - 0.2, 11)
    elif sheet.manifest_spot != "margin":
        manifest_elsewhere(c, sheet, x0 + 0.1, top + 1.4)
    c.text(x0 + 0.08, bottom - 0.12, "Time In ____ Out ____", 7, sheet.vendor.face)
