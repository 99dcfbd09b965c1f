"""The unseen-layout generator: a seed pins its bytes, every day holds the pages asked for, loads obey the domain."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from ticket_assets.synth_unseen import generate_inbox
from ticket_assets.synth_unseen.__main__ import main

PAGES, SEED, DPI = 5, 7, 72
DAYS = [date(2024, 11, 11), date(2024, 11, 12)]
DIGS = {"PODIUM", "ZONE_E_GARAGE", "SOUTH_MSE_WALL", "MSE_WALL", "PIER_EX", "POND", "SOUTH_FILL", "TRACT_2"}
SPOILS_AREAS = {"BECK_SPOILS", "NTX_SPOILS", "UTX_SPOILS", "MVP_TC1", "MVP_TC2"}
EXPORTS = {  # material: (the areas it comes from, where it may go), as the domain note says
    "CLASS_2_CONTAMINATED": (DIGS, {"WASTE_MANAGEMENT_LEWISVILLE"}),
    "NON_CONTAMINATED": ({"SPG"}, {"LDI_YARD", "POST_OAK_PIT"}),
    "SPOILS": (SPOILS_AREAS, {"WASTE_MANAGEMENT_LEWISVILLE", "POST_OAK_PIT"}),
}
IMPORTS = {"3X5", "ASPHALT", "C2", "DIRT", "FILL", "FLEX", "FLEXBASE", "ROCK", "UTILITY_STONE"}


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("unseen")
    main([str(root), "--days", "2", "--pages", str(PAGES), "--seed", str(SEED), "--first-day", "2024-11-11",
          "--dpi", str(DPI)])
    return root


@pytest.fixture(scope="module")
def truth(inbox) -> list[dict]:
    return json.loads((inbox / "truth.json").read_text())


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _page_count(path: Path) -> int:
    if path.suffix == ".pdf":
        with pymupdf.open(path) as doc:
            return doc.page_count
    with Image.open(path) as image:
        image.load()
    return 1


def test_same_seed_gives_same_truth_and_bytes(inbox, truth, tmp_path):
    again = generate_inbox(tmp_path, DAYS, pages_per_day=PAGES, seed=SEED, dpi=DPI)
    assert again == truth
    assert _files(tmp_path) == _files(inbox)


def test_every_day_holds_exactly_the_pages_asked_for(inbox, truth):
    for day in DAYS:
        folder = inbox / day.isoformat()
        assert sum(_page_count(p) for p in folder.iterdir()) == PAGES
        assert sum(t["file"].startswith(day.isoformat()) for t in truth) == PAGES


def test_truth_lists_every_page_of_every_file(inbox, truth):
    pages = Counter(t["file"] for t in truth)
    assert {f: _page_count(inbox / f) for f in pages} == dict(pages)
    assert all(t["fields"]["ticket_date"] == t["file"][:10] for t in truth)


def test_manifest_on_every_contaminated_load_and_on_no_other(truth):
    for entry in truth:
        fields = entry["fields"]
        assert (fields["manifest_number"] is not None) == (fields["material"] == "CLASS_2_CONTAMINATED"), entry
    manifests = [t["fields"]["manifest_number"] for t in truth if t["fields"]["manifest_number"]]
    assert len(manifests) == len(set(manifests))


def test_materials_agree_with_sources(truth):
    for entry in truth:
        fields = entry["fields"]
        if fields["flow"] == "EXPORT":
            sources, destinations = EXPORTS[fields["material"]]
            assert fields["source"] in sources and fields["destination"] in destinations, entry
        else:
            assert fields["material"] in IMPORTS, entry


def test_ticket_numbers_are_unique_per_vendor(truth):
    keys = [(t["fields"]["vendor"], t["fields"]["ticket_number"]) for t in truth]
    assert len(keys) == len(set(keys))
