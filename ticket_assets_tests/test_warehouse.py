"""The warehouse on a real DuckDB file: a day's rows are swapped whole, never doubled."""

from datetime import date, datetime

import pytest
from sqlalchemy import Column, Index, MetaData, Table, text
from sqlalchemy.exc import IntegrityError

from ticket_assets.store.models import processing_runs
from ticket_assets.store.warehouse import Warehouse

from .conftest import answer_entry

DAY = "2024-10-17"


def _ticket(page_id: str, number: str, run_id: str = "run-1", day: str = DAY) -> dict:
    return {
        "page_id": page_id, "partition_key": day, "file_path": page_id.rsplit("-p", 1)[0], "page_number": 1,
        "ticket_number": number, "ticket_date": date.fromisoformat(day), "vendor": "ROBERTS",
        "review_required": False, "file_hash": "f" * 64, "run_id": run_id, "provenance": {"vendor": {"source": "page"}},
    }


def _review(page_id: str, day: str = DAY) -> dict:
    return {"page_id": page_id, "partition_key": day, "file_path": page_id, "page_number": None,
            "reason": "UNREADABLE_FILE", "severity": "CRITICAL", "detected_fields": {"detail": "empty"},
            "suggested_fixes": {}, "created_at": datetime(2024, 10, 17, 8), "resolved": False}


def _run(run_id: str, day: str = DAY) -> dict:
    return {"run_id": run_id, "partition_key": day, "status": "EXTRACTED", "started_at": datetime(2024, 10, 17, 8),
            "config_snapshot": {"dpi": 200}, "processed_by": "test", "files": 2, "pages": 1, "tickets": 1}


@pytest.fixture
def warehouse(tmp_path) -> Warehouse:
    return Warehouse.at(f"duckdb:///{tmp_path / 'w' / 'warehouse.duckdb'}")


def test_rerun_replaces_the_day_and_never_doubles(warehouse):
    for run_id in ("run-1", "run-2"):
        warehouse.replace_partition(DAY, [_ticket(f"{DAY}/a.pdf-p1", "55555", run_id)], [_review(f"{DAY}/bad.pdf")],
                                    [], _run(run_id))
    assert [row["run_id"] for row in warehouse.day_tickets(DAY)] == ["run-2"]
    assert len(warehouse.day_reviews(DAY)) == 1
    assert [row["run_id"] for row in warehouse.runs(DAY)] == ["run-1", "run-2"]


def test_other_days_are_untouched_and_feed_the_duplicate_rule(warehouse):
    warehouse.replace_partition("2024-10-16", [_ticket("2024-10-16/a.pdf-p1", "55555", day="2024-10-16")], [], [],
                                _run("run-0", "2024-10-16"))
    warehouse.replace_partition(DAY, [_ticket(f"{DAY}/a.pdf-p1", "77777")], [], [], _run("run-1"))
    nearby = warehouse.nearby_tickets(DAY, (date(2024, 6, 1), date(2024, 10, 24)))
    assert [(t["page_id"], t["ticket_number"]) for t in nearby] == [("2024-10-16/a.pdf-p1", "55555")]
    assert len(warehouse.day_tickets("2024-10-16")) == 1


def test_regression_a_ticket_number_is_found_whatever_its_letters_case(warehouse):
    """Trial: `tickets audit wm-12345678` found nothing, while `--vendor roberts` worked in lower case."""
    warehouse.replace_partition(DAY, [_ticket(f"{DAY}/a.pdf-p1", "WM-12345678")], [], [], _run("run-1"))
    assert [row["page_id"] for row in warehouse.tickets_numbered(" wm-12345678")] == [f"{DAY}/a.pdf-p1"]


def test_a_failed_write_leaves_the_previous_rows(warehouse):
    warehouse.replace_partition(DAY, [_ticket(f"{DAY}/a.pdf-p1", "55555")], [], [], _run("run-1"))
    doubled = [_ticket(f"{DAY}/a.pdf-p1", "1"), _ticket(f"{DAY}/a.pdf-p1", "2")]  # same page twice: refused
    with pytest.raises(IntegrityError):
        warehouse.replace_partition(DAY, doubled, [], [], _run("run-2"))
    assert [row["ticket_number"] for row in warehouse.day_tickets(DAY)] == ["55555"]
    assert [row["run_id"] for row in warehouse.runs(DAY)] == ["run-1"]


