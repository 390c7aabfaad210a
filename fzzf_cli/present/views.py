"""Plain records of the plan for listings: what ``fzzf measures/units/pilots`` show.

These are the JSON interface (English field names, documented in README) and the rows
the tables are drawn from. Pure functions of the dataset.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from fzzf_cli.model.dataset import Dataset, add_months

if TYPE_CHECKING:
    from fzzf_cli.model.plan import Measure, Milestone, Pilot

Record = dict[str, Any]


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def milestone_record(stone: Milestone) -> Record:
    rule = stone.recurrence
    return {
        "title": stone.title,
        "due": _day(stone.due),
        "start": _day(stone.start),
        "recurrence": None
        if rule is None
        else {
            "every_months": rule.every_months,
            "first_due": _day(rule.first_due),
            "last_due": _day(rule.last_due),
        },
        "implied": stone.implied,
        "ongoing": stone.ongoing,
        "stage": stone.stage,
        "units": list(stone.units) if stone.units is not None else None,
        "quote": stone.quote,
    }


def measure_record(ds: Dataset, measure: Measure) -> Record:
    return {
        "id": measure.id,
        "area": measure.area,
        "area_title": ds.areas.get(measure.area, ""),
        "text": measure.text,
        "lead": ds.lead(measure),
        "units": ds.measure_units(measure),
        "units_text": measure.units_text,
        "open_ended": measure.open_ended,
        "pilot": measure.pilot,
        "milestones": [milestone_record(s) for s in ds.milestones(measure)],
        "targets": [
            {
                "metric": t.metric,
                "name": t.name,
                "comparison": t.comparison,
                "value": t.value,
                "baseline_year": t.baseline_year,
                "unit": t.unit,
                "by": _day(t.by),
                "quote": t.quote,
            }
            for t in measure.targets
        ],
    }


def select_measures(ds: Dataset, area: int | None = None, unit: str | None = None) -> list[Measure]:
    """Measures of an area, or those a unit or group is responsible for (directly or
    through a group it belongs to)."""
    chosen = []
    for measure in ds.measures_file.measures:
        if area is not None and measure.area != area:
            continue
        if unit is not None:
            refs = ds.measure_units(measure)
            inside = unit in refs or (unit in ds.units and unit in ds.expand(refs))
            if not inside:
                continue
        chosen.append(measure)
    return chosen


def next_due(ds: Dataset, measure: Measure) -> date | None:
    """The earliest written or implied deadline of a measure (first occurrence of a rule)."""
    days = [
        s.due or (s.recurrence.first_due if s.recurrence else None) for s in ds.milestones(measure)
    ]
    found = [d for d in days if d is not None]
    return min(found) if found else None


def unit_records(ds: Dataset) -> list[Record]:
    units = [
        {
            "id": u.id,
            "name": u.name,
            "full_name": u.full_name,
            "aliases": list(u.aliases),
            "kind": u.kind,
            "tags": list(u.tags),
        }
        for u in ds.units_file.units
    ]
    groups = [
        {
            "id": g.id,
            "name": g.name,
            "full_name": None,
            "aliases": list(g.aliases),
            "kind": "group",
            "open": g.open,
            "members": ds.members(g),
            "within": list(g.within),
        }
        for g in ds.units_file.groups
    ]
    return units + groups


def pilot_record(ds: Dataset, pilot: Pilot) -> Record:
    rules = ds.pilots_file.rules
    start = ds.pilot_start(pilot)
    return {
        "id": pilot.id,
        "measure": pilot.measure,
        "title": pilot.title,
        "areas": list(pilot.areas),
        "units": list(pilot.units),
        "plan_due": _day(rules.plan_due),
        "start": _day(start),
        "complete_by": _day(add_months(start, rules.completion_months)),
    }
