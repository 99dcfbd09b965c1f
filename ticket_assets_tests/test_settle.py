from ticket_assets.settle import plan_ready_folders


def _drop(inbox, day, name, content=b"%PDF-1.4"):
    folder = inbox / day
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(content)


def test_folder_is_held_while_it_changes_and_requested_once_settled(tmp_path):
    states = {}
    _drop(tmp_path, "2024-10-17", "a.pdf")
    assert plan_ready_folders(tmp_path, states, now=0, settle_seconds=60) == []
    _drop(tmp_path, "2024-10-17", "b.pdf")  # still being copied
    assert plan_ready_folders(tmp_path, states, now=50, settle_seconds=60) == []
    assert plan_ready_folders(tmp_path, states, now=100, settle_seconds=60) == []  # 50 s unchanged
    ready = plan_ready_folders(tmp_path, states, now=111, settle_seconds=60)
    assert [f.day for f in ready] == ["2024-10-17"]
    assert plan_ready_folders(tmp_path, states, now=500, settle_seconds=60) == []  # unchanged: not again


def test_changed_folder_runs_again(tmp_path):
    states = {}
    _drop(tmp_path, "2024-10-17", "a.pdf")
    plan_ready_folders(tmp_path, states, now=0, settle_seconds=10)
    first = plan_ready_folders(tmp_path, states, now=20, settle_seconds=10)
    _drop(tmp_path, "2024-10-17", "late.pdf")
    assert plan_ready_folders(tmp_path, states, now=30, settle_seconds=10) == []
    second = plan_ready_folders(tmp_path, states, now=45, settle_seconds=10)
    assert [f.day for f in second] == ["2024-10-17"] and second[0].signature != first[0].signature


def test_empty_and_misnamed_folders_are_not_requested(tmp_path):
    states = {}
    (tmp_path / "2024-10-17").mkdir()
    _drop(tmp_path, "scans", "a.pdf")
    for now in (0, 100):
        assert plan_ready_folders(tmp_path, states, now=now, settle_seconds=10) == []


def test_content_already_processed_elsewhere_is_not_requested(tmp_path):
    states = {}
    _drop(tmp_path, "2024-10-17", "a.pdf")
    plan_ready_folders(tmp_path, states, now=0, settle_seconds=0)
    assert plan_ready_folders(tmp_path, states, now=1, settle_seconds=0, already_processed=lambda d, s: True) == []
