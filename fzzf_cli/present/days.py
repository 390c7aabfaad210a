"""Dates as documents write them, with the weekday (2017年10月17日（星期二）), and the
mark on a deadline that falls on a weekend or public holiday."""

from __future__ import annotations

from datetime import date

from fzzf_cli.derive.workdays import UnknownYear, WorkdayTest, off_day
from fzzf_cli.text import long_date, msg


def weekday_date(day: date) -> str:
    """``day`` in words with its weekday: 2017年10月17日（星期二）."""
    return msg("date_with_weekday", date=long_date(day), weekday=msg(f"weekday_{day.weekday()}"))


def off_day_mark(day: date, is_workday: WorkdayTest | None) -> str:
    """'' on a working day; a note when ``day`` is a weekend or holiday; a note that the
    official calendar does not know the year (so nothing is claimed either way)."""
    if is_workday is None:
        return ""
    try:
        return msg("deadline_off_day") if off_day(day, is_workday) else ""
    except UnknownYear as error:
        return msg("deadline_year_unknown", year=error.year)
