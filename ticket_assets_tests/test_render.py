"""The render stage: pages described in the step, drawn by the OCR worker that reads them, drawn once."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pymupdf
import pytest
from PIL import Image

from ticket_assets.config import OcrSettings
from ticket_assets.discover import inventory_day
from ticket_assets.ocr.reading import TEXT_LAYER_ENGINE, read_day
from ticket_assets.render import day_pages

from .test_ocr import png_bytes, ticket_image

DAY = "2024-10-17"
SETTINGS = OcrSettings(engine="tesseract", dpi=100, workers=2)


@pytest.fixture()
def day_folder(tmp_path) -> Path:
    """A scanned two-page PDF, a phone photo stored on its side (EXIF), and a born-digital PDF."""
    inbox = tmp_path / "inbox"
    (inbox / DAY).mkdir(parents=True)
    scanned = pymupdf.open()
    for number in ("483920", "771204"):
        page = scanned.new_page(width=600, height=300)
        page.insert_image(page.rect, stream=png_bytes(ticket_image(number)))
    scanned.save(inbox / DAY / "scan.pdf")
    exif = Image.Exif()
    exif[0x0112] = 6  # stored turned; shown after a quarter turn clockwise
    ticket_image("552018").rotate(90, expand=True).save(inbox / DAY / "photo.jpg", exif=exif)
    digital = pymupdf.open()
    digital.new_page(width=600, height=300).insert_text((40, 80), "WASTE MANAGEMENT TICKET NO. 918273", fontsize=20)
    digital.save(inbox / DAY / "digital.pdf")
    return inbox


def _pages(inbox: Path, cache: Path):
    return day_pages(inbox, inventory_day(inbox, DAY), cache, SETTINGS.dpi)


def test_pages_are_described_without_drawing_and_drawn_by_the_workers_that_read_them(day_folder, tmp_path):
    pages = _pages(day_folder, tmp_path / "cache")
    by_name = {(Path(p.file_path).name, p.page_number): p for p in pages}
    assert sorted(by_name) == [("digital.pdf", 1), ("photo.jpg", 1), ("scan.pdf", 1), ("scan.pdf", 2)]
    assert not list((tmp_path / "cache").rglob("*.png"))  # described only: nothing drawn in this process
    digital = by_name[("digital.pdf", 1)]
    assert digital.born_digital and digital.render is None and "918273" in " ".join(l.text for l in digital.text_lines)

    results = read_day(pages, SETTINGS)

    assert results[digital.page_id].engine == TEXT_LAYER_ENGINE
    for key, number in {("scan.pdf", 1): "483920", ("scan.pdf", 2): "771204", ("photo.jpg", 1): "552018"}.items():
        page = by_name[key]
        assert Path(page.image_path).exists(), key
        assert number in results[page.page_id].text.replace(" ", ""), (key, results[page.page_id].text)
    with Image.open(by_name[("photo.jpg", 1)].image_path) as photo:
        assert photo.size == (600, 300)  # stood upright from its EXIF tag when drawn


def test_a_page_already_drawn_is_not_drawn_again(day_folder, tmp_path):
    read_day(_pages(day_folder, tmp_path / "cache"), SETTINGS)
    drawn = {path: path.stat().st_mtime_ns for path in (tmp_path / "cache").rglob("*.png")}
    for path in drawn:  # the OCR cache would hide a re-draw: clear it so the pages are read again
        for result in path.parent.glob(f"{path.stem}.*.json"):
            result.unlink()

    read_day(_pages(day_folder, tmp_path / "cache"), SETTINGS)

    assert len(drawn) == 3 and {path: path.stat().st_mtime_ns for path in drawn} == drawn


def test_a_page_that_cannot_be_drawn_carries_the_reason_and_the_others_are_read(day_folder, tmp_path):
    pages = _pages(day_folder, tmp_path / "cache")
    (day_folder / DAY / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a photo any more")  # changed after stock-taking

    results = read_day(pages, SETTINGS)

    photo = next(p for p in pages if p.file_path.endswith("photo.jpg"))
    assert results[photo.page_id].error.startswith("image could not be decoded")
    assert all(results[p.page_id].error is None for p in pages if p is not photo)


def test_a_truncated_pdf_is_taken_stock_of_described_and_drawn_without_mupdf_messages(tmp_path):
    """Trial: MuPDF printed "format error: object is not a stream" on every run of a day with a truncated PDF;
    its review item says what is wrong with the file already. In a process of its own: PyMuPDF prints to the
    output it found when imported, which pytest's capture does not see."""
    folder = tmp_path / "inbox" / DAY
    folder.mkdir(parents=True)
    whole = pymupdf.open()
    whole.new_page().insert_text((72, 72), "TICKET NO. 123456")
    (folder / "truncated.pdf").write_bytes(whole.tobytes()[: len(whole.tobytes()) // 2])
    script = ("import sys; from pathlib import Path; from ticket_assets_tests.test_render import _pages; "
              "[page] = _pages(Path(sys.argv[1]), Path(sys.argv[2])); print(page.render.draw())")
    drawn = subprocess.run([sys.executable, "-c", script, str(tmp_path / "inbox"), str(tmp_path / "cache")],
                           capture_output=True, text=True, timeout=120)
    assert drawn.returncode == 0 and drawn.stdout == "None\n" and drawn.stderr == "", drawn


def test_drawing_page_after_page_does_not_grow_memory(tmp_path):
    """Regression: MuPDF's store kept what every drawn page decoded, closed documents' too; an OCR worker grew
    275 MB over 500 pages. Here ten draws of a page holding a 12 MB image kept 120 MB."""
    inbox = tmp_path / "inbox"
    (inbox / DAY).mkdir(parents=True)
    noise = Image.fromarray(np.random.default_rng(1).integers(0, 255, (2000, 6000), dtype=np.uint8))
    document = pymupdf.open()
    document.new_page(width=600, height=200).insert_image(pymupdf.Rect(0, 0, 600, 200), stream=png_bytes(noise))
    document.save(inbox / DAY / "big.pdf")
    renders = [replace(page.render, target=str(tmp_path / f"draw{n}.png"))
               for n, page in enumerate(_pages(inbox, tmp_path / "cache") * 10)]
    before = _resident_mb()

    assert all(render.draw() is None for render in renders)

    assert _resident_mb() - before < 40


def _resident_mb() -> int:
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) // 1024 for line in status.splitlines() if line.startswith("VmRSS:"))
