"""The real webserver on the project's definitions: GraphQL shows the assets, lineage, partitions and
sensor; headless Chromium renders the asset graph to a screenshot (docs/asset_graph.png in the README)."""

import os
import shutil
import subprocess
import sys

import pytest
from dagster import DagsterInstance


from .conftest import REPO, free_port, graphql, make_home, wait_for

CHROMIUM = shutil.which("chromium")
# Without the networking flags Chromium keeps calling out to a closed network.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
QUERY = """{
  assetNodes { assetKey { path } dependencyKeys { path } groupName partitionKeys
               partitionDefinition { type } hasAssetChecks }
  repositoriesOrError { ... on RepositoryConnection { nodes { sensors { name } jobs { name } } } }
}"""


@pytest.fixture(scope="module")
def webserver(tmp_path_factory):
    home = make_home(tmp_path_factory.mktemp("ui_home"))
    dagster_home = home / "dagster"
    with DagsterInstance.from_config(str(dagster_home)) as instance:
        instance.add_dynamic_partitions("date_folders", ["2024-10-17", "2024-10-18"])
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(dagster_home), "TICKETS_HOME": str(home),
           "TICKETS_INBOX": str(home / "inbox")}
    server = subprocess.Popen(
        [sys.executable, "-m", "dagster_webserver", "-w", str(REPO / "workspace.yaml"), "-h", "127.0.0.1", "-p", str(port)],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/server_info")
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def test_graphql_shows_assets_lineage_partitions_and_sensor(webserver):
    data = graphql(webserver, QUERY)
    nodes = {node["assetKey"]["path"][0]: node for node in data["assetNodes"]}
    lineage = {name: sorted(d["path"][0] for d in node["dependencyKeys"]) for name, node in nodes.items()}
    assert lineage == {
        "raw_pdfs": [], "page_images": ["raw_pdfs"], "ocr_text": ["page_images"],
        "extracted_tickets": ["ocr_text", "page_images", "raw_pdfs"], "tracking_export": ["extracted_tickets"],
    }
    assert all(node["partitionDefinition"]["type"] == "DYNAMIC" for node in nodes.values())
    assert nodes["raw_pdfs"]["partitionKeys"] == ["2024-10-17", "2024-10-18"]
    assert nodes["extracted_tickets"]["hasAssetChecks"]
    repository = data["repositoriesOrError"]["nodes"][0]
    assert sorted(s["name"] for s in repository["sensors"]) == ["failed_runs_to_ledger", "inbox_sensor"]
    assert "process_day" in [j["name"] for j in repository["jobs"]]


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/install installs it)")
def test_asset_graph_page_renders_in_headless_chromium(webserver, tmp_path):
    from playwright.sync_api import sync_playwright

    screenshot = tmp_path / "asset_graph.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 800})
        page.goto(f"{webserver}/asset-groups/tickets")
        for asset in ("raw_pdfs", "page_images", "ocr_text", "extracted_tickets", "tracking_export"):
            page.get_by_text(asset, exact=True).last.wait_for(timeout=30_000)
        _dismiss_community_dialog(page)
        page.screenshot(path=str(screenshot))
        browser.close()
    assert screenshot.stat().st_size > 20_000
    if os.environ.get("TICKETS_UPDATE_SCREENSHOT"):
        shutil.copyfile(screenshot, REPO / "docs" / "asset_graph.png")


def _dismiss_community_dialog(page) -> None:
    """The UI greets a new browser profile with a sign-up dialog over the graph."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    skip = page.get_by_role("button", name="Skip")
    try:
        skip.wait_for(timeout=10_000)
    except PlaywrightTimeout:
        return
    skip.click()
    skip.wait_for(state="hidden", timeout=10_000)