def test_quantity_comes_back_exactly_as_read(warehouse):
    """Regression: a 4-byte FLOAT column turned 22.7 tons into 22.700000762939453."""
    ticket = {**_ticket(f"{DAY}/a.pdf-p1", "55555"), "quantity": 22.7, "confidence": 0.97}
    warehouse.replace_partition(DAY, [ticket], [], [], _run("run-1"))
    row = warehouse.day_tickets(DAY)[0]
    assert (row["quantity"], row["confidence"]) == (22.7, 0.97)


def test_review_items_found_again_keep_their_id(warehouse):
    warehouse.replace_partition(DAY, [], [_review(f"{DAY}/bad.pdf")], [], _run("run-1"))
    first = warehouse.day_reviews(DAY)[0]["id"]
    warehouse.replace_partition(DAY, [], [_review(f"{DAY}/other.pdf"), _review(f"{DAY}/bad.pdf")], [], _run("run-2"))
    ids = {row["file_path"]: row["id"] for row in warehouse.day_reviews(DAY)}
    assert ids[f"{DAY}/bad.pdf"] == first and ids[f"{DAY}/other.pdf"] != first


def _override(page_id: str, field_name: str | None) -> dict:
    return {**_review(page_id), "page_number": 1, "reason": "FILENAME_OVERRIDE", "severity": "INFO",
            "field_name": field_name}


def test_regression_two_items_of_one_reason_on_a_page_keep_distinct_ids_over_reruns(warehouse):
    """A structured filename overriding the vendor and the material of one page: two FILENAME_OVERRIDE items.
    The second run of the day failed with a primary key clash when both were given the first item's id."""
    page = f"{DAY}/24-105__{DAY}__IMPORT__ROCK__HEIDELBERG.pdf-p1"
    ids = []
    for run_id in ("run-1", "run-2", "run-3"):
        warehouse.replace_partition(DAY, [], [_override(page, "vendor"), _override(page, "material")], [],
                                    _run(run_id))
        ids.append({row["field_name"]: row["id"] for row in warehouse.day_reviews(DAY)})
    assert ids[0] == ids[1] == ids[2] and len(set(ids[0].values())) == 2


def test_regression_items_written_before_they_named_their_field_are_rerun(warehouse):
    """A warehouse of the old shape holds one FILENAME_OVERRIDE row of a page with no field: its id goes to one
    of the page's items, never to two."""
    page = f"{DAY}/24-105__{DAY}__IMPORT__ROCK__HEIDELBERG.pdf-p1"
    warehouse.replace_partition(DAY, [], [_override(page, None)], [], _run("run-1"))
    legacy = warehouse.day_reviews(DAY)[0]["id"]
    warehouse.replace_partition(DAY, [], [_override(page, "vendor"), _override(page, "material")], [], _run("run-2"))
    ids = sorted(row["id"] for row in warehouse.day_reviews(DAY))
    assert legacy in ids and len(set(ids)) == 2


def test_a_warehouse_from_before_a_new_column_gets_it(tmp_path):
    url = f"duckdb:///{tmp_path / 'old.duckdb'}"
    old_metadata = MetaData()
    Table("processing_runs", old_metadata,
          *(Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable)
            for c in processing_runs.columns if c.name != "failure"),
          Index("ix_old_partition", "partition_key"))
    old_metadata.create_all(Warehouse(url).engine)
    warehouse = Warehouse.at(url)
    warehouse.record_failure({"run_id": "r1", "partition_key": "2024-10-17", "status": "FAILED",
                              "started_at": None, "finished_at": datetime(2024, 10, 17, 9), "failure": "ocr_text: boom"})
    assert [(r["status"], r["failure"]) for r in warehouse.runs("2024-10-17")] == [("FAILED", "ocr_text: boom")]


def test_an_answer_marks_its_day_pending_until_the_day_runs_again(warehouse):
    """The run an answer starts can be interrupted (Ctrl-C, a closed window): the day must still be rerun."""
    warehouse.replace_partition(DAY, [], [_review(f"{DAY}/bad.pdf")], [], _run("run-1"))
    item = warehouse.day_reviews(DAY)[0]
    warehouse.save_answer(item, answer_entry(item, "Maria", {}, because="not a ticket"))
    assert "answered by Maria" in warehouse.pending()[DAY]
    warehouse.replace_partition(DAY, [], [_review(f"{DAY}/bad.pdf")], [], _run("run-2"))
    assert warehouse.pending() == {}


