"""Everything a day's records and reports are made from, as one digest: the day's folder, the configuration,
the vendor templates added on this installation, the code with its packaged templates, and any faults to
inject (a run with faults is a test: the next run without them runs again).

A day whose digest is the one its last run read, and whose records and reports that run left in place,
would come out the same: `tickets process` does not run it again (`--again` does). That is decided from the
warehouse's ledger alone, without Dagster: a rerun of unchanged days takes a second, not the four that
importing Dagster and opening its instance cost.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from ticket_assets.config import Settings
from ticket_assets.discover import folder_signature
from ticket_assets.reports.folders import UNKNOWN_JOBS_DIR, has_every_report, job_reports_dir
from ticket_assets.schema import RunStatus
from ticket_assets.store.warehouse import Warehouse

CODE = Path(__file__).resolve().parent  # the package: its modules, templates and configuration defaults
CODE_SUFFIXES = {".py", ".yaml", ".json"}


def day_inputs_digest(settings: Settings, day: str) -> str:
    """A digest that changes when anything the day's run reads changes."""
    configuration = {key: value for key, value in settings.snapshot().items() if key != "operator"}
    digest = hashlib.sha256()
    for part in (folder_signature(settings.inbox / day), json.dumps(configuration, sort_keys=True, default=str),
                 tree_signature(settings.vendors_dir), code_signature(), repr(settings.faults)):
        digest.update(f"{part}\n".encode())
    return digest.hexdigest()[:16]


def unchanged_days(settings: Settings, warehouse: Warehouse, days: list[str]) -> dict[str, str]:
    """Day -> run id, for the days whose last run in the ledger wrote its reports from the same inputs, whose
    reports (the day's, and its jobs') are all there, and which no answer or other day has marked pending."""
    pending = warehouse.pending()
    unchanged = {}
    for day in days:
        runs = warehouse.runs(day)  # oldest first; a run failed before it started last
        last = runs[-1] if runs else None
        if (last and last["status"] == RunStatus.EXPORTED.value and day not in pending
                and last["inputs"] == day_inputs_digest(settings, day)
                and all(has_every_report(folder) for folder in report_folders(settings, warehouse, day))):
            unchanged[day] = last["run_id"]
    return unchanged


def report_folders(settings: Settings, warehouse: Warehouse, day: str) -> list[Path]:
    """The folders a run of the day writes: its own, its jobs', and the unknown jobs' when it has such loads."""
    codes = warehouse.day_job_codes(day)
    folders = [settings.exports_dir / day, *(job_reports_dir(settings.exports_dir, job)
                                             for job in settings.jobs_of(codes))]
    if codes - {job.code for job in settings.jobs}:
        folders.append(settings.exports_dir / UNKNOWN_JOBS_DIR)
    return folders


@cache
def code_signature() -> str:
    """The package's signature, taken once: the code a process runs does not change under it."""
    return tree_signature(CODE)


def tree_signature(folder: Path) -> str:
    """The names, sizes and modification times of the code and data files under a folder (none: empty)."""
    digest = hashlib.sha256()
    files = sorted(path for path in folder.rglob("*") if path.suffix in CODE_SUFFIXES) if folder.is_dir() else []
    for path in files:
        stat = path.stat()
        digest.update(f"{path.relative_to(folder).as_posix()}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
