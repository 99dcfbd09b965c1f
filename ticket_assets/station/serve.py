"""`tickets serve`: the station under uvicorn, one process (the day reruns and the login throttle live in it)."""

from __future__ import annotations

import uvicorn

from ticket_assets.config import Settings
from ticket_assets.station.app import create_app, make_station
from ticket_assets.station.batching import QUIET_SECONDS

PROXIES_ON_THIS_MACHINE = "127.0.0.1"


def serve(settings: Settings, host: str, port: int, behind_proxy: bool = False,
          quiet_seconds: float = QUIET_SECONDS) -> None:
    """Serve until Ctrl-C or SIGTERM. Behind a reverse proxy with TLS, cookies are sent over HTTPS only and
    the client address (for the login throttle) is taken from the proxy's X-Forwarded-For."""
    app = create_app(make_station(settings, quiet_seconds), secure_cookies=behind_proxy)
    uvicorn.run(app, host=host, port=port, proxy_headers=behind_proxy, forwarded_allow_ips=PROXIES_ON_THIS_MACHINE,
                server_header=False, log_level="warning")
