"""Processed days whose folder has left the inbox (renamed, moved or deleted after processing).

Their records, open review items and report rows stay in the warehouse, and an answer to one of their items cannot
be saved; without a word from here nobody would know why.
"""

from __future__ import annotations

from pathlib import Path

from ticket_assets.schema import RunStatus
from ticket_assets.store.warehouse import Warehouse


def inboxes_of_days(runs: list[dict]) -> dict[str, str | None]:
    """The inbox each day was last read from, by its last run that got under way (runs in order of start)."""
    inboxes = {}
    for run in runs:
        if run["config_snapshot"] and run["status"] != RunStatus.FAILED:
            inboxes[run["partition_key"]] = run["config_snapshot"].get("inbox_folder")
    return inboxes


def vanished_days(warehouse: Warehouse, inbox: Path | None) -> dict[str, str]:
    """Days the warehouse holds records or open items of whose folder is not in the inbox they were read from
    (or in `inbox`, for a day with no such run): day -> what it still holds and what to do."""
    inboxes = inboxes_of_days(warehouse.runs())
    vanished = {}
    for day, (records, items) in sorted(warehouse.held_days().items()):
        day_inbox = Path(inboxes[day]) if inboxes.get(day) else inbox
        if day_inbox is not None and not (day_inbox / day).is_dir():
            vanished[day] = _vanished_note(day_inbox / day, records, items)
    return vanished


def _vanished_note(folder: Path, records: int, items: int) -> str:
    return (f"was processed, but its folder {folder} is no longer in the inbox: the warehouse and the reports "
            f"still hold its {records} record(s) and {items} open review item(s), which cannot be answered; put the "
            f"folder back under its name {folder.name} (a renamed copy of it is read as a new day beside it)")
