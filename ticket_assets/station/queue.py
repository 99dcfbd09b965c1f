"""The queue a person works through: the open items to answer, oldest CRITICAL first, filtered and counted;
INFO notes apart. Read from the warehouse once per change of its file, not once per page view."""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlencode

from ticket_assets.extract.reasons import Severity
from ticket_assets.store.warehouse import Warehouse

SEVERITY_RANK = {Severity.CRITICAL.value: 0, Severity.WARNING.value: 1, Severity.INFO.value: 2}
FILTERS = ("day", "severity", "reason", "vendor")
SHOWN_ROWS = 200  # rows of the list drawn at once; the counts cover every item
COUNTED = {"day": "partition_key", "severity": "severity", "reason": "reason", "vendor": "vendor"}


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

    def without(self, closed: list[dict]) -> "QueueView":
        """The same view once these items are closed: no sorting again."""
        ids = {row["id"] for row in closed}
        counts = {name: counter.copy() for name, counter in self.counts.items()}
        for row in closed:
            if row["severity"] != Severity.INFO.value:
                for name, key in COUNTED.items():
                    counts[name][row[key] or "none"] -= 1
        return QueueView([row for row in self.to_answer if row["id"] not in ids],
                         [row for row in self.notes if row["id"] not in ids], {n: +c for n, c in counts.items()})


def working_order(row: dict) -> tuple:
    """Most severe first, then the oldest, then as the queue numbered them."""
    return SEVERITY_RANK.get(row["severity"], 3), row["created_at"], row["id"]


def queue_view(rows: list[dict], chosen: QueueFilter) -> QueueView:
    """The items split into those to answer and the notes, filtered, in working order, with the counts."""
    answerable = [row for row in rows if row["severity"] != Severity.INFO.value]
    counts = {name: Counter(row[key] or "none" for row in answerable) for name, key in COUNTED.items()}
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
    """The open items, read again only when the warehouse file changed (a run, a command); the station's own
    answers only drop the items they close (reading 10,000 items again takes longer than a page may)."""

    def __init__(self, warehouse: Warehouse):
        self.warehouse = warehouse
        self._stamp: tuple | None = None
        self._rows: list[dict] = []
        self._views: dict[QueueFilter, QueueView] = {}  # of these rows, by filter: sorting 10,000 takes a while
        self._lock = threading.RLock()  # an answer's page is read while its `closing` holds it

    def rows(self) -> list[dict]:
        with self._lock:
            stamp = _file_stamp(self.warehouse.file)
            if stamp is None or stamp != self._stamp:
                self._replace(self.warehouse.open_items(), stamp)
            return self._rows

    def view(self, chosen: QueueFilter) -> QueueView:
        """The queue as `chosen` filters it: every filter's view is cut from the whole queue's, which is sorted
        and counted again only when the open items changed."""
        rows = self.rows()
        views = self._views
        if QueueFilter() not in views:
            views[QueueFilter()] = queue_view(rows, QueueFilter())
        whole = views[QueueFilter()]
        if chosen not in views:
            views[chosen] = QueueView([row for row in whole.to_answer if chosen.matches(row)],
                                      [row for row in whole.notes if chosen.matches(row)], whole.counts)
        return views[chosen]

    def _replace(self, rows: list[dict], stamp: tuple | None) -> None:
        self._rows, self._stamp, self._views = rows, stamp, {}

    @contextlib.contextmanager
    def closing(self, review_ids: set[int]):
        """Around the station's own answers to these items (filled in by the caller as they are saved): when
        nothing else wrote the warehouse since it was last read, the answered items are dropped and the file
        as the answers left it is taken as read. The warehouse must be closed by then (DuckDB writes its file
        again when the last connection closes)."""
        with self._lock:
            before = _file_stamp(self.warehouse.file)
            yield
            if before is not None and before == self._stamp:
                closed = [row for row in self._rows if row["id"] in review_ids]
                views = {chosen: view.without(closed) for chosen, view in self._views.items()}
                self._replace([row for row in self._rows if row["id"] not in review_ids],
                              _file_stamp(self.warehouse.file))
                self._views = views


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
