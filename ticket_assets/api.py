"""What the `tickets` command can do, as plain calls that return data and print nothing.

The command (ticket_assets/cli) is a thin shell over these: it parses, calls, and
formats. Anything a person got wrong is a UserError with a one-line message.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import ContextManager, NoReturn

from ticket_assets.config import ConfigError, Settings, default_dagster_home
from ticket_assets.discover import DATE_FOLDER, list_date_folders, parse_day
from ticket_assets.errors import UserError
from ticket_assets.orchestrate.step_server import start_step_server
from ticket_assets.reports.folders import UNKNOWN_JOB
from ticket_assets.store.journal import ITEM_IDENTITY, AnswerJournal
from ticket_assets.store.warehouse import Warehouse
from ticket_assets.vanished_days import inboxes_of_days, vanished_days

FOLLOW_UP_ROUNDS = 3  # days made out of date by other days' runs, processed again at most this often


@dataclass
class Processed:
    """What a `process` call did: each day's outcome (orchestrate.day_run.DayRun), in the order they finished."""

    outcomes: list = field(default_factory=list)
    dagster_home: Path | None = None

    @property
    def failures(self) -> list:
        return [outcome for outcome in self.outcomes if not outcome.success]


@dataclass
class Watchers:
    """How a caller follows a long `process`: a context shown while days run, and each finished day."""

    running: Callable[[list[str]], ContextManager] = lambda days: contextlib.nullcontext()
    day_done: Callable[[object], None] = lambda outcome: None
    note: Callable[[str], None] = lambda text: None


def misnamed_folders(settings: Settings) -> dict[str, str]:
    """Folders of the inbox that are not processed though they look like a day or hold scans: name -> what is wrong
    and what to do."""
    from ticket_assets.discover import misnamed_date_folders

    return misnamed_date_folders(settings.inbox)


def check_configuration(settings: Settings) -> dict:
    """The settings in effect, once the configuration file has been checked (loading the settings checks it)."""
    return settings.snapshot()


def configuration_warnings(settings: Settings) -> list[str]:
    """What the file asks for that this machine cannot give: the runs go on without it, only slower."""
    from ticket_assets.ocr.rapid import compiled_models_problem
    from ticket_assets.ocr.registry import AUTO

    folder, ocr = settings.ocr.compiled_models_dir, settings.ocr
    if not folder or ocr.engine not in ("rapidocr", AUTO) or ocr.runtime == "onnxruntime":
        return []
    problem = compiled_models_problem(folder)
    if problem is None:
        return []
    return [f"ocr.compiled_models_dir {folder}: {problem}, so OpenVINO keeps no compiled models and every OCR "
            "worker of every day compiles them again (about 0.85 s more each); point it at a folder this user can write, "
            'or set it to "" to keep none']


def chosen_days(settings: Settings, dates: list[str] | None) -> list[str]:
    """The date folders to process: the ones asked for, checked, or every one of the inbox."""
    if not settings.inbox.exists():
        raise UserError(f"the inbox {settings.inbox} does not exist")
    if not settings.inbox.is_dir():
        raise UserError(f"the inbox {settings.inbox} is a file, not a folder")
    available = list_date_folders(settings.inbox)
    if not dates:
        if not available:
            raise ConfigError(f"no YYYY-MM-DD folders in {settings.inbox}")
        return available
    check_dates(dates)
    for day in dates:
        if day not in available:
            raise ConfigError(f"no folder {settings.inbox / day}")
    return sorted(set(dates))


def check_dates(dates: list[str]) -> None:
    for day in dates:
        if parse_day(day) is None:
            real = "is not a day of the calendar" if DATE_FOLDER.match(day) else "is not a YYYY-MM-DD date"
            raise UserError(f"--date {day!r} {real}")


