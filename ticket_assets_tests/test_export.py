"""The day's reports: the job calendar, the tracking workbook, the CSVs, and how they are written."""

from __future__ import annotations

import csv
import json
import threading
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from ticket_assets.atomic import write_atomically
from ticket_assets.config import Job
from ticket_assets.reports.calendar import job_month_label, job_week, job_week_label, weekday_name
from ticket_assets.reports.csv_reports import write_manifest_log
from ticket_assets.reports.sets import VERSIONS, ExportError, export_reports, write_reports
from ticket_assets.store.models import review_queue, tickets

INVOICE_HEADER = "ticket_number|vendor|date|material|quantity|units|truck_number|file_ref"

JOB_24_105_START = date(2024, 7, 1)
# Starts on a Thursday: day one is in week 1 and September, day two in week 2 and October.
JOB = Job(code="T-1", name="Test job", start=date(2024, 9, 26), end=date(2025, 3, 31))
DAY_ONE, DAY_TWO = date(2024, 9, 27), date(2024, 10, 1)
FORMULA = '=HYPERLINK("http://evil.example","click")'


def ticket(number: int, **fields) -> dict:
    """A `tickets` row with every column, defaults for a clean page, `fields` on top."""
    row = {column.name: None for column in tickets.columns}
    row.update(page_id=f"{DAY_ONE}/scan.pdf-p{number}", partition_key=str(DAY_ONE), file_path=f"{DAY_ONE}/scan.pdf",
               page_number=number, ticket_number=f"{number:04d}", ticket_date=DAY_ONE, review_required=False,
               job_code=JOB.code, file_hash="0" * 64, run_id="run-1")
    row.update(fields)
    return row


def review(page_id: str, reason: str, severity: str, file_path: str, page_number: int | None, **fields) -> dict:
    """A `review_queue` row with every column."""
    row = {column.name: None for column in review_queue.columns}
    row.update(id=1, page_id=page_id, partition_key=str(DAY_ONE), file_path=file_path, page_number=page_number,
               reason=reason, severity=severity, created_at=datetime(2024, 10, 2, 8, 30), resolved=False)
    row.update(fields)
    return row


def day_tickets() -> list[dict]:
    export = {"flow": "EXPORT"}
    wm = {"vendor": "WASTE_MANAGEMENT_LEWISVILLE", "destination": "WASTE_MANAGEMENT_LEWISVILLE"}
    class_2, clean, spoils = "CLASS_2_CONTAMINATED", "NON_CONTAMINATED", "SPOILS"
    day_two = {"ticket_date": None, "partition_key": str(DAY_TWO), "file_path": f"{DAY_TWO}/scan.pdf"}
    return [
        ticket(1, material=class_2, source="PIER_EX", manifest_number="MAN-0002", **export, **wm),
        ticket(2, material=class_2, source="PIER_EX", manifest_number="MAN-0001", **export, **wm),
        ticket(3, material=class_2, source="PODIUM", review_required=True, review_reason="MISSING_MANIFEST",
               **export, **wm),
        ticket(4, material=clean, source="SPG", destination="LDI_YARD", vendor="LDI_YARD", truck_number="@SUM(A1)",
               **export),
        ticket(5, material=clean, source="BECK_SPOILS", destination=FORMULA, vendor="ROBERTS", **export),
        ticket(6, material=spoils, source="NTX_SPOILS", quantity=-3.0, quantity_unit="TONS", **export, **wm),
        ticket(7, material="ROCK", flow="IMPORT", vendor="HEIDELBERG", review_required=True,
               review_reason="LOW_CONFIDENCE_OCR"),
        ticket(8, material=None, flow=None, review_required=True, review_reason="AMBIGUOUS_VENDOR"),
        ticket(9, material=class_2, source="SOUTH_FILL", manifest_number="MAN-0003", **export, **wm, **day_two),
        ticket(10, material="FLEXBASE", flow="IMPORT", vendor="ARCOSA", ticket_number="1000", **day_two),
        ticket(11, material="FLEXBASE", flow="IMPORT", vendor="ARCOSA", ticket_number="999", **day_two),
        ticket(12, material=spoils, source="MVP_TC2", ticket_number="WM-12345678", **export, **wm, **day_two),
    ]


