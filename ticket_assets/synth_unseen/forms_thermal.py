"""A thermal-printer receipt off an 80 mm roll: long and thin, monospace, `KEY.......VALUE` with dot leaders."""

from __future__ import annotations

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.sheet import Sheet
from ticket_assets.synth_unseen.wording import TITLES

MARGIN, PT, STEP = 0.14, 8.5, 0.19
THERMAL_INK = (44, 44, 50)


class Roll:
    """The print head's position on the roll: one monospace line after another."""

    def __init__(self, c: Canvas, y: float):
        self.c, self.y = c, y
        self.columns = int((c.width_in - 2 * MARGIN) / c.width("M", PT, "mono"))

    def line(self, text: str, pt: float = PT, face: str = "mono", align: str = "left", key: str | None = None,
             gap: float = STEP) -> None:
        self.y += gap * max(1.0, pt / PT)
        x, anchor = {"left": (MARGIN, "ls"), "center": (self.c.width_in / 2, "ms"),
                     "right": (self.c.width_in - MARGIN, "rs")}[align]
        box = self.c.text(x, self.y, text, pt, face, THERMAL_INK, anchor)
        if key:
            self.c.mark(key, box)

    def rule(self, char: str = "-") -> None:
        self.line(char * self.columns)


def draw_thermal(c: Canvas, sheet: Sheet) -> None:
    """Header, title and ticket number centred, one leader line a field, weights when weighed, then the tear-off."""
    roll = Roll(c, 0.2)
    _heading(roll, sheet)
    for key in sheet.vendor.rows[0]:
        _field(roll, sheet, key)
    if sheet.vendor.role != "hauler":
        _weights(roll, sheet)
    _footer(roll, sheet)


def _heading(roll: Roll, sheet: Sheet) -> None:
    vendor = sheet.vendor
    name, *rest = vendor.header
    roll.line(name.upper(), 13, "mono_bold", "center", key="header")
    for line in (*rest, *vendor.contact):
        roll.line(line[: roll.columns], 7.5, "mono", "center", gap=0.17)
    roll.rule("=")
    titles = TITLES[vendor.role]
    roll.line(titles[sum(map(ord, vendor.token)) % len(titles)], 10, "mono_bold", "center", gap=0.24)
    roll.line(f"{vendor.labels['ticket'].upper()}: {sheet.load.ticket_number}", 10.5, "mono_bold", "center",
              key="ticket", gap=0.26)
    roll.rule()


def _field(roll: Roll, sheet: Sheet, key: str) -> None:
    """`LABEL.....value` when both fit on the line, else the label with the value right-aligned under it."""
    label, entry = sheet.vendor.labels[key].upper(), sheet.entries.get(key)
    text = entry.text if entry else ""
    if entry and entry.by_hand:
        roll.line(f"{label}: " + "_" * max(4, roll.columns - len(label) - 2), key=f"label:{key}", gap=0.26)
        start = roll.c.width(f"{label}: ", PT, "mono") + MARGIN
        parts.value(roll.c, sheet, key, start + 0.05, roll.y - 0.03, roll.c.width_in - start - 0.15)
        return
    if len(label) + len(text) + 2 <= roll.columns:
        roll.line(label + "." * (roll.columns - len(label) - len(text) - 1), key=f"label:{key}")
        roll.c.mark(f"value:{key}", roll.c.text(roll.c.width_in - MARGIN, roll.y, text, PT, "mono", THERMAL_INK,
                                                "rs"))
        return
    roll.line(label + ":", key=f"label:{key}")
    pt = PT
    while pt > 6.5 and roll.c.width(text, pt, "mono") > roll.c.width_in - 2 * MARGIN:
        pt -= 0.5
    roll.line(text, pt, align="right", key=f"value:{key}")


def _weights(roll: Roll, sheet: Sheet) -> None:
    """Gross, tare and net pounds agreeing with the net tons, when the load was weighed in tons."""
    load = sheet.load
    if load.unit != "TONS" or load.quantity is None:
        return
    net = round(load.quantity * 2000)
    tare = roll.c.rng.randrange(26000, 36000, 20)
    roll.rule()
    for name, pounds in (("GROSS", tare + net), ("TARE", tare), ("NET", net)):
        amount = f"{pounds:,} LB"
        roll.line(name + " " * (roll.columns - len(name) - len(amount)) + amount)


def _footer(roll: Roll, sheet: Sheet) -> None:
    c = roll.c
    minute = c.rng.randint(6 * 60, 16 * 60)
    roll.rule()
    roll.line(f"IN  {minute // 60:02d}:{minute % 60:02d}    OUT {(minute + 11) // 60:02d}:{(minute + 11) % 60:02d}")
    roll.line("DRIVER SIGNATURE:", gap=0.3)
    c.line(MARGIN, roll.y + 0.38, c.width_in - MARGIN, roll.y + 0.38, 0.6)
    if c.rng.random() < 0.7:
        c.signature(MARGIN + 0.3, roll.y + 0.36, 1.3, sheet.writer.ink)
    roll.y += 0.45
    roll.line("THANK YOU - DRIVE SAFE", align="center", gap=0.3)
    _barcode(c, roll.y + 0.12)
    roll.y += 0.55
    roll.line("*** CUSTOMER COPY ***", 7.5, align="center", gap=0.2)


def _barcode(c: Canvas, y: float) -> None:
    x = c.width_in / 2 - 0.9
    while x < c.width_in / 2 + 0.9:
        bar = c.rng.choice((0.01, 0.02, 0.03))
        c.rect(x, y, x + bar, y + 0.3, 0.1, fill=THERMAL_INK, outline=THERMAL_INK)
        x += bar + c.rng.choice((0.01, 0.02, 0.03))
