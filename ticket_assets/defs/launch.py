"""Run days through the Dagster instance from Python, as the `tickets` command does.

Runs made here are ordinary runs of the instance: they show in the UI and in the
audit trail like the sensor's.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from dagster import DagsterInstance, execute_job, reconstructable

from ticket_assets.audit import record_failed_run
from ticket_assets.config import Settings, default_dagster_home
from ticket_assets.defs.jobs import SIGNATURE_TAG
from ticket_assets.defs.partitions import date_folders
from ticket_assets.discover import folder_signature
from ticket_assets.store.warehouse import Warehouse

INSTANCE_TEMPLATE = Path(__file__).resolve().parents[2] / "dagster.yaml"
QUIET_RUN = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


@dataclass(frozen=True)
class DayRun:
    day: str
    run_id: str
    success: bool
    error: str | None


def prepare_environment(settings: Settings) -> Path:
    """Point the step processes at this inbox and home, and make DAGSTER_HOME ready; return it."""
    os.environ["TICKETS_INBOX"], os.environ["TICKETS_HOME"] = str(settings.inbox), str(settings.home)
    dagster_home = default_dagster_home(settings.home).resolve()
    dagster_home.mkdir(parents=True, exist_ok=True)
    instance_file = dagster_home / "dagster.yaml"
    if not instance_file.exists() and INSTANCE_TEMPLATE.exists():
        shutil.copyfile(INSTANCE_TEMPLATE, instance_file)
    os.environ["DAGSTER_HOME"] = str(dagster_home)
    return dagster_home


def run_day(instance: DagsterInstance, settings: Settings, day: str) -> DayRun:
    """Process one date folder through the `process_day` job; failures are returned, not raised."""
    from ticket_assets.definitions import process_day_job

    instance.add_dynamic_partitions(date_folders.name, [day])
    tags = {"dagster/partition": day, SIGNATURE_TAG: folder_signature(settings.inbox / day), "tickets/started_by": "cli"}
    with execute_job(reconstructable(process_day_job), instance=instance, run_config=QUIET_RUN, tags=tags) as result:
        outcome = DayRun(day, result.run_id, result.success, None if result.success else _failure_reason(result))
    if not outcome.success:
        record_failed_run(instance, Warehouse.at(settings.warehouse_url), settings, outcome.run_id)
    return outcome


def _failure_reason(result) -> str:
    """The first step failure's message, with the original error when retries ran out."""
    for event in result.all_events:
        if event.is_step_failure:
            error = event.step_failure_data.error
            cause = f" (cause: {error.cause.message.strip()})" if error and error.cause else ""
            return f"{event.step_key}: {error.message.strip() if error else 'failed'}{cause}"
    failed_checks = [e for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"
                     and not e.event_specific_data.evaluation.passed]
    if failed_checks:
        return "asset check failed: " + ", ".join(e.event_specific_data.evaluation.check_name for e in failed_checks)
    return "the run failed; see `dagster dev` for its events"
