"""The `tickets` command: process date folders through Dagster, and look at what came out."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import threading
import time
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path

from ticket_assets.config import (
    ConfigError,
    Settings,
    default_dagster_home,
    home_from_env,
    load_settings,
    warehouse_url,
)
from ticket_assets.discover import list_date_folders, parse_day
from ticket_assets.reports.sets import ExportError
from ticket_assets.progress import progress_path, read_progress
from ticket_assets.store.warehouse import Warehouse

DEMO_FIRST_DAY = date(2024, 10, 16)
FOLLOW_UP_ROUNDS = 3  # days made out of date by other days' runs, processed again at most this often


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.command(args)
    except (ConfigError, ExportError, FileNotFoundError) as err:
        print(f"tickets: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `tickets review | head`: the reader has all it wanted
        sys.stderr.close()
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tickets", description=__doc__)
    parser.add_argument("--home", type=Path, help="working folder (warehouse, cache, exports); default $TICKETS_HOME or ./.tickets")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    process = commands.add_parser("process", help="process date folders of an inbox through Dagster")
    process.add_argument("inbox", type=Path, nargs="?", help="folder of YYYY-MM-DD folders; default $TICKETS_INBOX")
    process.add_argument("--date", action="append", dest="dates", metavar="YYYY-MM-DD", help="only this day (repeatable)")
    process.add_argument("--inbox-moved", action="store_true",
                         help="the scans of days processed before now live in this inbox (moved, not replaced)")
    process.set_defaults(command=process_command)

    demo = commands.add_parser("demo", help="generate a sample inbox of synthetic tickets and process it")
    demo.add_argument("--days", type=int, default=3)
    demo.add_argument("--pages", type=int, default=10, help="pages per day")
    demo.add_argument("--seed", type=int, default=0)
    demo.set_defaults(command=demo_command)

    explain = commands.add_parser("explain", help="show how one page is read: text, templates, fields, review")
    explain.add_argument("file", type=Path)
    explain.add_argument("--page", type=int, default=1)
    explain.set_defaults(command=explain_command)

    review = commands.add_parser("review", help="list the open review queue; show or resolve one item")
    review.add_argument("--date", help="only this day")
    review.set_defaults(command=review_command)
    review_actions = review.add_subparsers(metavar="ACTION")
    show = review_actions.add_parser("show", help="everything about one review item")
    show.add_argument("id", type=int)
    show.set_defaults(command=review_show_command)
    resolve = review_actions.add_parser("resolve", help="answer a review item; the day is processed again")
    resolve.add_argument("id", type=int)
    resolve.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", dest="corrections",
                         help="the right value of a field (repeatable); FIELD= clears it")
    resolve.add_argument("--decision", help="for a duplicate: copy (left out of the invoice list and the counts) "
                         "or two-loads; for a vanished or replaced file: keep")
    resolve.add_argument("--because", help="why a CRITICAL item closes without its value, in words "
                         "(for example \"no manifest: load returned to site\"); kept with the record")
    resolve.add_argument("--by", required=True, help="who answers")
    resolve.add_argument("--inbox", type=Path, help="folder of the date folders; default $TICKETS_INBOX")
    resolve.set_defaults(command=review_resolve_command)

    export = commands.add_parser("export", help="write the reports for a job's days, on demand")
    export.add_argument("--job", help="job code; default the configuration's default job")
    export.add_argument("--from", dest="first_day", type=_day, help="first date folder (default the job's start)")
    export.add_argument("--to", dest="last_day", type=_day, help="last date folder (default the job's end)")
    export.add_argument("--out", type=Path, required=True, help="folder to write the four reports into")
    export.set_defaults(command=export_command)

    ledger = commands.add_parser("ledger", help="list the runs per day with their counts; with --date, "
                                               "every Dagster run of that day with its failures and retries")
    ledger.add_argument("--date", help="only this day")
    ledger.set_defaults(command=ledger_command)

    audit = commands.add_parser("audit", help="every record with a ticket number: file, run, config, review history")
    audit.add_argument("ticket_number")
    audit.add_argument("--vendor", help="only this vendor's tickets")
    audit.set_defaults(command=audit_command)
    return parser


def process_command(args) -> int:
    settings = load_settings(args.inbox, args.home)
    days = _chosen_days(settings, args.dates)
    if not args.inbox_moved:
        _refuse_another_inbox(settings, days)
    return _process(settings, days)


def _refuse_another_inbox(settings: Settings, days: list[str]) -> None:
    """A day processed from one inbox and then from another would have every record flagged as vanished and the
    other inbox's files taken in: a mistyped --inbox or TICKETS_INBOX, far more often than a move."""
    warehouse = _existing_warehouse(settings)
    for day in days:
        before = _inbox_of_last_run(warehouse, day) if warehouse else None
        if before and before != str(settings.inbox):
            raise ConfigError(f"{day} was processed from the inbox {before}, not {settings.inbox}: check --inbox or "
                              "TICKETS_INBOX; if the scans moved there for good, run `tickets process --inbox-moved`")


