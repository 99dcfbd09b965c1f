"""`tracking_export.xlsx`: the office's daily load-count sheets, one row per day."""

from __future__ import annotations

import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ticket_assets.atomic import write_atomically
from ticket_assets.config import Job
from ticket_assets.extract.reasons import NOT_COUNTED, CopyStatus
from ticket_assets.extract.templates import default_vocabulary
from ticket_assets.reports.calendar import job_month_label, job_week_label, weekday_name
from ticket_assets.reports.safe_output import looks_like_formula
from ticket_assets.schema import CONTAMINATED, EXPORT_MATERIALS, IMPORT_MATERIALS, NON_CONTAMINATED, SPOILS

# How the office heads each area's column. Which areas a sheet counts is not listed here: the synonyms'
# source_material says which areas imply which material, and the sheets follow it.
AREA_HEADINGS = {
    "PODIUM": "PODIUM", "ZONE_E_GARAGE": "Zone E GARAGE", "SOUTH_MSE_WALL": "South_MSE Wall",
    "MSE_WALL": "MSE Wall", "PIER_EX": "PierEx", "POND": "Pond", "SOUTH_FILL": "South Fill", "TRACT_2": "Tract 2",
    "BECK_SPOILS": "BECK SPOILS", "NTX_SPOILS": "NTX Spoils", "UTX_SPOILS": "UTX Spoils",
    "MVP_TC1": "MVP-TC1", "MVP_TC2": "MVP-TC2", "SPG": "SPG",
}
MATERIAL_HEADINGS = {CONTAMINATED: "Class 2", NON_CONTAMINATED: "Non Contaminated", SPOILS: "Spoils"}
IMPORT_HEADINGS = {material: material.replace("_", " ") for material in IMPORT_MATERIALS}  # "UTILITY STONE"
STAMPED_PART = "docProps/core.xml"  # the workbook's created and modified times, the clock's at every save


def areas_implying(material: str) -> dict[str, str]:
    """The areas whose loads are of this material, by the synonyms' source_material, with their headings."""
    implied = default_vocabulary().source_material
    return {area: AREA_HEADINGS.get(area, area.replace("_", " ").title())
            for area, of in implied.items() if of == material}


DIG_SOURCES = areas_implying(CONTAMINATED)
SPOILS_SOURCES = areas_implying(SPOILS)
CLEAN_SOURCES = areas_implying(NON_CONTAMINATED)
DESTINATION_NAMES = {
    "WASTE_MANAGEMENT_LEWISVILLE": "WM Lewisville", "LDI_YARD": "LDI Yard", "POST_OAK_PIT": "Post Oak Pit",
}
LEAD_HEADINGS = ("Date", "Day", "Job Week", "Job Month")
DATE_FORMAT = "yyyy-mm-dd"
MAX_COLUMN_WIDTH = 60
BOLD = Font(bold=True)
TOTALS_LABEL = "Total"
CHART_SHEET = "Daily Loads Chart"


@dataclass(frozen=True)
class SheetLayout:
    """One office sheet: the loads it counts and the ticket field whose value picks their column."""

    title: str
    headings: tuple[str, ...]  # after the lead headings, as the office lays them out
    materials: tuple[str, ...]
    column_field: str
    columns: dict[str, str]  # value of column_field -> heading; several values may share one
    counts_unclassified: bool = False
    lead: tuple[str, ...] = LEAD_HEADINGS  # the columns before the counts: the day, and how the job counts it

    @property
    def notes_heading(self) -> str:
        return self.headings[-1]


SHEETS = (
    SheetLayout("All Daily", ("Total", *MATERIAL_HEADINGS.values(), "Notes"),
                EXPORT_MATERIALS, "material", MATERIAL_HEADINGS, counts_unclassified=True),
    SheetLayout("Class2_Daily", ("Total", *DIG_SOURCES.values(), "Notes"),
                (CONTAMINATED,), "source", DIG_SOURCES),
    # This sheet and Import have no Notes in the office's layout: "In Review" is added so doubtful
    # loads are never silent.
    SheetLayout("Non Contaminated", ("Total", *CLEAN_SOURCES.values(), "Spoils", "Location", "In Review"),
                (NON_CONTAMINATED,), "source", {**CLEAN_SOURCES, **dict.fromkeys(SPOILS_SOURCES, "Spoils")}),
    SheetLayout("Spoils", ("Total", *SPOILS_SOURCES.values(), "Notes"),
                (SPOILS,), "source", SPOILS_SOURCES),
    SheetLayout("Import", (*IMPORT_HEADINGS.values(), "Grand Total", "In Review"),
                IMPORT_MATERIALS, "material", IMPORT_HEADINGS, lead=("DATE",)),
)


def write_tracking_workbook(path: Path, tickets: list[dict], job: Job) -> None:
    """Count the loads per day into the office's sheets; loads in review are counted and noted."""
    by_day = tickets_by_day(tickets)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for layout in SHEETS:
        rows = [_day_row(layout, day, day_tickets, job.start) for day, day_tickets in by_day.items()]
        sheet = workbook.create_sheet(layout.title)
        _fill_sheet(sheet, layout.lead + layout.headings, rows)
        _append_totals(sheet, len(rows))
    _add_daily_chart(workbook, len(by_day))
    write_atomically(path, workbook.save)


def same_workbook(one: Path, other: Path) -> bool:
    """Two workbooks hold the same sheets, cells, styles and chart: every part of the file but the created and
    modified times openpyxl stamps (and the zip's own dates) is equal. A damaged file is like no other."""
    try:
        with zipfile.ZipFile(one) as first, zipfile.ZipFile(other) as second:
            names = [name for name in first.namelist() if name != STAMPED_PART]
            return (names == [name for name in second.namelist() if name != STAMPED_PART]
                    and all(first.read(name) == second.read(name) for name in names))
    except zipfile.BadZipFile:
        return False


