"""Build OCR results by hand: a line of text at a place on a page, as an engine would return it."""

from __future__ import annotations

from datetime import date

from ticket_assets.discover import FilenameMeta, parse_filename
from ticket_assets.extract.record import PageSource
from ticket_assets.lines import OcrLine
from ticket_assets.ocr.base import OcrResult

WIDTH, HEIGHT = 1000, 600


def ocr_page(*lines: tuple[str, float, float], confidence: float = 0.97) -> OcrResult:
    """Lines given as (text, x, y) in pixels of a 1000 x 600 page."""
    return OcrResult(
        engine="test",
        width=WIDTH,
        height=HEIGHT,
        lines=[OcrLine(text, confidence, (x, y, x + 12 * len(text), y + 20)) for text, x, y in lines],
    )


def page_source(file_name: str = "scan_0001.pdf", folder_date: date = date(2024, 10, 17),
                folder_flow: str | None = None, page_number: int = 1) -> PageSource:
    path = f"{folder_date.isoformat()}/{file_name}"
    return PageSource(
        page_id=f"{path}-p{page_number}",
        file_path=path,
        page_number=page_number,
        file_hash="0" * 64,
        folder_date=folder_date,
        folder_flow=folder_flow,
        name_meta=parse_filename(file_name) if "__" in file_name else FilenameMeta(),
    )
