"""A review item's page as an image a browser shows: the page cache's image stood upright, or drawn for the
station when the run never drew it (a born-digital page is read from its own text), and small thumbnails.

What the station draws lives under the page cache's `station/` folder, beside the run's images, keyed
like them by the file's SHA-256 and the DPI; the run's images are only read.
"""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from ticket_assets.atomic import write_atomically
from ticket_assets.config import Settings
from ticket_assets.render import PageRender

THUMBNAIL_WIDTH = 240


class PageImages:
    def __init__(self, settings: Settings):
        self.inbox, self.dpi = settings.inbox, settings.ocr.dpi  # no inbox: refused, pages cannot be drawn
        self.cache = settings.cache_dir / "pages"
        self.drawn = settings.cache_dir / "station"

    def page(self, item: dict) -> Path | None:
        """The item's page upright, as a PNG file; None for an item about a whole file, or a page that can no
        longer be drawn (its file gone)."""
        if item["page_number"] is None or not item["file_hash"]:
            return None
        cached = self.cache / item["file_hash"][:24] / str(self.dpi) / f"p{item['page_number']:04d}.png"
        if cached.exists():
            return self._upright(cached, _turned(cached))
        return self._drawn(item)

    def thumbnail(self, item: dict) -> Path | None:
        page = self.page(item)
        if page is None:
            return None
        target = self.drawn / "thumbnails" / item["file_hash"][:24] / f"p{item['page_number']:04d}.jpg"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            with Image.open(page) as image:
                image.thumbnail((THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 2))
                shrunk = image.convert("L")
            write_atomically(target, lambda temporary: shrunk.save(temporary, format="JPEG", quality=70))
        return target

    def _upright(self, cached: Path, turned: int) -> Path:
        if not turned:
            return cached
        target = self.drawn / cached.parent.parent.name / cached.parent.name / f"{cached.stem}.upright{turned}.png"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            with Image.open(cached) as image:
                upright = image.rotate(turned, expand=True)  # counter-clockwise undoes the clockwise turn
            write_atomically(target, lambda temporary: upright.save(temporary, format="PNG"))
        return target

    def _drawn(self, item: dict) -> Path | None:
        target = self.drawn / item["file_hash"][:24] / str(self.dpi) / f"p{item['page_number']:04d}.png"
        if target.exists():
            return target
        source = self.inbox / item["file_path"]
        if not source.is_file():
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        kind = "pdf" if source.suffix.lower() == ".pdf" else "image"
        problem = PageRender(str(source), kind, item["page_number"], self.dpi, str(target)).draw()
        return None if problem else target


def image_size(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:  # reads the header only
        return image.size


def _turned(cached: Path) -> int:
    """How far the run found the page turned (its OCR result beside the image); boxes are of the upright page."""
    for result in sorted(cached.parent.glob(f"{cached.stem}.*.json")):
        try:
            return int(json.loads(result.read_text()).get("turned", 0))
        except (ValueError, OSError):
            continue
    return 0