def _inbox_of_last_run(warehouse: Warehouse, day: str) -> str | None:
    done = [run for run in warehouse.runs(day) if run["config_snapshot"] and run["status"] != "FAILED"]
    return done[-1]["config_snapshot"].get("inbox_folder") if done else None


def _existing_warehouse(settings: Settings) -> Warehouse | None:
    url = settings.warehouse_url
    if url.startswith("duckdb:///") and not Path(url.removeprefix("duckdb:///")).exists():
        return None
    return Warehouse.at(url)


def demo_command(args) -> int:
    from ticket_assets.synth import generate_inbox

    home = _home(args)
    inbox = home / "sample_inbox"
    days = [DEMO_FIRST_DAY + timedelta(days=i) for i in range(args.days)]
    print(f"generating {args.days} days x {args.pages} pages of synthetic tickets in {inbox}")
    shutil.rmtree(inbox, ignore_errors=True)  # the demo's own folder: start from what this seed makes
    generate_inbox(inbox, days, pages_per_day=args.pages, seed=args.seed)
    settings = load_settings(inbox, home)
    return _process(settings, [d.isoformat() for d in days])


def explain_command(args) -> int:
    from ticket_assets.explain import explain_page

    if not args.file.is_file():
        raise FileNotFoundError(f"no file {args.file}")
    print(explain_page(args.file.resolve(), args.page, load_settings(home=args.home)))
    return 0


def review_command(args) -> int:
    rows = _warehouse(args).open_reviews(args.date)
    columns = ("id", "partition_key", "severity", "reason", "file_path", "page_number")
    _print_table(columns, [[row[c] for c in columns] for row in rows])
    print(f"{len(rows)} open review item(s)")
    return 0


def review_show_command(args) -> int:
    item = _review_item(args)
    for key, value in item.items():
        shown = json.dumps(value, indent=2, default=str) if isinstance(value, dict) else value
        print(f"{key:<16} {shown}")
    for answer in _warehouse(args).item_answers(item):
        print(f"answer           {_answer_text(answer)}")
    return 0


def _answer_text(answer: dict) -> str:
    given = {**answer["corrections"], **{k: answer[k] for k in ("decision", "because") if answer[k]}}
    return f"{given or 'confirmed'} by {answer['resolved_by']} at {answer['resolved_at']:%Y-%m-%d %H:%M}"


def review_resolve_command(args) -> int:
    """Check the answer and that the day can be processed again, then save it and process the day."""
    from ticket_assets.extract.corrections import CorrectionError, checked_answer

    settings = load_settings(args.inbox, args.home)
    item = _review_item(args)
    if not args.by.strip():
        raise ConfigError("--by: say who answers")
    try:
        corrections = dict(_correction(text, _correction_context(settings, item)) for text in args.corrections)
        answer = checked_answer(item, corrections, args.decision, args.because)
    except CorrectionError as err:
        raise ConfigError(f"{err}; nothing saved") from err
    folder = settings.inbox / item["partition_key"]
    if not folder.is_dir():
        raise ConfigError(f"the day's folder {folder} is not there, so the answer could not reach the records and "
                          "reports: nothing saved (check --inbox or TICKETS_INBOX)")
    try:
        _refuse_another_inbox(settings, [item["partition_key"]])
    except ConfigError as err:
        raise ConfigError(f"{err}; nothing saved") from err
    Warehouse.at(settings.warehouse_url).save_answer(item, answer, args.by.strip())
    given = {**corrections, **{k: answer[k] for k in ("decision", "because") if answer[k]}}
    again = " again" if item["resolved"] else ""
    print(f"review item {item['id']} ({item['page_id']}, {item['reason']}) answered{again} by {args.by}: "
          f"{given or 'confirmed'}")
    print(f"processing {item['partition_key']} again so the records and reports carry the answer")
    return _process(settings, [item["partition_key"]])


