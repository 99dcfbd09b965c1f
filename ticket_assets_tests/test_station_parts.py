"""The review station's rules without a server: the queue's order and counts, which pages a bulk answer
reaches, what a submitted form answers, and the login limit."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from starlette.datastructures import FormData

from ticket_assets.station.app import station_templates
from ticket_assets.station.auth import LoginThrottle
from ticket_assets.station.bulk import BulkScope, bulk_plan
from ticket_assets.station.item import FieldView, answer_sets, repeated_sets
from ticket_assets.station.queue import QueueFilter, queue_view

DAY = "2024-10-17"


def _row(review_id: int, severity: str, reason: str, hour: int, page: str = "a.pdf-p1", vendor: str = "ROBERTS",
         truck: str | None = "214", field: str | None = None, day: str = DAY) -> dict:
    return {"id": review_id, "page_id": f"{day}/{page}", "partition_key": day, "file_path": f"{day}/{page[:-3]}",
            "page_number": 1, "reason": reason, "field_name": field, "severity": severity,
            "created_at": datetime(2024, 10, 17, hour), "vendor": vendor, "truck_number": truck}


ROWS = [_row(1, "WARNING", "LOW_CONFIDENCE_OCR", 8), _row(2, "CRITICAL", "MISSING_MATERIAL", 10, vendor="TARANGO"),
        _row(3, "CRITICAL", "MISSING_MANIFEST", 9), _row(4, "INFO", "MISSING_SOURCE", 7),
        _row(5, "CRITICAL", "MISSING_MATERIAL", 9, day="2024-10-18")]


def test_the_oldest_critical_comes_first_and_info_notes_stand_apart():
    view = queue_view(ROWS, QueueFilter())
    assert [row["id"] for row in view.to_answer] == [3, 5, 2, 1]
    assert [row["id"] for row in view.notes] == [4]
    assert view.counts["severity"] == {"CRITICAL": 3, "WARNING": 1}
    assert view.counts["day"] == {DAY: 3, "2024-10-18": 1}


def test_filters_narrow_the_list_and_carry_to_the_items():
    chosen = QueueFilter.of({"day": DAY, "vendor": "ROBERTS"})
    assert [row["id"] for row in queue_view(ROWS, chosen).to_answer] == [3, 1]
    assert chosen.query(saved="item 3 answered") == "?day=2024-10-17&vendor=ROBERTS&saved=item+3+answered"


def test_a_view_without_the_answered_items_is_the_view_made_again():
    view = queue_view(ROWS, QueueFilter())
    closed = [row for row in ROWS if row["id"] in (3, 4)]
    assert view.without(closed) == queue_view([row for row in ROWS if row not in closed], QueueFilter())


def test_a_bulk_answer_reaches_the_other_open_pages_of_the_vendor_and_truck_that_it_would_change():
    rows = [_row(10, "CRITICAL", "MISSING_MATERIAL", 8, "t.pdf-p1", field="material"),
            _row(11, "CRITICAL", "MISSING_MATERIAL", 8, "t.pdf-p2", field="material"),
            _row(12, "WARNING", "LOW_CONFIDENCE_OCR", 8, "t.pdf-p3"),
            _row(13, "CRITICAL", "MISSING_TICKET_NUMBER", 8, "t.pdf-p4", field="ticket_number"),
            _row(14, "CRITICAL", "MISSING_MATERIAL", 8, "t.pdf-p5", truck="77", field="material"),
            _row(15, "CRITICAL", "MISSING_MATERIAL", 8, "t.pdf-p6", field="material"),
            _row(16, "INFO", "MISSING_SOURCE", 8, "t.pdf-p7")]
    records = {f"{DAY}/t.pdf-p{n}": {"material": "DIRT" if n == 6 else None} for n in range(1, 8)}
    plan = bulk_plan(rows, records, f"{DAY}/t.pdf-p1", BulkScope(DAY, "ROBERTS", "214"), "material", "DIRT")
    assert [page.item["id"] for page in plan.pages] == [11, 12]
    assert [page_id for page_id, _ in plan.left_out] == [f"{DAY}/t.pdf-p4"]
    every_truck = bulk_plan(rows, records, f"{DAY}/t.pdf-p1", BulkScope(DAY, "ROBERTS", None), "material", "DIRT")
    assert [page.item["id"] for page in every_truck.pages] == [11, 12, 14]


def _view(name: str, value: str, asked: bool = False) -> FieldView:
    return FieldView(name, value, None, None, (), asked)


def test_a_form_answers_the_field_asked_about_and_the_fields_changed_only():
    views = [_view("material", "CLASS_2_CONTAMINATED", asked=True), _view("truck_number", "214"),
             _view("source", "PIER_EX")]
    form = {"set_material": "CLASS_2_CONTAMINATED", "set_truck_number": "215", "set_source": "PIER_EX"}
    assert answer_sets(form, views, needs_value=True) == ["material=CLASS_2_CONTAMINATED", "truck_number=215"]
    assert answer_sets(form, views, needs_value=False) == ["truck_number=215"]
    assert answer_sets({**form, "set_source": ""}, views, needs_value=False) == ["truck_number=215", "source="]


def test_failed_logins_make_a_name_wait_but_not_the_rest_of_the_office():
    throttle = LoginThrottle(per_name=5, per_address=20, window=300)
    for _ in range(5):
        assert throttle.wait_seconds("10.0.0.5", "maria") == 0
        throttle.failed("10.0.0.5", "maria")
    assert 299 < throttle.wait_seconds("10.0.0.5", "maria") <= 300
    assert throttle.wait_seconds("10.0.0.5", "ana") == 0
    for _ in range(15):
        throttle.failed("10.0.0.5", "someone")
    assert throttle.wait_seconds("10.0.0.5", "ana") > 0


def test_regression_a_field_the_form_sent_twice_reaches_the_parser_with_both_values():
    form = FormData([("set_material", "DIRT"), ("set_material", "SPOILS"), ("set_truck_number", "12"),
                     ("because", "x")])
    assert repeated_sets(form) == ["material=DIRT", "material=SPOILS"]  # parse_corrections refuses the two


def test_regression_the_queue_tells_a_kept_record_s_item_from_the_new_content_s():
    """Fourth trial (D8): a kept record's item and the new content's item were listed on identical rows."""
    kept = {**_row(7, "WARNING", "FILE_REPLACED", 8), "page_id": f"{DAY}/a.pdf-p1@0123456789ab"}
    rows = [_row(6, "WARNING", "FILE_REPLACED", 8), kept]
    request = SimpleNamespace(query_params={})
    page = station_templates().env.get_template("queue.html").render(
        request=request, view=queue_view(rows, QueueFilter()), chosen=QueueFilter(), user=None, csrf="")
    assert page.count("(earlier content, kept: 0123456789ab)") == 1
