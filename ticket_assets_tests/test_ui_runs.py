"""The UI's own buttons, sent to the webserver's GraphQL API as the UI sends them, under `tickets ui` (the
webserver and the daemon): a backfill of three days, one of whose folders is gone, and the Materialize button
on one day. They must run as the `tickets` command's runs do: same executor (the code location's), tags,
ledger rows, a failed day's row and a failure that says which day and why. Then SIGTERM (as Ctrl-C) stops `tickets ui`
in the middle of a day's reading, and nothing of it is left."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from dagster import DagsterInstance, RunsFilter

from ticket_assets.defs.process_day import PARTITION_TAG, SIGNATURE_TAG
from ticket_assets.discover import folder_signature
from ticket_assets.progress import progress_path, read_progress
from ticket_assets.store.warehouse import Warehouse

from .conftest import SAMPLE_DAYS, free_port, graphql, make_home, wait_for
from .etickets import DIRT_LOAD, ROCK_LOAD, write_etickets

DAYS = ["2024-10-17", "2024-10-18"]  # e-tickets: read without OCR, so the runs are quick
GONE = "2024-10-19"  # a day whose folder was removed after it became a partition
SCANNED = "2024-10-20"  # scanned pages, read by the OCR pool when SIGTERM comes
REPOSITORY = {"repositoryLocationName": "ticket_assets", "repositoryName": "__repository__"}

ASSET_NODES = """{ assetNodes { assetKey { path } jobNames
                   assetChecksOrError { ... on AssetChecks { checks { name } } } } }"""
ADD_PARTITION = """mutation($repository: RepositorySelector!, $key: String!) {
  addDynamicPartition(repositorySelector: $repository, partitionsDefName: "date_folders", partitionKey: $key) {
    __typename } }"""
PARTITION_TAGS = """query($repositoryName: String!, $repositoryLocationName: String!, $jobName: String!,
                          $partitionName: String!, $assetKeys: [AssetKeyInput!]!) {
  pipelineOrError(params: {pipelineName: $jobName, repositoryName: $repositoryName,
                           repositoryLocationName: $repositoryLocationName}) {
    ... on Pipeline { partition(partitionName: $partitionName, selectedAssetKeys: $assetKeys) {
      tagsOrError { ... on PartitionTags { results { key value } } } } } } }"""
LAUNCH_RUN = """mutation($params: ExecutionParams!) { launchPipelineExecution(executionParams: $params) {
  __typename ... on LaunchRunSuccess { run { id } } ... on PythonError { message } } }"""
LAUNCH_BACKFILL = """mutation($params: LaunchBackfillParams!) { launchPartitionBackfill(backfillParams: $params) {
  __typename ... on LaunchBackfillSuccess { backfillId } ... on PythonError { message } } }"""
RUN_FAILURE = """query($runId: ID!) { logsForRun(runId: $runId) { ... on EventConnection { events {
  __typename ... on RunFailureEvent { message error { message } } } } } }"""
FROM_UI = {"key": "dagster/from_ui", "value": "true"}


@dataclass
class Ui:
    base: str
    home: Path
    inbox: Path
    server: subprocess.Popen
    log: Path

    def instance(self) -> DagsterInstance:
        return DagsterInstance.from_config(str(self.home / "dagster"))


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    """`tickets ui` on a home whose sensor leaves the days alone (they never settle), as a terminal starts it."""
    home = make_home(tmp_path_factory.mktemp("ui_runs_home"), settle_seconds=3600, days_at_once=2)  # as shipped
    inbox = tmp_path_factory.mktemp("ui_runs_inbox")
    for seed, day in enumerate(DAYS):
        write_etickets(inbox / day / "etickets.pdf", [ROCK_LOAD, DIRT_LOAD], date.fromisoformat(day), seed)
    port, log = free_port(), home / "ui.log"
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "TICKETS_HOME", "TICKETS_INBOX")}
    env.update(_quick_backfills(env))
    with log.open("wb") as sink:
        server = subprocess.Popen(  # a script's background job: its own process group, SIGINT ignored
            [sys.executable, "-m", "ticket_assets.cli", "--home", str(home), "ui", str(inbox), "--port", str(port)],
            env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        wait_for(f"http://127.0.0.1:{port}/server_info")
        yield Ui(f"http://127.0.0.1:{port}", home, inbox, server, log)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)


def _quick_backfills(env: dict[str, str]) -> dict[str, str]:
    """The daemon's backfill loop every 2 s, not every 30 (quick_daemon/sitecustomize.py): the backfill is the
    same, it is only picked up sooner."""
    paths = [str(Path(__file__).with_name("quick_daemon")), *filter(None, [env.get("PYTHONPATH")])]
    return {"PYTHONPATH": os.pathsep.join(paths), "TICKETS_TEST_BACKFILL_INTERVAL": "2"}


def _materialize(ui: Ui, day: str, assets: list[dict]) -> str:
    """The Materialize button on one partition: the common job of the assets, the partition's tags from the
    server, every asset and check of the selection."""
    job = _common_job(assets)
    keys = [{"path": a["assetKey"]["path"]} for a in assets]
    partition = graphql(ui.base, PARTITION_TAGS, {**REPOSITORY, "jobName": job, "partitionName": day,
                                                   "assetKeys": keys})["pipelineOrError"]["partition"]
    checks = [{"name": c["name"], "assetKey": {"path": a["assetKey"]["path"]}}
              for a in assets for c in a["assetChecksOrError"].get("checks", [])]
    params = {"mode": "default", "runConfigData": "{}",
              "executionMetadata": {"tags": partition["tagsOrError"]["results"]},
              "selector": {**REPOSITORY, "pipelineName": job, "assetSelection": keys, "assetCheckSelection": checks}}
    launched = graphql(ui.base, LAUNCH_RUN, {"params": params})["launchPipelineExecution"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    return launched["run"]["id"]


def _common_job(assets: list[dict]) -> str:
    """The job the UI launches for a selection: the first job, in the server's order, that every asset is in."""
    return next(job for job in assets[0]["jobNames"] if all(job in a["jobNames"] for a in assets))


