"""The review station (`tickets serve`) as an office uses it: a real server on a processed inbox, driven by
Debian's Chromium through Playwright and by plain HTTP requests.

A day of e-tickets (read without OCR, so the runs are quick) whose material nobody could read: one
vendor's truck hauled all day. A reviewer clears five items with the keyboard, gives the rest of the
truck's day one material in one go, leaves the day, and the day's rerun carries every answer into the
records and reports; processing the day once more changes nothing. Viewers, requests without a session or
CSRF token, and two people answering one item are refused as they should be.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import requests

from ticket_assets.station.users import UserBook
from ticket_assets.store.warehouse import Warehouse

from .conftest import REPO, free_port, make_home, wait_for
from .etickets import CLASS_2_LOAD, DIRT_LOAD, ROCK_LOAD
from .test_fault_scenarios import _ok, _tickets
from .test_ui import CHROMIUM, CHROMIUM_FLAGS

DAY = "2024-10-17"
TRUCK = "214"
PASSWORDS = {"maria": "maria-reviews-1", "ana": "ana-reviews-22", "victor": "victor-views-3"}
ROLES = {"maria": "reviewer", "ana": "reviewer", "victor": "viewer"}


@dataclasses.dataclass
class Office:
    inbox: Path
    home: Path
    url: str

    @property
    def warehouse(self) -> Warehouse:
        return Warehouse(f"duckdb:///{self.home / 'warehouse.duckdb'}")

    def open_items(self, day: str) -> list[dict]:
        return [row for row in self.warehouse.open_reviews(day) if row["severity"] != "INFO"]

    def answers(self) -> list[dict]:
        return self.warehouse.day_answers(DAY)

    def yard_item(self) -> dict:
        """An open item the keyboard and bulk answers leave alone: for the refusals and the two people."""
        return next(row for row in self.open_items(DAY) if "eticket_yard" in row["page_id"])


def _write_inbox(inbox: Path) -> None:
    """The truck's day with its material unread on every page, and five other loads."""
    from ticket_assets.synth.files import write_digital_pdf
    from ticket_assets.synth.scenario import Catalog
    from ticket_assets.synth.ticket import TicketMaker

    maker, rng = TicketMaker(Catalog()), random.Random(12)

    def unread(load, day: str, **texts):
        ticket = maker.make(load, date.fromisoformat(day), rng, by_hand=False)
        return dataclasses.replace(ticket, texts={**ticket.texts, "material": "", **texts})

    (inbox / DAY).mkdir()
    others = [unread(ROCK_LOAD, DAY), dataclasses.replace(unread(CLASS_2_LOAD, DAY, material="Contaminated"),
                                                          manifest=None), unread(DIRT_LOAD, DAY, truck_number="77")]
    write_digital_pdf(inbox / DAY / "eticket_mixed.pdf", others)
    write_digital_pdf(inbox / DAY / "eticket_truck.pdf", [unread(DIRT_LOAD, DAY, truck_number=TRUCK) for _ in range(6)])
    write_digital_pdf(inbox / DAY / "eticket_yard.pdf", [unread(DIRT_LOAD, DAY, truck_number="9") for _ in range(2)])


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("station_inbox")
    _write_inbox(inbox)
    home = make_home(tmp_path_factory.mktemp("station_home"))
    _ok(_tickets(home, "process", str(inbox)))
    _ok(_user_add(home, "maria", PASSWORDS["maria"]))  # as a script adds users: the password on stdin
    users = UserBook(home / "station" / "users.json")
    for name in ("ana", "victor"):
        users.add(name, ROLES[name], PASSWORDS[name])
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home / "dagster"), "PYTHONPATH": str(REPO)}
    server = subprocess.Popen([sys.executable, "-m", "ticket_assets.cli", "--home", str(home), "serve", str(inbox),
                               "--port", str(port), "--quiet-seconds", "600"], env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=open(home / "serve.log", "wb"))
    try:
        wait_for(f"http://127.0.0.1:{port}/login", seconds=60)
        yield Office(inbox, home, f"http://127.0.0.1:{port}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def _user_add(home: Path, name: str, password: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ticket_assets.cli", "--home", str(home), "user", "add", name,
                           "--role", ROLES[name]], input=password + "\n", capture_output=True, text=True, timeout=60)


def _signed_in(office: Office, name: str, password: str | None = None) -> tuple[requests.Session, str]:
    """A plain HTTP session signed in as `name`, and its CSRF token."""
    session = requests.Session()
    answer = session.post(f"{office.url}/login", data={"name": name, "password": password or PASSWORDS[name],
                                                       "csrf_token": _csrf(session, f"{office.url}/login")})
    assert answer.url.endswith("/queue"), answer.text[:500]
    return session, _csrf(session, f"{office.url}/queue")


