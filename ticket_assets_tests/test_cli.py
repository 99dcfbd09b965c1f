"""End to end through the `tickets` command, on the real scans, as a user runs it."""

import csv
import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime

import pytest

from ticket_assets.cli import _day_line, _review_cells
from ticket_assets.config import load_settings
from ticket_assets.orchestrate.day_run import DayRun
from ticket_assets.store.warehouse import Warehouse

from . import commands
from .conftest import REALDATA_DAY, SAMPLE_DAYS, make_home
from .etickets import DIRT_LOAD, ROCK_LOAD, write_etickets
from .test_golden_real import PRINTED


def _tickets(*args, home, env_extra=None):
    return commands.tickets(home, *args, env_extra=env_extra)


@pytest.fixture(scope="module")
def processed(realdata_inbox, tmp_path_factory):
    home = make_home(tmp_path_factory.mktemp("cli_home"), dpi=200)
    result = _tickets("process", str(realdata_inbox), home=home)
    return result, home


def test_process_exits_cleanly_and_reports_the_day(processed):
    result, home = processed
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"{REALDATA_DAY}: 10 files, 9 pages, 9 tickets" in result.stdout
    assert "s/page" in result.stdout and str(home / "exports") in result.stdout
    assert " - DEBUG - " not in result.stdout + result.stderr, "Dagster's step events reached the terminal"
    assert "pages read 9/9" in result.stdout  # the progress, as plain lines: the output is not a terminal
    assert "\r" not in result.stdout + result.stderr and "\x1b" not in result.stdout + result.stderr
    assert "STEP_WORKER_STARTED" in (home / "logs" / "steps.log").read_text()


def test_every_page_has_a_record_and_the_empty_file_is_unreadable(processed):
    _, home = processed
    warehouse = Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}")
    tickets = {row["file_path"].split("/")[-1]: row for row in warehouse.day_tickets(REALDATA_DAY)}
    assert set(tickets) == set(PRINTED)
    unreadable = [r for r in warehouse.day_reviews(REALDATA_DAY) if r["reason"] == "UNREADABLE_FILE"]
    assert [r["file_path"] for r in unreadable] == [f"{REALDATA_DAY}/24-105_blank.pdf"]
    assert "0 bytes" in unreadable[0]["detected_fields"]["detail"]
    assert {name: tickets[name]["vendor"] for name in PRINTED} == {name: v for name, (v, _) in PRINTED.items()}
    assert {name: tickets[name]["ticket_number"] for name in PRINTED} == {name: n for name, (_, n) in PRINTED.items()}


def test_review_and_ledger_list_what_happened(processed):
    _, home = processed
    review = _tickets("review", home=home)
    assert review.returncode == 0 and "24-105_blank.pdf" in review.stdout and "UNREADABLE_FILE" in review.stdout
    ledger = _tickets("ledger", "--date", REALDATA_DAY, home=home)
    assert ledger.returncode == 0 and "EXPORTED" in ledger.stdout and REALDATA_DAY in ledger.stdout


def test_a_processed_day_whose_folder_was_renamed_is_named_by_process_and_review(realdata_inbox, tmp_path):
    inbox, home = tmp_path / "inbox", make_home(tmp_path / "home", dpi=150)
    (inbox / REALDATA_DAY).mkdir(parents=True)
    for name in (sorted(PRINTED)[0], "24-105_blank.pdf"):
        shutil.copyfile(realdata_inbox / REALDATA_DAY / name, inbox / REALDATA_DAY / name)
    assert _tickets("process", str(inbox), home=home).returncode == 0
    open_items = len(Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}").open_reviews(REALDATA_DAY))
    (inbox / REALDATA_DAY).rename(inbox / "2024-11-27")
    result = _tickets("process", str(inbox), home=home)
    assert result.returncode == 0, result.stderr[-3000:]
    gone = f"{REALDATA_DAY} was processed, but its folder {inbox / REALDATA_DAY} is no longer in the inbox"
    assert gone in result.stderr and f"1 record(s) and {open_items} open review item(s)" in result.stderr
    assert f"put the folder back under its name {REALDATA_DAY}" in result.stderr
    review = _tickets("review", home=home)
    assert gone in review.stdout
    assert gone not in _tickets("review", "--date", "2024-11-27", home=home).stdout


