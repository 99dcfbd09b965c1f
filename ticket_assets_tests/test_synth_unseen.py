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
from ticket_assets.synth_unseen import (phrasing, phrasing_v3, phrasing_v4, phrasing_v5, phrasing_v6, phrasing_v7,
                                        phrasing_v8, vendors, wording, wording_v3, wording_v4, wording_v5, wording_v6,
                                        wording_v7, wording_v8)
from ticket_assets.synth_unseen.forms import (NEW_FORMS, V3_FORMS, V4_FORMS, V5_FORMS, V6_FORMS, V7_FORMS, V8_FORMS,
                                              draw_ticket)
from ticket_assets.synth_unseen.generate import (NOVEL_SHARE, V3_SHARE, V4_SHARE, V5_SHARE, V6_SHARE, V7_SHARE,
                                                 V8_SHARE, DayWriter)
from ticket_assets.synth_unseen.loads import manifest_truth
from ticket_assets.synth_unseen.capture import KEYSTONE, STEEP_SKEW, choose_look
from ticket_assets.synth_unseen.mishaps import V3_MISHAPS, cut_box
from ticket_assets.synth_unseen.mishaps_v8 import V8_MISHAPS, sticky_note
from ticket_assets.synth_unseen.parts_v4 import field_keys
from ticket_assets.synth_unseen.parts_v5 import STUB_HEIGHT
from ticket_assets.synth_unseen.sheet import MANIFEST_SPOTS, TRUTH_FIELD
from ticket_assets.synth_unseen.sheet_v4 import SPOTS
from ticket_assets.synth_unseen.sheet_v5 import MANIFEST_SPOTS as V5_MANIFEST_SPOTS
from ticket_assets.synth_unseen.sheet_v5 import manifest_parts
from ticket_assets.synth_unseen.sheet_v6 import struck_text
from ticket_assets.synth_unseen.sheet_v7 import MANIFEST_SPOTS as V7_MANIFEST_SPOTS
from ticket_assets.synth_unseen.sheet_v8 import MANIFEST_SPOTS as V8_MANIFEST_SPOTS
from ticket_assets.synth_unseen.sheet_v8 import TRUCK_SPOTS as V8_TRUCK_SPOTS
from ticket_assets.synth_unseen.values_v4 import label_names_unit
from ticket_assets.synth_unseen.values_v5 import label_names_unit as v5_label_names_unit
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
        assert 0.25 <= rounds.count("v8") / pages <= 0.4
        assert 0.15 <= rounds.count("v7") / pages <= 0.3
        assert 0.1 <= rounds.count("v6") / pages <= 0.2
        assert 0.1 <= rounds.count("v5") / pages <= 0.2
        assert rounds.count("v4") / pages <= 0.2
        assert rounds.count("v3") / pages <= 0.15 and rounds.count("v2") / pages <= 0.15
    assert round(V3_SHARE / NOVEL_SHARE, 6) == round(0.4 / 0.3, 6)  # the earlier rounds keep their proportions
    assert round(V4_SHARE / V3_SHARE, 6) == round(0.3 / (0.4 * 0.7), 6)  # as they stood before v5
    assert round(V5_SHARE / V4_SHARE, 6) == round(0.3 / (0.3 * 0.7), 6)  # and before v6
    assert round(V6_SHARE / V5_SHARE, 6) == round(0.3 / (0.3 * 0.7), 6)  # and before v7
    assert round(V7_SHARE / V6_SHARE, 6) == round(0.3 / (0.3 * 0.7), 6)  # and before v8
    shares = V8_SHARE + V7_SHARE + V6_SHARE + V5_SHARE + V4_SHARE + V3_SHARE + NOVEL_SHARE
    assert V8_SHARE == 0.3 and round(shares, 6) < 1


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


# The third round (v3): layouts, label registers, phrasings, manifest shapes and spots, mishaps of its own.


@pytest.fixture(scope="module")
def v3_sheets(tmp_path_factory) -> list:
    writer = DayWriter(tmp_path_factory.mktemp("v3"), random.Random(SEED), DPI)
    return [writer._sheet(NOVEL_DAY, "v3") for _ in range(120)]


def test_every_truth_entry_names_its_round_and_v3_to_v5_pages_appear(truth):
    for entry in truth:
        assert entry["variant"] in ("base", "v2", "v4", "v5", "v6", "v7", "v8") or entry["variant"][3:] in V3_FORMS
        assert isinstance(entry["traits"], list)
    assert sum(e["variant"] == "v8" for e in truth) == round(PAGES * V8_SHARE) * len(DAYS)
    assert sum(e["variant"] == "v7" for e in truth) == round(PAGES * V7_SHARE) * len(DAYS)
    assert sum(e["variant"] == "v6" for e in truth) == round(PAGES * V6_SHARE) * len(DAYS)
    assert sum(e["variant"] == "v5" for e in truth) == round(PAGES * V5_SHARE) * len(DAYS)
    assert sum(e["variant"] == "v4" for e in truth) == round(PAGES * V4_SHARE) * len(DAYS)
    assert sum(e["variant"].startswith("v3-") for e in truth) == round(PAGES * V3_SHARE) * len(DAYS)


def test_v3_draws_every_layout_and_every_manifest_spot(v3_sheets):
    assert {s.vendor.form for s in v3_sheets} == set(V3_FORMS)
    assert {s.manifest_spot for s in v3_sheets if s.load.manifest} == set(MANIFEST_SPOTS)
    assert all(s.variant == f"v3-{s.vendor.form}" for s in v3_sheets)


def _older_spellings() -> set[str]:
    """Every label and value phrase the base families and the second round print, case folded."""
    tables = [*REGISTERS.values(), *(v.labels for v in vendors.VENDORS)]
    labels = {text for table in tables for value in table.values()
              for text in ((value,) if isinstance(value, str) else value)}
    phrases = {text for table in (phrasing.AREA_PHRASES, phrasing.DESTINATION_PHRASES, phrasing.MATERIAL_PHRASES,
                                  phrasing.NEW_AREA_PHRASES, phrasing.NEW_DESTINATION_PHRASES,
                                  phrasing.NEW_MATERIAL_PHRASES)
               for texts in table.values() for text in texts}
    return {text.casefold() for text in labels | phrases | set(wording.TITLES)}


