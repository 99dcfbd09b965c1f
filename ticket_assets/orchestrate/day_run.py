"""A day's outcome in a `process` call, kept apart from the launcher so that reading it needs no Dagster."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DayRun:
    day: str
    run_id: str
    success: bool
    error: str | None
    seconds: float
    unchanged: bool = False  # not run: its last run read the same inputs, and what it made is in place
