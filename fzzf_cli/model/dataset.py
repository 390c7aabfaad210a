"""The loaded plan: the three files' records, indexed, with their YAML kept for locations.

A ``Dataset`` is built only from files that passed their models; the cross-checks in
``checks.py`` then look at it as a whole. Group membership is resolved here because
both the checks and every later stage need it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from fzzf_cli.errors import Location
from fzzf_cli.model.light import is_light, light_class

if TYPE_CHECKING:  # the models are pydantic's: a plan from the cache is made of light records
    from fzzf_cli.model.changes import ExtensionsFile, Round, RoundsFile
    from fzzf_cli.model.conventions import Conventions
    from fzzf_cli.model.plan import (
        Group,
        Measure,
        MeasuresFile,
        Milestone,
        Pilot,
        PilotsFile,
        PlanInfo,
        Unit,
        UnitsFile,
    )
    from fzzf_cli.read.yamlio import YamlDoc

UNITS = "units"
MEASURES = "measures"
PILOTS = "pilots"
EXTENSIONS = "extensions"  # optional: data/extensions.yaml
ROUNDS = "rounds"  # optional: data/rounds.yaml


@dataclass(frozen=True)
class Dataset:
    """The whole plan. ``docs`` maps ``units``/``measures``/``pilots`` to their YAML."""

    units_file: UnitsFile
    measures_file: MeasuresFile
    pilots_file: PilotsFile
    docs: dict[str, YamlDoc] = field(default_factory=dict)
    extensions_file: ExtensionsFile = field(default_factory=lambda: _no_extensions())
    rounds_file: RoundsFile = field(default_factory=lambda: _no_rounds())

    # --- locations ------------------------------------------------------------------

    def where(self, doc: str, loc: tuple[str | int, ...], *, at_key: bool = False) -> Location:
        """The line and column of ``loc`` inside the file ``doc`` (units, measures, pilots)."""
        from fzzf_cli.read.yamlio import locate  # only needed when something is wrong

        yaml_doc = self.docs.get(doc)
        if yaml_doc is None:
            return Location(f"data/{doc}.yaml")
        return locate(yaml_doc, loc, at_key=at_key)

    # --- indexes --------------------------------------------------------------------

    @property
    def plan(self) -> PlanInfo:
        return self.measures_file.plan

    @property
    def conventions(self) -> Conventions:
        return self.measures_file.conventions

    def numeral(self, area: int) -> str:
        """How the source numbers an area: 三 for the third (（三）加强重大行政决策…)."""
        numerals = self.conventions.area_numerals
        return numerals[area - 1] if 1 <= area <= len(numerals) else str(area)

    def measure_numbers(self) -> range:
        """The numbers the plan's measures take: the declared range, else 1 to the highest."""
        declared = self.conventions.measures
        if declared is not None:
            return range(declared.first, declared.last + 1)
        return range(1, max(self.measures, default=0) + 1)

    @cached_property
    def units(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units_file.units}

    @cached_property
    def groups(self) -> dict[str, Group]:
        return {g.id: g for g in self.units_file.groups}

    @cached_property
    def measures(self) -> dict[int, Measure]:
        return {m.id: m for m in self.measures_file.measures}

    @cached_property
    def pilots(self) -> dict[int, Pilot]:
        return {p.id: p for p in self.pilots_file.pilots}

    @cached_property
    def rounds(self) -> dict[str, Round]:
        return {r.id: r for r in self.rounds_file.rounds}

    @cached_property
    def areas(self) -> dict[int, str]:
        return {a.id: a.title for a in self.measures_file.areas}

    def name_of(self, ref: str) -> str:
        """The name of a unit or group id, or the id itself when it is unknown."""
        if ref in self.units:
            return self.units[ref].name
        if ref in self.groups:
            return self.groups[ref].name
        return ref

    # --- groups ---------------------------------------------------------------------

    def members(self, group: Group) -> list[str]:
        """Unit ids of a group, in units.yaml order; an open group lists its designees."""
        if self.groups.get(group.id) is not group:
            return self._members(group)
        known = self._members_of.get(group.id)
        if known is None:
            known = self._members_of[group.id] = self._members(group)
        return list(known)

    @cached_property
    def _members_of(self) -> dict[str, list[str]]:
        return {}  # each group of the plan's, worked out once (derive asks for each milestone)

    def _members(self, group: Group) -> list[str]:
        chosen: set[str] = set(group.members)
        if group.select is not None:
            rule = group.select
            for unit in self.units_file.units:
                if (rule.kind and unit.kind == rule.kind) or (rule.tag and rule.tag in unit.tags):
                    chosen.add(unit.id)
        return [u.id for u in self.units_file.units if u.id in chosen]

    def expand(self, refs: Iterable[str]) -> list[str]:
        """Unit ids named by ``refs`` (units and groups), first mention first, no repeats."""
        seen: dict[str, None] = {}
        for ref in refs:
            if ref in self.groups:
                for uid in self.members(self.groups[ref]):
                    seen.setdefault(uid, None)
            elif ref in self.units:
                seen.setdefault(ref, None)
        return list(seen)

    # --- measures -------------------------------------------------------------------

    def measure_units(self, measure: Measure) -> list[str]:
        """Responsible units and groups in the source's order; pilots list areas first."""
        if measure.pilot is not None and measure.pilot in self.pilots:
            pilot = self.pilots[measure.pilot]
            return [*pilot.areas, *pilot.units]
        return list(measure.units)

    def lead(self, measure: Measure) -> str | None:
        """The lead unit: the first listed, when it is a unit (44, 46 and pilots have none)."""
        if measure.pilot is not None:
            return None
        first = measure.units[0] if measure.units else None
        return first if first in self.units else None

    def pilot_start(self, pilot: Pilot) -> date:
        return pilot.start or self.pilots_file.rules.default_start

    def milestones(self, measure: Measure) -> list[Milestone]:
        """Written milestones, or for a pilot measure the pilot's plan and completion."""
        if measure.pilot is None or measure.pilot not in self.pilots:
            return list(measure.milestones)
        rules = self.pilots_file.rules
        pilot = self.pilots[measure.pilot]
        units = [*pilot.areas, *pilot.units]
        done = add_months(self.pilot_start(pilot), rules.completion_months)
        # Constructed: these values were validated when pilots.yaml was read.
        if is_light(measure):
            construct = light_class("Milestone").construct
        else:
            from fzzf_cli.model.plan import Milestone

            construct = Milestone.model_construct
        return [
            construct(
                title=rules.plan_title, due=rules.plan_due, units=units, quote=rules.plan_quote
            ),
            construct(
                title=rules.completion_title,
                due=done,
                start=self.pilot_start(pilot),
                units=units,
                quote=rules.completion_quote,
            ),
        ]


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's end (Jan 31 + 1 → Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = month_end(date(year, month, 1)).day
    return date(year, month, min(day.day, last))


def month_end(day: date) -> date:
    """The last day of ``day``'s month."""
    if day.month == 12:
        return date(day.year, 12, 31)
    return date(day.year, day.month + 1, 1) - timedelta(days=1)


def _no_extensions() -> ExtensionsFile:
    """data/extensions.yaml left out: no extensions."""
    from fzzf_cli.model.changes import ExtensionsFile

    return ExtensionsFile()


def _no_rounds() -> RoundsFile:
    """data/rounds.yaml left out: no rounds."""
    from fzzf_cli.model.changes import RoundsFile

    return RoundsFile()