def test_v3_wordings_repeat_no_earlier_spelling():
    older = _older_spellings()
    tables = [*wording_v3.V3_REGISTERS.values(), phrasing_v3.V3_AREA_PHRASES, phrasing_v3.V3_DESTINATION_PHRASES,
              phrasing_v3.V3_MATERIAL_PHRASES]
    for table in tables:
        for texts in table.values():
            assert not {t.casefold() for t in texts} & older, texts


def _written(text: str, words: list[str]) -> bool:
    return text.casefold() in {w.casefold() for w in words}


def _phrase_of(text: str, table: dict, value: str) -> bool:
    owner = phrasing.SPOILS_OWNERS
    return text.casefold() in {p.format(who=w).casefold() for p in table[value] for w in (*owner.values(), "trade")}


def _date_of(text: str, day: date) -> bool:
    names = {"m": day.month, "d": day.day, "y": day.year, "yy": day.year % 100, "mon": phrasing.MONTHS[day.month - 1],
             "Mon": phrasing_v3.MONTH_NAMES[day.month - 1], "dow": phrasing_v3.WEEKDAYS[day.weekday()]}
    return any(text.startswith(shape.format(**names)) for shape in phrasing_v3.V3_DATE_FORMATS.values())


def _check_v3_page(sheet, words: list[str]) -> None:
    """Every truth value of a v3 page stands on it as the truth says, and a value not on it is None."""
    fields, entries = sheet.load.fields(), sheet.entries
    text = {key: entries[key].text for key in entries if entries[key].text}
    assert any(fields["ticket_number"] in w for w in words)
    for shown in text.values():
        assert _written(shown, words), shown
    assert _date_of(text["date"], NOVEL_DAY)
    assert _phrase_of(text["material"], phrasing_v3.V3_MATERIAL_PHRASES, fields["material"])
    assert fields["truck_number"] == text.get("truck")
    assert fields["manifest_number"] == (manifest_truth(text["manifest"]) if "manifest" in text else None)
    quantity = re.match(r"[\d.]+", text.get("quantity", ""))
    assert fields["quantity"] == (float(quantity.group()) if quantity else None)
    if fields["quantity"] is not None:
        unit_text = text["quantity"][quantity.end():]
        formats = phrasing_v3.V3_QUANTITY_FORMATS[fields["quantity_unit"]]
        assert unit_text in {f.replace("{q}", "") for f in formats}
    for key, table in (("source", phrasing_v3.V3_AREA_PHRASES), ("destination", phrasing_v3.V3_DESTINATION_PHRASES)):
        if fields[key] is not None:
            assert _phrase_of(text[key], table, fields[key]), (key, text.get(key))


def test_each_v3_page_prints_its_truth_values(v3_sheets):
    for n, sheet in enumerate(v3_sheets[:60]):
        canvas = draw_ticket(sheet, DPI, random.Random(n))
        _check_v3_page(sheet, canvas.words)
        width, height = canvas.image.size
        assert all(0 <= b[0] and 0 <= b[1] and b[2] <= width and b[3] <= height for _, b in canvas.regions), n
        assert "manifest_number" not in sheet.handwritten() or sheet.entries["manifest"].by_hand
        if sheet.manifest_spot == "margin":
            assert "manifest_number" in sheet.handwritten()


def test_v3_pages_meet_the_third_rounds_mishaps_only():
    rng = random.Random(SEED)
    for kind in ("scan", "image"):
        looks = [choose_look(rng, kind, "v3-label_block") for _ in range(200)]
        assert {look.mishap for look in looks} == {None, *V3_MISHAPS[kind]}
        assert all(STEEP_SKEW[0] <= abs(look.skew) <= STEEP_SKEW[1] for look in looks if look.mishap == "steep_skew")


# The fourth round (v4): layouts, label spellings and endings, phrasings, dates, units, manifest shapes, and values
# moved to stamps, the notes box or the top margin.


@pytest.fixture(scope="module")
def v4_sheets(tmp_path_factory) -> list:
    writer = DayWriter(tmp_path_factory.mktemp("v4"), random.Random(SEED), DPI)
    return [writer._sheet(NOVEL_DAY, "v4") for _ in range(150)]


def _round_sheets(tmp_path_factory, name: str, count: int) -> list:
    """`count` sheets of one round, drawn by a writer seeded like every other."""
    writer = DayWriter(tmp_path_factory.mktemp(name), random.Random(SEED), DPI)
    return [writer._sheet(NOVEL_DAY, name) for _ in range(count)]


def _assert_every_layout_and_register(sheets, name: str, forms: dict, registers: dict) -> None:
    assert all(s.variant == name for s in sheets)
    assert {s.vendor.form for s in sheets} == set(forms) == _trait_values(sheets, "layout")
    assert _trait_values(sheets, "labels") == set(registers)


def _trait_values(sheets, name: str) -> set[str]:
    return {t.split(":", 1)[1] for s in sheets for t in s.traits if t.startswith(f"{name}:")}


def test_v4_draws_every_layout_register_quantity_style_and_spot(v4_sheets):
    assert all(s.variant == "v4" for s in v4_sheets)
    assert {s.vendor.form for s in v4_sheets} == set(V4_FORMS) == _trait_values(v4_sheets, "layout")
    assert _trait_values(v4_sheets, "labels") == set(wording_v4.V4_REGISTERS)
    assert _trait_values(v4_sheets, "label_case") == set(wording_v4.LABEL_CASES)
    assert _trait_values(v4_sheets, "label_end") == set(wording_v4.LABEL_ENDS)
    assert _trait_values(v4_sheets, "quantity") == {"unit_word", "unit_label", "checkbox", "gross_tare"}
    moved = {t for s in v4_sheets for t in s.traits if t.split(":")[0] in SPOTS and ":" in t}
    assert moved == {f"{key}:{where}" for key, (where, _, _) in SPOTS.items()}