def refuse_another_inbox(settings: Settings, days: list[str], warehouse: Warehouse | None = None) -> None:
    """A day processed from one inbox and then from another would have every record flagged as vanished and the
    other inbox's files taken in: a mistyped --inbox or TICKETS_INBOX, far more often than a move."""
    warehouse = warehouse or existing_warehouse(settings)
    for day in days:
        before = _inbox_of_last_run(warehouse, day) if warehouse else None
        if before and before != str(settings.inbox):
            raise ConfigError(f"{day} was processed from the inbox {before}, not {settings.inbox}: check the inbox "
                              "given (or TICKETS_INBOX); if the scans moved there for good, run "
                              "`tickets process --inbox-moved`")


def _inbox_of_last_run(warehouse: Warehouse, day: str) -> str | None:
    return inboxes_of_days(warehouse.runs(day)).get(day)


def with_inbox_of_day(settings: Settings, day: str) -> Settings:
    """The settings, with the inbox the day was last read from when none is given: an answer or a new vendor
    processes a day again where it was read, and an office clerk's shell has no TICKETS_INBOX."""
    warehouse = existing_warehouse(settings) if settings.inbox_folder is None else None
    inbox = warehouse and _inbox_of_last_run(warehouse, day)
    return replace(settings, inbox_folder=Path(inbox)) if inbox else settings


def days_without_folder(settings: Settings) -> dict[str, str]:
    """Processed days whose folder has left the inbox: day -> what the warehouse still holds of it and what to do."""
    warehouse = existing_warehouse(settings)
    return vanished_days(warehouse, settings.inbox_folder) if warehouse else {}


def read_warehouse(settings: Settings) -> Warehouse:
    """The warehouse, for commands that only read it: a home that holds none is a mistake, not an empty one."""
    warehouse = existing_warehouse(settings)
    if warehouse is None:
        raise UserError(f"no warehouse in {settings.home}: nothing was processed with this home "
                        "(check --home or TICKETS_HOME)")
    return warehouse


def existing_warehouse(settings: Settings) -> Warehouse | None:
    """The warehouse, or None when its DuckDB file was never made."""
    url = settings.warehouse_url
    if url.startswith("duckdb:///") and not Path(url.removeprefix("duckdb:///")).exists():
        return None
    return Warehouse.at(url)


def process(settings: Settings, days: list[str], watch: Watchers = Watchers(), again: bool = False) -> Processed:
    """Run the days through Dagster, as many side by side as the instance's run queue allows; then the days
    their runs made out of date (a copy of one of their tickets found in a day just processed). A day whose
    inputs have not changed since its last run is not run again, unless `again`; Dagster is not even imported
    when no day needs a run."""
    # Its imports (4 s) overlap this command's own and the check for unchanged days; unused when none needs a run
    start_step_server(settings.step_log)
    processed = Processed(dagster_home=default_dagster_home(settings.home).resolve())
    _run_days(settings, days, watch, processed, again)
    for _ in range(FOLLOW_UP_ROUNDS):
        follow_up = _pending_days(settings, {f.day for f in processed.failures}, watch.note)
        if not follow_up:
            break
        _run_days(settings, follow_up, watch, processed)
    return processed


def _run_days(settings: Settings, days: list[str], watch: Watchers, processed: Processed,
              again: bool = False) -> None:
    from ticket_assets.day_inputs import unchanged_days
    from ticket_assets.orchestrate.day_run import DayRun

    with watch.running(days):
        warehouse = existing_warehouse(settings)
        unchanged = unchanged_days(settings, warehouse, days) if warehouse and not again else {}
        for day, run_id in unchanged.items():
            _day_done(DayRun(day, run_id, True, None, 0.0, unchanged=True), watch, processed)
        to_run = [day for day in days if day not in unchanged]
        if to_run:
            for outcome in _runs_through_dagster(settings, to_run):
                _day_done(outcome, watch, processed)


def _runs_through_dagster(settings: Settings, days: list[str]) -> Iterator:
    from ticket_assets.orchestrate.launch import dagster_home_for, run_days

    with dagster_home_for(settings):
        yield from run_days(settings, days)


