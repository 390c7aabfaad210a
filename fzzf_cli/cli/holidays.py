"""The official working-day calendar: China's holidays and 调休 days from the
``chinese-calendar`` package, imported only by the commands that count working days."""

from __future__ import annotations

from datetime import date

from fzzf_cli.derive.workdays import UnknownYear, WorkdayTest
from fzzf_cli.errors import EXIT_USAGE, FzzfError
from fzzf_cli.text import msg


def official_workdays() -> WorkdayTest:
    """``is_workday`` of the official calendar; a year it does not know raises
    ``UnknownYear`` (see ``unknown_year``), never a guess from weekdays alone."""
    import chinese_calendar

    def is_workday(day: date) -> bool:
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            raise UnknownYear(day.year) from None

    return is_workday


def unknown_year(error: UnknownYear) -> FzzfError:
    """The usage error for a count that reaches a year the calendar does not cover."""
    return FzzfError(msg("workdays_unknown_year", year=error.year), EXIT_USAGE)
