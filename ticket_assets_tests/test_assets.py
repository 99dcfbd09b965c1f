"""The five assets materialized for a generated day: real instance, real RapidOCR, real DuckDB."""

import csv
import shutil
import json
import time
from collections import Counter

import pytest
from dagster import DagsterEventType, DagsterInstance, materialize
from openpyxl import load_workbook

from ticket_assets.defs.assets import extracted_tickets, read_pages, tracking_export
from ticket_assets.defs.partitions import date_folders
from ticket_assets.defs.resources import TicketsConfig

from .conftest import SAMPLE_DAYS, make_home

ASSETS = [read_pages, extracted_tickets, tracking_export]
DAY = SAMPLE_DAYS[0].isoformat()


@pytest.fixture(scope="module")
def run_twice(sample_inbox, tmp_path_factory):
    home = make_home(tmp_path_factory.mktemp("home"))
    resource = TicketsConfig(inbox=str(sample_inbox), home=str(home))
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(date_folders.name, [DAY])
        first = materialize(ASSETS, partition_key=DAY, resources={"tickets": resource}, instance=instance)
        rows_after_first = resource.warehouse().day_tickets(DAY)
        reports_after_first = _report_files(resource)
        time.sleep(2)  # the zip format's dates count in 2 seconds: a rewritten workbook would differ
        second = materialize(ASSETS, partition_key=DAY, resources={"tickets": resource}, instance=instance)
    return first, second, rows_after_first, resource, reports_after_first


def _report_files(resource: TicketsConfig) -> dict[str, tuple[bytes, int]]:
    """Every report file of the day's and the job's folders: its bytes and modification time."""
    exports = resource.settings().exports_dir
    return {f"{folder}/{path.name}": (path.read_bytes(), path.stat().st_mtime_ns)
            for folder in (DAY, "job_24-105") for path in sorted((exports / folder).iterdir())}


def _truth(inbox, day):
    return [entry for entry in json.loads((inbox / "truth.json").read_text()) if entry["file"].startswith(day)]


def test_every_page_yields_one_record_and_bad_files_are_in_review(run_twice, sample_inbox):
    first, _, _, resource, _ = run_twice
    assert first.success
    truth = _truth(sample_inbox, DAY)
    pages = {(t["file"], t["page"]) for t in truth if t["kind"] != "bad"}
    rows = resource.warehouse().day_tickets(DAY)
    assert {(r["file_path"], r["page_number"]) for r in rows} == pages
    bad = {t["file"] for t in truth if t["kind"] == "bad"}
    unreadable = {r["file_path"] for r in resource.warehouse().day_reviews(DAY) if r["reason"] == "UNREADABLE_FILE"}
    assert bad and bad <= unreadable


def test_asset_checks_pass(run_twice):
    evaluations = run_twice[0].get_asset_check_evaluations()
    assert {e.check_name for e in evaluations} == {"every_page_accounted_for", "manifest_recall", "duplicates_linked"}
    assert all(e.passed for e in evaluations)


def test_rerun_replaces_rows_and_never_doubles(run_twice):
    first, second, rows_after_first, resource, _ = run_twice
    assert second.success
    rows = resource.warehouse().day_tickets(DAY)
    assert sorted(r["page_id"] for r in rows) == sorted(r["page_id"] for r in rows_after_first)
    assert {r["run_id"] for r in rows} == {second.run_id}
    assert [r["run_id"] for r in resource.warehouse().runs(DAY)] == [first.run_id, second.run_id]


def test_regression_a_rerun_of_an_unchanged_day_leaves_every_report_file_as_it_was(run_twice):
    """Trial: every run rewrote tracking_export.xlsx (only the times openpyxl stamps in it differed), so whoever
    syncs the reports saw a change each time; the CSVs must stay byte for byte too."""
    resource, before = run_twice[3], run_twice[4]
    after = _report_files(resource)
    assert len(before) == 10 and after.keys() == before.keys()
    assert [name for name in before if after[name] != before[name]] == []


def test_printed_ticket_numbers_and_vendors_are_mostly_read(run_twice, sample_inbox):
    """Not the accuracy target (that is the benchmark's): a floor that catches a broken stage."""
    truth = {(t["file"], t["page"]): t["fields"] for t in _truth(sample_inbox, DAY) if t["kind"] != "bad"}
    rows = run_twice[3].warehouse().day_tickets(DAY)
    numbers = Counter(r["ticket_number"] == truth[(r["file_path"], r["page_number"])]["ticket_number"] for r in rows)
    vendors = Counter(r["vendor"] == truth[(r["file_path"], r["page_number"])]["vendor"] for r in rows)
    assert numbers[True] >= 0.6 * len(rows) and vendors[True] >= 0.6 * len(rows)


