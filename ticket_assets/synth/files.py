"""Write tickets to disk as a crew's files arrive: scanned PDFs, e-ticket PDFs, photos, and broken files."""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf
from PIL import Image

from ticket_assets.synth.draw import HEIGHT, WIDTH, draw_ticket
from ticket_assets.synth.ticket import Ticket

JPEG_QUALITY = 60
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".tif": "TIFF"}
TRUNCATED_SHARE = 0.4


def write_scanned_pdf(path: Path, images: list[Image.Image], dpi: int) -> None:
    """An image-only PDF, one JPEG per page sized as the scanner saw it; no text layer."""
    with _scanned_document(images, dpi) as doc:
        _save(doc, path)


def _scanned_document(images: list[Image.Image], dpi: int) -> pymupdf.Document:
    doc = pymupdf.open()
    for image in images:
        page = doc.new_page(width=image.width * 72 / dpi, height=image.height * 72 / dpi)
        page.insert_image(page.rect, stream=_jpeg(image))
    return doc


def write_digital_pdf(path: Path, tickets: list[Ticket]) -> None:
    """A born-digital e-ticket: vector text a PDF reader can select."""
    with pymupdf.open() as doc:
        for ticket in tickets:
            draw_ticket(doc.new_page(width=WIDTH, height=HEIGHT), ticket)
        _save(doc, path)


def write_image(path: Path, image: Image.Image) -> None:
    """A single photo or scan as PNG, JPEG or TIFF, by the path's suffix."""
    fmt = IMAGE_FORMATS[path.suffix.lower()]
    options = {"JPEG": {"quality": 75}, "TIFF": {"compression": "jpeg"}, "PNG": {}}
    image.save(path, format=fmt, **options[fmt])


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


def _save(doc: pymupdf.Document, path: Path) -> None:
    doc.save(path, garbage=3, deflate=True, no_new_id=True)  # no random /ID: the same seed gives the same bytes


def write_empty_pdf(path: Path) -> None:
    path.write_bytes(b"")


def write_truncated_pdf(path: Path, images: list[Image.Image], dpi: int) -> None:
    """A scanned PDF cut short while copying: its pages live in an object stream at the end, so none survive."""
    with _scanned_document(images, dpi) as doc:
        data = doc.tobytes(garbage=3, deflate=True, use_objstms=1, no_new_id=True)
    path.write_bytes(data[: int(len(data) * TRUNCATED_SHARE)])


def write_encrypted_pdf(path: Path, tickets: list[Ticket], password: str) -> None:
    """An e-ticket that only opens with a password nobody on site has."""
    with pymupdf.open() as doc:
        for ticket in tickets:
            draw_ticket(doc.new_page(width=WIDTH, height=HEIGHT), ticket)
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=password, owner_pw=password + "-owner")


def write_not_a_pdf(path: Path) -> None:
    """A text note someone saved with a .pdf name."""
    path.write_text("Truck 214 came back empty, driver says scale was down. Call dispatch.\n")