def _csrf(session: requests.Session, url: str) -> str:
    page = session.get(url).text
    return page.split('name="csrf_token" value="')[1].split('"')[0]


def test_users_are_stored_hashed_with_argon2(office):
    stored = json.loads((office.home / "station" / "users.json").read_text())
    assert {name: entry["role"] for name, entry in stored.items()} == ROLES
    assert all(entry["password_hash"].startswith("$argon2id$") for entry in stored.values())
    assert PASSWORDS["maria"] not in (office.home / "station" / "users.json").read_text()
    assert oct((office.home / "station" / "users.json").stat().st_mode & 0o777) == "0o600"


def test_a_changed_password_ends_the_users_sessions(office):
    UserBook(office.home / "station" / "users.json").add("olga", "viewer", "olga-first-pw")
    session, _ = _signed_in(office, "olga", "olga-first-pw")
    _ok(subprocess.run([sys.executable, "-m", "ticket_assets.cli", "--home", str(office.home), "user", "passwd",
                        "olga"], input="olga-second-pw\n", capture_output=True, text=True, timeout=60))
    assert session.get(f"{office.url}/queue", allow_redirects=False).headers["location"] == "/login"
    _signed_in(office, "olga", "olga-second-pw")


def test_nothing_but_the_login_page_answers_without_a_session(office):
    item = office.yard_item()["id"]
    anonymous = requests.Session()
    assert anonymous.get(f"{office.url}/queue", allow_redirects=False).headers["location"] == "/login"
    for path in (f"/image/{item}", "/reports/2024-10-17/manifest_log.csv", f"/day/{DAY}/status"):
        assert anonymous.get(office.url + path, allow_redirects=False).status_code == 401, path
    refused = anonymous.post(f"{office.url}/item/{item}/answer", data={"set_material": "DIRT"}, allow_redirects=False)
    assert refused.status_code == 401
    login = anonymous.get(f"{office.url}/login")
    assert login.status_code == 200
    assert "frame-ancestors 'none'" in login.headers["content-security-policy"]
    assert (login.headers["x-frame-options"], login.headers["x-content-type-options"]) == ("DENY", "nosniff")
    assert login.headers["referrer-policy"] == "same-origin"
    cookie = login.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert office.answers() == []


def test_an_answer_without_the_csrf_token_is_refused(office):
    item = office.yard_item()["id"]
    session, token = _signed_in(office, "maria")
    for sent in ({}, {"csrf_token": "forged"}):
        refused = session.post(f"{office.url}/item/{item}/answer", data={"set_material": "DIRT", **sent})
        assert refused.status_code == 403 and "CSRF" in refused.text
    assert session.post(f"{office.url}/logout", data={}).status_code == 403  # signing out changes state too
    assert office.answers() == []


def test_a_viewer_sees_and_downloads_but_cannot_answer(office):
    item = office.yard_item()["id"]
    session, token = _signed_in(office, "victor")
    page = session.get(f"{office.url}/item/{item}").text
    assert "You are a viewer" in page and 'id="save"' not in page
    refused = session.post(f"{office.url}/item/{item}/answer", data={"set_material": "DIRT", "csrf_token": token})
    assert refused.status_code == 403 and "viewer" in refused.text
    assert session.get(f"{office.url}/reports/{DAY}/manifest_log.csv").status_code == 200
    assert office.answers() == []


def test_regression_a_field_posted_twice_with_two_values_is_refused_not_the_last_kept(office):
    item = office.yard_item()["id"]
    session, token = _signed_in(office, "maria")
    sent = [("set_material", "DIRT"), ("set_material", "SPOILS"), ("csrf_token", token)]
    refused = session.post(f"{office.url}/item/{item}/answer", data=sent)
    assert refused.status_code == 422 and "material given twice (DIRT, SPOILS)" in refused.text
    assert office.answers() == []


def test_regression_an_item_that_is_not_there_is_a_404_in_words_for_a_browser(office):
    session, _ = _signed_in(office, "victor")
    missing = session.get(f"{office.url}/item/999999")
    assert missing.status_code == 404 and "there is no review item 999999" in missing.text
    assert "tickets review" not in missing.text, "a command-line hint on a browser's page"


