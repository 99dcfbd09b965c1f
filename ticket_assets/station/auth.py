"""Who is asking: sessions in signed cookies, CSRF tokens, login throttling and the security headers.

The session cookie (Starlette's SessionMiddleware: itsdangerous-signed, HttpOnly) holds the user's name, a
mark of their password hash (a changed password ends the session) and the CSRF token every form that
changes something must send back. The user's role is read from the users file on every request.
"""

from __future__ import annotations

import os
import secrets
import time
from collections import defaultdict, deque
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import Request

from ticket_assets.station.users import User, UserBook

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SESSION_COOKIE = "station_session"
SESSION_SECONDS = 12 * 3600
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
}


class NotSignedIn(Exception):
    """A request without a valid session: a page goes to the login form, anything else is refused."""


def session_secret(folder: Path) -> str:
    """The key sessions are signed with, made once per home and readable by its owner only."""
    path = folder / "session_secret"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use (the login form has one too)."""
    if "csrf" not in request.session:
        request.session["csrf"] = secrets.token_urlsafe(32)
    return request.session["csrf"]


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request whose token (form field or header) is not the session's."""
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        sent = (await request.form()).get(CSRF_FIELD)
    expected = request.session.get("csrf")
    if not expected or not isinstance(sent, str) or not secrets.compare_digest(sent, expected):
        raise HTTPException(403, "the form's CSRF token is missing or wrong: reload the page and try again")


def signed_in_user(request: Request, users: UserBook) -> User:
    user = users.users().get(request.session.get("user", ""))
    if user is None or request.session.get("mark") != user.password_mark:
        raise NotSignedIn()
    return user


def sign_in(request: Request, user: User) -> None:
    request.session.clear()
    request.session.update({"user": user.name, "mark": user.password_mark, "csrf": secrets.token_urlsafe(32)})


def answering_user(request: Request, users: UserBook) -> User:
    """The signed-in user, refused unless they may answer (a viewer only sees and downloads)."""
    user = signed_in_user(request, users)
    if not user.may_answer:
        raise HTTPException(403, f"{user.name} is a viewer: viewers see and download, reviewers answer")
    return user


class LoginThrottle:
    """At most `per_name` failed logins for one user name, and `per_address` from one client address (an
    office behind one router shares it), within `window` seconds."""

    def __init__(self, per_name: int = 5, per_address: int = 20, window: float = 300):
        self.limits = {"name": per_name, "address": per_address}
        self.window = window
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)

    def wait_seconds(self, address: str, name: str) -> float:
        """How long these must wait before trying again; 0 when they may try now."""
        now = time.monotonic()
        return max(self._wait(("address", address), now), self._wait(("name", name), now))

    def failed(self, address: str, name: str) -> None:
        for key in (("address", address), ("name", name)):
            self._failures[key].append(time.monotonic())

    def _wait(self, key: tuple[str, str], now: float) -> float:
        failures = self._failures[key]
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        if not failures:
            self._failures.pop(key, None)  # names tried once are not kept forever
            return 0.0
        return failures[0] + self.window - now if len(failures) >= self.limits[key[0]] else 0.0


class SecurityHeaders:
    """ASGI middleware: the security headers on every response, and no caching of what a session sees."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                if not static:
                    headers.append((b"cache-control", b"private, no-store" if not scope["path"].startswith(
                        "/image/") else b"private, max-age=3600"))
                message["headers"] = [*message.get("headers", []), *headers]
            await send(message)

        await self.app(scope, receive, send_with_headers)
