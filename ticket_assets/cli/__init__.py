"""The `tickets` command: a thin shell that parses, calls `ticket_assets.api`, and shows the result."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date, timedelta

from ticket_assets import api
from ticket_assets.cli.display import DaysProgress, answer_text, counted, print_run_detail, print_table
from ticket_assets.cli.parser import build_parser
from ticket_assets.config import Settings, load_settings
from ticket_assets.home import home_from_env
from ticket_assets.errors import UserError
from ticket_assets.schema import kept_content_of

DEMO_FIRST_DAY = date(2024, 10, 16)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UserError as err:
        print(f"tickets: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `tickets review | head`: the reader has all it wanted
        sys.stderr.close()
        return 0
    except KeyboardInterrupt as stop:
        left = getattr(stop, "not_started", [])
        not_started = f"; not started: {', '.join(left)}" if left else ""
        print(f"tickets: interrupted: a day stopped mid-run is as its last run left it{not_started}; "
              "the next `tickets process` finishes what is left", file=sys.stderr)
        return 130


def process_command(args) -> int:
    settings = load_settings(args.inbox, args.home)
    api.check_dates(args.dates or [])
    for name, problem in api.misnamed_folders(settings).items():
        print(f"tickets: folder {name!r} of the inbox {problem}", file=sys.stderr)
    for day, note in api.days_without_folder(settings).items():
        print(f"tickets: {day} {note}", file=sys.stderr)
    days = api.chosen_days(settings, args.dates)
    if not args.inbox_moved:
        api.refuse_another_inbox(settings, days)
    return _process(settings, days, again=args.again)


def demo_command(args) -> int:
    from ticket_assets.synth import generate_inbox

    home = (args.home or home_from_env()).resolve()
    inbox = home / "sample_inbox"
    days = [DEMO_FIRST_DAY + timedelta(days=i) for i in range(args.days)]
    print(f"generating {args.days} days x {args.pages} pages of synthetic tickets in {inbox}")
    shutil.rmtree(inbox, ignore_errors=True)  # the demo's own folder: start from what this seed makes
    generate_inbox(inbox, days, pages_per_day=args.pages, seed=args.seed)
    return _process(load_settings(inbox, home), [d.isoformat() for d in days])


def explain_command(args) -> int:
    from ticket_assets.explain import explain_page

    if args.file.is_dir():
        raise UserError(f"{args.file} is a folder: name one file of it")
    if not args.file.is_file():
        raise UserError(f"no file {args.file}")
    print(explain_page(args.file.resolve(), args.page, load_settings(home=args.home)))
    return 0


REVIEW_COLUMNS = ("id", "partition_key", "severity", "reason", "file_path", "page_number")


def _review_cells(row: dict) -> list:
    """A review item's row in `tickets review`: an item of a record kept from its file's earlier content says so,
    beside the item of the content the file holds now, whose row is otherwise the same."""
    kept_content = kept_content_of(row["page_id"])
    return [*(row[column] for column in REVIEW_COLUMNS), f"earlier, kept ({kept_content})" if kept_content else ""]


def review_command(args) -> int:
    settings = load_settings(home=args.home)
    rows = api.open_reviews(settings, args.date)
    print_table((*REVIEW_COLUMNS, "content"), [_review_cells(row) for row in rows])
    print(f"{len(rows)} open review item(s)")
    listed = {row["partition_key"] for row in rows}
    for day, note in api.days_without_folder(settings).items():
        if day in listed:
            print(f"{day} {note}")
    if args.date and not api.ledger(settings, args.date).runs:
        print(f"{args.date} has not been processed with this home")
    return 0


def review_show_command(args) -> int:
    settings = load_settings(home=args.home)
    item = api.review_item(settings, args.id)
    for key, value in item.items():
        shown = json.dumps(value, indent=2, default=str) if isinstance(value, dict) else value
        print(f"{key:<16} {shown}")
    for answer in api.item_answers(settings, item):
        print(f"answer           {answer_text(answer)}")
    return 0


def review_resolve_command(args) -> int:
    """Check the answer and that the day can be processed again, then save it and process the day."""
    settings = load_settings(args.inbox, args.home)
    try:
        if settings.inbox_folder is None:
            settings = api.with_inbox_of_day(settings, api.review_item(settings, args.id)["partition_key"])
        item, answer = api.answer_item(settings, args.id, args.corrections, args.decision, args.because, args.by)
    except UserError as err:
        raise UserError(f"{err}; nothing saved") from err
    given = {**answer["corrections"], **{key: answer[key] for key in ("decision", "because") if answer[key]}}
    again = " again" if item["resolved"] else ""
    print(f"review item {item['id']} ({item['page_id']}, {item['reason']}) answered{again} by {args.by}: "
          f"{given or 'confirmed'}")
    print(f"processing {item['partition_key']} again so the records and reports carry the answer")
    return _process(settings, [item["partition_key"]])


def vendor_add_command(args) -> int:
    settings = api.with_inbox_of_day(load_settings(args.inbox, args.home), args.page_id.split("/")[0])
    path, day = api.add_vendor(settings, args.page_id, args.vendor, args.display_name, args.kind)
    print(f"vendor {args.vendor}: template written to {path}; edit it to add keywords or a ticket number pattern")
    print(f"processing {day} again so its pages are read with it")
    return _process(settings, [day])


def backup_command(args) -> int:
    folder = api.backup(load_settings(home=args.home), args.into)
    print(f"backup written to {folder}: " + ", ".join(sorted(path.name for path in folder.iterdir())))
    return 0


def restore_command(args) -> int:
    settings = load_settings(args.inbox, args.home)
    kept, days = api.restore(settings, args.backup)
    print(f"warehouse restored from {args.backup}" + (f"; the one it replaced is kept as {kept}" if kept else ""))
    for day, count in sorted(days.items()):
        print(f"{day}: {count} answer(s) given since the backup put back")
    if days and settings.inbox_folder:
        print("processing those days again so the records, the review queue and the reports carry them")
        return _process(settings, sorted(days))
    if days:
        print("`tickets process` carries them into the records, the review queue and the reports")
    return 0


def rebuild_command(args) -> int:
    settings = load_settings(args.inbox, args.home)
    kept, processed = api.rebuild(settings, _watchers(settings))
    if kept:
        print(f"the warehouse it replaced is kept as {kept}")
    return _finished(settings, processed)


def ledger_command(args) -> int:
    day = api.ledger(load_settings(home=args.home), args.date)
    print_table(api.LEDGER_COLUMNS, [[row[c] for c in api.LEDGER_COLUMNS] for row in day.runs])
    for pending_day, why in sorted(day.pending.items()):
        print(f"{pending_day}: its records and reports wait for the day to run again ({why}); "
              "`tickets process` runs it")
    if args.date:
        print(f"\nDagster runs of {args.date}:")
        for detail in day.dagster_runs:
            print_run_detail(detail)
    return 0


def audit_command(args) -> int:
    audited = api.audit(load_settings(home=args.home), args.ticket_number, args.vendor)
    if not audited:
        print(f"no record with ticket number {args.ticket_number}" + (f" of {args.vendor}" if args.vendor else ""))
        return 1
    for entry in audited:
        _print_audited(entry)
    return 0


def _print_audited(entry: api.AuditedRecord) -> None:
    record, ledger = entry.record, entry.ledger
    print(f"{record['vendor']} {record['ticket_number']} of {record['ticket_date']}: "
          f"{record['file_path']} page {record['page_number']}")
    print(f"  sha256      {record['file_hash']}")
    print(f"  run         {record['run_id']} ({ledger.get('status', 'not in the ledger')}, "
          f"by {ledger.get('processed_by')}, {ledger.get('started_at')} to {ledger.get('finished_at')})")
    print(f"  config      {json.dumps(ledger.get('config_snapshot'), default=str)}")
    if record["duplicate_of"]:
        print(f"  duplicate of {record['duplicate_of']}")
    for review in entry.reviews:
        state = f"answered by {review['resolved_by']}" if review["resolved"] else "open"
        detail = review["detected_fields"].get("detail", "")
        shown = detail if detail == state else f"{detail} ({state})"  # an answered item's history row says it already
        print(f"  review #{review['id']} {review['severity']} {review['reason']}: {shown}")
    for answer in entry.answers:
        print(f"  answer      {answer['reason'] or 'page'}: {answer_text(answer)}")
    if entry.run:
        print_run_detail(entry.run, indent="  ")


def config_check_command(args) -> int:
    import yaml

    settings = load_settings(args.inbox, args.home)
    warnings = api.configuration_warnings(settings)
    verdict = f"{len(warnings)} warning(s)" if warnings else "no problems"
    print(f"{settings.config_path}: {verdict}; the settings in effect:")
    print(yaml.safe_dump(api.check_configuration(settings), sort_keys=False, default_flow_style=False).rstrip())
    for warning in warnings:
        print(f"warning: {warning}")
    return 0


def export_command(args) -> int:
    settings = load_settings(home=args.home)
    for path in api.export(settings, args.job, args.first_day, args.last_day, args.out).values():
        print(path)
    return 0


def ui_command(args) -> int:
    settings = load_settings(args.inbox, args.home)
    inbox = settings.inbox_folder or "none given (TICKETS_INBOX): the sensor waits and days cannot be read"
    print(f"Dagster UI at http://{args.host}:{args.port} for {settings.home}, inbox {inbox}; Ctrl-C stops it",
          flush=True)
    api.start_ui(settings, args.host, args.port)


def serve_command(args) -> int:
    from ticket_assets.station.serve import serve

    settings = load_settings(args.inbox, args.home)
    inbox, _ = settings.inbox, api.read_warehouse(settings)  # refused before the station says it is there
    where = "behind the reverse proxy" if args.behind_proxy else f"at http://{args.host}:{args.port}"
    print(f"review station {where} for {settings.home}, inbox {inbox}; Ctrl-C stops it", flush=True)
    if not _user_book(args).users():
        print("no users yet: add one with `tickets user add NAME --role reviewer`", flush=True)
    serve(settings, args.host, args.port, args.behind_proxy, args.quiet_seconds)
    return 0


def user_add_command(args) -> int:
    user = _user_book(args).add(args.name, args.role, _new_password())
    print(f"user {user.name} added as a {user.role.value}")
    return 0


def user_passwd_command(args) -> int:
    user = _user_book(args).set_password(args.name, _new_password())
    print(f"password of {user.name} changed; their open sessions have ended")
    return 0


def _user_book(args):
    from ticket_assets.station.app import station_folder
    from ticket_assets.station.users import UserBook

    return UserBook(station_folder(load_settings(home=args.home)) / "users.json")


def _new_password() -> str:
    """Asked twice on a terminal; a script gives it as the first line of standard input."""
    import getpass

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass("password: ")
    if getpass.getpass("again: ") != password:
        raise UserError("the two passwords differ; nothing changed")
    return password


def _process(settings: Settings, days: list[str], again: bool = False) -> int:
    """Process the days, showing one progress display; each day's line as it finishes, the failures at the end."""
    return _finished(settings, api.process(settings, days, _watchers(settings), again))