def test_exports_are_written_and_readable(run_twice):
    resource = run_twice[3]
    folder = resource.settings().exports_dir / DAY
    workbook = load_workbook(folder / "tracking_export.xlsx")
    assert workbook.sheetnames == ["All Daily", "Class2_Daily", "Non Contaminated", "Spoils", "Import",
                                  "Daily Loads Chart"]
    assert [c.value for c in workbook["All Daily"][1]][:4] == ["Date", "Day", "Job Week", "Job Month"]
    with (folder / "invoice_match.csv").open() as handle:
        header = next(csv.reader(handle, delimiter="|"))
    assert header == ["ticket_number", "vendor", "date", "material", "quantity", "units", "truck_number", "file_ref"]
    with (folder / "review_queue.csv").open() as handle:
        reviews = list(csv.DictReader(handle))
    assert len(reviews) == len(resource.warehouse().day_reviews(DAY))
    with (folder / "manifest_log.csv").open() as handle:
        assert next(csv.reader(handle))[:2] == ["ticket_number", "manifest_number"]


def test_job_wide_reports_are_refreshed_beside_the_day(run_twice):
    resource = run_twice[3]
    workbook = load_workbook(resource.settings().exports_dir / "job_24-105" / "tracking_export.xlsx")
    days = [row[0].date().isoformat() for row in workbook["All Daily"].iter_rows(min_row=2, values_only=True)
            if row[0] is not None and hasattr(row[0], "date")]
    assert DAY in days


def test_the_ui_s_buttons_run_a_day_as_process_day_does():
    """Materialize and asset backfills run Dagster's implicit asset job, which cannot be renamed: it gets the
    same executor (forkserver, preloaded) and steps; retries and pools are on the assets, so shared anyway."""
    from ticket_assets.definitions import defs, process_day_job
    from ticket_assets.defs.process_day import day_executor

    implicit, process_day = defs.resolve_implicit_global_asset_job_def(), process_day_job()
    assert implicit.executor_def is process_day.executor_def is day_executor
    assert {node.name for node in implicit.graph.nodes} == {node.name for node in process_day.graph.nodes}


def test_a_day_whose_folder_is_gone_fails_at_once_and_says_which_day_and_why(sample_inbox, tmp_path):
    """The run's failure shows the day and the reason first, not Dagster's wrapping of it, and is not retried."""
    gone = "2024-10-19"
    resource = TicketsConfig(inbox=str(sample_inbox), home=str(make_home(tmp_path / "home")))
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(date_folders.name, [gone])
        result = materialize(ASSETS, partition_key=gone, resources={"tickets": resource}, instance=instance,
                             raise_on_error=False)
    [failure] = [e for e in result.all_events if e.event_type == DagsterEventType.RUN_FAILURE]
    error = failure.event_specific_data.error
    assert error.message.startswith(f"dagster._core.definitions.events.Failure: {gone}: date folder ")
    assert str(sample_inbox / gone) in error.message and "does not exist" in error.message
    assert error.cause is None
    assert not [e for e in result.all_events if e.event_type == DagsterEventType.STEP_UP_FOR_RETRY]


def test_a_warehouse_that_cannot_be_read_fails_the_day_with_the_way_back_and_no_retries(run_twice, tmp_path):
    resource = run_twice[3]
    home = tmp_path / "home"
    shutil.copytree(resource.home, home, symlinks=True)
    (home / "warehouse.duckdb").write_bytes(b"half a file, as a full disk leaves it")
    damaged = TicketsConfig(inbox=resource.inbox, home=str(home))
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(date_folders.name, [DAY])
        result = materialize(ASSETS, partition_key=DAY, resources={"tickets": damaged}, instance=instance,
                             raise_on_error=False)
    [failure] = [e for e in result.all_events if e.event_type == DagsterEventType.STEP_FAILURE]
    message = failure.event_specific_data.error.message
    assert f"{DAY}: the warehouse {home / 'warehouse.duckdb'} cannot be read" in message and "tickets rebuild" in message
    assert not [e for e in result.all_events if e.event_type == DagsterEventType.STEP_UP_FOR_RETRY]
