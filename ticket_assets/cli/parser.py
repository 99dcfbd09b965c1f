"""The `tickets` command line: its commands, arguments and help."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ticket_assets.discover import parse_day

# A demo shows the platform on a sample: a month of days, a busy day's pages (rendering and reading a
# page takes seconds, so more is hours of waiting, not a bigger demonstration).
DEMO_MAX_DAYS = 31
DEMO_MAX_PAGES = 200


class _CommandParser(argparse.ArgumentParser):
    """A command's parser: an argument it does not know is refused with the command's usage, not the top
    level's (argparse leaves a command's unknown arguments to the top level)."""

    def parse_known_args(self, args=None, namespace=None):
        namespace, unknown = super().parse_known_args(args, namespace)
        if unknown:
            self.error(f"unrecognized arguments: {' '.join(unknown)}")
        return namespace, unknown


def build_parser() -> argparse.ArgumentParser:
    """The command line; each command's name is left in `args.command` for the shell to run."""
    parser = argparse.ArgumentParser(prog="tickets", allow_abbrev=False, description="Process date folders of scanned truck tickets through Dagster, and look at what came out.")
    parser.add_argument("--home", type=_path, help="working folder (warehouse, cache, exports); default $TICKETS_HOME or ./.tickets")
    commands = parser.add_subparsers(required=True, metavar="COMMAND", parser_class=_CommandParser)

    process = commands.add_parser("process", help="process date folders of an inbox through Dagster")
    process.add_argument("inbox", type=_path, nargs="?", help="folder of YYYY-MM-DD folders; default $TICKETS_INBOX")
    process.add_argument("--date", action="append", dest="dates", metavar="YYYY-MM-DD", help="only this day (repeatable)")
    process.add_argument("--inbox-moved", action="store_true",
                         help="the scans of days processed before now live in this inbox (moved, not replaced)")
    process.add_argument("--again", action="store_true",
                         help="run days whose files, configuration and code have not changed since their last run")
    process.set_defaults(command="process")

    demo = commands.add_parser("demo", help="generate a sample inbox of synthetic tickets and process it")
    demo.add_argument("--days", type=_count(1, DEMO_MAX_DAYS), default=3,
                      help=f"days to generate, 1 to {DEMO_MAX_DAYS} (default 3)")
    demo.add_argument("--pages", type=_count(1, DEMO_MAX_PAGES), default=10,
                      help=f"pages per day, 1 to {DEMO_MAX_PAGES} (default 10)")
    demo.add_argument("--seed", type=int, default=0)
    demo.set_defaults(command="demo")

    explain = commands.add_parser("explain", help="show how one page is read: text, templates, fields, review")
    explain.add_argument("file", type=_path)
    explain.add_argument("--page", type=int, default=1)
    explain.set_defaults(command="explain")

    review = commands.add_parser("review", help="list the open review queue; show or resolve one item")
    review.add_argument("--date", type=_day_folder, help="only this day (YYYY-MM-DD)")
    review.set_defaults(command="review")
    review_actions = review.add_subparsers(metavar="ACTION")
    show = review_actions.add_parser("show", help="everything about one review item")
    show.add_argument("id", type=int)
    show.set_defaults(command="review show")
    resolve = review_actions.add_parser("resolve", help="answer a review item; the day is processed again")
    resolve.add_argument("id", type=int)
    resolve.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", dest="corrections",
                         help="the right value of a field (repeatable); FIELD= clears it")
    resolve.add_argument("--decision", help="for a duplicate: copy (left out of the invoice list and the counts) "
                         "or two-loads; for a vanished or replaced file: keep")
    resolve.add_argument("--because", help="why a CRITICAL item closes without its value, in words "
                         "(for example \"no manifest: load returned to site\"); kept with the record")
    resolve.add_argument("--by", required=True, help="who answers")
    resolve.add_argument("--inbox", type=_path, help="folder of the date folders; default $TICKETS_INBOX")
    resolve.set_defaults(command="review resolve")

    export = commands.add_parser("export", help="write the reports for a job's days, on demand")
    export.add_argument("--job", help="job code; default the configuration's default job; 'unknown' (or such a code) "
                                         "for the loads of job codes the configuration lacks, as exports/job_unknown")
    export.add_argument("--from", dest="first_day", type=_day, help="first date folder (default the job's start)")
    export.add_argument("--to", dest="last_day", type=_day, help="last date folder (default the job's end)")
    export.add_argument("--out", type=_path, required=True, help="folder to write the reports into, beside what it holds")
    export.set_defaults(command="export")

    ledger = commands.add_parser("ledger", help="list the runs per day with their counts; with --date, "
                                               "every Dagster run of that day with its failures and retries")
    ledger.add_argument("--date", type=_day_folder, help="only this day (YYYY-MM-DD)")
    ledger.set_defaults(command="ledger")

    audit = commands.add_parser("audit", help="every record with a ticket number: file, run, config, review history")
    audit.add_argument("ticket_number")
    audit.add_argument("--vendor", help="only this vendor's tickets")
    audit.set_defaults(command="audit")
    vendor = commands.add_parser("vendor", help="vendor templates: add one for a vendor no template knows")
    vendor_actions = vendor.add_subparsers(required=True, metavar="ACTION")
    add = vendor_actions.add_parser("add", help="write a template from a page of the new vendor (its "
                                    "UNKNOWN_VENDOR review item names the page); its day is processed again")
    add.add_argument("page_id", help="the page, as the review item names it (2024-10-17/scan_0042.pdf-p3)")
    add.add_argument("vendor", help="the vendor's name in capitals and underscores, e.g. CORPOTECH")
    add.add_argument("--display-name", help="how the vendor is written out (default: its header, as read)")
    add.add_argument("--kind", choices=("trucking", "supply", "destination"), default="trucking")
    add.add_argument("--inbox", type=_path, help="folder of the date folders; default $TICKETS_INBOX")
    add.set_defaults(command="vendor add")

    backup = commands.add_parser("backup", help="copy the warehouse, the answer journal, added vendor templates "
                                 "and the configuration into a new folder under DIR; safe while runs go on")
    backup.add_argument("into", type=_path, metavar="DIR")
    backup.set_defaults(command="backup")
    restore = commands.add_parser("restore", help="put a backup's warehouse back, with every answer given since; "
                                  "the present file is kept beside it")
    restore.add_argument("backup", type=_path, metavar="BACKUP", help="a folder `tickets backup` wrote")
    restore.add_argument("--inbox", type=_path, help="folder of the date folders, to process the days whose answers "
                         "went back in; default $TICKETS_INBOX")
    restore.set_defaults(command="restore")
    rebuild = commands.add_parser("rebuild", help="make the warehouse anew from the inbox, the caches and the "
                                  "answer journal, every day through Dagster; the old file is kept beside it")
    rebuild.add_argument("inbox", type=_path, nargs="?", help="folder of YYYY-MM-DD folders; default $TICKETS_INBOX")
    rebuild.set_defaults(command="rebuild")

    ui = commands.add_parser("ui", help="start the Dagster UI and daemon on this home's instance (Ctrl-C stops them)")
    ui.add_argument("inbox", type=_path, nargs="?", help="folder of YYYY-MM-DD folders; default $TICKETS_INBOX")
    ui.add_argument("--host", default="127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)
    ui.set_defaults(command="ui")

    serve = commands.add_parser("serve", help="start the review station: the queue in a browser, for office staff")
    serve.add_argument("inbox", type=_path, nargs="?", help="folder of YYYY-MM-DD folders; default $TICKETS_INBOX")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--behind-proxy", action="store_true", help="reached through a reverse proxy with TLS on this "
                       "machine: cookies over HTTPS only, client addresses from X-Forwarded-For")
    serve.add_argument("--quiet-seconds", type=float, default=60, help="process a day again after this long "
                       "without answers (default 60), or as soon as its reviewer leaves it")
    serve.set_defaults(command="serve")

    user = commands.add_parser("user", help="the review station's users: add one, change a password")
    user_actions = user.add_subparsers(required=True, metavar="ACTION")
    user_add = user_actions.add_parser("add", help="add a user; the password is asked for (or read from stdin)")
    user_add.add_argument("name")
    user_add.add_argument("--role", required=True, choices=("reviewer", "viewer"),
                          help="a reviewer answers; a viewer sees and downloads")
    user_add.set_defaults(command="user add")
    passwd = user_actions.add_parser("passwd", help="change a user's password (their sessions end)")
    passwd.add_argument("name")
    passwd.set_defaults(command="user passwd")

    config = commands.add_parser("config", help="the configuration file and the settings in effect")
    config_actions = config.add_subparsers(required=True, metavar="ACTION")
    check = config_actions.add_parser("check", help="check the configuration file and print the settings in effect")
    check.add_argument("--inbox", type=_path, help="folder of the date folders; default $TICKETS_INBOX")
    check.set_defaults(command="config check")
    return parser


def _count(low: int, high: int):
    """An argument type: a whole number from low to high."""
    def counted(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            raise argparse.ArgumentTypeError(f"give a whole number from {low} to {high}, not {text!r}")
        return number
    return counted


def _path(text: str) -> Path:
    """A path argument; an empty one is refused: as a Path it would be the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give a path, not an empty value")
    return Path(text)


def _day_folder(text: str) -> str:
    """A date folder's name, checked."""
    return _day(text).isoformat()


def _day(text: str) -> date:
    day = parse_day(text)
    if day is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a YYYY-MM-DD date")
    return day
