"""Run days through the Dagster instance from Python, as the `tickets` command does.

Runs made here are ordinary runs of the instance: they show in the UI and in the
audit trail like the sensor's. Days run side by side each in a process of its
own, as many as the instance's run queue allows: Dagster's `execute_job` is not
safe to call from two threads at once (its logging set-up deadlocks).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from dagster import DagsterInstance, DagsterRunStatus, RunsFilter, execute_job, reconstructable

from ticket_assets.config import INSTANCE_TEMPLATE, Settings, default_dagster_home
from ticket_assets.day_inputs import day_inputs_digest
from ticket_assets.defs.partitions import date_folders
from ticket_assets.defs.process_day import INPUTS_TAG, PARTITION_TAG, SIGNATURE_TAG
from ticket_assets.discover import folder_signature
from ticket_assets.orchestrate.audit import error_text, record_failed_run
from ticket_assets.orchestrate.ghosts import PROCESS_TAG, fail_dead_runs, this_process
from ticket_assets.orchestrate.step_server import start_step_server
from ticket_assets.schema import RunStatus
from ticket_assets.store.warehouse import Warehouse

QUIET_RUN = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


@dataclass(frozen=True)
class DayRun:
    day: str
    run_id: str
    success: bool
    error: str | None
    seconds: float
    unchanged: bool = False  # not run: its last run read the same inputs, and what it made is in place


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


def run_days(settings: Settings, days: list[str], again: bool = False) -> Iterator[DayRun]:
    """Process the date folders, side by side up to the run queue's limit; outcomes as each day finishes.
    A day whose inputs are those of its last successful run is not run again, unless `again`.

    Call inside dagster_home_for: each day's process finds the instance through DAGSTER_HOME.
    """
    with DagsterInstance.get() as instance:
        unchanged = {} if again else unchanged_days(instance, settings, days)
        yield from (DayRun(day, run_id, True, None, 0.0, unchanged=True) for day, run_id in unchanged.items())
        days = [day for day in days if day not in unchanged]
        if not days:
            return
        start_step_server(settings.step_log)  # started already by `tickets process`; idle when days run apart
        side_by_side = runs_at_once(instance, len(days))
        if side_by_side == 1:
            yield from (run_day(instance, settings, day) for day in days)
            return
    with ProcessPoolExecutor(side_by_side, mp_context=multiprocessing.get_context("spawn")) as runs:
        yield from (future.result() for future in as_completed(
            [runs.submit(run_day_in_own_instance, settings, day) for day in days]))


def unchanged_days(instance: DagsterInstance, settings: Settings, days: list[str]) -> dict[str, str]:
    """Day -> run id, for the days whose last run succeeded on the same inputs (day_inputs.py), is in the
    warehouse's ledger with its reports written, and which no answer or other day has marked pending."""
    candidates = {day: run_id for day in days if (run_id := _last_run_on_same_inputs(instance, settings, day))}
    if not candidates:
        return {}
    warehouse = Warehouse.at(settings.warehouse_url, settings.faults)
    pending = warehouse.pending()
    return {day: run_id for day, run_id in candidates.items()
            if day not in pending and _made_and_in_place(warehouse, settings, day, run_id)}


def _last_run_on_same_inputs(instance: DagsterInstance, settings: Settings, day: str) -> str | None:
    records = instance.get_run_records(RunsFilter(tags={PARTITION_TAG: day}), limit=1)
    if not records or records[0].dagster_run.status != DagsterRunStatus.SUCCESS:
        return None
    run = records[0].dagster_run
    return run.run_id if run.tags.get(INPUTS_TAG) == day_inputs_digest(settings, day) else None


def _made_and_in_place(warehouse: Warehouse, settings: Settings, day: str, run_id: str) -> bool:
    """The run's ledger row says its reports were written, and the day's reports are there."""
    exported = any(row["run_id"] == run_id and row["status"] == RunStatus.EXPORTED.value
                   for row in warehouse.runs(day))
    return exported and (settings.exports_dir / day / "manifest_log.csv").exists()


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
    tags = {PARTITION_TAG: day, SIGNATURE_TAG: folder_signature(settings.inbox / day), "tickets/started_by": "cli",
            PROCESS_TAG: this_process()}
    with execute_job(reconstructable(process_day_job), instance=instance, run_config=_run_config(settings),
                     tags=tags) as result:
        outcome = DayRun(day, result.run_id, result.success, None if result.success else _failure_reason(result),
                         time.monotonic() - started)
    if not outcome.success:
        record_failed_run(instance, Warehouse.at(settings.warehouse_url, settings.faults), settings, outcome.run_id)
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
