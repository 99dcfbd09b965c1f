"""A whole day: every page's extraction checked, duplicates linked, rows ready for the warehouse.

Every page yields exactly one ticket row, even when nothing could be read; a file
that could not be opened yields a review row instead (it has no pages to count).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from ticket_assets.config import ConfigError, Settings
from ticket_assets.discover import FileEntry
from ticket_assets.extract.corrections import corrections_of
from ticket_assets.extract.record import FIELD_MIN_CONFIDENCE, Extraction, PageSource, Vocabularies, extract_page
from ticket_assets.extract.review import BLOCKING, Finding, Reason
from ticket_assets.extract.validate import KnownTicket, RuleContext, check_page, find_duplicate
from ticket_assets.ocr.base import OcrResult
from ticket_assets.render import PageImage

RECORD_FIELDS = (
    "ticket_number", "ticket_date", "vendor", "material", "flow", "quantity", "quantity_unit",
    "truck_number", "manifest_number", "source", "destination",
)
REQUIRED_FIELDS = ("ticket_number", "ticket_date", "vendor", "material")
# Every review row carries every column: rows written together must have the same keys.
UNRESOLVED = {"resolved": False, "resolved_by": None, "resolved_at": None, "corrections": None}


@dataclass
class DayRows:
    tickets: list[dict] = field(default_factory=list)
    reviews: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class DayInput:
    partition_key: str
    run_id: str
    entries: list[FileEntry]
    pages: list[PageImage]
    ocr: dict[str, OcrResult]
    history: list[KnownTicket]  # tickets of other days, for duplicates
    answers: dict[str, dict] = field(default_factory=dict)  # a person's answers by page id
    previous: list[dict] = field(default_factory=list)  # the day's records as the last run left them


def extract_day(day: DayInput, settings: Settings, known: Vocabularies, now: datetime) -> DayRows:
    """Rows for the tickets and review_queue tables, for one day."""
    rows = DayRows()
    entries = {entry.rel_path: entry for entry in day.entries}
    for entry in day.entries:
        if entry.problem:
            rows.reviews.append(_file_review_row(entry, day.partition_key, now))
    vanished = _records_of_vanished_files(day)
    seen = list(day.history) + [KnownTicket(r["page_id"], r["ticket_number"], r["vendor"], r["ticket_date"])
                                for r in vanished if r["ticket_number"]]  # their copies are still duplicates
    manifests: dict[tuple, str] = {}
    for page in day.pages:
        answer = day.answers.get(page.page_id)
        extraction = extract_page(_page_source(page, entries[page.file_path], day.partition_key),
                                  day.ocr[page.page_id], known, corrections_of(answer))
        job = _job_for(settings, extraction)
        findings = check_page(extraction, RuleContext(job=job, low_confidence=settings.low_confidence))
        duplicate = _link_duplicate(extraction, seen, findings)
        _flag_repeated_manifest(extraction, manifests, findings)
        answered = set(answer["resolved_reasons"]) if answer else set()
        rows.tickets.append(_ticket_row(extraction, findings, answered, duplicate, day, job.code))
        rows.reviews.extend(_review_row(extraction, f, answer if f.reason.value in answered else None,
                                        day.partition_key, now) for f in findings + _answered_away(answer, findings))
    _keep_flagged(vanished, day, rows, now)
    return rows


def _records_of_vanished_files(day: DayInput) -> list[dict]:
    """The day's records whose file is gone from the inbox or unreadable now."""
    present = {entry.rel_path for entry in day.entries if entry.readable}
    return [record for record in day.previous if record["file_path"] not in present]


def _keep_flagged(vanished: list[dict], day: DayInput, rows: DayRows, now: datetime) -> None:
    """Records of vanished files stay, flagged for a person: the manifest log never shrinks silently."""
    for record in vanished:
        rows.tickets.append({**record, "review_required": True})
        answer = day.answers.get(record["page_id"])
        answered = answer if answer and Reason.FILE_VANISHED.value in answer["resolved_reasons"] else None
        detail = (f"{record['file_path']} was processed in run {record['run_id']} and is gone from the inbox or "
                  "unreadable now; its record is kept")
        finding = Finding(Reason.FILE_VANISHED, detail,
                          {"action": "put the file back, or confirm the record stays without it"})
        rows.reviews.append(_item_row(record, finding, {"ticket_number": record["ticket_number"],
                                                        "vendor": record["vendor"]}, answered, now))


