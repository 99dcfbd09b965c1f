"""The reports, written side by side into one folder: for one day, or for a whole job."""

from __future__ import annotations

import os
import shutil
import uuid
from datetime import date
from pathlib import Path

from ticket_assets.config import Job
from ticket_assets.export.csv_reports import write_invoice_match, write_manifest_log, write_review_queue
from ticket_assets.export.workbook import write_tracking_workbook
from ticket_assets.faults import fault_point
from ticket_assets.store.warehouse import Warehouse

VERSIONS = ".versions"  # beside the report folders: every set is written here, then swapped in
FILE_NAMES = {
    "tracking_export": "tracking_export.xlsx",
    "invoice_match": "invoice_match.csv",
    "manifest_log": "manifest_log.csv",
    "review_queue": "review_queue.csv",
}


def write_reports(out_dir: Path, tickets: list[dict], review_rows: list[dict], job: Job) -> dict[str, Path]:
    """Write the workbook and the three CSVs as one set into out_dir; return report name -> path.

    out_dir is a symbolic link to the folder of the latest complete set, swapped in one
    rename: a reader, or a run killed half-way, sees the old set or the new one, never a mix.
    """
    versions = out_dir.parent / VERSIONS
    staging = versions / f"{out_dir.name}.{uuid.uuid4().hex[:12]}"
    staging.mkdir(parents=True)
    write_tracking_workbook(staging / FILE_NAMES["tracking_export"], tickets, job)
    fault_point("export_write")  # half of the new set written, the old set still in place
    write_invoice_match(staging / FILE_NAMES["invoice_match"], tickets)
    write_manifest_log(staging / FILE_NAMES["manifest_log"], tickets)
    write_review_queue(staging / FILE_NAMES["review_queue"], review_rows)
    _swap_in(out_dir, staging)
    return {name: out_dir / file_name for name, file_name in FILE_NAMES.items()}


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


def write_job_reports(warehouse: Warehouse, job: Job, out_dir: Path,
                      first_day: date | None = None, last_day: date | None = None) -> dict[str, Path]:
    """The same reports for every processed day of a job (or the days first_day..last_day of it)."""
    first, last = (first_day or job.start).isoformat(), (last_day or job.end).isoformat()
    tickets = warehouse.job_tickets(job.code, first, last)
    return write_reports(out_dir, tickets, warehouse.reviews_between(first, last), job)


def job_reports_dir(exports_dir: Path, job: Job) -> Path:
    return exports_dir / f"job_{job.code}"
