"""Read every page of a day: born-digital pages from their own text, scanned pages drawn and read by the engine.

A scanner's invisible text layer is added to the engine's lines as extra
candidates, never used instead of OCR. Results are cached beside the page image,
keyed by engine, so an unchanged page is not read twice.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from ticket_assets.config import OcrSettings
from ticket_assets.faults import NO_FAULTS, FaultPlan
from ticket_assets.ocr.base import OcrResult
from ticket_assets.ocr.pool import PageWork, ocr_pages
from ticket_assets.ocr.registry import recorded_name, resolve_settings
from ticket_assets.render import PageImage

TEXT_LAYER_ENGINE = "text_layer"
CACHE_VERSION = 6  # raise when what an engine reads changes (4: pages turned upright, word confidences; 5: sideways
# photos whose side the classifier could not tell, read a quarter turn each way; 6: each character's confidence)


def read_day(pages: list[PageImage], settings: OcrSettings, on_done: Callable[[str], None] | None = None,
             faults: FaultPlan = NO_FAULTS) -> dict[str, OcrResult]:
    """One OcrResult per page id, whatever happened to the page."""
    settings = resolve_settings(settings)
    engine = recorded_name(settings)
    results: dict[str, OcrResult] = {}
    to_read: list[PageImage] = []
    for page in pages:
        known = _known_result(page, engine)
        if known is None:
            to_read.append(page)
            continue
        results[page.page_id] = known
        if on_done:
            on_done(page.page_id)
    by_id = {page.page_id: page for page in to_read}

    def finished(page_id: str, result: OcrResult) -> None:
        page = by_id[page_id]
        result.lines.extend(page.text_lines)
        if result.error is None:
            _cache_path(page, engine).write_text(json.dumps(result.to_dict()))
        results[page_id] = result
        if on_done:
            on_done(page_id)

    work = [PageWork(page.page_id, page.image_path, page.render) for page in to_read]
    if work:
        ocr_pages(work, settings, on_done=finished, faults=faults)
    return {page.page_id: results[page.page_id] for page in pages}


def _known_result(page: PageImage, engine: str) -> OcrResult | None:
    """The page's result without running the engine: an error, its own text, or the cache."""
    if page.error:
        return OcrResult(engine=engine, width=page.width, height=page.height, error=page.error)
    if page.born_digital:
        return OcrResult(engine=TEXT_LAYER_ENGINE, width=page.width, height=page.height, lines=list(page.text_lines))
    cached = _cache_path(page, engine)
    if cached.exists():
        return OcrResult.from_dict(json.loads(cached.read_text()))
    return None


def _cache_path(page: PageImage, engine: str) -> Path:
    return Path(page.image_path).with_suffix(f".{engine}.v{CACHE_VERSION}.json")