def _answered_away(answer: dict | None, findings: list[Finding]) -> list[Finding]:
    """Reasons a person answered that the corrected page no longer raises: kept, resolved, as history."""
    if not answer:
        return []
    current = {f.reason.value for f in findings}
    return [Finding(Reason(reason), f"answered by {answer['resolved_by']}")
            for reason in answer["resolved_reasons"] if reason not in current]


def _page_source(page: PageImage, entry: FileEntry, partition_key: str) -> PageSource:
    return PageSource(
        page_id=page.page_id,
        file_path=page.file_path,
        page_number=page.page_number,
        file_hash=entry.sha256,
        folder_date=date.fromisoformat(partition_key),
        folder_flow=entry.folder_flow,
        name_meta=entry.name_meta,
    )


def _job_for(settings: Settings, extraction: Extraction):
    try:
        return settings.job(extraction.source.name_meta.job_code)
    except ConfigError:  # a job the configuration does not know: judge by the default job's calendar
        return settings.job(None)


def _link_duplicate(extraction: Extraction, seen: list[KnownTicket], findings: list[Finding]) -> str | None:
    number = extraction.value("ticket_number")
    if number is None:
        return None
    ticket = KnownTicket(extraction.source.page_id, number, extraction.value("vendor"), extraction.value("ticket_date"))
    original = find_duplicate(ticket, seen)
    seen.append(ticket)
    if original is None:
        return None
    findings.append(Finding(Reason.DUPLICATE_TICKET, f"same ticket number and vendor as {original.page_id}",
                            {"duplicate_of": original.page_id}))
    return original.page_id


def _flag_repeated_manifest(extraction: Extraction, manifests: dict[tuple, str], findings: list[Finding]) -> None:
    manifest = extraction.value("manifest_number")
    if manifest is None:
        return
    key = (extraction.value("vendor"), manifest)
    if key in manifests:
        findings.append(Finding(Reason.DUPLICATE_MANIFEST, f"manifest {manifest} already on {manifests[key]}"))
    else:
        manifests[key] = extraction.source.page_id


def _ticket_row(extraction: Extraction, findings: list[Finding], answered: set[str], duplicate_of: str | None,
                day: DayInput, job_code: str) -> dict:
    """The record; it waits for a person while a blocking finding is not yet answered."""
    source = extraction.source
    return {
        "page_id": source.page_id,
        "partition_key": day.partition_key,
        "file_path": source.file_path,
        "page_number": source.page_number,
        **{name: extraction.value(name) for name in RECORD_FIELDS},
        "job_code": source.name_meta.job_code or job_code,
        "confidence": _confidence(extraction),
        "review_required": any(f.severity in BLOCKING and f.reason.value not in answered for f in findings),
        "review_reason": ",".join(dict.fromkeys(f.reason.value for f in findings)) or None,
        "duplicate_of": duplicate_of,
        "file_hash": source.file_hash,
        "run_id": day.run_id,
        "provenance": {
            name: {"source": value.source, "confidence": round(value.confidence, 3)}
            for name, value in extraction.values.items()
        },
    }


def _confidence(extraction: Extraction) -> float:
    """The weakest of the required fields: a record is as sure as its least sure required value."""
    values = [extraction.values.get(name) for name in REQUIRED_FIELDS]
    return round(min((v.confidence if v else 0.0) for v in values), 3)


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


def _review_row(extraction: Extraction, finding: Finding, answer: dict | None, partition_key: str,
                now: datetime) -> dict:
    source = extraction.source
    where = {"page_id": source.page_id, "partition_key": partition_key, "file_path": source.file_path,
             "page_number": source.page_number}
    return _item_row(where, finding, _detected_fields(extraction), answer, now)


def _item_row(where: dict, finding: Finding, detected: dict, answer: dict | None, now: datetime) -> dict:
    """A review_queue row; `where` names the page (page_id, partition_key, file_path, page_number)."""
    return {
        "page_id": where["page_id"],
        "partition_key": where["partition_key"],
        "file_path": where["file_path"],
        "page_number": where["page_number"],
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
    return {"resolved": True, "resolved_by": answer["resolved_by"], "resolved_at": answer["resolved_at"],
            "corrections": answer["corrections"]}


def _file_review_row(entry: FileEntry, partition_key: str, now: datetime) -> dict:
    where = {"page_id": entry.rel_path, "partition_key": partition_key, "file_path": entry.rel_path,
             "page_number": None}
    finding = Finding(Reason.UNREADABLE_FILE, entry.problem,
                      {"action": "rescan or replace the file, then drop it into the day folder again"})
    return _item_row(where, finding, {"kind": entry.kind, "size": entry.size, "sha256": entry.sha256}, None, now)
