"""Nothing a person typed is lost: the answer journal, a damaged or deleted warehouse, backup and restore.

An office's two days of e-tickets (read without OCR, so the runs are quick), with answered review items,
processed through the `tickets` command as a user would; then the warehouse is cut short, deleted, backed
up and restored, and every time the result is compared with the original row for row, answers included.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from ticket_assets.store.journal import AnswerJournal
from ticket_assets.store.warehouse import Warehouse

from .conftest import make_home
from .etickets import CLASS_2_LOAD, DIRT_LOAD, ROCK_LOAD, write_etickets
from .test_fault_scenarios import _ok, _refused, _tickets, _write_without_manifest

FIRST, SECOND = "2024-10-17", "2024-10-18"
IGNORED = {"tickets": ("run_id",), "review_queue": ("id", "created_at"), "review_answers": ("id",)}


def _warehouse(home: Path) -> Warehouse:
    return Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}")


def _contents(home: Path) -> dict[str, list]:
    """Every table a person relies on, as comparable rows: all columns but ids and the runs that wrote them."""
    warehouse = _warehouse(home)
    days = (FIRST, SECOND)
    tables = {"tickets": [r for d in days for r in warehouse.day_tickets(d)],
              "review_queue": [r for d in days for r in warehouse.day_reviews(d)],
              "review_answers": [r for d in days for r in warehouse.day_answers(d)]}
    return {name: sorted(json.dumps({k: v for k, v in row.items() if k not in IGNORED[name]}, sort_keys=True,
                                    default=str) for row in rows) for name, rows in tables.items()}


@pytest.fixture(scope="module")
def answered(tmp_path_factory):
    """Two days processed, a missing manifest answered and a duplicate decided, every day processed again."""
    inbox = tmp_path_factory.mktemp("recovery_inbox")
    day = date.fromisoformat(FIRST)
    write_etickets(inbox / FIRST / "eticket_0500.pdf", [ROCK_LOAD, CLASS_2_LOAD], day, seed=500)
    _write_without_manifest(inbox / FIRST / "eticket_0501.pdf", dataclasses.replace(CLASS_2_LOAD, vendor="TARANGO"), day)
    write_etickets(inbox / SECOND / "eticket_0502.pdf", [DIRT_LOAD], date.fromisoformat(SECOND), seed=502)
    shutil.copyfile(inbox / FIRST / "eticket_0501.pdf", inbox / SECOND / "eticket_0503.pdf")  # scanned twice
    home = make_home(tmp_path_factory.mktemp("recovery_home"))
    _ok(_tickets(home, "process", str(inbox)))
    warehouse = _warehouse(home)
    [manifest] = [r for r in warehouse.open_reviews(FIRST) if r["reason"] == "MISSING_MANIFEST"]
    _ok(_tickets(home, "review", "resolve", str(manifest["id"]), "--set", "manifest_number=WM-MAN-2024-000777",
                 "--by", "Maria", "--inbox", str(inbox)))
    [copy] = [r for r in warehouse.open_reviews(SECOND) if r["reason"] == "DUPLICATE_TICKET"]
    _ok(_tickets(home, "review", "resolve", str(copy["id"]), "--decision", "copy", "--by", "Maria",
                 "--inbox", str(inbox)))
    return inbox, home, _contents(home)


def test_every_answer_is_in_the_journal_as_given(answered):
    _, home, _ = answered
    entries = AnswerJournal(home / "journal" / "answers.jsonl").entries()
    assert [(e["reason"], e["corrections"], e["decision"], e["resolved_by"]) for e in entries] == [
        ("MISSING_MANIFEST", {"manifest_number": "WM-MAN-2024-000777"}, None, "Maria"),
        ("DUPLICATE_TICKET", {}, "copy", "Maria")]


def test_a_warehouse_cut_short_is_named_with_the_way_back_and_rebuilt_equal(answered, tmp_path):
    inbox, original, contents = answered
    home = tmp_path / "home"
    shutil.copytree(original, home, symlinks=True)
    warehouse_file = home / "warehouse.duckdb"
    os.truncate(warehouse_file, warehouse_file.stat().st_size // 2)
    for command in (("review",), ("process", str(inbox))):
        result = _tickets(home, *command)
        _refused(result, "cannot be read")
        assert "tickets rebuild" in result.stderr and "Traceback" not in result.stderr
    _ok(_tickets(home, "rebuild", str(inbox)))
    assert _contents(home) == contents
    assert list(home.glob("warehouse.duckdb.before-rebuild-*")), "the damaged file was not kept"
    _ok(_tickets(home, "process", str(inbox)))
    assert _contents(home) == contents, "processing the rebuilt warehouse again changed it"


def test_a_deleted_warehouse_is_rebuilt_with_every_answer(answered, tmp_path):
    inbox, original, contents = answered
    home = tmp_path / "home"
    shutil.copytree(original, home, symlinks=True)
    (home / "warehouse.duckdb").unlink()
    _ok(_tickets(home, "rebuild", str(inbox)))
    assert _contents(home) == contents


def test_a_backup_restored_gets_the_answers_given_since(answered, tmp_path):
    inbox, original, _ = answered
    home = tmp_path / "home"
    shutil.copytree(original, home, symlinks=True)
    _refused(_tickets(home, "backup", str(home / "inside")), "inside TICKETS_HOME")
    (tmp_path / "backups").mkdir()
    _ok(_tickets(home, "backup", str(tmp_path / "backups")))
    [backup] = (tmp_path / "backups").iterdir()
    assert {p.name for p in backup.iterdir()} >= {"warehouse.duckdb", "answers.jsonl", "tickets.yaml"}
    [item] = [r for r in _warehouse(home).day_reviews(FIRST) if r["reason"] == "MISSING_MANIFEST"]
    _ok(_tickets(home, "review", "resolve", str(item["id"]), "--set", "manifest_number=WM-MAN-2024-000888",
                 "--by", "Ana", "--inbox", str(inbox)))  # answered again, after the backup
    after_answer = _contents(home)
    _refused(_tickets(home, "restore", str(tmp_path)), "not a backup folder")
    _refused(_tickets(home, "restore", str(home)), "is this home, not a backup")
    _refused(_tickets(home, "backup", str(tmp_path / "no such disk")), "is not a folder")
    assert (home / "warehouse.duckdb").is_file()
    restored = _ok(_tickets(home, "restore", str(backup), "--inbox", str(inbox)))
    assert f"{FIRST}: 1 answer(s) given since the backup put back" in restored, restored
    assert not [r for r in _warehouse(home).open_reviews(FIRST) if r["id"] == item["id"]], "the answer shows open"
    _ok(_tickets(home, "process", str(inbox)))
    assert _contents(home) == after_answer
    assert _warehouse(home).ticket(item["page_id"])["manifest_number"] == "WM-MAN-2024-000888"
    assert list(home.glob("warehouse.duckdb.before-restore-*")), "the replaced file was not kept"


def test_a_line_a_crash_cut_short_is_left_out_and_the_next_answer_starts_on_its_own(tmp_path):
    journal = AnswerJournal(tmp_path / "journal" / "answers.jsonl")
    given = {"page_id": f"{FIRST}/a.pdf-p1", "partition_key": FIRST, "corrections": {"vendor": "ROBERTS"},
             "resolved_by": "Maria", "resolved_at": datetime(2024, 10, 18, 9, 30)}
    first = journal.append(given)
    with journal.path.open("a") as handle:
        handle.write('{"journal_id": "cut short by a power cut", "page')
    second = journal.append({**given, "corrections": {"vendor": "PORTILLO"}})
    assert [e["journal_id"] for e in journal.entries()] == [first["journal_id"], second["journal_id"]]
    assert journal.entries()[0]["resolved_at"] == datetime(2024, 10, 18, 9, 30)
