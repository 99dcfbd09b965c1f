"""The code location: assets, checks, sensors, job, resources and executor, assembled."""

from dagster import Definitions, JobDefinition

from ticket_assets.defs.assets import extracted_tickets, read_pages, tracking_export
from ticket_assets.defs.process_day import PROCESS_DAY, day_executor, process_day
from ticket_assets.defs.resources import TicketsConfig
from ticket_assets.defs.sensors import failed_runs_to_ledger, inbox_sensor

defs = Definitions(
    assets=[read_pages, extracted_tickets, tracking_export],
    jobs=[process_day],
    sensors=[inbox_sensor, failed_runs_to_ledger],
    resources={"tickets": TicketsConfig()},
    executor=day_executor,  # every job's: process_day's and the implicit one the UI's buttons run
)


def process_day_job() -> JobDefinition:
    """The resolved job, for `execute_job(reconstructable(process_day_job), ...)`."""
    return defs.resolve_job_def(PROCESS_DAY)
