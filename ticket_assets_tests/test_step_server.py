"""The step server: every step process is forked from it with what the step needs already imported."""

import json
import shutil
import subprocess
import sys

from ticket_assets.config import INSTANCE_TEMPLATE

# Run in a Python of its own: this test process has opened instances in other tests already.
MODULES_IMPORTED_OPENING_THE_INSTANCE = """
import importlib, json, sys
from ticket_assets.orchestrate.step_server import EXECUTOR_MODULE, STEP_PRELOAD
for module in [EXECUTOR_MODULE, *STEP_PRELOAD]:
    importlib.import_module(module)
before = set(sys.modules)
from dagster import DagsterInstance
with DagsterInstance.from_config(sys.argv[1]) as instance:
    instance.get_run_records(limit=1)
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def test_a_step_opens_the_instance_with_nothing_left_to_import(tmp_path):
    shutil.copyfile(INSTANCE_TEMPLATE, tmp_path / "dagster.yaml")
    opened = subprocess.run([sys.executable, "-c", MODULES_IMPORTED_OPENING_THE_INSTANCE, str(tmp_path)],
                            capture_output=True, text=True, check=True)
    assert json.loads(opened.stdout) == []


# What the `tickets` command has imported when it starts the step server, and which server it started.
STARTED_BEFORE_THE_COMMAND_S_IMPORTS = """
import json, sys
import ticket_assets.command as command
started = []
command.start_step_server = lambda log: started.append((str(log), sorted(m for m in sys.modules
                                                                          if m.split(".")[0] in HEAVY)))
HEAVY = {"dagster", "sqlalchemy", "duckdb", "pydantic", "yaml"}
sys.argv = ["tickets", *sys.argv[1:]]
try:
    command.command_line()
except SystemExit:
    pass
print(json.dumps(started))
"""


def test_the_command_starts_the_step_server_for_days_before_its_own_imports(tmp_path):
    """The first step waits for the server's imports (4 s): started a second earlier, it waits a second less."""
    home = tmp_path / "home"
    home.mkdir()

    def started(*argv: str) -> list:
        run = subprocess.run([sys.executable, "-c", STARTED_BEFORE_THE_COMMAND_S_IMPORTS, *argv],
                             capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "TICKETS_HOME": str(home)})
        return json.loads(run.stdout.splitlines()[-1])

    log = str(home / "logs" / "steps.log")
    assert started("--home", str(home), "process", str(tmp_path / "no inbox")) == [[log, []]]
    assert started(f"--home={home}", "demo", "--days", "0") == [[log, []]]
    assert started("process", str(tmp_path / "no inbox")) == [[log, []]]  # TICKETS_HOME
    assert started("--home", str(tmp_path / "mistyped"), "process") == []  # no folder made for it
    assert started("--home", str(home), "review") == []
