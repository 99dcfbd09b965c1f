"""The project's own dagster.yaml: what `tickets` puts in DAGSTER_HOME."""

import shutil

from dagster import DagsterInstance

from ticket_assets.config import INSTANCE_TEMPLATE


def test_instance_limits_the_warehouse_pool_to_one_step(tmp_path):
    shutil.copyfile(INSTANCE_TEMPLATE, tmp_path / "dagster.yaml")
    with DagsterInstance.from_config(str(tmp_path)) as instance:
        concurrency = instance.get_concurrency_config()
    assert concurrency.pool_config.default_pool_limit == 1
    assert concurrency.run_queue_config.max_concurrent_runs == 2
