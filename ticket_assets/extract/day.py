"""A whole day: every page's extraction checked, duplicates linked, rows ready for the warehouse.

Every page yields exactly one ticket row, even when nothing could be read; a file
that could not be opened yields a review row instead (it has no pages to count).
Records belong to their file's content: a renamed file's records move with it, and
the records of content that left the day (a file deleted, or overwritten by another
scan) are kept and flagged until a person confirms them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date, datetime

from ticket_assets.config import Settings
from ticket_assets.discover import FileEntry
from ticket_assets.extract.answers import DayAnswers, PageAnswers, PageKey, closes
from ticket_assets.extract.duplicates import KnownTicket, by_ticket, find_duplicate
from ticket_assets.extract.record import Extraction, PageSource, Vocabularies, extract_page
from ticket_assets.extract.reasons import BLOCKING, CopyStatus, Decision, Finding, Reason
from ticket_assets.extract.review_rows import file_review_row, item_row, page_review_rows
from ticket_assets.extract.rules import RuleContext, check_page
from ticket_assets.ocr.base import OcrResult
from ticket_assets.render import PageImage
from ticket_assets.schema import RECORD_FIELDS, REQUIRED_FIELDS, place_of

# Every review row carries every column: rows written together must have the same keys.
COPY_STATUS = {Decision.COPY: CopyStatus.COPY, Decision.TWO_LOADS: CopyStatus.TWO_LOADS}


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
    history: list[dict]  # records of other days near this one, for duplicates
    answers: list[dict] = field(default_factory=list)  # people's answers given on this day's items
    previous: list[dict] = field(default_factory=list)  # the day's records as the last run left them


@dataclass
class ReadPage:
    """One page of the day: what was read, what a person answered for its content, and what is doubtful."""

    extraction: Extraction
    answers: PageAnswers
    job_code: str
    findings: list[Finding]
    original: KnownTicket | None = None

    @property
    def copy_status(self) -> str | None:
        return _copy_status(self.answers, next((f for f in self.findings if f.reason is Reason.DUPLICATE_TICKET), None))

    @cached_property
    def ticket(self) -> KnownTicket:
        e = self.extraction
        return KnownTicket(e.source.page_id, e.value("ticket_number"), e.value("vendor"), e.value("ticket_date"),
                           e.source.folder_date.isoformat())


@dataclass
class KeptRecord:
    """A record of content that left the day, kept for a person to confirm."""

    record: dict
    finding: Finding
    answers: PageAnswers


def extract_day(day: DayInput, settings: Settings, known: Vocabularies, now: datetime) -> DayRows:
    """Rows for the tickets and review_queue tables, for one day."""
    rows = DayRows()
    entries = {entry.rel_path: entry for entry in day.entries}
    held_before = {(place_of(r["page_id"]), PageKey(r["file_hash"], r["page_number"])) for r in day.previous}
    answers = DayAnswers(day.answers, _places(day, entries), held_before)
    pages = [_read_page(page, entries[page.file_path], day, answers, settings, known) for page in day.pages]
    told_on_pages = {page.extraction.source.file_path for page in pages if _tells_its_file_problem(page)}
    for entry in day.entries:
        if (entry.problem or entry.ignored) and entry.rel_path not in told_on_pages:
            file_answers = answers.for_page(entry.rel_path, _file_key(entry))
            rows.reviews.append(file_review_row(entry, day.partition_key, file_answers, now))
    kept = _kept_records(day, pages, answers)
    everything = by_ticket([KnownTicket.of(r) for r in day.history] + [p.ticket for p in pages] + [
        KnownTicket.of(k.record) for k in kept])
    manifests: dict[tuple, str] = {}
    for page in pages:
        _link_duplicate(page, everything)
        _flag_repeated_manifest(page, manifests)
        rows.tickets.append(_ticket_row(page, day))
        rows.reviews.extend(page_review_rows(page, day.partition_key, now))
    for kept_record in kept:
        ticket_row, review_rows = _kept_rows(kept_record, everything, day, now)
        rows.tickets.append(ticket_row)
        rows.reviews.extend(review_rows)
    return rows


def _places(day: DayInput, entries: dict[str, FileEntry]) -> dict[str, PageKey]:
    """Which content each page id and unreadable file of the day holds now."""
    places = {page.page_id: PageKey(entries[page.file_path].sha256, page.page_number) for page in day.pages}
    places.update({entry.rel_path: _file_key(entry) for entry in day.entries if entry.problem or entry.ignored})
    return places


def _file_key(entry: FileEntry) -> PageKey:
    return PageKey(entry.sha256, None)


def _read_page(page: PageImage, entry: FileEntry, day: DayInput, answers: DayAnswers,
               settings: Settings, known: Vocabularies) -> ReadPage:
    page_answers = answers.for_page(page.page_id, PageKey(entry.sha256, page.page_number))
    source = _page_source(page, entry, day.partition_key)
    extraction = extract_page(source, day.ocr[page.page_id], known, page_answers.corrections())
    context = RuleContext.for_page(extraction, settings)
    findings = check_page(extraction, context)
    if entry.problem and extraction.page_error:
        findings = [_with_file_problem(finding, entry, page.page_number) for finding in findings]
    return ReadPage(extraction, page_answers, context.job_code, findings)


def _with_file_problem(finding: Finding, entry: FileEntry, page_number: int) -> Finding:
    """A page of a damaged file that read nothing says the file's problem too, in its one item: a clerk sees
    one item per page lost to the damage (whose record it holds in review), not a second one for the file."""
    if finding.reason is not Reason.UNREADABLE_FILE:
        return finding
    return replace(finding, detail=f"page {page_number} of a {entry.problem}: {finding.detail}",
                   suggested_fixes={**finding.suggested_fixes, "action": entry.remedy})


def _tells_its_file_problem(page: ReadPage) -> bool:
    return any(finding.reason is Reason.UNREADABLE_FILE for finding in page.findings)


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


def _kept_records(day: DayInput, pages: list[ReadPage], answers: DayAnswers) -> list[KeptRecord]:
    """The last run's records whose content is no longer in the day: kept, flagged, so the manifest log never
    shrinks silently. Content that moved to a new name is made anew there instead, and so is a ticket scanned
    again into the file that held it."""
    present = {entry.rel_path: entry.sha256 for entry in day.entries if entry.readable}
    moved = _moved_content(day.previous, present)
    rescanned = {(p.extraction.source.file_path, p.ticket.ticket_number, p.ticket.vendor) for p in pages
                 if p.ticket.ticket_number}
    kept = []
    for record in day.previous:
        ticket = (record["file_path"], record["ticket_number"], record["vendor"])
        if present.get(record["file_path"]) == record["file_hash"] or record["file_hash"] in moved \
                or ticket in rescanned:
            continue
        content = PageKey(record["file_hash"], record["page_number"])
        if record["file_path"] in present or _kept_after_replacement(record):
            replaced = {**record, "page_id": _replaced_page_id(record)}
            kept.append(KeptRecord(replaced, _replaced(record), answers.for_page(replaced["page_id"], content)))
        else:
            kept.append(KeptRecord(record, _vanished(record), answers.for_page(record["page_id"], content)))
    return kept


def _kept_after_replacement(record: dict) -> bool:
    """A record kept once its file held other content: its own content left the day then, and its FILE_REPLACED
    item told it; what later happens to the file under that name (renamed, deleted) is the new content's."""
    return record["page_id"] != place_of(record["page_id"])


