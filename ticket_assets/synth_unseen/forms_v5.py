"""Fifth-round (v5) forms: a scale house's certificate whose labels sit in a left column and whose values are flush
against the right edge; a hauler's pad whose labels are printed in small caps above long ruled lines the values are
written on; a delivery receipt with boxed header cells and a one-row `Qty | Unit | Description` item table; and a
sheet of value boxes whose labels are printed under the boxes, the number in a box of its own."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.forms_table import WIDE_KEYS
from ticket_assets.synth_unseen.parts_v3 import fitted_label
from ticket_assets.synth_unseen.parts_v5 import (bottom, field_keys, margin_note, received_across, small_caps,
                                                 stub_number, text_at, ticket_or_stub, v5_title, value)
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.sheet_v5 import spot

RULE_GREY = (150, 150, 150)
ITEM_COLUMNS = ((None, 1.0), ("Unit", 0.8), (None, 3.3), ("Unit Price", 1.0), ("Amount", 0.0))  # 0: to the edge
PLACE_KEYS = ("source", "destination")
LINE_ITEM_KEYS = ("quantity", "material")
BOX_COLUMNS = 4


def draw_right_edge(c: Canvas, sheet: Sheet) -> None:
    """Centred header, the number at the right under it, then one ruled row a field: label at the left margin,
    value flush right; the amount noted below the rows when it was added by hand."""
    w = c.width_in
    top = parts.header(c, sheet, w / 2, 0.55, "center", 15)
    c.text(0.35, top + 0.22, v5_title(sheet), 9, parts.bold(sheet.vendor.face))
    ticket_or_stub(c, sheet, w - 0.35, top + 0.22, "rs", 12)
    parts.rule(c, top + 0.34, 0.3, w - 0.3, 1.4)
    keys = field_keys(sheet)
    tall = "manifest" in keys and spot(sheet, "manifest") == "prefix_line"  # its prefix takes a line of its own
    first, last = top + 0.72, bottom(c, sheet) - 1.2
    step = min(0.42, (last - first) / max(len(keys) - 1 + 0.5 * tall, 1))
    rows, y = {}, first
    for key in keys:
        y = rows[key] = y + (0.5 * step if tall and key == "manifest" else 0)
        width = parts.label(c, sheet, key, 0.35, y, 8.5)
        value(c, sheet, key, w - 0.35, y, w - 1.0 - width, 10, right=True, prefix_at=(w - 0.35, y - 0.19))
        c.line(0.3, y + step * 0.35, w - 0.3, y + step * 0.35, 0.5, fill=RULE_GREY)
        y += step
    if "quantity" in rows:
        margin_note(c, sheet, (0.6, rows[keys[-1]] + 0.75), (w - 0.6, rows["quantity"] + 0.03))
    received_across(c, sheet, w - 1.5, (first + rows[keys[-1]]) / 2)
    parts.signature_line(c, sheet, "Weighmaster", 0.35, w - 0.35, bottom(c, sheet) - 0.15,
                         signed=c.rng.random() < 0.7)


def draw_caps_over_line(c: Canvas, sheet: Sheet) -> None:
    """Logo and header, the number top right, then fields two to a line (a wide one alone), each a small-caps
    label over a long rule with the value written on the rule."""
    w = c.width_in
    parts.logo(c, sheet, 0.3, 0.25, 0.5)
    top = parts.header(c, sheet, 0.95, 0.5, "left", 14)
    ticket_or_stub(c, sheet, w - 0.3, 0.45, "rs", 13)
    c.text(w / 2, top + 0.12, v5_title(sheet), 10, parts.bold(sheet.vendor.face), anchor="ms")
    rows = pair_rows(field_keys(sheet))
    first, last = top + 0.45, bottom(c, sheet) - 1.15
    step = min(0.62, (last - first) / max(len(rows), 1))
    lines = {}
    for k, row in enumerate(rows):
        y, span = first + k * step, (w - 0.6) / len(row)
        for n, key in enumerate(row):
            x0, x1 = 0.3 + n * span, 0.3 + (n + 1) * span - (0.2 if n < len(row) - 1 else 0)
            after = small_caps(c, sheet, key, x0, y, 7.5)
            c.line(x0, y + step * 0.62, x1, y + step * 0.62, 0.7)
            value(c, sheet, key, x0 + 0.08, y + step * 0.58, x1 - x0 - 0.16, 11, prefix_at=(after + 0.15, y + 0.02))
            lines[key] = ((x0 + x1) / 2, y + step * 0.62 - 0.06)
    end = first + len(rows) * step
    if "quantity" in lines:
        margin_note(c, sheet, (w * 0.45, end + 0.45), lines["quantity"])
    received_across(c, sheet, w * 0.6, (first + end) / 2)
    parts.signature_line(c, sheet, "Driver", 0.3, w / 2 - 0.1, bottom(c, sheet) - 0.1, signed=True)
    parts.signature_line(c, sheet, "Rec'd", w / 2 + 0.1, w - 0.3, bottom(c, sheet) - 0.1,
                         signed=c.rng.random() < 0.5)


def pair_rows(keys: tuple[str, ...]) -> list[list[str]]:
    """The fields two to a line, a wide one (`WIDE_KEYS`) alone."""
    rows: list[list[str]] = []
    for key in keys:
        if rows and len(rows[-1]) == 1 and not {rows[-1][0], key} & set(WIDE_KEYS):
            rows[-1].append(key)
        else:
            rows.append([key])
    return rows


def draw_line_item(c: Canvas, sheet: Sheet) -> None:
    """Header at the left, title and number at the right; boxed cells for the small fields, Ship From / Ship To
    boxes, a manifest and remarks row, then the item table whose one row holds the amount, unit and material."""
    w, keys = c.width_in, field_keys(sheet)
    parts.logo(c, sheet, 0.3, 0.22, 0.45)
    top = parts.header(c, sheet, 0.9, 0.45, "left", 14)
    c.text(w - 0.3, 0.38, v5_title(sheet), 12, parts.bold(sheet.vendor.face), anchor="rs")
    ticket_or_stub(c, sheet, w - 0.3, 0.66, "rs", 12)
    small = [k for k in keys if k not in (*PLACE_KEYS, *LINE_ITEM_KEYS, "manifest", "remarks")]
    grids = [small[i:i + 4] for i in range(0, len(small), 4)]
    extra = [k for k in ("manifest", "remarks") if k in keys]
    spans = [row for row in (*grids, [k for k in PLACE_KEYS if k in keys], extra) if row]
    y = max(top, 1.0)
    height = min(0.5, (bottom(c, sheet) - y - 1.15) / max(len(spans), 1))
    for row in spans:
        _cells(c, sheet, row, y, height)
        y += height
    _item_table(c, sheet, y + 0.15)
    received_across(c, sheet, w * 0.62, y + 0.5)
    parts.signature_line(c, sheet, "Received by", 0.3, 3.6, bottom(c, sheet) - 0.1, signed=c.rng.random() < 0.6)


def _cells(c: Canvas, sheet: Sheet, row: list[str], top: float, height: float) -> None:
    """Boxes side by side across the page, each with its label small in its top-left corner."""
    span = (c.width_in - 0.6) / len(row)
    for n, key in enumerate(row):
        x0 = 0.3 + n * span
        c.rect(x0, top, x0 + span, top + height, 0.8)
        fitted_label(c, sheet, key, x0 + 0.05, top + 0.13, span - 0.1, 6.5)
        after = x0 + 0.1 + c.width(sheet.vendor.labels[key], 6.5, parts.bold(sheet.vendor.face))
        value(c, sheet, key, x0 + 0.1, top + height - 0.08, span - 0.2, 10, prefix_at=(after + 0.1, top + 0.15))


def _item_table(c: Canvas, sheet: Sheet, top: float) -> None:
    """The column heads on a tinted band, then the one item row; the Qty and Description heads are the
    vendor's own labels for the amount and the material."""
    heads = {0: sheet.vendor.labels.get("quantity", "Qty"), 2: sheet.vendor.labels.get("material", "Description")}
    tint = tuple(round(a * 0.15 + p * 0.85) for a, p in zip(sheet.vendor.accent, sheet.paper_rgb))
    edges, x = [], 0.3
    for _, width in ITEM_COLUMNS:
        edges.append((x, x + width if width else c.width_in - 0.3))
        x += width
    c.rect(0.3, top, c.width_in - 0.3, top + 0.28, 0.8, fill=tint)
    c.rect(0.3, top + 0.28, c.width_in - 0.3, top + 0.72, 0.8)
    for n, ((x0, x1), (head, _)) in enumerate(zip(edges, ITEM_COLUMNS)):
        c.line(x0, top, x0, top + 0.72, 0.8)
        if n in heads:
            fitted_label(c, sheet, "quantity" if n == 0 else "material", x0 + 0.05, top + 0.2, x1 - x0 - 0.1, 7.5)
        else:
            c.text(x0 + 0.05, top + 0.2, head, 7.5, parts.bold(sheet.vendor.face))
    _item_row(c, sheet, edges, top + 0.62)


