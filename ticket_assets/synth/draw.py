"""Draw a ticket on a PDF page with the base-14 fonts: printed form, printed values, handwritten values."""

from __future__ import annotations

from dataclasses import dataclass, field

import pymupdf

from ticket_assets.synth.scenario import JOB_CODE
from ticket_assets.synth.ticket import CUSTOMER, Pen, Ticket

WIDTH, HEIGHT = 612, 396  # 8.5 x 5.5 in, a haul ticket
MARGIN = 30
HEADER_WIDTH = 340  # the vendor name stays left of the ticket number
NUMBER_X = 400
ROW_TOP, ROW_STEP = 122, 34
RIGHT_X = 322
RULE_LENGTH = 250
INK = (0, 0, 0)
RULE = (0.55, 0.55, 0.55)
PEN_INK = (0.1, 0.15, 0.45)
STAMP_RED = (0.7, 0.1, 0.1)
FONTS = {name: pymupdf.Font(name) for name in ("helv", "hebo", "cour", "cobo", "tiit")}


@dataclass
class Sheet:
    """What goes on one page, gathered first: writing text piece by piece onto a page is slow."""

    page: pymupdf.Page
    printed: pymupdf.TextWriter
    stamped: pymupdf.TextWriter
    rules: pymupdf.Shape
    pens: list[tuple[pymupdf.TextWriter, pymupdf.Point, Pen]] = field(default_factory=list)

    def text(self, point: tuple[float, float], text: str, font: str, size: float, writer=None) -> None:
        (writer or self.printed).append(point, text, font=FONTS[font], fontsize=size)

    def handwrite(self, point: pymupdf.Point, text: str, pen: Pen) -> None:
        writer = pymupdf.TextWriter(self.page.rect)
        writer.append(point, text, font=FONTS["tiit"], fontsize=15)
        self.pens.append((writer, point, pen))

    def commit(self) -> None:
        self.rules.finish(color=RULE, width=0.6)
        self.rules.commit()
        self.printed.write_text(self.page, color=INK)
        self.stamped.write_text(self.page, color=STAMP_RED)
        for writer, point, pen in self.pens:
            writer.write_text(self.page, color=PEN_INK, morph=(point, pymupdf.Matrix(pen.angle)))


def draw_ticket(page: pymupdf.Page, ticket: Ticket) -> None:
    """Lay the whole ticket out on a WIDTH x HEIGHT page."""
    sheet = Sheet(page, pymupdf.TextWriter(page.rect), pymupdf.TextWriter(page.rect), page.new_shape())
    sheet.rules.draw_rect(pymupdf.Rect(12, 12, WIDTH - 12, HEIGHT - 12))
    sheet.rules.draw_line((MARGIN, 96), (WIDTH - MARGIN, 96))
    _draw_header(sheet, ticket)
    _draw_number(sheet, ticket)
    for column, x in ((_left_rows(ticket), MARGIN), (_right_rows(ticket), RIGHT_X)):
        for index, (label, name, text) in enumerate(column):
            _draw_row(sheet, ticket, x, ROW_TOP + index * ROW_STEP, label, name, text)
    _draw_signature_lines(sheet)
    sheet.commit()


def _draw_header(sheet: Sheet, ticket: Ticket) -> None:
    size = 22.0
    while FONTS["hebo"].text_length(ticket.display_name, size) > HEADER_WIDTH and size > 10:
        size -= 1
    width = FONTS["hebo"].text_length(ticket.display_name, size)
    x = MARGIN + (HEADER_WIDTH - width) / 2 if ticket.header_centered else MARGIN
    sheet.text((x, 48), ticket.display_name, "hebo", size)
    small_lines = [line for line in (ticket.address, ticket.phone and f"Office {ticket.phone}") if line]
    for offset, line in enumerate(small_lines):
        sheet.text((x, 64 + 11 * offset), line, "helv", 8)


def _draw_number(sheet: Sheet, ticket: Ticket) -> None:
    label = ticket.labels["ticket_number"]
    sheet.text((NUMBER_X, 46), label, "helv", 9)
    x = NUMBER_X + FONTS["helv"].text_length(label, 9) + 8
    sheet.text((x, 47), ticket.number_text, "cobo", 15, sheet.stamped if ticket.stamped_red else None)


def _left_rows(ticket: Ticket) -> list[tuple[str, str | None, str]]:
    return [
        ("DATE:", "ticket_date", ticket.texts["ticket_date"]),
        ("CUSTOMER:", None, CUSTOMER),
        ("TRUCK #", "truck_number", ticket.texts["truck_number"]),
        ("MATERIAL:", "material", ticket.texts["material"]),
        ("QTY:", "quantity", ticket.texts["quantity"]),
    ]


def _right_rows(ticket: Ticket) -> list[tuple[str, str | None, str]]:
    rows = []
    if ticket.load.flow == "EXPORT":
        rows.append((ticket.labels["source"], "source", ticket.texts["source"]))
        rows.append((ticket.labels["destination"], "destination", ticket.texts["destination"]))
    if ticket.manifest:
        rows.append(("MANIFEST #:", "manifest_number", ticket.manifest))
    rows.append(("JOB:", None, JOB_CODE))
    return rows


def _draw_row(sheet: Sheet, ticket: Ticket, x: float, y: float, label: str, name: str | None, text: str) -> None:
    sheet.text((x, y), label, "helv", 9)
    sheet.rules.draw_line((x, y + 5), (x + RULE_LENGTH, y + 5))
    value_x = x + FONTS["helv"].text_length(label, 9) + 8
    pen = ticket.pens.get(name)
    if pen is None:
        sheet.text((value_x, y), text, "cour", 11)
    else:
        sheet.handwrite(pymupdf.Point(value_x + pen.dx, y + pen.dy), text, pen)


def _draw_signature_lines(sheet: Sheet) -> None:
    for x, label in ((MARGIN, "DRIVER SIGNATURE"), (RIGHT_X, "RECEIVED BY")):
        sheet.rules.draw_line((x, HEIGHT - 48), (x + RULE_LENGTH, HEIGHT - 48))
        sheet.text((x, HEIGHT - 38), label, "helv", 7)
