"""The OCR engines by name, which of them can run here, and which one a run uses."""

from __future__ import annotations

from dataclasses import replace

from ticket_assets.config import OcrSettings
from ticket_assets.ocr.base import EngineUnavailable, OcrEngine
from ticket_assets.ocr.doctr_engine import DoctrEngine
from ticket_assets.ocr.rapid import RapidOcrEngine, resolve_runtime
from ticket_assets.ocr.tesseract import TesseractEngine

ENGINES: dict[str, type] = {"rapidocr": RapidOcrEngine, "tesseract": TesseractEngine, "doctr": DoctrEngine}
AUTO = "auto"
AUTO_ORDER = ("doctr", "rapidocr", "tesseract")  # best first, as measured on the job 24-105 scans


def available_engines(settings: OcrSettings) -> dict[str, tuple[bool, str]]:
    """Every registered engine: whether it can run here and why (not)."""
    return {name: engine.is_available(settings) for name, engine in ENGINES.items()}


def resolve_engine_name(settings: OcrSettings) -> str:
    """The engine a run uses: the configured one, or for `auto` the first available of AUTO_ORDER."""
    wanted = settings.engine.strip().lower()
    if wanted == AUTO:
        return _first_available(settings)
    engine = _engine_class(wanted)
    available, reason = engine.is_available(settings)
    if not available:
        raise EngineUnavailable(f"OCR engine {wanted!r} is not available: {reason}")
    return wanted


def resolve_settings(settings: OcrSettings) -> OcrSettings:
    """The settings with every `auto` decided (the engine, RapidOCR's runtime), once, by the process that hands
    pages to the workers: what they load is then what the pages are recorded and cached under."""
    return replace(settings, engine=resolve_engine_name(settings), runtime=resolve_runtime(settings.runtime))


def recorded_name(settings: OcrSettings) -> str:
    """The name a page read with these settings is recorded and cached under (rapidocr-openvino)."""
    return _engine_class(resolve_engine_name(settings)).recorded_name(settings)


def create_engine(name: str, settings: OcrSettings) -> OcrEngine:
    """A loaded engine; EngineUnavailable if it cannot run here or fails to load."""
    engine = _engine_class(name)
    available, reason = engine.is_available(settings)
    if not available:
        raise EngineUnavailable(f"OCR engine {name!r} is not available: {reason}")
    try:
        return engine(settings)
    except (EngineUnavailable, MemoryError):  # memory may be there on a retry
        raise
    except Exception as err:  # a model that will not load will not load on a retry either
        raise EngineUnavailable(f"OCR engine {name!r} failed to load: {type(err).__name__}: {err}") from err


def _first_available(settings: OcrSettings) -> str:
    reasons = []
    for name in AUTO_ORDER:
        available, reason = ENGINES[name].is_available(settings)
        if available:
            return name
        reasons.append(f"{name}: {reason}")
    raise EngineUnavailable("no OCR engine can run here: " + "; ".join(reasons))


def _engine_class(name: str) -> type:
    if name not in ENGINES:
        raise EngineUnavailable(f"unknown OCR engine {name!r}: choose {AUTO} or one of {', '.join(ENGINES)}")
    return ENGINES[name]
