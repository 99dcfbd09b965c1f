"""The OCR stage: engines behind one protocol, a registry, the page pool, and the PDF text layer."""

from ticket_assets.ocr.base import EngineUnavailable, OcrEngine, OcrLine, OcrResult
from ticket_assets.ocr.doctr_engine import DoctrEngine
from ticket_assets.ocr.pool import PageWork, ocr_pages, read_page
from ticket_assets.ocr.rapid import RapidOcrEngine
from ticket_assets.ocr.registry import ENGINES, available_engines, create_engine, resolve_engine_name
from ticket_assets.ocr.tesseract import TesseractEngine
from ticket_assets.ocr.textlayer import has_visible_text, text_layer_lines

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
    "has_visible_text",
    "ocr_pages",
    "read_page",
    "resolve_engine_name",
    "text_layer_lines",
]