def test_v4_same_seed_gives_same_sheets_and_pixels(v4_sheets, tmp_path):
    again = DayWriter(tmp_path, random.Random(SEED), DPI)
    for n, sheet in enumerate(v4_sheets[:6]):
        twin = again._sheet(NOVEL_DAY, "v4")
        assert twin == sheet
        one, two = draw_ticket(sheet, 40, random.Random(n)), draw_ticket(twin, 40, random.Random(n))
        assert one.image.tobytes() == two.image.tobytes()


def test_v4_contaminated_phrases_name_it_and_clean_ones_never_do():
    """The truth files a phrase under the material the domain note reads in it: contamination named in some form
    is Class 2; a clean phrase names contamination only as non-contaminated; no other phrase names it at all."""
    names_it = re.compile(r"contam|class[- ]?(2|ii)\b|\bcls? ?(2|ii)\b|impacted", re.IGNORECASE)
    negated = re.compile(r"non[- ]?contam", re.IGNORECASE)
    for material, phrases in phrasing_v4.V4_MATERIAL_PHRASES.items():
        for phrase in phrases:
            if material == "CLASS_2_CONTAMINATED":
                assert names_it.search(phrase) and not negated.search(phrase), phrase
            else:
                assert not names_it.search(negated.sub("", phrase)), (material, phrase)


def test_v4_manifest_shapes_log_as_letters_digits_and_dashes(v4_sheets):
    manifests = [s.load.manifest for s in v4_sheets if s.load.manifest]
    assert manifests and all(re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)*", m) and 8 <= len(m) <= 20 for m in manifests)


def _v4_date_of(text: str, day: date) -> bool:
    names = {"m": day.month, "d": day.day, "y": day.year, "yy": day.year % 100,
             "Month": phrasing_v4.MONTH_FULL[day.month - 1], "Mon": phrasing_v3.MONTH_NAMES[day.month - 1],
             "dow": phrasing_v4.WEEKDAY_FULL[day.weekday()]}
    return text in {shape.format(**names) for shape in phrasing_v4.V4_DATE_FORMATS.values()}


def _check_v4_quantity(sheet, text: dict, words: list[str]) -> None:
    """The amount stands on the page as the truth says, with its unit where the page's quantity style puts it."""
    fields = sheet.load.fields()
    if fields["quantity"] is None:
        assert "quantity" not in text
        return
    shown, unit = text["quantity"], fields["quantity_unit"]
    number = re.search(r"\d+(\.\d+)?", shown).group()
    assert float(number) == fields["quantity"], shown
    style = next(t.split(":")[1] for t in sheet.traits if t.startswith("quantity:"))
    if style in ("checkbox", "unit_label"):
        assert shown == number
        assert style == "checkbox" or label_names_unit(sheet.vendor.labels["quantity"], unit)
    else:
        assert shown in {f.format(q=number) for f in phrasing_v4.V4_QUANTITY_FORMATS[unit]}, shown
    if style == "gross_tare":
        assert f"{round(fields['quantity'] * 2000):,} lb" in words


def _check_v4_page(sheet, canvas) -> None:
    """Every truth value of a v4 page stands on it as the truth says, and each drawn value is marked where it
    landed."""
    fields, words, entries = sheet.load.fields(), canvas.words, sheet.entries
    text = {key: entries[key].text for key in entries if entries[key].text}
    marked = {key for key, _ in canvas.regions}
    assert "ticket" in marked and any(fields["ticket_number"] in w for w in words)
    for key, shown in text.items():
        assert f"value:{key}" in marked, key
        assert _written(shown, words) or (key == "truck" and f"#{shown}" in words), (key, shown)
    assert _v4_date_of(text["date"], NOVEL_DAY), text["date"]
    assert _phrase_of(text["material"], phrasing_v4.V4_MATERIAL_PHRASES, fields["material"]), text["material"]
    assert fields["truck_number"] == text.get("truck")
    assert fields["manifest_number"] == (manifest_truth(text["manifest"]) if "manifest" in text else None)
    for key, table in (("source", phrasing_v4.V4_AREA_PHRASES), ("destination", phrasing_v4.V4_DESTINATION_PHRASES)):
        if fields[key] is not None:
            assert _phrase_of(text[key], table, fields[key]), (key, text.get(key))
    _check_v4_quantity(sheet, text, words)


def test_each_v4_page_prints_its_truth_values(v4_sheets):
    for n, sheet in enumerate(v4_sheets[:60]):
        canvas = draw_ticket(sheet, DPI, random.Random(n))
        _check_v4_page(sheet, canvas)
        width, height = canvas.image.size
        assert all(0 <= b[0] and 0 <= b[1] and b[2] <= width and b[3] <= height for _, b in canvas.regions), n


def test_v4_values_moved_out_of_their_field_are_written_or_stamped_as_their_spot_says(v4_sheets):
    for sheet in v4_sheets:
        for key, (where, _, by_hand) in SPOTS.items():
            if f"{key}:{where}" in sheet.traits:
                assert sheet.entries[key].by_hand == by_hand and key not in field_keys(sheet)
        if "truck:big_hand" in sheet.traits:
            assert "truck_number" in sheet.handwritten()
        if "manifest:notes" in sheet.traits:
            assert "manifest_number" in sheet.handwritten()


def test_v4_labels_keep_one_case_and_ending_per_page(v4_sheets):
    for sheet in v4_sheets:
        case = next(t.split(":")[1] for t in sheet.traits if t.startswith("label_case:"))
        labels = list(sheet.vendor.labels.values())
        if case == "upper":
            assert all(label == label.upper() for label in labels), labels
        if case == "lower":
            assert all(label == label.lower() for label in labels), labels


def test_the_command_draws_only_v4_pages_when_asked(tmp_path):
    main([str(tmp_path), "--days", "1", "--pages", "3", "--seed", "2", "--dpi", "50", "--only", "v4"])
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == 3 and all(e["variant"] == "v4" and any(t.startswith("layout:") for t in e["traits"])
                                   for e in truth)


