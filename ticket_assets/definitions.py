"""The code location: assets, checks, sensor, job and resources, assembled."""

from dagster import Definitions, JobDefinition

from ticket_assets.defs.assets import extracted_tickets, read_pages, tracking_export
from ticket_assets.defs.process_day import PROCESS_DAY, process_day
from ticket_assets.defs.resources import TicketsConfig
from ticket_assets.defs.sensors import failed_runs_to_ledger, inbox_sensor

defs = Definitions(
    assets=[read_pages, extracted_tickets, tracking_export],
    jobs=[process_day],
    sensors=[inbox_sensor, failed_runs_to_ledger],
    resources={"tickets": TicketsConfig()},
)


def process_day_job() -> JobDefinition:
    """The resolved job, for `execute_job(reconstructable(process_day_job), ...)`."""
    return defs.resolve_job_def(PROCESS_DAY)