def test_regression_a_file_name_with_an_at_sign_keeps_its_name_in_file_refs_and_page_ids(tmp_path):
    inbox, home, day = tmp_path / "inbox", make_home(tmp_path / "home"), date(2024, 10, 22)
    scan = inbox / day.isoformat() / "scan@office.pdf"
    scan.parent.mkdir(parents=True)
    write_etickets(scan, [ROCK_LOAD], day, seed=1)
    assert _tickets("process", str(inbox), home=home).returncode == 0
    write_etickets(scan, [DIRT_LOAD], day, seed=2)  # other content under the same name: the old record is kept
    assert _tickets("process", str(inbox), home=home).returncode == 0
    warehouse = Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}")
    [kept] = [row for row in warehouse.day_tickets(day.isoformat()) if row["page_id"] != f"{day}/scan@office.pdf-p1"]
    assert re.fullmatch(rf"{day}/scan@office\.pdf-p1@{kept['file_hash'][:12]}", kept["page_id"])
    [replaced] = [row for row in warehouse.day_reviews(day.isoformat()) if row["reason"] == "FILE_REPLACED"]
    assert replaced["page_id"] == kept["page_id"]
    with (home / "exports" / day.isoformat() / "invoice_match.csv").open(newline="") as handle:
        refs = {row["file_ref"] for row in csv.DictReader(handle, delimiter="|")}
    assert refs == {"scan@office.pdf-p1"}


def test_regression_audit_says_who_answered_a_review_item_once(tmp_path):
    home, page_id = make_home(tmp_path / "home"), "2024-10-17/scan.pdf-p1"
    (home / "dagster" / "dagster.yaml").write_text("")
    record = {"page_id": page_id, "partition_key": "2024-10-17", "file_path": "2024-10-17/scan.pdf", "page_number": 1,
              "ticket_number": "1178561", "vendor": "ROBERTS", "review_required": False, "file_hash": "f" * 64,
              "run_id": "run-1"}
    answered = {"page_id": page_id, "partition_key": "2024-10-17", "file_path": "2024-10-17/scan.pdf",
                "page_number": 1, "reason": "LOW_CONFIDENCE_OCR", "severity": "WARNING", "suggested_fixes": {},
                "detected_fields": {"detail": "answered by Maria"}, "created_at": datetime(2024, 10, 17, 8),
                "resolved": True, "resolved_by": "Maria"}
    run = {"run_id": "run-1", "partition_key": "2024-10-17", "status": "EXPORTED", "started_at": datetime(2024, 10, 17),
           "config_snapshot": {}, "processed_by": "test"}
    Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}").replace_partition("2024-10-17", [record], [answered], [], run)
    result = _tickets("audit", "1178561", home=home)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "LOW_CONFIDENCE_OCR: answered by Maria\n" in result.stdout and result.stdout.count("answered by Maria") == 1


def test_a_day_of_another_inbox_to_process_again_is_named_with_its_inbox_not_as_gone(tmp_path):
    """Trial: a day read from another inbox of the same home, marked pending by a copy found in this inbox's day,
    was said to have lost its folder."""
    from ticket_assets import api
    from ticket_assets.config import load_settings

    home, this, other = make_home(tmp_path / "home"), tmp_path / "this", tmp_path / "other"
    (this / "2024-10-18").mkdir(parents=True)
    (other / "2024-10-17").mkdir(parents=True)
    warehouse = Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}")
    run = {"run_id": "run-1", "partition_key": "2024-10-17", "status": "EXPORTED", "started_at": datetime(2024, 10, 17),
           "config_snapshot": {"inbox_folder": str(other)}, "processed_by": "test"}
    warehouse.replace_partition("2024-10-17", [], [], [], run)
    warehouse.request_rerun("2024-10-17", "a copy of its ticket found in 2024-10-18")
    notes = []
    assert api._pending_days(load_settings(this, home), set(), notes.append) == []
    assert notes == [f"2024-10-17: should be processed again (a copy of its ticket found in 2024-10-18); it was read "
                     f"from the inbox {other}: `tickets process {other} --date 2024-10-17` runs it"]


