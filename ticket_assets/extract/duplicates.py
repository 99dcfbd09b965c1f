"""The same ticket twice: which record is the original, the same whichever day was processed first.

Records are put in one order (ticket date, date folder, page), so two days processed in
either order, or side by side, link the same copy to the same original.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

DUPLICATE_WINDOW = timedelta(days=120)
# Which other days' records a day's run looks at for copies: a page's own date may lie up to 180 days before
# its folder's (further is OUT_OF_RANGE_DATE), and a copy repeats a ticket of up to 120 days before it.
NEARBY_BEFORE, NEARBY_AFTER = timedelta(days=300), timedelta(days=7)


def nearby_dates(day: date) -> tuple[date, date]:
    """The ticket dates of other days' records that a run of `day` compares its pages with."""
    return day - NEARBY_BEFORE, day + NEARBY_AFTER


@dataclass(frozen=True)
class KnownTicket:
    """A ticket on record, as the duplicate rule needs it."""

    page_id: str
    ticket_number: str
    vendor: str | None
    ticket_date: date | None
    partition_key: str = ""

    @classmethod
    def of(cls, record: dict) -> "KnownTicket":
        """From a tickets row."""
        return cls(record["page_id"], record["ticket_number"], record["vendor"], _day(record["ticket_date"]),
                   record["partition_key"])

    @property
    def key(self) -> tuple:
        """What makes two records the same ticket: its number and vendor."""
        return self.ticket_number, self.vendor

    @property
    def order(self) -> tuple:
        return self.ticket_date or date.min, self.partition_key, self.page_id


def find_duplicate(ticket: KnownTicket, known: Iterable[KnownTicket]) -> KnownTicket | None:
    """The first ticket on record before this one with the same number and vendor, dated up to 120 days before it."""
    if ticket.ticket_date is None or ticket.ticket_number is None:
        return None
    earlier = [
        other for other in known
        if other.page_id != ticket.page_id
        and other.key == ticket.key
        and other.ticket_date is not None
        and ticket.ticket_date - DUPLICATE_WINDOW <= other.ticket_date
        and other.order < ticket.order
    ]
    return min(earlier, key=lambda other: other.order, default=None)


def by_ticket(known: Iterable[KnownTicket]) -> dict[tuple, list[KnownTicket]]:
    """The records grouped by ticket (number and vendor), so each page compares only with its own ticket's."""
    grouped: dict[tuple, list[KnownTicket]] = {}
    for ticket in known:
        grouped.setdefault(ticket.key, []).append(ticket)
    return grouped


def stale_days(records: list[dict]) -> dict[str, str]:
    """Days holding a record whose duplicate link is not the one the records now on file give: they must be
    processed again. `records` are every record sharing a number and vendor with the day just written; each
    is judged against what a run of its own day sees, so a rerun settles it and never asks again."""
    known = [KnownTicket.of(record) for record in records if record["ticket_number"]]
    stale = {}
    for record, ticket in zip([r for r in records if r["ticket_number"]], known):
        original = find_duplicate(ticket, _seen_from(ticket.partition_key, known))
        if (original.page_id if original else None) != record["duplicate_of"]:
            stale[record["partition_key"]] = (f"ticket {record['ticket_number']} of {record['vendor']} is now also "
                                              f"on file elsewhere; its copy links must be worked out again")
    return stale


def _seen_from(partition_key: str, known: list[KnownTicket]) -> list[KnownTicket]:
    """The records a run of that day compares with: its own, and other days' within `nearby_dates`."""
    first, last = nearby_dates(date.fromisoformat(partition_key))
    return [k for k in known if k.partition_key == partition_key
            or (k.ticket_date is not None and first <= k.ticket_date <= last)]


def _day(value) -> date | None:
    return value.date() if hasattr(value, "date") and callable(value.date) else value
