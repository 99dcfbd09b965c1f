"""Run days through the Dagster instance from Python, as the `tickets` command does.

Runs made here are ordinary runs of the instance: they show in the UI and in the
audit trail like the sensor's. Days run side by side each in a process of its
own (side_by_side), as many as the instance's run queue allows: Dagster's
`execute_job` is not safe to call from two threads at once (its logging set-up
deadlocks). A stop signal ends the day running and starts no other.
"""

from __future__ import annotations

import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from dagster import DagsterInstance, execute_job, reconstructable

from ticket_assets.config import INSTANCE_TEMPLATE, Settings, default_dagster_home
from ticket_assets.defs.partitions import date_folders
from ticket_assets.defs.process_day import PARTITION_TAG, SIGNATURE_TAG
from ticket_assets.discover import folder_signature
from ticket_assets.orchestrate.audit import error_text, record_failed_run
from ticket_assets.orchestrate.day_run import DayRun, DaysInterrupted, interrupted_day
from ticket_assets.orchestrate.ghosts import PROCESS_TAG, fail_dead_runs, free_slots_of_ended_runs, this_process
from ticket_assets.orchestrate.side_by_side import run_side_by_side
from ticket_assets.orchestrate.step_server import start_step_server
from ticket_assets.store.warehouse import Warehouse

# The command says what each day came to in a line of its own (_failure_reason); Dagster's console logger would
# print a failed run's error with its stack trace (a Ctrl-C's too) above it. The event log keeps every event.
QUIET_RUN = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def ready_dagster_home(settings: Settings) -> Path:
    """This home's Dagster instance folder, with the instance template copied in the first time."""
    dagster_home = default_dagster_home(settings.home).resolve()
    dagster_home.mkdir(parents=True, exist_ok=True)
    instance_file = dagster_home / "dagster.yaml"
    if not instance_file.exists():
        shutil.copyfile(INSTANCE_TEMPLATE, instance_file)
    return dagster_home


@contextmanager
def dagster_home_for(settings: Settings) -> Iterator[Path]:
    """DAGSTER_HOME pointed at this home's instance (made ready) while days run, and put back afterwards,
    so that a later call for another home in the same process finds its own instance."""
    dagster_home = ready_dagster_home(settings)
    previous = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(dagster_home)
    try:
        yield dagster_home
    finally:
        if previous is None:
            del os.environ["DAGSTER_HOME"]
        else:
            os.environ["DAGSTER_HOME"] = previous


def run_days(settings: Settings, days: list[str]) -> Iterator[DayRun]:
    """Process the date folders, side by side up to the run queue's limit; outcomes as each day finishes.

    Call inside dagster_home_for: each day's process finds the instance through DAGSTER_HOME.
    """
    with DagsterInstance.get() as instance:
        start_step_server(settings.step_log)  # started already by `tickets process`; idle when days run apart
        side_by_side = runs_at_once(instance, len(days))
        if side_by_side == 1:
            yield from _one_after_another(instance, settings, days)
            return
    yield from run_side_by_side(settings, days, side_by_side)


def _one_after_another(instance: DagsterInstance, settings: Settings, days: list[str]) -> Iterator[DayRun]:
    """Dagster turns a Ctrl-C during a run into the run's failure; the days after it are then left."""
    for at, day in enumerate(days):
        outcome = run_day(instance, settings, day)
        yield outcome
        if outcome.interrupted:
            raise DaysInterrupted(days[at + 1:])


def run_day_in_own_instance(settings: Settings, day: str) -> DayRun:
    start_step_server(settings.step_log)
    with DagsterInstance.get() as instance:
        return run_day(instance, settings, day)


def run_day(instance: DagsterInstance, settings: Settings, day: str) -> DayRun:
    """Process one date folder through the `process_day` job; failures are returned, not raised."""
    from ticket_assets.definitions import process_day_job

    started = time.monotonic()
    instance.add_dynamic_partitions(date_folders.name, [day])
    fail_dead_runs(instance, Warehouse.at(settings.warehouse_url, settings.faults), settings, day)
    free_slots_of_ended_runs(instance)
    tags = {PARTITION_TAG: day, SIGNATURE_TAG: folder_signature(settings.inbox / day), "tickets/started_by": "cli",
            PROCESS_TAG: this_process()}
    with execute_job(reconstructable(process_day_job), instance=instance, run_config=_run_config(settings),
                     tags=tags) as result:
        if _was_interrupted(result):
            outcome = interrupted_day(day, time.monotonic() - started, result.run_id)
        else:
            outcome = DayRun(day, result.run_id, result.success, None if result.success else _failure_reason(result),
                             time.monotonic() - started)
    if not outcome.success:
        # Dagster's own words for a Ctrl-C: "No user initiated termination request was found"
        record_failed_run(instance, Warehouse.at(settings.warehouse_url, settings.faults), settings, outcome.run_id,
                          outcome.error if outcome.interrupted else None)
    return outcome


def runs_at_once(instance: DagsterInstance, days: int) -> int:
    """How many days to run side by side: the instance's run queue limit (-1: no limit), at least one."""
    queue = instance.get_concurrency_config().run_queue_config
    limit = queue.max_concurrent_runs if queue else 1
    return days if limit < 0 else max(1, min(limit, days))


def _run_config(settings: Settings) -> dict:
    """Paths go to the steps in the run's config, not the environment: the step processes are forked from a
    server that keeps the environment of the first run this Python process made."""
    paths = {"inbox": str(settings.inbox), "home": str(settings.home)}
    return {**QUIET_RUN, "resources": {"tickets": {"config": paths}}}


def _failure_reason(result) -> str:
    """The first step failure, with the original error when retries ran out; else the failed checks."""
    for event in result.all_events:
        if event.is_step_failure:
            return f"{event.step_key}: {error_text(event.step_failure_data.error)}"
    failed_checks = [e for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"
                     and not e.event_specific_data.evaluation.passed]
    if failed_checks:
        return "asset check failed: " + ", ".join(e.event_specific_data.evaluation.check_name for e in failed_checks)
    return "the run failed; see `dagster dev` for its events"


def _was_interrupted(result) -> bool:
    return not result.success and any(e.is_run_failure and "interrupted" in (e.message or "")
                                      for e in result.all_events)
