"""A day's stages as plain-Python calls, in the order a run takes them; each returns what it did.

    read_pages          files -> inventory, pages drawn and read (OCR or text layer)
    extract_and_store   pages -> one record per page and the review rows, written to the warehouse
    write_day_reports   warehouse -> the day's reports, and the job-wide ones it touches

The Dagster assets (defs/assets.py) only call these and wrap what comes back in
outputs, metadata and check results; a script or a test can run a day without Dagster.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path

from ticket_assets.config import Settings
from ticket_assets.discover import FileEntry, inventory_day
from ticket_assets.extract import invariants
from ticket_assets.extract.day import DayInput, DayRows, extract_day
from ticket_assets.extract.duplicates import nearby_dates, stale_days
from ticket_assets.extract.invariants import CheckOutcome
from ticket_assets.extract.reasons import Severity
from ticket_assets.extract.record import Vocabularies
from ticket_assets.ocr.base import OcrResult
from ticket_assets.ocr.reading import read_day
from ticket_assets.progress import progress_path, write_progress
from ticket_assets.render import PageImage, day_pages
from ticket_assets.reports.folders import UNKNOWN_JOBS_DIR, job_reports_dir
from ticket_assets.reports.sets import write_job_reports, write_reports, write_unknown_job_reports
from ticket_assets.schema import RunStatus
from ticket_assets.store.journal import AnswerJournal, bring_up_to_date
from ticket_assets.store.warehouse import Warehouse


@dataclass
class PagesRead:
    entries: list[FileEntry]  # every file of the day's folder, with its problem if it cannot be read
    pages: list[PageImage]  # every page, drawn into the page cache or carrying its own text
    results: dict[str, OcrResult]  # what was read on each page, by page id
    seconds: float  # spent reading


def read_pages(settings: Settings, day: str, log: Callable[[str], None]) -> PagesRead:
    """Take stock of the day's files and read every page, saying how far it got; raises FileNotFoundError for
    a missing folder and EngineUnavailable when the OCR engine cannot run here."""
    entries = inventory_day(settings.inbox, day)
    pages = day_pages(settings.inbox, entries, settings.cache_dir, settings.ocr.dpi)
    started = time.monotonic()
    results = read_day(pages, settings.ocr, on_done=_page_progress(settings, day, len(pages), log),
                       faults=settings.faults)
    return PagesRead(entries, pages, results, time.monotonic() - started)


def _page_progress(settings: Settings, day: str, total: int, log: Callable[[str], None]) -> Callable[[str], None]:
    """Called as each page is read: the progress file the CLI's bar polls, and a log line every 10 pages."""
    progress = progress_path(settings.home, day)
    done: list[str] = []

    def page_done(page_id: str) -> None:
        done.append(page_id)
        write_progress(progress, len(done), total)
        if len(done) % 10 == 0 or len(done) == total:
            log(f"read {len(done)}/{total} pages")

    write_progress(progress, 0, total)
    return page_done


@dataclass
class DayStored:
    rows: DayRows
    counts: dict[str, int]  # as the ledger keeps them
    checks: dict[str, CheckOutcome]  # the day's invariants, by check name


def extract_and_store(settings: Settings, warehouse: Warehouse, day: str, run_id: str, run_started: datetime,
                      read: PagesRead, now: datetime, inputs: str | None = None) -> DayStored:
    """One record per page and the review rows, written with the run's ledger row in one transaction; the
    answers table is first brought up to date with the answer journal. `inputs`: the digest of what the run
    read (day_inputs.py), kept in its ledger row."""
    with warehouse.kept_open():  # one opening of the file for the reads, not four
        bring_up_to_date(warehouse, AnswerJournal(settings.journal_path))
        day_input = DayInput(day, run_id, read.entries, read.pages, read.results,
                             warehouse.nearby_tickets(day, nearby_dates(date.fromisoformat(day))),
                             warehouse.day_answers(day), warehouse.day_tickets(day))
    known = Vocabularies.of(settings)
    rows = extract_day(day_input, settings, known, now=now)
    counts = day_counts(read.entries, rows)
    ledger_row = {"run_id": run_id, "partition_key": day, "status": RunStatus.EXTRACTED.value,
                  "started_at": run_started, "config_snapshot": settings.snapshot(),
                  "inputs": inputs, "processed_by": settings.operator, **counts}
    warehouse.replace_partition(day, rows.tickets, rows.reviews, ocr_rows(day, read.pages, read.results),
                                ledger_row, find_stale=stale_days)
    return DayStored(rows, counts, invariants.check_day(read.entries, rows.tickets, rows.reviews))


def day_counts(entries: list[FileEntry], rows: DayRows) -> dict[str, int]:
    """What the ledger counts for a day; review_count is what a person must act on: records held back and
    files that could not be read; note_count the other pages with an open INFO note, which need no answer."""
    noted = {row["page_id"] for row in rows.reviews if row["severity"] == Severity.INFO and not row["resolved"]}
    return {
        "files": sum(not e.ignored for e in entries),
        "pages": sum(e.page_count for e in entries if e.readable),
        "tickets": len(rows.tickets),
        "review_count": sum(row["review_required"] for row in rows.tickets) + sum(
            row["page_number"] is None and not row["resolved"] and row["severity"] != Severity.INFO
            for row in rows.reviews),
        "note_count": sum(row["page_id"] in noted and not row["review_required"] for row in rows.tickets),
        "duplicates": sum(row["duplicate_of"] is not None for row in rows.tickets),
        "errors": sum(not e.readable and not e.ignored for e in entries),
    }


def ocr_rows(day: str, pages: list[PageImage], results: dict[str, OcrResult]) -> list[dict]:
    """The ocr_pages rows: each page's text and lines as it was read."""
    return [
        {
            "page_id": page.page_id,
            "partition_key": day,
            "file_path": page.file_path,
            "page_number": page.page_number,
            "engine": results[page.page_id].engine,
            "text": results[page.page_id].text,
            "words": [line.__dict__ for line in results[page.page_id].lines],
            "mean_confidence": results[page.page_id].mean_confidence,
            "seconds": results[page.page_id].seconds,
        }
        for page in pages
    ]


@dataclass
class ReportsWritten:
    day: dict[str, Path]  # report name -> path, for the day
    job_wide: dict[str, Path]  # the same, prefixed with the job (or unknown_jobs), for the job-wide reports


def write_day_reports(settings: Settings, warehouse: Warehouse, day: str, run_id: str) -> ReportsWritten:
    """The day's reports, the job-wide reports of the jobs its loads belong to, and the unknown jobs' report."""
    day_tickets = warehouse.day_tickets(day)
    written = ReportsWritten(write_reports(settings.exports_dir / day, day_tickets, warehouse.day_reviews(day),
                                           settings.job(None), settings.faults), {})
    writer = partial(write_reports, faults=settings.faults)
    for job in settings.jobs_of({t["job_code"] for t in day_tickets}):
        job_paths = write_job_reports(warehouse, job, job_reports_dir(settings.exports_dir, job), writer=writer)
        written.job_wide.update({f"job_{job.code}_{name}": path for name, path in job_paths.items()})
    unknown = write_unknown_job_reports(warehouse, settings, settings.exports_dir / UNKNOWN_JOBS_DIR)
    written.job_wide.update({f"unknown_jobs_{name}": path for name, path in unknown.items()})
    warehouse.mark_run(run_id, RunStatus.EXPORTED.value)
    return written
