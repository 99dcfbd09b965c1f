"""The unseen-layout generator: a seed pins its bytes, every day holds the pages asked for, loads obey the domain."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from ticket_assets.synth_unseen import generate_inbox
from ticket_assets.synth_unseen.__main__ import main
from ticket_assets.synth_unseen.forms import NEW_FORMS, draw_ticket
from ticket_assets.synth_unseen.generate import DayWriter
from ticket_assets.synth_unseen.loads import manifest_truth
from ticket_assets.synth_unseen.mishaps import cut_box
from ticket_assets.synth_unseen.wording import REGISTERS

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


# The new variants: a share of every day, new layouts and wordings, new manifest shapes, mishaps that spare values.

NOVEL_DAY = date(2024, 11, 13)


@pytest.fixture(scope="module")
def novel_sheets(tmp_path_factory) -> list:
    writer = DayWriter(tmp_path_factory.mktemp("novel"), random.Random(SEED), DPI)
    return [writer._sheet(NOVEL_DAY, "v2") for _ in range(160)]


def test_a_share_of_each_day_takes_each_round_of_variants(tmp_path):
    writer = DayWriter(tmp_path, random.Random(SEED), DPI)
    for pages in (5, 10, 20):
        rounds = writer._rounds(pages)
        assert len(rounds) == pages
        assert 0.25 <= rounds.count("v2") / pages <= 0.4 and 0.35 <= rounds.count("v3") / pages <= 0.45


def test_new_variants_print_new_wordings_in_all_new_layouts(novel_sheets):
    assert {s.vendor.form for s in novel_sheets} >= set(NEW_FORMS)
    for sheet in novel_sheets:
        for key, text in sheet.vendor.labels.items():
            assert any(text in register[key] for register in REGISTERS.values()), (key, text)


@pytest.mark.parametrize("printed, logged", [
    ("WM/2024/123456", "WM-2024-123456"), ("#2024123456", "2024123456"), ("123456  654321", "123456-654321"),
    ("MF1234567K", "MF1234567K"), ("WM_MAN 2024-000001", "WM-MAN-2024-000001"),
])
def test_manifest_truth_writes_separators_as_dashes(printed, logged):
    assert manifest_truth(printed) == logged


def test_new_manifest_shapes_log_as_letters_digits_and_dashes(novel_sheets):
    manifests = [s.load.manifest for s in novel_sheets if s.load.manifest]
    assert manifests and all(re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)*", m) and 8 <= len(m) <= 20 for m in manifests)


def test_new_layouts_draw_the_ticket_number_and_every_value(novel_sheets):
    drawn: Counter = Counter()
    for sheet in novel_sheets:
        if sheet.vendor.form not in NEW_FORMS or drawn[sheet.vendor.form] >= 3:
            continue
        drawn[sheet.vendor.form] += 1
        keys = {key for key, _ in draw_ticket(sheet, 50, random.Random(1)).regions}
        shown = {k for k in sheet.vendor.rows[0] if sheet.entries.get(k) and sheet.entries[k].text}
        assert "ticket" in keys and {f"value:{k}" for k in shown} <= keys, sheet.vendor.form


def test_a_cut_edge_never_reaches_a_label_or_value(novel_sheets):
    for n, sheet in enumerate(novel_sheets[:40]):
        canvas = draw_ticket(sheet, 50, random.Random(n))
        kept = cut_box(canvas, random.Random(n))
        if kept:
            assert all(kept[0] <= b[0] and kept[1] <= b[1] and b[2] <= kept[2] and b[3] <= kept[3]
                       for _, b in canvas.regions)
