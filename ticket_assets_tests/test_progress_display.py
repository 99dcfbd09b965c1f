"""The progress of `tickets process`: one display for every day it runs, fed by the read steps' progress files;
redrawn in place on a terminal, plain lines anywhere else."""

import io
import re

from ticket_assets.cli.display import CLEAR_LINE, DaysProgress, counted, progress_text
from ticket_assets.progress import progress_path, write_progress

FIRST, SECOND = "2024-10-17", "2024-10-18"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _read(home, day: str, done: int, total: int) -> None:
    write_progress(progress_path(home, day), done, total)


def test_the_text_counts_pages_of_every_day_names_the_days_being_read_and_estimates_the_time_left():
    text = progress_text({FIRST: (10, 40), SECOND: (30, 30)}, to_start=1, seconds=80)
    # 65 pages still to read (30 of the first day, 35 for the average day to start), at 2 s a page
    assert text == f"pages read 40/70 | {FIRST} 10/40 | 1 day to start | about 2 min left"
    assert progress_text({}, to_start=2, seconds=5) == "pages read 0/0 | 2 days to start"
    assert progress_text({FIRST: (3, 3)}, to_start=0, seconds=5) == "pages read 3/3"


def test_counts_name_one_thing_in_the_singular():
    assert [counted(number, "file") for number in (0, 1, 2)] == ["0 files", "1 file", "2 files"]


def test_without_a_terminal_the_progress_is_plain_lines_each_quarter_of_a_day(tmp_path):
    out = io.StringIO()
    progress = DaysProgress(tmp_path, out, poll_seconds=3600)  # refreshed by hand below
    _read(tmp_path, FIRST, 0, 8)  # left by an earlier run: not this one's progress
    with progress.running([FIRST, SECOND]):
        progress.refresh()
        for done in (1, 2, 3):
            _read(tmp_path, FIRST, done, 8)
            progress.refresh()
        _read(tmp_path, SECOND, 0, 4)
        progress.refresh()
        progress.print(f"{FIRST}: done")
        _read(tmp_path, FIRST, 8, 8)
        _read(tmp_path, SECOND, 4, 4)
    text = out.getvalue()
    assert "\r" not in text and "\x1b" not in text
    lines = [re.sub(r" \| about \d+ s left", "", line) for line in text.splitlines()]
    assert lines == [f"pages read 2/8 | {FIRST} 2/8 | 1 day to start",  # a quarter of the first day
                     f"{FIRST}: done",
                     "pages read 12/12"]


def test_a_day_found_unchanged_is_not_one_to_start_and_the_only_day_is_not_said_to_wait(tmp_path):
    """Trial: "1 day waiting" was shown while only one day was being read: the day of the command while its run
    started, or another left as it was (found unchanged)."""
    assert progress_text({}, to_start=1, seconds=1) == "pages read 0/0 | 1 day to start"
    out = io.StringIO()
    progress = DaysProgress(tmp_path, out, poll_seconds=3600)
    with progress.running([FIRST, SECOND]):
        progress.day_done(FIRST, f"{FIRST}: unchanged since run 1")  # never read: no progress file
        _read(tmp_path, SECOND, 1, 4)
        progress.refresh()
    lines = [re.sub(r" \| about \d+ s left", "", line) for line in out.getvalue().splitlines()]
    assert lines[:2] == [f"{FIRST}: unchanged since run 1", f"pages read 1/4 | {SECOND} 1/4"]


def test_on_a_terminal_one_line_is_redrawn_and_the_command_s_lines_print_above_it(tmp_path):
    out = Terminal()
    progress = DaysProgress(tmp_path, out, poll_seconds=3600)
    with progress.running([FIRST, SECOND]):
        _read(tmp_path, FIRST, 1, 8)
        progress.refresh()
        progress.print(f"{SECOND}: FAILED, the reason")
        _read(tmp_path, FIRST, 2, 8)
        progress.refresh()
    text = out.getvalue()
    assert text.endswith(CLEAR_LINE)  # the display is gone when the days are done
    above, below = text.split("\n")
    *drawn_above, printed = above.split(CLEAR_LINE)
    assert printed == f"{SECOND}: FAILED, the reason"  # the display wiped, the command's line in its place
    assert drawn_above[-1].startswith(f"pages read 1/8 | {FIRST} 1/8 | 1 day to start")
    drawn_below = below.split(CLEAR_LINE)  # drawn again below that line, then updated
    assert drawn_below[0].startswith(f"pages read 1/8 | {FIRST} 1/8 | 1 day to start")
    assert drawn_below[1].startswith(f"pages read 2/8 | {FIRST} 2/8 | 1 day to start")
