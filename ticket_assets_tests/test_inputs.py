"""Every input checked at the door: the configuration file, the inbox's folder names, the commands' arguments.
Each case through the `tickets` command, checking its message and its exit status."""

from __future__ import annotations

import pymupdf
import pytest

from ticket_assets.api import check_dates
from ticket_assets.cli import main
from ticket_assets.config_file import ENGINE_NAMES
from ticket_assets.errors import UserError
from ticket_assets.ocr.registry import AUTO, ENGINES

JOB = '{code: "24-105", start: 2024-07-01, end: 2025-12-31}'
BAD_CONFIGURATIONS = {
    f"jobs: [{JOB}]\nocr: {{engine: easyocr}}": "ocr.engine: Input should be 'rapidocr'",
    f"jobs: [{JOB}]\nocr: {{workers: -3}}": "ocr.workers: Input should be greater than or equal to 0",
    f"jobs: [{JOB}]\nocr: {{dpi: -5}}": "ocr.dpi: Input should be greater than or equal to 72",
    f"jobs: [{JOB}]\nocr: {{dpi: abc}}": "ocr.dpi: Input should be a valid integer",
    f"jobs: [{JOB}]\nocr: {{dpii: 100}}": "ocr.dpii: unknown key; did you mean `dpi`?",
    f"jobs: [{JOB}]\nreveiw: {{}}": "reveiw: unknown key; did you mean `review`?",
    f"jobs: [{JOB}]\nreview: {{low_confdence: 0.5}}": "review.low_confdence: unknown key; did you mean `low_confidence`?",
    f"jobs: [{JOB}]\nreview: {{low_confidence: high}}": "review.low_confidence: Input should be a valid number",
    'jobs: [{code: "24-105", start: 2024-07-01, end: 2023-12-31}]': "ends (2023-12-31) before it starts",
    'jobs: [{code: "24-105", start: "July 1", end: 2025-12-31}]': "jobs[1].start: Input should be a valid date",
    # Regression (trial): an unquoted date that is no real date stopped YAML itself, with no file, key or line.
    'jobs: [{code: "24-105", start: 2024-13-01, end: 2025-12-31}]': "jobs[1].start: Input should be a valid date",
    'jobs: [{code: "24-105", start: 2024-07-01, end: 2024-02-30}]': "(got '2024-02-30')",
    'jobs: [{code: "24105", start: 2024-07-01, end: 2025-12-31}]': "jobs[1].code: should look like 24-105",
    f"jobs: [{JOB}]\nocr: {{workers: true}}": "ocr.workers: Input should be a valid integer",
    f"jobs: [{JOB}]\nocr: {{runtime: tensorrt}}": "ocr.runtime: Input should be 'openvino', 'onnxruntime' or 'auto'",
    f"jobs: [{JOB}]\nocr:\n  dpi: 200\n  dpi: 300": "line 4, column 3: 'dpi' is written twice in this section",
    f"jobs: [{JOB}]\nocr: {{dpi: [200}}": "line 2, column",
    "- a list": "the file must hold keys",
    f"jobs: [{JOB}, {JOB}]": "job code 24-105 is listed more than once",
    f"default_job: 99-999\njobs: [{JOB}]": "default_job 99-999 is not one of the jobs",
    "jobs: []": "jobs: List should have at least 1 item",
    "": "the file is empty",
}


def _tickets(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("text, words", list(BAD_CONFIGURATIONS.items()), ids=list(range(len(BAD_CONFIGURATIONS))))
def test_a_wrong_configuration_is_one_line_naming_the_file_and_key(text, words, tmp_path, monkeypatch, capsys):
    config = tmp_path / "tickets.yaml"
    config.write_text(text + "\n")
    monkeypatch.setenv("TICKETS_CONFIG", str(config))
    for command in (["config", "check"], ["review"], ["process", str(tmp_path)]):
        code, _, err = _tickets(capsys, "--home", str(tmp_path / "home"), *command)
        assert code == 2 and f"{config}: " in err and words in err, (command, err)
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "home").exists(), "a command refused at the door left something behind"


