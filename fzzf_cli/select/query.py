"""Selecting obligations: by time window, unit, measure, kind; and the "things" they make.

A *thing* is what one row of the default ``fzzf due`` table shows: a milestone of a
measure, a round of reports, a pilot deadline — owed by one or many units.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from fzzf_cli.errors import EXIT_USAGE, FzzfError
from fzzf_cli.model.dataset import Dataset, month_end
from fzzf_cli.text import join, msg

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation
    from fzzf_cli.model.plan import Period


class Window(NamedTuple):
    """Due dates from ``start`` to ``end``, both included; None is open."""

    start: date | None
    end: date | None

    def holds(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


# Days fzzf answers about: wide around the plan, far from the ends of the calendar, where
# ``as_of + 14 days`` or a recurring task unrolled to ``--until`` would overflow.
FIRST_YEAR, LAST_YEAR = 1970, 2999


def parse_date(text: str, option: str) -> date:
    """``YYYY-MM-DD`` naming a real day in the years fzzf answers about, or a usage error
    naming the option."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            pass
        else:
            _in_range(day.year, option, text)
            return day
    raise FzzfError(msg("bad_date_option", option=option, value=text), EXIT_USAGE)


class OutOfRange(FzzfError):
    """A well-formed date outside the years fzzf answers about."""


def _in_range(year: int, option: str, text: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        text = msg("date_out_of_range", option=option, value=text, first=FIRST_YEAR,
                   last=LAST_YEAR)  # fmt: skip
        raise OutOfRange(text, EXIT_USAGE)


def window_for(
    year: str | None = None,
    quarter: str | None = None,
    month: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Window | None:
    """The window the options ask for; None when none was given. At most one kind."""
    given = [
        name
        for name, v in (("--year", year), ("--quarter", quarter), ("--month", month))
        if v is not None
    ]
    if start is not None or end is not None:
        given.append("--from/--to")
    if len(given) > 1:
        raise FzzfError(msg("range_conflict", options=join(given)), EXIT_USAGE)
    if year is not None:
        if not re.fullmatch(r"\d{4}", year.strip()):
            raise FzzfError(msg("bad_year", value=year), EXIT_USAGE)
        number = int(year)
        _in_range(number, "--year", year)
        return Window(date(number, 1, 1), date(number, 12, 31))
    if quarter is not None:
        found = re.fullmatch(r"(\d{4})-?[Qq]([1-4])", quarter.strip())
        if not found:
            raise FzzfError(msg("bad_quarter", value=quarter), EXIT_USAGE)
        _in_range(int(found[1]), "--quarter", quarter)
        first = date(int(found[1]), 3 * int(found[2]) - 2, 1)
        return Window(first, month_end(date(first.year, first.month + 2, 1)))
    if month is not None:
        found = re.fullmatch(r"(\d{4})-(\d{2})", month.strip())
        if not found or not 1 <= int(found[2]) <= 12:
            raise FzzfError(msg("bad_month", value=month), EXIT_USAGE)
        _in_range(int(found[1]), "--month", month)
        first = date(int(found[1]), int(found[2]), 1)
        return Window(first, month_end(first))
    if start is not None or end is not None:
        low = parse_date(start, "--from") if start is not None else None
        high = parse_date(end, "--to") if end is not None else None
        if low and high and low > high:
            raise FzzfError(msg("range_reversed"), EXIT_USAGE)
        return Window(low, high)
    return None


def select(
    obligations: Iterable[Obligation],
    window: Window | None = None,
    unit: str | None = None,
    measure: int | None = None,
    kind: str | None = None,
    lead_only: bool = False,
) -> list[Obligation]:
    """Obligations in the window owed by ``unit`` (a unit id, or a group id: those it
    brought in), of ``measure`` and ``kind``; ``lead_only`` keeps those the unit leads."""
    chosen = []
    for o in obligations:
        if window is not None and not window.holds(o.due):
            continue
        if unit is not None and unit not in (o.unit_id, o.via):
            continue
        if measure is not None and o.measure != measure:
            continue
        if kind is not None and o.kind != kind:
            continue
        if lead_only and not o.lead:
            continue
        chosen.append(o)
    return chosen


def parse_period(ds: Dataset, value: str) -> Period:
    """A reporting period as typed (``2017-h1`` too), or a usage error listing them."""
    periods = {p.id: p for p in ds.measures_file.reporting.periods}
    found = periods.get(value.strip().upper())
    if found is None:
        shown = join(list(periods))
        raise FzzfError(msg("new_unknown_period", value=value, periods=shown), EXIT_USAGE)
    return found


class Thing(NamedTuple):
    """One row of the grouped view: a thing due, its lead and everyone who owes it."""

    thing: str
    due: date
    kind: str
    measure: int | None
    pilot: int | None
    title: str
    lead: str | None
    implied: bool
    period: str | None
    owed_by: list[Obligation]


def things(ds: Dataset, obligations: Iterable[Obligation]) -> list[Thing]:
    """Group obligations by thing, keeping their order."""
    grouped: dict[str, list[Obligation]] = {}
    for o in obligations:
        grouped.setdefault(o.thing, []).append(o)
    rows = []
    for thing, owed in grouped.items():
        first = owed[0]
        lead = next((o.unit_id for o in owed if o.lead), None)
        if lead is None and first.measure is not None and first.pilot is None:
            lead = ds.lead(ds.measures[first.measure]) if first.measure in ds.measures else None
        rows.append(
            Thing(
                thing,
                first.due,
                first.kind,
                first.measure,
                first.pilot,
                first.title,
                lead,
                first.implied,
                first.period,
                owed,
            )
        )
    return rows


def last_deadline(obligations: list[Obligation]) -> Obligation | None:
    return max(obligations, key=lambda o: o.due, default=None)
