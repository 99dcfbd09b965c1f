"""Golden pages of the family the extraction was never tuned on (ticket_assets.synth_unseen: its own layouts,
labels, material phrasings and capture effects), replayed from stored RapidOCR output against its truth.

golden/unseen_rapidocr.json holds 24 pages; rebuild it with `golden/make_golden.py unseen` after an OCR
change. These are the safety rules, which hold on pages nobody tuned on: no contaminated load is accepted
as anything else, and no contaminated load leaves review without its manifest number. Accuracy on this
family is measured by `benchmarks/accuracy.py --family unseen`, not asserted here.
"""

import json
from pathlib import Path

import pytest

from ticket_assets.extract.reasons import BLOCKING
from ticket_assets.extract.rules import check_page
from ticket_assets.schema import CONTAMINATED

from .test_golden_synthetic import CONTEXT, accepted_wrong, extract_golden

GOLDEN = json.loads((Path(__file__).parent / "golden" / "unseen_rapidocr.json").read_text())


@pytest.fixture(scope="module")
def extracted():
    return {page_id: extract_golden(item) for page_id, item in GOLDEN.items()}


def _held(extraction) -> bool:
    return any(finding.reason.severity in BLOCKING for finding in check_page(extraction, CONTEXT))


def test_the_family_holds_contaminated_and_clean_loads():
    materials = [item["truth"]["fields"]["material"] for item in GOLDEN.values()]
    assert CONTAMINATED in materials and len(set(materials)) >= 4


def test_no_contaminated_load_is_accepted_as_anything_else(extracted):
    assert accepted_wrong({p: (e, t) for p, (e, t) in extracted.items() if t["material"] == CONTAMINATED},
                          fields=("material",)) == []


def test_no_contaminated_load_leaves_review_without_its_manifest_number(extracted):
    missing = [page_id for page_id, (extraction, truth) in extracted.items()
               if truth["material"] == CONTAMINATED and not _held(extraction)
               and extraction.value("manifest_number") != truth["manifest_number"]]
    assert missing == []


def test_no_material_is_accepted_wrong(extracted):
    assert accepted_wrong(extracted, fields=("material",)) == []
