"""The inbox sensor: a settled new or changed date folder becomes a partition and a run.
The ledger sensor: a failed run of a day, whichever job ran it, goes into the ledger with its error."""

import json
import time
from datetime import datetime, timedelta

from dagster import (
    DefaultSensorStatus,
    RunFailureSensorContext,
    RunRequest,
    RunsFilter,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    run_failure_sensor,
    sensor,
)

from ticket_assets.orchestrate.audit import record_failed_run

from ticket_assets.config import ConfigError
from ticket_assets.defs.process_day import PARTITION_TAG, PROCESS_DAY, SIGNATURE_TAG
from ticket_assets.defs.partitions import date_folders
from ticket_assets.defs.resources import TicketsConfig
from ticket_assets.discover import misnamed_date_folders
from ticket_assets.settle import plan_ready_folders, states_from_json, states_to_json


@sensor(job_name=PROCESS_DAY, minimum_interval_seconds=30, default_status=DefaultSensorStatus.RUNNING)
def inbox_sensor(context: SensorEvaluationContext, tickets: TicketsConfig):
    """Watch TICKETS_INBOX; run a day once its folder has stopped changing, and again when it changes."""
    try:
        settings = tickets.settings()
        inbox = settings.inbox
    except ConfigError as err:
        return SkipReason(str(err))
    if not inbox.is_dir():
        return SkipReason(f"inbox {inbox} does not exist")
    for name, problem in misnamed_date_folders(inbox).items():
        context.log.warning(f"folder {name!r} of the inbox {problem}")
    states = states_from_json(json.loads(context.cursor)) if context.cursor else {}

    def already_processed(day: str, signature: str) -> bool:
        """A run of this exact content exists already (for instance one started by `tickets process`)."""
        runs = context.instance.get_run_records(
            RunsFilter(tags={PARTITION_TAG: day, SIGNATURE_TAG: signature}), limit=1)
        return bool(runs)

    ready = plan_ready_folders(inbox, states, time.time(), settings.settle_seconds, already_processed)
    known = set(context.instance.get_dynamic_partitions(date_folders.name))
    new_days = sorted({folder.day for folder in ready} - known)
    requests = [RunRequest(run_key=f"{f.day}:{f.signature}", partition_key=f.day, tags={SIGNATURE_TAG: f.signature})
                for f in ready]
    return SensorResult(
        run_requests=requests + _pending_requests(context, tickets, {f.day for f in ready}, known),
        dynamic_partitions_requests=[date_folders.build_add_request(new_days)] if new_days else [],
        cursor=json.dumps(states_to_json(states)),
    )


def _pending_requests(context: SensorEvaluationContext, tickets: TicketsConfig, starting: set[str],
                      known: set[str]) -> list[RunRequest]:
    """Days another day's run made out of date (a copy of one of their tickets turned up elsewhere), or answered
    since they last ran: run again once per request. Days about to run anyway, or never added as partitions,
    are left to those runs. A request younger than the settle time waits: answers given one at a time (in the
    review station) mark their day again with each answer, and the day runs once, when they stop."""
    settle = timedelta(seconds=tickets.settings().settle_seconds)
    requests = []
    for day, why in sorted(tickets.warehouse().pending_requests().items()):
        if day in starting or day not in known or datetime.now() - why[1] < settle:
            continue
        context.log.info(f"{day}: processing again: {why[0]}")
        requests.append(RunRequest(run_key=f"{day}:pending:{why[1]:%Y%m%dT%H%M%S%f}", partition_key=day))
    return requests


# No monitored_jobs: every job of this code location, the implicit asset job of the UI's buttons included.
# Every 5 s rather than Dagster's 30: a failed day shows in `tickets ledger` soon after the run page.
@run_failure_sensor(minimum_interval_seconds=5, default_status=DefaultSensorStatus.RUNNING)
def failed_runs_to_ledger(context: RunFailureSensorContext, tickets: TicketsConfig):
    """Runs started by the inbox sensor, the UI or a backfill fail without the `tickets` command watching:
    ledger them here (runs the command started are ledgered by it, and are not seen here)."""
    settings = tickets.settings()
    record_failed_run(context.instance, tickets.warehouse(), settings, context.dagster_run.run_id)
