"""The `tickets` command as the tests run it: its exit status, output and errors, as a user's shell sees them.

`tickets` runs the command in the test's own process through `ticket_assets.cli.main`, the function the
installed command calls: the same parsing, runs and messages, without a Python start and the imports of Dagster
(about 5 s a command). `tickets_in_own_process` starts it as a user's shell does, for what only a process of
its own shows: signals, what it imports, how it exits.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Iterator


def tickets(home: Path, *args: str, env_extra: dict | None = None, cwd: Path | None = None,
            stdin: str = "") -> subprocess.CompletedProcess:
    from ticket_assets.cli import main

    argv = ["--home", str(home), *args]
    out, err = io.StringIO(), io.StringIO()
    with _environment({"DAGSTER_HOME": str(home / "dagster"), **(env_extra or {})}), _working_folder(cwd), \
            _standard_input(stdin), redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exit_:  # argparse refuses a mistyped command line this way
            status = exit_.code if isinstance(exit_.code, int) else 2
    return subprocess.CompletedProcess(["tickets", *argv], status, out.getvalue(), err.getvalue())


def tickets_in_own_process(home: Path, *args: str, env_extra: dict | None = None,
                           cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DAGSTER_HOME": str(home / "dagster"), **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "ticket_assets.cli", "--home", str(home), *args],
                          capture_output=True, text=True, env=env, timeout=600, cwd=cwd)


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def _working_folder(folder: Path | None) -> Iterator[None]:
    before = Path.cwd()
    if folder is not None:
        os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@contextmanager
def _standard_input(text: str) -> Iterator[None]:
    before = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = before
