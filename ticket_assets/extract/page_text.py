"""The lines of one page with their positions, and the questions extraction asks of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ticket_assets.lines import OcrLine
from ticket_assets.ocr.base import OcrResult

HEADER_FRACTION = 0.3
_HOLDS_NUMBER = re.compile(r"\d{4}")  # vendor headers sit in the top part of a ticket


@dataclass(frozen=True)
class Found:
    """A value read from the page, the line it came from and how sure the reading is."""

    text: str
    line: OcrLine
    confidence: float


class PageText:
    def __init__(self, result: OcrResult):
        self.lines = [line for line in result.lines if line.text.strip()]
        # Regions are measured from the top-left of the text, so that a ticket lying lower down or
        # to the right on a flatbed page still has its header and its top-right number where they belong.
        self.left = min((line.box[0] for line in self.lines), default=0.0)
        self.top = min((line.box[1] for line in self.lines), default=0.0)
        self.width = max(result.width - self.left, 1)
        self.height = max(result.height - self.top, 1)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def is_header(self, line: OcrLine) -> bool:
        return _centre_y(line) - self.top < HEADER_FRACTION * self.height

    def in_region(self, line: OcrLine, region: str) -> bool:
        """Whether the line stands in a template's ticket-number region: top_right, top_left or anywhere."""
        if region == "anywhere":
            return True
        right_half = _centre_x(line) - self.left > 0.5 * self.width
        return self.is_header(line) and right_half == (region == "top_right")

    def row_neighbours(self, line: OcrLine) -> list[OcrLine]:
        """Other lines on the same row, left to right."""
        height = max(line.box[3] - line.box[1], 1)
        same_row = [
            other
            for other in self.lines
            if other is not line and abs(_centre_y(other) - _centre_y(line)) < 0.6 * height
        ]
        return sorted(same_row, key=lambda other: other.box[0])

    def row_text_before(self, line: OcrLine) -> str:
        """Everything on the line's row up to and including it: where a row label such as CUSTOMER stands."""
        left = [other.text for other in self.row_neighbours(line) if other.box[0] < line.box[0]]
        return " ".join([*left, line.text])

    def labels_around(self, line: OcrLine) -> tuple[str, str]:
        """Text that could label the line: (the line itself, its close left neighbour and the line above;
        the line below, where some forms print their labels). A neighbour holding a number of its own
        ("DISPATCH (214) 707-8768") labels that number, not this line."""
        height = max(line.box[3] - line.box[1], 1)
        left = [o for o in self.row_neighbours(line) if 0 <= line.box[0] - o.box[2] < 3 * height]
        neighbours = [left[-1] if left else None, self._line_above(line), self._line_below(line)]
        left_text, above, below = (o.text if o and not _HOLDS_NUMBER.search(o.text) else "" for o in neighbours)
        return f"{left_text} {line.text} {above}", below

    def value_after_label(self, label: re.Pattern) -> Found | None:
        """The text after a label: on the same line, else the next line to its right, else the line below."""
        for line in self.lines:
            match = label.search(line.text)
            if not match:
                continue
            rest = line.text[match.end() :].strip(" :#.-")
            if rest:
                return Found(rest, line, line.confidence_of(rest))
            neighbour = self._right_of(line) or self._line_below(line)
            if neighbour:
                return Found(neighbour.text.strip(" :#"), neighbour, neighbour.confidence)
        return None

    def _right_of(self, line: OcrLine) -> OcrLine | None:
        right = [other for other in self.row_neighbours(line) if other.box[0] >= line.box[2] - 5]
        return right[0] if right else None

    def _line_below(self, line: OcrLine) -> OcrLine | None:
        return self._nearest_in_column(line, direction=1)

    def _line_above(self, line: OcrLine) -> OcrLine | None:
        return self._nearest_in_column(line, direction=-1)

    def _nearest_in_column(self, line: OcrLine, direction: int) -> OcrLine | None:
        """The closest line straight below (direction 1) or above (-1), within two and a half line heights."""
        height = line.box[3] - line.box[1]
        column = [
            other
            for other in self.lines
            if 0 < direction * (other.box[1] - line.box[1]) < 2.5 * height and _overlaps_x(line, other)
        ]
        return min(column, key=lambda other: direction * other.box[1]) if column else None


def _centre_x(line: OcrLine) -> float:
    return (line.box[0] + line.box[2]) / 2


def _centre_y(line: OcrLine) -> float:
    return (line.box[1] + line.box[3]) / 2


def _overlaps_x(a: OcrLine, b: OcrLine) -> bool:
    return a.box[0] < b.box[2] and b.box[0] < a.box[2]
