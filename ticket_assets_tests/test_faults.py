"""Fault injection: bad input, killed processes and races, each checked against a clean run of the same inbox.

Marked `faults` (part of the normal test command). For every case: the day
completes or fails with the stated reason, the expected review rows exist, the
warehouse holds no doubled and no lost record, and every original is unchanged.
A summary line at the end says how many inputs and faults were tried and how
many records were lost or doubled.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import numpy as np
import pymupdf
import pytest
from dagster import DagsterInstance, DagsterRunStatus, RunsFilter
from PIL import Image

from ticket_assets.store.warehouse import Warehouse
from ticket_assets.synth import generate_inbox

from .commands import tickets as _tickets, tickets_in_own_process
from .conftest import make_home
from .etickets import DIRT_LOAD, write_etickets

pytestmark = pytest.mark.faults

DAY = "2024-11-20"
# A structured name whose vendor and material the page contradicts: two FILENAME_OVERRIDE items on one page.
OVERRIDDEN = f"24-105__{DAY}__IMPORT__ROCK__HEIDELBERG.pdf"
SUMMARY = Counter()
# Each bad input, and the words its review row must carry.
BAD_INPUTS = {
    "empty.pdf": "empty file",
    "truncated.pdf": "damaged PDF",
    "locked.pdf": "encrypted PDF",
    "no pages.pdf": "PDF has no pages",
    "notes.pdf": "not a PDF or image",
    "photo.jpg": "not a PDF or image",
    "bomb.png": "over the budget",
    "billboard.pdf": "over the budget",
    "outside link.pdf": "outside the inbox: refused",
    "broken link.pdf": "the file is gone",
}


def _write_bad_inputs(folder: Path, outside: Path) -> None:
    (folder / "empty.pdf").write_bytes(b"")
    good = pymupdf.open()
    good.new_page().insert_text((72, 72), "TICKET NO. 123456")
    whole = good.tobytes()
    (folder / "truncated.pdf").write_bytes(whole[: len(whole) // 2])
    good.save(folder / "locked.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="secret")
    (folder / "no pages.pdf").write_bytes(b"%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                                          b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    (folder / "notes.pdf").write_text("not a ticket, whatever the name says")
    (folder / "photo.jpg").write_bytes(b"<html>a web page saved as .jpg</html>")
    Image.fromarray(np.zeros((8000, 8000), np.uint8)).save(folder / "bomb.png")  # 64 M pixels in a small file
    billboard = pymupdf.open()
    billboard.new_page(width=72 * 200, height=72 * 200)  # 200 x 200 inches
    billboard.save(folder / "billboard.pdf")
    (outside / "secret.pdf").write_bytes(whole)
    (folder / "outside link.pdf").symlink_to(outside / "secret.pdf")
    (folder / "broken link.pdf").symlink_to(folder / "deleted.pdf")


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    """Five generated tickets (one in a file with spaces and non-ASCII letters), an e-ticket whose structured
    name overrides two of its fields, and every bad input."""
    root = tmp_path_factory.mktemp("fault_inbox")
    generate_inbox(root, [date.fromisoformat(DAY)], pages_per_day=5, seed=3, bad_files=False, dpi=100)
    (root / "truth.json").unlink()
    folder = root / DAY
    (folder / "Thumbs.db").write_bytes(b"\x00 left by Windows")  # noted and ignored, never an error
    (folder / "~$tracking_export.xlsx").write_bytes(b"\x00 an open Office file's lock")
    first = sorted(p for p in folder.rglob("*") if p.is_file())[0]
    first.rename(first.with_name(f"Bön Löwe ticket {first.name}"))
    write_etickets(folder / OVERRIDDEN, [DIRT_LOAD], date.fromisoformat(DAY), seed=11)
    _write_bad_inputs(folder, tmp_path_factory.mktemp("outside_the_inbox"))
    return root


def _hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


def _records(home: Path) -> list[tuple]:
    """The day's records as comparable tuples: everything but the run that wrote them and when."""
    warehouse = Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}")
    return sorted((row["page_id"], row["ticket_number"], row["vendor"], row["material"], row["review_required"])
                  for row in warehouse.day_tickets(DAY))


