"""The reports, written side by side into one folder: for one day, for a whole job, or on demand.

The day and job folders under the exports folder belong to the platform and are
swapped in whole; a folder a person names on demand may hold their own files,
which are never touched: the reports are written beside them.
"""

from __future__ import annotations

import os
import shutil
import uuid
from datetime import date
from pathlib import Path

from ticket_assets.config import Job, Settings
from ticket_assets.errors import UserError
from ticket_assets.reports.csv_reports import (
    write_answered_reviews,
    write_invoice_match,
    write_manifest_log,
    write_review_queue,
)
from ticket_assets.reports.folders import FILE_NAMES
from ticket_assets.reports.workbook import same_workbook, write_tracking_workbook
from ticket_assets.faults import NO_FAULTS, FaultPlan
from ticket_assets.store.warehouse import Warehouse

VERSIONS = ".versions"  # beside the report folders: every set is written here, then swapped in


class ExportError(UserError):
    """Reports cannot be written where they were asked for."""


def write_reports(out_dir: Path, tickets: list[dict], review_rows: list[dict], job: Job,
                  faults: FaultPlan = NO_FAULTS) -> dict[str, Path]:
    """Write the reports as one set into out_dir, a folder the platform owns; return report name -> path.

    out_dir is a symbolic link to the folder of the latest complete set, swapped in one
    rename: a reader, or a run killed half-way, sees the old set or the new one, never a mix.
    """
    versions = out_dir.parent / VERSIONS
    staging = versions / f"{out_dir.name}.{uuid.uuid4().hex[:12]}"
    staging.mkdir(parents=True)
    _write_set(staging, tickets, review_rows, job, faults)
    _keep_unchanged_files(out_dir, staging)
    _swap_in(out_dir, staging)
    return {name: out_dir / file_name for name, file_name in FILE_NAMES.items()}


def export_reports(out_dir: Path, tickets: list[dict], review_rows: list[dict], job: Job) -> dict[str, Path]:
    """Write the reports into a folder a person chose, beside whatever else it holds (each file replaced whole)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(f"{out_dir} is a file, not a folder: name a folder to write the reports into")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        _write_set(out_dir, tickets, review_rows, job)
    except PermissionError as err:
        raise ExportError(f"cannot write the reports into {out_dir}: permission denied") from err
    return {name: out_dir / file_name for name, file_name in FILE_NAMES.items()}


def _write_set(folder: Path, tickets: list[dict], review_rows: list[dict], job: Job,
               faults: FaultPlan = NO_FAULTS) -> None:
    write_tracking_workbook(folder / FILE_NAMES["tracking_export"], tickets, job)
    faults.reach("export_write")  # half of the new set written, the old set still in place
    write_invoice_match(folder / FILE_NAMES["invoice_match"], tickets)
    write_manifest_log(folder / FILE_NAMES["manifest_log"], tickets)
    write_review_queue(folder / FILE_NAMES["review_queue"], review_rows)
    write_answered_reviews(folder / FILE_NAMES["answered_reviews"], review_rows)


def _keep_unchanged_files(out_dir: Path, staging: Path) -> None:
    """A report whose content is the set in place's keeps that file, bytes and modification time: a rerun of an
    unchanged day shows no change to whoever syncs or watches the reports."""
    for file_name in FILE_NAMES.values():
        old, new = out_dir / file_name, staging / file_name
        if old.is_file() and _same_report(old, new):
            shutil.copy2(old, new)


def _same_report(old: Path, new: Path) -> bool:
    if new.suffix == ".xlsx":
        return same_workbook(old, new)
    return old.read_bytes() == new.read_bytes()


def _swap_in(out_dir: Path, staging: Path) -> None:
    """Point out_dir at staging in one rename, then remove the sets nothing points at any more."""
    if out_dir.is_dir() and not out_dir.is_symlink():  # reports written before sets were swapped in
        out_dir.rename(staging.parent / f"{out_dir.name}.unversioned")
    link = out_dir.parent / f".{out_dir.name}.{staging.name}.link"
    link.symlink_to(staging.relative_to(out_dir.parent))
    os.replace(link, out_dir)
    for old in staging.parent.glob(f"{out_dir.name}.*"):
        if old != staging:
            shutil.rmtree(old, ignore_errors=True)


def write_job_reports(warehouse: Warehouse, job: Job, out_dir: Path, first_day: date | None = None,
                      last_day: date | None = None, writer=write_reports) -> dict[str, Path]:
    """The same reports for every processed day of a job (or the days first_day..last_day of it)."""
    first, last = (first_day or job.start).isoformat(), (last_day or job.end).isoformat()
    tickets = warehouse.job_tickets(job.code, first, last)
    pages = {ticket["page_id"] for ticket in tickets}
    reviews = [row for row in warehouse.reviews_between(first, last)  # a file no page came from belongs to no job
               if row["page_id"] in pages or row["page_number"] is None]
    return writer(out_dir, tickets, reviews, job)


def write_unknown_job_reports(warehouse: Warehouse, settings: Settings, out_dir: Path) -> dict[str, Path]:
    """The loads whose job code the configuration lacks, on the default job's calendar, until each is corrected;
    written once there is one, and emptied when the last is corrected."""
    tickets, reviews = unknown_job_loads(warehouse, settings)
    if not tickets and not out_dir.exists():
        return {}
    return write_reports(out_dir, tickets, reviews, settings.job(None))


def export_unknown_job_reports(warehouse: Warehouse, settings: Settings, out_dir: Path, code: str | None,
                               first_day: date | None = None, last_day: date | None = None) -> dict[str, Path]:
    """On demand, what exports/job_unknown holds (only the loads of `code`, when given), of the days
    first_day..last_day: written into out_dir beside what it holds, even when there is none."""
    tickets, reviews = unknown_job_loads(warehouse, settings, code, first_day, last_day)
    return export_reports(out_dir, tickets, reviews, settings.job(None))


def unknown_job_loads(warehouse: Warehouse, settings: Settings, code: str | None = None,
                      first_day: date | None = None, last_day: date | None = None) -> tuple[list[dict], list[dict]]:
    """The records whose job code the configuration lacks (only `code`'s, when given) and their review items."""
    first, last = (first_day or date.min).isoformat(), (last_day or date.max).isoformat()
    tickets = [ticket for ticket in warehouse.tickets_of_unknown_jobs([job.code for job in settings.jobs])
               if (code is None or ticket["job_code"] == code) and first <= ticket["partition_key"] <= last]
    pages = {ticket["page_id"] for ticket in tickets}
    days = sorted({ticket["partition_key"] for ticket in tickets})
    return tickets, [row for day in days for row in warehouse.day_reviews(day) if row["page_id"] in pages]
