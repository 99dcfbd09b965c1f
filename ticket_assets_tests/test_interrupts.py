"""Ctrl-C while a day runs: a line that says what happened, no stack trace, no day started after it, and the
next run goes through (days side by side: test_interrupts_side_by_side.py).

Apart from test_faults.py (whose inbox it shares), and from the side-by-side test, so that the suite's two
workers share the interrupted runs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from ticket_assets.orchestrate.day_run import INTERRUPTED
from ticket_assets.store.warehouse import Warehouse

from .conftest import make_home
from .test_faults import _wait_for_started_run, inbox  # noqa: F401 (inbox: a fixture)


def test_ctrl_c_mid_day_is_told_in_a_line_without_a_stack_trace(inbox, tmp_path):
    """Trial: Ctrl-C printed Dagster's ERROR line with DagsterExecutionInterruptedError's stack trace, then 'the run
    failed; see `dagster dev`'."""
    home = make_home(tmp_path / "home")
    env = {**os.environ, "DAGSTER_HOME": str(home / "dagster")}
    command = [sys.executable, "-m", "ticket_assets.cli", "--home", str(home), "process", str(inbox)]
    stopped = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    _wait_for_started_run(home)
    os.killpg(stopped.pid, signal.SIGINT)
    out, err = stopped.communicate(timeout=120)
    assert stopped.returncode == 130 and "interrupted (Ctrl-C or a stop signal)" in out + err, out[-2000:] + err[-2000:]
    assert "Stack Trace" not in err and "Traceback" not in err and "dagster - ERROR" not in err, err[-3000:]
    ledger = Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}").runs()
    assert [run["failure"] for run in ledger] == [INTERRUPTED], "not Dagster's 'no user initiated termination'"
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)  # third trial: it hung
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