def test_logins_are_rate_limited_per_name(office):
    session = requests.Session()
    statuses = [session.post(f"{office.url}/login", data={"name": "mallory", "password": f"guess-{n}",
                                                          "csrf_token": _csrf(session, f"{office.url}/login")}).status_code
                for n in range(6)]
    assert statuses == [401] * 5 + [429]
    _signed_in(office, "maria")  # others from the same address still sign in


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (.ci/install installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def reviewer(office, browser):
    """Maria's browser tab, signed in with the keyboard alone."""
    page = browser.new_page(viewport={"width": 1400, "height": 860})
    page.goto(f"{office.url}/queue")
    page.wait_for_url("**/login")
    page.keyboard.type("maria")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORDS["maria"])
    page.keyboard.press("Enter")
    page.wait_for_url("**/queue")
    yield page
    page.close()


def _values_to_type(office: Office) -> dict[int, str]:
    """What the reviewer types for each of the day's first five items, in the queue's order."""
    items = sorted(office.open_items(DAY), key=lambda row: (row["created_at"], row["id"]))[:5]
    records = {row["page_id"]: row for row in office.warehouse.day_tickets(DAY)}
    typed = {}
    for item in items:
        if item["reason"] == "MISSING_MANIFEST":
            typed[item["id"]] = "WM-MAN-2024-000321"
        else:
            typed[item["id"]] = "ROCK" if records[item["page_id"]]["vendor"] == "HEIDELBERG" else "DIRT"
    return typed


def test_a_reviewer_clears_five_items_with_the_keyboard(office, reviewer):
    typed = _values_to_type(office)
    page = reviewer
    page.goto(f"{office.url}/queue?day={DAY}")
    page.keyboard.press("j")
    for number, (review_id, value) in enumerate(typed.items()):
        page.wait_for_url(lambda url, review_id=review_id: f"/item/{review_id}?" in url)
        page.wait_for_function("document.activeElement && document.activeElement.name && "
                               "document.activeElement.name.startsWith('set_')")
        if number == 0:
            _outlined_page_and_screenshot(page)
        if number == 4:
            _leave_a_field_untouched_and_step_back_and_forth(page, review_id)
        page.keyboard.type(value)
        page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "saved=" in url)
    given = {(a["reason"], json.dumps(a["corrections"]), a["resolved_by"]) for a in office.answers()}
    items = {row["id"]: row for row in office.warehouse.day_reviews(DAY)}
    field = {"MISSING_MANIFEST": "manifest_number", "MISSING_MATERIAL": "material"}
    assert given == {(items[i]["reason"], json.dumps({field[items[i]["reason"]]: v}), "maria") for i, v in typed.items()}


def _outlined_page_and_screenshot(page) -> None:
    """The page image beside its fields, the lines its values were read from outlined."""
    page.wait_for_function("document.querySelector('svg.sheet image') && "
                           "document.querySelector('svg.sheet image').getBBox().width > 0")
    assert page.locator("rect.outline.field-ticket_number").count() >= 1
    assert page.evaluate("fetch(document.querySelector('svg.sheet image').getAttribute('href'))"
                         ".then(r => r.headers.get('content-type'))") == "image/png"
    if os.environ.get("TICKETS_UPDATE_SCREENSHOT"):
        page.screenshot(path=str(REPO / "docs" / "review_station.png"))


def _leave_a_field_untouched_and_step_back_and_forth(page, review_id: int) -> None:
    focused = page.evaluate("document.activeElement.id")
    page.keyboard.type("GRAVEL")
    page.keyboard.press("Escape")
    assert page.input_value(f"#{focused}") == ""
    page.keyboard.press("j")
    page.wait_for_url(lambda url: f"/item/{review_id}?" not in url)
    page.wait_for_function("document.activeElement && document.activeElement.id.startsWith('set_')")
    page.keyboard.press("Escape")  # out of the field the next item opened in, so K is a key, not a letter
    page.keyboard.press("k")
    page.wait_for_url(lambda url: f"/item/{review_id}?" in url)
    page.wait_for_function(f"document.activeElement && document.activeElement.id === '{focused}'")


def test_one_material_for_the_rest_of_the_trucks_day(office, reviewer):
    page = reviewer
    truck_items = [row for row in office.open_items(DAY) if "eticket_truck" in row["page_id"]]
    answered = [row for row in office.warehouse.day_reviews(DAY) if row["resolved"] and "eticket_truck" in row["page_id"]]
    page.goto(f"{office.url}/item/{answered[-1]['id']}")
    page.click("a.bulk-truck[data-field=material]")
    page.wait_for_url("**/bulk?field=material&truck=1")
    thumbnails = page.locator(".thumb img")
    assert thumbnails.count() == len(truck_items) == 6 - len(answered)
    _eventually(lambda: thumbnails.evaluate_all("images => images.every(i => i.complete && i.naturalWidth > 0)"))
    page.click("#apply")
    page.get_by_text(f"{len(truck_items)} page(s) answered").wait_for()
    assert not [row for row in office.open_items(DAY) if "eticket_truck" in row["page_id"]]
    assert len({a["page_id"] for a in office.answers() if "eticket_truck" in a["page_id"]}) == 6


