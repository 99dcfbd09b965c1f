"""The station's pages and actions: each checks who asks, reads or answers through `api`, and renders."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response

from ticket_assets import api
from ticket_assets.errors import UserError
from ticket_assets.extract.reasons import DECISIONS, Reason
from ticket_assets.schema import CORRECTABLE_FIELDS
from ticket_assets.station.auth import (
    NotSignedIn,
    answering_user,
    check_csrf,
    csrf_token,
    sign_in,
    signed_in_user,
)
from ticket_assets.station.bulk import BULK_FIELDS, BulkScope, bulk_plan, page_value
from ticket_assets.station.images import image_size
from ticket_assets.station.item import answer_sets, field_views, outlines, repeated_sets
from ticket_assets.station.queue import QueueFilter, neighbours
from ticket_assets.station.reports import days_with_reports, job_folders, report_file


def _station(request: Request):
    return request.app.state.station


def _render(request: Request, template: str, context: dict, status: int = 200) -> Response:
    station = _station(request)
    context = {"csrf": csrf_token(request), "user": context.get("user"), **context}
    return station.templates.TemplateResponse(request, template, context, status_code=status)


def _session_key(request: Request) -> str:
    return request.session.get("csrf", "")


async def login_form(request: Request) -> Response:
    return _render(request, "login.html", {"error": None})


async def login(request: Request) -> Response:
    await check_csrf(request)
    station, form = _station(request), await request.form()
    name, password = str(form.get("name", "")), str(form.get("password", ""))
    address = request.client.host if request.client else "unknown"
    wait = station.throttle.wait_seconds(address, name)
    if wait:
        return _render(request, "login.html", {"error": f"Too many failed attempts: try again in {wait:.0f} s."}, 429)
    user = await run_in_threadpool(station.users.verify, name, password)
    if user is None:
        station.throttle.failed(address, name)
        return _render(request, "login.html", {"error": "Wrong name or password."}, 401)
    sign_in(request, user)
    return RedirectResponse("/queue", 303)


async def logout(request: Request) -> Response:
    await check_csrf(request)
    _station(request).reruns.on_day(_session_key(request), None)
    request.session.clear()
    return RedirectResponse("/login", 303)


async def home(request: Request) -> Response:
    signed_in_user(request, _station(request).users)
    return RedirectResponse("/queue", 303)


async def queue_page(request: Request) -> Response:
    station = _station(request)
    user = signed_in_user(request, station.users)
    chosen = QueueFilter.of(request.query_params)
    view = await run_in_threadpool(station.open_items.view, chosen)
    if user.may_answer:
        station.reruns.on_day(_session_key(request), chosen.day or None)
    return _render(request, "queue.html", {"user": user, "view": view, "chosen": chosen})


async def item_page(request: Request) -> Response:
    station = _station(request)
    user = signed_in_user(request, station.users)
    chosen = QueueFilter.of(request.query_params)
    context = await run_in_threadpool(item_context, station, request.path_params["review_id"], chosen)
    if user.may_answer:
        station.reruns.on_day(_session_key(request), context["item"]["partition_key"])
    return _render(request, "item.html", {**context, "user": user, "message": request.query_params.get("saved")})


def item_context(station, review_id: int, chosen: QueueFilter) -> dict:
    """Everything the item page shows, read over one warehouse connection."""
    warehouse = station.warehouse
    with warehouse.kept_open():
        item = _item(station, review_id)
        record = warehouse.ticket(item["page_id"])
        reviews, answers = warehouse.page_history(item["page_id"], item["file_hash"] or "")
        item_answers = warehouse.item_answers(item)
        reading = warehouse.page_reading(item["page_id"])
        day = day_state(station, item["partition_key"])
    views = field_views(record, item, reviews or [item])
    image = station.images.page(item)
    previous, following = neighbours(station.open_items.view(chosen).to_answer, review_id)
    return {"item": item, "record": record, "fields": views, "answers": item_answers, "image": image is not None,
            "size": image_size(image) if image else None, "outlines": outlines(reading, views) if image else [],
            "previous": previous, "next": following, "chosen": chosen, "vocabularies": station.vocabularies,
            "decisions": [d.value for d in DECISIONS.get(Reason(item["reason"]), ())],
            "needs_value": Reason(item["reason"]).needs_value, "focus": _first_focus(item),
            "bulk": _bulk_offers(record, answers),
            "day": day, "item_fields": CORRECTABLE_FIELDS}


def _first_focus(item: dict) -> str:
    """Where the keyboard starts: what the item asks for (a decision, its field's value, or a reason in
    words), else the save button, so that Enter confirms."""
    reason = Reason(item["reason"])
    if reason in DECISIONS:
        return "decision"
    if item["field_name"] in CORRECTABLE_FIELDS:
        return f"set_{item['field_name']}"
    return "because" if reason.needs_value else "save"


def _item(station, review_id: int) -> dict:
    try:
        return api.review_item(station.settings, review_id, station.warehouse)
    except api.NoSuchItem:  # its message points to the command line; a browser user has the queue
        raise HTTPException(404, f"there is no review item {review_id}: the queue lists the open ones") from None
    except UserError as err:
        raise HTTPException(404, str(err)) from None


def _bulk_offers(record: dict | None, answers: list[dict]) -> list[tuple[str, str]]:
    """(field, value) a bulk answer can spread from this page: the values it has for them."""
    if not record or not record["vendor"]:
        return []
    offers = [(field, page_value(record, answers, field)) for field in BULK_FIELDS]
    return [(field, value) for field, value in offers if value]


def day_state(station, day: str) -> dict:
    """Whether the day's records and reports carry every answer given, or what they wait for."""
    state = station.reruns.status(day)
    pending = station.warehouse.pending().get(day)
    if state.running_since is not None:
        words = "the day is being processed again with the answers"
    elif state.waiting:
        words = (f"{state.waiting} answer(s) wait: the day is processed again when you leave it, or after "
                 f"{station.reruns.quiet_seconds:.0f} s without answers")
    elif pending:
        words = f"the reports wait for the day to run again ({pending})"
    else:
        words = "the day's records and reports carry every answer"
    current = not pending and state.running_since is None and not state.waiting
    return {"day": day, "current": current, "words": words, "last_outcome": state.last_outcome}


