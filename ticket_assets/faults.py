"""Fault injection for the fault-injection tests: kill this process at a named point of a run.

Set TICKETS_FAULT to a point name ("warehouse_write", "export_write") and the
process that reaches it is killed with SIGKILL, as a power cut or the OOM killer
would. With TICKETS_FAULT_ONCE set to a file path, only the first process to get
there is killed (it leaves the file behind), so a retry can succeed. Unset, this
does nothing.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path


def fault_point(name: str) -> None:
    if os.environ.get("TICKETS_FAULT") != name:
        return
    once = os.environ.get("TICKETS_FAULT_ONCE")
    if once:
        try:
            Path(once).touch(exist_ok=False)
        except FileExistsError:
            return
    os.kill(os.getpid(), signal.SIGKILL)
