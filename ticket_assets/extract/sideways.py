"""Text printed sideways along a page's edge ("TICKET SERIAL 337387" up the left margin of a carbon form).

OCR reads each word of it as a line of its own, a tall narrow box; here the boxes of one column are joined
again, in both orders, as the text may run up or down the page.
"""

from __future__ import annotations

from ticket_assets.lines import OcrLine

TALL = 2.0  # a box this many times taller than wide holds text printed sideways
GAP = 1.0  # box widths (the text's height) two parts of one sideways phrase may stand apart


def sideways_phrases(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """Each column of sideways parts, as read bottom to top and as read top to bottom."""
    phrases = []
    for column in _columns([line for line in lines if _sideways(line)]):
        downwards = sorted(column, key=lambda line: line.box[1])
        phrases += [downwards[::-1], downwards]
    return phrases


def _sideways(line: OcrLine) -> bool:
    x0, y0, x1, y1 = line.box
    return y1 - y0 > TALL * max(x1 - x0, 1)


def _columns(parts: list[OcrLine]) -> list[list[OcrLine]]:
    """Parts that stand over one another in one column, each near the next."""
    columns: list[list[OcrLine]] = []
    for part in sorted(parts, key=lambda line: line.box[1]):
        column = next((column for column in columns if _continues(column[-1], part)), None)
        if column is None:
            columns.append([part])
        else:
            column.append(part)
    return columns


def _continues(upper: OcrLine, lower: OcrLine) -> bool:
    width = max(upper.box[2] - upper.box[0], 1)
    overlap = min(upper.box[2], lower.box[2]) - max(upper.box[0], lower.box[0])
    return overlap > 0.5 * width and lower.box[1] - upper.box[3] < GAP * width
