"""The flat reports: invoice matching, the contaminated-soil manifest log, the review queue."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Callable, Iterable

from ticket_assets.atomic import write_atomically
from ticket_assets.extract.reasons import BLOCKING, NOT_COUNTED, CopyStatus, Reason, Severity
from ticket_assets.reports.safe_output import csv_text
from ticket_assets.schema import CONTAMINATED, split_page_id

SEVERITY_ORDER = {severity.value: rank for rank, severity in enumerate(Severity)}  # most severe first
BLOCKING_REASONS = {reason.value for reason in Reason if reason.severity in BLOCKING}


def file_ref(ticket: dict) -> str:
    """`import/scan_0001.pdf-p3`: the file's path below its day folder and the page, which finds the page
    (two sub-folders may hold files of one name); a record kept from content that was overwritten under the same
    name says which content (`scan_0001.pdf-p3@1f2e3d4c5b6a`)."""
    content = split_page_id(ticket.get("page_id", ""))[1]
    below_day = ticket["file_path"].partition("/")[2]
    return f"{below_day}-p{ticket['page_number']}" + (f"@{content}" if content else "")


# Report column -> how to read it from a tickets row.
INVOICE_COLUMNS: dict[str, Callable[[dict], object]] = {
    "ticket_number": itemgetter("ticket_number"),
    "vendor": itemgetter("vendor"),
    "date": itemgetter("ticket_date"),
    "material": itemgetter("material"),
    "quantity": itemgetter("quantity"),
    "units": itemgetter("quantity_unit"),
    "truck_number": itemgetter("truck_number"),
    "file_ref": file_ref,
}
MANIFEST_COLUMNS: dict[str, Callable[[dict], object]] = {
    "ticket_number": itemgetter("ticket_number"),
    "manifest_number": itemgetter("manifest_number"),
    "date": itemgetter("ticket_date"),
    "source": itemgetter("source"),
    "waste_facility": itemgetter("destination"),
    "material": itemgetter("material"),
    "quantity": itemgetter("quantity"),
    "units": itemgetter("quantity_unit"),
    "truck_number": itemgetter("truck_number"),
    "file_ref": file_ref,
    "status": lambda t: load_status(t),
}
REVIEW_COLUMNS: dict[str, Callable[[dict], object]] = {
    "page_id": itemgetter("page_id"),
    "reason": itemgetter("reason"),
    "severity": itemgetter("severity"),
    "file_path": itemgetter("file_path"),
    "page_num": itemgetter("page_number"),
    "detected_fields": lambda r: _json_cell(r["detected_fields"]),
    "suggested_fixes": lambda r: _json_cell(r["suggested_fixes"]),
    "created_at": itemgetter("created_at"),
    "review_id": itemgetter("id"),  # what `tickets review resolve` takes
}
ANSWERED_COLUMNS: dict[str, Callable[[dict], object]] = {
    **REVIEW_COLUMNS,
    "answered_by": itemgetter("resolved_by"),
    "answered_at": itemgetter("resolved_at"),
    "answer": lambda r: _json_cell(r["corrections"]),
}


def load_status(ticket: dict) -> str:
    """What a line of the manifest log is: a clean load, one in review, a copy, or one a person decided on."""
    notes = []
    if ticket.get("copy_status") == CopyStatus.COPY.value:
        notes.append(f"copy of {_original_ref(ticket)}, not counted")
    elif ticket.get("copy_status") == CopyStatus.SUSPECTED.value:
        notes.append(f"possible copy of {_original_ref(ticket)}")
    if ticket["review_required"]:
        notes.append(f"in review ({','.join(_still_open(ticket))})")
    notes += [f"{reason}: {decision}" for reason, decision in (ticket.get("decisions") or {}).items()]
    return "; ".join(notes)


def _still_open(ticket: dict) -> list[str]:
    """The reasons a load waits for: its blocking items nobody has decided on (all of its reasons when that
    leaves none, so that a load in review never says it waits for nothing)."""
    reasons = [reason for reason in (ticket["review_reason"] or "").split(",") if reason]
    decided = ticket.get("decisions") or {}
    return [reason for reason in reasons if reason in BLOCKING_REASONS and reason not in decided] or reasons


def _original_ref(copy: dict) -> str:
    """The page a copy is a copy of, as its file ref; led by its day when that is not the copy's day."""
    day, _, ref = (copy["duplicate_of"] or "").partition("/")
    return ref if day == copy["file_path"].partition("/")[0] else copy["duplicate_of"] or ""


def write_invoice_match(path: Path, tickets: list[dict]) -> None:
    """Pipe-delimited list of the clean tickets (none awaiting review, no copy), to tick off trucking invoices."""
    clean = [t for t in tickets if not t["review_required"] and t.get("copy_status") not in NOT_COUNTED]
    clean.sort(key=lambda t: (_none_first(t["vendor"]), _none_first(t["ticket_date"]),
                              _ticket_number_key(t["ticket_number"])))
    _write_csv(path, INVOICE_COLUMNS, clean, delimiter="|")


# A load a person decided about on one of these stays in the manifest log, its decision in the status.
DECIDED_ABOUT_CONTAMINATION = {Reason.MATERIAL_CONFLICT.value, Reason.MISSING_MANIFEST.value}


def write_manifest_log(path: Path, tickets: list[dict]) -> None:
    """Every contaminated load, manifest or not, copies too, and every load a person decided was not
    contaminated after all: its status says what each line is."""
    loads = [t for t in tickets if t["material"] == CONTAMINATED
             or set(t.get("decisions") or {}) & DECIDED_ABOUT_CONTAMINATION]
    loads.sort(key=lambda t: (_none_first(t["ticket_date"]), _none_first(t["manifest_number"]),
                              _ticket_number_key(t["ticket_number"]), t["page_id"]))
    _write_csv(path, MANIFEST_COLUMNS, loads)


def write_review_queue(path: Path, review_rows: list[dict]) -> None:
    """The open items, most severe first."""
    _write_csv(path, REVIEW_COLUMNS, _by_severity(r for r in review_rows if not r["resolved"]))


def write_answered_reviews(path: Path, review_rows: list[dict]) -> None:
    """The items people answered, with who, when and the answer."""
    _write_csv(path, ANSWERED_COLUMNS, _by_severity(r for r in review_rows if r["resolved"]))


def _by_severity(review_rows: Iterable[dict]) -> list[dict]:
    return sorted(review_rows, key=lambda r: (SEVERITY_ORDER.get(r["severity"], len(SEVERITY_ORDER)),
                                              r["file_path"], _none_first(r["page_number"])))


def _write_csv(path: Path, columns: dict[str, Callable[[dict], object]], rows: Iterable[dict],
               delimiter: str = ",") -> None:
    def write(temporary: Path) -> None:
        with open(temporary, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerow(columns)
            writer.writerows([_csv_cell(read(row)) for read in columns.values()] for row in rows)

    write_atomically(path, write)


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return csv_text(value)
    return value


def _json_cell(value: object) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, default=str)


def _none_first(value: object) -> tuple:
    return (0, "") if value is None else (1, value)


def _ticket_number_key(number: str | None) -> tuple:
    """Digit runs compare as numbers, so ticket 999 comes before ticket 1000."""
    if number is None:
        return (0, "")
    return (1, re.sub(r"\d+", lambda m: m.group().zfill(20), number))
