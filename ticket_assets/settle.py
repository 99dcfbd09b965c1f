"""Which date folders are ready: content unchanged for the settle time, and not yet processed as it is.

Scanners copy files in over minutes; a folder runs only once its signature (names,
sizes, modification times) has held still, and again whenever it changes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from ticket_assets.discover import folder_signature, list_date_folders, list_day_files


@dataclass
class FolderState:
    signature: str
    unchanged_since: float
    requested: str | None = None  # the signature a run was last requested for


@dataclass(frozen=True)
class ReadyFolder:
    day: str
    signature: str


def plan_ready_folders(inbox: Path, states: dict[str, FolderState], now: float, settle_seconds: float,
                       already_processed=lambda day, signature: False) -> list[ReadyFolder]:
    """Folders to process now; `states` is updated in place (it is the sensor's memory)."""
    ready = []
    for day in list_date_folders(inbox):
        folder = inbox / day
        if not list_day_files(folder):
            continue
        signature = folder_signature(folder)
        state = states.get(day)
        if state is None or state.signature != signature:
            states[day] = FolderState(signature, now, state.requested if state else None)
            continue
        settled = now - state.unchanged_since >= settle_seconds
        if settled and state.requested != signature:
            state.requested = signature
            if not already_processed(day, signature):
                ready.append(ReadyFolder(day, signature))
    return ready


def states_to_json(states: dict[str, FolderState]) -> dict:
    return {day: asdict(state) for day, state in states.items()}


def states_from_json(data: dict) -> dict[str, FolderState]:
    return {day: FolderState(**state) for day, state in data.items()}
