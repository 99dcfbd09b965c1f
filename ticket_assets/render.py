"""Turn every page of a day into a grey image on disk (or, for born-digital pages, into its text).

Images are cached under the page cache keyed by file hash and DPI, so an unchanged
file is never rendered twice. Images keep their own pixel size: PyMuPDF would size
them by their dpi tag and can shrink a phone photo to a thumbnail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pymupdf
from PIL import Image, ImageOps

from ticket_assets.atomic import write_atomically
from ticket_assets.discover import MAX_PAGE_PIXELS, FileEntry
from ticket_assets.ocr.base import OcrLine
from ticket_assets.ocr.textlayer import has_visible_text, text_layer_lines


@dataclass
class PageImage:
    """One page ready for OCR: its cached image, and any text the file itself carries."""

    page_id: str
    file_path: str
    page_number: int
    image_path: str | None = None
    width: int = 0
    height: int = 0
    born_digital: bool = False
    text_lines: list[OcrLine] = field(default_factory=list)
    error: str | None = None


def page_id_for(file_path: str, page_number: int) -> str:
    return f"{file_path}-p{page_number}"


def render_file(inbox: Path, entry: FileEntry, cache_dir: Path, dpi: int) -> list[PageImage]:
    """All pages of one readable file; a page that fails carries its error instead of an image."""
    folder = cache_dir / "pages" / entry.sha256[:24] / str(dpi)
    folder.mkdir(parents=True, exist_ok=True)
    source = inbox / entry.rel_path
    if entry.kind == "pdf":
        return _render_pdf(source, entry, folder, dpi)
    return _decode_image(source, entry, folder)


def _blank(entry: FileEntry, number: int) -> PageImage:
    return PageImage(page_id=page_id_for(entry.rel_path, number), file_path=entry.rel_path, page_number=number)


def _render_pdf(source: Path, entry: FileEntry, folder: Path, dpi: int) -> list[PageImage]:
    pages = []
    with pymupdf.open(source, filetype="pdf") as doc:
        for index in range(entry.page_count):
            page = _blank(entry, index + 1)
            try:
                _render_pdf_page(doc[index], page, folder, dpi)
            except (RuntimeError, ValueError, MemoryError) as err:
                page.error = f"page could not be rendered: {err}"
            pages.append(page)
    return pages


def _render_pdf_page(pdf_page: pymupdf.Page, page: PageImage, folder: Path, dpi: int) -> None:
    scale = dpi / 72
    page.width, page.height = round(pdf_page.rect.width * scale), round(pdf_page.rect.height * scale)
    if page.width * page.height > MAX_PAGE_PIXELS:
        inches = f"{pdf_page.rect.width / 72:.0f} x {pdf_page.rect.height / 72:.0f} in"
        page.error = (f"page of {inches} would be {page.width} x {page.height} pixels at {dpi} dpi, over the "
                      f"budget of {MAX_PAGE_PIXELS:,} pixels: not rendered")
        return
    page.text_lines = text_layer_lines(pdf_page, scale)
    page.born_digital = has_visible_text(pdf_page)
    if page.born_digital:
        return
    target = folder / f"p{page.page_number:04d}.png"
    if not target.exists():
        pixmap = pdf_page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
        write_atomically(target, lambda temporary: temporary.write_bytes(pixmap.tobytes("png")))
    page.image_path = str(target)


def _decode_image(source: Path, entry: FileEntry, folder: Path) -> list[PageImage]:
    pages = []
    with Image.open(source) as image:
        for index in range(entry.page_count):
            page = _blank(entry, index + 1)
            try:
                image.seek(index)
                _cache_frame(image, page, folder)
            except (OSError, ValueError, EOFError) as err:
                page.error = f"image could not be decoded: {err}"
            pages.append(page)
    return pages


def _cache_frame(image: Image.Image, page: PageImage, folder: Path) -> None:
    target = folder / f"p{page.page_number:04d}.png"
    if target.exists():
        with Image.open(target) as cached:
            page.width, page.height = cached.size
    else:
        grey = ImageOps.exif_transpose(image).convert("L")  # phone photos carry their rotation in EXIF
        page.width, page.height = grey.size
        write_atomically(target, lambda temporary: grey.save(temporary, format="PNG"))
    page.image_path = str(target)


def render_day(inbox: Path, entries: list[FileEntry], cache_dir: Path, dpi: int) -> list[PageImage]:
    """Pages of every readable file of a day, in file order."""
    return [page for entry in entries if entry.readable for page in render_file(inbox, entry, cache_dir, dpi)]
