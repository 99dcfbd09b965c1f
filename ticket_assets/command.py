"""The `tickets` console command, kept apart from the command line's own modules so that it can start the
Dagster step server before importing them."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import NoReturn

from ticket_assets.home import home_from_env, step_log_of
from ticket_assets.orchestrate.step_server import start_step_server

RUNS_DAYS_FIRST = {"process", "demo"}  # other commands that run days start the server when they come to it


def command_line() -> NoReturn:
    """The `tickets` command. For a command that runs days, the step server starts before the command's imports
    (a second): the first step waits until the server has made its own. What the command made is left to the
    operating system when it ends: collecting the cycles among Dagster's objects at shutdown took a second."""
    argv = sys.argv[1:]
    home, command = _home_and_command(argv)
    if command in RUNS_DAYS_FIRST and home.is_dir():  # a mistyped --home is not made here; the command says so
        start_step_server(step_log_of(home))
    from ticket_assets.cli import main

    status = main(argv)
    gc.freeze()
    sys.exit(status)


def _home_and_command(argv: list[str]) -> tuple[Path, str | None]:
    """The home and the command named on the command line, read as the parser reads them: `--home` comes
    before the command."""
    home = None
    words = iter(argv)
    for word in words:
        if word == "--home":
            home = next(words, None)
        elif word.startswith("--home="):
            home = word.removeprefix("--home=")
        elif not word.startswith("-"):
            return (Path(home).expanduser().resolve() if home else home_from_env()), word
    return home_from_env(), None
