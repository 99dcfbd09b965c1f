"""Fault injection for the fault-injection tests: kill this process at a named point of a run.

Set TICKETS_FAULT to point names, comma-separated ("ocr_worker", "warehouse_write",
"export_write"), and a process that reaches one is killed with SIGKILL, as a power
cut or the OOM killer would. With TICKETS_FAULT_ONCE set to a folder, each point
kills only the first process to get there (it leaves a file named after the point
in that folder), so a retry can succeed. Unset, this does nothing.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path


def fault_point(name: str) -> None:
    if name not in os.environ.get("TICKETS_FAULT", "").split(","):
        return
    once = os.environ.get("TICKETS_FAULT_ONCE")
    if once:
        try:
            (Path(once) / name).touch(exist_ok=False)
        except FileExistsError:
            return
    os.kill(os.getpid(), signal.SIGKILL)
