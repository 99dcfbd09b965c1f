"""PostgreSQL for the warehouse and the Dagster instance, on a real throwaway server.

The warehouse's own tests (test_warehouse.py) run here again against PostgreSQL: they
are imported below and pick up this module's `warehouse` fixture.
"""

from __future__ import annotations

import itertools
import threading
from datetime import datetime

import pytest

from ticket_assets.store.warehouse import Warehouse

from .test_warehouse import DAY, _review, _run, _ticket
from .test_warehouse import test_a_failed_write_leaves_the_previous_rows  # noqa: F401
from .test_warehouse import test_other_days_are_untouched_and_feed_the_duplicate_rule  # noqa: F401
from .test_warehouse import test_quantity_comes_back_exactly_as_read  # noqa: F401
from .test_warehouse import test_rerun_replaces_the_day_and_never_doubles  # noqa: F401
from .test_warehouse import test_review_items_found_again_keep_their_id  # noqa: F401

pytest_plugins = ["ticket_assets_tests.postgres_server"]

_database_numbers = itertools.count(1)


@pytest.fixture
def warehouse(postgres_server) -> Warehouse:
    """A warehouse in a new, empty PostgreSQL database."""
    return Warehouse.at(postgres_server.create_database(f"warehouse_{next(_database_numbers)}"))


def test_the_url_selects_postgresql(warehouse):
    assert warehouse.engine.dialect.name == "postgresql" and warehouse.engine.dialect.driver == "psycopg2"


def test_an_answer_outlives_the_rerun_and_resolves_the_item(warehouse):
    warehouse.replace_partition(DAY, [_ticket(f"{DAY}/a.pdf-p1", "55555")], [_review(f"{DAY}/a.pdf-p1")], [],
                                _run("run-1"))
    item = warehouse.day_reviews(DAY)[0]
    warehouse.save_answer(item, {"material": "DIRT"}, "Maria")
    warehouse.save_answer(item, {"truck_number": "8699"}, "Maria")
    assert warehouse.review_item(item["id"])["resolved"] and warehouse.open_reviews(DAY) == []
    warehouse.replace_partition(DAY, [_ticket(f"{DAY}/a.pdf-p1", "55555", "run-2")], [_review(f"{DAY}/a.pdf-p1")],
                                [], _run("run-2"))
    answer = warehouse.day_answers(DAY)[f"{DAY}/a.pdf-p1"]
    assert answer["corrections"] == {"material": "DIRT", "truck_number": "8699"}
    assert answer["resolved_reasons"] == ["UNREADABLE_FILE"] and answer["resolved_by"] == "Maria"
    assert [row["id"] for row in warehouse.day_reviews(DAY)] == [item["id"]]


def test_the_ledger_keeps_every_run_and_its_status(warehouse):
    warehouse.replace_partition(DAY, [], [], [], _run("run-1"))
    warehouse.replace_partition(DAY, [], [], [], {**_run("run-2"), "started_at": datetime(2024, 10, 17, 9)})
    warehouse.mark_run("run-2", "EXPORTED")
    runs = warehouse.runs(DAY)
    assert [(r["run_id"], r["status"]) for r in runs] == [("run-1", "EXTRACTED"), ("run-2", "EXPORTED")]
    assert runs[1]["finished_at"] is not None and runs[0]["config_snapshot"] == {"dpi": 200}


def test_writers_of_one_day_at_once_never_double_it(warehouse):
    """PostgreSQL admits many writers: each day's swap waits for the one before it."""
    errors = []

    def write(run_id: str) -> None:
        try:
            for attempt in range(5):
                reviews = [_review(f"{DAY}/bad{n}.pdf") for n in range(3)]
                warehouse.replace_partition(DAY, [_ticket(f"{DAY}/a.pdf-p1", "5", run_id)], reviews, [],
                                            _run(f"{run_id}-{attempt}"))
        except Exception as err:  # noqa: BLE001 - reported by the assertion below
            errors.append(err)

    writers = [threading.Thread(target=write, args=(f"run-{n}",)) for n in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert errors == []
    assert len(warehouse.day_tickets(DAY)) == 1 and len(warehouse.day_reviews(DAY)) == 3
    assert len(warehouse.runs(DAY)) == 20


def test_creating_the_tables_from_many_processes_at_once_is_safe(postgres_server):
    url = postgres_server.create_database("warehouse_created_at_once")
    errors = []

    def open_warehouse() -> None:
        try:
            Warehouse.at(url)
        except Exception as err:  # noqa: BLE001 - reported by the assertion below
            errors.append(err)

    openers = [threading.Thread(target=open_warehouse) for _ in range(4)]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join()
    assert errors == []