def _moved_content(previous: list[dict], present: dict[str, str]) -> set[str]:
    """Hashes of content now at a file name that did not hold it before: a renamed (or copied) file."""
    held: dict[str, set[str]] = defaultdict(set)
    for record in previous:
        held[record["file_hash"]].add(record["file_path"])
    return {file_hash for path, file_hash in present.items() if file_hash in held and path not in held[file_hash]}


def _replaced_page_id(record: dict) -> str:
    """A page id of its own for the record of content overwritten under the same name."""
    return f"{place_of(record['page_id'])}@{record['file_hash'][:12]}"


def _replaced(record: dict) -> Finding:
    return Finding(Reason.FILE_REPLACED,
                   f"{record['file_path']} now holds other content; the record read from its earlier content "
                   f"(SHA-256 {record['file_hash'][:12]}...) in run {record['run_id']} is kept",
                   {"action": "confirm the record stays (it was a load of its own), or put the earlier file back "
                              "under another name"})


def _vanished(record: dict) -> Finding:
    return Finding(Reason.FILE_VANISHED,
                   f"{record['file_path']} was processed in run {record['run_id']} and is gone from the inbox or "
                   "unreadable now; its record is kept",
                   {"action": "put the file back, or confirm the record stays without it"})


def _kept_rows(kept: KeptRecord, everything: dict[tuple, list[KnownTicket]], day: DayInput,
               now: datetime) -> tuple[dict, list[dict]]:
    """The kept record, its duplicate link worked out again, its review row, the items its content left open
    (still open: confirming that the record stays answers none of them), and the items people answered for its
    content, as history: an answer once given stays in the audit trail. Values people gave it are its own. A
    kept record that is a possible copy keeps its DUPLICATE_TICKET item: whether it counts is still to decide."""
    record, answer = _with_answers(kept), kept.answers.for_item(kept.finding)
    ticket = KnownTicket.of(record)
    original = find_duplicate(ticket, everything.get(ticket.key, []))
    duplicate = _duplicate_finding(original, f": read from {_kept_content(kept)}") if original else None
    left_open = [*_left_open(kept), *([duplicate] if duplicate else [])]
    closing = [_closes_kept(kept, finding) for finding in left_open]
    earlier = [r for r in (record["review_reason"] or "").split(",")
               if r and r not in (Reason.DUPLICATE_TICKET.value, kept.finding.reason.value)]
    reasons = [*earlier, kept.finding.reason.value, *([Reason.DUPLICATE_TICKET.value] if original else [])]
    decisions = {**(record["decisions"] or {}), **{finding.reason.value: _decision_text(given)
                                                   for finding, given in zip(left_open, closing) if given}}
    if answer:
        decisions[kept.finding.reason.value] = _decision_text(answer)
    ticket_row = {**record, "partition_key": day.partition_key,
                  "review_required": answer is None or not all(closing),
                  "decisions": decisions or None,
                  "review_reason": ",".join(reasons), "duplicate_of": original.page_id if original else None,
                  "copy_status": _copy_status(kept.answers, duplicate)}
    detected = {"ticket_number": record["ticket_number"], "vendor": record["vendor"],
                "manifest_number": record["manifest_number"]}
    raised = {(f.reason.value, f.about) for f in [kept.finding, *left_open]}
    history = [item_row(ticket_row, Finding(Reason(reason), f"given for {_kept_content(kept)}", field_name=field_name),
                         detected, given, now)
               for reason, field_name, given in kept.answers.answered_items() if (reason, field_name) not in raised]
    still = [item_row(ticket_row, finding, detected, given, now) for finding, given in zip(left_open, closing)]
    return ticket_row, [item_row(ticket_row, kept.finding, detected, answer, now), *still, *history]