def test_a_failing_day_exits_non_zero_and_says_why(realdata_inbox, tmp_path):
    home = make_home(tmp_path / "home", engine="doctr", doctr_weights_dir=str(tmp_path / "no_weights"))
    result = _tickets("process", str(realdata_inbox), "--date", REALDATA_DAY, home=home)
    assert result.returncode == 1
    assert "FAILED" in result.stderr and "no_weights" in result.stderr


def test_unknown_day_is_refused_before_anything_runs(realdata_inbox, tmp_path):
    result = _tickets("process", str(realdata_inbox), "--date", "2030-01-01", home=make_home(tmp_path / "home"))
    assert result.returncode == 2 and "no folder" in result.stderr


def test_export_writes_the_reports_for_a_date_range(processed, tmp_path):
    _, home = processed
    result = _tickets("export", "--job", "24-105", "--from", REALDATA_DAY, "--to", REALDATA_DAY,
                      "--out", str(tmp_path / "out"), home=home)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["answered_reviews.csv", "invoice_match.csv", "manifest_log.csv", "review_queue.csv",
                     "tracking_export.xlsx"]
    with (tmp_path / "out" / "review_queue.csv").open() as handle:
        assert "24-105_blank.pdf" in handle.read()


def test_explain_shows_text_templates_fields_and_review(realdata_inbox, tmp_path):
    result = _tickets("explain", str(realdata_inbox / REALDATA_DAY / "Portillo.png"), home=make_home(tmp_path / "home"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "PORTILLO & SONS" in out  # the OCR text
    assert "matched PORTILLO" in out and "not ROBERTS: none of" in out
    assert "ticket_number    285367" in out and "from page" in out
    assert "ticket_date      2024-11-26" in out and "from folder" in out
    assert "material         CLASS_2_CONTAMINATED" in out  # handwritten 'Dirt Contaminated', read 'Cantaminaded'
    assert "CRITICAL MISSING_MANIFEST" in out


def test_a_person_s_answer_overrides_and_survives_reprocessing(processed, realdata_inbox):
    _, home = processed
    warehouse = Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}")
    item = next(r for r in warehouse.day_reviews(REALDATA_DAY)
                if r["file_path"].endswith("24-105_batch_002.pdf") and r["reason"] == "MISSING_MATERIAL")
    refused = _tickets("review", "resolve", str(item["id"]), "--set", "material=GRAVEL", "--by", "Maria", home=home)
    assert refused.returncode == 2 and "material must be one of" in refused.stderr

    answered = _tickets("review", "resolve", str(item["id"]), "--set", "material=dirt", "--set", "truck_number=8699",
                        "--by", "Maria", "--inbox", str(realdata_inbox), home=home)
    assert answered.returncode == 0, answered.stderr[-2000:]
    assert "processing 2024-11-26 again" in answered.stdout
    for _ in range(2):  # the answer holds for the rerun it triggered, and for any later one
        ticket = next(t for t in warehouse.day_tickets(REALDATA_DAY) if t["file_path"].endswith("batch_002.pdf"))
        assert (ticket["material"], ticket["flow"], ticket["truck_number"]) == ("DIRT", "IMPORT", "8699")
        assert ticket["provenance"]["material"]["source"] == "review" and not ticket["review_required"]
        again = warehouse.review_item(item["id"])
        assert again["resolved"] and again["resolved_by"] == "Maria"
        invoice = (home / "exports" / REALDATA_DAY / "invoice_match.csv").read_text()
        assert "285366|PORTILLO" in invoice
        assert _tickets("process", str(realdata_inbox), home=home).returncode == 0

    show = _tickets("review", "show", str(item["id"]), home=home)
    assert "Maria" in show.stdout and '"material": "DIRT"' in show.stdout


SIDE_BY_SIDE = """
import sys
from ticket_assets.cli import main
inbox, first_home, second_home, first_day = sys.argv[1:]
assert main(["--home", first_home, "process", inbox, "--date", first_day]) == 0
assert main(["--home", second_home, "process", inbox]) == 0
"""


def test_days_run_side_by_side_and_a_second_home_in_one_process_gets_its_own_days(tmp_path):
    """Regression: a second `tickets process` in the same Python process wrote into the first one's home,
    because the step processes kept the environment of the first run."""
    from dagster import DagsterInstance

    inbox = tmp_path / "inbox"  # e-tickets, read without OCR: what is checked is where each day's results go
    for seed, day in enumerate(SAMPLE_DAYS):
        write_etickets(inbox / day.isoformat() / "etickets.pdf", [ROCK_LOAD, DIRT_LOAD], day, seed)
    first, second = make_home(tmp_path / "first", days_at_once=2), make_home(tmp_path / "second", days_at_once=2)
    days = [day.isoformat() for day in SAMPLE_DAYS]
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "TICKETS_HOME", "TICKETS_INBOX")}
    result = subprocess.run([sys.executable, "-c", SIDE_BY_SIDE, str(inbox), str(first), str(second), days[0]],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]

    assert _days_in_warehouse(first) == days[:1] and _days_in_warehouse(second) == days
    assert sorted(p.name for p in (first / "exports").iterdir() if p.name[0].isdigit()) == days[:1]
    with DagsterInstance.from_config(str(second / "dagster")) as instance:
        runs = [instance.get_run_record_by_id(run.run_id) for run in instance.get_runs()]
    assert len(runs) == 2
    later, earlier = sorted(runs, key=lambda record: record.start_time, reverse=True)
    assert later.start_time < earlier.end_time, "the two days ran one after the other"