def review_rows() -> list[dict]:
    return [
        review("b.pdf-p1", "MISSING_SOURCE", "INFO", "b.pdf", 1),
        review("a.pdf-p2", "LOW_CONFIDENCE_OCR", "WARNING", "a.pdf", 2),
        review("b.pdf-p3", "MISSING_MANIFEST", "CRITICAL", "b.pdf", 3,
               detected_fields={"ticket_number": "0003"}, suggested_fixes={"manifest_number": None}),
        review("a.pdf", "UNREADABLE_FILE", "CRITICAL", "a.pdf", None),
    ]


@pytest.fixture
def reports(tmp_path: Path) -> dict[str, Path]:
    return write_reports(tmp_path / "exports" / str(DAY_ONE), day_tickets(), review_rows(), JOB)


@pytest.fixture
def workbook(reports):
    return openpyxl.load_workbook(reports["tracking_export"])


def sheet_rows(workbook, title: str) -> list[dict]:
    """The sheet's day rows as heading -> value (the totals row left out)."""
    rows = list(workbook[title].iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:] if row[0] != "Total"]


def read_csv(path: Path, delimiter: str = ",") -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


# --- calendar -----------------------------------------------------------------------------------

def test_job_calendar_of_24_105_matches_the_office_sheets():
    assert job_week_label(date(2024, 10, 17), JOB_24_105_START) == "Week 16 - (End 10/20/24)"
    assert job_month_label(date(2024, 10, 17), JOB_24_105_START) == "004 - October 24"


def test_first_day_of_the_job_is_week_1_and_month_1():
    assert job_week(JOB_24_105_START, JOB_24_105_START) == 1
    assert job_week_label(JOB_24_105_START, JOB_24_105_START) == "Week 1 - (End 07/07/24)"
    assert job_month_label(JOB_24_105_START, JOB_24_105_START) == "001 - July 24"


def test_week_crossing_a_month_keeps_one_week_label_and_two_month_labels():
    july_31, august_1 = date(2024, 7, 31), date(2024, 8, 1)
    assert job_week_label(july_31, JOB_24_105_START) == job_week_label(august_1, JOB_24_105_START) \
        == "Week 5 - (End 08/04/24)"
    assert job_month_label(july_31, JOB_24_105_START) == "001 - July 24"
    assert job_month_label(august_1, JOB_24_105_START) == "002 - August 24"


def test_week_starts_monday_even_when_the_job_starts_midweek():
    assert job_week(date(2024, 9, 29), JOB.start) == 1  # Sunday
    assert job_week(date(2024, 9, 30), JOB.start) == 2  # Monday
    assert [weekday_name(date(2024, 9, 30) + timedelta(days=n)) for n in range(7)] == \
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


# --- workbook -----------------------------------------------------------------------------------

LEAD = ["Date", "Day", "Job Week", "Job Month"]
EXPECTED_HEADINGS = {
    "All Daily": LEAD + ["Total", "Class 2", "Non Contaminated", "Spoils", "Notes"],
    "Class2_Daily": LEAD + ["Total", "PODIUM", "Zone E GARAGE", "South_MSE Wall", "MSE Wall", "PierEx", "Pond",
                            "South Fill", "Tract 2", "Notes"],
    "Non Contaminated": LEAD + ["Total", "SPG", "Spoils", "Location", "In Review"],
    "Spoils": LEAD + ["Total", "BECK SPOILS", "NTX Spoils", "UTX Spoils", "MVP-TC1", "MVP-TC2", "Notes"],
    # headed as the office heads it (issue 14): DATE, the materials as the office writes them, Grand Total
    "Import": ["DATE", "3X5", "ASPHALT", "C2", "DIRT", "FILL", "FLEX", "FLEXBASE", "ROCK", "UTILITY STONE",
               "Grand Total", "In Review"],
}


