"""The day's reports, written side by side into one folder."""

from __future__ import annotations

from pathlib import Path

from ticket_assets.config import Job
from ticket_assets.export.csv_reports import write_invoice_match, write_manifest_log, write_review_queue
from ticket_assets.export.workbook import write_tracking_workbook

FILE_NAMES = {
    "tracking_export": "tracking_export.xlsx",
    "invoice_match": "invoice_match.csv",
    "manifest_log": "manifest_log.csv",
    "review_queue": "review_queue.csv",
}


def write_day_reports(out_dir: Path, tickets: list[dict], review_rows: list[dict], job: Job) -> dict[str, Path]:
    """Write the workbook and the three CSVs into out_dir; return report name -> path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {name: out_dir / file_name for name, file_name in FILE_NAMES.items()}
    write_tracking_workbook(paths["tracking_export"], tickets, job)
    write_invoice_match(paths["invoice_match"], tickets)
    write_manifest_log(paths["manifest_log"], tickets)
    write_review_queue(paths["review_queue"], review_rows)
    return paths
