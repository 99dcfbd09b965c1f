"""What makes a day unchanged for `tickets process`: the digest of everything its run reads."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import datetime

import pytest

from ticket_assets.config import load_settings
from ticket_assets.day_inputs import day_inputs_digest, unchanged_days
from ticket_assets.faults import FaultPlan
from ticket_assets.schema import RunStatus
from ticket_assets.store.models import tickets
from ticket_assets.store.warehouse import Warehouse

from .conftest import make_home

DAY = "2024-10-17"
REPORT_FILES = ("tracking_export.xlsx", "invoice_match.csv", "manifest_log.csv", "review_queue.csv",
                "answered_reviews.csv")


def _settings(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / DAY).mkdir(parents=True, exist_ok=True)
    (inbox / DAY / "scan.pdf").write_bytes(b"%PDF-1.4 a scan")
    return load_settings(inbox, make_home(tmp_path / "home"), environ={})


def test_the_same_inputs_give_the_same_digest(tmp_path):
    settings = _settings(tmp_path)
    loaded_again = load_settings(settings.inbox, settings.home, environ={})
    assert day_inputs_digest(settings, DAY) == day_inputs_digest(loaded_again, DAY)


def test_a_changed_file_changes_the_digest(tmp_path):
    settings = _settings(tmp_path)
    before = day_inputs_digest(settings, DAY)
    scan = settings.inbox / DAY / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 another scan")
    os.utime(scan, ns=(1, 1))
    assert day_inputs_digest(settings, DAY) != before


def test_configuration_added_vendors_and_faults_change_the_digest(tmp_path):
    settings = _settings(tmp_path)
    digests = [day_inputs_digest(settings, DAY)]
    config = settings.home / "tickets.yaml"
    config.write_text(config.read_text().replace("dpi: 120", "dpi: 150"))
    settings = load_settings(settings.inbox, settings.home, environ={})
    digests.append(day_inputs_digest(settings, DAY))
    settings.vendors_dir.mkdir(parents=True)
    (settings.vendors_dir / "corpotech.yaml").write_text("vendor: CORPOTECH\n")
    digests.append(day_inputs_digest(settings, DAY))
    digests.append(day_inputs_digest(replace(settings, faults=FaultPlan(("warehouse_write",))), DAY))
    assert len(set(digests)) == 4


def _run(warehouse, run_id, status, inputs, started):
    warehouse.replace_partition(DAY, [], [], [], {"run_id": run_id, "partition_key": DAY, "status": status.value,
                                                  "started_at": datetime(2024, 10, 17, started), "inputs": inputs})


def _with_reports(settings):
    """The day's set of reports and its job's, as a run writes them (a day without loads counts for the default
    job)."""
    for folder in (DAY, "job_24-105"):
        (settings.exports_dir / folder).mkdir(parents=True, exist_ok=True)
        for name in REPORT_FILES:
            (settings.exports_dir / folder / name).write_text("")


def test_a_day_is_unchanged_when_its_last_run_wrote_its_reports_from_the_same_inputs(tmp_path):
    settings = _settings(tmp_path)
    warehouse = Warehouse.at(settings.warehouse_url)
    _run(warehouse, "first", RunStatus.EXPORTED, day_inputs_digest(settings, DAY), started=8)
    assert unchanged_days(settings, warehouse, [DAY]) == {}  # its reports are not there
    _with_reports(settings)
    assert unchanged_days(settings, warehouse, [DAY]) == {DAY: "first"}


def test_a_day_is_run_again_when_its_last_run_failed_read_other_inputs_or_it_is_pending(tmp_path):
    settings = _settings(tmp_path)
    _with_reports(settings)
    warehouse = Warehouse.at(settings.warehouse_url)
    _run(warehouse, "first", RunStatus.EXPORTED, day_inputs_digest(settings, DAY), started=8)
    _run(warehouse, "failed", RunStatus.FAILED, day_inputs_digest(settings, DAY), started=9)
    assert unchanged_days(settings, warehouse, [DAY]) == {}
    _run(warehouse, "other inputs", RunStatus.EXPORTED, "0123456789abcdef", started=10)
    assert unchanged_days(settings, warehouse, [DAY]) == {}
    _run(warehouse, "last", RunStatus.EXPORTED, day_inputs_digest(settings, DAY), started=11)
    assert unchanged_days(settings, warehouse, [DAY]) == {DAY: "last"}
    warehouse.request_rerun(DAY, "an answer was given")
    assert unchanged_days(settings, warehouse, [DAY]) == {}


@pytest.mark.parametrize("gone", ["job_24-105", "job_24-105/tracking_export.xlsx", f"{DAY}/tracking_export.xlsx"])
def test_regression_a_day_whose_job_reports_are_gone_is_not_unchanged(tmp_path, gone):
    """Second trial (D6): with exports/job_24-105 deleted, `tickets process DAY` said the day was unchanged and
    left the job's reports missing: only the day's own manifest log was looked for."""
    settings = _settings(tmp_path)
    warehouse = Warehouse.at(settings.warehouse_url)
    _run(warehouse, "first", RunStatus.EXPORTED, day_inputs_digest(settings, DAY), started=8)
    _with_reports(settings)
    assert unchanged_days(settings, warehouse, [DAY]) == {DAY: "first"}
    path = settings.exports_dir / gone
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    assert unchanged_days(settings, warehouse, [DAY]) == {}


def test_a_day_with_loads_of_an_unknown_job_needs_the_unknown_jobs_reports(tmp_path):
    settings = _settings(tmp_path)
    warehouse = Warehouse.at(settings.warehouse_url)
    load = {**{column.name: None for column in tickets.columns}, "page_id": f"{DAY}/scan.pdf-p1", "partition_key": DAY,
            "file_path": f"{DAY}/scan.pdf", "page_number": 1, "job_code": "99-999",  # a job not configured
            "review_required": True, "file_hash": "0" * 64, "run_id": "first"}
    warehouse.replace_partition(DAY, [load], [], [], {"run_id": "first", "partition_key": DAY,
                                                      "status": RunStatus.EXPORTED.value, "started_at": datetime.now(),
                                                      "inputs": day_inputs_digest(settings, DAY)})
    _with_reports(settings)
    assert unchanged_days(settings, warehouse, [DAY]) == {}
    for name in REPORT_FILES:
        (settings.exports_dir / "job_unknown").mkdir(exist_ok=True)
        (settings.exports_dir / "job_unknown" / name).write_text("")
    assert unchanged_days(settings, warehouse, [DAY]) == {DAY: "first"}
