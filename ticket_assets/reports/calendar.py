"""The job calendar the office sheets use: job weeks (Monday-Sunday) and job months."""

from __future__ import annotations

from datetime import date, timedelta

# Spelled out rather than strftime("%B"/"%a"), which follows the process locale.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def job_week(day: date, job_start: date) -> int:
    """Week number within the job; week 1 is the Monday-Sunday week holding the start date."""
    return (_monday_of(day) - _monday_of(job_start)).days // 7 + 1


def job_week_label(day: date, job_start: date) -> str:
    """`Week 16 - (End 10/20/24)`: the job week and the Sunday that ends it."""
    sunday = _monday_of(day) + timedelta(days=6)
    return f"Week {job_week(day, job_start)} - (End {sunday:%m/%d/%y})"


def job_month(day: date, job_start: date) -> int:
    """Month number within the job; month 1 is the start month."""
    return (day.year - job_start.year) * 12 + day.month - job_start.month + 1


def job_month_label(day: date, job_start: date) -> str:
    """`004 - October 24`: the job month and the calendar month it falls in."""
    return f"{job_month(day, job_start):03d} - {MONTH_NAMES[day.month - 1]} {day:%y}"


def weekday_name(day: date) -> str:
    """`Mon` .. `Sun`."""
    return WEEKDAY_NAMES[day.weekday()]
