"""The review station's web application: what it holds for its whole life, and its routes.

Starlette with Jinja2 templates, served by uvicorn (`tickets serve`). The warehouse and the page cache of
TICKETS_HOME are read per request; answers go through `api.answer_item`, as `tickets review resolve`'s do.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ticket_assets import api
from ticket_assets.config import Settings
from ticket_assets.schema import kept_content_of
from ticket_assets.station import views
from ticket_assets.station.auth import SESSION_COOKIE, SESSION_SECONDS, LoginThrottle, SecurityHeaders, session_secret
from ticket_assets.station.batching import QUIET_SECONDS, DayReruns
from ticket_assets.station.images import PageImages
from ticket_assets.station.item import vocabularies
from ticket_assets.station.queue import OpenItems
from ticket_assets.station.users import UserBook
from ticket_assets.store.warehouse import Warehouse

HERE = Path(__file__).parent


@dataclass
class Station:
    """What every request of the station shares."""

    settings: Settings
    warehouse: Warehouse
    users: UserBook
    open_items: OpenItems
    images: PageImages
    reruns: DayReruns
    throttle: LoginThrottle
    vocabularies: dict[str, tuple[str, ...]]
    templates: Jinja2Templates


def station_folder(settings: Settings) -> Path:
    """The station's own files in TICKETS_HOME: its users and the key its sessions are signed with."""
    return settings.home / "station"


def make_station(settings: Settings, quiet_seconds: float = QUIET_SECONDS) -> Station:
    warehouse = api.read_warehouse(settings)  # a home that holds no warehouse is refused here, once
    return Station(settings, warehouse, UserBook(station_folder(settings) / "users.json"), OpenItems(warehouse),
                   PageImages(settings), DayReruns(settings, quiet_seconds), LoginThrottle(), vocabularies(settings),
                   station_templates())


def station_templates() -> Jinja2Templates:
    """The pages' templates; `kept_content` marks the items of a record kept from its file's earlier content."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["kept_content"] = kept_content_of
    return templates


def create_app(station: Station, secure_cookies: bool = False) -> Starlette:
    """The application; `secure_cookies` when it is reached over HTTPS (behind a reverse proxy with TLS)."""

    @asynccontextmanager
    async def lifespan(app):
        station.reruns.start()
        yield
        station.reruns.stop()

    middleware = [Middleware(SecurityHeaders),
                  Middleware(SessionMiddleware, secret_key=session_secret(station_folder(station.settings)),
                             session_cookie=SESSION_COOKIE, max_age=SESSION_SECONDS, same_site="strict",
                             https_only=secure_cookies)]
    app = Starlette(routes=_routes(), middleware=middleware, lifespan=lifespan,
                    exception_handlers=views.EXCEPTION_HANDLERS)
    app.state.station = station
    return app


def _routes() -> list:
    return [
        Route("/login", views.login_form, methods=["GET"]),
        Route("/login", views.login, methods=["POST"]),
        Route("/logout", views.logout, methods=["POST"]),
        Route("/", views.home, methods=["GET"]),
        Route("/queue", views.queue_page, methods=["GET"]),
        Route("/item/{review_id:int}", views.item_page, methods=["GET"]),
        Route("/item/{review_id:int}/answer", views.answer, methods=["POST"]),
        Route("/item/{review_id:int}/bulk", views.bulk_preview, methods=["GET"]),
        Route("/item/{review_id:int}/bulk", views.bulk_apply, methods=["POST"]),
        Route("/image/{review_id:int}", views.page_image, methods=["GET"]),
        Route("/day/{day}/status", views.day_status, methods=["GET"]),
        Route("/reports", views.reports_page, methods=["GET"]),
        Route("/reports/{folder}/{name}", views.report_download, methods=["GET"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
