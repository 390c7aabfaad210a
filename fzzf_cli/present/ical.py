"""Calendar feeds (RFC 5545, via ``icalendar``): one all-day event per obligation, with
the plan's words and the measure, reminders 7 days and 1 day before.

The bytes depend only on the obligations and the as-of day: UIDs come from obligation
ids, DTSTAMP is the as-of day (never the clock), events are in due-date order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from fzzf_cli.present.days import off_day_mark, weekday_date
from fzzf_cli.read.writefile import MARKER
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation
    from fzzf_cli.derive.workdays import WorkdayTest

# The marker lets a later run replace the feed it wrote (feeds are republished daily).
PRODID = f"-//fzzf//{MARKER}//ZH"
UID_DOMAIN = "fzzf.invalid"
ALARM_DAYS = (7, 1)
# Control characters (a newline is kept: icalendar escapes it), and bidi overrides
# that would disguise a title in a calendar's list.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _clean(text: str) -> str:
    return _UNSAFE.sub("", text)


def uid_of(o: Obligation) -> str:
    """A UID that stays the same across runs and versions: the obligation id, with any
    character outside [A-Za-z0-9.-] written as its code point."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in ".-") else f"_{ord(c):x}_"
                   for c in o.id)  # fmt: skip
    return f"{safe}@{UID_DOMAIN}"


def _description(o: Obligation, is_workday: WorkdayTest | None) -> str:
    lines = [msg("ical_unit", unit=o.unit)]
    if o.measure is not None:
        lines.append(msg("ical_measure", n=o.measure))
    if o.pilot is not None and o.pilot != o.measure:
        lines.append(msg("ical_pilot", n=o.pilot))
    lines.append(msg("ical_due", date=weekday_date(o.due)))
    mark = off_day_mark(o.due, is_workday)
    if mark:
        lines.append(mark)
    lines.append(msg("ical_quote", quote=o.quote))
    return _clean("\n".join(lines))


def calendar_bytes(
    name: str, obligations: Iterable[Obligation], as_of: date, is_workday: WorkdayTest | None
) -> bytes:
    """The feed ``name`` holding ``obligations``, stamped with ``as_of``."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # A calendar's name is one line: icalendar does not escape a newline in an X- property.
    cal.add("x-wr-calname", " ".join(_clean(name).split()))
    stamp = datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC)
    for o in sorted(obligations, key=lambda o: (o.due, o.id)):
        event = Event()
        summary = _clean(msg("ical_summary", unit=o.unit, title=o.title))
        event.add("uid", uid_of(o))
        event.add("dtstamp", stamp)
        event.add("dtstart", o.due)
        event.add("dtend", o.due + timedelta(days=1))
        event.add("summary", summary)
        event.add("description", _description(o, is_workday))
        event.add("transp", "TRANSPARENT")
        for days in ALARM_DAYS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", timedelta(days=-days))
            alarm.add("description", _clean(msg("ical_alarm", days=days, summary=summary)))
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
