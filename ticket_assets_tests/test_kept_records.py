"""A record whose content left its day (the file overwritten by another scan, or gone) is kept for a person to
confirm; what its content was held for stays open on it. Plain Python over born-digital pages: the stages a
day's run calls, a real DuckDB warehouse, answers given as `tickets review resolve` gives them."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, datetime

import pytest

from ticket_assets import stages
from ticket_assets.api import answer_item
from ticket_assets.config import load_settings
from ticket_assets.reports.csv_reports import load_status
from ticket_assets.store.warehouse import Warehouse
from ticket_assets.synth.files import write_digital_pdf
from ticket_assets.synth.scenario import Catalog
from ticket_assets.synth.ticket import TicketMaker

from .conftest import make_home
from .etickets import CLASS_2_LOAD, DIRT_LOAD

DAY = "2024-10-17"
SCAN = "wm_scan.pdf"


def _write(path, load, seed: int, manifest: bool = True) -> None:
    ticket = TicketMaker(Catalog()).make(load, date.fromisoformat(DAY), random.Random(seed), by_hand=False)
    write_digital_pdf(path, [ticket if manifest else dataclasses.replace(ticket, manifest=None)])


@pytest.fixture
def day(tmp_path):
    folder = tmp_path / "inbox" / DAY
    folder.mkdir(parents=True)
    settings = load_settings(tmp_path / "inbox", make_home(tmp_path / "home"), environ={})
    return settings, Warehouse.at(settings.warehouse_url)


def _process(settings, warehouse, run: str) -> None:
    read = stages.read_pages(settings, DAY, lambda text: None)
    stages.extract_and_store(settings, warehouse, DAY, run, datetime.now(), read, now=datetime.now())


def _answer(settings, warehouse, reason: str, sets=(), decision=None) -> None:
    item = next(r for r in warehouse.day_reviews(DAY) if r["reason"] == reason and not r["resolved"])
    answer_item(settings, item["id"], list(sets), decision, None, "Maria", warehouse=warehouse)


def _open(warehouse) -> set[str]:
    return {r["reason"] for r in warehouse.day_reviews(DAY) if not r["resolved"] and r["severity"] != "INFO"}


@pytest.mark.parametrize("how", ["replaced", "vanished"])
def test_regression_confirming_a_kept_record_leaves_its_missing_manifest_open_until_it_is_given(day, how):
    """Trial: a contaminated load held for its missing manifest lost that item when its file was overwritten
    (or deleted); answering 'keep' then accepted it, without a manifest, into the invoice list and the manifest
    log."""
    settings, warehouse = day
    scan = settings.inbox / DAY / SCAN
    _write(scan, CLASS_2_LOAD, seed=3, manifest=False)
    _process(settings, warehouse, "run-1")
    assert "MISSING_MANIFEST" in _open(warehouse)

    if how == "replaced":
        _write(scan, DIRT_LOAD, seed=4)
    else:
        scan.unlink()
    _process(settings, warehouse, "run-2")
    kept = next(t for t in warehouse.day_tickets(DAY) if t["material"] == "CLASS_2_CONTAMINATED")
    assert kept["review_required"] and "MISSING_MANIFEST" in _open(warehouse)

    _answer(settings, warehouse, f"FILE_{how.upper()}", decision="keep")
    _process(settings, warehouse, "run-3")
    kept = next(t for t in warehouse.day_tickets(DAY) if t["material"] == "CLASS_2_CONTAMINATED")
    assert kept["review_required"] and _open(warehouse) >= {"MISSING_MANIFEST"}

    _answer(settings, warehouse, "MISSING_MANIFEST", sets=["manifest_number=WM-MAN-2024-123456"])
    _process(settings, warehouse, "run-4")
    kept = next(t for t in warehouse.day_tickets(DAY) if t["material"] == "CLASS_2_CONTAMINATED")
    assert not kept["review_required"] and kept["manifest_number"] == "WM-MAN-2024-123456"
    assert "MISSING_MANIFEST" not in _open(warehouse)
    before = _records(warehouse)
    _process(settings, warehouse, "run-5")
    assert _records(warehouse) == before  # a rerun changes nothing


def _records(warehouse) -> list[dict]:
    return [{k: v for k, v in t.items() if k != "run_id"} for t in warehouse.day_tickets(DAY)]


def test_regression_a_kept_records_manifest_log_status_names_only_the_items_still_open(day):
    """Second trial (D9a): after 'keep' on a replaced file's record, its manifest log line still said
    'in review (MISSING_MANIFEST,FILE_REPLACED)', naming the item just answered as if it were open."""
    settings, warehouse = day
    scan = settings.inbox / DAY / SCAN
    _write(scan, CLASS_2_LOAD, seed=3, manifest=False)
    _process(settings, warehouse, "run-1")
    _write(scan, DIRT_LOAD, seed=4)
    _process(settings, warehouse, "run-2")
    _answer(settings, warehouse, "FILE_REPLACED", decision="keep")
    _process(settings, warehouse, "run-3")
    kept = next(t for t in warehouse.day_tickets(DAY) if t["material"] == "CLASS_2_CONTAMINATED")
    assert load_status(kept).startswith("in review (MISSING_MANIFEST); FILE_REPLACED: keep (Maria")

    _answer(settings, warehouse, "MISSING_MANIFEST", sets=["manifest_number=WM-MAN-2024-123456"])
    _process(settings, warehouse, "run-4")
    kept = next(t for t in warehouse.day_tickets(DAY) if t["material"] == "CLASS_2_CONTAMINATED")
    status = load_status(kept)
    assert "in review" not in status and "MISSING_MANIFEST: set manifest_number=WM-MAN-2024-123456" in status


def test_regression_a_replaced_copys_duplicate_item_stays_on_its_kept_record(day):
    """Second trial (D8): a page held as a possible copy lost its DUPLICATE_TICKET item when its file was
    overwritten; its kept record stayed 'possible copy' (out of the counts) with nothing left to answer."""
    settings, warehouse = day
    original = TicketMaker(Catalog()).make(CLASS_2_LOAD, date.fromisoformat(DAY), random.Random(3), by_hand=False)
    write_digital_pdf(settings.inbox / DAY / "first.pdf", [original])
    copy = dataclasses.replace(original, truck="77", manifest="WM-MAN-2024-999999")  # its own manifest: one item
    write_digital_pdf(settings.inbox / DAY / SCAN, [copy])
    _process(settings, warehouse, "run-1")
    item = next(r for r in warehouse.day_reviews(DAY) if r["reason"] == "DUPLICATE_TICKET")

    _write(settings.inbox / DAY / SCAN, DIRT_LOAD, seed=4)
    _process(settings, warehouse, "run-2")
    _answer(settings, warehouse, "FILE_REPLACED", decision="keep")
    _process(settings, warehouse, "run-3")
    kept = next(t for t in warehouse.day_tickets(DAY) if "@" in t["page_id"])
    assert kept["copy_status"] == "suspected" and kept["review_required"]
    still = next(r for r in warehouse.day_reviews(DAY) if r["reason"] == "DUPLICATE_TICKET")
    assert (still["id"], still["page_id"], still["resolved"]) == (item["id"], kept["page_id"], False)

    _answer(settings, warehouse, "DUPLICATE_TICKET", decision="copy")
    _process(settings, warehouse, "run-4")
    kept = next(t for t in warehouse.day_tickets(DAY) if "@" in t["page_id"])
    assert kept["copy_status"] == "copy" and not kept["review_required"]
    assert "DUPLICATE_TICKET" not in _open(warehouse)


def test_regression_a_kept_record_gets_no_vanished_item_when_its_name_s_new_content_is_renamed(day):
    """Fourth trial (D7): a record kept after its file was overwritten got a FILE_VANISHED item once the new
    content was renamed: its own content had left the day already, and that was told by its FILE_REPLACED item."""
    settings, warehouse = day
    scan = settings.inbox / DAY / SCAN
    _write(scan, CLASS_2_LOAD, seed=3)
    _process(settings, warehouse, "run-1")
    _write(scan, DIRT_LOAD, seed=4)
    _process(settings, warehouse, "run-2")
    scan.rename(scan.with_name("renamed.pdf"))
    _process(settings, warehouse, "run-3")
    kept = [r for r in warehouse.day_reviews(DAY) if "@" in r["page_id"]]
    assert {r["reason"] for r in kept} == {"FILE_REPLACED"}
    assert len({t["page_id"] for t in warehouse.day_tickets(DAY)}) == 2
