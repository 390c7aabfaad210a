"""Working days over a stand-in calendar, and the official one's National Day 2017."""

from __future__ import annotations

from datetime import date

import pytest

from fzzf_cli.derive.workdays import UnknownYear, add_workdays, off_day
from fzzf_cli.present.days import off_day_mark, weekday_date


def weekdays_only(day: date) -> bool:
    if day.year > 2017:
        raise UnknownYear(day.year)
    return day.weekday() < 5


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2017, 9, 22), 1, date(2017, 9, 25)),  # Friday + 1 → Monday
        (date(2017, 9, 25), 5, date(2017, 10, 2)),  # the start is not counted
        (date(2017, 9, 23), 1, date(2017, 9, 25)),  # from a Saturday
    ],
)
def test_add_workdays(start: date, count: int, expected: date) -> None:
    assert add_workdays(start, count, weekdays_only) == expected


def test_unknown_year_is_never_guessed() -> None:
    with pytest.raises(UnknownYear):
        add_workdays(date(2017, 12, 29), 2, weekdays_only)
    assert "2018" in off_day_mark(date(2018, 1, 1), weekdays_only)


def test_off_day_and_weekday() -> None:
    assert off_day(date(2017, 7, 30), weekdays_only)
    assert off_day_mark(date(2017, 7, 31), weekdays_only) == ""
    assert off_day_mark(date(2017, 7, 30), weekdays_only) != ""
    assert weekday_date(date(2017, 10, 17)) == "2017年10月17日（星期二）"


def test_official_calendar_knows_national_day_and_make_up_days() -> None:
    from fzzf_cli.cli.holidays import days_after

    # 9-30 (a Saturday) is a 调休 working day; 10-1..10-8 are the holiday.
    assert days_after(date(2017, 9, 25), 15, workdays=True) == date(2017, 10, 20)
    assert days_after(date(2017, 9, 25), 15, workdays=False) == date(2017, 10, 10)