def _eventually(check, seconds: float = 30) -> None:
    """Wait for `check()` to hold (Playwright's wait_for_function needs eval, which the station's CSP forbids)."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "never happened"
        time.sleep(0.2)


def test_leaving_the_day_runs_it_once_and_its_records_and_reports_carry_the_answers(office, reviewer):
    runs_before = len(office.warehouse.runs(DAY))
    reviewer.goto(f"{office.url}/queue")  # the reviewer leaves the day
    _wait_until_current(reviewer, office, DAY)
    assert len(office.warehouse.runs(DAY)) == runs_before + 1
    records = {row["page_id"]: row for row in office.warehouse.day_tickets(DAY)}
    truck_pages = [row for page_id, row in records.items() if "eticket_truck" in page_id]
    assert {row["material"] for row in truck_pages} == {"DIRT"}
    assert {row["provenance"]["material"]["source"] for row in truck_pages} == {"review"}
    assert "WM-MAN-2024-000321" in {row["manifest_number"] for row in records.values()}
    assert [row["page_id"] for row in office.open_items(DAY)] == ["2024-10-17/eticket_yard.pdf-p1",
                                                                  "2024-10-17/eticket_yard.pdf-p2"]
    exports = office.home / "exports" / DAY
    with open(exports / "manifest_log.csv") as log:
        assert "WM-MAN-2024-000321" in log.read()
    with open(exports / "answered_reviews.csv") as answered:
        assert sum("maria" in line for line in answered) == 9
    with open(exports / "invoice_match.csv") as invoices:
        rows = list(csv.DictReader(invoices, delimiter="|"))
    assert sum(row["material"] == "DIRT" and row["truck_number"] == TRUCK for row in rows) == 6
    download = reviewer.request.get(f"{office.url}/reports/{DAY}/answered_reviews.csv")
    assert download.ok and sum("maria" in line for line in download.text().splitlines()) == 9
    reviewer.goto(f"{office.url}/reports")
    assert reviewer.locator(f"a[href='/reports/{DAY}/tracking_export.xlsx']").count() == 1


def _wait_until_current(page, office: Office, day: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = page.request.get(f"{office.url}/day/{day}/status").json()
        if state["current"] and "processed again" in state["last_outcome"]:
            return
        time.sleep(1)
    raise AssertionError(f"{day} was not processed again: {state}; {(office.home / 'logs' / 'station_runs.log').read_text()[-2000:]}")


def test_processing_the_answered_day_again_changes_nothing(office):
    before = _day_contents(office)
    _ok(_tickets(office.home, "process", str(office.inbox), "--date", DAY))
    assert _day_contents(office) == before


def _day_contents(office: Office) -> dict:
    warehouse = office.warehouse
    records = [{k: v for k, v in row.items() if k != "run_id"} for row in warehouse.day_tickets(DAY)]
    reviews = [{k: v for k, v in row.items() if k != "created_at"} for row in warehouse.day_reviews(DAY)]
    reports = {path.name: path.read_bytes() for path in (office.home / "exports" / DAY).glob("*.csv")}
    return {"records": records, "reviews": reviews, "answers": warehouse.day_answers(DAY), "reports": reports}


def test_two_people_answering_one_item_end_with_one_answer_and_a_clear_message(office, browser):
    item = office.yard_item()
    tabs = {name: _signed_in_tab(browser, office, name) for name in ("maria", "ana")}
    for tab in tabs.values():
        tab.goto(f"{office.url}/item/{item['id']}")
    tabs["ana"].fill("#set_material", "FILL")
    tabs["ana"].keyboard.press("Enter")
    tabs["ana"].wait_for_url(lambda url: "saved=" in url)
    tabs["maria"].fill("#set_material", "DIRT")
    tabs["maria"].keyboard.press("Enter")
    message = tabs["maria"].locator(".conflict")
    message.wait_for()
    assert "ana answered this item" in message.inner_text() and "Your answer was not saved" in message.inner_text()
    assert "material = FILL" in message.inner_text()
    answers = office.warehouse.item_answers(item)
    assert [(a["resolved_by"], a["corrections"]) for a in answers] == [("ana", {"material": "FILL"})]
    for tab in tabs.values():
        tab.close()


def _signed_in_tab(browser, office: Office, name: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{office.url}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORDS[name])
    page.keyboard.press("Enter")
    page.wait_for_url("**/queue")
    return page
