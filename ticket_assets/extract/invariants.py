"""The day's invariants, checked after extraction: a wrong report must not follow a failed one."""

from __future__ import annotations

from dataclasses import dataclass

from ticket_assets.discover import FileEntry
from ticket_assets.extract.reasons import Reason
from ticket_assets.schema import CONTAMINATED


@dataclass(frozen=True)
class CheckOutcome:
    passed: bool
    detail: str


def every_page_accounted_for(entries: list[FileEntry], ticket_rows: list[dict], review_rows: list[dict]) -> CheckOutcome:
    """One ticket row per page of every readable file; a review row for every file with a problem (its own, or
    that of a page of it that read nothing).
    Records kept from content no longer in the day (a vanished or overwritten file) are not counted."""
    expected = {(e.rel_path, n) for e in entries if e.readable for n in range(1, e.page_count + 1)}
    present = {e.rel_path: e.sha256 for e in entries if e.readable}
    recorded = [(row["file_path"], row["page_number"]) for row in ticket_rows
                if present.get(row["file_path"]) == row["file_hash"]]
    missing, doubled = expected - set(recorded), len(recorded) - len(set(recorded))
    reported = {row["file_path"] for row in review_rows  # a damaged file's page that read nothing says it too
                if row["page_number"] is None or row["reason"] == Reason.UNREADABLE_FILE.value}
    unreported = [e.rel_path for e in entries if e.problem and e.rel_path not in reported]
    passed = not missing and not doubled and not unreported
    return CheckOutcome(passed, f"{len(expected)} pages, {len(recorded)} records, missing {sorted(missing)[:5]},"
                                f" doubled {doubled}, files with problems not in review {unreported[:5]}")


def manifest_recall(ticket_rows: list[dict]) -> CheckOutcome:
    """Every contaminated load has a manifest number or is waiting for a person (the regulator's rule)."""
    contaminated = [row for row in ticket_rows if row["material"] == CONTAMINATED]
    uncovered = [
        row["page_id"]
        for row in contaminated
        if not row["manifest_number"] and Reason.MISSING_MANIFEST.value not in (row["review_reason"] or "")
    ]
    return CheckOutcome(not uncovered, f"{len(contaminated)} contaminated loads, without manifest or review: {uncovered[:5]}")


def duplicates_linked(ticket_rows: list[dict]) -> CheckOutcome:
    """Every page flagged as a duplicate points at its original."""
    flagged = [row for row in ticket_rows if Reason.DUPLICATE_TICKET.value in (row["review_reason"] or "")]
    unlinked = [row["page_id"] for row in flagged if not row["duplicate_of"]]
    return CheckOutcome(not unlinked, f"{len(flagged)} duplicates, without a link: {unlinked[:5]}")


# The checks a day must pass before its reports are written, by name, with what each one means.
DESCRIPTIONS = {
    "every_page_accounted_for": "One record per page of every readable file; every bad file in review.",
    "manifest_recall": "Every contaminated load has a manifest number or is in review.",
    "duplicates_linked": "Every duplicate ticket links to its original.",
}


def check_day(entries: list[FileEntry], ticket_rows: list[dict], review_rows: list[dict]) -> dict[str, CheckOutcome]:
    """Every check of DESCRIPTIONS on a day's rows, by name."""
    return {
        "every_page_accounted_for": every_page_accounted_for(entries, ticket_rows, review_rows),
        "manifest_recall": manifest_recall(ticket_rows),
        "duplicates_linked": duplicates_linked(ticket_rows),
    }