# The fifth round (v5): layouts (values flush right, small caps over ruled lines, a one-row item table), label
# spellings, phrasings, dates, units, manifests in two parts, amounts noted in the margin, numbers only on a stub.


@pytest.fixture(scope="module")
def v5_sheets(tmp_path_factory) -> list:
    return _round_sheets(tmp_path_factory, "v5", 150)


def test_v5_draws_every_layout_register_quantity_style_and_spot(v5_sheets):
    _assert_every_layout_and_register(v5_sheets, "v5", V5_FORMS, wording_v5.V5_REGISTERS)
    assert _trait_values(v5_sheets, "quantity") == {"unit_word", "unit_label", "unit_column"}
    assert _trait_values(v5_sheets, "quantity_spot") == {"margin_arrow"}
    assert _trait_values(v5_sheets, "manifest") == set(V5_MANIFEST_SPOTS)
    assert _trait_values(v5_sheets, "ticket") >= {"bottom_stub", "top_right", "title_block", "top_box"}
    assert _trait_values(v5_sheets, "stamp") == {"received_across"}


def test_v5_wordings_repeat_no_earlier_spelling():
    later = (*wording_v3.V3_REGISTERS.values(), *wording_v4.V4_REGISTERS.values(), wording_v4.UNIT_LABELS,
             phrasing_v3.V3_AREA_PHRASES, phrasing_v3.V3_MATERIAL_PHRASES, phrasing_v3.V3_DESTINATION_PHRASES,
             phrasing_v4.V4_AREA_PHRASES, phrasing_v4.V4_MATERIAL_PHRASES, phrasing_v4.V4_DESTINATION_PHRASES)
    older = _older_spellings() | {t.casefold() for table in later for texts in table.values() for t in texts}
    tables = [*wording_v5.V5_REGISTERS.values(), wording_v5.V5_UNIT_LABELS, phrasing_v5.V5_AREA_PHRASES,
              phrasing_v5.V5_DESTINATION_PHRASES, phrasing_v5.V5_MATERIAL_PHRASES]
    for table in tables:
        for texts in table.values():
            assert not {t.casefold() for t in texts} & older, texts
    old_shapes = {*phrasing.MANIFEST_SHAPES.values(), *phrasing.NEW_MANIFEST_SHAPES.values(),
                  *phrasing_v3.V3_MANIFEST_SHAPES.values(), *phrasing_v4.V4_MANIFEST_SHAPES.values()}
    assert not set(phrasing_v5.V5_MANIFEST_SHAPES.values()) & old_shapes


def test_v5_contaminated_phrases_name_it_and_clean_ones_never_do():
    """Contamination named in any form is Class 2; a clean phrase names it only as non- or uncontaminated."""
    names_it = re.compile(r"cont\.|contam|class[- ]?(2|ii)\b|\bcl\.? ?(2|ii)\b|impacted", re.IGNORECASE)
    negated = re.compile(r"(non[- ]?|un)contam\w*", re.IGNORECASE)
    for material, phrases in phrasing_v5.V5_MATERIAL_PHRASES.items():
        for phrase in phrases:
            if material == "CLASS_2_CONTAMINATED":
                assert names_it.search(phrase) and not negated.search(phrase), phrase
            else:
                assert not names_it.search(negated.sub("", phrase)), (material, phrase)


def test_v5_manifest_shapes_log_as_letters_digits_and_dashes(v5_sheets):
    manifests = [s.load.manifest for s in v5_sheets if s.load.manifest]
    assert manifests and all(re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)*", m) and 8 <= len(m) <= 20 for m in manifests)
    for sheet in v5_sheets:
        if sheet.load.manifest:
            head, rest = manifest_parts(sheet.entries["manifest"].text)
            assert manifest_truth(f"{head} {rest}") == sheet.load.manifest


def _v5_date_of(text: str, day: date) -> bool:
    names = {"m": day.month, "d": day.day, "y": day.year, "yy": day.year % 100, "MON": phrasing.MONTHS[day.month - 1],
             "Mon": phrasing_v3.MONTH_NAMES[day.month - 1], "Month": phrasing_v4.MONTH_FULL[day.month - 1]}
    return text in {shape.format(**names) for shape in phrasing_v5.V5_DATE_FORMATS.values()}


def _shown_parts(sheet, key: str, text: str) -> list[str]:
    """The pieces a v5 page draws a value in: a manifest's prefix and rest apart, a line item's number and unit."""
    if key == "manifest" and any(t in sheet.traits for t in ("manifest:prefix_line", "manifest:split_boxes")):
        return list(manifest_parts(text))
    if key == "quantity" and "quantity:unit_column" in sheet.traits:
        return text.rsplit(" ", 1)
    return [text]


def _check_v5_quantity(sheet, text: dict) -> None:
    fields = sheet.load.fields()
    if fields["quantity"] is None:
        assert "quantity" not in text
        return
    shown, unit = text["quantity"], fields["quantity_unit"]
    number = re.match(r"\d+(\.\d+)?", shown).group()
    assert float(number) == fields["quantity"], shown
    style = next(t.split(":")[1] for t in sheet.traits if t.startswith("quantity:"))
    if style == "unit_label":
        assert shown == number and v5_label_names_unit(sheet.vendor.labels["quantity"], unit)
    elif style == "unit_column":
        assert shown[len(number) + 1:] in phrasing_v5.UNIT_COLUMN_WORDS[unit], shown
    else:
        assert shown in {f.format(q=number) for f in phrasing_v5.V5_QUANTITY_FORMATS[unit]}, shown


