"""PostgreSQL for the warehouse and the Dagster instance, on a real throwaway server.

The warehouse's own tests (test_warehouse.py) run here again against PostgreSQL: they
are imported below and pick up this module's `warehouse` fixture.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from dagster import AssetKey, AssetRecordsFilter, DagsterInstance, DagsterRunStatus, RunsFilter

from ticket_assets.store.warehouse import Warehouse

from .conftest import REPO, answer_entry, make_home
from .test_warehouse import DAY, _review, _run, _ticket
from .test_warehouse import test_a_failed_write_leaves_the_previous_rows  # noqa: F401
from .test_warehouse import test_other_days_are_untouched_and_feed_the_duplicate_rule  # noqa: F401
from .test_warehouse import test_quantity_comes_back_exactly_as_read  # noqa: F401
from .test_warehouse import test_rerun_replaces_the_day_and_never_doubles  # noqa: F401
from .test_warehouse import test_review_items_found_again_keep_their_id  # noqa: F401
from .test_warehouse import test_regression_two_items_of_one_reason_on_a_page_keep_distinct_ids_over_reruns  # noqa: F401,E501

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
    warehouse.save_answer(item, answer_entry(item, "Maria", {"material": "DIRT"}))
    warehouse.save_answer(item, answer_entry(item, "Maria", {"truck_number": "8699"}, because="checked"))
    assert warehouse.review_item(item["id"])["resolved"] and warehouse.open_reviews(DAY) == []
    warehouse.replace_partition(DAY, [_ticket(f"{DAY}/a.pdf-p1", "55555", "run-2")], [_review(f"{DAY}/a.pdf-p1")],
                                [], _run("run-2"))
    answers = warehouse.day_answers(DAY)
    assert [a["corrections"] for a in answers] == [{"material": "DIRT"}, {"truck_number": "8699"}]
    assert {(a["reason"], a["resolved_by"], a["page_id"]) for a in answers} == {
        ("UNREADABLE_FILE", "Maria", f"{DAY}/a.pdf-p1")}
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
    def write(run_id: str) -> None:
        for attempt in range(5):
            reviews = [_review(f"{DAY}/bad{n}.pdf") for n in range(3)]
            warehouse.replace_partition(DAY, [_ticket(f"{DAY}/a.pdf-p1", "5", run_id)], reviews, [],
                                        _run(f"{run_id}-{attempt}"))

    assert _errors_at_once(write, [f"run-{n}" for n in range(4)]) == []
    assert len(warehouse.day_tickets(DAY)) == 1 and len(warehouse.day_reviews(DAY)) == 3
    assert len(warehouse.runs(DAY)) == 20


def test_creating_the_tables_from_many_connections_at_once_is_safe(postgres_server):
    url = postgres_server.create_database("warehouse_created_at_once")
    assert _errors_at_once(Warehouse.at, [url] * 4) == []


def _errors_at_once(work, arguments: list) -> list[Exception]:
    """Run work(argument) for every argument in threads started together; the errors they raised."""
    errors = []

    def attempt(argument) -> None:
        try:
            work(argument)
        except Exception as err:  # noqa: BLE001 - returned to the test
            errors.append(err)

    threads = [threading.Thread(target=attempt, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


# --- One real day through Dagster, with the instance and the warehouse on PostgreSQL ---------------

INSTANCE_FILE = REPO / "deploy" / "postgres" / "dagster.yaml"
E2E_DAY = "2024-10-17"


@pytest.fixture(scope="module")
def small_inbox(tmp_path_factory) -> Path:
    """One day of three generated pages and the bad files."""
    from ticket_assets.synth import generate_inbox

    inbox = tmp_path_factory.mktemp("pg_inbox")
    generate_inbox(inbox, [date.fromisoformat(E2E_DAY)], pages_per_day=3, seed=11, dpi=100)
    return inbox


@pytest.fixture(scope="module")
def day_on_postgres(postgres_server, small_inbox, tmp_path_factory):
    """`tickets process` for the day, DAGSTER_HOME holding deploy/postgres/dagster.yaml, the warehouse on PostgreSQL."""
    home = make_home(tmp_path_factory.mktemp("pg_home"))
    dagster_home = home / "dagster"
    shutil.copyfile(INSTANCE_FILE, dagster_home / "dagster.yaml")
    instance_env = {"DAGSTER_PG_HOST": postgres_server.host, "DAGSTER_PG_PORT": str(postgres_server.port),
                    "DAGSTER_PG_DB": "dagster", "DAGSTER_PG_USER": postgres_server.user,
                    "DAGSTER_PG_PASSWORD": "unused-with-trust-auth"}
    postgres_server.create_database("dagster")
    warehouse_url = postgres_server.create_database("warehouse_e2e")
    env = {**os.environ, **instance_env, "DAGSTER_HOME": str(dagster_home), "TICKETS_WAREHOUSE_URL": warehouse_url}
    command = [sys.executable, "-m", "ticket_assets.cli", "--home", str(home), "process", str(small_inbox),
               "--date", E2E_DAY]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    return result, instance_env, dagster_home, Warehouse.at(warehouse_url)


def test_the_day_runs_with_instance_and_warehouse_on_postgresql(day_on_postgres):
    result, *_ = day_on_postgres
    assert result.returncode == 0, result.stderr[-3000:]
    assert "warehouse: postgresql+psycopg2://" in result.stdout


def test_every_page_has_its_row_and_the_bad_files_are_in_review(day_on_postgres, small_inbox):
    *_, warehouse = day_on_postgres
    truth = json.loads((small_inbox / "truth.json").read_text())
    pages = {(t["file"], t["page"]) for t in truth if t["kind"] != "bad"}
    assert {(row["file_path"], row["page_number"]) for row in warehouse.day_tickets(E2E_DAY)} == pages
    unreadable = {row["file_path"] for row in warehouse.day_reviews(E2E_DAY) if row["reason"] == "UNREADABLE_FILE"}
    assert {t["file"] for t in truth if t["kind"] == "bad"} <= unreadable


def test_the_instance_on_postgresql_holds_the_run_the_ledger_points_to(day_on_postgres, monkeypatch):
    _, instance_env, dagster_home, warehouse = day_on_postgres
    for key, value in instance_env.items():
        monkeypatch.setenv(key, value)
    with DagsterInstance.from_config(str(dagster_home)) as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        assert instance.get_concurrency_config().pool_config.default_pool_limit == 1
        runs = instance.get_run_records(RunsFilter(tags={"dagster/partition": E2E_DAY}))
        materialized = instance.fetch_materializations(
            AssetRecordsFilter(asset_key=AssetKey("tracking_export"), asset_partitions=[E2E_DAY]), limit=10)
    assert [record.dagster_run.status for record in runs] == [DagsterRunStatus.SUCCESS]
    run_id = runs[0].dagster_run.run_id
    assert [record.run_id for record in materialized.records] == [run_id]
    assert [(row["run_id"], row["status"]) for row in warehouse.runs(E2E_DAY)] == [(run_id, "EXPORTED")]
    assert {row["run_id"] for row in warehouse.day_tickets(E2E_DAY)} == {run_id}