def _days_in_warehouse(home) -> list[str]:
    warehouse = Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}")
    return sorted({run["partition_key"] for run in warehouse.runs()})


def test_regression_a_day_without_pages_is_said_to_have_none_not_timed_per_page(tmp_path):
    """Second trial (D9b): an empty date folder's line said '11.80 s/page', the day's time as if it had a page."""
    (tmp_path / "inbox" / "2024-10-18").mkdir(parents=True)
    settings = load_settings(tmp_path / "inbox", make_home(tmp_path / "home"), environ={})
    warehouse = Warehouse.at(settings.warehouse_url)
    for day, pages in (("2024-10-17", 4), ("2024-10-18", 0)):
        warehouse.replace_partition(day, [], [], [], {"run_id": f"run-{day}", "partition_key": day,
                                                      "status": "EXPORTED", "started_at": datetime(2024, 10, 18),
                                                      "files": min(pages, 1), "pages": pages, "tickets": pages,
                                                      "review_count": 0})
    lines = {day: _day_line(settings, DayRun(day, f"run-{day}", True, None, seconds=11.8))
             for day in ("2024-10-17", "2024-10-18")}
    assert "2.95 s/page" in lines["2024-10-17"]
    assert "0 pages" in lines["2024-10-18"] and "no pages to read" in lines["2024-10-18"]
    assert "s/page" not in lines["2024-10-18"]


def test_regression_the_review_list_tells_a_kept_record_s_item_from_the_new_content_s():
    """Fourth trial (D8): a kept record's item and the new content's item were listed on identical rows."""
    row = {"id": 7, "partition_key": "2024-10-17", "severity": "WARNING", "reason": "FILE_REPLACED",
           "file_path": "2024-10-17/scan.pdf", "page_number": 1, "page_id": "2024-10-17/scan.pdf-p1"}
    kept = {**row, "id": 8, "page_id": "2024-10-17/scan.pdf-p1@0123456789ab"}
    assert _review_cells(row)[-1] == ""
    assert _review_cells(kept)[-1] == "earlier, kept (0123456789ab)"
    assert _review_cells(kept)[1:-1] == _review_cells(row)[1:-1]


def test_output_piped_into_head_still_processes_every_day(tmp_path):
    """Seventh trial: `tickets process | head -1` ran the days it had started, left the rest unstarted and
    exited 0; a script or cron job would think every day was done."""
    inbox, days = tmp_path / "inbox", ["2024-10-21", "2024-10-22"]
    for seed, day in enumerate(days):
        write_etickets(inbox / day / "etickets.pdf", [ROCK_LOAD], date.fromisoformat(day), seed)
    home = make_home(tmp_path / "home")
    env = {**os.environ, "DAGSTER_HOME": str(home / "dagster")}
    command = subprocess.Popen([sys.executable, "-m", "ticket_assets.cli", "--home", str(home), "process", str(inbox)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    command.stdout.readline()  # as `head -1` does, then it goes
    command.stdout.close()
    err = command.stderr.read()
    assert command.wait(timeout=300) == 0 and "Traceback" not in err, err[-3000:]
    assert _days_in_warehouse(home) == days
