"""Find the date folders and take stock of every file in one: hash, kind, pages, problems.

Originals are only ever opened for reading.
"""

from __future__ import annotations

import calendar
import hashlib
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PIL import Image

from ticket_assets.quiet_mupdf import pymupdf

log = logging.getLogger(__name__)

DATE_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LOOKS_LIKE_A_DAY = re.compile(r"^\s*(\d{4})[-_. ](\d{1,2})[-_. ](\d{1,2})")  # a day folder misnamed, or not a real day
_SEP, _MONTH_NAME = r"[-_. ,]+", r"([A-Za-z]{3,9})\.?"
# The orders people write a day in a folder name: (pattern, groups -> candidate (year, month, day) readings).
DAY_NAME_READINGS = (
    (LOOKS_LIKE_A_DAY, lambda y, m, d: [(y, m, d)]),  # 2024-1-25, 2024_10_22, "2024-10-20 copy"
    (re.compile(rf"^\s*(\d{{4}})(\d{{2}})(\d{{2}})\s*$"), lambda y, m, d: [(y, m, d)]),  # 20241024
    (re.compile(rf"^\s*(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})\s*$"),
     lambda a, b, y: [(y, a, b), (y, b, a)]),  # 10-21-2024 (US order) or 21-10-2024
    (re.compile(rf"^\s*{_MONTH_NAME}[-_ ]*(\d{{1,2}})(?:st|nd|rd|th)?{_SEP}(\d{{4}})\s*$"),
     lambda m, d, y: [(y, m, d)]),  # Oct 26 2024, October 26, 2024
    (re.compile(rf"^\s*(\d{{1,2}})[-_ ]*{_MONTH_NAME}{_SEP}(\d{{4}})\s*$"),
     lambda d, m, y: [(y, m, d)]),  # 26 Oct 2024, 26Oct2024
)
NOT_A_DAY_FOLDER = "looks like a day but is not a YYYY-MM-DD one, so its scans are not processed"
RENAME_TO_ITS_DAY = "rename it to the day its scans are from (YYYY-MM-DD)"
# Files that operating systems and open Office documents leave in folders: never tickets, never errors.
SYSTEM_FILES = re.compile(r"^(thumbs\.db|desktop\.ini|\.ds_store|~\$.*|\._.*)$", re.IGNORECASE)
SYSTEM_FILE_NOTE = "left by the operating system or an open Office file: ignored"
RESCAN = "rescan or replace the file, then drop it into the day folder again"
FLOW_FOLDERS = {"export": "EXPORT", "import": "IMPORT"}
FLOWS = ("IMPORT", "EXPORT")
JOB_CODE = re.compile(r"^\d{2}-\d{3,4}$")
# The most pixels one page may have, as a file or once rendered: a legal-size page at 600 dpi is 43 M.
# Beyond it an image is a decompression bomb or a mistake, and would take gigabytes in every worker.
MAX_PAGE_PIXELS = 60_000_000
MAGIC_KINDS = (
    (b"%PDF", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
)


@dataclass(frozen=True)
class FilenameMeta:
    """What a structured name `{JOB}__{DATE}__{AREA}__{FLOW}__{MATERIAL}__{VENDOR}` says."""

    job_code: str | None = None
    date: date | None = None
    area: str | None = None
    flow: str | None = None
    material: str | None = None
    vendor: str | None = None

    @property
    def is_structured(self) -> bool:
        return self.job_code is not None


@dataclass
class FileEntry:
    """One file of a day, as found on disk."""

    rel_path: str  # relative to the inbox, "/" separators
    sha256: str
    size: int
    kind: str  # "pdf", "image" or "unknown"
    page_count: int
    problem: str | None = None  # why a person should look at the file
    readable: bool = True  # False: no page of it can be processed
    remedy: str = RESCAN  # what a person can do about the problem
    ignored: str | None = None  # why the file is not a ticket at all (an operating system's file)
    name_meta: FilenameMeta = field(default_factory=FilenameMeta)
    folder_flow: str | None = None


def parse_day(name: str) -> date | None:
    """The date a folder name stands for, or None when it is not a `YYYY-MM-DD` name."""
    if not DATE_FOLDER.match(name):
        return None
    try:
        return date.fromisoformat(name)
    except ValueError:
        return None


def misnamed_date_folders(inbox: Path) -> dict[str, str]:
    """Folders of the inbox that are not processed though they look like a day or hold scans: name -> what is
    wrong and what to do about it. Their scans would otherwise sit unprocessed with no word."""
    problems = {}
    for child in sorted(inbox.iterdir()) if inbox.is_dir() else []:
        if child.is_dir() and not child.name.startswith(".") and not parse_day(child.name):
            problem = _unprocessed_folder_problem(inbox, child)
            if problem:
                problems[child.name] = problem
    return problems


def _unprocessed_folder_problem(inbox: Path, folder: Path) -> str | None:
    """What is wrong with a folder that is no YYYY-MM-DD day, or None when it neither looks like a day nor holds scans."""
    days = _days_a_name_reads_as(folder.name)
    if len(days) == 1:
        return f"{NOT_A_DAY_FOLDER}: {_rename_advice(inbox, days[0])}"
    if len(days) > 1:
        return f"{NOT_A_DAY_FOLDER}: it could be {' or '.join(d.isoformat() for d in days)}; {RENAME_TO_ITS_DAY}"
    if LOOKS_LIKE_A_DAY.match(folder.name):
        return f"{NOT_A_DAY_FOLDER}: not a real date; {RENAME_TO_ITS_DAY}"
    if any(not SYSTEM_FILES.match(path.name) for path in _day_files(folder)):  # stops at the first
        return "holds scans but is no date folder, so they are not processed: move them into the folder of their day " \
               "(YYYY-MM-DD)"
    return None


def _rename_advice(inbox: Path, day: date) -> str:
    return (f"rename it to {day.isoformat()}" if not (inbox / day.isoformat()).exists()
            else f"move its files into {day.isoformat()}")


def _days_a_name_reads_as(name: str) -> list[date]:
    """The real dates a folder name can be read as, in the orders people write them; two when the name is ambiguous
    (10-11-2024: October 11 or November 10), none when it is no date."""
    readings = set()
    for pattern, order in DAY_NAME_READINGS:
        found = pattern.match(name)
        for year, month, day in order(*found.groups()) if found else ():
            try:
                readings.add(date(int(year), _month_number(month), int(day)))
            except (TypeError, ValueError):
                continue
    return sorted(readings)


def _month_number(month: str) -> int | None:
    """A month written as a number or an English name or abbreviation (at least three letters)."""
    if month.isdigit():
        return int(month)
    names = [name.lower() for name in calendar.month_name]
    return next((i for i, name in enumerate(names) if i and len(month) >= 3 and name.startswith(month.lower())), None)


def list_date_folders(inbox: Path) -> list[str]:
    """Names of the valid date folders under the inbox, sorted; other names are logged and ignored."""
    if not inbox.is_dir():
        raise FileNotFoundError(f"inbox {inbox} is not a folder")
    days = []
    for child in inbox.iterdir():
        if not child.is_dir():
            continue
        if parse_day(child.name):
            days.append(child.name)
        elif not child.name.startswith("."):
            log.info("ignoring folder %s: not a YYYY-MM-DD date", child.name)
    return sorted(days)


def list_day_files(day_folder: Path) -> list[Path]:
    """Every file of a day, sub-folders included, in a stable order. Hidden files are skipped."""
    return sorted(_day_files(day_folder))


def _day_files(day_folder: Path) -> Iterator[Path]:
    return (
        path
        for path in day_folder.rglob("*")
        if (path.is_file() or (path.is_symlink() and not path.is_dir()))  # a broken link is reported, not skipped
        and not any(part.startswith(".") for part in path.relative_to(day_folder).parts)
    )


def folder_signature(day_folder: Path) -> str:
    """A digest of the folder's file names, sizes and modification times: it changes when the content does."""
    digest = hashlib.sha256()
    for path in list_day_files(day_folder):
        stat = path.lstat()  # a broken link has no target to look at
        digest.update(f"{path.relative_to(day_folder).as_posix()}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def parse_filename(name: str) -> FilenameMeta:
    """Read the structured filename convention; an ad-hoc name gives an empty FilenameMeta."""
    parts = Path(name).stem.split("__")
    if len(parts) < 4 or not JOB_CODE.match(parts[0]) or parse_day(parts[1]) is None:
        return FilenameMeta()
    rest = [p.strip().upper() for p in parts[2:]]
    flow_at = next((i for i, token in enumerate(rest) if token in FLOWS), None)
    if flow_at is None:
        return FilenameMeta(job_code=parts[0], date=parse_day(parts[1]))
    after = rest[flow_at + 1 :]
    return FilenameMeta(
        job_code=parts[0],
        date=parse_day(parts[1]),
        area=rest[0] if flow_at == 1 else None,
        flow=rest[flow_at],
        material=after[0] if after else None,
        vendor=after[1] if len(after) > 1 else None,
    )


def flow_from_folders(rel_parts: tuple[str, ...]) -> str | None:
    """`export/` or `import/` anywhere under the day folder says the flow."""
    for part in rel_parts:
        if part.lower() in FLOW_FOLDERS:
            return FLOW_FOLDERS[part.lower()]
    return None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sniff_kind(path: Path) -> str:
    """What the file is by its first bytes, whatever its extension says."""
    with path.open("rb") as handle:
        head = handle.read(8)
    return next((kind for magic, kind in MAGIC_KINDS if head.startswith(magic)), "unknown")


def inventory_file(inbox: Path, path: Path) -> FileEntry:
    """Take stock of one file: a problem is recorded on the entry, never raised."""
    rel = path.relative_to(inbox)
    if not path.resolve().is_relative_to(inbox.resolve()):
        return _outside_link(rel, path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:  # a broken link, or a file taken away while the day was read
        return _unreadable(_entry_without_content(rel, path), "the file is gone (deleted, moved, or a broken link)")
    entry = FileEntry(
        rel_path=rel.as_posix(),
        sha256=sha256_of(path),
        size=size,
        kind="unknown",
        page_count=0,
        name_meta=parse_filename(path.name),
        folder_flow=flow_from_folders(rel.parts[1:-1]),
    )
    if size == 0:
        return _unreadable(entry, "empty file (0 bytes)")
    entry.kind = sniff_kind(path)
    if entry.kind == "pdf":
        return _inspect_pdf(entry, path)
    if entry.kind == "image":
        return _inspect_image(entry, path)
    return _unreadable(entry, f"not a PDF or image (starts with {path.read_bytes()[:8]!r})")


def _outside_link(rel: Path, path: Path) -> FileEntry:
    """A symbolic link that leads out of the inbox: refused unread, so the inbox cannot expose other files."""
    target = os.readlink(path) if path.is_symlink() else str(path.resolve())
    entry = _entry_without_content(rel, path)
    entry.remedy = "copy the file itself into the day folder instead of linking to it"
    return _unreadable(entry, f"symbolic link to {target}, outside the inbox: refused")


def _entry_without_content(rel: Path, path: Path) -> FileEntry:
    """An entry for a file whose content is not read; its hash is of its name, so its page id stays stable."""
    return FileEntry(rel_path=rel.as_posix(), sha256=hashlib.sha256(f"unread:{rel.as_posix()}".encode()).hexdigest(),
                     size=0, kind="unknown", page_count=0, name_meta=parse_filename(path.name),
                     folder_flow=flow_from_folders(rel.parts[1:-1]))


def _unreadable(entry: FileEntry, problem: str) -> FileEntry:
    entry.problem, entry.readable, entry.page_count = problem, False, 0
    return entry


def _inspect_pdf(entry: FileEntry, path: Path) -> FileEntry:
    try:
        with pymupdf.open(path, filetype="pdf") as doc:
            if doc.needs_pass:
                return _unreadable(entry, "encrypted PDF: it needs a password")
            entry.page_count = doc.page_count
            repaired = doc.is_repaired
    except (RuntimeError, ValueError) as err:  # PyMuPDF raises FileDataError (a RuntimeError) on garbage
        return _unreadable(entry, f"damaged PDF that cannot be opened: {err}")
    if entry.page_count == 0:
        return _unreadable(entry, "PDF has no pages")
    if repaired:
        entry.problem = (
            f"damaged PDF (truncated or corrupt), repaired on opening: {entry.page_count} page(s) recovered,"
            " some may be blank; check the original"
        )
    return entry


def _inspect_image(entry: FileEntry, path: Path) -> FileEntry:
    try:
        with Image.open(path) as image:  # reads the header only
            width, height = image.size
            if width * height > MAX_PAGE_PIXELS:
                return _unreadable(entry, f"image of {width} x {height} pixels is over the budget of "
                                          f"{MAX_PAGE_PIXELS:,} pixels: refused unread (a decompression bomb?)")
            entry.page_count = getattr(image, "n_frames", 1)
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as err:
        return _unreadable(entry, f"image cannot be decoded: {err}")
    return entry


def inventory_day(inbox: Path, day: str) -> list[FileEntry]:
    """Every file of one date folder, taken stock of."""
    folder = inbox / day
    if not folder.is_dir():
        raise FileNotFoundError(f"date folder {folder} does not exist")
    if not folder.resolve().is_relative_to(inbox.resolve()):
        return [_outside_day(inbox, folder, path) for path in list_day_files(folder)]
    return [_system_file(inbox, path) if SYSTEM_FILES.match(path.name) else inventory_file(inbox, path)
            for path in list_day_files(folder)]


def _outside_day(inbox: Path, folder: Path, path: Path) -> FileEntry:
    """A file of a date folder that is itself a link out of the inbox: not read, and the advice is about the folder."""
    entry = _entry_without_content(path.relative_to(inbox), path)
    entry.remedy = f"move the folder {folder.name} itself into the inbox instead of linking to it"
    return _unreadable(entry, f"the date folder {folder.name} is a link to {folder.resolve()}, outside the inbox: "
                              "its files are not read")


def _system_file(inbox: Path, path: Path) -> FileEntry:
    entry = _entry_without_content(path.relative_to(inbox), path)
    entry.readable, entry.ignored, entry.size = False, SYSTEM_FILE_NOTE, path.lstat().st_size
    return entry
