"""Turn every page of a day into a grey image on disk (or, for born-digital pages, into its text).

Rendering is split in two so that it overlaps with OCR. `day_pages` describes
every page in the calling process (cheap: page sizes, the PDF's own text, where
the image will be cached); each page still to be drawn carries a `PageRender`,
a small picklable recipe that the OCR worker reading the page carries out just
before reading it. Images are cached under the page cache keyed by file hash
and DPI, so an unchanged file is never rendered twice. Images keep their own
pixel size: PyMuPDF would size them by their dpi tag and can shrink a phone
photo to a thumbnail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps

from ticket_assets.atomic import write_atomically
from ticket_assets.discover import MAX_PAGE_PIXELS, FileEntry
from ticket_assets.lines import OcrLine
from ticket_assets.quiet_mupdf import pymupdf
from ticket_assets.render.textlayer import has_visible_text, text_layer_lines


@dataclass(frozen=True)
class PageRender:
    """How to draw one page into its cached grey PNG: picklable, carried out by the worker that reads it."""

    source: str
    kind: str  # "pdf" or an image kind
    page_number: int
    dpi: int
    target: str

    def draw(self) -> str | None:
        """Draw the page into `target` unless an earlier run already did; the problem if it cannot be drawn."""
        if Path(self.target).exists():
            return None
        return self._draw_pdf_page() if self.kind == "pdf" else self._draw_image_frame()

    def _draw_pdf_page(self) -> str | None:
        try:
            with pymupdf.open(self.source, filetype="pdf") as doc:
                pixmap = doc[self.page_number - 1].get_pixmap(dpi=self.dpi, colorspace=pymupdf.csGRAY, alpha=False)
                png = pixmap.tobytes("png")
        except (RuntimeError, ValueError, MemoryError) as err:
            return f"page could not be rendered: {err}"
        finally:
            _empty_mupdf_store()
        write_atomically(Path(self.target), lambda temporary: temporary.write_bytes(png))
        return None

    def _draw_image_frame(self) -> str | None:
        try:
            with Image.open(self.source) as image:
                image.seek(self.page_number - 1)
                grey = ImageOps.exif_transpose(image).convert("L")  # phone photos carry their rotation in EXIF
        except (OSError, ValueError, EOFError) as err:
            return f"image could not be decoded: {err}"
        write_atomically(Path(self.target), lambda temporary: grey.save(temporary, format="PNG"))
        return None


@dataclass
class PageImage:
    """One page ready for OCR: where its image is cached, how to draw it, and any text the file itself carries."""

    page_id: str
    file_path: str
    page_number: int
    image_path: str | None = None
    render: PageRender | None = None
    width: int = 0
    height: int = 0
    born_digital: bool = False
    text_lines: list[OcrLine] = field(default_factory=list)
    error: str | None = None


def page_id_for(file_path: str, page_number: int) -> str:
    return f"{file_path}-p{page_number}"


def day_pages(inbox: Path, entries: list[FileEntry], cache_dir: Path, dpi: int) -> list[PageImage]:
    """Every page of every readable file of a day, in file order, described but not yet drawn."""
    return [page for entry in entries if entry.readable for page in file_pages(inbox, entry, cache_dir, dpi)]


def file_pages(inbox: Path, entry: FileEntry, cache_dir: Path, dpi: int) -> list[PageImage]:
    """All pages of one readable file; a page that cannot be drawn at all carries its error instead."""
    folder = cache_dir / "pages" / entry.sha256[:24] / str(dpi)
    folder.mkdir(parents=True, exist_ok=True)
    source = inbox / entry.rel_path
    pages = [_blank(entry, number, folder) for number in range(1, entry.page_count + 1)]
    if entry.kind == "pdf":
        _describe_pdf_pages(source, pages, dpi)
    for page in pages:
        if page.image_path and not page.error:
            page.render = PageRender(str(source), entry.kind, page.page_number, dpi, page.image_path)
    return pages


def _blank(entry: FileEntry, number: int, folder: Path) -> PageImage:
    return PageImage(page_id=page_id_for(entry.rel_path, number), file_path=entry.rel_path, page_number=number,
                     image_path=str(folder / f"p{number:04d}.png"))


def _describe_pdf_pages(source: Path, pages: list[PageImage], dpi: int) -> None:
    with pymupdf.open(source, filetype="pdf") as doc:
        for page in pages:
            try:
                _describe_pdf_page(doc[page.page_number - 1], page, dpi)
            except (RuntimeError, ValueError, MemoryError) as err:
                page.error = f"page could not be rendered: {err}"
    _empty_mupdf_store()


def _describe_pdf_page(pdf_page: pymupdf.Page, page: PageImage, dpi: int) -> None:
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
        page.image_path = None


def _empty_mupdf_store() -> None:
    """MuPDF keeps what it decoded in a store shared by every document (up to 256 MB), closed ones too.
    A worker drawing hundreds of pages grew by 275 MB over 500 pages; emptied after each file, it stays flat."""
    pymupdf.TOOLS.store_shrink(100)