async def answer(request: Request) -> Response:
    station = _station(request)
    user = answering_user(request, station.users)
    await check_csrf(request)
    submitted = await request.form()
    form = {key: str(value) for key, value in submitted.items()}
    review_id, chosen = request.path_params["review_id"], QueueFilter.of(form)
    context = {}
    try:
        await run_in_threadpool(_save, station, review_id, chosen, form, repeated_sets(submitted), user.name,
                                context)
    except api.AnswerConflict as conflict:  # the item as it is now, with their answer
        context = await run_in_threadpool(item_context, station, review_id, chosen)
        return _render(request, "item.html", {**context, "user": user, "conflict": conflict}, 409)
    except UserError as err:
        return _render(request, "item.html", {**context, "user": user, "error": str(err), "form": form}, 422)
    station.reruns.answered(context["item"]["partition_key"])
    saved = f"item {review_id} answered"
    target = f"/item/{context['next']}" if context["next"] else "/queue"
    return RedirectResponse(target + chosen.query(saved=saved), 303)


def _save(station, review_id: int, chosen: QueueFilter, form: dict, repeated: list[str], by: str,
          context: dict) -> None:
    """Save the form's answer; `context` is filled with the item page as it was before (what the answer is
    compared with, the next item, the page shown again when the answer is refused)."""
    with station.open_items.closing({review_id}), station.warehouse.kept_open():
        context.update(item_context(station, review_id, chosen))
        sets = repeated + answer_sets(form, context["fields"], context["needs_value"])
        seen = int(form.get("answers_seen", "0") or 0)
        api.answer_item(station.settings, review_id, sets, form.get("decision") or None,
                        form.get("because") or None, by, answers_seen=seen, warehouse=station.warehouse)


async def bulk_preview(request: Request) -> Response:
    station = _station(request)
    user = signed_in_user(request, station.users)
    plan, scope = await run_in_threadpool(_plan, station, request.path_params["review_id"], request.query_params)
    return _render(request, "bulk.html", {"user": user, "plan": plan, "scope": scope,
                                          "review_id": request.path_params["review_id"]})