def _watchers(settings: Settings) -> api.Watchers:
    progress = DaysProgress(settings.home)
    return api.Watchers(running=progress.running, note=progress.print,
                        day_done=lambda outcome: progress.day_done(outcome.day, _day_line(settings, outcome)))


def _finished(settings: Settings, processed) -> int:
    print(f"\nwarehouse: {settings.warehouse_url}\nexports:   {settings.exports_dir}\n"
          f"Dagster:   DAGSTER_HOME={processed.dagster_home}")
    for failure in processed.failures:
        run = f" (run {failure.run_id})" if failure.run_id else ""
        print(f"FAILED {failure.day}{run}: {failure.error}", file=sys.stderr)
    return 1 if processed.failures else 0


def _day_line(settings: Settings, outcome) -> str:
    if not outcome.success:
        return f"{outcome.day}: FAILED, {outcome.error}"
    run = api.run_record(settings, outcome.day, outcome.run_id)
    pages = run.get("pages") or 0
    counts = (f"{counted(run.get('files') or 0, 'file')}, {counted(pages, 'page')}, "
              f"{counted(run.get('tickets') or 0, 'ticket')}, "
              f"{run.get('review_count')} for a person to answer, {run.get('note_count') or 0} with notes only")
    if outcome.unchanged:
        return (f"{outcome.day}: unchanged since run {outcome.run_id[:8]}, not run again (--again runs it): "
                f"{counts} -> {settings.exports_dir / outcome.day}")
    pace = f"{outcome.seconds / pages:.2f} s/page" if pages else "no pages to read"  # empty, or unreadable files
    return f"{outcome.day}: {counts}, {pace} -> {settings.exports_dir / outcome.day}"


COMMANDS = {
    "process": process_command,
    "demo": demo_command,
    "explain": explain_command,
    "vendor add": vendor_add_command,
    "backup": backup_command,
    "restore": restore_command,
    "rebuild": rebuild_command,
    "review": review_command,
    "review show": review_show_command,
    "review resolve": review_resolve_command,
    "export": export_command,
    "ledger": ledger_command,
    "audit": audit_command,
    "config check": config_check_command,
    "ui": ui_command,
    "serve": serve_command,
    "user add": user_add_command,
    "user passwd": user_passwd_command,
}
