"""The synthetic inbox generator: its files are what its truth says they are, and a seed pins them down."""

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

from ticket_assets.discover import parse_filename
from ticket_assets.extract.templates import default_templates, default_vocabulary
from ticket_assets.synth import generate_inbox
from ticket_assets.synth.__main__ import main
from ticket_assets.synth.numbers import sample_pattern

DAYS = [date(2024, 10, 17), date(2024, 10, 18)]
PAGES = 6
SEED = 1
DPI = 100


def _generate(root: Path, seed: int = SEED) -> list[dict]:
    return generate_inbox(root, DAYS, pages_per_day=PAGES, seed=seed, dpi=DPI)


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synth")
    _generate(root)
    return root


@pytest.fixture(scope="module")
def truth(inbox) -> list[dict]:
    return json.loads((inbox / "truth.json").read_text())


def _pages(truth: list[dict], kind: str | None = None) -> list[dict]:
    return [t for t in truth if t["kind"] != "bad" and (kind is None or t["kind"] == kind)]


def _files_on_disk(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.name != "truth.json"}


def _page_count(path: Path) -> int:
    if path.suffix == ".pdf":
        with pymupdf.open(path) as doc:
            return doc.page_count
    return 1


def test_truth_lists_every_page_of_every_file(inbox, truth):
    assert (inbox / "truth.json").is_file()
    assert {t["file"] for t in truth} == _files_on_disk(inbox)
    bad = {t["file"] for t in truth if t["kind"] == "bad"}
    on_disk = {(f, n) for f in _files_on_disk(inbox) - bad for n in range(1, _page_count(inbox / f) + 1)}
    assert {(t["file"], t["page"]) for t in _pages(truth)} == on_disk
    assert len(on_disk) == len(_pages(truth))


def test_each_day_has_exactly_the_pages_asked_for_in_every_kind(truth):
    per_day = Counter(t["file"].split("/")[0] for t in _pages(truth))
    assert per_day == {d.isoformat(): PAGES for d in DAYS}
    assert {t["kind"] for t in _pages(truth)} == {"scan", "digital", "image"}
    assert any(t["page"] > 1 for t in _pages(truth, "scan")), "scanned PDFs hold several pages"


def test_some_day_sorts_its_files_by_flow_and_folders_agree_with_pages(truth):
    in_flow_folders = [t for t in _pages(truth) if t["file"].split("/")[1] in ("export", "import")]
    assert in_flow_folders
    for entry in in_flow_folders:
        assert entry["fields"]["flow"] == entry["file"].split("/")[1].upper()


def test_bad_files_are_really_bad(inbox, truth):
    bad = [t for t in truth if t["kind"] == "bad"]
    assert all(t["file"].startswith(DAYS[0].isoformat()) and t["page"] is None for t in bad)
    assert {t["expected_reason"] for t in bad} == {"UNREADABLE_FILE"}
    assert sorted(_what_is_wrong(inbox / t["file"]) for t in bad) == ["empty", "encrypted", "not a pdf", "truncated"]


def _what_is_wrong(path: Path) -> str:
    data = path.read_bytes()
    if not data:
        return "empty"
    if not data.startswith(b"%PDF"):
        return "not a pdf"
    try:
        with pymupdf.open(path) as doc:
            if doc.needs_pass:
                return "encrypted"
            return "truncated" if doc.page_count == 0 else "readable"
    except (RuntimeError, ValueError):
        return "truncated"


def test_scanned_pages_are_images_without_text(inbox, truth):
    scans = _pages(truth, "scan")
    assert scans
    for entry in scans:
        with pymupdf.open(inbox / entry["file"]) as doc:
            page = doc[entry["page"] - 1]
            assert page.get_text().strip() == ""
            assert len(page.get_images()) == 1


def test_eticket_text_layer_carries_its_ticket_number_and_vendor(inbox, truth):
    names = {t.vendor: t.display_name for t in default_templates()}
    for entry in _pages(truth, "digital"):
        with pymupdf.open(inbox / entry["file"]) as doc:
            text = doc[entry["page"] - 1].get_text()
        assert entry["fields"]["ticket_number"] in text
        assert names[entry["fields"]["vendor"]] in text
        assert entry["handwritten"] == [] and entry["rotation"] == 0


def test_images_decode_at_a_ticket_sized_resolution(inbox, truth):
    images = _pages(truth, "image")
    assert images
    for entry in images:
        with Image.open(inbox / entry["file"]) as image:
            image.load()
            width, height = image.size
        long_side, short_side = 8.5 * DPI, 5.5 * DPI
        assert long_side <= max(width, height) <= 1.3 * long_side
        assert short_side <= min(width, height) <= 1.3 * short_side
        assert (height > width) == (entry["rotation"] in (90, 270))


