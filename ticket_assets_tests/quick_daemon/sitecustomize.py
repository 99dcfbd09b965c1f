"""Put on PYTHONPATH by test_ui_runs for `tickets ui`: in the Dagster daemon's process only, the backfill loop
waits TICKETS_TEST_BACKFILL_INTERVAL seconds between its passes instead of Dagster's 30, which no instance
setting changes. A backfill launched from the UI then starts within seconds, as it does, only later, anywhere."""

import os
import sys

if "dagster._daemon" in sys.orig_argv and os.environ.get("TICKETS_TEST_BACKFILL_INTERVAL"):
    import dagster._daemon.controller

    dagster._daemon.controller.DEFAULT_DAEMON_INTERVAL_SECONDS = float(os.environ["TICKETS_TEST_BACKFILL_INTERVAL"])
