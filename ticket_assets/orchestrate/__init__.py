"""Work with the Dagster instance from plain Python: launch a day's run, read a run's audit trail, start the UI."""
