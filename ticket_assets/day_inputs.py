"""Everything a day's records and reports are made from, as one digest: the day's folder, the configuration,
the vendor templates added on this installation, the code with its packaged templates, and any faults to
inject (a run with faults is a test: the next run without them runs again).

A day whose digest is the one its last successful run read, and whose records that run left in the
warehouse, would come out the same: `tickets process` does not run it again (`--again` does).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from ticket_assets.config import Settings
from ticket_assets.discover import folder_signature

CODE = Path(__file__).resolve().parent  # the package: its modules, templates and configuration defaults
CODE_SUFFIXES = {".py", ".yaml", ".json"}


def day_inputs_digest(settings: Settings, day: str) -> str:
    """A digest that changes when anything the day's run reads changes."""
    configuration = {key: value for key, value in settings.snapshot().items() if key != "operator"}
    digest = hashlib.sha256()
    for part in (folder_signature(settings.inbox / day), json.dumps(configuration, sort_keys=True, default=str),
                 tree_signature(settings.vendors_dir), code_signature(), repr(settings.faults)):
        digest.update(f"{part}\n".encode())
    return digest.hexdigest()[:16]


@cache
def code_signature() -> str:
    """The package's signature, taken once: the code a process runs does not change under it."""
    return tree_signature(CODE)


def tree_signature(folder: Path) -> str:
    """The names, sizes and modification times of the code and data files under a folder (none: empty)."""
    digest = hashlib.sha256()
    files = sorted(path for path in folder.rglob("*") if path.suffix in CODE_SUFFIXES) if folder.is_dir() else []
    for path in files:
        stat = path.stat()
        digest.update(f"{path.relative_to(folder).as_posix()}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
