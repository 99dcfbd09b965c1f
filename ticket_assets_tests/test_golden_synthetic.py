"""Golden synthetic pages, replayed from stored RapidOCR output against the generator's truth.

golden/synthetic_rapidocr.json holds 24 generated pages (scans, photos and
e-tickets, faded, on carbon paper, turned, partly handwritten) and three upright
scans turned 90, 180 and 270 degrees before reading. Rebuild it with
golden/make_golden.py after an OCR change. These tests fail when accuracy drops
or when a wrong value would be accepted without review.
"""

import json
from datetime import date
from pathlib import Path, PurePosixPath

import pytest

from ticket_assets.config import Job
from ticket_assets.discover import flow_from_folders
from ticket_assets.extract.record import Vocabularies, extract_page
from ticket_assets.extract.reasons import BLOCKING
from ticket_assets.extract.rules import RuleContext, check_page
from ticket_assets.ocr.base import OcrResult

from .pages import page_source

GOLDEN = json.loads((Path(__file__).parent / "golden" / "synthetic_rapidocr.json").read_text())
KNOWN = Vocabularies.packaged()
CONTEXT = RuleContext(job=Job("24-105", "test", date(2024, 7, 1), date(2025, 12, 31)), job_code="24-105",
                      low_confidence=0.7)
CHECKED = ("ticket_number", "vendor", "material", "ticket_date")


def extract_golden(item: dict):
    """The page's extraction from its stored OCR, and its truth."""
    path = PurePosixPath(item["truth"]["file"])
    source = page_source(path.name, date.fromisoformat(path.parts[0]), flow_from_folders(path.parts[1:-1]),
                         item["truth"]["page"])
    return extract_page(source, OcrResult.from_dict(item["ocr"]), KNOWN), item["truth"]["fields"]


def _read(value):
    return value.isoformat() if isinstance(value, date) else value


@pytest.fixture(scope="module")
def extracted():
    return {page_id: extract_golden(item) for page_id, item in GOLDEN.items()}


def accepted_wrong(extracted: dict, fields=CHECKED) -> list:
    """The pages not held for review on which one of the fields is wrong, with the values."""
    silent = []
    for page_id, (extraction, truth) in extracted.items():
        wrong = [name for name in fields if _read(extraction.value(name)) != truth[name]]
        held = any(finding.reason.severity in BLOCKING for finding in check_page(extraction, CONTEXT))
        if wrong and not held:
            silent.append((page_id, {name: (extraction.value(name), truth[name]) for name in wrong}))
    return silent


def test_no_wrong_value_is_accepted_without_review(extracted):
    assert accepted_wrong(extracted) == []


@pytest.mark.parametrize("field, least", [("ticket_number", 0.95), ("vendor", 0.95), ("material", 0.95),
                                          ("ticket_date", 1.0), ("manifest_number", 0.95)])
def test_field_accuracy_does_not_drop(extracted, field, least):
    pages = [(e, truth) for e, truth in extracted.values() if truth[field] is not None]
    right = sum(_read(e.value(field)) == truth[field] for e, truth in pages)
    assert right / len(pages) >= least, f"{field}: {right} of {len(pages)}"


@pytest.mark.parametrize("page_id", [p for p, item in GOLDEN.items()
                                     if item["turned_by_hand"] or item["truth"]["rotation"]])
def test_turned_pages_are_stood_upright_and_read(extracted, page_id):
    item = GOLDEN[page_id]
    assert item["ocr"]["turned"] == (item["turned_by_hand"] or item["truth"]["rotation"])
    extraction, truth = extracted[page_id]
    assert (extraction.value("vendor"), extraction.value("ticket_number")) == (truth["vendor"], truth["ticket_number"])
