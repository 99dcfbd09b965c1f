"""A run that ended without giving back the warehouse's pool slot (stopped with Ctrl-C) does not block every
later day: `tickets process` gives back slots of ended runs before a day runs, never those of running ones."""

from dagster import DagsterInstance, DagsterRunStatus
from dagster._core.storage.dagster_run import DagsterRun

from ticket_assets.orchestrate.ghosts import free_slots_of_ended_runs


def _run_holding_the_slot(instance, status):
    run = instance.add_run(DagsterRun(job_name="process_day", status=status))
    instance.event_log_storage.claim_concurrency_slot("warehouse", run.run_id, "extracted_tickets")
    return run.run_id


def test_slots_of_ended_runs_are_given_back_and_a_running_run_keeps_its_own(tmp_path):
    with DagsterInstance.local_temp(str(tmp_path)) as instance:
        instance.event_log_storage.set_concurrency_slots("warehouse", 2)
        interrupted = _run_holding_the_slot(instance, DagsterRunStatus.FAILURE)
        running = _run_holding_the_slot(instance, DagsterRunStatus.STARTED)
        assert free_slots_of_ended_runs(instance) == [interrupted]
        claimed = instance.event_log_storage.get_concurrency_info("warehouse").claimed_slots
        assert [slot.run_id for slot in claimed] == [running]
        assert free_slots_of_ended_runs(instance) == []
