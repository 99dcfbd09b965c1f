"""Where the platform writes its sets of reports under the exports folder, and the files a set holds.

Named here alone, in a module that imports nothing heavy: `tickets process` looks for a day's reports before
it decides whether to start Dagster (day_inputs.py), and the writers (sets.py) put them there.
"""

from __future__ import annotations

from pathlib import Path

from ticket_assets.config import Job

FILE_NAMES = {
    "tracking_export": "tracking_export.xlsx",
    "invoice_match": "invoice_match.csv",
    "manifest_log": "manifest_log.csv",
    "review_queue": "review_queue.csv",
    "answered_reviews": "answered_reviews.csv",
}
JOB_PREFIX = "job_"  # a job's folder: job_24-105
UNKNOWN_JOB = "unknown"  # what `tickets export --job` calls the loads whose job code the configuration lacks
UNKNOWN_JOBS_DIR = f"{JOB_PREFIX}{UNKNOWN_JOB}"  # their folder


def job_reports_dir(exports_dir: Path, job: Job) -> Path:
    """The folder of a job's reports over every processed day of it."""
    return exports_dir / f"{JOB_PREFIX}{job.code}"


def has_every_report(folder: Path) -> bool:
    """Whether the folder holds the whole set: every report a run writes there."""
    return all((folder / name).is_file() for name in FILE_NAMES.values())
