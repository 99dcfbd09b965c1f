"""The reports a station offers for download: each day's and each job's set as the last run wrote them, with
the day's counts as `tickets ledger` shows them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ticket_assets import api
from ticket_assets.config import Settings
from ticket_assets.discover import parse_day
from ticket_assets.reports.folders import FILE_NAMES, JOB_PREFIX


@dataclass(frozen=True)
class DayReports:
    day: str
    run: dict  # the day's latest ledger row
    pending: str | None  # why its reports wait for a run, when they do
    files: tuple[str, ...]  # report files present


def days_with_reports(settings: Settings) -> list[DayReports]:
    """Every processed day, newest first, with its latest run's counts and the report files it has."""
    ledger = api.ledger(settings, None)
    latest = {row["partition_key"]: row for row in ledger.runs}  # the ledger lists a day's runs oldest first
    return [DayReports(day, run, ledger.pending.get(day), _present(settings.exports_dir / day))
            for day, run in sorted(latest.items(), reverse=True)]


def job_folders(settings: Settings) -> list[tuple[str, tuple[str, ...]]]:
    """The job-wide report folders (`job_24-105`, `job_unknown`) and their files."""
    if not settings.exports_dir.is_dir():
        return []
    return [(path.name, _present(path)) for path in sorted(settings.exports_dir.iterdir())
            if path.name.startswith(JOB_PREFIX) and path.is_dir()]


def report_file(settings: Settings, folder: str, name: str) -> Path | None:
    """A report of a day's or a job's folder; None for anything else (no path is built from what is sent
    beyond a checked day or job folder name and a report's own file name)."""
    if name not in FILE_NAMES.values():
        return None
    known = folder if parse_day(folder) else next((f for f, _ in job_folders(settings) if f == folder), None)
    path = settings.exports_dir / known / name if known else None
    return path if path and path.is_file() else None


def _present(folder: Path) -> tuple[str, ...]:
    return tuple(name for name in FILE_NAMES.values() if (folder / name).is_file())
