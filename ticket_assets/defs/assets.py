"""The five day-partitioned assets: files -> pages -> text -> tickets -> reports.

Thin wiring: each asset calls the plain-Python stage and reports what it did.
"""

import getpass
from collections import Counter
from datetime import date, datetime

from dagster import (
    AssetCheckResult,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetKey,
    AssetOut,
    Backoff,
    Failure,
    Jitter,
    MetadataValue,
    Output,
    RetryPolicy,
    asset,
    multi_asset,
)

from ticket_assets.config import ConfigError, Settings
from ticket_assets.defs.partitions import date_folders
from ticket_assets.defs.resources import TicketsConfig
from ticket_assets.discover import FileEntry, inventory_day
from ticket_assets.reports.sets import (
    UNKNOWN_JOBS_DIR,
    job_reports_dir,
    write_job_reports,
    write_reports,
    write_unknown_job_reports,
)
from ticket_assets.extract import invariants
from ticket_assets.extract.day import DayInput, extract_day
from ticket_assets.extract.duplicates import nearby_dates, stale_days
from ticket_assets.extract.record import Vocabularies
from ticket_assets.ocr.base import EngineUnavailable, OcrResult
from ticket_assets.ocr.reading import read_day
from ticket_assets.progress import progress_path, write_progress
from ticket_assets.render import PageImage, day_pages

GROUP = "tickets"
# Disks, engines and the warehouse fail now and then (a lock, a killed worker): retry with backoff.
TRANSIENT = RetryPolicy(max_retries=3, delay=2, backoff=Backoff.EXPONENTIAL, jitter=Jitter.PLUS_MINUS)
CHECKS = {
    "every_page_accounted_for": "One record per page of every readable file; every bad file in review.",
    "manifest_recall": "Every contaminated load has a manifest number or is in review.",
    "duplicates_linked": "Every duplicate ticket links to its original.",
}


def _settings(context: AssetExecutionContext, tickets: TicketsConfig):
    try:
        return tickets.settings()
    except ConfigError as err:
        raise Failure(str(err), allow_retries=False) from err


@multi_asset(
    name="read_pages",
    partitions_def=date_folders,
    retry_policy=TRANSIENT,
    outs={
        "raw_pdfs": AssetOut(group_name=GROUP, description="Every file of the day's folder: SHA-256, kind, page "
                             "count, and the problem if it cannot be read."),
        "page_images": AssetOut(group_name=GROUP, description="Every page as a grey image in the page cache "
                                "(born-digital pages keep their own text)."),
        "ocr_text": AssetOut(group_name=GROUP, description="Lines, boxes and confidences of every page, from the "
                             "OCR engine and any text layer."),
    },
    internal_asset_deps={"raw_pdfs": set(), "page_images": {AssetKey("raw_pdfs")},
                         "ocr_text": {AssetKey("page_images")}},
)
def read_pages(context: AssetExecutionContext, tickets: TicketsConfig):
    """The three in one step: each OCR worker draws the page it is about to read, so rendering overlaps OCR,
    and a day pays for one step process instead of three."""
    settings = _settings(context, tickets)
    entries = _inventory(context, settings)
    pages = day_pages(settings.inbox, entries, settings.cache_dir, settings.ocr.dpi)
    started = datetime.now()
    try:
        results = read_day(pages, settings.ocr, on_done=_progress_reporter(context, settings, len(pages)))
    except EngineUnavailable as err:
        raise Failure(f"OCR engine unavailable: {err}", allow_retries=False) from err
    seconds = (datetime.now() - started).total_seconds()
    problems = [f"{e.rel_path}: {e.problem}" for e in entries if e.problem]
    yield Output(entries, output_name="raw_pdfs", metadata={
        "files": len(entries),
        "pages": sum(e.page_count for e in entries),
        "files_with_problems": MetadataValue.md("\n".join(f"- {p}" for p in problems) or "none"),
    })
    yield Output(pages, output_name="page_images", metadata={
        "pages": len(pages),
        "born_digital": sum(p.born_digital for p in pages),
        "cache": str(settings.cache_dir),
    })
    yield Output(results, output_name="ocr_text", metadata={
        "pages": len(results),
        "engines": MetadataValue.json(dict(Counter(r.engine for r in results.values()))),
        "seconds_per_page": round(seconds / max(len(results), 1), 3),
        "failed": sum(r.error is not None for r in results.values()),
    })


def _inventory(context: AssetExecutionContext, settings: Settings) -> list[FileEntry]:
    try:
        return inventory_day(settings.inbox, context.partition_key)
    except FileNotFoundError as err:
        raise Failure(str(err), allow_retries=False) from err


def _progress_reporter(context: AssetExecutionContext, settings: Settings, total: int):
    """Called as each page is read: the progress file the CLI's bar polls, and a log line every 10 pages."""
    progress = progress_path(settings.home, context.partition_key)
    done: list[str] = []

    def page_done(page_id: str) -> None:
        done.append(page_id)
        write_progress(progress, len(done), total)
        if len(done) % 10 == 0 or len(done) == total:
            context.log.info(f"read {len(done)}/{total} pages")

    write_progress(progress, 0, total)
    return page_done


