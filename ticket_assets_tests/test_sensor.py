"""The inbox sensor with a real instance: settle, request once, request again on change."""

import shutil

from dagster import DagsterInstance, SensorResult, build_sensor_context

from ticket_assets.defs.resources import TicketsConfig
from ticket_assets.defs.sensors import inbox_sensor

from .conftest import make_home

DAY = "2024-10-21"


def _tick(instance, resource, cursor):
    context = build_sensor_context(instance=instance, cursor=cursor, resources={"tickets": resource})
    result = inbox_sensor(context)
    assert isinstance(result, SensorResult)
    return result, result.cursor


def test_new_folder_is_held_while_it_changes_then_requested_once(tmp_path, realdata_inbox):
    inbox, day = tmp_path / "inbox", tmp_path / "inbox" / DAY
    day.mkdir(parents=True)
    source = next((realdata_inbox / "2024-11-26").glob("*.png"))
    shutil.copyfile(source, day / "first.png")
    resource = TicketsConfig(inbox=str(inbox), home=str(make_home(tmp_path / "home")))  # settle_seconds: 0
    with DagsterInstance.ephemeral() as instance:
        result, cursor = _tick(instance, resource, None)
        assert result.run_requests == []  # first sight: wait for it to settle
        shutil.copyfile(source, day / "second.png")  # still being copied
        result, cursor = _tick(instance, resource, cursor)
        assert result.run_requests == []
        result, cursor = _tick(instance, resource, cursor)
        assert [r.partition_key for r in result.run_requests] == [DAY]
        assert result.dynamic_partitions_requests[0].partition_keys == [DAY]
        first_key = result.run_requests[0].run_key
        result, cursor = _tick(instance, resource, cursor)
        assert result.run_requests == []  # unchanged: not again

        shutil.copyfile(source, day / "late.png")  # a file lands in a processed day
        result, cursor = _tick(instance, resource, cursor)
        result, cursor = _tick(instance, resource, cursor)
        assert [r.partition_key for r in result.run_requests] == [DAY]
        assert result.run_requests[0].run_key != first_key


def test_missing_inbox_is_a_skip_with_a_reason(tmp_path):
    resource = TicketsConfig(inbox=str(tmp_path / "nowhere"), home=str(make_home(tmp_path / "home")))
    with DagsterInstance.ephemeral() as instance:
        result = inbox_sensor(build_sensor_context(instance=instance, resources={"tickets": resource}))
    assert "does not exist" in str(result.skip_message)


def test_a_day_made_out_of_date_by_another_day_is_requested_again(tmp_path):
    """A copy of one of its tickets turned up in a day processed after it: its links must be worked out again."""
    from ticket_assets.defs.partitions import date_folders

    other = "2024-10-20"
    inbox = tmp_path / "inbox"
    (inbox / other).mkdir(parents=True)
    resource = TicketsConfig(inbox=str(inbox), home=str(make_home(tmp_path / "home")))
    run_row = {"run_id": "r1", "partition_key": DAY, "status": "EXTRACTED"}
    resource.warehouse().replace_partition(DAY, [], [], [], run_row, find_stale=lambda records: {other: "a copy"})
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(date_folders.name, [other])
        first, cursor = _tick(instance, resource, None)
        again, _ = _tick(instance, resource, cursor)
    pending = [r for r in first.run_requests if r.partition_key == other]
    assert len(pending) == 1 and ":pending:" in pending[0].run_key
    assert [r.run_key for r in again.run_requests if r.partition_key == other] == [pending[0].run_key]  # once


def test_a_day_answered_one_item_at_a_time_runs_once_the_answers_stop(tmp_path):
    """The review station's answers mark their day with each answer; the day waits until they stop."""
    from datetime import datetime, timedelta

    from sqlalchemy import update

    from ticket_assets.defs.partitions import date_folders
    from ticket_assets.store.models import pending_days

    (tmp_path / "inbox" / DAY).mkdir(parents=True)
    resource = TicketsConfig(inbox=str(tmp_path / "inbox"), home=str(make_home(tmp_path / "home", settle_seconds=60)))
    warehouse = resource.warehouse()
    warehouse.request_rerun(DAY, "review item 7 answered by maria")
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(date_folders.name, [DAY])
        answering, cursor = _tick(instance, resource, None)
        with warehouse.engine.begin() as conn:  # a minute and more without another answer
            conn.execute(update(pending_days).values(requested_at=datetime.now() - timedelta(seconds=61)))
        quiet, _ = _tick(instance, resource, cursor)
    assert answering.run_requests == []
    assert [r.partition_key for r in quiet.run_requests] == [DAY]