def _item_row(c: Canvas, sheet: Sheet, edges: list[tuple[float, float]], y: float) -> None:
    """The amount split into the Qty and Unit columns, the material in Description, the price columns ruled off."""
    quantity = sheet.entries.get("quantity")
    if quantity and quantity.text:
        number, unit = quantity.text.rsplit(" ", 1)
        text_at(c, sheet, "quantity", number, edges[0][1] - 0.1, y, edges[0][1] - edges[0][0] - 0.2, 11, right=True)
        text_at(c, sheet, "quantity", unit, edges[1][0] + 0.1, y, edges[1][1] - edges[1][0] - 0.2, 11)
    (x0, x1) = edges[2]
    value(c, sheet, "material", x0 + 0.1, y, x1 - x0 - 0.2, 10.5)
    for x0, x1 in edges[3:]:
        c.text(x1 - 0.1, y, "--", 9, sheet.vendor.face, anchor="rs")


def draw_box_over_label(c: Canvas, sheet: Sheet) -> None:
    """Header at the left, the number in a box at the top right with its label under it, then rows of boxes
    (four to a row, a wide field taking two places) each with its label printed small and centred under it."""
    w = c.width_in
    parts.logo(c, sheet, 0.3, 0.22, 0.5)
    top = parts.header(c, sheet, 0.95, 0.48, "left", 15)
    c.text(w / 2 + 0.6, 0.35, v5_title(sheet), 10, parts.bold(sheet.vendor.face), anchor="ms")
    if sheet.vendor.corner == "bottom_stub":
        stub_number(c, sheet)
    else:
        c.rect(w - 2.3, 0.2, w - 0.3, 0.62, 1.0)
        c.mark("ticket", c.text(w - 1.3, 0.52, sheet.load.ticket_number, 14, "mono_bold", anchor="ms"))
        c.text(w - 1.3, 0.76, sheet.vendor.labels["ticket"], 6.5, parts.bold(sheet.vendor.face), anchor="ms")
    rows = _box_rows(field_keys(sheet))
    first, last = max(top, 1.0) + 0.1, bottom(c, sheet) - 0.75
    step = min(0.68, (last - first) / max(len(rows), 1))
    gap = 0.34 if any(" / " in sheet.vendor.labels[k] for k in field_keys(sheet)) else 0.22  # room for the label
    boxes = {}
    for k, row in enumerate(rows):
        boxes.update(_box_row(c, sheet, row, first + k * step, step - gap))
    end = first + len(rows) * step
    if "quantity" in boxes:
        margin_note(c, sheet, (w * 0.62, end + 0.3), boxes["quantity"])
    received_across(c, sheet, w * 0.5, (first + end) / 2)
    parts.signature_line(c, sheet, "Signed", 0.3, w * 0.45, bottom(c, sheet) - 0.1, signed=c.rng.random() < 0.7)


