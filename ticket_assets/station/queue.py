"""The queue a person works through: the open items to answer, oldest CRITICAL first, filtered and counted;
INFO notes apart. Read from the warehouse once per change of its file, not once per page view."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlencode

from ticket_assets.extract.reasons import Severity
from ticket_assets.store.warehouse import Warehouse

SEVERITY_RANK = {Severity.CRITICAL.value: 0, Severity.WARNING.value: 1, Severity.INFO.value: 2}
FILTERS = ("day", "severity", "reason", "vendor")
SHOWN_ROWS = 200  # rows of the list drawn at once; the counts cover every item


@dataclass(frozen=True)
class QueueFilter:
    day: str = ""
    severity: str = ""
    reason: str = ""
    vendor: str = ""

    @classmethod
    def of(cls, params) -> "QueueFilter":
        return cls(**{name: params.get(name, "") for name in FILTERS})

    def matches(self, row: dict) -> bool:
        wanted = {"partition_key": self.day, "severity": self.severity, "reason": self.reason, "vendor": self.vendor}
        return all(not value or (row[key] or "") == value for key, value in wanted.items())

    def query(self, **extra: str) -> str:
        """The filter (and `extra`) as a query string, '' when empty: carried from the queue to its items."""
        given = {**{f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}, **extra}
        return "?" + urlencode(given) if given else ""


@dataclass
class QueueView:
    to_answer: list[dict]  # the filter's items a person must act on, in working order
    notes: list[dict]  # the filter's INFO notes: shown, nothing to answer
    counts: dict[str, Counter]  # every open item to answer, by day, severity, reason and vendor

    @property
    def shown(self) -> list[dict]:
        return self.to_answer[:SHOWN_ROWS]


def working_order(row: dict) -> tuple:
    """Most severe first, then the oldest, then as the queue numbered them."""
    return SEVERITY_RANK.get(row["severity"], 3), row["created_at"], row["id"]


def queue_view(rows: list[dict], chosen: QueueFilter) -> QueueView:
    """The items split into those to answer and the notes, filtered, in working order, with the counts."""
    answerable = [row for row in rows if row["severity"] != Severity.INFO.value]
    counts = {name: Counter(row[key] or "none" for row in answerable)
              for name, key in (("day", "partition_key"), ("severity", "severity"), ("reason", "reason"),
                                ("vendor", "vendor"))}
    to_answer = sorted((row for row in answerable if chosen.matches(row)), key=working_order)
    notes = [row for row in rows if row["severity"] == Severity.INFO.value and chosen.matches(row)]
    return QueueView(to_answer, sorted(notes, key=working_order), counts)


def neighbours(ordered: list[dict], review_id: int) -> tuple[int | None, int | None]:
    """The items before and after this one in working order; an item no longer open has none before it
    and the first open item after it is what comes next."""
    ids = [row["id"] for row in ordered]
    if review_id not in ids:
        return None, ids[0] if ids else None
    at = ids.index(review_id)
    return (ids[at - 1] if at else None), (ids[at + 1] if at + 1 < len(ids) else None)


class OpenItems:
    """The open items, read again only when the warehouse file changed (an answer, a run)."""

    def __init__(self, warehouse: Warehouse):
        self.warehouse = warehouse
        self._stamp: tuple | None = None
        self._rows: list[dict] = []

    def rows(self) -> list[dict]:
        stamp = _file_stamp(self.warehouse.file)
        if stamp is None or stamp != self._stamp:
            self._rows = self.warehouse.open_items()
            self._stamp = stamp
        return self._rows

    def of_page(self, page_id: str) -> list[dict]:
        return [row for row in self.rows() if row["page_id"] == page_id]


def _file_stamp(path: Path | None) -> tuple | None:
    """What changes when DuckDB writes the file (or its write-ahead log); None for a server database."""
    if path is None:
        return None
    stamps = []
    for part in (path, path.with_name(path.name + ".wal")):
        try:
            stat = part.stat()
            stamps.append((stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            stamps.append(None)
    return tuple(stamps)
