"""Fault injection for the fault-injection tests: kill this process at a named point of a run.

TICKETS_FAULT names the points, comma-separated ("ocr_worker", "warehouse_write",
"export_write"); a process that reaches one is killed with SIGKILL, as a power cut
or the OOM killer would. With TICKETS_FAULT_ONCE set to a folder, each point kills
only the first process to get there (it leaves a file named after the point in that
folder), so a retry can succeed. The variables are read once, into the settings;
the stages are handed the plan, and with none set it does nothing.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FaultPlan:
    points: tuple[str, ...] = ()
    once_dir: str | None = None

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> "FaultPlan":
        points = tuple(p for p in environ.get("TICKETS_FAULT", "").split(",") if p)
        return cls(points, environ.get("TICKETS_FAULT_ONCE") or None)

    def reach(self, name: str) -> None:
        """Die here if the plan says so."""
        if name not in self.points:
            return
        if self.once_dir:
            try:
                (Path(self.once_dir) / name).touch(exist_ok=False)
            except FileExistsError:
                return
        os.kill(os.getpid(), signal.SIGKILL)


NO_FAULTS = FaultPlan()