def test_config_check_prints_the_settings_in_effect(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("TICKETS_CONFIG", raising=False)
    code, out, _ = _tickets(capsys, "--home", str(tmp_path), "config", "check")
    assert code == 0 and "no problems" in out and "engine: rapidocr" in out and "24-105" in out


def test_config_check_warns_of_a_compiled_models_folder_that_cannot_be_made(tmp_path, monkeypatch, capsys):
    """Trial: a folder OpenVINO cannot keep its compiled models in passed the check; each run was slower."""
    (tmp_path / "in").write_text("")
    config = tmp_path / "tickets.yaml"
    config.write_text(f"jobs: [{JOB}]\nocr: {{compiled_models_dir: {tmp_path / 'in' / 'openvino'}}}\n")
    monkeypatch.setenv("TICKETS_CONFIG", str(config))
    code, out, _ = _tickets(capsys, "--home", str(tmp_path / "home"), "config", "check")
    assert code == 0 and "1 warning(s)" in out and "no problems" not in out, out
    assert f"warning: ocr.compiled_models_dir {tmp_path / 'in' / 'openvino'}: {tmp_path / 'in'}" in out, out
    assert "point it at a folder this user can write" in out and not (tmp_path / "in" / "openvino").exists()


def test_regression_an_empty_tickets_home_is_the_default_home_not_the_current_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("TICKETS_CONFIG", raising=False)
    monkeypatch.setenv("TICKETS_HOME", "")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _tickets(capsys, "config", "check")
    assert code == 0 and f"home: {tmp_path / '.tickets'}" in out, out
    monkeypatch.setenv("TICKETS_HOME", " ")
    assert f"home: {tmp_path / '.tickets'}" in _tickets(capsys, "config", "check")[1]
    code, _, err = _argparse_exit(capsys, ["--home", "", "process", str(tmp_path)])
    assert code == 2 and "--home: give a path, not an empty value" in err
    assert sorted(tmp_path.iterdir()) == []  # nothing written into the current folder


def test_the_configuration_names_the_registered_engines():
    assert set(ENGINE_NAMES) == {*ENGINES, AUTO}


def test_folders_that_look_like_a_day_but_are_not_are_named_with_what_to_do(tmp_path, capsys):
    for name in ("2024-02-30", "2024-13-45", "2024-10-17 copy", "2024-10-18"):
        (tmp_path / "inbox" / name).mkdir(parents=True)
    code, _, err = _tickets(capsys, "--home", str(tmp_path / "home"), "process", str(tmp_path / "inbox"),
                            "--date", "2030-01-01")  # refused after the folders are named: nothing runs
    assert code == 2
    assert "'2024-02-30'" in err and "'2024-13-45'" in err and "not a real date" in err
    assert "'2024-10-17 copy'" in err and "rename it to 2024-10-17" in err
    assert "'2024-10-18'" not in err


def test_folders_with_scans_in_other_date_orders_or_no_date_are_named_not_skipped(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    for name in ("10-21-2024", "20241024", "Oct 26 2024", "26 October 2024", "10-11-2024", "scans from Bob",
                 "2024-10-18", "empty", ".hidden"):
        (inbox / name).mkdir(parents=True)
        if name != "empty":
            (inbox / name / "scan.pdf").write_bytes(b"%PDF-1.4")
    code, _, err = _tickets(capsys, "--home", str(tmp_path / "home"), "process", str(inbox), "--date", "2030-01-01")
    assert code == 2
    assert "'10-21-2024'" in err and "rename it to 2024-10-21" in err
    assert "'20241024'" in err and "rename it to 2024-10-24" in err
    assert "'Oct 26 2024'" in err and "rename it to 2024-10-26" in err
    assert "'26 October 2024'" in err and "2024-10-26" in err
    assert "'10-11-2024'" in err and "it could be 2024-10-11 or 2024-11-10" in err
    assert "'scans from Bob'" in err and "holds scans but is no date folder" in err
    assert "'2024-10-18'" not in err and "'empty'" not in err and ".hidden" not in err


@pytest.mark.parametrize("command", [["review"], ["review", "show", "1"], ["ledger"], ["audit", "123456"],
                                     ["export", "--out", "out"]])
def test_read_only_commands_on_a_home_with_nothing_in_it_say_so(command, tmp_path, capsys):
    home = tmp_path / "mistyped_home"
    code, _, err = _tickets(capsys, "--home", str(home), *command)
    assert code == 2 and "no warehouse in" in err and str(home) in err
    assert not home.exists(), "a read-only command made an empty warehouse"


@pytest.mark.parametrize("args, words", [
    (["review", "--date", "2024-13-45"], "not a YYYY-MM-DD date"),
    (["ledger", "--date", "garbage"], "not a YYYY-MM-DD date"),
    # Regression (trial): no pages ended in a Dagster stack trace and FAILED runs; 100000 days began a million pages.
    (["demo", "--pages", "-1"], "argument --pages: give a whole number from 1 to 200, not '-1'"),
    (["demo", "--pages", "0"], "argument --pages: give a whole number from 1 to 200, not '0'"),
    (["demo", "--days", "100000"], "argument --days: give a whole number from 1 to 31, not '100000'"),
    (["export", "--from", "2024-10-18", "--to", "2024-10-17", "--out", "x"], "--from 2024-10-18 is after --to"),
])
def test_dates_and_ranges_are_checked(args, words, tmp_path, capsys):
    code, _, err = _tickets(capsys, "--home", str(_home_with_a_warehouse(tmp_path)), *args) \
        if args[0] == "export" else _argparse_exit(capsys, args)
    assert code == 2 and words in err


def test_regression_an_unknown_argument_of_a_command_shows_that_command_s_usage(capsys):
    code, _, err = _argparse_exit(capsys, ["config", "check", "--file", "x"])
    assert code == 2 and "usage: tickets config check" in err and "unrecognized arguments: --file x" in err


def _argparse_exit(capsys, args):
    with pytest.raises(SystemExit) as exit_status:
        main(args)
    return exit_status.value.code, "", capsys.readouterr().err


def _home_with_a_warehouse(tmp_path):
    from ticket_assets.store.warehouse import Warehouse

    Warehouse.at(f"duckdb:///{tmp_path / 'home' / 'warehouse.duckdb'}")
    return tmp_path / "home"


def test_explain_of_a_page_a_file_does_not_have_is_an_error(tmp_path, capsys):
    document = pymupdf.open()
    for _ in range(2):
        document.new_page().insert_text((72, 72), "TICKET NO. 123456")
    document.save(tmp_path / "two.pdf")
    code, _, err = _tickets(capsys, "--home", str(tmp_path / "home"), "explain", str(tmp_path / "two.pdf"),
                            "--page", "3")
    assert code == 2 and "has 2 page(s); there is no page 3" in err


def test_an_inbox_that_is_not_a_folder_is_one_line(tmp_path, capsys):
    (tmp_path / "a file").write_text("x")
    for inbox, words in ((tmp_path / "nowhere", "does not exist"), (tmp_path / "a file", "is a file, not a folder")):
        code, _, err = _tickets(capsys, "--home", str(tmp_path / "home"), "process", str(inbox))
        assert code == 2 and words in err and "Traceback" not in err


def test_explain_of_a_file_that_is_no_ticket_is_an_error(tmp_path, capsys):
    (tmp_path / "notes.pdf").write_text("hello")
    code, _, err = _tickets(capsys, "--home", str(tmp_path / "home"), "explain", str(tmp_path / "notes.pdf"))
    assert code == 2 and "not a PDF or image" in err
    code, _, err = _tickets(capsys, "--home", str(tmp_path / "home"), "explain", str(tmp_path))
    assert code == 2 and "is a folder" in err


@pytest.mark.parametrize("typed, said", [("2024-11-31", "is not a day of the calendar"),
                                         ("11/30/2024", "is not a YYYY-MM-DD date")])
def test_a_date_that_is_no_day_is_told_apart_from_a_date_in_another_form(typed, said):
    """Fourth trial: --date 2024-11-31 was told 'is not a YYYY-MM-DD date', which it is, in form."""
    with pytest.raises(UserError, match=said):
        check_dates([typed])