def _reviews(home: Path) -> list[tuple]:
    warehouse = Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}")
    return sorted((row["page_id"], row["reason"], row["field_name"] or "") for row in warehouse.day_reviews(DAY))


def _tally(records: list[tuple], clean: list[tuple]) -> None:
    have, want = Counter(records), Counter(clean)
    SUMMARY["records lost"] += sum((want - have).values())
    SUMMARY["records doubled"] += sum((have - want).values())
    if have != want:
        print("records differ:", dict(want - have), dict(have - want))


@pytest.fixture(scope="module")
def clean_run(inbox, tmp_path_factory):
    home = make_home(tmp_path_factory.mktemp("clean_home"))
    before = _hashes(inbox)
    result = _tickets(home, "process", str(inbox))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert _hashes(inbox) == before, "an original file was changed"
    return home, _records(home), _reviews(home)


def test_bad_input_is_in_review_with_its_reason_and_the_day_goes_on(clean_run):
    SUMMARY["inputs tried"] += len(BAD_INPUTS) + 2  # and the Windows leftovers, counted where they are checked
    home, records, _ = clean_run
    warehouse = Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}")
    unreadable = defaultdict(list)  # a damaged file's item, or its recovered page's when nothing was read on it
    for row in warehouse.day_reviews(DAY):
        if row["reason"] == "UNREADABLE_FILE":
            unreadable[Path(row["file_path"]).name].append(row["detected_fields"]["detail"])
    for name, words in BAD_INPUTS.items():
        assert len(unreadable[name]) == 1 and words in unreadable[name][0], (name, unreadable.get(name))
    ignored = {Path(row["file_path"]).name for row in warehouse.day_reviews(DAY) if row["reason"] == "IGNORED_FILE"}
    assert ignored == {"Thumbs.db", "~$tracking_export.xlsx"} and not ignored & set(unreadable)
    readable_names = {Path(page_id).name.rsplit("-p", 1)[0] for page_id, *_ in records}
    assert any(name.startswith("Bön Löwe ticket") for name in readable_names)
    assert sum(1 for _, number, *_ in records if number) >= 4  # the good tickets were read


def test_regression_a_day_of_structured_names_is_processed_again_and_answered(clean_run, inbox, tmp_path):
    """The second run of a day whose page had two FILENAME_OVERRIDE items failed on a primary key clash, and so
    did the run every answer starts."""
    clean_home, records, reviews = clean_run
    home = tmp_path / "home"
    shutil.copytree(clean_home, home, symlinks=True)
    ids_before = _review_ids(home)
    overrides = {item: review_id for (page_id, item), review_id in ids_before.items()
                 if OVERRIDDEN in page_id and item.startswith("FILENAME_OVERRIDE")}
    assert sorted(overrides) == ["FILENAME_OVERRIDE:material", "FILENAME_OVERRIDE:vendor"]
    again = _tickets(home, "process", str(inbox))
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-3000:]
    assert (_records(home), _reviews(home), _review_ids(home)) == (records, reviews, ids_before)

    answered = _tickets(home, "review", "resolve", str(overrides["FILENAME_OVERRIDE:vendor"]), "--set", "truck_number=4321", "--by", "Maria",
                        "--inbox", str(inbox))
    assert answered.returncode == 0, answered.stdout[-2000:] + answered.stderr[-3000:]
    assert _review_ids(home) == ids_before
    invoice = (home / "exports" / DAY / "invoice_match.csv").read_text()
    assert any(OVERRIDDEN in line and "|4321|" in line for line in invoice.splitlines()), invoice


def _review_ids(home: Path) -> dict:
    """(page_id, "REASON:field") -> review id, for every review item of the day."""
    warehouse = Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}")
    return {(row["page_id"], f"{row['reason']}:{row['field_name'] or ''}".rstrip(":")): row["id"]
            for row in warehouse.day_reviews(DAY)}


