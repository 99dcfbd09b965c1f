"""The code location on Kubernetes: the project's definitions, with each step of a day in a pod of its own.

The code server of values.yaml loads this file (`dagster api grpc --python-file`). Only
the executor differs from ticket_assets.definitions: `k8s_job_executor` instead of the
local multiprocess one, for every job (`process_day`, and the implicit asset job that the
UI's Materialize button and asset backfills run). Steps in separate pods share files only through the volume
that holds the inbox and TICKETS_HOME (see deploy/README.md).
"""

from dagster import Definitions
from dagster_k8s import k8s_job_executor

from ticket_assets.definitions import defs as local_defs


def _resources(cpu: str, memory: str, memory_limit: str) -> dict:
    return {"container_config": {"resources": {"requests": {"cpu": cpu, "memory": memory},
                                               "limits": {"cpu": cpu, "memory": memory_limit}}}}


# A day is a linear chain: one step pod at a time. The read_pages step (raw_pdfs,
# page_images and ocr_text) draws and reads pages in a pool of `ocr.workers` processes (about 1 GB each):
# give it the cores.
step_executor = k8s_job_executor.configured({
    "max_concurrent": 1,
    "step_k8s_config": _resources("500m", "1Gi", "2Gi"),
    "per_step_k8s_config": {"read_pages": _resources("4", "6Gi", "8Gi")},
})

defs = Definitions(
    assets=local_defs.assets,
    jobs=local_defs.jobs,
    sensors=local_defs.sensors,
    resources=local_defs.resources,
    executor=step_executor,
)
