"""Which way a page lay on the scanner, from how the engine found its text lines, and turning boxes upright.

RapidOCR's line classifier tells, for every text line it crops, whether the
crop was upside down; its cropper stands tall crops on their side first. On a
page turned 90 degrees clockwise nearly every line is a tall crop the
classifier calls upright, at 270 a tall crop it calls upside down, at 180 a
wide crop it calls upside down. Measured on synthetic pages turned 0/90/180/270:
every line of each page voted the same way. Reading the votes costs nothing;
a second OCR pass (or Tesseract's --psm 0, which confused 0 and 180 on 6 of 24
upright or upside-down pages with confidence up to 1.06) is not needed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ticket_assets.ocr.base import PageReading

SIDEWAYS_RATIO = 1.5  # RapidOCR stands a crop on its side when height / width reaches this
CLEAR_MAJORITY = 0.7  # share of the voting lines that must agree before a page is turned
MIN_VOTES = 3

Vote = tuple[float, float, bool]  # width, height of a text line, and whether the classifier flipped it


def turn_from_votes(votes: Iterable[Vote]) -> int:
    """Clockwise degrees (0, 90, 180, 270) the page lay turned; 0 when the lines do not clearly agree."""
    counts: Counter[str] = Counter()
    for width, height, flipped in votes:
        if height >= SIDEWAYS_RATIO * width:
            counts["270" if flipped else "90"] += 1
        elif width >= SIDEWAYS_RATIO * height:
            counts["180" if flipped else "0"] += 1
    total = sum(counts.values())
    if total < MIN_VOTES:
        return 0
    turn, votes_for = counts.most_common(1)[0]
    return int(turn) if votes_for >= CLEAR_MAJORITY * total else 0


def lies_sideways(votes: Iterable[Vote]) -> bool:
    """Whether the lines clearly stand on their side, whichever side that is."""
    shapes = [height >= SIDEWAYS_RATIO * width for width, height, _ in votes
              if max(width, height) >= SIDEWAYS_RATIO * min(width, height)]
    return len(shapes) >= MIN_VOTES and sum(shapes) >= CLEAR_MAJORITY * len(shapes)


def surety(reading: PageReading) -> float:
    """How surely a reading's characters were recognised: text read the wrong way up is read unsurely."""
    characters = sum(len(line.text) for line in reading.lines)
    return sum(line.confidence * len(line.text) for line in reading.lines) / characters if characters else 0.0


def upright_box(box: tuple[float, float, float, float], width: int, height: int,
                turned: int) -> tuple[float, float, float, float]:
    """A box on the turned image, in the coordinates of the same page stood upright."""
    x0, y0, x1, y1 = box
    for _ in range(turned // 90):  # each step undoes 90 degrees clockwise: (x, y) -> (y, width - x)
        x0, y0, x1, y1 = y0, width - x1, y1, width - x0
        width, height = height, width
    return x0, y0, x1, y1


def upright_size(width: int, height: int, turned: int) -> tuple[int, int]:
    return (height, width) if turned in (90, 270) else (width, height)
