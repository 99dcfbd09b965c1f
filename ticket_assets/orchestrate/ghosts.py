"""No ghost runs: a run whose process died (SIGKILL, the OOM killer, a power cut) is marked failed, with
that reason, in the instance and the ledger, instead of staying STARTED for ever.

`tickets process` runs each day in a process of its own and tags the run with that process. Before a day
runs again, its earlier runs still marked as running are looked at: when their process is gone from this
machine, they are failed. Runs the daemon launched are watched by Dagster's run monitoring
(dagster_instance.yaml).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from dagster import DagsterInstance, DagsterRunStatus, RunsFilter

from ticket_assets.config import Settings
from ticket_assets.defs.process_day import PARTITION_TAG
from ticket_assets.orchestrate.audit import record_failed_run
from ticket_assets.store.warehouse import Warehouse

PROCESS_TAG = "tickets/process"  # host:pid:start of the process executing the run
DIED = "the process running it died (killed, or the machine stopped) before the run ended"
STILL_RUNNING = [DagsterRunStatus.STARTING, DagsterRunStatus.STARTED]


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{_start_time(os.getpid())}"


def fail_dead_runs(instance: DagsterInstance, warehouse: Warehouse, settings: Settings, day: str) -> list[str]:
    """Mark failed the day's runs still marked as running whose process on this machine is gone."""
    running = instance.get_runs(RunsFilter(statuses=STILL_RUNNING, tags={PARTITION_TAG: day}))
    dead = [run for run in running if PROCESS_TAG in run.tags and _is_gone(run.tags[PROCESS_TAG])]
    for run in dead:
        instance.report_run_failed(run, DIED)
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)  # or the next run waits for ever
        record_failed_run(instance, warehouse, settings, run.run_id)
    return [run.run_id for run in dead]


def free_slots_of_ended_runs(instance: DagsterInstance) -> list[str]:
    """Give back the pool slots still held by runs that have ended: a run stopped with Ctrl-C is failed before
    its step gives back the warehouse's one slot, and every later day would wait for it for ever."""
    storage = instance.event_log_storage
    ended = [run_id for run_id in storage.get_concurrency_run_ids()
             if (run := instance.get_run_by_id(run_id)) is None or run.is_finished]
    for run_id in ended:
        storage.free_concurrency_slots_for_run(run_id)
    return ended


def _is_gone(owner: str) -> bool:
    host, pid, started = owner.rsplit(":", 2)
    return host == socket.gethostname() and _start_time(int(pid)) != started


def _start_time(pid: int) -> str:
    """When the process started, in clock ticks since boot (so a new process given the same id differs);
    empty when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[1].split()[19]