def _check_v5_page(sheet, canvas) -> None:
    """Every truth value of a v5 page stands on it as the truth says, and each drawn value is marked where it
    landed."""
    fields, words, entries = sheet.load.fields(), canvas.words, sheet.entries
    text = {key: entries[key].text for key in entries if entries[key].text}
    marked = {key for key, _ in canvas.regions}
    assert "ticket" in marked and any(fields["ticket_number"] in w for w in words)
    for key, shown in text.items():
        assert f"value:{key}" in marked, key
        assert all(_written(part, words) for part in _shown_parts(sheet, key, shown)), (key, shown)
    assert _v5_date_of(text["date"], NOVEL_DAY), text["date"]
    assert _phrase_of(text["material"], phrasing_v5.V5_MATERIAL_PHRASES, fields["material"]), text["material"]
    assert fields["truck_number"] == text.get("truck")
    assert fields["manifest_number"] == (manifest_truth(text["manifest"]) if "manifest" in text else None)
    for key, table in (("source", phrasing_v5.V5_AREA_PHRASES), ("destination", phrasing_v5.V5_DESTINATION_PHRASES)):
        if fields[key] is not None:
            assert _phrase_of(text[key], table, fields[key]), (key, text.get(key))
    _check_v5_quantity(sheet, text)


def test_each_v5_page_prints_its_truth_values(v5_sheets):
    for n, sheet in enumerate(v5_sheets[:60]):
        canvas = draw_ticket(sheet, DPI, random.Random(n))
        _check_v5_page(sheet, canvas)
        width, height = canvas.image.size
        assert all(0 <= b[0] and 0 <= b[1] and b[2] <= width and b[3] <= height for _, b in canvas.regions), n


def test_v5_margin_notes_are_handwritten_and_stub_numbers_sit_only_on_the_stub(v5_sheets):
    for n, sheet in enumerate(v5_sheets[:60]):
        if "quantity_spot:margin_arrow" in sheet.traits:
            assert sheet.entries["quantity"].by_hand and "quantity" in sheet.handwritten()
        assert not ("manifest:prefix_line" in sheet.traits and sheet.vendor.form == "box_over_label")
        if "ticket:bottom_stub" not in sheet.traits:
            continue
        canvas = draw_ticket(sheet, DPI, random.Random(n))
        tickets = [box for key, box in canvas.regions if key == "ticket"]
        assert len(tickets) == 1 and tickets[0][1] >= canvas.image.height - STUB_HEIGHT * DPI
        assert sum(sheet.load.ticket_number in w for w in canvas.words) == 1



# The sixth round (v6): labels tiny in a box's corner, LOADED / DELIVERED panels, the faint drifted bottom copy of a
# carbonless set, labels run together or in Spanish only, a struck value corrected by hand, a manifest written beside
# its empty box, and a PAID stamp with a number of its own.
@pytest.fixture(scope="module")
def v6_sheets(tmp_path_factory) -> list:
    return _round_sheets(tmp_path_factory, "v6", 200)


def test_v6_draws_every_layout_register_and_spot(v6_sheets):
    _assert_every_layout_and_register(v6_sheets, "v6", V6_FORMS, wording_v6.V6_REGISTERS)
    assert _trait_values(v6_sheets, "correction") == {"truck", "quantity"}
    assert _trait_values(v6_sheets, "manifest") == {"beside_box"}
    assert _trait_values(v6_sheets, "stamp") == {"paid"}


def _v6_older_spellings() -> set[str]:
    later = (*wording_v3.V3_REGISTERS.values(), *wording_v4.V4_REGISTERS.values(), wording_v4.UNIT_LABELS,
             *wording_v5.V5_REGISTERS.values(), wording_v5.V5_UNIT_LABELS,
             phrasing_v3.V3_AREA_PHRASES, phrasing_v3.V3_MATERIAL_PHRASES, phrasing_v3.V3_DESTINATION_PHRASES,
             phrasing_v4.V4_AREA_PHRASES, phrasing_v4.V4_MATERIAL_PHRASES, phrasing_v4.V4_DESTINATION_PHRASES,
             phrasing_v5.V5_AREA_PHRASES, phrasing_v5.V5_MATERIAL_PHRASES, phrasing_v5.V5_DESTINATION_PHRASES)
    return _older_spellings() | {t.casefold() for table in later for texts in table.values() for t in texts}


def test_v6_contaminated_phrases_name_it_and_clean_ones_only_deny_it():
    """A shortened contaminated load still names it (C/S, CL2, Contam); a clean phrase names contamination only to
    deny it ("free of", "no", "not", "non-")."""
    names_it = re.compile(r"c/s|contam|class[- ]?(2|ii)\b|\bcl\.? ?(2|ii)\b", re.IGNORECASE)
    denied = re.compile(r"(free of |no |not |non[- ]?|un)contam\w*\.?", re.IGNORECASE)
    for material, phrases in phrasing_v6.V6_MATERIAL_PHRASES.items():
        for phrase in phrases:
            if material == "CLASS_2_CONTAMINATED":
                assert names_it.search(phrase) and not denied.search(phrase), phrase
            else:
                assert not names_it.search(denied.sub("", phrase)), (material, phrase)


def _v6_date_of(text: str, day: date) -> bool:
    names = {"m": day.month, "d": day.day, "y": day.year, "MON": phrasing.MONTHS[day.month - 1]}
    return text in {shape.format(**names) for shape in phrasing_v6.V6_DATE_FORMATS.values()}


def _check_shown_values(sheet, canvas, areas: dict, places: dict, materials: dict) -> dict[str, str]:
    """What a v6 to v8 page shares: the ticket number and every value stand on it and are marked where they landed,
    its material, source and destination are phrases of the round's tables for their truth, and its manifest logs
    as the truth's. Returns each field's text."""
    fields, words, entries = sheet.load.fields(), canvas.words, sheet.entries
    text = {key: entries[key].text for key in entries if entries[key].text}
    marked = {key for key, _ in canvas.regions}
    assert "ticket" in marked and any(fields["ticket_number"] in w for w in words)
    for key, shown in text.items():
        assert f"value:{key}" in marked and _written(shown, words), (key, shown)
    assert _phrase_of(text["material"], materials, fields["material"]), text["material"]
    assert fields["manifest_number"] == (manifest_truth(text["manifest"]) if "manifest" in text else None)
    for key, table in (("source", areas), ("destination", places)):
        if fields[key] is not None:
            assert _phrase_of(text[key], table, fields[key]), (key, text.get(key))
    return text


