"""`tickets explain`: for one page, what was read, which template matched and why others did not,
and where each field's value came from."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from ticket_assets.config import Settings
from ticket_assets.discover import inventory_file, parse_day
from ticket_assets.errors import UserError
from ticket_assets.extract.page_text import PageText
from ticket_assets.extract.record import PageSource, Vocabularies, extract_page
from ticket_assets.extract.rules import RuleContext, check_page
from ticket_assets.extract.vendors import explain_misses
from ticket_assets.ocr.reading import read_day
from ticket_assets.render import file_pages


def explain_page(path: Path, page_number: int, settings: Settings) -> str:
    """A plain-text account of one page of one file, read as the pipeline reads it."""
    inbox = _inbox_for(path, settings)
    entry = inventory_file(inbox, path)
    if not entry.readable:
        raise UserError(f"{path}: {entry.problem}")
    if not 1 <= page_number <= entry.page_count:
        raise UserError(f"{path} has {entry.page_count} page(s); there is no page {page_number}")
    with tempfile.TemporaryDirectory() as cache:
        page = file_pages(inbox, entry, Path(cache), settings.ocr.dpi)[page_number - 1]
        result = read_day([page], settings.ocr)[page.page_id]
    folder_date = parse_day(entry.rel_path.split("/")[0])
    source = PageSource(page.page_id, entry.rel_path, page_number, entry.sha256, folder_date or date.today(),
                        entry.folder_flow, entry.name_meta)
    known = Vocabularies.of(settings)
    extraction = extract_page(source, result, known)
    findings = check_page(extraction, RuleContext.for_page(extraction, settings))
    lines = [f"{entry.rel_path} page {page_number} (SHA-256 {entry.sha256[:16]}...)",
             "" if folder_date else "not in a date folder: judged as if scanned today",
             f"\n== text ({result.engine}, mean confidence {result.mean_confidence:.2f}) =="]
    lines += [f"  {line.confidence:.2f} [{line.source}] {line.text}" for line in result.lines]
    lines.append("\n== vendor templates ==")
    lines += [f"  matched {m.vendor} ({m.confidence:.2f}): {m.why}" for m in extraction.vendor_matches]
    lines += [f"  not {vendor}: {why}" for vendor, why in explain_misses(PageText(result), known.templates).items()]
    lines.append("\n== fields ==")
    lines += [f"  {name:<16} {value.value!s:<32} from {value.source} ({value.confidence:.2f})"
              for name, value in extraction.values.items()]
    lines += [f"  {name:<16} {value.value!s:<32} only a suggestion ({value.confidence:.2f})"
              for name, value in extraction.suggestions.items()]
    lines.append("\n== review ==")
    lines += [f"  {f.severity.value:<8} {f.reason.value}: {f.detail}" for f in findings] or ["  nothing to review"]
    return "\n".join(line for line in lines if line != "")


def _inbox_for(path: Path, settings: Settings) -> Path:
    """The inbox the file sits in, else the folder above its date folder (export/ and import/ sit in one),
    else the folder above its own."""
    inbox, path = settings.inbox_folder, path.resolve()
    if inbox and path.is_relative_to(inbox):
        return inbox
    day_folder = next((folder for folder in path.parents if parse_day(folder.name)), None)
    return day_folder.parent if day_folder else path.parent.parent
