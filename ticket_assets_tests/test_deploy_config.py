"""The deployment files in deploy/: checked by Dagster's own config validation, without a cluster."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
import yaml
from dagster import DagsterRun, Definitions
from dagster._config import validate_config
from dagster._core.instance.config import dagster_instance_config
from dagster._core.launcher import RunLauncher
from dagster._serdes.config_class import ConfigurableClassData, class_from_code_pointer

from ticket_assets.definitions import process_day_job

from .conftest import REPO

DEPLOY = REPO / "deploy"
INSTANCE_FILES = [DEPLOY / "postgres" / "dagster.yaml", DEPLOY / "k8s" / "dagster.yaml"]
K8S = DEPLOY / "k8s"
CONFIGURABLE_CLASSES = ("run_launcher", "run_coordinator", "compute_logs", "scheduler", "event_log_storage",
                        "run_storage", "schedule_storage", "local_artifact_storage")
# A kubeconfig that is read but never used: building a Job's manifest talks to no cluster.
UNUSED_KUBECONFIG = {
    "apiVersion": "v1", "kind": "Config", "current-context": "none",
    "clusters": [{"name": "none", "cluster": {"server": "https://127.0.0.1:1"}}],
    "users": [{"name": "none", "user": {"token": "none"}}],
    "contexts": [{"name": "none", "context": {"cluster": "none", "user": "none"}}],
}


def _raw(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


@pytest.mark.parametrize("path", INSTANCE_FILES, ids=lambda p: p.parent.name)
def test_instance_file_passes_dagster_validation(path):
    config, _ = dagster_instance_config(str(path.parent), path.name)  # raises DagsterInvalidConfigError
    assert "postgres" in config["storage"]
    for section in CONFIGURABLE_CLASSES:
        if section in config:  # the classes' own settings, which the instance schema leaves open
            klass = class_from_code_pointer(config[section]["module"], config[section]["class"])
            result = validate_config(klass.config_type(), config[section].get("config") or {})
            assert result.success, f"{path}: {section}: {[error.message for error in result.errors]}"


@pytest.mark.parametrize("path", INSTANCE_FILES, ids=lambda p: p.parent.name)
def test_instance_file_keeps_the_project_s_limits(path):
    assert _raw(path)["concurrency"] == _raw(REPO / "dagster.yaml")["concurrency"]


def test_k8s_run_launcher_builds_the_run_pod(tmp_path):
    """The launcher made from the file, as the daemon makes it, writes a valid Job for a run."""
    from dagster_k8s.container_context import K8sContainerContext
    from dagster_k8s.job import construct_dagster_k8s_job

    (tmp_path / "kubeconfig").write_text(yaml.safe_dump(UNUSED_KUBECONFIG))
    section = _raw(K8S / "dagster.yaml")["run_launcher"]
    config = {**section["config"], "load_incluster_config": False, "kubeconfig_file": str(tmp_path / "kubeconfig")}
    launcher = ConfigurableClassData(section["module"], section["class"], yaml.safe_dump(config)).rehydrate(
        as_type=RunLauncher)
    context = K8sContainerContext.create_for_run(DagsterRun(job_name="process_day"), launcher, include_run_tags=True)
    job = construct_dagster_k8s_job(context.get_k8s_job_config("registry.example.com/ticket-assets:0.1.0", launcher),
                                    ["dagster", "api", "execute_run"], "dagster-run-test",
                                    user_defined_k8s_config=context.run_k8s_config, component="run_worker")
    pod = job.spec.template.spec
    container = pod.containers[0]
    assert context.namespace == "dagster" and pod.service_account_name == "dagster"
    assert [mount.mount_path for mount in container.volume_mounts] == ["/data"]
    assert {v.name: v.persistent_volume_claim for v in pod.volumes}["tickets-data"].claim_name == "tickets-data"
    env = {e.name: e.value for e in container.env}
    assert env["TICKETS_INBOX"] == "/data/inbox" and env["TICKETS_HOME"] == "/data/tickets"
    assert "DAGSTER_PG_PASSWORD" in env  # from postgres_password_secret, for the storage's password
    assert [source.secret_ref.name for source in container.env_from if source.secret_ref] == ["tickets-warehouse"]


def test_k8s_code_location_runs_each_step_as_a_kubernetes_job():
    from dagster_k8s.models import k8s_model_from_dict
    from kubernetes.client import V1ResourceRequirements

    namespace = runpy.run_path(str(K8S / "definitions.py"))
    defs = namespace["defs"]
    Definitions.validate_loadable(defs)
    job = defs.resolve_job_def("process_day")
    assert job.executor_def.name == "k8s"
    assert defs.resolve_implicit_global_asset_job_def().executor_def is job.executor_def  # the UI's buttons
    resolved = job.executor_def.config_schema.resolve_config({})
    assert resolved.success, [error.message for error in resolved.errors]
    executor_config = resolved.value["config"]
    per_step = executor_config["per_step_k8s_config"]
    assert set(per_step) <= {node.name for node in job.graph.nodes}
    for step_config in [executor_config["step_k8s_config"], *per_step.values()]:
        k8s_model_from_dict(V1ResourceRequirements, step_config["container_config"]["resources"])
    assert {node.name for node in job.graph.nodes} == {node.name for node in process_day_job().graph.nodes}


def test_helm_values_match_the_instance_file():
    """values.yaml is what the chart turns into deploy/k8s/dagster.yaml: the two must say the same."""
    values, instance = _raw(K8S / "values.yaml"), _raw(K8S / "dagster.yaml")
    launcher, chart_launcher = instance["run_launcher"]["config"], values["runLauncher"]["config"]["k8sRunLauncher"]
    assert values["runLauncher"]["type"] == instance["run_launcher"]["class"]
    assert [s["name"] for s in chart_launcher["envSecrets"]] == launcher["env_secrets"]
    assert chart_launcher["envVars"] == launcher["env_vars"]
    assert chart_launcher["volumes"] == launcher["volumes"] and chart_launcher["volumeMounts"] == launcher["volume_mounts"]
    assert chart_launcher["resources"] == launcher["resources"]
    assert values["global"]["postgresqlSecretName"] == launcher["postgres_password_secret"]
    assert values["global"]["dagsterHome"] == launcher["dagster_home"]
    pools, runs = values["concurrency"]["pools"], values["concurrency"]["runs"]
    assert values["concurrency"]["enabled"] and not values["dagsterDaemon"]["runCoordinator"]["enabled"]
    assert (pools["defaultLimit"], runs["maxConcurrentRuns"]) == (
        instance["concurrency"]["pools"]["default_limit"], instance["concurrency"]["runs"]["max_concurrent_runs"])
    database = instance["storage"]["postgres"]["postgres_db"]
    chart_database = values["postgresql"]
    assert (chart_database["postgresqlHost"], chart_database["postgresqlDatabase"], chart_database["postgresqlUsername"],
            chart_database["postgresqlScheme"]) == (database["hostname"], database["db_name"], database["username"],
                                                    database["scheme"])
    [deployment] = values["dagster-user-deployments"]["deployments"]
    assert deployment["dagsterApiGrpcArgs"][-1].endswith("deploy/k8s/definitions.py")
    assert deployment["volumeMounts"] == launcher["volume_mounts"]