def _check_v6_page(sheet, canvas) -> None:
    """Every truth value of a v6 page stands on it as the truth says, and each drawn value is marked where it
    landed."""
    fields = sheet.load.fields()
    text = _check_shown_values(sheet, canvas, phrasing_v6.V6_AREA_PHRASES, phrasing_v6.V6_DESTINATION_PHRASES,
                               phrasing_v6.V6_MATERIAL_PHRASES)
    assert _v6_date_of(text["date"], NOVEL_DAY), text["date"]
    assert fields["truck_number"] == text.get("truck")
    if fields["quantity"] is not None:
        number = f"{fields['quantity']:g}"
        shapes = phrasing_v6.V6_QUANTITY_FORMATS[fields["quantity_unit"]]
        assert text["quantity"] in {f.format(q=number) for f in shapes}, text["quantity"]


def test_v6_corrections_and_added_manifests_are_handwritten_and_the_struck_value_is_wrong(v6_sheets):
    for n, sheet in enumerate(v6_sheets[:80]):
        fixed = next((t.split(":")[1] for t in sheet.traits if t.startswith("correction:")), None)
        if fixed:
            right = sheet.entries[fixed].text
            assert sheet.entries[fixed].by_hand and struck_text(right) != right
            assert {"truck": "truck_number", "quantity": "quantity"}[fixed] in sheet.handwritten()
            words = draw_ticket(sheet, DPI, random.Random(n)).words
            assert struck_text(right) in words and right in words
        if "manifest:beside_box" in sheet.traits:
            assert sheet.entries["manifest"].by_hand and "manifest_number" in sheet.handwritten()


def test_v6_paid_stamp_never_carries_the_ticket_number(v6_sheets):
    paid = [(n, s) for n, s in enumerate(v6_sheets[:60]) if "stamp:paid" in s.traits]
    assert paid
    for n, sheet in paid:
        canvas = draw_ticket(sheet, DPI, random.Random(n))
        assert "stamp:paid" in {key for key, _ in canvas.regions}
        stamp_number = next(w for w in canvas.words if w.split(" ")[0] in phrasing_v6.PAID_NUMBER_TAGS).split()[1]
        digits = "".join(ch for ch in sheet.load.ticket_number if ch.isdigit())
        assert stamp_number not in digits and digits not in stamp_number



# The seventh round (v7): a scale receipt in pounds with the net in tons and a charge line, a two-column key / value
# grid, a carbon set of underlined blanks captioned under the line with its red number up the left edge or at the
# foot, shorthand and caption labels, the truck number in the hauler's name box, and the manifest under the ticket
# number or on a foot line by hand.
@pytest.fixture(scope="module")
def v7_sheets(tmp_path_factory) -> list:
    return _round_sheets(tmp_path_factory, "v7", 200)


def test_v7_draws_every_layout_register_and_spot(v7_sheets):
    _assert_every_layout_and_register(v7_sheets, "v7", V7_FORMS, wording_v7.V7_REGISTERS)
    assert _trait_values(v7_sheets, "ticket") == {"top_right", "left_edge", "bottom_left"}
    assert _trait_values(v7_sheets, "truck") == {"name_box"}
    assert _trait_values(v7_sheets, "manifest") == set(V7_MANIFEST_SPOTS)
    assert any("/" in s.entries["truck"].text for s in v7_sheets if "truck" in s.entries)  # `Trk/Trlr 791/334`


@pytest.mark.parametrize("materials", [phrasing_v7.V7_MATERIAL_PHRASES, phrasing_v8.V8_MATERIAL_PHRASES])
def test_contaminated_phrases_name_it_as_the_domain_does_and_clean_ones_never_do(materials):
    """A v7 or v8 contaminated load says Cl 2, Class II, Contam., C/S or a soil Contaminated; a clean one names
    contamination only as "Non-Contam", which the domain note reads first."""
    names_it = re.compile(r"c/s|contam|class[- ]?(2|ii)\b|\bcl\.? ?(2|ii)\b", re.IGNORECASE)
    for material, phrases in materials.items():
        for phrase in phrases:
            if material == "CLASS_2_CONTAMINATED":
                assert names_it.search(phrase) and not re.search(r"non[- ]?contam", phrase, re.I), phrase
            else:
                assert not names_it.search(re.sub(r"non[- ]?contam\.?", "", phrase, flags=re.I)), (material, phrase)


def _v7_date_of(text: str, day: date) -> bool:
    names = {"m": day.month, "d": day.day, "y": day.year, "yy": day.year % 100,
             "Mon": phrasing_v3.MONTH_NAMES[day.month - 1], "DOW": phrasing_v7.WEEKDAYS[day.weekday()]}
    return text in {shape.format(**names) for shape in phrasing_v7.V7_DATE_FORMATS.values()}


def _check_v7_page(sheet, canvas) -> None:
    """Every truth value of a v7 page stands on it as the truth says, each drawn value is marked where it landed,
    and a scale receipt's net in pounds is its tons times 2000."""
    fields = sheet.load.fields()
    text = _check_shown_values(sheet, canvas, phrasing_v7.V7_AREA_PHRASES, phrasing_v7.V7_DESTINATION_PHRASES,
                               phrasing_v7.V7_MATERIAL_PHRASES)
    assert _v7_date_of(text["date"], NOVEL_DAY), text["date"]
    assert fields["truck_number"] == (text["truck"].split("/")[0] if "truck" in text else None)
    if sheet.vendor.form == "scale_receipt":
        assert fields["quantity_unit"] == "TONS" and text["quantity"] == f"{fields['quantity']:.2f}"
        assert f"{round(fields['quantity'] * 2000):,} lb" in canvas.words
    elif fields["quantity"] is not None:
        shapes = phrasing_v7.V7_QUANTITY_FORMATS[fields["quantity_unit"]]
        assert text["quantity"] in {f.format(q=f"{fields['quantity']:g}") for f in shapes}, text["quantity"]