def _with_answers(kept: KeptRecord) -> dict:
    """The kept record with the values people gave for its content."""
    given = {name: value for name, value in kept.answers.corrections().items() if name in RECORD_FIELDS}
    return {**kept.record, **given}


def _left_open(kept: KeptRecord) -> list[Finding]:
    """The blocking items the record's content was held for and nobody answered (a contaminated load's missing
    manifest), raised again on the kept record: that the record stays says nothing of them."""
    reasons = [Reason(r) for r in (kept.record["review_reason"] or "").split(",") if r]
    return [Finding(reason, f"raised on {kept.record['file_path']}'s earlier reading and not answered before its "
                            "content left the day")
            for reason in dict.fromkeys(reasons)
            if reason.severity in BLOCKING and reason not in (kept.finding.reason, Reason.DUPLICATE_TICKET)
            and kept.answers.for_item(Finding(reason, "")) is None]


def _closes_kept(kept: KeptRecord, finding: Finding) -> dict | None:
    """The answer that closes an item left open on a kept record: one that closes it, or one that gave the value
    it wants (the record is not read again, so the value cannot make the finding go away)."""
    latest = kept.answers.latest(finding)
    return latest if latest and (closes(latest, finding) or latest["corrections"].get(finding.about)) else None


def _kept_content(kept: KeptRecord) -> str:
    """The content a kept record was read from, which left the day: what its items and answers belong to."""
    record = kept.record
    if kept.finding.reason is Reason.FILE_REPLACED:
        return (f"the earlier content of {record['file_path']} (SHA-256 {record['file_hash'][:12]}...), since "
                "replaced by another scan")
    return f"{record['file_path']}, which is gone from the inbox or unreadable now"


