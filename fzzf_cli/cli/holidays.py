"""The official working-day calendar: China's holidays and 调休 days from the
``chinese-calendar`` package, imported only by the commands that count working days."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

import typer

from fzzf_cli.derive.workdays import UnknownYear, WorkdayTest, add_workdays
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


WorkdaysOpt = Annotated[bool, typer.Option("--workdays", help=msg("help_workdays"))]


def days_after(start: date, count: int, workdays: bool) -> date:
    """``count`` days after ``start``: calendar days, or (``workdays``) 工作日 of the
    official calendar; a usage error when that calendar does not know a year it needs."""
    if not workdays:
        return start + timedelta(days=count)
    try:
        return add_workdays(start, count, official_workdays())
    except UnknownYear as error:
        raise unknown_year(error) from None


def window_words(count: int, workdays: bool) -> str:
    """A window as it was asked for, for the reader: 14 天, 10 个工作日."""
    return msg("window_workdays" if workdays else "window_days", days=count)


def soon_span(start: date, soon: int, workdays: bool) -> int:
    """``--soon`` as the calendar days the statuses are judged by (see ``days_after``)."""
    return (days_after(start, soon, workdays) - start).days