def test_v7_foot_line_manifests_are_handwritten_and_name_boxes_hold_only_the_truck(v7_sheets):
    for sheet in v7_sheets:
        if "manifest:foot_line" in sheet.traits:
            assert sheet.entries["manifest"].by_hand and "manifest_number" in sheet.handwritten()
        if "truck:name_box" in sheet.traits:
            assert sheet.vendor.role == "hauler" and sheet.entries["truck"].text == sheet.load.truck
            assert ("truck_number" in sheet.handwritten()) == sheet.entries["truck"].by_hand
        if "manifest:number_block" in sheet.traits:
            assert sheet.vendor.form != "caption_under"  # a carbon set's red number has no block to sit in


# The eighth round (v8): a hauler's dispatch ticket in job, load and truck blocks over a signature area, a gate ticket
# of labels white on dark bands, a dispatcher's wording and numbered labels, the truck number on its kind of truck's
# line or beside the driver's signature, the manifest under the signatures or across the top margin, a time clock
# stamp, and a sticky note, a letter fold's shadows or a steep phone photo on the way to the scanner.
@pytest.fixture(scope="module")
def v8_sheets(tmp_path_factory) -> list:
    return _round_sheets(tmp_path_factory, "v8", 200)


def test_v8_draws_every_layout_register_and_spot(v8_sheets):
    _assert_every_layout_and_register(v8_sheets, "v8", V8_FORMS, wording_v8.V8_REGISTERS)
    assert _trait_values(v8_sheets, "truck") == set(V8_TRUCK_SPOTS)
    assert _trait_values(v8_sheets, "manifest") == set(V8_MANIFEST_SPOTS)
    assert _trait_values(v8_sheets, "stamp") == {"time_clock"}


def _v8_date_of(text: str, day: date) -> bool:
    names = {"m": day.month, "d": day.day, "y": day.year, "yy": day.year % 100, "th": "th",
             "Mon": phrasing_v3.MONTH_NAMES[day.month - 1], "MON": phrasing.MONTHS[day.month - 1],
             "Dow": phrasing_v3.WEEKDAYS[day.weekday()]}
    return text in {shape.format(**names) for shape in phrasing_v8.V8_DATE_FORMATS.values()}


def _check_v8_page(sheet, canvas) -> None:
    """Every truth value of a v8 page stands on it as the truth says, each drawn value is marked where it landed,
    and a numbered form numbers its labels in print order."""
    fields = sheet.load.fields()
    text = _check_shown_values(sheet, canvas, phrasing_v8.V8_AREA_PHRASES, phrasing_v8.V8_DESTINATION_PHRASES,
                               phrasing_v8.V8_MATERIAL_PHRASES)
    assert _v8_date_of(text["date"], NOVEL_DAY) and fields["truck_number"] == text.get("truck"), text
    assert fields["quantity"] is None or _v8_amount_of(text["quantity"], fields), text["quantity"]
    if "labels:numbered" in sheet.traits:
        numbers = [int(sheet.vendor.labels[key].split(".")[0]) for key in sheet.vendor.rows[0]]
        assert numbers == list(range(1, len(numbers) + 1)), sheet.vendor.labels


def _v8_amount_of(text: str, fields: dict) -> bool:
    """Whether `text` writes the truth's amount in a v8 unit shape, as short as it goes or (weighed) to the
    hundredth."""
    numbers = {f"{fields['quantity']:g}", f"{fields['quantity']:.2f}"}
    return text in {shape.format(q=q) for shape in phrasing_v8.V8_QUANTITY_FORMATS[fields["quantity_unit"]]
                    for q in numbers}


def test_v8_values_moved_out_of_their_field_are_handwritten_and_their_field_left_blank(v8_sheets):
    for n, sheet in enumerate(v8_sheets[:80]):
        moved = {t.split(":")[0] for t in sheet.traits if t in ("truck:sign_block", "truck:type_row",
                                                               "manifest:sign_block", "manifest:top_margin")}
        for key in moved:
            assert sheet.entries[key].by_hand and {"truck": "truck_number", "manifest": "manifest_number"}[key] in \
                sheet.handwritten()
        canvas = draw_ticket(sheet, DPI, random.Random(n))
        for key in moved:  # drawn once, away from its field, which still carries its label
            assert sheet.entries[key].text in canvas.words
            assert [k for k, _ in canvas.regions].count(f"value:{key}") == 1
            assert f"label:{key}" in {k for k, _ in canvas.regions}
        if "truck:type_row" in sheet.traits:
            assert sheet.vendor.role == "hauler" and set(wording_v8.TRUCK_TYPES) <= set(canvas.words)


def test_v8_pages_meet_the_eighth_rounds_mishaps_only():
    rng = random.Random(SEED)
    for kind in ("scan", "image"):
        looks = [choose_look(rng, kind, "v8") for _ in range(200)]
        assert {look.mishap for look in looks} == {None, *V8_MISHAPS[kind]}
        assert all(KEYSTONE[0] <= look.tilt <= KEYSTONE[1] and look.scale == 1.0
                   for look in looks if look.mishap == "keystone")


def test_a_sticky_note_never_covers_the_number_the_header_or_a_truth_value(v8_sheets):
    needed = {"ticket", "header"} | {f"{kind}:{key}" for kind in ("label", "value") for key in TRUTH_FIELD}
    for n, sheet in enumerate(v8_sheets[:30]):
        canvas = draw_ticket(sheet, DPI, random.Random(n))
        before = canvas.image.copy()
        after = sticky_note(canvas, random.Random(n))
        assert after is not None, n
        assert after.tobytes() != before.tobytes()
        for key, box in canvas.regions:
            if key in needed:
                assert after.crop(box).tobytes() == before.crop(box).tobytes(), (n, key)