def ticket_day(ticket: dict) -> date:
    """The ticket's date, else the date of the folder it was scanned into."""
    day = ticket["ticket_date"]
    if day is None:
        return date.fromisoformat(ticket["partition_key"])
    return day.date() if isinstance(day, datetime) else day


def tickets_by_day(tickets: list[dict]) -> dict[date, list[dict]]:
    """The tickets grouped by `ticket_day`, days in order."""
    by_day: dict[date, list[dict]] = {}
    for ticket in tickets:
        by_day.setdefault(ticket_day(ticket), []).append(ticket)
    return dict(sorted(by_day.items()))


def _day_row(layout: SheetLayout, day: date, tickets: list[dict], job_start: date) -> list:
    """A copy of a ticket is not a load: suspected and confirmed copies are left out of the counts and noted."""
    of_sheet = [t for t in tickets if t["material"] in layout.materials]
    loads = [t for t in of_sheet if t.get("copy_status") not in NOT_COUNTED]
    values = {
        **Counter(layout.columns.get(t[layout.column_field]) for t in loads),
        "Total": len(loads),
        "Grand Total": len(loads),
        "Location": _locations(loads),
        layout.notes_heading: _notes(layout, of_sheet, tickets),
    }
    lead = [day, weekday_name(day), job_week_label(day, job_start), job_month_label(day, job_start)]
    return lead[:len(layout.lead)] + [values.get(heading, 0) for heading in layout.headings]


def _notes(layout: SheetLayout, of_sheet: list[dict], day_tickets: list[dict]) -> str | None:
    loads = [t for t in of_sheet if t.get("copy_status") not in NOT_COUNTED]
    suspected = sum(1 for t in of_sheet if t.get("copy_status") == CopyStatus.SUSPECTED.value)
    copies = sum(1 for t in of_sheet if t.get("copy_status") == CopyStatus.COPY.value)
    in_review = sum(1 for t in loads if t["review_required"])
    unplaced = sum(1 for t in loads if t[layout.column_field] not in layout.columns)
    unclassified = _count_unclassified(day_tickets) if layout.counts_unclassified else 0
    notes = [
        f"{in_review} awaiting review" if in_review else "",
        f"{suspected} possible {_copies(suspected)} awaiting review, not counted" if suspected else "",
        f"{copies} {_copies(copies)}, not counted" if copies else "",
        f"{unplaced} without a listed {layout.column_field}" if unplaced else "",
        f"{unclassified} unclassified" if unclassified else "",
    ]
    return "; ".join(note for note in notes if note) or None


def _copies(count: int) -> str:
    return "copy" if count == 1 else "copies"


def _count_unclassified(tickets: list[dict]) -> int:
    """Tickets no sheet can place: no known material, so neither a known export nor import."""
    return sum(1 for t in tickets if t["material"] not in (*EXPORT_MATERIALS, *IMPORT_MATERIALS))


def _locations(loads: list[dict]) -> str | None:
    """Where the loads went, by name; with counts when they went to several places."""
    names = Counter(DESTINATION_NAMES.get(t["destination"], t["destination"]) or "no destination" for t in loads)
    if len(names) == 1:
        return next(iter(names))
    return ", ".join(f"{name} ({count})" for name, count in names.most_common()) or None


def _append_totals(sheet: Worksheet, day_count: int) -> None:
    """A last row summing every count column over the days."""
    totals = [TOTALS_LABEL]
    for column in sheet.iter_cols(min_col=2, min_row=2, max_row=day_count + 1, values_only=True):
        counts = [value for value in column if isinstance(value, int)]
        totals.append(sum(counts) if counts and len(counts) == len(column) else None)
    sheet.append(totals)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD


def _add_daily_chart(workbook: Workbook, day_count: int) -> None:
    """Daily loads by material class, stacked, on a sheet of its own."""
    source = workbook["All Daily"]
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
    chart.title, chart.y_axis.title = "Daily loads by material class", "Loads"
    first_class, last_class = 6, 8  # Class 2, Non Contaminated, Spoils in All Daily
    data = Reference(source, min_col=first_class, max_col=last_class, min_row=1, max_row=day_count + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(source, min_col=1, min_row=2, max_row=day_count + 1))
    chart.width, chart.height = 24, 12
    workbook.create_sheet(CHART_SHEET).add_chart(chart, "A1")


def _fill_sheet(sheet: Worksheet, headings: tuple[str, ...], rows: list[list]) -> None:
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = BOLD
    for row_number, values in enumerate(rows, start=2):
        for column_number, value in enumerate(values, start=1):
            _put(sheet.cell(row=row_number, column=column_number), value)
    sheet.freeze_panes = "A2"
    _fit_column_widths(sheet)


def _put(cell: Cell, value: object) -> None:
    """Write one value: dates as dates, text read from paper never as a formula."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # OCR control characters openpyxl refuses
    cell.value = value
    if isinstance(value, date):
        cell.number_format = DATE_FORMAT
    elif looks_like_formula(value):
        cell.data_type = "s"
        cell.quotePrefix = True


def _fit_column_widths(sheet: Worksheet) -> None:
    for column in sheet.iter_cols():
        widest = max(_display_width(cell.value) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(widest + 2, MAX_COLUMN_WIDTH)


def _display_width(value: object) -> int:
    if value is None:
        return 0
    return len(DATE_FORMAT) if isinstance(value, date) else len(str(value))
