"""Answers gathered per day, and the day processed again once: when its reviewer leaves it, or after a
quiet spell without answers. A day answered page by page is run once, not once per answer.

Each run is `tickets process --date DAY` in a process of its own: it goes through the Dagster instance as
every other run does (the ledger, the audit trail, the run queue), and Dagster's run machinery stays out
of the web server's process. One day runs at a time; answers given meanwhile wait for the next run.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

from ticket_assets.config import Settings

QUIET_SECONDS = 60.0
TICK_SECONDS = 1.0


@dataclass
class DayState:
    last_answer: float = 0.0  # time.monotonic() of the latest answer waiting for a run
    waiting: int = 0  # answers given since the last run started
    due: bool = False  # its reviewer left it: run as soon as possible
    running_since: float | None = None
    last_outcome: str = ""  # what the last run did, in words


@dataclass
class DayReruns:
    settings: Settings
    quiet_seconds: float = QUIET_SECONDS
    days: dict[str, DayState] = field(default_factory=dict)
    viewing: dict[str, str | None] = field(default_factory=dict)  # session -> the day it is on
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _running: tuple[str, subprocess.Popen] | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        threading.Thread(target=self._loop, name="day-reruns", daemon=True).start()

    def stop(self, wait_seconds: float = 30) -> None:
        """Stop launching; wait a while for a run already going, which finishes on its own anyway."""
        self._stop.set()
        if self._running:
            try:
                self._running[1].wait(wait_seconds)
            except subprocess.TimeoutExpired:
                pass

    def answered(self, day: str, count: int = 1) -> None:
        with self._lock:
            state = self.days.setdefault(day, DayState())
            state.last_answer, state.waiting = time.monotonic(), state.waiting + count

    def on_day(self, session: str, day: str | None) -> None:
        """Where a reviewer's session is now; the day it was on before, left, is run if answers wait."""
        with self._lock:
            before = self.viewing.get(session)
            self.viewing[session] = day
            if before and before != day and self.days.get(before, DayState()).waiting:
                self.days[before].due = True

    def status(self, day: str) -> DayState:
        with self._lock:
            state = self.days.get(day, DayState())
            return DayState(state.last_answer, state.waiting, state.due, state.running_since, state.last_outcome)

    def _loop(self) -> None:
        while not self._stop.wait(TICK_SECONDS):
            self._reap()
            if self._running is None:
                self._launch_next()

    def _launch_next(self) -> None:
        with self._lock:
            now = time.monotonic()
            ready = [day for day, s in self.days.items()
                     if s.waiting and (s.due or now - s.last_answer >= self.quiet_seconds)]
            if not ready:
                return
            day = min(ready)
            state = self.days[day]
            state.waiting, state.due, state.running_since = 0, False, now
        with self._log() as log:
            # A session of its own: Ctrl-C on the station does not cut the day's run short.
            self._running = (day, subprocess.Popen(self._command(day), stdin=subprocess.DEVNULL, stdout=log,
                                                   stderr=subprocess.STDOUT, start_new_session=True))

    def _reap(self) -> None:
        if self._running is None or self._running[1].poll() is None:
            return
        day, process = self._running
        with self._lock:
            state = self.days[day]
            state.running_since = None
            state.last_outcome = ("processed again" if process.returncode == 0 else
                                  f"the run failed (exit status {process.returncode}); see {self.settings.home}"
                                  "/logs/station_runs.log and `tickets ledger --date " + day + "`")
        self._running = None

    def _command(self, day: str) -> list[str]:
        return [sys.executable, "-m", "ticket_assets.cli", "--home", str(self.settings.home), "process",
                str(self.settings.inbox), "--date", day]

    def _log(self):
        path = self.settings.home / "logs" / "station_runs.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "ab")