def _day_done(outcome, watch: Watchers, processed: Processed) -> None:
    watch.day_done(outcome)
    processed.outcomes.append(outcome)


def _pending_days(settings: Settings, failed: set[str], note: Callable[[str], None]) -> list[str]:
    """Days to process again, said as they are taken; a day whose folder is gone, or that was read from another
    inbox, is named and left."""
    chosen = []
    warehouse = Warehouse.at(settings.warehouse_url)
    for day, why in sorted(warehouse.pending().items()):
        if day in failed:
            continue
        before = _inbox_of_last_run(warehouse, day)
        if before and before != str(settings.inbox):
            note(f"{day}: should be processed again ({why}); it was read from the inbox {before}: "
                 f"`tickets process {before} --date {day}` runs it")
            continue
        if not (settings.inbox / day).is_dir():
            note(f"{day}: should be processed again ({why}), but its folder {settings.inbox / day} is gone")
            continue
        note(f"{day}: processing again: {why}")
        chosen.append(day)
    return chosen


class NoSuchItem(UserError):
    """A review item number that is not in the queue."""


def review_item(settings: Settings, review_id: int, warehouse: Warehouse | None = None) -> dict:
    item = (warehouse or read_warehouse(settings)).review_item(review_id)
    if item is None:
        raise NoSuchItem(f"there is no review item {review_id} (see `tickets review`)")
    return item


class AnswerConflict(UserError):
    """Someone else answered the item after the person answering now had it in front of them."""

    def __init__(self, item: dict, theirs: dict):
        super().__init__(f"review item {item['id']} was answered by {theirs['resolved_by']} at "
                         f"{theirs['resolved_at']:%H:%M:%S} while it was open here")
        self.item, self.theirs = item, theirs


def answer_item(settings: Settings, review_id: int, sets: list[str], decision: str | None, because: str | None,
                by: str, answers_seen: int | None = None, warehouse: Warehouse | None = None) -> tuple[dict, dict]:
    """Check a person's answer to one review item and that its day can be processed again, then save it.
    Returns the item and the answer; nothing is saved when anything is wrong. With `answers_seen` (how many
    answers the item had when the person opened it), an answer given meanwhile by someone else is an
    AnswerConflict, never overwritten silently. Only stores: the caller has the day processed again."""
    warehouse = warehouse or read_warehouse(settings)
    with warehouse.kept_open():
        return _check_and_save(settings, warehouse, review_id, sets, decision, because, by, answers_seen)


def _check_and_save(settings: Settings, warehouse: Warehouse, review_id: int, sets: list[str], decision: str | None,
                    because: str | None, by: str, answers_seen: int | None) -> tuple[dict, dict]:
    from ticket_assets.extract.corrections import checked_answer, parse_corrections, refuse_contradiction

    item = review_item(settings, review_id, warehouse)
    if not by.strip():
        raise UserError("--by: say who answers")
    record = warehouse.ticket(item["page_id"])
    corrections = parse_corrections(sets, _correction_context(settings, record, because))
    answer = checked_answer(item, corrections, decision, because, record)
    folder = settings.inbox / item["partition_key"]
    if not folder.is_dir():
        raise UserError(f"the day's folder {folder} is not there, so the answer could not reach the records and "
                        "reports (check --inbox or TICKETS_INBOX; if the folder was renamed or removed after "
                        "processing, put it back under its name)")
    refuse_another_inbox(settings, [item["partition_key"]], warehouse)
    journal = AnswerJournal(settings.journal_path)
    with journal.locked():  # written to the journal, flushed, before the warehouse
        _refuse_answered_meanwhile(warehouse, item, answers_seen)
        _refuse_a_manifest_of_another_load(warehouse, item, corrections, record)
        day = item["partition_key"]
        refuse_contradiction(item, answer["corrections"], warehouse.day_answers(day), warehouse.day_reviews(day))
        entry = journal.append({**{key: item[key] for key in ITEM_IDENTITY},
                                **answer, "resolved_by": by.strip(), "resolved_at": datetime.now()})
        warehouse.save_answer(item, entry)
    return item, answer