KILL_POINTS = ("ocr_worker", "warehouse_write", "export_write")
# Steps killed on purpose are retried after 0.2, 0.4, 0.8 s instead of 2, 4, 8 s: the retries are what is tested.
QUICK_RETRIES = {"TICKETS_RETRY_DELAY_SECONDS": "0.2"}


def test_steps_killed_mid_work_are_retried_and_leave_the_clean_result(clean_run, inbox, tmp_path):
    """An OCR worker, the warehouse write and the export, each killed once in the same run."""
    _, records, reviews = clean_run
    home, killed = make_home(tmp_path / "home"), tmp_path / "killed"
    killed.mkdir()
    before = _hashes(inbox)
    result = tickets_in_own_process(home, "process", str(inbox),
                                    env_extra={"TICKETS_FAULT": ",".join(KILL_POINTS),
                                               "TICKETS_FAULT_ONCE": str(killed), **QUICK_RETRIES})
    SUMMARY["faults injected"] += len(list(killed.iterdir()))
    assert sorted(p.name for p in killed.iterdir()) == sorted(KILL_POINTS), "a fault point was never reached"
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    _tally(_records(home), records)
    assert (_records(home), _reviews(home)) == (records, reviews)
    assert _hashes(inbox) == before
    ledger = _tickets(home, "ledger", "--date", DAY).stdout
    assert f"SUCCESS, {len(KILL_POINTS)} retries" in ledger and "retried" in ledger, ledger


@pytest.mark.parametrize("point", ["warehouse_write", "export_write"])
def test_a_run_killed_every_time_leaves_the_previous_result_whole(point, clean_run, inbox, tmp_path):
    """The day was processed once; a rerun dies at the same point on every try: nothing of it may show."""
    clean_home, records, reviews = clean_run
    home = tmp_path / "home"
    shutil.copytree(clean_home, home, symlinks=True)
    exports = home / "exports" / DAY
    reports_before = {p.name: p.read_bytes() for p in exports.iterdir()}
    result = tickets_in_own_process(home, "process", str(inbox), env_extra={"TICKETS_FAULT": point, **QUICK_RETRIES})
    SUMMARY["faults injected"] += 1
    assert result.returncode == 1 and "failed" in (result.stdout + result.stderr).lower()
    _tally(_records(home), records)
    assert (_records(home), _reviews(home)) == (records, reviews)
    assert {p.name: p.read_bytes() for p in exports.iterdir()} == reports_before
    ledger = _tickets(home, "ledger", "--date", DAY).stdout
    assert ": FAILURE," in ledger and "failed    " in ledger, ledger
    failed = [run for run in Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}").runs(DAY) if run["status"] == "FAILED"]
    assert len(failed) == 1 and failed[0]["failure"], "the failed run is not in the ledger with its error"


def test_two_runs_racing_on_one_day_leave_one_set_of_rows(clean_run, inbox, tmp_path):
    """As the sensor and a backfill would: two runs of the same day at once, on one warehouse."""
    clean_home, records, reviews = clean_run
    home = tmp_path / "home"
    shutil.copytree(clean_home, home, symlinks=True)  # a day processed before, as the sensor would find it
    env = {**os.environ, "DAGSTER_HOME": str(home / "dagster")}
    command = [sys.executable, "-m", "ticket_assets.cli", "--home", str(home), "process", str(inbox)]
    racing = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
              for _ in range(2)]
    outputs = [run.communicate(timeout=600)[0] for run in racing]
    SUMMARY["faults injected"] += 1
    assert [run.returncode for run in racing] == [0, 0], "\n".join(output[-2000:] for output in outputs)
    _tally(_records(home), records)
    assert (_records(home), _reviews(home)) == (records, reviews)


