"""Calendar feeds and working days."""

from __future__ import annotations

EN_CALENDAR: dict[str, str] = {
    "cmd_calendar": "Export a calendar (.ics): a unit's tasks, one all-day event each, with reminders 7 days and 1 day before. Without a unit: every task (the coordinator's calendar)",
    "help_arg_calendar_unit": "a unit or county by name; without it, every task",
    "help_calendar_all": "one calendar per unit, plus all.ics with every task, in the folder given by -o",
    "help_output_ical": "the .ics file to write (with --all, a folder); none or - writes to standard output",
    "ical_unit_or_all": "name a unit or use --all, not both",
    "ical_all_folder": "--all needs a folder given with -o, for example -o calendars/",
    "ical_name": "{plan}: {unit}",
    "ical_name_all": "{plan}: every task",
    "ical_summary": "[{unit}] {title}",
    "ical_unit": "Responsible unit: {unit}",
    "ical_measure": "Measure {n}",
    "ical_pilot": "Pilot {n}",
    "ical_due": "Due: {date}",
    "ical_quote": "The plan says: {quote}",
    "ical_alarm": "Due in {days} days: {summary}",
    "date_with_weekday": "{weekday}, {date}",
    "weekday_0": "Monday",
    "weekday_1": "Tuesday",
    "weekday_2": "Wednesday",
    "weekday_3": "Thursday",
    "weekday_4": "Friday",
    "weekday_5": "Saturday",
    "weekday_6": "Sunday",
    "deadline_off_day": "Note: the deadline falls on a weekend or public holiday",
    "deadline_year_unknown": "(the holidays of {year} are not yet known, so whether the deadline is a working day cannot be said)",
    "workdays_unknown_year": "the holidays and make-up working days of {year} are not yet known (the chinesecalendar package has no data for that year), so working days cannot be counted; upgrade the package (pip install -U chinesecalendar) or drop --workdays to count calendar days",
    "help_workdays": "count working days (the State Council's holidays and make-up days) instead of calendar days",
    "notice_within_workdays": "{n} working days",
}