# What the fifth to eighth rounds share: a seed pins their sheets and pixels, the command draws one round alone, and
# (sixth and seventh) their wordings are new, their manifests log cleanly and their pages print the truth.
ROUND_WORDINGS = {
    "v6": (*wording_v6.V6_REGISTERS.values(), phrasing_v6.V6_AREA_PHRASES, phrasing_v6.V6_DESTINATION_PHRASES,
           phrasing_v6.V6_MATERIAL_PHRASES),
    "v7": (*wording_v7.V7_REGISTERS.values(), phrasing_v7.V7_AREA_PHRASES, phrasing_v7.V7_DESTINATION_PHRASES,
           phrasing_v7.V7_MATERIAL_PHRASES),
    "v8": (*wording_v8.V8_REGISTERS.values(), phrasing_v8.V8_AREA_PHRASES, phrasing_v8.V8_DESTINATION_PHRASES,
           phrasing_v8.V8_MATERIAL_PHRASES),
}
ROUND_SHAPES = {"base": phrasing.MANIFEST_SHAPES, "v2": phrasing.NEW_MANIFEST_SHAPES,
                "v3": phrasing_v3.V3_MANIFEST_SHAPES, "v4": phrasing_v4.V4_MANIFEST_SHAPES,
                "v5": phrasing_v5.V5_MANIFEST_SHAPES, "v6": phrasing_v6.V6_MANIFEST_SHAPES,
                "v7": phrasing_v7.V7_MANIFEST_SHAPES, "v8": phrasing_v8.V8_MANIFEST_SHAPES}
ROUND_DATES = {"base": phrasing.DATE_FORMATS, "v3": phrasing_v3.V3_DATE_FORMATS, "v4": phrasing_v4.V4_DATE_FORMATS,
               "v5": phrasing_v5.V5_DATE_FORMATS, "v6": phrasing_v6.V6_DATE_FORMATS, "v7": phrasing_v7.V7_DATE_FORMATS,
               "v8": phrasing_v8.V8_DATE_FORMATS}
ROUND_UNITS = {"v3": phrasing_v3.V3_QUANTITY_FORMATS, "v4": phrasing_v4.V4_QUANTITY_FORMATS,
               "v5": phrasing_v5.V5_QUANTITY_FORMATS, "v6": phrasing_v6.V6_QUANTITY_FORMATS,
               "v7": phrasing_v7.V7_QUANTITY_FORMATS, "v8": phrasing_v8.V8_QUANTITY_FORMATS}
PAGE_CHECKS = {"v6": _check_v6_page, "v7": _check_v7_page, "v8": _check_v8_page}


def _before(table: dict, name: str) -> set[str]:
    """Every shape the rounds before `name` hold in `table` (one entry a round, in round order)."""
    rounds = list(table)
    return {shape for earlier in rounds[:rounds.index(name)] for shape in _flat(table[earlier].values())}


def _flat(values) -> set[str]:
    return {text for value in values for text in ((value,) if isinstance(value, str) else value)}


@pytest.mark.parametrize("name", ["v6", "v7", "v8"])
def test_a_rounds_wordings_dates_units_and_manifest_shapes_repeat_no_earlier_round(name):
    earlier = list(ROUND_WORDINGS)[:list(ROUND_WORDINGS).index(name)]
    older = _v6_older_spellings() | {t.casefold() for round_name in earlier for table in ROUND_WORDINGS[round_name]
                                     for texts in table.values() for t in texts}
    for table in ROUND_WORDINGS[name]:
        for texts in table.values():
            assert not {t.casefold() for t in texts} & older, texts
    for table in (ROUND_SHAPES, ROUND_DATES, ROUND_UNITS):
        assert not _flat(table[name].values()) & _before(table, name), name


@pytest.mark.parametrize("name", ["v6", "v7", "v8"])
def test_a_rounds_manifest_shapes_log_as_letters_digits_and_dashes(name, request):
    sheets = request.getfixturevalue(f"{name}_sheets")
    manifests = [s.load.manifest for s in sheets if s.load.manifest]
    assert manifests and all(re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)*", m) and 8 <= len(m) <= 20 for m in manifests)
    assert {manifest_truth(s.entries["manifest"].text) for s in sheets if s.load.manifest} <= set(manifests)


@pytest.mark.parametrize("name", ["v6", "v7", "v8"])
def test_each_page_of_a_round_prints_its_truth_values(name, request):
    for n, sheet in enumerate(request.getfixturevalue(f"{name}_sheets")[:60]):
        canvas = draw_ticket(sheet, DPI, random.Random(n))
        PAGE_CHECKS[name](sheet, canvas)
        width, height = canvas.image.size
        assert all(0 <= b[0] and 0 <= b[1] and b[2] <= width and b[3] <= height for _, b in canvas.regions), n


@pytest.mark.parametrize("name", ["v5", "v6", "v7", "v8"])
def test_a_round_gives_the_same_sheets_and_pixels_from_the_same_seed(name, request, tmp_path):
    again = DayWriter(tmp_path, random.Random(SEED), DPI)
    for n, sheet in enumerate(request.getfixturevalue(f"{name}_sheets")[:6]):
        twin = again._sheet(NOVEL_DAY, name)
        assert twin == sheet
        one, two = draw_ticket(sheet, 40, random.Random(n)), draw_ticket(twin, 40, random.Random(n))
        assert one.image.tobytes() == two.image.tobytes()


@pytest.mark.parametrize("name", ["v5", "v6", "v7", "v8"])
def test_the_command_draws_only_one_rounds_pages_when_asked(name, tmp_path):
    """Every page in the round, each file holding the pages its truth lists, and only fields with a value listed
    as handwritten."""
    main([str(tmp_path), "--days", "1", "--pages", "4", "--seed", "2", "--dpi", "50", "--only", name])
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == 4 and all(e["variant"] == name and any(t.startswith("layout:") for t in e["traits"])
                                   for e in truth)
    pages = Counter(t["file"] for t in truth)
    assert {f: _page_count(tmp_path / f) for f in pages} == dict(pages)
    for entry in truth:
        assert set(entry["handwritten"]) <= {k for k, v in entry["fields"].items() if v is not None}, entry
