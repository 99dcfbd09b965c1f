"""Text a PDF carries itself, as OcrLines in the pixels of the page's rendered image.

Two kinds of text layer reach us. A born-digital page draws its text visibly:
that text is the page, and needs no OCR. A scanned page may carry an invisible
layer (render mode 3) that the scanner's own OCR added under the image; on our
tickets it is partial and noisy (it misreads stamps and handwriting and skips
whole fields), so its lines are only extra candidates beside the engine's, at a
lower confidence, and never a reason to skip OCR.
"""

from __future__ import annotations

from ticket_assets.lines import OcrLine
from ticket_assets.quiet_mupdf import pymupdf

VISIBLE_CONFIDENCE = 0.9
INVISIBLE_CONFIDENCE = 0.5
MIN_VISIBLE_CHARS = 20  # fewer visible characters is a stamp or a page number on a scan, not a page of text
INVISIBLE_TRACE_TYPES = {3, 7}  # get_texttrace span types that paint nothing: 3 invisible, 7 clip only
TEXT_LAYER = "text_layer"


def text_layer_lines(page: pymupdf.Page, scale: float) -> list[OcrLine]:
    """The page's own text lines, boxes scaled from PDF points by `scale` (dpi / 72).

    Visible lines get VISIBLE_CONFIDENCE. Lines of an invisible scanner layer get INVISIBLE_CONFIDENCE:
    that layer is the scanner's own partial, noisy OCR, so it adds candidates beside ours, never replaces them.
    """
    to_pixels = page.rotation_matrix * pymupdf.Matrix(scale, scale)  # text comes unrotated, images rotated
    image_rect = page.rect * pymupdf.Matrix(scale, scale)
    lines = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = " ".join("".join(span["text"] for span in line["spans"]).split())
            box = (pymupdf.Rect(line["bbox"]) * to_pixels) & image_rect  # glyph boxes may overhang the page
            if text and not box.is_empty:
                lines.append(_line(text, line, box))
    return lines


def has_visible_text(page: pymupdf.Page) -> bool:
    """Whether the page is born digital: at least MIN_VISIBLE_CHARS characters drawn visibly."""
    visible = 0
    for span in page.get_texttrace():
        if span["type"] in INVISIBLE_TRACE_TYPES or span["opacity"] == 0:
            continue
        visible += sum(1 for char in span["chars"] if chr(char[0]).strip())
        if visible >= MIN_VISIBLE_CHARS:
            return True
    return False


def _line(text: str, line: dict, box: pymupdf.Rect) -> OcrLine:
    visible = any(span.get("alpha", 255) > 0 for span in line["spans"])  # the text extractor gives 0 to invisible text
    return OcrLine(
        text=text,
        confidence=VISIBLE_CONFIDENCE if visible else INVISIBLE_CONFIDENCE,
        box=(box.x0, box.y0, box.x1, box.y1),
        source=TEXT_LAYER,
    )