def test_workbook_has_the_office_sheets_and_headings_in_order(workbook):
    assert workbook.sheetnames == [*EXPECTED_HEADINGS, "Daily Loads Chart"]
    for title, headings in EXPECTED_HEADINGS.items():
        sheet = workbook[title]
        assert [cell.value for cell in sheet[1]] == headings
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.freeze_panes == "A2"


def test_one_row_per_day_with_real_dates_and_job_labels(workbook):
    for title in EXPECTED_HEADINGS:
        sheet = workbook[title]
        assert [sheet.cell(row=r, column=1).value for r in (2, 3)] == [datetime(2024, 9, 27), datetime(2024, 10, 1)]
        assert sheet["A2"].is_date and sheet["A2"].number_format == "yyyy-mm-dd"
        assert sheet.max_row == 4  # two days and the totals row
    first, second = sheet_rows(workbook, "All Daily")
    labels = [(row["Day"], row["Job Week"], row["Job Month"]) for row in (first, second)]
    assert labels == [("Fri", "Week 1 - (End 09/29/24)", "001 - September 24"),
                      ("Tue", "Week 2 - (End 10/06/24)", "002 - October 24")]


def test_all_daily_counts_exports_and_names_review_and_unclassified_loads(workbook):
    first, second = sheet_rows(workbook, "All Daily")
    assert [first[h] for h in ("Total", "Class 2", "Non Contaminated", "Spoils")] == [6, 3, 2, 1]
    assert first["Notes"] == "1 awaiting review; 1 unclassified"
    assert [second[h] for h in ("Total", "Class 2", "Non Contaminated", "Spoils")] == [2, 1, 0, 1]
    assert second["Notes"] is None


def test_class2_daily_counts_per_dig(workbook):
    first, second = sheet_rows(workbook, "Class2_Daily")
    assert (first["Total"], first["PierEx"], first["PODIUM"], first["South Fill"]) == (3, 2, 1, 0)
    assert first["Notes"] == "1 awaiting review"
    assert (second["Total"], second["South Fill"], second["PierEx"]) == (1, 1, 0)


def test_non_contaminated_names_destinations_and_keeps_formulas_as_text(workbook):
    first, second = sheet_rows(workbook, "Non Contaminated")
    assert (first["Total"], first["SPG"], first["Spoils"]) == (2, 1, 1)
    assert FORMULA in first["Location"] and "LDI Yard" in first["Location"]
    assert (second["Total"], second["Location"], second["In Review"]) == (0, None, None)