def _correction_context(settings: Settings, item: dict):
    from ticket_assets.extract.corrections import CorrectionContext
    from ticket_assets.extract.record import Vocabularies

    record = Warehouse.at(settings.warehouse_url).ticket(item["page_id"])
    job = settings.job_or_default(record["job_code"] if record else None)
    return CorrectionContext(Vocabularies.packaged(settings.vendor_min_confidence), job,
                             tuple(j.code for j in settings.jobs))


def _correction(text: str, context) -> tuple[str, object]:
    from ticket_assets.extract.corrections import parse_correction

    field, separator, value = text.partition("=")
    if not separator:
        raise ConfigError(f"--set {text!r}: write FIELD=VALUE")
    return field.strip(), parse_correction(field.strip(), value, context)


def _review_item(args) -> dict:
    item = _warehouse(args).review_item(args.id)
    if item is None:
        raise ConfigError(f"there is no review item {args.id} (see `tickets review`)")
    return item


def ledger_command(args) -> int:
    rows = _warehouse(args).runs(args.date)
    columns = ("partition_key", "run_id", "status", "started_at", "files", "pages", "tickets", "review_count",
               "duplicates", "errors", "processed_by", "failure")
    _print_table(columns, [[row[c] for c in columns] for row in rows])
    if args.date:
        from ticket_assets.orchestrate.audit import day_runs

        print(f"\nDagster runs of {args.date}:")
        for detail in day_runs(_instance(args), args.date):
            _print_run_detail(detail)
    return 0


def audit_command(args) -> int:
    from ticket_assets.orchestrate.audit import run_detail

    warehouse, instance = _warehouse(args), _instance(args)
    records = warehouse.tickets_numbered(args.ticket_number, args.vendor)
    if not records:
        print(f"no record with ticket number {args.ticket_number}" + (f" of {args.vendor}" if args.vendor else ""))
        return 1
    runs = {row["run_id"]: row for row in warehouse.runs()}
    for record in records:
        ledger = runs.get(record["run_id"], {})
        print(f"{record['vendor']} {record['ticket_number']} of {record['ticket_date']}: "
              f"{record['file_path']} page {record['page_number']}")
        print(f"  sha256      {record['file_hash']}")
        print(f"  run         {record['run_id']} ({ledger.get('status', 'not in the ledger')}, "
              f"by {ledger.get('processed_by')}, {ledger.get('started_at')} to {ledger.get('finished_at')})")
        print(f"  config      {json.dumps(ledger.get('config_snapshot'), default=str)}")
        if record["duplicate_of"]:
            print(f"  duplicate of {record['duplicate_of']}")
        reviews, answers = warehouse.page_history(record["page_id"], record["file_hash"])
        for review in reviews:
            state = f"answered by {review['resolved_by']}" if review["resolved"] else "open"
            print(f"  review #{review['id']} {review['severity']} {review['reason']}: "
                  f"{review['detected_fields'].get('detail', '')} ({state})")
        for answer in answers:
            print(f"  answer      {answer['reason'] or 'page'}: {_answer_text(answer)}")
        detail = run_detail(instance, record["run_id"])
        if detail:
            _print_run_detail(detail, indent="  ")
    return 0


def _print_run_detail(detail, indent: str = "") -> None:
    print(f"{indent}Dagster run {detail.run_id}: {detail.status}, "
          f"{len(detail.retries)} retries, {len(detail.failures)} step failures")
    for retry in detail.retries:
        print(f"{indent}  retried   {retry}")
    for failure in detail.failures:
        print(f"{indent}  failed    {failure}")


def _instance(args):
    """The Dagster instance the runs of this home went to."""
    from dagster import DagsterInstance

    dagster_home = default_dagster_home(_home(args)).resolve()
    if not (dagster_home / "dagster.yaml").is_file():
        raise ConfigError(f"no Dagster instance at {dagster_home}: nothing was processed with this home yet")
    os.environ["DAGSTER_HOME"] = str(dagster_home)
    return DagsterInstance.get()


def export_command(args) -> int:
    from ticket_assets.reports.sets import export_reports, write_job_reports

    job = load_settings(home=_home(args)).job(args.job)
    paths = write_job_reports(_warehouse(args), job, args.out.resolve(), args.first_day, args.last_day,
                              writer=export_reports)
    for path in paths.values():
        print(path)
    return 0


