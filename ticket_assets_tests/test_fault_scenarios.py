"""A month of office work, replayed through the `tickets` command on e-tickets whose every value is known:
files renamed, replaced and scanned twice, items answered one by one, reports exported. Each scenario
once lost, doubled or wrongly cleared a load; each is checked in the warehouse, the CSVs and the workbook.

Marked `faults`; the fault suite's summary line counts the scenarios replayed. The scenarios run in order
on one home, as an office's month does.
"""

from __future__ import annotations

import csv
import dataclasses
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ticket_assets.store.warehouse import Warehouse

from .commands import tickets as _tickets
from .conftest import make_home
from .etickets import CLASS_2_LOAD, DIRT_LOAD, ROCK_LOAD, write_etickets
from .test_faults import SUMMARY

pytestmark = pytest.mark.faults

FIRST, SECOND = "2024-10-17", "2024-10-18"
UNKNOWN_JOB_FILE = f"99-999__{FIRST}__IMPORT__C2__CORPOTECH.pdf"


def _tickets_telling_imports(home: Path, *args: str) -> subprocess.CompletedProcess:
    """The command run in a Python that says at exit whether it imported Dagster."""
    code = ("import atexit, sys; from ticket_assets.cli import main; "
            "atexit.register(lambda: print('imported:', 'dagster' if 'dagster' in sys.modules else 'none of dagster')); "
            "sys.exit(main(sys.argv[1:]))")
    env = {**os.environ, "DAGSTER_HOME": str(home / "dagster")}
    return subprocess.run([sys.executable, "-c", code, "--home", str(home), *args],
                          capture_output=True, text=True, env=env, timeout=600)