def _refuse_a_manifest_of_another_load(warehouse: Warehouse, item: dict, corrections: dict,
                                       record: dict | None) -> None:
    """A manifest number does not repeat for one vendor on one day (the domain's rule): an answer giving one that
    another load of the day has, on its record or by an answer given since the day last ran, is a slip, refused
    with the load that has it. A copy of a ticket is not another load: it has its original's manifest. Checked
    under the journal's lock, so two answers saved together cannot both pass."""
    manifest = corrections.get("manifest_number")
    vendor = corrections.get("vendor") or (record or {}).get("vendor")
    if not manifest:
        return
    for other in _loads_as_answered(warehouse, item["partition_key"]):
        if (other["page_id"] != item["page_id"] and other["manifest_number"] == manifest
                and other["vendor"] == vendor and not _one_ticket(record or {}, other)):
            raise UserError(f"manifest_number {manifest} is already the manifest of {other['page_id']} ({vendor}, the "
                            "same day, on its record or in an answer not yet processed): a manifest number does not "
                            "repeat for one vendor on one day; check the paper")


def _one_ticket(record: dict, other: dict) -> bool:
    """Whether one record is a copy of the other, found so and not decided to be two loads."""
    from ticket_assets.extract.reasons import CopyStatus

    return any(copy.get("duplicate_of") == original.get("page_id") and copy.get("copy_status") != CopyStatus.TWO_LOADS
               for copy, original in ((record, other), (other, record)))


def _loads_as_answered(warehouse: Warehouse, day: str) -> list[dict]:
    """The day's records with the values people gave them since the day last ran."""
    from ticket_assets.extract.answers import PageAnswers

    answers: dict[tuple, list[dict]] = {}
    for answer in warehouse.day_answers(day):
        answers.setdefault((answer["page_id"], answer["file_hash"], answer["page_number"]), []).append(answer)
    return [{**record, **PageAnswers(answers.get((record["page_id"], record["file_hash"], record["page_number"]),
                                                 [])).corrections()}
            for record in warehouse.day_tickets(day)]


def _refuse_answered_meanwhile(warehouse: Warehouse, item: dict, answers_seen: int | None) -> None:
    """Checked under the journal's lock, so two people saving one item at once cannot both pass."""
    if answers_seen is None:
        return
    answers = warehouse.item_answers(item)
    if len(answers) > answers_seen:
        raise AnswerConflict(item, answers[-1])


def _correction_context(settings: Settings, record: dict | None, because: str | None):
    from ticket_assets.extract.corrections import CorrectionContext
    from ticket_assets.extract.record import Vocabularies

    job = settings.job_or_default(record["job_code"] if record else None)
    return CorrectionContext.for_record(Vocabularies.of(settings), job, tuple(j.code for j in settings.jobs), record,
                                        because)


def backup(settings: Settings, into: Path) -> Path:
    """A backup folder under `into`: the warehouse (DuckDB) copied consistently, the answer journal, the vendor
    templates added here and the configuration file."""
    from ticket_assets.store.recovery import take_backup

    if into.resolve().is_relative_to(settings.home.resolve()):
        raise UserError(f"{into} is inside TICKETS_HOME ({settings.home}): a backup belongs on another disk")
    if not into.is_dir():
        raise UserError(f"{into} is not a folder: give an existing folder (a mounted disk); nothing was written")
    return take_backup(existing_warehouse(settings), AnswerJournal(settings.journal_path), settings.vendors_dir,
                       settings.config_path, into)


