from datetime import date
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from ticket_assets.discover import (
    folder_signature,
    inventory_day,
    inventory_file,
    list_date_folders,
    list_day_files,
    parse_filename,
)


def test_structured_export_name_gives_every_token():
    meta = parse_filename("24-105__2024-10-17__PIER_EX__EXPORT__CLASS_2_CONTAMINATED__WM_LEWISVILLE.pdf")
    assert (meta.job_code, meta.date, meta.area, meta.flow, meta.material, meta.vendor) == (
        "24-105", date(2024, 10, 17), "PIER_EX", "EXPORT", "CLASS_2_CONTAMINATED", "WM_LEWISVILLE")


def test_structured_import_name_has_no_area():
    meta = parse_filename("24-105__2024-10-17__IMPORT__ROCK__HEIDELBERG.pdf")
    assert (meta.area, meta.flow, meta.material, meta.vendor) == (None, "IMPORT", "ROCK", "HEIDELBERG")


@pytest.mark.parametrize("name", ["scan_0001.pdf", "24-105__2024-13-45__IMPORT__ROCK.pdf", "IMG_2041.jpg"])
def test_ad_hoc_or_broken_names_are_not_structured(name):
    assert not parse_filename(name).is_structured


def test_only_valid_date_folders_are_days(tmp_path):
    for name in ("2024-10-17", "2024-02-30", "misc", "2024-10-18"):
        (tmp_path / name).mkdir()
    assert list_date_folders(tmp_path) == ["2024-10-17", "2024-10-18"]


def _pdf(path: Path, pages: int = 1, **save_options) -> Path:
    doc = pymupdf.open()
    for number in range(pages):
        doc.new_page().insert_text((72, 72), f"TICKET NO. {1000 + number}")
    doc.save(path, **save_options)
    return path


def test_bad_files_are_reported_with_a_reason(tmp_path):
    day = tmp_path / "2024-10-17"
    day.mkdir()
    (day / "blank.pdf").write_bytes(b"")
    (day / "notes.pdf").write_text("not a pdf at all")
    _pdf(day / "locked.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    whole = _pdf(tmp_path / "whole.pdf", pages=3).read_bytes()
    (day / "cut.pdf").write_bytes(whole[: len(whole) // 3])
    entries = {p.name: inventory_file(tmp_path, p) for p in list_day_files(day)}
    assert "0 bytes" in entries["blank.pdf"].problem and not entries["blank.pdf"].readable
    assert "not a PDF or image" in entries["notes.pdf"].problem
    assert "encrypted" in entries["locked.pdf"].problem and not entries["locked.pdf"].readable
    assert entries["cut.pdf"].problem and "damaged" in entries["cut.pdf"].problem


def test_good_pdf_and_multi_frame_tiff_count_their_pages(tmp_path):
    day = tmp_path / "2024-10-17" / "export"
    day.mkdir(parents=True)
    pdf = inventory_file(tmp_path, _pdf(day / "scan.pdf", pages=3))
    frames = [Image.new("L", (200, 100), 255) for _ in range(2)]
    frames[0].save(day / "phone.tif", save_all=True, append_images=frames[1:])
    tiff = inventory_file(tmp_path, day / "phone.tif")
    assert (pdf.kind, pdf.page_count, pdf.problem, pdf.folder_flow) == ("pdf", 3, None, "EXPORT")
    assert pdf.rel_path == "2024-10-17/export/scan.pdf" and len(pdf.sha256) == 64
    assert (tiff.kind, tiff.page_count) == ("image", 2)


def test_folder_signature_changes_with_content(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1")
    before = folder_signature(tmp_path)
    assert folder_signature(tmp_path) == before
    (tmp_path / "b.pdf").write_bytes(b"%PDF-2")
    assert folder_signature(tmp_path) != before


@pytest.mark.parametrize("name", ["Thumbs.db", "desktop.ini", "~$tracking_export.xlsx", "THUMBS.DB"])
def test_files_operating_systems_leave_are_ignored_not_errors(name, tmp_path):
    (tmp_path / "2024-10-17").mkdir()
    (tmp_path / "2024-10-17" / name).write_bytes(b"\x00\x01 not a ticket")
    [entry] = inventory_day(tmp_path, "2024-10-17")
    assert entry.ignored and entry.problem is None and not entry.readable


def test_a_date_folder_linked_from_outside_the_inbox_says_so_and_what_to_do(tmp_path):
    outside, inbox = tmp_path / "elsewhere", tmp_path / "inbox"
    outside.mkdir()
    inbox.mkdir()
    (outside / "scan.pdf").write_bytes(b"%PDF-1.7")
    (inbox / "2024-10-17").symlink_to(outside)
    [entry] = inventory_day(inbox, "2024-10-17")
    assert "the date folder 2024-10-17 is a link to" in entry.problem and not entry.readable
    assert "move the folder 2024-10-17 itself into the inbox" in entry.remedy