@asset(
    partitions_def=date_folders,
    group_name=GROUP,
    retry_policy=TRANSIENT,
    pool="warehouse",
    check_specs=[AssetCheckSpec(name, asset="extracted_tickets", description=text, blocking=True)
                 for name, text in CHECKS.items()],
)
def extracted_tickets(context: AssetExecutionContext, tickets: TicketsConfig, raw_pdfs: list[FileEntry],
                      page_images: list[PageImage], ocr_text: dict[str, OcrResult]):
    """One record per page and the review queue rows, written to the warehouse in one transaction."""
    settings = _settings(context, tickets)
    warehouse = tickets.warehouse()
    day = context.partition_key
    known = Vocabularies.packaged(settings.vendor_min_confidence)
    day_input = DayInput(day, context.run.run_id, raw_pdfs, page_images, ocr_text,
                         warehouse.nearby_tickets(day, nearby_dates(date.fromisoformat(day))), warehouse.day_answers(day),
                         warehouse.day_tickets(day))
    rows = extract_day(day_input, settings, known, now=datetime.now())
    counts = _counts(raw_pdfs, rows.tickets, rows.reviews)
    run_row = {"run_id": context.run.run_id, "partition_key": day, "status": "EXTRACTED", "started_at": _run_started(context),
               "config_snapshot": settings.snapshot(), "processed_by": getpass.getuser(), **counts}
    warehouse.replace_partition(day, rows.tickets, rows.reviews, _ocr_rows(day, page_images, ocr_text), run_row,
                                find_stale=stale_days)
    yield Output(counts, metadata={
        **counts,
        "ocr_engines": MetadataValue.json(dict(Counter(r.engine for r in ocr_text.values()))),
        "ocr_seconds_per_page": round(sum(r.seconds for r in ocr_text.values()) / max(len(ocr_text), 1), 3),
        "review_by_reason": MetadataValue.json(dict(Counter(r["reason"] for r in rows.reviews))),
        "preview": MetadataValue.md(_preview(rows.tickets)),
    })
    outcomes = {
        "every_page_accounted_for": invariants.every_page_accounted_for(raw_pdfs, rows.tickets, rows.reviews),
        "manifest_recall": invariants.manifest_recall(rows.tickets),
        "duplicates_linked": invariants.duplicates_linked(rows.tickets),
    }
    for name, outcome in outcomes.items():
        yield AssetCheckResult(check_name=name, passed=outcome.passed, metadata={"detail": outcome.detail})


@asset(partitions_def=date_folders, group_name=GROUP, retry_policy=TRANSIENT, pool="warehouse",
       deps=[extracted_tickets])
def tracking_export(context: AssetExecutionContext, tickets: TicketsConfig) -> Output[dict[str, str]]:
    """The day's tracking workbook, invoice-matching list, manifest log and review queue,
    and the same reports for the whole job refreshed beside them."""
    settings = _settings(context, tickets)
    warehouse = tickets.warehouse()
    day = context.partition_key
    day_tickets, day_reviews = warehouse.day_tickets(day), warehouse.day_reviews(day)
    paths = write_reports(settings.exports_dir / day, day_tickets, day_reviews, settings.job(None))
    metadata = {name: MetadataValue.path(str(path)) for name, path in paths.items()}
    for job in _jobs_of(settings, day_tickets):
        job_paths = write_job_reports(warehouse, job, job_reports_dir(settings.exports_dir, job))
        metadata.update({f"job_{job.code}_{name}": MetadataValue.path(str(p)) for name, p in job_paths.items()})
    unknown_paths = write_unknown_job_reports(warehouse, settings, settings.exports_dir / UNKNOWN_JOBS_DIR)
    metadata.update({f"unknown_jobs_{name}": MetadataValue.path(str(p)) for name, p in unknown_paths.items()})
    warehouse.mark_run(context.run.run_id, "EXPORTED")
    return Output({name: str(path) for name, path in paths.items()}, metadata=metadata)


def _jobs_of(settings, day_tickets: list[dict]) -> list:
    """The configured jobs the day's tickets belong to (a code the configuration lacks has its own report)."""
    codes = {t["job_code"] for t in day_tickets}
    return [job for job in settings.jobs if job.code in codes] or [settings.job(None)]


def _ocr_rows(day: str, pages: list[PageImage], results: dict[str, OcrResult]) -> list[dict]:
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


def _counts(entries: list[FileEntry], ticket_rows: list[dict], review_rows: list[dict]) -> dict:
    return {
        "files": len(entries),
        "pages": sum(e.page_count for e in entries if e.readable),
        "tickets": len(ticket_rows),
        "review_count": sum(row["review_required"] for row in ticket_rows) + sum(
            row["page_number"] is None for row in review_rows),
        "duplicates": sum(row["duplicate_of"] is not None for row in ticket_rows),
        "errors": sum(not e.readable for e in entries),
    }


def _run_started(context: AssetExecutionContext) -> datetime:
    record = context.instance.get_run_record_by_id(context.run.run_id)
    return datetime.fromtimestamp(record.start_time) if record and record.start_time else datetime.now()


def _preview(ticket_rows: list[dict], limit: int = 10) -> str:
    columns = ("file_path", "page_number", "ticket_number", "vendor", "material", "review_reason")
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(row[c] or "") for c in columns) + " |" for row in ticket_rows[:limit]]
    return "\n".join(lines)