def _link_duplicate(page: ReadPage, everything: dict[tuple, list[KnownTicket]]) -> None:
    """The ticket on record before this one with the same number and vendor, whichever day holds it."""
    page.original = find_duplicate(page.ticket, everything.get(page.ticket.key, []))
    if page.original is not None:
        page.findings.append(_duplicate_finding(page.original))


def _duplicate_finding(original: KnownTicket, where: str = "") -> Finding:
    return Finding(Reason.DUPLICATE_TICKET, f"same ticket number and vendor as {original.page_id}{where}",
                   {"duplicate_of": original.page_id,
                    "decide": "copy (leave it out of the invoice list and the counts) or two-loads (a load of its "
                              "own)"})


def _flag_repeated_manifest(page: ReadPage, manifests: dict[tuple, str]) -> None:
    """A manifest number on two pages of the day is in review, unless one page is a copy of the other: its
    DUPLICATE_TICKET item is what a person answers (decided two loads, the repeat is flagged)."""
    extraction = page.extraction
    manifest = extraction.value("manifest_number")
    if manifest is None:
        return
    key = (extraction.value("vendor"), manifest)
    if key not in manifests:
        manifests[key] = extraction.source.page_id
    elif not _a_copy_of(page, manifests[key]):
        page.findings.append(Finding(Reason.DUPLICATE_MANIFEST, f"manifest {manifest} already on {manifests[key]}"))


def _a_copy_of(page: ReadPage, page_id: str) -> bool:
    return (page.original is not None and page.original.page_id == page_id
            and page.copy_status != CopyStatus.TWO_LOADS.value)


def _ticket_row(page: ReadPage, day: DayInput) -> dict:
    """The record; it waits for a person while a blocking finding is not yet answered."""
    extraction, source = page.extraction, page.extraction.source
    return {
        "page_id": source.page_id,
        "partition_key": day.partition_key,
        "file_path": source.file_path,
        "page_number": source.page_number,
        **{name: extraction.value(name) for name in RECORD_FIELDS},
        "job_code": page.job_code,
        "confidence": _confidence(extraction),
        "review_required": any(f.severity in BLOCKING and page.answers.for_item(f) is None for f in page.findings),
        "review_reason": ",".join(dict.fromkeys(f.reason.value for f in page.findings)) or None,
        "duplicate_of": page.original.page_id if page.original else None,
        "copy_status": page.copy_status,
        "decisions": _decisions(page) or None,
        "file_hash": source.file_hash,
        "run_id": day.run_id,
        "provenance": {
            name: {"source": value.source, "confidence": round(value.confidence, 3)}
            for name, value in extraction.values.items()
        },
    }


def _copy_status(answers: PageAnswers, duplicate: Finding | None) -> str | None:
    """A possible copy until a person decides it is a copy or a load of its own; None when it copies nothing."""
    if duplicate is None:
        return None
    decided = answers.decision(duplicate)
    return (COPY_STATUS[decided] if decided else CopyStatus.SUSPECTED).value


def _decisions(page: ReadPage) -> dict:
    """What people decided on the page's items, and who: kept with the record (and shown in the manifest log)."""
    return {reason: _decision_text(answer) for reason, _, answer in page.answers.answered_items()}


def _decision_text(answer: dict) -> str:
    given = ", ".join(f"{name}={value}" for name, value in answer["corrections"].items())
    words = answer["because"] or answer["decision"] or (f"set {given}" if given else "confirmed")
    return f"{words} ({answer['resolved_by']}, {answer['resolved_at']:%Y-%m-%d})"


def _confidence(extraction: Extraction) -> float:
    """The weakest of the required fields: a record is as sure as its least sure required value."""
    values = [extraction.values.get(name) for name in REQUIRED_FIELDS]
    return round(min((v.confidence if v else 0.0) for v in values), 3)
