"""The five day-partitioned assets: files -> pages -> text -> tickets -> reports.

Thin wiring: each asset calls its stage in `ticket_assets.stages` and reports what it did.
"""

from collections import Counter
from contextlib import contextmanager
from datetime import datetime

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

from ticket_assets.config import Settings, retry_delay_from_env
from ticket_assets.errors import UserError
from ticket_assets.defs.partitions import date_folders
from ticket_assets.day_inputs import day_inputs_digest
from ticket_assets.defs.process_day import INPUTS_TAG, SIGNATURE_TAG
from ticket_assets.defs.resources import TicketsConfig
from ticket_assets.discover import FileEntry, folder_signature
from ticket_assets.extract.invariants import DESCRIPTIONS
from ticket_assets.ocr.base import EngineUnavailable, OcrResult
from ticket_assets.render import PageImage

GROUP = "tickets"
# Disks, engines and the warehouse fail now and then (a lock, a killed worker): retry with backoff.
TRANSIENT = RetryPolicy(max_retries=3, delay=retry_delay_from_env(), backoff=Backoff.EXPONENTIAL,
                        jitter=Jitter.PLUS_MINUS)


def _stages():
    """The stages, imported when a step first needs them: a process that only loads the definitions (`tickets
    process` launching a run, the UI's code server) spends no 2 s compiling the extraction's label patterns.
    The step server preloads them (step_server.STEP_PRELOAD), so a step starts with them."""
    from ticket_assets import stages

    return stages


def _settings(tickets: TicketsConfig, day: str):
    with _told_as_the_day(day):
        return tickets.settings()


@contextmanager
def _told_as_the_day(day: str):
    """What a person must mend (a configuration error, a warehouse that cannot be read) fails the day with its
    reason, without retries: no retry can mend it."""
    try:
        yield
    except UserError as err:
        raise _day_failure(day, str(err)) from None


def _day_failure(day: str, reason: str) -> Failure:
    """A failure of the day that no retry can fix, told as the day and the reason: the run's page shows this
    message first. Raise it `from None`: the original error would only add its own traceback to the reason."""
    return Failure(f"{day}: {reason}", metadata={"day": day, "reason": reason}, allow_retries=False)


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
    day = context.partition_key
    settings = _settings(tickets, day)
    try:
        _tag_inputs(context, settings, day)
        read = _stages().read_pages(settings, day, context.log.info)
    except (FileNotFoundError, UserError) as err:
        raise _day_failure(day, str(err)) from None
    except EngineUnavailable as err:
        raise _day_failure(day, f"OCR engine unavailable: {err}") from None
    problems = [f"{e.rel_path}: {e.problem}" for e in read.entries if e.problem]
    yield Output(read.entries, output_name="raw_pdfs", metadata={
        "files": len(read.entries),
        "pages": sum(e.page_count for e in read.entries),
        "files_with_problems": MetadataValue.md("\n".join(f"- {p}" for p in problems) or "none"),
    })
    yield Output(read.pages, output_name="page_images", metadata={
        "pages": len(read.pages),
        "born_digital": sum(p.born_digital for p in read.pages),
        "cache": str(settings.cache_dir),
    })
    yield Output(read.results, output_name="ocr_text", metadata={
        "pages": len(read.results),
        "engines": MetadataValue.json(dict(Counter(r.engine for r in read.results.values()))),
        "seconds_per_page": round(read.seconds / max(len(read.results), 1), 3),
        "failed": sum(r.error is not None for r in read.results.values()),
    })


@asset(
    partitions_def=date_folders,
    group_name=GROUP,
    retry_policy=TRANSIENT,
    pool="warehouse",
    check_specs=[AssetCheckSpec(name, asset="extracted_tickets", description=text, blocking=True)
                 for name, text in DESCRIPTIONS.items()],
)
def extracted_tickets(context: AssetExecutionContext, tickets: TicketsConfig, raw_pdfs: list[FileEntry],
                      page_images: list[PageImage], ocr_text: dict[str, OcrResult]):
    """One record per page and the review queue rows, written to the warehouse in one transaction."""
    settings = _settings(tickets, context.partition_key)
    read = _stages().PagesRead(raw_pdfs, page_images, ocr_text, seconds=0.0)
    with _told_as_the_day(context.partition_key):
        stored = _stages().extract_and_store(settings, tickets.warehouse(), context.partition_key, context.run.run_id,
                                          _run_started(context), read, now=datetime.now(),
                                          inputs=_tagged_inputs(context))
    yield Output(stored.counts, metadata={
        **stored.counts,
        "ocr_engines": MetadataValue.json(dict(Counter(r.engine for r in ocr_text.values()))),
        "ocr_seconds_per_page": round(sum(r.seconds for r in ocr_text.values()) / max(len(ocr_text), 1), 3),
        "review_by_reason": MetadataValue.json(dict(Counter(r["reason"] for r in stored.rows.reviews))),
        "preview": MetadataValue.md(_preview(stored.rows.tickets)),
    })
    for name, outcome in stored.checks.items():
        yield AssetCheckResult(check_name=name, passed=outcome.passed, metadata={"detail": outcome.detail})


@asset(partitions_def=date_folders, group_name=GROUP, retry_policy=TRANSIENT, pool="warehouse",
       deps=[extracted_tickets])
def tracking_export(context: AssetExecutionContext, tickets: TicketsConfig) -> Output[dict[str, str]]:
    """The day's tracking workbook, invoice-matching list, manifest log and review queue,
    and the same reports for the whole job refreshed beside them."""
    day = context.partition_key
    with _told_as_the_day(day):
        written = _stages().write_day_reports(_settings(tickets, day), tickets.warehouse(), day, context.run.run_id)
    every = {**written.day, **written.job_wide}
    return Output({name: str(path) for name, path in written.day.items()},
                  metadata={name: MetadataValue.path(str(path)) for name, path in every.items()})


def _tag_inputs(context: AssetExecutionContext, settings: Settings, day: str) -> None:
    """Every run is tagged with the digest of what it reads, whoever started it: `tickets process` then knows
    a day it need not run again. A run launched without the folder's signature (the UI's Materialize, a
    backfill) is tagged with the signature of the content it reads, as the sensor's and the CLI's runs are:
    the sensor then knows this content has been processed and does not run the day again for it."""
    tags = {INPUTS_TAG: day_inputs_digest(settings, day)}
    if SIGNATURE_TAG not in context.run.tags:
        tags[SIGNATURE_TAG] = folder_signature(settings.inbox / day)
    context.instance.add_run_tags(context.run.run_id, tags)


def _tagged_inputs(context: AssetExecutionContext) -> str | None:
    """The digest the run's first step tagged it with, read from the instance: that step ran in another process."""
    run = context.instance.get_run_by_id(context.run.run_id)
    return run.tags.get(INPUTS_TAG) if run else None


def _run_started(context: AssetExecutionContext) -> datetime:
    record = context.instance.get_run_record_by_id(context.run.run_id)
    return datetime.fromtimestamp(record.start_time) if record and record.start_time else datetime.now()


def _preview(ticket_rows: list[dict], limit: int = 10) -> str:
    columns = ("file_path", "page_number", "ticket_number", "vendor", "material", "review_reason")
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(row[c] or "") for c in columns) + " |" for row in ticket_rows[:limit]]
    return "\n".join(lines)