def _backfill(ui: Ui, days: list[str], assets: list[dict]) -> str:
    params = {"assetSelection": [{"path": a["assetKey"]["path"]} for a in assets], "partitionNames": days,
              "fromFailure": False, "tags": [FROM_UI]}
    launched = graphql(ui.base, LAUNCH_BACKFILL, {"params": params})["launchPartitionBackfill"]
    assert launched["__typename"] == "LaunchBackfillSuccess", launched
    return launched["backfillId"]


def _add_partition(ui: Ui, day: str) -> None:
    graphql(ui.base, ADD_PARTITION, {"repository": REPOSITORY, "key": day})


def _finished_runs(ui: Ui, expected: int, seconds: float = 240) -> list:
    deadline, runs = time.monotonic() + seconds, []
    with ui.instance() as instance:
        while time.monotonic() < deadline:
            runs = [record.dagster_run for record in instance.get_run_records()]
            if len(runs) >= expected and all(run.is_finished for run in runs):
                return runs
            time.sleep(1)
    raise TimeoutError(f"{expected} runs did not finish in {seconds} s: {[(r.job_name, r.status) for r in runs]}")


def _ledger_rows(ui: Ui, expected: int, seconds: float = 60) -> list[dict]:
    """The ledger once it holds `expected` rows: a failed run's row comes from a sensor, a few seconds late."""
    warehouse = Warehouse.at(f"duckdb:///{ui.home / 'warehouse.duckdb'}")
    deadline = time.monotonic() + seconds
    while len(rows := warehouse.runs()) < expected and time.monotonic() < deadline:
        time.sleep(1)
    return rows


@pytest.fixture(scope="module")
def launched(ui):
    """A backfill of the three days and, meanwhile, the Materialize button on the first; all runs finished."""
    assets = graphql(ui.base, ASSET_NODES)["assetNodes"]
    for day in [*DAYS, GONE]:
        _add_partition(ui, day)
    backfill = _backfill(ui, [*DAYS, GONE], assets)
    materialized = _materialize(ui, DAYS[0], assets)
    runs = _finished_runs(ui, expected=4)
    return backfill, materialized, {run.run_id: run for run in runs}, _common_job(assets)


