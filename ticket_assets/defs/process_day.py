"""How a day runs, whichever way it is launched: `process_day` (the sensor, `tickets process`), or Dagster's
implicit asset job (the UI's Materialize button and asset backfills), which cannot be renamed or given tags.
Both get `day_executor` as the code location's executor; retries and pools are on the assets themselves."""

from dagster import AssetSelection, define_asset_job, multiprocess_executor

from ticket_assets.orchestrate.step_server import STEP_PRELOAD

PROCESS_DAY = "process_day"
SIGNATURE_TAG = "tickets/folder_signature"  # the folder's content a run was started for (or read)
INPUTS_TAG = "tickets/inputs"  # the digest of everything the run read (day_inputs.py), set by its first step
PARTITION_TAG = "dagster/partition"  # the day a run processes, as Dagster tags it

# Forkserver with the code location preloaded starts a step in about 0.75 s instead
# of 1.7 s with spawn. The chain is linear, so steps never run side by side within
# a day: pages are spread over processes inside read_pages instead.
day_executor = multiprocess_executor.configured(
    {"max_concurrent": 2, "start_method": {"forkserver": {"preload_modules": STEP_PRELOAD}}}
)

process_day = define_asset_job(
    PROCESS_DAY,
    selection=AssetSelection.groups("tickets"),
    description="Carry one date folder from files on disk to the reports.",
)