def _day(text: str) -> date:
    day = parse_day(text)
    if day is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a YYYY-MM-DD date")
    return day


def _home(args) -> Path:
    return (args.home or home_from_env()).resolve()


def _warehouse(args) -> Warehouse:
    return Warehouse.at(warehouse_url(_home(args)))


def _chosen_days(settings: Settings, dates: list[str] | None) -> list[str]:
    available = list_date_folders(settings.inbox)
    if not dates:
        if not available:
            raise FileNotFoundError(f"no YYYY-MM-DD folders in {settings.inbox}")
        return available
    for day in dates:
        if parse_day(day) is None:
            raise ConfigError(f"--date {day!r} is not a YYYY-MM-DD date")
        if day not in available:
            raise FileNotFoundError(f"no folder {settings.inbox / day}")
    return sorted(set(dates))


def _process(settings: Settings, days: list[str]) -> int:
    """Run the days through Dagster, as many side by side as the instance's run queue allows; then the days
    their runs made out of date (a copy of one of their tickets found in a day just processed)."""
    from ticket_assets.orchestrate.launch import dagster_home_for

    with dagster_home_for(settings) as dagster_home:
        failures = _run_days(settings, days)
        for _ in range(FOLLOW_UP_ROUNDS):
            follow_up = _pending_days(settings, {f.day for f in failures})
            if not follow_up:
                break
            failures += _run_days(settings, follow_up)
    print(f"\nwarehouse: {settings.warehouse_url}\nexports:   {settings.exports_dir}\nDagster:   DAGSTER_HOME={dagster_home}")
    for failure in failures:
        print(f"FAILED {failure.day} (run {failure.run_id}): {failure.error}", file=sys.stderr)
    return 1 if failures else 0


def _run_days(settings: Settings, days: list[str]) -> list:
    from ticket_assets.orchestrate.launch import run_days

    failures = []
    with ExitStack() as running:
        for line, day in enumerate(days):
            running.enter_context(_ProgressBar(progress_path(settings.home, day), day, line))
        for outcome in run_days(settings, days):
            _print_day(settings, outcome)
            if not outcome.success:
                failures.append(outcome)
    return failures


def _pending_days(settings: Settings, failed: set[str]) -> list[str]:
    """Days to process again, said as they are taken; a day whose folder is gone is named and left."""
    chosen = []
    for day, why in sorted(Warehouse.at(settings.warehouse_url).pending().items()):
        if day in failed:
            continue
        if not (settings.inbox / day).is_dir():
            print(f"{day}: should be processed again ({why}), but its folder {settings.inbox / day} is gone")
            continue
        print(f"{day}: processing again: {why}")
        chosen.append(day)
    return chosen


def _print_day(settings: Settings, outcome) -> None:
    if not outcome.success:
        print(f"{outcome.day}: FAILED, {outcome.error}")
        return
    run = next((r for r in Warehouse.at(settings.warehouse_url).runs(outcome.day) if r["run_id"] == outcome.run_id), {})
    pages = run.get("pages") or 0
    print(f"{outcome.day}: {run.get('files')} files, {pages} pages, {run.get('tickets')} tickets, "
          f"{run.get('review_count')} sent to review, {outcome.seconds / max(pages, 1):.2f} s/page "
          f"-> {settings.exports_dir / outcome.day}")


class _ProgressBar:
    """A bar of pages read, fed by the progress file the OCR step writes."""

    def __init__(self, path: Path, day: str, line: int):
        self.path, self.day, self.line = path, day, line
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self):
        self.path.unlink(missing_ok=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()

    def _poll(self) -> None:
        from tqdm import tqdm

        bar = None
        while not self.stop.wait(0.3):
            progress = read_progress(self.path)
            if progress is None or (bar and (bar.n, bar.total) == progress):
                continue
            done, total = progress
            bar = bar or tqdm(total=total, desc=self.day, unit="page", leave=False, position=self.line)
            bar.total = total
            bar.update(done - bar.n)
        if bar:
            bar.close()


def _print_table(columns: tuple[str, ...], rows: list[list]) -> None:
    cells = [list(columns)] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    for row in cells:
        print("  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip())


if __name__ == "__main__":
    sys.exit(main())