def test_a_formula_read_from_paper_is_stored_as_text(tmp_path):
    row = ticket(1, material="NON_CONTAMINATED", source="SPG", destination=FORMULA, flow="EXPORT")
    paths = write_reports(tmp_path, [row], [], JOB)
    cell = openpyxl.load_workbook(paths["tracking_export"])["Non Contaminated"]["H2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (FORMULA, "s", True)


def test_spoils_and_import_counts(workbook):
    spoils_one, spoils_two = sheet_rows(workbook, "Spoils")
    assert (spoils_one["Total"], spoils_one["NTX Spoils"], spoils_two["MVP-TC2"]) == (1, 1, 1)
    import_one, import_two = sheet_rows(workbook, "Import")
    assert (import_one["ROCK"], import_one["Grand Total"], import_one["In Review"]) == (1, 1, "1 awaiting review")
    assert (import_two["FLEXBASE"], import_two["Grand Total"], import_two["In Review"]) == (2, 2, None)


def test_loads_without_a_listed_source_are_counted_and_noted(tmp_path):
    rows = [ticket(1, material="CLASS_2_CONTAMINATED", source=None, review_required=True)]
    paths = write_reports(tmp_path, rows, [], JOB)
    (row,) = sheet_rows(openpyxl.load_workbook(paths["tracking_export"]), "Class2_Daily")
    assert row["Total"] == 1
    assert row["Notes"] == "1 awaiting review; 1 without a listed source"


def test_columns_are_wide_enough_for_their_content(workbook):
    sheet = workbook["All Daily"]
    assert sheet.column_dimensions["C"].width >= len("Week 1 - (End 09/29/24)")


# --- csv ----------------------------------------------------------------------------------------

def test_invoice_match_lists_clean_tickets_pipe_delimited_and_sorted(reports):
    text = reports["invoice_match"].read_text()
    assert text.splitlines()[0] == INVOICE_HEADER
    rows = read_csv(reports["invoice_match"], delimiter="|")
    # ARCOSA, LDI_YARD, ROBERTS, then WM: no date first, ticket numbers compared as numbers.
    assert [r["ticket_number"] for r in rows] == ["999", "1000", "0004", "0005", "0009", "WM-12345678",
                                                  "0001", "0002", "0006"]
    assert all(r["ticket_number"] not in {"0003", "0007", "0008"} for r in rows)  # awaiting review


def test_invoice_match_cells(reports):
    rows = {r["ticket_number"]: r for r in read_csv(reports["invoice_match"], delimiter="|")}
    assert rows["0004"]["truck_number"] == "'@SUM(A1)"
    assert rows["0006"]["quantity"] == "-3.0" and rows["0006"]["units"] == "TONS"
    assert rows["0006"]["file_ref"] == "scan.pdf-p6"
    assert rows["0001"]["date"] == "2024-09-27"
    assert rows["999"]["date"] == "" and rows["999"]["truck_number"] == ""


def test_regression_a_file_name_with_at_signs_gives_its_own_file_ref(tmp_path):
    named = {"scan@office.pdf": "scan@office.pdf-p1", "@SUM(A1).pdf": "'@SUM(A1).pdf-p1",
             "scan@office.pdf-p1@dc4c6defa91f": "scan@office.pdf-p1@dc4c6defa91f"}
    rows = [ticket(1, ticket_number="1", file_path=f"{DAY_ONE}/scan@office.pdf", page_id=f"{DAY_ONE}/scan@office.pdf-p1"),
            ticket(1, ticket_number="2", file_path=f"{DAY_ONE}/@SUM(A1).pdf", page_id=f"{DAY_ONE}/@SUM(A1).pdf-p1"),
            ticket(1, ticket_number="3", file_path=f"{DAY_ONE}/scan@office.pdf",
                   page_id=f"{DAY_ONE}/scan@office.pdf-p1@dc4c6defa91f")]
    paths = write_reports(tmp_path, rows, [], JOB)
    refs = [row["file_ref"] for row in read_csv(paths["invoice_match"], delimiter="|")]
    assert refs == list(named.values())


def test_manifest_log_keeps_every_contaminated_load_sorted_by_date_then_manifest(reports):
    rows = read_csv(reports["manifest_log"])
    assert list(rows[0]) == ["ticket_number", "manifest_number", "date", "source", "waste_facility", "material",
                             "quantity", "units", "truck_number", "file_ref", "status"]
    assert [(r["date"], r["manifest_number"], r["ticket_number"]) for r in rows] == [
        ("", "MAN-0003", "0009"),
        ("2024-09-27", "", "0003"),
        ("2024-09-27", "MAN-0001", "0002"),
        ("2024-09-27", "MAN-0002", "0001"),
    ]
    assert {r["waste_facility"] for r in rows} == {"WASTE_MANAGEMENT_LEWISVILLE"}


def test_review_queue_most_severe_first(reports):
    rows = read_csv(reports["review_queue"])
    assert list(rows[0]) == ["page_id", "reason", "severity", "file_path", "page_num", "detected_fields",
                             "suggested_fixes", "created_at", "review_id"]
    assert [r["page_id"] for r in rows] == ["a.pdf", "b.pdf-p3", "a.pdf-p2", "b.pdf-p1"]
    manifest = rows[1]
    assert json.loads(manifest["detected_fields"]) == {"ticket_number": "0003"}
    assert json.loads(manifest["suggested_fixes"]) == {"manifest_number": None}
    assert manifest["created_at"] == "2024-10-02T08:30:00"
    assert rows[0]["page_num"] == "" and rows[3]["detected_fields"] == ""


# --- writing ------------------------------------------------------------------------------------

def test_day_reports_land_in_a_new_folder_without_temporary_files(reports):
    folder = reports["tracking_export"].parent
    assert sorted(p.name for p in folder.iterdir()) == \
        ["answered_reviews.csv", "invoice_match.csv", "manifest_log.csv", "review_queue.csv", "tracking_export.xlsx"]


def test_writing_again_replaces_the_reports(tmp_path):
    write_reports(tmp_path, day_tickets(), review_rows(), JOB)
    paths = write_reports(tmp_path, day_tickets()[:1], [], JOB)
    assert len(read_csv(paths["manifest_log"])) == 1
    assert len(list(tmp_path.iterdir())) == 5


def test_regression_the_same_reports_written_again_keep_their_files_bytes_and_times(tmp_path):
    """Trial: every rerun of an unchanged day rewrote tracking_export.xlsx, only openpyxl's created and modified
    times and the zip's dates differing, so whoever syncs the reports saw a change each time."""
    def files(paths):
        return {name: (path.read_bytes(), path.stat().st_mtime_ns) for name, path in paths.items()}

    first = files(write_reports(tmp_path / "day", day_tickets(), review_rows(), JOB))
    time.sleep(2)  # the zip format's dates count in 2 seconds
    assert files(write_reports(tmp_path / "day", day_tickets(), review_rows(), JOB)) == first
    changed = files(write_reports(tmp_path / "day", day_tickets()[:1], review_rows(), JOB))
    assert {name for name in first if changed[name] != first[name]} == {
        "tracking_export", "invoice_match", "manifest_log"}
    (tmp_path / "day" / "tracking_export.xlsx").write_bytes(b"half a workbook")  # a damaged file is replaced
    rewritten = write_reports(tmp_path / "day", day_tickets(), review_rows(), JOB)["tracking_export"]
    assert openpyxl.load_workbook(rewritten).sheetnames[0] == "All Daily"


def test_regression_an_export_on_demand_writes_beside_what_the_folder_holds(tmp_path):
    """`tickets export --out R` turned R into a link into .versions/: the files already in R were gone for good."""
    (tmp_path / "R" / "2024").mkdir(parents=True)
    (tmp_path / "R" / "budget.xlsx").write_text("x")
    (tmp_path / "R" / "2024" / "notes.txt").write_text("y")
    for _ in range(2):
        paths = export_reports(tmp_path / "R", day_tickets(), review_rows(), JOB)
    assert not (tmp_path / "R").is_symlink() and not (tmp_path / VERSIONS).exists()
    assert (tmp_path / "R" / "budget.xlsx").read_text() == "x" and (tmp_path / "R" / "2024" / "notes.txt").exists()
    assert all(path.parent == tmp_path / "R" and path.is_file() for path in paths.values())
    with pytest.raises(ExportError, match="is a file"):
        export_reports(tmp_path / "R" / "budget.xlsx", day_tickets(), [], JOB)


def test_a_failed_write_leaves_the_previous_file_whole(tmp_path):
    target = tmp_path / "report.csv"
    target.write_text("previous\n")

    def half_write(temporary: Path) -> None:
        temporary.write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_atomically(target, half_write)
    assert target.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_totals_row_sums_every_count_column(workbook):
    rows = list(workbook["All Daily"].iter_rows(values_only=True))
    totals, days = dict(zip(rows[0], rows[-1])), sheet_rows(workbook, "All Daily")
    assert totals["Date"] == "Total" and totals["Day"] is None and totals["Notes"] is None
    for heading in ("Total", "Class 2", "Non Contaminated", "Spoils"):
        assert totals[heading] == sum(day[heading] for day in days)


def test_chart_of_daily_loads_by_material_class(workbook):
    chart = workbook["Daily Loads Chart"]._charts
    assert len(chart) == 1 and chart[0].grouping == "stacked"
    assert [s.tx.strRef.f for s in chart[0].series] == ["'All Daily'!F1", "'All Daily'!G1", "'All Daily'!H1"]


def test_a_reader_polling_while_reports_are_rewritten_never_sees_half_a_file(tmp_path):
    rewrites, stop, seen = 15, threading.Event(), Counter()

    def rewrite():
        for count in range(rewrites):
            write_reports(tmp_path, day_tickets()[: 1 + count % 12], review_rows(), JOB)
        stop.set()

    write_reports(tmp_path, day_tickets(), review_rows(), JOB)
    writer = threading.Thread(target=rewrite)
    writer.start()
    while not stop.is_set():
        openpyxl.load_workbook(tmp_path / "tracking_export.xlsx")  # raises on a truncated zip
        rows = read_csv(tmp_path / "invoice_match.csv", delimiter="|")
        assert rows == [] or list(rows[0]) == INVOICE_HEADER.split("|")
        seen["reads"] += 1
    writer.join()
    assert seen["reads"] > 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left behind


def test_a_load_a_person_decided_was_not_contaminated_stays_in_the_manifest_log_with_the_decision(tmp_path):
    decided = {**day_tickets()[0], "material": "ROCK",
               "decisions": {"MATERIAL_CONFLICT": "lab test: clean rock (Maria, 2024-10-18)"}}
    write_manifest_log(tmp_path / "manifest_log.csv", [decided])
    [row] = read_csv(tmp_path / "manifest_log.csv")
    assert row["material"] == "ROCK" and "MATERIAL_CONFLICT: lab test: clean rock (Maria" in row["status"]


def test_regression_file_refs_name_the_sub_folder_and_a_copy_of_another_day_names_its_day(tmp_path):
    class_2 = {"material": "CLASS_2_CONTAMINATED", "flow": "EXPORT", "source": "PIER_EX", "manifest_number": "M-1"}
    rows = [ticket(1, ticket_number="1", file_path=f"{DAY_ONE}/rob_0.pdf", page_id=f"{DAY_ONE}/rob_0.pdf-p1", **class_2),
            ticket(1, ticket_number="2", file_path=f"{DAY_ONE}/import/rob_0.pdf",
                   page_id=f"{DAY_ONE}/import/rob_0.pdf-p1", **class_2),
            ticket(2, ticket_number="1", file_path=f"{DAY_ONE}/export/copy.pdf", page_id=f"{DAY_ONE}/export/copy.pdf-p2",
                   copy_status="suspected", duplicate_of=f"{DAY_ONE}/rob_0.pdf-p1", review_required=True, **class_2),
            ticket(3, ticket_number="3", file_path=f"{DAY_ONE}/later.pdf", page_id=f"{DAY_ONE}/later.pdf-p3",
                   copy_status="copy", duplicate_of=f"{DAY_TWO}/import/Roberts1.png-p1", **class_2)]
    paths = write_reports(tmp_path, rows, [], JOB)
    assert {row["file_ref"] for row in read_csv(paths["invoice_match"], delimiter="|")} == \
        {"rob_0.pdf-p1", "import/rob_0.pdf-p1"}
    statuses = {row["file_ref"]: row["status"] for row in read_csv(paths["manifest_log"])}
    assert statuses["export/copy.pdf-p2"].startswith("possible copy of rob_0.pdf-p1;")
    assert statuses["later.pdf-p3"] == f"copy of {DAY_TWO}/import/Roberts1.png-p1, not counted"


@pytest.mark.parametrize("suspected, copies, notes", [
    (1, 1, "1 possible copy awaiting review, not counted; 1 copy, not counted"),
    (2, 2, "2 possible copies awaiting review, not counted; 2 copies, not counted"),
])
def test_regression_the_notes_count_one_copy_in_the_singular(suspected, copies, notes, tmp_path):
    class_2 = {"material": "CLASS_2_CONTAMINATED", "flow": "EXPORT", "source": "PIER_EX", "manifest_number": "M-1"}
    rows = [ticket(1, **class_2)]
    rows += [ticket(2 + n, copy_status="suspected", duplicate_of=rows[0]["page_id"], **class_2) for n in range(suspected)]
    rows += [ticket(9 + n, copy_status="copy", duplicate_of=rows[0]["page_id"], **class_2) for n in range(copies)]
    paths = write_reports(tmp_path, rows, [], JOB)
    (row,) = sheet_rows(openpyxl.load_workbook(paths["tracking_export"]), "Class2_Daily")
    assert row["Notes"] == notes
