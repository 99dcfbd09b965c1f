"""The errors a person can fix: the `tickets` command prints their one-line message and exits with 2.

Failures of the machine (a killed process, a locked file) are other exceptions: they stop or retry
a step. Doubtful pages are neither: they are data, in the review queue.
"""


class UserError(Exception):
    """Something a person typed, configured or pointed at is wrong; the message says what and how to fix it."""
