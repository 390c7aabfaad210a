"""Working days (工作日) of the State Council's holiday calendar: pure functions over a
``WorkdayTest`` (is this day worked?), so that the package holding the official calendar
is chosen, and imported, by the command line alone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

WorkdayTest = Callable[[date], bool]
"""True on a working day (调休 make-up Saturdays included), False on a weekend or holiday;
raises ``UnknownYear`` for a year the calendar does not cover."""


class UnknownYear(Exception):
    """The official calendar does not yet cover ``year``: a count would be a guess."""

    def __init__(self, year: int) -> None:
        super().__init__(year)
        self.year = year


def add_workdays(start: date, count: int, is_workday: WorkdayTest) -> date:
    """The day ``count`` working days after ``start`` (start itself not counted), as
    a notice's 限期 of ``count`` 个工作日 is read: the deadline is a working day."""
    day = start
    left = count
    while left > 0:
        day += timedelta(days=1)
        if is_workday(day):
            left -= 1
    return day


def off_day(day: date, is_workday: WorkdayTest) -> bool:
    """True if ``day`` falls on a weekend or public holiday (a deadline to mark)."""
    return not is_workday(day)
