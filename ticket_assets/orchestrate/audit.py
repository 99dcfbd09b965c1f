"""The audit trail: which file, page and run produced a record, and what Dagster recorded about that run.

The warehouse's ledger holds one row per run and day; the detail of a run (its
steps' failures, with the original error Dagster keeps as the cause, and the
retries taken) is read from the Dagster instance's own run storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from dagster import DagsterEventType, DagsterInstance, RunsFilter

from ticket_assets.config import Settings
from ticket_assets.defs.process_day import PARTITION_TAG
from ticket_assets.schema import RunStatus
from ticket_assets.store.warehouse import Warehouse



@dataclass
class RunDetail:
    run_id: str
    day: str | None
    status: str
    started: float | None
    finished: float | None
    failures: list[str] = field(default_factory=list)  # "step: error (cause: original error)"
    retries: list[str] = field(default_factory=list)  # "step: why it was retried"
    run_failure: str | None = None  # why the run as a whole failed, when no step said (its process died)


def run_detail(instance: DagsterInstance, run_id: str) -> RunDetail | None:
    record = next(iter(instance.get_run_records(RunsFilter(run_ids=[run_id]))), None)
    if record is None:
        return None
    run = record.dagster_run
    detail = RunDetail(run.run_id, run.tags.get(PARTITION_TAG), run.status.value, record.start_time, record.end_time)
    kinds = {DagsterEventType.STEP_FAILURE: detail.failures, DagsterEventType.STEP_UP_FOR_RETRY: detail.retries}
    for event in instance.all_logs(run_id, of_type={*kinds, DagsterEventType.RUN_FAILURE}):
        step_event = event.dagster_event
        if step_event.event_type == DagsterEventType.RUN_FAILURE:
            detail.run_failure = step_event.message
        else:
            kinds[step_event.event_type].append(
                f"{step_event.step_key}: {error_text(step_event.event_specific_data.error)}")
    return detail


def day_runs(instance: DagsterInstance, day: str) -> list[RunDetail]:
    """Every Dagster run of one date folder, oldest first."""
    records = instance.get_run_records(RunsFilter(tags={PARTITION_TAG: day}))
    details = [run_detail(instance, record.dagster_run.run_id) for record in records]
    return sorted((d for d in details if d), key=lambda d: d.started or 0)


def record_failed_run(instance: DagsterInstance, warehouse: Warehouse, settings: Settings, run_id: str,
                      why: str | None = None) -> None:
    """Put a failed run in the ledger with its error (or `why`, when the caller knows better than Dagster),
    whether or not its steps got as far as writing a row."""
    detail = run_detail(instance, run_id)
    if detail is None or detail.day is None:
        return
    warehouse.record_failure({
        "run_id": run_id, "partition_key": detail.day, "status": RunStatus.FAILED.value,
        "started_at": _when(detail.started), "finished_at": _when(detail.finished) or datetime.now(),
        "errors": len(detail.failures),
        "failure": why or "; ".join(detail.failures) or detail.run_failure or f"run ended {detail.status}",
        "config_snapshot": settings.snapshot(), "processed_by": settings.operator,
    })


def _when(timestamp: float | None) -> datetime | None:
    return datetime.fromtimestamp(timestamp) if timestamp else None


def error_text(error) -> str:
    """A failure's message, with the original error when retries ran out (Dagster keeps it as the cause)."""
    if error is None:
        return "no error recorded"
    text = error.message.strip().splitlines()[0] if error.message.strip() else error.cls_name or "error"
    while error.cause is not None:  # after retries run out, the step's own error is kept as the cause
        error = error.cause
    original = error.message.strip().splitlines()[0] if error.message.strip() else ""
    return text if not original or original in text else f"{text} (cause: {original})"
