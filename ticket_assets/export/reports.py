"""The reports, written side by side into one folder: for one day, or for a whole job."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ticket_assets.config import Job
from ticket_assets.export.csv_reports import write_invoice_match, write_manifest_log, write_review_queue
from ticket_assets.export.workbook import write_tracking_workbook
from ticket_assets.store.warehouse import Warehouse

FILE_NAMES = {
    "tracking_export": "tracking_export.xlsx",
    "invoice_match": "invoice_match.csv",
    "manifest_log": "manifest_log.csv",
    "review_queue": "review_queue.csv",
}


def write_reports(out_dir: Path, tickets: list[dict], review_rows: list[dict], job: Job) -> dict[str, Path]:
    """Write the workbook and the three CSVs into out_dir; return report name -> path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {name: out_dir / file_name for name, file_name in FILE_NAMES.items()}
    write_tracking_workbook(paths["tracking_export"], tickets, job)
    write_invoice_match(paths["invoice_match"], tickets)
    write_manifest_log(paths["manifest_log"], tickets)
    write_review_queue(paths["review_queue"], review_rows)
    return paths


def write_job_reports(warehouse: Warehouse, job: Job, out_dir: Path,
                      first_day: date | None = None, last_day: date | None = None) -> dict[str, Path]:
    """The same reports for every processed day of a job (or the days first_day..last_day of it)."""
    first, last = (first_day or job.start).isoformat(), (last_day or job.end).isoformat()
    tickets = warehouse.job_tickets(job.code, first, last)
    return write_reports(out_dir, tickets, warehouse.reviews_between(first, last), job)


def job_reports_dir(exports_dir: Path, job: Job) -> Path:
    return exports_dir / f"job_{job.code}"