def _ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def _refused(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 2 and words in result.stderr, (result.returncode, result.stdout[-2000:],
                                                                result.stderr[-2000:])


@dataclasses.dataclass
class Office:
    inbox: Path
    home: Path
    numbers: dict[str, str]  # file name -> the ticket number on its first page

    @property
    def warehouse(self) -> Warehouse:
        return Warehouse.at(f"duckdb:///{self.home / 'warehouse.duckdb'}")

    def record(self, name: str, day: str = FIRST) -> dict:
        [record] = [t for t in self.warehouse.day_tickets(day) if t["file_path"] == f"{day}/{name}"]
        return record

    def item(self, name: str, reason: str, day: str = FIRST) -> dict:
        [item] = [r for r in self.warehouse.day_reviews(day) if r["file_path"] == f"{day}/{name}"
                  and r["reason"] == reason]
        return item

    def report(self, name: str, folder: str = FIRST) -> list[dict]:
        delimiter = "|" if name == "invoice_match.csv" else ","
        with (self.home / "exports" / folder / name).open(newline="") as handle:
            return list(csv.DictReader(handle, delimiter=delimiter))

    def resolve(self, item: dict, *args: str) -> subprocess.CompletedProcess:
        return _tickets(self.home, "review", "resolve", str(item["id"]), *args, "--inbox", str(self.inbox))


def _write_inbox(root: Path) -> dict[str, str]:
    """Day one: a load to rename, a Class 2 load to overwrite, a Class 2 load without manifest scanned twice,
    a load of a job the configuration lacks, and a load whose copy is in day two."""
    first, second = root / FIRST, root / SECOND
    day = date.fromisoformat(FIRST)
    numbers = {}
    for seed, (name, load) in enumerate([("eticket_0300.pdf", ROCK_LOAD), ("eticket_0301.pdf", CLASS_2_LOAD),
                                         (UNKNOWN_JOB_FILE, DIRT_LOAD), ("eticket_0304.pdf", DIRT_LOAD)]):
        numbers[name] = write_etickets(first / name, [load], day, seed=100 + seed)[0].number
    no_manifest = dataclasses.replace(CLASS_2_LOAD, vendor="TARANGO")
    numbers["eticket_0302.pdf"] = _write_without_manifest(first / "eticket_0302.pdf", no_manifest, day)
    shutil.copyfile(first / "eticket_0302.pdf", first / "eticket_0303.pdf")  # the same paper scanned twice
    second.mkdir(parents=True)
    shutil.copyfile(first / "eticket_0304.pdf", second / "eticket_0400.pdf")  # and a copy a day later
    return numbers


def _write_without_manifest(path: Path, load, day: date) -> str:
    import random

    from ticket_assets.synth.files import write_digital_pdf
    from ticket_assets.synth.scenario import Catalog
    from ticket_assets.synth.ticket import TicketMaker

    ticket = TicketMaker(Catalog()).make(load, day, random.Random(7), by_hand=False)
    write_digital_pdf(path, [dataclasses.replace(ticket, manifest=None)])
    return ticket.number


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Office:
    """The later day first, then the earlier one: the copy must be found whichever order days run in."""
    root = tmp_path_factory.mktemp("office_inbox")
    numbers = _write_inbox(root)
    home = make_home(tmp_path_factory.mktemp("office_home"))
    _ok(_tickets(home, "process", str(root), "--date", SECOND))
    out = _ok(_tickets(home, "process", str(root), "--date", FIRST))
    assert f"{SECOND}: processing again" in out, out
    return Office(root, home, numbers)


def _scenario() -> None:
    SUMMARY["office scenarios replayed"] += 1


def test_a_copy_in_a_day_processed_earlier_is_flagged_whatever_the_order(office):
    copy, original = office.record("eticket_0400.pdf", SECOND), office.record("eticket_0304.pdf")
    assert copy["duplicate_of"] == original["page_id"] and copy["copy_status"] == "suspected"
    assert copy["review_required"] and "DUPLICATE_TICKET" in copy["review_reason"]
    assert original["duplicate_of"] is None and not original["review_required"]
    assert office.warehouse.pending() == {}
    assert [r["file_ref"] for r in office.report("invoice_match.csv", SECOND)] == []
    _scenario()


def test_a_job_code_the_configuration_lacks_is_in_review_and_in_the_unknown_jobs_report(office):
    record = office.record(UNKNOWN_JOB_FILE)
    assert record["job_code"] == "99-999" and record["review_required"] and "UNKNOWN_JOB" in record["review_reason"]
    unknown = office.report("review_queue.csv", "job_unknown")
    assert any(UNKNOWN_JOB_FILE in row["page_id"] and row["reason"] == "UNKNOWN_JOB" for row in unknown)
    assert not any(UNKNOWN_JOB_FILE in row["page_id"] for row in office.report("review_queue.csv", "job_24-105"))
    _scenario()


def test_the_loads_of_an_unknown_job_code_are_exported_on_demand_as_job_unknown_holds_them(office, tmp_path):
    """Regression (user trials): `tickets export --job 99-999` was refused, though job_unknown holds its loads."""
    for job in ("99-999", "unknown"):
        _ok(_tickets(office.home, "export", "--job", job, "--out", str(tmp_path / job)))
        with (tmp_path / job / "review_queue.csv").open(newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert any(UNKNOWN_JOB_FILE in row["page_id"] and row["reason"] == "UNKNOWN_JOB" for row in rows), rows
    _refused(_tickets(office.home, "export", "--job", "77-777", "--out", str(tmp_path / "x")),
             "has 24-105")
    assert not (tmp_path / "x").exists()
    _scenario()


def test_a_copy_is_not_counted_and_the_manifest_log_says_what_each_line_is(office):
    sheet = load_workbook(office.home / "exports" / "job_24-105" / "tracking_export.xlsx")["All Daily"]
    headings = [cell.value for cell in sheet[1]]
    day_row = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if str(row[0]).startswith(FIRST))
    counts = dict(zip(headings, day_row))
    assert counts["Class 2"] == 2, counts  # 0301 and 0302; 0303 is the same paper again
    assert "1 possible copy awaiting review" in counts["Notes"]
    statuses = {row["file_ref"]: row["status"] for row in office.report("manifest_log.csv")}
    assert statuses["eticket_0303.pdf-p1"].startswith("possible copy of eticket_0302.pdf-p1")
    assert "MISSING_MANIFEST" in statuses["eticket_0302.pdf-p1"] and statuses["eticket_0301.pdf-p1"] == ""
    _scenario()


def test_answering_one_item_closes_that_item_only_and_a_copy_needs_a_decision(office):
    duplicate = office.item("eticket_0303.pdf", "DUPLICATE_TICKET")
    _refused(office.resolve(duplicate, "--set", "truck_number=299", "--by", "Maria"), "--decision copy")
    _refused(office.resolve(duplicate, "--decision", "copy", "--set", "material=DIRT", "--by", "Maria"),
             "say in words why it is not")  # a contaminated load is made clean only with a reason
    # From an office clerk's shell, no inbox given: the day is processed again from the inbox it was read from
    _ok(_tickets(office.home, "review", "resolve", str(duplicate["id"]), "--decision", "copy", "--set",
                 "truck_number=299", "--by", "Maria"))
    copy = office.record("eticket_0303.pdf")
    assert copy["copy_status"] == "copy" and copy["truck_number"] == "299"
    assert copy["review_required"], "the copy's MISSING_MANIFEST item was closed by the answer to another item"
    assert not office.item("eticket_0303.pdf", "MISSING_MANIFEST")["resolved"]
    assert office.item("eticket_0303.pdf", "DUPLICATE_TICKET")["resolved"]
    assert office.record("eticket_0302.pdf")["truck_number"] != "299", "an answer reached the other scan"
    invoice = [row["file_ref"] for row in office.report("invoice_match.csv")]
    assert "eticket_0303.pdf-p1" not in invoice and "eticket_0302.pdf-p1" not in invoice
    statuses = {row["file_ref"]: row["status"] for row in office.report("manifest_log.csv")}
    assert statuses["eticket_0303.pdf-p1"].startswith("copy of eticket_0302.pdf-p1, not counted")
    answered = office.report("answered_reviews.csv")
    assert [(row["reason"], row["answered_by"]) for row in answered if "0303" in row["page_id"]] == \
        [("DUPLICATE_TICKET", "Maria")]
    assert not any(row["reason"] == "DUPLICATE_TICKET" and "0303" in row["page_id"]
                   for row in office.report("review_queue.csv"))
    _scenario()


def test_a_critical_item_closes_only_with_its_value_or_a_decision_in_words(office):
    missing = office.item("eticket_0302.pdf", "MISSING_MANIFEST")
    _refused(office.resolve(missing, "--by", "Maria"), "CRITICAL")
    _refused(office.resolve(missing, "--set", "truck_number=12", "--by", "Maria"), "give its manifest_number")
    assert not office.item("eticket_0302.pdf", "MISSING_MANIFEST")["resolved"]
    _ok(office.resolve(missing, "--because", "no manifest: load returned to site", "--by", "Maria"))
    record = office.record("eticket_0302.pdf")
    assert not record["review_required"] and "returned to site" in record["decisions"]["MISSING_MANIFEST"]
    statuses = {row["file_ref"]: row["status"] for row in office.report("manifest_log.csv")}
    assert "MISSING_MANIFEST: no manifest: load returned to site (Maria" in statuses["eticket_0302.pdf-p1"]
    _scenario()


def test_resolve_checks_before_it_saves(office, tmp_path):
    item = office.item(UNKNOWN_JOB_FILE, "UNKNOWN_JOB")
    answers_before = len(office.warehouse.day_answers(FIRST))
    for value in ("inf", "nan", "-5"):
        _refused(office.resolve(item, "--set", f"quantity={value}", "--by", "Maria"), "positive number")
    _refused(office.resolve(item, "--set", "quantity=1e9", "--by", "Maria"), "at most 100")
    _refused(office.resolve(item, "--by", "Maria"), "does not close with a bare confirm")
    _refused(office.resolve(item, "--set", "ticket_date=2031-01-01", "--by", "Maria"), "outside job")
    _refused(office.resolve(item, "--set", "job_code=24-999", "--by", "Maria"), "job_code must be one of")
    _refused(office.resolve(item, "--set", "vendor=", "--by", "Maria"), "cannot be cleared")
    wrong_inbox = _tickets(office.home, "review", "resolve", str(item["id"]), "--set", "job_code=24-105",
                           "--by", "Maria", "--inbox", str(tmp_path / "nowhere"))
    _refused(wrong_inbox, "nothing saved")
    (tmp_path / "other" / FIRST).mkdir(parents=True)  # a mistyped inbox that happens to hold the day's folder
    other_inbox = _tickets(office.home, "review", "resolve", str(item["id"]), "--set", "job_code=24-105",
                           "--by", "Maria", "--inbox", str(tmp_path / "other"))
    _refused(other_inbox, "was processed from the inbox")
    _refused(_tickets(office.home, "process", str(tmp_path / "other")), "--inbox-moved")
    assert len(office.warehouse.day_answers(FIRST)) == answers_before
    assert not office.item(UNKNOWN_JOB_FILE, "UNKNOWN_JOB")["resolved"]
    _scenario()


def test_renamed_replaced_and_rescanned_files(office):
    """0300 renamed: its record moves. 0301 (Class 2 with a manifest) overwritten by another ticket: the old
    record stays, flagged, its manifest still logged. 0303 overwritten: the old answer is not applied."""
    folder = office.inbox / FIRST
    manifest_before = office.record("eticket_0301.pdf")["manifest_number"]
    answered_before = office.item("eticket_0303.pdf", "DUPLICATE_TICKET")
    (folder / "eticket_0300.pdf").rename(folder / "eticket_0310.pdf")
    write_etickets(folder / "eticket_0301.pdf", [ROCK_LOAD], date.fromisoformat(FIRST), seed=300)
    write_etickets(folder / "eticket_0303.pdf", [DIRT_LOAD], date.fromisoformat(FIRST), seed=301)
    _ok(_tickets(office.home, "process", str(office.inbox), "--date", FIRST))

    records = office.warehouse.day_tickets(FIRST)
    moved = office.record("eticket_0310.pdf")
    assert moved["ticket_number"] == office.numbers["eticket_0300.pdf"] and not moved["review_required"]
    assert not [r for r in records if "eticket_0300.pdf" in r["file_path"]], "the renamed file left a ghost"

    old = [r for r in records if r["file_path"] == f"{FIRST}/eticket_0301.pdf" and "@" in r["page_id"]]
    assert len(old) == 1 and old[0]["manifest_number"] == manifest_before and old[0]["review_required"]
    assert "FILE_REPLACED" in old[0]["review_reason"]
    assert manifest_before in {row["manifest_number"] for row in office.report("manifest_log.csv")}

    new = next(r for r in records if r["page_id"] == f"{FIRST}/eticket_0303.pdf-p1")
    assert new["truck_number"] != "299" and new["copy_status"] is None
    assert (new["provenance"].get("truck_number") or {}).get("source") != "review"
    # 0303 held the same bytes as 0302: its old record is kept, and its answers stay with it, not with 0302
    copy = [r for r in records if r["file_path"] == f"{FIRST}/eticket_0303.pdf" and "@" in r["page_id"]]
    assert len(copy) == 1 and "FILE_REPLACED" in copy[0]["review_reason"] and copy[0]["truck_number"] == "299"
    assert office.record("eticket_0302.pdf")["truck_number"] != "299"
    _the_answer_to_replaced_content_stays_in_the_audit_trail(office, answered_before, copy[0])
    _scenario()

    replaced = next(r for r in office.warehouse.day_reviews(FIRST)
                    if r["reason"] == "FILE_REPLACED" and "eticket_0301.pdf" in r["page_id"])
    _ok(office.resolve(replaced, "--by", "Maria"))  # confirmed: the old ticket was a load of its own
    kept = next(r for r in office.warehouse.day_tickets(FIRST) if r["page_id"] == old[0]["page_id"])
    assert not kept["review_required"] and "FILE_REPLACED" in kept["review_reason"]
    assert "keep" in kept["decisions"]["FILE_REPLACED"]
    assert any(row["manifest_number"] == manifest_before and "in review" not in row["status"]
               for row in office.report("manifest_log.csv"))
    _scenario()


def _the_answer_to_replaced_content_stays_in_the_audit_trail(office, answered: dict, kept: dict) -> None:
    """Maria's answer for 0303's earlier content: still listed, under its item's id, marked as that content's."""
    [row] = [r for r in office.report("answered_reviews.csv") if r["review_id"] == str(answered["id"])]
    assert row["page_id"] == kept["page_id"] and (row["reason"], row["answered_by"]) == ("DUPLICATE_TICKET", "Maria")
    assert "since replaced" in row["detected_fields"] and '"truck_number": "299"' in row["answer"]
    shown = _ok(_tickets(office.home, "review", "show", str(answered["id"])))
    assert kept["page_id"] in shown and "answer" in shown and "Maria" in shown, shown
    audited = _ok(_tickets(office.home, "audit", kept["ticket_number"]))
    assert f"review #{answered['id']} WARNING DUPLICATE_TICKET" in audited and "answered by Maria" in audited, audited


def test_exports_never_touch_what_they_did_not_write(office, tmp_path):
    out = tmp_path / "R"
    (out / "2024").mkdir(parents=True)
    (out / "budget.xlsx").write_text("x")
    (out / "2024" / "notes.txt").write_text("y")
    _ok(_tickets(office.home, "export", "--out", str(out)))
    _ok(_tickets(office.home, "export", "--out", ".", cwd=out))
    assert not out.is_symlink() and (out / "budget.xlsx").read_text() == "x"
    assert (out / "2024" / "notes.txt").read_text() == "y" and (out / "manifest_log.csv").is_file()
    assert not (tmp_path / ".versions").exists() and not (out / ".versions").exists()
    _refused(_tickets(office.home, "export", "--out", str(out / "budget.xlsx")), "is a file")
    _refused(_tickets(office.home, "export", "--from", SECOND, "--to", FIRST, "--out", str(out)), "is after")
    assert _tickets(office.home, "review", "--date", "2024-13-45").returncode == 2
    _scenario()


def test_the_month_processed_again_changes_nothing(office):
    def state():
        return [(t["page_id"], t["ticket_number"], t["truck_number"], t["review_required"], t["copy_status"],
                 t["duplicate_of"]) for day in (FIRST, SECOND) for t in office.warehouse.day_tickets(day)]

    answered = office.home / "exports" / FIRST / "answered_reviews.csv"
    before = (state(), office.report("manifest_log.csv"), office.report("invoice_match.csv"), answered.read_bytes())
    unchanged = _ok(_tickets_telling_imports(office.home, "process", str(office.inbox)))
    assert f"{FIRST}: unchanged since run" in unchanged and f"{SECOND}: unchanged since run" in unchanged, unchanged
    assert "imported: none of dagster" in unchanged  # unchanged days are found from the ledger: a second, not five
    _ok(_tickets(office.home, "process", str(office.inbox), "--again"))
    after = (state(), office.report("manifest_log.csv"), office.report("invoice_match.csv"), answered.read_bytes())
    assert after == before
    assert office.warehouse.pending() == {}