async def bulk_apply(request: Request) -> Response:
    station = _station(request)
    user = answering_user(request, station.users)
    await check_csrf(request)
    form = await request.form()
    plan, scope = await run_in_threadpool(_plan, station, request.path_params["review_id"], form)
    chosen = {int(value) for value in form.getlist("item")}
    done, refused = await run_in_threadpool(_apply, station, plan, chosen, str(form.get("because", "")), user.name)
    if done:
        station.reruns.answered(scope.day, len(done))
    return _render(request, "bulk.html", {"user": user, "plan": plan, "scope": scope, "done": done,
                                          "refused": refused, "review_id": request.path_params["review_id"]})


def _plan(station, review_id: int, params):
    field = params.get("field", "")
    if field not in BULK_FIELDS:
        raise HTTPException(400, f"field must be one of {', '.join(BULK_FIELDS)}")
    warehouse = station.warehouse
    with warehouse.kept_open():
        item = _item(station, review_id)
        record = warehouse.ticket(item["page_id"])
        if not record or not record["vendor"]:
            raise HTTPException(400, "this page has no vendor to find the other pages by")
        answers = warehouse.page_history(item["page_id"], item["file_hash"] or "")[1]
        records = {row["page_id"]: row for row in warehouse.day_tickets(item["partition_key"])}
    truck = record["truck_number"] if params.get("truck") and record["truck_number"] else None
    scope = BulkScope(item["partition_key"], record["vendor"], truck)
    value = page_value(record, answers, field)
    return bulk_plan(station.open_items.rows(), records, item["page_id"], scope, field, value), scope


def _apply(station, plan, chosen: set[int], because: str, by: str) -> tuple[list[dict], list[tuple[dict, str]]]:
    """One answer per page, each through `api.answer_item`; a page whose answer is refused is said so."""
    done, refused = [], []
    closed: set[int] = set()
    with station.open_items.closing(closed), station.warehouse.kept_open():
        for page in plan.pages:
            if page.item["id"] not in chosen:
                continue
            try:
                api.answer_item(station.settings, page.item["id"], [f"{plan.field}={plan.value}"], None,
                                because or None, by, warehouse=station.warehouse)
            except UserError as err:
                refused.append((page.item, str(err)))
                continue
            done.append(page.item)
            closed.add(page.item["id"])
    return done, refused


async def page_image(request: Request) -> Response:
    station = _station(request)
    signed_in_user(request, station.users)
    item = await run_in_threadpool(_item, station, request.path_params["review_id"])
    find = station.images.thumbnail if request.query_params.get("size") == "thumb" else station.images.page
    path = await run_in_threadpool(find, item)
    if path is None:
        raise HTTPException(404, "this item has no page image")
    return FileResponse(path)


async def day_status(request: Request) -> Response:
    station = _station(request)
    signed_in_user(request, station.users)
    return JSONResponse(await run_in_threadpool(day_state, station, request.path_params["day"]))


async def reports_page(request: Request) -> Response:
    station = _station(request)
    user = signed_in_user(request, station.users)
    days = await run_in_threadpool(days_with_reports, station.settings)
    return _render(request, "reports.html", {"user": user, "days": days, "jobs": job_folders(station.settings),
                                             "columns": api.LEDGER_COLUMNS[1:]})


async def report_download(request: Request) -> Response:
    station = _station(request)
    signed_in_user(request, station.users)
    folder, name = request.path_params["folder"], request.path_params["name"]
    path = report_file(station.settings, folder, name)
    if path is None:
        raise HTTPException(404, "no such report")
    return FileResponse(path, filename=f"{folder}_{name}")


async def _not_signed_in(request: Request, exc: NotSignedIn) -> Response:
    if request.method == "GET" and not request.url.path.startswith(("/image/", "/reports/", "/day/")):
        return RedirectResponse("/login", 303)
    return Response("sign in first", 401, media_type="text/plain")


async def _http_error(request: Request, exc: HTTPException) -> Response:
    return Response(exc.detail, exc.status_code, media_type="text/plain")


EXCEPTION_HANDLERS = {NotSignedIn: _not_signed_in, HTTPException: _http_error}