def _box_rows(keys: tuple[str, ...]) -> list[list[str]]:
    rows: list[list[str]] = [[]]
    for key in keys:
        size = 2 if key in WIDE_KEYS else 1
        if sum(2 if k in WIDE_KEYS else 1 for k in rows[-1]) + size > BOX_COLUMNS:
            rows.append([])
        rows[-1].append(key)
    return [row for row in rows if row]


def _box_row(c: Canvas, sheet: Sheet, row: list[str], top: float, height: float) -> dict:
    """Boxes left to right, the last one stretched to the margin, each label under its box; returns the point
    an arrow aims at for each box (its middle)."""
    unit, x, aims = (c.width_in - 0.6) / BOX_COLUMNS, 0.3, {}
    for n, key in enumerate(row):
        x1 = c.width_in - 0.3 if n == len(row) - 1 else x + unit * (2 if key in WIDE_KEYS else 1) - 0.12
        c.rect(x, top, x1, top + height, 0.9)
        value(c, sheet, key, x + 0.1, top + height - 0.1, x1 - x - 0.2, 11)
        under = top + height + (0.24 if " / " in sheet.vendor.labels[key] else 0.13)  # its last line lowest
        fitted_label(c, sheet, key, (x + x1) / 2, under, x1 - x - 0.1, 6.5, anchor="ms")
        aims[key] = ((x + x1) / 2, top + height / 2)
        x = x1 + 0.12
    return aims