def test_the_command_killed_mid_day_leaves_no_ghost_run_and_a_rerun_gives_the_clean_rows(clean_run, inbox, tmp_path):
    """SIGKILL to `tickets process` and everything it started, as a power cut would, while the day's run is going."""
    _, records, reviews = clean_run
    home = make_home(tmp_path / "home")
    env = {**os.environ, "DAGSTER_HOME": str(home / "dagster")}
    command = [sys.executable, "-m", "ticket_assets.cli", "--home", str(home), "process", str(inbox)]
    killed = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    run_id = _wait_for_started_run(home)
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait()
    SUMMARY["faults injected"] += 1
    result = _tickets(home, "process", str(inbox))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    _tally(_records(home), records)
    assert (_records(home), _reviews(home)) == (records, reviews)
    with DagsterInstance.from_config(str(home / "dagster")) as instance:
        assert not instance.get_runs(RunsFilter(statuses=[DagsterRunStatus.STARTED, DagsterRunStatus.STARTING]))
        assert instance.get_run_by_id(run_id).status == DagsterRunStatus.FAILURE
    [ghost] = [run for run in Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}").runs(DAY) if run["run_id"] == run_id]
    assert ghost["status"] == "FAILED" and "process running it died" in ghost["failure"]


def _wait_for_started_run(home: Path, timeout: float = 240) -> str:
    """The run the command started, once it runs: read straight from the instance's SQLite run storage, for
    opening the instance while the command creates its storage races its schema migration."""
    runs_db, deadline = home / "dagster" / "history" / "runs.db", time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with contextlib.closing(sqlite3.connect(f"file:{runs_db}?mode=ro", uri=True)) as db:
                started = db.execute("SELECT run_id FROM runs WHERE status = 'STARTED'").fetchall()
        except sqlite3.Error:
            started = []
        if started:
            time.sleep(3)  # into its steps
            return started[0][0]
        time.sleep(0.5)
    raise AssertionError("the day's run never started")


def test_a_processed_file_that_vanishes_keeps_its_records_and_is_flagged(clean_run, inbox, tmp_path):
    clean_home, records, _ = clean_run
    home, moved = tmp_path / "home", tmp_path / "inbox"
    shutil.copytree(clean_home, home, symlinks=True)
    shutil.copytree(inbox, moved, symlinks=True)
    manifest_log = _manifest_lines(home)
    gone = next(moved / DAY / Path(page_id).relative_to(DAY).as_posix().rsplit("-p", 1)[0]
                for page_id, number, _, material, _ in sorted(records, key=lambda r: r[3] != "CLASS_2_CONTAMINATED")
                if number)  # a contaminated load's file if there is one: its manifest row must stay
    gone.unlink()
    result = _tickets(home, "process", str(moved), "--inbox-moved")  # a copy of the inbox, less one file
    SUMMARY["faults injected"] += 1
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    _tally(_records(home), [r[:4] + (True,) if gone.name in r[0] else r for r in records])
    assert {r[0] for r in _records(home)} == {r[0] for r in records}
    assert "FILE_VANISHED" in {reason for page_id, reason, _ in _reviews(home) if gone.name in page_id}
    assert manifest_log <= _manifest_lines(home)


def _manifest_lines(home: Path) -> set[tuple]:
    """The manifest log's lines without their status, which says when a line's file is gone."""
    with (home / "exports" / DAY / "manifest_log.csv").open(newline="") as handle:
        return {tuple(value for key, value in row.items() if key != "status") for row in csv.DictReader(handle)}


def test_audit_shows_file_hash_run_config_and_review_history(clean_run):
    home, records, _ = clean_run
    page_id, number, vendor, *_ = next(record for record in records if record[1])
    result = _tickets(home, "audit", number, "--vendor", vendor)
    assert result.returncode == 0, result.stderr[-2000:]
    file_path = page_id.rsplit("-p", 1)[0]
    for expected in (file_path, "sha256", "SUCCESS", '"engine": "rapidocr"', "Dagster run"):
        assert expected in result.stdout, (expected, result.stdout)
    assert _tickets(home, "audit", "000000").returncode == 1


def test_zz_summary():
    """Printed last: the figures the closing note quotes."""
    print(f"\nfault injection: {SUMMARY['inputs tried']} inputs tried, {SUMMARY['faults injected']} faults injected, "
          f"{SUMMARY['office scenarios replayed']} office scenarios replayed, "
          f"{SUMMARY['records lost']} records lost, {SUMMARY['records doubled']} records doubled")
    assert SUMMARY["records lost"] == SUMMARY["records doubled"] == 0
