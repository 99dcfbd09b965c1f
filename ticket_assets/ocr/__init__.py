"""The OCR stage: engines behind one protocol, a registry and the page pool (the PDF text layer is read in render)."""

from ticket_assets.lines import OcrLine
from ticket_assets.ocr.base import EngineUnavailable, OcrEngine, OcrResult
from ticket_assets.ocr.doctr_engine import DoctrEngine
from ticket_assets.ocr.pool import PageWork, ocr_pages, read_page
from ticket_assets.ocr.rapid import RapidOcrEngine
from ticket_assets.ocr.registry import (
    ENGINES,
    available_engines,
    create_engine,
    recorded_name,
    resolve_engine_name,
    resolve_settings,
)
from ticket_assets.ocr.tesseract import TesseractEngine

__all__ = [
    "ENGINES",
    "DoctrEngine",
    "EngineUnavailable",
    "OcrEngine",
    "OcrLine",
    "OcrResult",
    "PageWork",
    "RapidOcrEngine",
    "TesseractEngine",
    "available_engines",
    "create_engine",
    "ocr_pages",
    "read_page",
    "recorded_name",
    "resolve_engine_name",
    "resolve_settings",
]