def restore(settings: Settings, backup_folder: Path) -> tuple[Path | None, dict[str, int]]:
    """Put a backup's warehouse back (the present file set aside, returned) with every answer given since;
    returns the kept file and the days whose answers went back in, now pending."""
    from ticket_assets.store.journal import bring_up_to_date
    from ticket_assets.store.recovery import restore_files

    warehouse_file = _duckdb_file(settings, "restore")
    kept = restore_files(backup_folder, warehouse_file, AnswerJournal(settings.journal_path), settings.vendors_dir)
    return kept, bring_up_to_date(Warehouse.at(settings.warehouse_url), AnswerJournal(settings.journal_path))


def rebuild(settings: Settings, watch: Watchers = Watchers()) -> tuple[Path | None, Processed]:
    """A new warehouse from the inbox, the page and OCR caches and the answer journal, every day through
    Dagster; the old file is set aside beside it, never deleted."""
    from ticket_assets.store.journal import bring_up_to_date
    from ticket_assets.store.recovery import set_aside

    days = chosen_days(settings, None)
    kept = set_aside(_duckdb_file(settings, "rebuild"), "before-rebuild")
    bring_up_to_date(Warehouse.at(settings.warehouse_url), AnswerJournal(settings.journal_path))
    return kept, process(settings, days, watch)


def _duckdb_file(settings: Settings, command: str) -> Path:
    url = settings.warehouse_url
    if not url.startswith("duckdb:///"):
        raise UserError(f"`tickets {command}` sets a DuckDB file aside and puts another in its place; for "
                        f"{url.split(':')[0]}, restore the database with its own tools (pg_restore), then run "
                        "`tickets process`: the answers the journal holds go back in")
    return Path(url.removeprefix("duckdb:///"))


def add_vendor(settings: Settings, page_id: str, vendor: str, display_name: str | None,
               kind: str) -> tuple[Path, str]:
    """Write a template for the vendor of a page no template knows, from that page; its day is marked to
    be processed again, so the page is read with it. Returns the template's path and the day."""
    from ticket_assets.extract.page_text import PageText
    from ticket_assets.extract.record import Vocabularies
    from ticket_assets.extract.vendor_template import template_from_page, write_vendor_template
    from ticket_assets.lines import OcrLine
    from ticket_assets.ocr.base import OcrResult

    warehouse = read_warehouse(settings)
    reading = warehouse.page_reading(page_id)
    if reading is None:
        raise UserError(f"there is no page {page_id!r} (page ids are in `tickets review` and the reports)")
    refuse_another_inbox(settings, [reading["partition_key"]], warehouse)  # and the warehouse can be read
    lines = [OcrLine.from_dict(line) for line in reading["words"] or []]
    extent = OcrResult(engine=reading["engine"], width=max((l.box[2] for l in lines), default=1),
                       height=max((l.box[3] for l in lines), default=1), lines=lines)
    template = template_from_page(PageText(extent), vendor, display_name, kind, Vocabularies.of(settings).templates)
    path = write_vendor_template(settings.vendors_dir, template)
    warehouse.request_rerun(reading["partition_key"], f"vendor {vendor} added from {page_id}")
    return path, reading["partition_key"]


def item_answers(settings: Settings, item: dict) -> list[dict]:
    return read_warehouse(settings).item_answers(item)


def open_reviews(settings: Settings, day: str | None) -> list[dict]:
    return read_warehouse(settings).open_reviews(day)


LEDGER_COLUMNS = ("partition_key", "run_id", "status", "started_at", "files", "pages", "tickets", "review_count",
                  "duplicates", "errors", "processed_by", "failure")  # what `tickets ledger` shows of each run


@dataclass
class LedgerDay:
    runs: list[dict]  # the ledger rows
    dagster_runs: list  # orchestrate.audit.RunDetail of every Dagster run of the day, when one was asked for
    pending: dict[str, str]  # days whose reports wait for a run, and why


def ledger(settings: Settings, day: str | None) -> LedgerDay:
    from ticket_assets.orchestrate.audit import day_runs

    warehouse = read_warehouse(settings)
    pending = {d: why for d, why in warehouse.pending().items() if day in (None, d)}
    return LedgerDay(warehouse.runs(day), day_runs(dagster_instance(settings), day) if day else [], pending)


