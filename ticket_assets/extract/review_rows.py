"""The review queue's rows of a day: an item per finding, with what was detected and any answer given."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING

from ticket_assets.discover import FileEntry
from ticket_assets.extract.answers import PageAnswers
from ticket_assets.extract.record import FIELD_MIN_CONFIDENCE, Extraction
from ticket_assets.extract.reasons import Finding, Reason

if TYPE_CHECKING:
    from ticket_assets.extract.day import ReadPage

UNRESOLVED = {"resolved": False, "resolved_by": None, "resolved_at": None, "corrections": None}


def page_review_rows(page: ReadPage, partition_key: str, now: datetime) -> list[dict]:
    """A row per finding, and the items people answered that the corrected page no longer raises, as history."""
    raised = {(f.reason.value, f.about) for f in page.findings}
    rows = [_review_row(page, f, page.answers.for_item(f), partition_key, now) for f in page.findings]
    for reason, field_name, answer in page.answers.answered_items():
        if (reason, field_name) not in raised:
            history = Finding(Reason(reason), f"answered by {answer['resolved_by']}", field_name=field_name)
            rows.append(_review_row(page, history, answer, partition_key, now))
    return rows


def _detected_fields(extraction: Extraction) -> dict:
    detected = {name: _jsonable(value.value) for name, value in extraction.values.items()}
    detected.update({f"{name}?": _jsonable(value.value) for name, value in extraction.suggestions.items()})
    if extraction.page_dates:
        detected["dates_on_page"] = [
            d.value.isoformat() if d.confidence >= FIELD_MIN_CONFIDENCE else f"{d.value.isoformat()}? (guessed)"
            for d in extraction.page_dates
        ]
    return detected


def _jsonable(value):
    return value.isoformat() if isinstance(value, date) else value


def _review_row(page: ReadPage, finding: Finding, answer: dict | None, partition_key: str, now: datetime) -> dict:
    source = page.extraction.source
    where = {"page_id": source.page_id, "partition_key": partition_key, "file_path": source.file_path,
             "page_number": source.page_number, "file_hash": source.file_hash}
    if answer is None:
        finding = Finding(finding.reason, finding.detail, {**finding.suggested_fixes,
                                                           **page.answers.earlier_elsewhere()}, finding.field_name)
    return item_row(where, finding, _detected_fields(page.extraction), answer, now)


def item_row(where: dict, finding: Finding, detected: dict, answer: dict | None, now: datetime) -> dict:
    """A review_queue row; `where` names the page (page_id, partition_key, file_path, page_number, file_hash)."""
    return {
        "page_id": where["page_id"],
        "partition_key": where["partition_key"],
        "file_path": where["file_path"],
        "page_number": where["page_number"],
        "file_hash": where["file_hash"],
        "reason": finding.reason.value,
        "field_name": finding.about,
        "severity": finding.severity.value,
        "detected_fields": {"detail": finding.detail, **detected},
        "suggested_fixes": json.loads(json.dumps(finding.suggested_fixes, default=str)),
        "created_at": now,
        **_resolution(answer),
    }


def _resolution(answer: dict | None) -> dict:
    if not answer:
        return UNRESOLVED
    given = {**answer["corrections"], **{key: answer[key] for key in ("decision", "because") if answer[key]}}
    return {"resolved": True, "resolved_by": answer["resolved_by"], "resolved_at": answer["resolved_at"],
            "corrections": given}


def file_review_row(entry: FileEntry, partition_key: str, answers: PageAnswers, now: datetime) -> dict:
    where = {"page_id": entry.rel_path, "partition_key": partition_key, "file_path": entry.rel_path,
             "page_number": None, "file_hash": entry.sha256}
    finding = (Finding(Reason.IGNORED_FILE, entry.ignored) if entry.ignored
               else Finding(Reason.UNREADABLE_FILE, entry.problem, {"action": entry.remedy}))
    answer = answers.for_item(finding)
    return item_row(where, finding, {"kind": entry.kind, "size": entry.size, "sha256": entry.sha256}, answer, now)
