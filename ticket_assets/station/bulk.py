"""Many pages at once: the same material (or source, or destination) for the other open pages of a vendor
(and truck) on a day. Each page gets an answer of its own, through the same path as one answered by hand."""

from __future__ import annotations

from dataclasses import dataclass

from ticket_assets.extract.answers import PageAnswers
from ticket_assets.extract.reasons import DECISIONS, Reason, Severity
from ticket_assets.station.item import shown

BULK_FIELDS = ("material", "source", "destination")


@dataclass(frozen=True)
class BulkScope:
    """Which pages a bulk answer reaches: the origin page's day and vendor, and its truck when asked."""

    day: str
    vendor: str
    truck: str | None  # None: every truck of the vendor

    def holds(self, row: dict) -> bool:
        return (row["partition_key"] == self.day and row["vendor"] == self.vendor
                and (self.truck is None or row["truck_number"] == self.truck))


@dataclass(frozen=True)
class BulkPage:
    item: dict  # the open item the page's answer goes to
    current: str  # the page's value now


@dataclass
class BulkPlan:
    field: str
    value: str
    pages: list[BulkPage]
    left_out: list[tuple[str, str]]  # (page id, why)


def page_value(record: dict | None, answers: list[dict], field: str) -> str:
    """The value a page has for a field: a person's latest answer, else what the run recorded."""
    given = PageAnswers(answers).corrections()
    return shown(given[field]) if field in given else shown((record or {}).get(field))


def bulk_plan(open_rows: list[dict], records: dict[str, dict], origin_page: str, scope: BulkScope, field: str,
              value: str) -> BulkPlan:
    """The other pages in scope with an open item to answer, each with the item its answer goes to."""
    pages: dict[str, list[dict]] = {}
    for row in open_rows:
        if row["page_id"] != origin_page and row["severity"] != Severity.INFO.value and scope.holds(row):
            pages.setdefault(row["page_id"], []).append(row)
    plan = BulkPlan(field, value, [], [])
    for page_id, items in sorted(pages.items()):
        current = shown(records.get(page_id, {}).get(field))
        item = _closable_item(items, field)
        if current == value:
            continue
        if item is None:
            plan.left_out.append((page_id, "its open items need values of their own first: "
                                  + ", ".join(sorted({i["reason"] for i in items}))))
        else:
            plan.pages.append(BulkPage(item, current))
    return plan


def _closable_item(items: list[dict], field: str) -> dict | None:
    """The page's item an answer of this field alone can close: the one about the field, else one that a
    confirm closes (not one that needs another value or a decision)."""
    about = [i for i in items if i["field_name"] == field]
    confirmable = [i for i in items if not Reason(i["reason"]).needs_value and Reason(i["reason"]) not in DECISIONS]
    chosen = about or confirmable
    return min(chosen, key=lambda i: i["id"]) if chosen else None
