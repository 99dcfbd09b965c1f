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
