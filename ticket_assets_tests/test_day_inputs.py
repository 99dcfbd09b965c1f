"""What makes a day unchanged for `tickets process`: the digest of everything its run reads."""

from __future__ import annotations

import os
from dataclasses import replace

from ticket_assets.config import load_settings
from ticket_assets.day_inputs import day_inputs_digest
from ticket_assets.faults import FaultPlan

from .conftest import make_home

DAY = "2024-10-17"


def _settings(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / DAY).mkdir(parents=True, exist_ok=True)
    (inbox / DAY / "scan.pdf").write_bytes(b"%PDF-1.4 a scan")
    return load_settings(inbox, make_home(tmp_path / "home"), environ={})


def test_the_same_inputs_give_the_same_digest(tmp_path):
    settings = _settings(tmp_path)
    loaded_again = load_settings(settings.inbox, settings.home, environ={})
    assert day_inputs_digest(settings, DAY) == day_inputs_digest(loaded_again, DAY)


def test_a_changed_file_changes_the_digest(tmp_path):
    settings = _settings(tmp_path)
    before = day_inputs_digest(settings, DAY)
    scan = settings.inbox / DAY / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 another scan")
    os.utime(scan, ns=(1, 1))
    assert day_inputs_digest(settings, DAY) != before


def test_configuration_added_vendors_and_faults_change_the_digest(tmp_path):
    settings = _settings(tmp_path)
    digests = [day_inputs_digest(settings, DAY)]
    config = settings.home / "tickets.yaml"
    config.write_text(config.read_text().replace("dpi: 120", "dpi: 150"))
    settings = load_settings(settings.inbox, settings.home, environ={})
    digests.append(day_inputs_digest(settings, DAY))
    settings.vendors_dir.mkdir(parents=True)
    (settings.vendors_dir / "corpotech.yaml").write_text("vendor: CORPOTECH\n")
    digests.append(day_inputs_digest(settings, DAY))
    digests.append(day_inputs_digest(replace(settings, faults=FaultPlan(("warehouse_write",))), DAY))
    assert len(set(digests)) == 4
