"""A day's outcome in a `process` call, kept apart from the launcher so that reading it needs no Dagster."""

from __future__ import annotations

from dataclasses import dataclass

INTERRUPTED = ("interrupted (Ctrl-C or a stop signal) before it finished: the day is as its last run left it; "
               "`tickets process` runs it again")


@dataclass(frozen=True)
class DayRun:
    day: str
    run_id: str  # "" when no run was made
    success: bool
    error: str | None
    seconds: float
    unchanged: bool = False  # not run: its last run read the same inputs, and what it made is in place
    interrupted: bool = False


def interrupted_day(day: str, seconds: float, run_id: str = "") -> DayRun:
    return DayRun(day, run_id, False, INTERRUPTED, seconds, interrupted=True)


class DaysInterrupted(KeyboardInterrupt):
    """A stop signal ended the days' runs: the days not yet started were left."""

    def __init__(self, not_started: list[str]):
        super().__init__(not_started)
        self.not_started = not_started
