"""Pieces every form shares: the vendor's header and logo, its ticket number, labels, values, stamps, signatures."""

from __future__ import annotations

from ticket_assets.synth_unseen.draw import INK, STAMP_INKS, Canvas
from ticket_assets.synth_unseen.sheet import Sheet

LOGO_SHAPES = ("diamond", "circle", "square", "bars", "none")
NUMBERING_RED = (176, 34, 38)


def bold(face: str) -> str:
    return face if face.endswith("_bold") else f"{face}_bold"


def logo(c: Canvas, sheet: Sheet, x: float, y: float, size: float) -> None:
    """A simple mark in the vendor's colour, the same for every ticket of that vendor."""
    vendor = sheet.vendor
    shape = LOGO_SHAPES[sum(map(ord, vendor.token)) % len(LOGO_SHAPES)]
    box = (c.px(x), c.px(y), c.px(x + size), c.px(y + size))
    half = size / 2
    if shape == "diamond":
        c.pen.polygon([(c.px(x + half), box[1]), (box[2], c.px(y + half)), (c.px(x + half), box[3]),
                       (box[0], c.px(y + half))], fill=vendor.accent)
    elif shape == "circle":
        c.pen.ellipse(box, fill=vendor.accent)
    elif shape == "square":
        c.pen.rounded_rectangle(box, radius=c.px(size / 6), fill=vendor.accent)
    elif shape == "bars":
        for k in range(3):
            c.rect(x + k * size / 3, y + (2 - k) * size / 4, x + (k + 0.75) * size / 3, y + size, fill=vendor.accent,
                   outline=vendor.accent)
    if shape in ("diamond", "circle", "square"):
        c.text(x + half, y + half, vendor.header[0][0], size * 40, "sans_bold", fill=sheet.paper_rgb, anchor="mm")


def header(c: Canvas, sheet: Sheet, x: float, y: float, align: str = "center", pt: float = 20) -> float:
    """The company name, its second line and contact lines from (x, y) down; returns the y below them."""
    vendor, anchor = sheet.vendor, {"center": "ms", "left": "ls", "right": "rs"}[align]
    name, *rest = vendor.header
    c.mark("header", c.text(x, y, name, pt, bold(vendor.face), fill=vendor.accent, anchor=anchor))
    y += pt / 72 * 0.45
    for line in rest:
        y += pt / 72 * 0.55
        c.text(x, y, line, pt * 0.5, bold(vendor.face), anchor=anchor)
    for line in vendor.contact:
        y += 0.16
        c.text(x, y, line, 7.5, vendor.face, anchor=anchor)
    return y + 0.1


def ticket_number(c: Canvas, sheet: Sheet, x: float, y: float, anchor: str = "rs", pt: float = 16) -> None:
    """The ticket number as this vendor shows it, placed at (x, y) (a stamp is centred there)."""
    vendor, number = sheet.vendor, sheet.load.ticket_number
    label = vendor.labels["ticket"]
    if vendor.mark == "numbering":
        box = c.text(x, y, f"{label} {number}", pt, "mono", fill=NUMBERING_RED, anchor=anchor)
    elif vendor.mark in ("stamp", "oval"):
        angle = c.rng.uniform(-14, 14) if vendor.mark == "stamp" else c.rng.uniform(-8, 8)
        box = c.stamp(x + c.rng.uniform(-0.3, 0.3), y + c.rng.uniform(-0.15, 0.15), [label.upper(), number],
                      stamp_ink(vendor.token), pt * 0.9, angle, oval=vendor.mark == "oval")
    else:
        box = c.text(x, y, f"{label}  {number}", pt * 0.8, bold(vendor.face), anchor=anchor)
    c.mark("ticket", box)


def stamp_pt(c: Canvas, sheet: Sheet, pt: float, width: float) -> float:
    """The size at which a ticket stamp's longer line stays within `width` inches, so the stamp stays on the
    paper."""
    longest = max(sheet.vendor.labels["ticket"].upper(), sheet.load.ticket_number, key=len)
    while pt > 9 and c.width(longest, pt * 0.9, "mono_bold") > width:
        pt -= 0.5
    return pt


def stamp_ink(token: str) -> tuple[int, int, int]:
    """Each company keeps one colour of stamp pad."""
    return STAMP_INKS[sum(map(ord, token)) % len(STAMP_INKS)]


