"""A stop while days run side by side: each running day ends as interrupted, no other day starts, nothing is left
running, and the next run goes through."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from ticket_assets.synth import generate_inbox

from .conftest import make_home

THREE_DAYS = ["2024-11-04", "2024-11-05", "2024-11-06"]


def test_a_stop_with_days_side_by_side_ends_both_and_starts_no_other(tmp_path):
    """Trials: with two days at once, Ctrl-C went on starting the days after them, one after the other; the stop
    `timeout` sends twice lost the days' lines and gave tracebacks."""
    inbox = tmp_path / "inbox"
    generate_inbox(inbox, [date.fromisoformat(day) for day in THREE_DAYS], pages_per_day=1, seed=4, bad_files=False)
    home = make_home(tmp_path / "home", days_at_once=2)
    env = {**os.environ, "DAGSTER_HOME": str(home / "dagster")}
    command = [sys.executable, "-m", "ticket_assets.cli", "--home", str(home), "process", str(inbox)]
    stopped = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    _wait_for_runs(home, started=2)
    started_processes = _descendants(stopped.pid)
    # As `timeout` and service managers stop a command: to the command, then to its whole process group
    os.kill(stopped.pid, signal.SIGTERM)
    os.killpg(stopped.pid, signal.SIGTERM)
    out, err = stopped.communicate(timeout=180)
    said = out[-3000:] + err[-3000:]
    assert stopped.returncode == 130 and f"not started: {THREE_DAYS[2]}" in err, said
    assert out.count("interrupted (Ctrl-C or a stop signal)") == 2 and "Traceback" not in err, said
    assert _runs(home) == {"FAILURE": 2}, _runs(home)
    assert len(started_processes) >= 4 and not _left_running(started_processes)
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
    assert _runs(home) == {"FAILURE": 2, "SUCCESS": 3}


def _wait_for_runs(home, started: int, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while _runs(home).get("STARTED", 0) < started:
        assert time.monotonic() < deadline, f"{started} runs never ran at once: {_runs(home)}"
        time.sleep(0.5)
    time.sleep(3)  # into their steps


def _runs(home) -> dict[str, int]:
    """Runs by status, read straight from the instance's SQLite run storage (see _wait_for_started_run)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{home / 'dagster' / 'history' / 'runs.db'}?mode=ro",
                                                uri=True)) as db:
            return dict(db.execute("SELECT status, count(*) FROM runs GROUP BY status").fetchall())
    except sqlite3.Error:
        return {}


def _descendants(pid: int) -> set[int]:
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
    found, more = set(), {pid}
    while more:
        more = {child for child, parent in parents.items() if parent in more} - found
        found |= more
    return found


def _left_running(processes: set[int], grace_seconds: float = 15) -> list[str]:
    """The command lines of those still running once the servers the command's processes started have seen
    them go (they end on their own when their parent has)."""
    deadline = time.monotonic() + grace_seconds
    while (running := [pid for pid in processes if _alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.5)
    return [_command_line(pid) for pid in running]


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for its parent to read its status."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _command_line(pid: int) -> str:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:200]
    return str(pid)
