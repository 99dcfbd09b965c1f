"""Backups of what cannot be made again, and the way back from a lost or damaged warehouse.

A backup is a folder: a consistent copy of the DuckDB warehouse (taken in one transaction, safe while
runs go on), then the answer journal, the vendor templates added here and the configuration file. The
journal is copied after the warehouse, so it holds every answer the copy does, and more: a restore puts
back the later ones too. Whatever a restore or a rebuild replaces is kept beside it, never deleted.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from ticket_assets.errors import UserError
from ticket_assets.store.journal import AnswerJournal
from ticket_assets.store.warehouse import Warehouse

WAREHOUSE_COPY, JOURNAL_COPY, VENDORS_COPY, CONFIG_COPY = "warehouse.duckdb", "answers.jsonl", "vendors", "tickets.yaml"


def take_backup(warehouse: Warehouse | None, journal: AnswerJournal, vendors: Path, config: Path,
                into: Path) -> Path:
    """Write a backup folder under `into` and return it."""
    folder = into / f"tickets-backup-{datetime.now():%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True)
    if warehouse is not None and warehouse.file is not None:
        warehouse.copy_to(folder / WAREHOUSE_COPY)
    with journal.locked():
        if journal.path.exists():
            shutil.copy2(journal.path, folder / JOURNAL_COPY)
    if vendors.is_dir():
        shutil.copytree(vendors, folder / VENDORS_COPY)
    if config.is_file():
        shutil.copy2(config, folder / CONFIG_COPY)
    return folder


def set_aside(path: Path, why: str) -> Path | None:
    """Move a file out of the way, beside itself, named for why and when; None when there is none."""
    if not path.exists():
        return None
    kept = path.with_name(f"{path.name}.{why}-{datetime.now():%Y%m%d-%H%M%S}")
    path.rename(kept)
    return kept


def restore_files(backup: Path, warehouse_file: Path, journal: AnswerJournal, vendors: Path) -> Path | None:
    """Put a backup's warehouse in place (the present one set aside, and returned), add the backup's
    answers and vendor templates that the present ones lack."""
    if backup.resolve() == warehouse_file.parent.resolve():
        raise UserError(f"{backup} is this home, not a backup: give a folder `tickets backup` wrote")
    if not (backup / WAREHOUSE_COPY).is_file():
        raise UserError(f"{backup} is not a backup folder: it holds no {WAREHOUSE_COPY} (see `tickets backup`)")
    incoming = warehouse_file.with_name(f".{warehouse_file.name}.restoring")
    shutil.copy2(backup / WAREHOUSE_COPY, incoming)  # whole before the present file is moved
    kept = set_aside(warehouse_file, "before-restore")
    incoming.rename(warehouse_file)
    _add_missing_answers(AnswerJournal(backup / JOURNAL_COPY), journal)
    for template in sorted((backup / VENDORS_COPY).glob("*.yaml")):
        vendors.mkdir(parents=True, exist_ok=True)
        if not (vendors / template.name).exists():
            shutil.copy2(template, vendors / template.name)
    return kept


def _add_missing_answers(source: AnswerJournal, journal: AnswerJournal) -> None:
    """The backup's answers the present journal lacks (it was lost or is older), kept with their ids."""
    with journal.locked():
        present = {entry["journal_id"] for entry in journal.entries()}
        for entry in source.entries():
            if entry["journal_id"] not in present:
                journal.append(entry, journal_id=entry["journal_id"])
