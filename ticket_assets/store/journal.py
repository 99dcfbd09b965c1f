"""What people give, kept apart from the warehouse: an append-only journal of review answers.

Everything else in the warehouse can be made again from the inbox and the caches; a person's answers
cannot. Each answer is written here, flushed to disk, before the warehouse is touched, and no line is
ever rewritten. The warehouse's answers table is filled again from it when it is missing or behind.
One JSON object per line; a last line cut short by a crash is an answer the warehouse never got, and
is left out.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import uuid
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ticket_assets.store.warehouse import Warehouse

ITEM_IDENTITY = ("page_id", "partition_key", "file_hash", "page_number", "reason", "field_name")  # what was answered
JOURNAL_FIELDS = (*ITEM_IDENTITY, "corrections", "decision", "because", "resolved_by", "resolved_at")


class AnswerJournal:
    def __init__(self, path: Path):
        self.path = path

    @contextlib.contextmanager
    def locked(self):
        """Alone with the journal among this machine's processes (two days' runs bringing it up to date)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def append(self, answer: dict, journal_id: str | None = None) -> dict:
        """Write one answer (the review_answers columns) with a new journal id, or the one it has in another
        copy of the journal; return the entry as written."""
        entry = {"journal_id": journal_id or uuid.uuid4().hex, **{key: answer.get(key) for key in JOURNAL_FIELDS}}
        line = json.dumps({**entry, "resolved_at": _iso(entry["resolved_at"])}, sort_keys=True, default=str) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        new = not self.path.exists()
        with open(self.path, "a+b") as handle:
            if handle.tell() and not _ends_with_newline(handle):
                handle.write(b"\n")  # after a line a crash cut short
            handle.write(line.encode())
            handle.flush()
            os.fsync(handle.fileno())
        if new:
            _fsync_folder(self.path.parent)
        return entry

    def entries(self) -> list[dict]:
        """Every whole answer in the order given."""
        if not self.path.exists():
            return []
        entries = []
        for line in self.path.read_text().splitlines():
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # cut short by a crash before the warehouse was written
        for entry in entries:
            entry["resolved_at"] = datetime.fromisoformat(entry["resolved_at"])
        return entries


def bring_up_to_date(warehouse: "Warehouse", journal: AnswerJournal) -> dict[str, int]:
    """The journal and the answers table made to hold the same answers: answers given before the journal
    existed are journaled, answers the table lacks are put back (their days marked pending)."""
    with journal.locked():
        for answer in warehouse.unjournaled_answers():
            entry = journal.append(answer)
            warehouse.mark_journaled(answer["id"], entry["journal_id"])
        return warehouse.catch_up_answers(journal.entries())


def _iso(moment) -> str:
    return moment.isoformat() if isinstance(moment, datetime) else str(moment)


def _ends_with_newline(handle) -> bool:
    handle.seek(-1, os.SEEK_END)
    return handle.read(1) == b"\n"


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