@dataclass
class AuditedRecord:
    record: dict
    ledger: dict  # the ledger row of the run that wrote it, {} when there is none
    reviews: list[dict]
    answers: list[dict]
    run: object  # orchestrate.audit.RunDetail, or None


def audit(settings: Settings, ticket_number: str, vendor: str | None) -> list[AuditedRecord]:
    """Every record with this ticket number (of this vendor): file, run, configuration, review history."""
    from ticket_assets.orchestrate.audit import run_detail

    warehouse = read_warehouse(settings)
    records = warehouse.tickets_numbered(ticket_number, vendor.upper() if vendor else None)
    if not records:
        return []
    instance, runs = dagster_instance(settings), {row["run_id"]: row for row in warehouse.runs()}
    return [AuditedRecord(record, runs.get(record["run_id"], {}),
                          *warehouse.page_history(record["page_id"], record["file_hash"]),
                          run_detail(instance, record["run_id"])) for record in records]


def export(settings: Settings, job_code: str | None, first: date | None, last: date | None,
           out: Path) -> dict[str, Path]:
    """The reports of a job's days (or first..last of them) written into `out`, beside what it holds. A job
    code the configuration lacks exports its loads as exports/job_unknown holds them; `unknown`, every such load."""
    from ticket_assets.reports.sets import export_reports, export_unknown_job_reports, write_job_reports

    if first and last and first > last:
        raise UserError(f"--from {first} is after --to {last}")
    warehouse, known = read_warehouse(settings), [job.code for job in settings.jobs]
    if job_code is None or job_code in known:
        return write_job_reports(warehouse, settings.job(job_code), out.resolve(), first, last,
                                 writer=export_reports)
    unknown_codes = {ticket["job_code"] for ticket in warehouse.tickets_of_unknown_jobs(known)}
    if job_code != UNKNOWN_JOB and job_code not in unknown_codes:
        raise UserError(f"no job {job_code!r}: {settings.config_path} has {', '.join(known)}, and no load carries "
                        f"that code; loads of codes it lacks ({', '.join(sorted(unknown_codes)) or 'none now'}) "
                        f"are exported with --job {UNKNOWN_JOB}")
    return export_unknown_job_reports(warehouse, settings, out.resolve(),
                                      None if job_code == UNKNOWN_JOB else job_code, first, last)


def dagster_instance(settings: Settings):
    """The Dagster instance the runs of this home went to (DAGSTER_HOME is left as it is)."""
    from dagster import DagsterInstance

    dagster_home = default_dagster_home(settings.home).resolve()
    if not (dagster_home / "dagster.yaml").is_file():
        raise UserError(f"no Dagster instance at {dagster_home}: nothing was processed with this home yet")
    return DagsterInstance.from_config(str(dagster_home))


def run_record(settings: Settings, day: str, run_id: str) -> dict:
    """A run's ledger row, {} when it has none."""
    return next((r for r in Warehouse.at(settings.warehouse_url).runs(day) if r["run_id"] == run_id), {})


def start_ui(settings: Settings, host: str, port: int) -> NoReturn:
    """Become `dagster dev` on this home's instance: the UI, and the daemon that runs the inbox sensor,
    backfills and queued runs. Ctrl-C stops it and everything it started."""
    from ticket_assets.orchestrate.launch import ready_dagster_home
    from ticket_assets.orchestrate.ui import dagster_dev

    ui = dagster_dev(settings, ready_dagster_home(settings), host, port, os.environ)
    os.chdir(ui.cwd)
    # A script's background job starts with SIGINT ignored, and exec keeps that: `dagster dev`, which handles
    # SIGTERM as it handles SIGINT, would then ignore both and leave its processes and port behind.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.execve(ui.argv[0], ui.argv, ui.env)