def test_answers_of_the_page_layout_are_kept_when_answers_become_per_item(tmp_path):
    """Before answers belonged to items, review_answers held one row per page: its values must survive."""
    url = f"duckdb:///{tmp_path / 'old.duckdb'}"
    warehouse = Warehouse.at(url)
    warehouse.replace_partition(DAY, [_ticket(f"{DAY}/a.pdf-p1", "55555")], [], [], _run("run-1"))
    with warehouse.engine.begin() as conn:
        conn.execute(text("DROP TABLE review_answers"))
        conn.execute(text("CREATE TABLE review_answers (page_id VARCHAR PRIMARY KEY, partition_key VARCHAR, "
                          "corrections JSON, resolved_reasons JSON, resolved_by VARCHAR, resolved_at TIMESTAMP)"))
        conn.execute(text(f"INSERT INTO review_answers VALUES ('{DAY}/a.pdf-p1', '{DAY}', '{{\"material\": \"DIRT\"}}', "
                          "'[\"MISSING_MATERIAL\"]', 'Maria', '2024-10-18 09:00:00')"))
    [answer] = Warehouse.at(url).day_answers(DAY)
    assert (answer["corrections"], answer["file_hash"], answer["page_number"], answer["resolved_by"]) == \
        ({"material": "DIRT"}, "f" * 64, 1, "Maria")
    assert answer["reason"] is None  # its values still apply; the items it closed are open again
    Warehouse.at(url)  # opened again: nothing to convert
    assert len(Warehouse.at(url).day_answers(DAY)) == 1


def _material_item(page_id: str, file_hash: str) -> dict:
    return {**_review(page_id), "page_number": 1, "reason": "MISSING_MATERIAL", "field_name": "material",
            "file_hash": file_hash}


def _day_with(warehouse: Warehouse, run_id: str, page_id: str, file_hash: str) -> dict:
    """The day as a run leaves it: one page holding `file_hash`, its material missing; returns its item."""
    ticket = {**_ticket(page_id, "55555", run_id), "file_hash": file_hash}
    warehouse.replace_partition(DAY, [ticket], [_material_item(page_id, file_hash)], [], _run(run_id))
    [item] = warehouse.day_reviews(DAY)
    return item


def test_regression_a_new_scan_under_an_old_name_is_a_new_item_without_the_old_answers(warehouse):
    """Trial: a.pdf scanned again over the old file (another ticket) kept the old page's item id, and with it the
    old answer (`review show`, the station's history): an answer given for another ticket, shown as this one's."""
    old = _day_with(warehouse, "run-1", f"{DAY}/a.pdf-p1", "a" * 64)
    warehouse.save_answer(old, answer_entry(old, "Maria", {"material": "DIRT"}))
    new = _day_with(warehouse, "run-2", f"{DAY}/a.pdf-p1", "b" * 64)
    assert new["id"] != old["id"] and warehouse.item_answers(new) == []
    assert [a["corrections"] for a in warehouse.day_answers(DAY)] == [{"material": "DIRT"}]  # kept, for the audit
    again = _day_with(warehouse, "run-3", f"{DAY}/a.pdf-p1", "b" * 64)
    assert again["id"] == new["id"]


def test_a_renamed_file_s_item_keeps_its_id_and_its_answers_once(warehouse):
    old = _day_with(warehouse, "run-1", f"{DAY}/a.pdf-p1", "a" * 64)
    warehouse.save_answer(old, answer_entry(old, "Maria", {"material": "DIRT"}))
    moved = _day_with(warehouse, "run-2", f"{DAY}/b.pdf-p1", "a" * 64)
    assert moved["id"] == old["id"]
    assert [a["corrections"] for a in warehouse.item_answers(moved)] == [{"material": "DIRT"}]


def test_an_answer_to_one_empty_file_is_not_another_empty_file_s(warehouse):
    """Every empty file has the same SHA-256: a whole file's answers stay at its name."""
    empty = "e" * 64
    items = [{**_review(f"{DAY}/{name}.pdf"), "file_hash": empty} for name in ("a", "b")]
    warehouse.replace_partition(DAY, [], items, [], _run("run-1"))
    first, second = warehouse.day_reviews(DAY)
    warehouse.save_answer(first, answer_entry(first, "Maria", {}, because="blank sheet"))
    assert len(warehouse.item_answers(first)) == 1 and warehouse.item_answers(second) == []
