"""Golden pages: the real scans of job 24-105, replayed from stored RapidOCR output.

The stored output (golden/realdata_rapidocr.json) is what the default engine read
on each page, so these tests pin extraction without running OCR.
"""

import json
from pathlib import Path

import pytest

from ticket_assets.extract.record import Vocabularies, extract_page
from ticket_assets.extract.templates import default_vocabulary
from ticket_assets.ocr.base import OcrResult

from .pages import page_source

GOLDEN = json.loads((Path(__file__).parent / "golden" / "realdata_rapidocr.json").read_text())
KNOWN = Vocabularies.packaged()
PRINTED = {  # page -> (vendor, printed ticket number), read off the scans by a person
    "24-105_batch_001.pdf": ("ROBERTS", "1178561"),
    "24-105_batch_002.pdf": ("PORTILLO", "285366"),
    "24-105_happy_path_001.pdf": ("ALLIANCE", "665113"),
    "24-105_happy_path_002.pdf": ("HEIDELBERG", "1972750542"),
    "Lindamood.png": ("LINDAMOOD", "141684"),
    "Portillo.png": ("PORTILLO", "285367"),
    "ROADSTAR1.png": ("ROADSTAR", "82463"),
    "Roberts1.png": ("ROBERTS", "1174962"),
    "Roberts2.png": ("ROBERTS", "1144467"),
}


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_printed_vendor_and_ticket_number_are_read(name):
    extraction = extract_page(page_source(name), OcrResult.from_dict(GOLDEN[name]), KNOWN)
    assert (extraction.value("vendor"), extraction.value("ticket_number")) == PRINTED[name]


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_scrawled_places_are_suggestions_not_values(name):
    """Handwritten source/destination lines come back as noise; none may be accepted unrecognised."""
    extraction = extract_page(page_source(name), OcrResult.from_dict(GOLDEN[name]), KNOWN)
    vocabulary = default_vocabulary()
    for field, kind in (("source", "source"), ("destination", "destination"), ("material", "material")):
        value = extraction.value(field)
        assert value is None or value in vocabulary.canonical_values(kind)


def test_the_handwritten_truck_number_is_not_accepted():
    """Portillo's truck number is handwritten ("8649" or "8699": a person cannot tell either)."""
    extraction = extract_page(page_source("24-105_batch_002.pdf"),
                              OcrResult.from_dict(GOLDEN["24-105_batch_002.pdf"]), KNOWN)
    assert extraction.value("truck_number") is None
    assert extraction.suggestions["truck_number"].value == "8699"


def test_a_handwritten_contaminated_commodity_read_with_its_vowels_wrong_is_contaminated():
    """Portillo's commodity box says "Dirt Contaminated" by hand; RapidOCR reads "Dirt Cantaminaded"."""
    extraction = extract_page(page_source("Portillo.png"), OcrResult.from_dict(GOLDEN["Portillo.png"]), KNOWN)
    assert extraction.value("material") == "CLASS_2_CONTAMINATED"