def test_structured_names_agree_with_every_page_in_the_file(truth):
    structured = [t for t in _pages(truth) if parse_filename(Path(t["file"]).name).is_structured]
    assert structured
    for entry in structured:
        meta, fields = parse_filename(Path(entry["file"]).name), entry["fields"]
        assert (meta.job_code, meta.date.isoformat()) == (fields["job_code"], fields["ticket_date"])
        assert (meta.flow, meta.material, meta.area) == (fields["flow"], fields["material"], fields["source"])
        assert meta.vendor in (None, fields["vendor"])


def test_fields_use_the_canonical_vocabulary_and_realistic_combinations(truth):
    vocabulary, vendors = default_vocabulary(), {t.vendor for t in default_templates()}
    for entry in _pages(truth):
        fields = entry["fields"]
        assert fields["vendor"] in vendors and fields["job_code"] == "24-105"
        assert fields["ticket_date"] == entry["file"].split("/")[0]
        assert fields["quantity_unit"] in ("TONS", "CY", "LOADS") and 0 < fields["quantity"] <= 25
        assert re.fullmatch(r"\d{1,4}", fields["truck_number"])
        assert (fields["manifest_number"] is not None) == (fields["material"] == "CLASS_2_CONTAMINATED")
        assert set(entry["handwritten"]) <= set(fields) and entry["rotation"] in (0, 90, 180, 270)
        if fields["flow"] == "EXPORT":
            assert vocabulary.source_material[fields["source"]] == fields["material"]
            assert fields["destination"] in vocabulary.canonical_values("destination")
        else:
            assert fields["source"] is None and fields["destination"] is None
            assert fields["material"] in vocabulary.canonical_values("material")


def test_ticket_numbers_follow_the_vendor_pattern_or_are_plain_digits(truth):
    templates = {t.vendor: t for t in default_templates()}
    for entry in _pages(truth):
        patterns = templates[entry["fields"]["vendor"]].ticket_number_patterns
        number = entry["fields"]["ticket_number"]
        if not patterns:
            assert re.fullmatch(r"\d{5,7}", number)
        elif not patterns[0].groups:
            assert any(p.fullmatch(number) for p in patterns)


@pytest.mark.parametrize("pattern", [p.pattern for t in default_templates() for p in t.ticket_number_patterns])
def test_sampled_ticket_numbers_match_the_template_pattern(pattern):
    text, number = sample_pattern(pattern, random.Random(3))
    match = re.fullmatch(pattern, text)
    assert match and number == (match.group(1) if match.re.groups else text)


def test_duplicates_point_to_an_earlier_page_with_the_same_number_and_vendor(truth):
    pages = {(t["file"], t["page"]): t for t in _pages(truth)}
    duplicates = [t for t in pages.values() if t["duplicate_of"]]
    assert duplicates
    for entry in duplicates:
        original = pages[(entry["duplicate_of"]["file"], entry["duplicate_of"]["page"])]
        assert original["duplicate_of"] is None
        assert original["fields"]["ticket_number"] == entry["fields"]["ticket_number"]
        assert original["fields"]["vendor"] == entry["fields"]["vendor"]
    keys = Counter((t["fields"]["vendor"], t["fields"]["ticket_number"]) for t in pages.values())
    assert sum(n - 1 for n in keys.values()) == len(duplicates)


def test_the_same_seed_gives_the_same_truth_and_bytes(inbox, truth, tmp_path):
    again = _generate(tmp_path)
    assert again == truth
    encrypted = {t["file"] for t in truth if t["kind"] == "bad" and _what_is_wrong(inbox / t["file"]) == "encrypted"}
    for name in _files_on_disk(inbox) - encrypted:  # AES encryption draws a fresh random IV every time
        assert (tmp_path / name).read_bytes() == (inbox / name).read_bytes(), name
    assert any(name.endswith(".png") for name in _files_on_disk(inbox))


def test_another_seed_gives_other_tickets(truth, tmp_path):
    other = _generate(tmp_path, seed=SEED + 1)
    assert [t["fields"] for t in other] != [t["fields"] for t in truth]


def test_command_line_writes_an_inbox(tmp_path, capsys):
    assert main([str(tmp_path), "--days", "1", "--pages", "2", "--seed", "5", "--no-bad-files"]) == 0
    written = json.loads((tmp_path / "truth.json").read_text())
    assert len(written) == 2 and all(t["kind"] != "bad" for t in written)
    assert "truth.json" in capsys.readouterr().out
