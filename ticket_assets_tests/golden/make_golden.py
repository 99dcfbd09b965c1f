"""Rebuild the golden OCR files from the current default engine. Run after an engine or OCR change:

    .venv/bin/python ticket_assets_tests/golden/make_golden.py

realdata_rapidocr.json: every real scan in ../shared/realdata, as the pipeline renders and reads it.
synthetic_rapidocr.json: a seeded synthetic inbox (not the benchmark's seeds) with the generator's
truth, plus three upright scans turned 90, 180 and 270 degrees before reading.
unseen_rapidocr.json: a seeded inbox of the family the extraction was never tuned on (synth_unseen),
with its truth: its layouts, labels and phrasings, for the safety tests.

    .venv/bin/python ticket_assets_tests/golden/make_golden.py [realdata synthetic unseen]
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

import numpy as np
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from ticket_assets.config import OcrSettings  # noqa: E402
from ticket_assets.discover import inventory_day, inventory_file  # noqa: E402
from ticket_assets.ocr.pool import PageWork, ocr_pages  # noqa: E402
from ticket_assets.ocr.reading import read_day  # noqa: E402
from ticket_assets.render import day_pages, file_pages  # noqa: E402
from ticket_assets import synth_unseen  # noqa: E402
from ticket_assets.synth import generate_inbox  # noqa: E402

GOLDEN = Path(__file__).parent
SETTINGS = OcrSettings(engine="rapidocr", dpi=200, workers=2)
SEED, DAYS, PAGES_PER_DAY = 5, (date(2024, 11, 4), date(2024, 11, 5)), 12
UNSEEN_SEED, UNSEEN_DAYS, UNSEEN_PAGES_PER_DAY = 77, (date(2024, 12, 9), date(2024, 12, 10)), 12
TURNS = (90, 180, 270)


def real_scans(realdata: Path, cache: Path) -> dict:
    entries = [inventory_file(realdata.parent, path) for path in sorted(realdata.iterdir())
               if path.suffix.lower() in (".pdf", ".png")]
    pages = [page for entry in entries if entry.readable
             for page in file_pages(realdata.parent, entry, cache, SETTINGS.dpi) if page.page_number == 1]
    results = read_day(pages, SETTINGS)
    return {Path(page.file_path).name: results[page.page_id].to_dict() for page in pages}


def synthetic_pages(scratch: Path) -> dict:
    inbox = scratch / "inbox"
    truth = generate_inbox(inbox, DAYS, PAGES_PER_DAY, seed=SEED, bad_files=False)
    golden, pages_by_id = read_inbox(inbox, truth, DAYS, scratch / "cache")
    golden.update(turned_copies(golden, pages_by_id, scratch))
    return golden


def unseen_pages(scratch: Path) -> dict:
    inbox = scratch / "unseen_inbox"
    truth = synth_unseen.generate_inbox(inbox, UNSEEN_DAYS, UNSEEN_PAGES_PER_DAY, seed=UNSEEN_SEED)
    return read_inbox(inbox, truth, UNSEEN_DAYS, scratch / "unseen_cache")[0]


def read_inbox(inbox: Path, truth: list[dict], days, cache: Path) -> tuple[dict, dict]:
    """Every page of the days read as the pipeline reads it, with its truth; and the pages by id."""
    truth_of = {(t["file"], t["page"]): t for t in truth}
    golden, pages_by_id = {}, {}
    for day in days:
        pages = day_pages(inbox, inventory_day(inbox, day.isoformat()), cache, SETTINGS.dpi)
        results = read_day(pages, SETTINGS)
        for page in pages:
            pages_by_id[page.page_id] = page
            golden[page.page_id] = {"truth": truth_of[(page.file_path, page.page_number)], "turned_by_hand": 0,
                                    "ocr": results[page.page_id].to_dict()}
    return golden, pages_by_id


def turned_copies(golden: dict, pages_by_id: dict, scratch: Path) -> dict:
    """Three upright scanned pages, turned clockwise before reading."""
    upright = [page_id for page_id, item in golden.items()
               if item["truth"]["kind"] == "scan" and item["truth"]["rotation"] == 0][: len(TURNS)]
    work, copies = [], {}
    for page_id, turn in zip(upright, TURNS):
        image = np.array(Image.open(pages_by_id[page_id].image_path))
        path = scratch / f"turned_{turn}.png"
        Image.fromarray(np.ascontiguousarray(np.rot90(image, -turn // 90))).save(path)
        work.append(PageWork(f"{page_id}-turned{turn}", str(path)))
        copies[f"{page_id}-turned{turn}"] = {"truth": golden[page_id]["truth"], "turned_by_hand": turn}
    for page_id, result in ocr_pages(work, SETTINGS).items():
        copies[page_id]["ocr"] = result.to_dict()
    return copies


def main(names: list[str]) -> None:
    makers = {"realdata": lambda scratch: real_scans(REPO.parent / "shared" / "realdata", scratch / "real"),
              "synthetic": synthetic_pages, "unseen": unseen_pages}
    for name in names or makers:
        with tempfile.TemporaryDirectory() as scratch:
            (GOLDEN / f"{name}_rapidocr.json").write_text(json.dumps(makers[name](Path(scratch)), indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
