"""A vendor no template knows: its page goes to review with the header's name, and one command adds it."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from ticket_assets.store.warehouse import Warehouse

from .conftest import make_home
from .test_fault_scenarios import _ok, _refused, _tickets

DAY = "2024-10-17"
PAGE_ID = f"{DAY}/eticket_0900.pdf-p1"
LINES = [  # (text, x, y, font size): a born-digital ticket of a hauler the project has never seen
    ("BLUEBONNET HAULING", 40, 60, 22), ("TICKET NO. 552211", 400, 50, 11), ("1200 Elm St, Denton TX 76201", 40, 85, 9),
    ("DATE: 10/17/2024", 40, 130, 11), ("CUSTOMER: Lindamood Demolition", 40, 150, 11),
    ("MATERIAL: Flex Base", 40, 180, 11), ("QTY: 14 CY", 40, 200, 11), ("TRUCK # 77", 300, 200, 11),
]


def _write_ticket(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with pymupdf.open() as doc:
        page = doc.new_page(width=612, height=396)
        for text, x, y, size in LINES:
            page.insert_text((x, y), text, fontsize=size)
        doc.save(path)


@pytest.fixture(scope="module")
def new_vendor_day(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("new_vendor_inbox")
    _write_ticket(inbox / DAY / "eticket_0900.pdf")
    home = make_home(tmp_path_factory.mktemp("new_vendor_home"))
    _ok(_tickets(home, "process", str(inbox)))
    return inbox, home


def _warehouse(home: Path) -> Warehouse:
    return Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}")


def test_an_unknown_vendor_is_in_review_with_its_header_and_its_number_is_read(new_vendor_day):
    _, home = new_vendor_day
    [record] = _warehouse(home).day_tickets(DAY)
    assert record["vendor"] is None and record["ticket_number"] == "552211"
    [item] = [r for r in _warehouse(home).day_reviews(DAY) if r["reason"] == "UNKNOWN_VENDOR"]
    assert item["severity"] == "CRITICAL" and item["suggested_fixes"]["vendor"] == "BLUEBONNET_HAULING"
    detail = item["detected_fields"]["detail"]
    assert "BLUEBONNET HAULING" in detail and f"tickets vendor add {PAGE_ID}" in detail


def test_adding_the_vendor_from_its_page_reads_the_day_again_with_it(new_vendor_day):
    inbox, home = new_vendor_day
    _refused(_tickets(home, "vendor", "add", PAGE_ID, "bluebonnet", "--inbox", str(inbox)), "capitals")
    _refused(_tickets(home, "vendor", "add", f"{DAY}/nothing.pdf-p1", "BLUEBONNET", "--inbox", str(inbox)),
             "there is no page")
    _refused(_tickets(home, "vendor", "add", PAGE_ID, "ROBERTS", "--inbox", str(inbox)), "already has a template")
    _ok(_tickets(home, "vendor", "add", PAGE_ID, "BLUEBONNET", "--inbox", str(inbox)))
    assert (home / "vendors" / "bluebonnet.yaml").is_file()
    [record] = _warehouse(home).day_tickets(DAY)
    assert (record["vendor"], record["ticket_number"], record["material"]) == ("BLUEBONNET", "552211", "FLEXBASE")
    assert not [r for r in _warehouse(home).open_reviews(DAY) if r["reason"] in ("UNKNOWN_VENDOR", "AMBIGUOUS_VENDOR")]
    _refused(_tickets(home, "vendor", "add", PAGE_ID, "BLUEBONNET", "--inbox", str(inbox)), "already has a template")
    before = _without_run(_warehouse(home).day_tickets(DAY))
    _ok(_tickets(home, "process", str(inbox)))
    assert _without_run(_warehouse(home).day_tickets(DAY)) == before


def _without_run(records: list[dict]) -> list[dict]:
    return [{key: value for key, value in record.items() if key != "run_id"} for record in records]