def test_the_ui_s_buttons_run_the_implicit_asset_job_tagged_as_the_command_s_runs(ui, launched):
    backfill, materialized, runs, job = launched
    assert job == "__ASSET_JOB"  # what Materialize picks; it has the code location's executor, as process_day
    assert {run.job_name for run in runs.values()} == {"__ASSET_JOB"}
    by_day = {}
    for run in runs.values():
        by_day.setdefault(run.tags[PARTITION_TAG], []).append(run)
    assert sorted(by_day) == [*DAYS, GONE] and len(by_day[DAYS[0]]) == 2
    assert materialized in {run.run_id for run in by_day[DAYS[0]]}
    assert all(run.tags.get("dagster/backfill") == backfill for run in runs.values() if run.run_id != materialized)
    for day in DAYS:
        assert {run.status.value for run in by_day[day]} == {"SUCCESS"}
        assert {run.tags[SIGNATURE_TAG] for run in by_day[day]} == {folder_signature(ui.inbox / day)}
    assert [run.status.value for run in by_day[GONE]] == ["FAILURE"]


def test_every_run_of_a_day_has_its_ledger_row_the_failed_day_too(ui, launched):
    runs = launched[2]
    rows = {row["run_id"]: row for row in _ledger_rows(ui, expected=len(runs))}
    assert set(rows) == set(runs)
    for run_id, run in runs.items():
        day, row = run.tags[PARTITION_TAG], rows[run_id]
        assert row["partition_key"] == day
        if day == GONE:
            assert row["status"] == "FAILED" and f"{GONE}: date folder" in row["failure"], row
        else:
            assert row["status"] == "EXPORTED" and row["tickets"] == 2, row


def test_a_failed_day_s_run_failure_says_which_day_and_why(ui, launched):
    [failed] = [run_id for run_id, run in launched[2].items() if run.tags[PARTITION_TAG] == GONE]
    events = graphql(ui.base, RUN_FAILURE, {"runId": failed})["logsForRun"]["events"]
    [failure] = [event for event in events if event["__typename"] == "RunFailureEvent"]
    first_line = failure["error"]["message"].splitlines()[0]
    assert first_line.endswith(f"Failure: {GONE}: date folder {ui.inbox / GONE} does not exist"), first_line


def test_sigterm_stops_the_ui_started_in_the_background_mid_day_and_leaves_nothing_behind(ui, launched,
                                                                                          sample_inbox):
    """Six processes of `dagster dev` were left for minutes after Ctrl-C: a step stopped while its OCR pool was
    reading could wait forever for its readers, and the run and the code server for it (pinned without a race in
    test_ocr). Also: `tickets ui` starts without dagster dev's warnings."""
    for day in SAMPLE_DAYS:  # ten pages: the pool is still reading when SIGTERM comes
        shutil.copytree(sample_inbox / day.isoformat(), ui.inbox / SCANNED, dirs_exist_ok=True)
    _add_partition(ui, SCANNED)
    _materialize(ui, SCANNED, graphql(ui.base, ASSET_NODES)["assetNodes"])
    progress = progress_path(ui.home, SCANNED)
    deadline = time.monotonic() + 120
    while (read_progress(progress) or (0, 0))[0] < 1 and time.monotonic() < deadline:
        time.sleep(0.2)
    done, total = read_progress(progress)
    assert 1 <= done < total, "the day was read before SIGTERM"

    os.killpg(ui.server.pid, signal.SIGTERM)  # what `kill` and a service manager send; Ctrl-C's SIGINT is the same
    ui.server.wait(timeout=30)
    # With the suite's other file running beside this one, the OCR pools' resource trackers outlived 15 s once,
    # and the code server 40 s once: it ends when the run it started has ended, checked every 30 s.
    assert _left_in_group(ui.server.pid, seconds=90) == []
    log = ui.log.read_text()
    assert "Ctrl-C stops it" in log and "Dagster services shut down" in log
    assert "will not be used" not in log and "superseded" not in log  # DAGSTER_HOME's, and `use dg dev`


def _left_in_group(group: int, seconds: float) -> list[str]:
    """The live processes (not zombies) of a process group, once they are gone or `seconds` have passed."""
    deadline = time.monotonic() + seconds
    while True:
        listing = subprocess.run(["ps", "-o", "stat=,args=", "-g", str(group)], capture_output=True, text=True)
        alive = [line.strip() for line in listing.stdout.splitlines() if not line.strip().startswith("Z")]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.5)