def ticket_in_corner(c: Canvas, sheet: Sheet, pt: float = 16) -> None:
    """The ticket number where the vendor puts it when no field of the form holds it."""
    w, h, stamped = c.width_in, c.height_in, sheet.vendor.mark == "stamp"
    spots = {
        "top_right": ((w - 1.3, 0.75) if stamped else (w - 0.3, 0.6), "rs"),
        "top_left": ((1.3, 0.75) if stamped else (0.3, 0.6), "ls"),
        "bottom_right": ((w - 1.4, h - 0.75) if stamped else (w - 0.3, h - 0.3), "rs"),
        "off_center": ((w * 0.64, h * 0.2), "ms"),
    }
    (x, y), anchor = spots[sheet.vendor.corner]
    ticket_number(c, sheet, x, y, anchor, pt)


def holds_ticket(sheet: Sheet) -> bool:
    return any("ticket" in row for row in sheet.vendor.rows)


def label(c: Canvas, sheet: Sheet, key: str, x: float, y: float, pt: float = 8.5, anchor: str = "ls") -> float:
    """The printed label of `key`; returns its width in inches."""
    text = sheet.vendor.labels[key]
    face = bold(sheet.vendor.face)
    c.mark(f"label:{key}", c.text(x, y, text, pt, face, anchor=anchor))
    return c.width(text, pt, face)


def value(c: Canvas, sheet: Sheet, key: str, x: float, y: float, width: float, pt: float = 11,
          face: str = "mono", anchor: str = "ls") -> None:
    """The field's value at (x, y), written by hand or typed, kept within `width` inches."""
    if key == "ticket":
        red = sheet.vendor.mark in ("numbering", "cell")
        c.mark("ticket", c.text(x, y, sheet.load.ticket_number, pt + 1, "mono" if red else bold(face),
                                NUMBERING_RED if red else INK, anchor))
        return
    entry = sheet.entries.get(key)
    if not entry or not entry.text:
        return
    if entry.by_hand:
        left = x - min(width, c.width(entry.text, 12)) / 2 if anchor.startswith("m") else x
        c.mark(f"value:{key}", c.write(left, y, entry.text, sheet.writer, max_width=width))
        return
    while pt > 6 and c.width(entry.text, pt, face) > width:
        pt -= 0.5
    c.mark(f"value:{key}", c.text(x, y, entry.text, pt, face, anchor=anchor))


def labelled_line(c: Canvas, sheet: Sheet, key: str, x0: float, x1: float, y: float, pt: float = 8.5) -> None:
    """`Label ________` with the value sitting on the rule."""
    start = x0 + label(c, sheet, key, x0, y, pt) + 0.06
    c.line(start, y + 0.02, x1, y + 0.02, 0.7)
    value(c, sheet, key, start + 0.08, y - 0.02, x1 - start - 0.1)


def signature_line(c: Canvas, sheet: Sheet, text: str, x0: float, x1: float, y: float, signed: bool) -> None:
    c.text(x0, y, text, 7.5, bold(sheet.vendor.face))
    start = x0 + c.width(text, 7.5, bold(sheet.vendor.face)) + 0.08
    c.line(start, y + 0.02, x1, y + 0.02, 0.6)
    if signed:
        c.signature(start + 0.2, y - 0.02, min(1.4, x1 - start - 0.3), sheet.writer.ink)


def site_stamp(c: Canvas, sheet: Sheet) -> None:
    """Now and then the office's own stamp lands somewhere on the page, with its own date and words."""
    if c.rng.random() > 0.18:
        return
    day = sheet.load.day
    words = c.rng.choice((["RECEIVED", day.strftime("%b %d %Y").upper()], ["ENTERED"], ["COPY"],
                          ["SCALE HOUSE", day.strftime("%m/%d/%y")]))
    half_w, half_h = max(map(len, words)) * 0.05 + 0.12, len(words) * 0.12 + 0.2  # roughly, turned or not
    for _ in range(8):  # the office stamps in a free spot, never over a value or the number
        x = c.rng.uniform(0.3, 0.7) * c.width_in
        y = c.rng.uniform(0.55, 0.85) * c.height_in
        spot = (c.px(x - half_w), c.px(y - half_h), c.px(x + half_w), c.px(y + half_h))
        if not any(overlap(spot, box) for key, box in c.regions if key == "ticket" or key.startswith("value:")):
            c.stamp(x, y, words, c.rng.choice(STAMP_INKS), 11, c.rng.uniform(-20, 20))
            return


def overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def rule(c: Canvas, y: float, x0: float = 0.25, x1: float | None = None, weight: float = 1.0) -> None:
    c.line(x0, y, (x1 if x1 is not None else c.width_in - 0.25), y, weight, INK)
